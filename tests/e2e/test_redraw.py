"""A slider moved redraws its own section alone (views/redraw.py, issue 30): the server sends the
charts that section draws and no other, and the address, the share link and the rest of the page
follow. Counted from the websocket frames the browser receives."""

from __future__ import annotations

import re

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.browser import SLIDERS
from tests.e2e.test_browser import charts_sent, shared_link

pytestmark = pytest.mark.e2e

# The charts each slider's section draws, read from the page's code: Partners' share lines; the
# Border's map and its coverage curve; Trade's projection; Remittances' shock; Scenarios' result
# and second round.
CHARTS_IN_SECTION = {"/partners": 1, "/border": 2, "/trade": 1, "/remittances": 1, "/scenarios": 2}


@pytest.mark.parametrize("path", sorted(SLIDERS))
def test_a_slider_redraws_its_section_alone_and_the_link_follows(app, path):
    label, param = SLIDERS[path]
    frames: list[bytes] = []
    app.page.on("websocket", lambda socket: socket.on("framereceived", lambda frame: frames.append(frame)))
    app.open(path)
    seen: set[str] = set()
    on_page = charts_sent(frames, seen)
    handle = app.page.locator("[data-testid=stSlider]", has_text=label).get_by_role("slider")
    before = handle.input_value()
    handle.focus()
    frames.clear()
    handle.press("ArrowRight")
    app.page.wait_for_url(re.compile(rf"[?&]{param}="))
    app.settle()
    assert handle.input_value() != before
    sent = charts_sent(frames, seen)
    if path in CHARTS_IN_SECTION:
        assert sent == CHARTS_IN_SECTION[path]
    else:  # Products: its controls change every chart but the coverage strip's
        assert 0 < sent < on_page
    assert app.page.locator("[data-testid=stVegaLiteChart]").count() == on_page  # the rest stays drawn
    assert shared_link(app) == app.url
    assert app.console_errors == []


def maps_sent(frames: list[bytes]) -> list:
    """The map charts (those drawing geoshapes) the server sent in full in these frames."""
    maps = []
    for frame in frames:
        message = ForwardMsg()
        message.ParseFromString(frame)
        element = message.delta.new_element if message.WhichOneof("type") == "delta" else None
        chart = element.vega_lite_chart if element is not None and element.HasField("vega_lite_chart") else None
        if chart is not None and "geoshape" in chart.spec:
            maps.append(chart)
    return maps


def test_a_radius_move_swaps_the_radius_in_the_drawn_map_and_keeps_its_base(app):
    """The map's spec and data are the same at every radius but for the one-row radius table, so
    the browser keeps its drawn map (the same canvas, nothing added or taken out around it) and
    redraws it with the new reach, instead of building the whole map again (issue 30)."""
    frames: list[bytes] = []
    app.page.on("websocket", lambda socket: socket.on("framereceived", lambda frame: frames.append(frame)))
    app.open("/border?radius=200")
    (first,) = maps_sent(frames)
    canvas = "[class*=st-key-map-frame-border] canvas"
    app.page.evaluate(
        f"""() => {{
        const canvas = document.querySelector('{canvas}');
        canvas.dataset.drawnFirst = 'yes';
        window.__pixels = canvas.toDataURL();
        window.__changed = 0;
        new MutationObserver((changes) => {{
            for (const change of changes) window.__changed += change.addedNodes.length + change.removedNodes.length;
        }}).observe(document.querySelector('[class*=st-key-map-frame-border]'), {{childList: true, subtree: true}});
    }}"""
    )
    frames.clear()
    handle = app.page.locator("[data-testid=stSlider]", has_text="Distance from Russia").get_by_role("slider")
    handle.focus()
    handle.press("ArrowRight")
    app.page.wait_for_url(re.compile(r"radius=210"))
    app.settle()
    (moved,) = maps_sent(frames)  # 210 km is new to this browser: sent in full, not as a reference
    assert moved.spec == first.spec
    tables = {dataset.name: dataset.data.data for dataset in first.datasets}
    changed = [dataset.name for dataset in moved.datasets if tables[dataset.name] != dataset.data.data]
    assert changed == ["reach_radius"] and len(moved.datasets) == len(tables)
    kept = app.page.evaluate(f"() => document.querySelector('{canvas}').dataset.drawnFirst")
    assert kept == "yes" and app.page.evaluate("window.__changed") == 0  # the same canvas, not a new map
    # redrawn with the reach at 210 km (waits for the new pixels; fails if they never come)
    app.page.wait_for_function(f"() => document.querySelector('{canvas}').toDataURL() !== window.__pixels")
    assert app.console_errors == []
