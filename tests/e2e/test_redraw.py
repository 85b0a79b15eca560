"""A slider moved redraws its own section alone (views/redraw.py, issue 30): the server sends the
charts that section draws and no other, and the address, the share link and the rest of the page
follow. Counted from the websocket frames the browser receives."""

from __future__ import annotations

import re

import pytest

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
