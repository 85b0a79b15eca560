"""A viewer's session in Streamlit's own websocket protocol, without a browser.

What a browser tab sends and waits for: "run this page (with these widget values)", then the
page's elements until the run finishes. hosting.serve warms each replica with one before it
takes viewers; the load benchmark (benchmarks/load.py) runs many at once.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Awaitable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.NewSession_pb2 import NewSession

from dashboard import navigation

T = TypeVar("T")
PAGES = tuple(page.path for page in navigation.PAGES)  # url paths; "" is the Overview
TIMEOUT_S = 120
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass
class Run:
    """What one script run sent: its exceptions, its sliders, the address it set, how it ended.

    A slider's value is only sent when the server sets it (on first drawing); after that the
    browser holds it, so `sliders` (label -> (widget id, value)) lists the ones set in this run.
    """

    exceptions: list[str] = field(default_factory=list)
    sliders: dict[str, tuple[str, float]] = field(default_factory=dict)
    fragments: dict[str, str] = field(default_factory=dict)  # slider label -> the section it reruns alone
    query: str | None = None  # the query string the run wrote into the address, if it wrote one
    warnings: list[str] = field(default_factory=list)  # st.warning texts (e.g. the busy notice)
    new_session: NewSession | None = None  # what the server told the session about itself
    finished: bool = False


@asynccontextmanager
async def session(base: str) -> AsyncIterator[websockets.ClientConnection]:
    """A connection to the app at `base` (http://host:port[/path]), as one viewer."""
    url = base.rstrip("/").replace("http://", "ws://", 1) + "/_stcore/stream"
    async with websockets.connect(url, subprotocols=["streamlit"], origin=base, max_size=None) as socket:
        yield socket


async def run_page(
    socket: websockets.ClientConnection, page: str, widgets: Iterable[tuple[str, float]] = (), fragment: str = ""
) -> Run:
    """Ask for a page (with slider values: (widget id, value)) and read until its run ends. With
    `fragment` (a slider's, from `Run.fragments`), only that section reruns, as a browser asks
    when the slider sits in a section redrawn alone (dashboard/views/redraw.py)."""
    message = BackMsg()
    message.rerun_script.page_name = page
    message.rerun_script.fragment_id = fragment
    for widget_id, value in widgets:
        state = message.rerun_script.widget_states.widgets.add()
        state.id = widget_id
        state.double_array_value.data.append(value)
    await socket.send(message.SerializeToString())
    run = Run()
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(socket.recv(), TIMEOUT_S))
        kind = forward.WhichOneof("type")
        if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            if element.WhichOneof("type") == "exception":
                run.exceptions.append(element.exception.message[:80])
            elif element.WhichOneof("type") == "alert" and element.alert.format == Alert.WARNING:
                run.warnings.append(element.alert.body)
            elif element.WhichOneof("type") == "slider" and element.slider.set_value:
                run.sliders[element.slider.label] = (element.slider.id, element.slider.value[0])
                if forward.delta.fragment_id:
                    run.fragments[element.slider.label] = forward.delta.fragment_id
        if kind == "new_session":
            run.new_session = forward.new_session
        if kind == "page_info_changed":
            run.query = forward.page_info_changed.query_string
        if kind == "script_finished" and forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            run.finished = forward.script_finished in FINISHED
            return run


async def warm(base: str) -> list[str]:
    """Open every page once, so the first real viewer finds the data loaded and the charts built.

    Returns what went wrong (empty when every page ran cleanly). Behind sign-in only the sign-in
    screen runs, which still loads the code.
    """
    problems = []
    async with session(base) as socket:
        for page in PAGES:
            run = await run_page(socket, page)
            problems += [f"/{page}: {message}" for message in run.exceptions]
            if not run.finished:
                problems.append(f"/{page}: the run did not finish")
    return problems


def run_blocking(work: Awaitable[T]) -> T:
    """Run `work` to the end from synchronous code, in a thread of its own: the caller may already
    be running an event loop (Playwright's synchronous API does), and asyncio.run refuses to nest.

    The thread is a daemon and the wait can be interrupted: Ctrl-C or SIGTERM in the caller
    does not wait for the work to finish (hosting.serve then stops the servers it talks to).
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = asyncio.run(work)
        except BaseException as error:  # handed to the caller's thread, raised there
            outcome["error"] = error

    thread = threading.Thread(target=run, name="run-blocking", daemon=True)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
