"""The browserless viewer session that warms replicas and drives the load benchmark, against a real server."""

import asyncio

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from dashboard.session.pages.border import BorderState
from dashboard.session.pages.scenarios import ScenariosState
from hosting.session import PAGES, run_blocking, run_page, session, warm

pytestmark = pytest.mark.e2e
RADIUS = "Distance from Russia's active sites, km"


def test_warming_opens_every_page_cleanly(server):
    assert run_blocking(warm(server)) == []
    assert len(PAGES) == 8  # navigation.PAGES, the Scenarios page included


def test_a_page_run_reports_its_sliders_and_takes_new_values(server):
    async def visit() -> tuple:
        async with session(server) as socket:
            first = await run_page(socket, "border")
            widget, value = first.sliders[RADIUS]
            moved = await run_page(socket, "border", [(widget, value + 50)])
            alone = await run_page(socket, "border", [(widget, value + 60)], first.fragments[RADIUS])
            return first, moved, alone

    first, moved, alone = run_blocking(visit())
    assert first.finished and not first.exceptions
    assert first.sliders[RADIUS][1] == BorderState.radius
    assert moved.finished and not moved.exceptions
    assert f"radius={BorderState.radius + 50}" in moved.query  # the view followed the slider into the address
    # as a browser moves it: the radius's section alone (the load benchmark's action), the address follows
    assert alone.finished and not alone.exceptions
    assert f"radius={BorderState.radius + 60}" in alone.query


RUBLE = "Ruble against the US$, %"
DRIVERS = {  # each slider's label and the value a link without drivers opens it at
    "Russia's real GDP growth, %": ScenariosState.sc_growth,
    RUBLE: ScenariosState.sc_ruble,
    "Migrant workers, change in number, %": ScenariosState.sc_migrants,
}


async def read_run(socket) -> tuple[list[ForwardMsg], str]:
    """What the server sends until a run ends (a run stopped for a rerun is read through), and the
    address the last run wrote."""
    sent: list[ForwardMsg] = []
    query = ""
    while True:
        message = ForwardMsg()
        message.ParseFromString(await asyncio.wait_for(socket.recv(), 120))
        sent.append(message)
        if message.WhichOneof("type") == "page_info_changed":
            query = message.page_info_changed.query_string
        if message.WhichOneof("type") == "script_finished" and (
            message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN
        ):
            return sent, query


def elements(sent: list[ForwardMsg], kind: str) -> list:
    return [
        m.delta
        for m in sent
        if m.WhichOneof("type") == "delta"
        and m.delta.WhichOneof("type") == "new_element"
        and m.delta.new_element.WhichOneof("type") == kind
    ]


def test_a_scenario_slider_moved_as_a_browser_moves_it_reruns_its_section_and_the_link(server):
    """A browser asks for the slider's own section alone (a fragment rerun): the section reruns and
    then writes the page's frame, so the address and the share link follow, and of the page's eight
    charts only the section's two are sent."""

    async def visit() -> tuple:
        async with session(server) as socket:
            message = BackMsg()
            message.rerun_script.page_name = "scenarios"
            await socket.send(message.SerializeToString())
            opened, _ = await read_run(socket)
            sliders = {d.new_element.slider.label: d for d in elements(opened, "slider")}
            ruble = sliders[RUBLE]
            moved = BackMsg()
            moved.rerun_script.page_name = "scenarios"
            moved.rerun_script.fragment_id = ruble.fragment_id
            for label, value in DRIVERS.items():  # the ruble one point down, the others as they were
                state = moved.rerun_script.widget_states.widgets.add()
                state.id = sliders[label].new_element.slider.id
                state.double_array_value.data.append(value - 1.0 if label == RUBLE else value)
            await socket.send(moved.SerializeToString())
            return opened, ruble.fragment_id, await read_run(socket)

    opened, drivers, (sent, query) = run_blocking(visit())
    assert drivers  # the sliders are in a section of their own
    assert len(elements(opened, "vega_lite_chart")) == 8 and not elements(opened, "exception")
    assert query == "sc_ruble=-1"  # the address followed
    assert len(elements(sent, "vega_lite_chart")) == 2  # the result's charts, not the record's six
    (link,) = [d.new_element.code.code_text for d in elements(sent, "code")]
    assert link.endswith("/scenarios?sc_ruble=-1")  # the share link too (a client without an address: the path)
    assert len(elements(sent, "slider")) == 3  # the section's own sliders
    assert not [m for m in sent if m.WhichOneof("type") == "script_finished" and (
        m.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN)]  # fmt: skip  (one run, nothing stopped)
    assert not elements(sent, "exception")
