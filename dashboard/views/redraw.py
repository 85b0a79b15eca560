"""Redraw only this section: the part of a page a control changes reruns alone.

Streamlit reruns the whole script when a viewer moves a control and sends every element of the
page again; the browser then redraws each of them, charts included, changed or not. A section
drawn through `redrawn_alone` is a Streamlit fragment: a control inside it reruns that section
alone, and the section then redraws the page's frame (`page_frame`: app.py's address bar, share
link and brief), so a link copied after any control is the view on screen. Nothing else is run
or sent; the rest of the page stays as the last full run drew it.

A section's rules, so that the page stays exactly what a full run would draw:

- nothing outside it may depend on what its controls change;
- it reads the view inside (`current_view`), never as an argument: a fragment rerun is called
  with the arguments of the last full run (the model passed in stays that run's data edition,
  as the rest of the page does);
- a control whose change shows outside the section stays outside it (a full rerun), or is
  bound with `then=redraw.whole_page` (its section then reruns the whole page instead);
- what it records for the brief replaces, on its own rerun, what it recorded before
  (brief.collect.section), so the brief is always the page on screen.

The frame lives in `st.empty()` slots that app.py fills after a full run. A fragment may write
into a container created outside it only if it wrote there in the last full run, so in a full
run each section reserves the slots (an empty container, which app.py's frame then replaces);
rerun alone, it writes the frame into them, in place of what was there.

Under AppTest every run is a full one (it cannot show a part of a page rerun alone), so the
tests of a page see what a full run draws; tests/e2e drives the sections in a browser and over
Streamlit's protocol.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, ParamSpec

import streamlit as st

from dashboard.brief import collect
from dashboard.cache import edition

P = ParamSpec("P")
FRAME_KEY = "_page_frame"
WHOLE_PAGE_KEY = "_redraw_whole_page"
_called = threading.local()  # set while a full run calls a section: its fragment then runs inline


@dataclass(frozen=True)
class Frame:
    """What shows the view besides the page itself, and the `st.empty()` slots it is drawn in."""

    draw: Callable[[], None]
    slots: tuple[Any, ...]  # DeltaGenerators of st.empty()

    def reserve(self) -> None:
        """In a full run, from a section: claim the slots, so that its own reruns may fill them."""
        for slot in self.slots:
            slot.container()


def page_frame(draw: Callable[[], None], *slots: Any) -> None:
    """app.py, before the page runs: `draw` fills `slots` after a full run, and a section redrawn
    alone calls it after itself."""
    st.session_state[FRAME_KEY] = Frame(draw, slots)


def whole_page() -> None:
    """A control's callback, for a control inside a section whose change shows outside it too
    (Partners' "Compare with" year is in its cards): the section's rerun becomes the page's."""
    st.session_state[WHOLE_PAGE_KEY] = True


def redrawn_alone(key: str) -> Callable[[Callable[P, None]], Callable[P, None]]:
    """`draw` as a section its own controls rerun alone, the page's frame after it; `key` names
    it (unique on the page) in the brief's record."""

    def decorate(draw: Callable[P, None]) -> Callable[P, None]:
        @st.fragment
        def section(*args: P.args, **kwargs: P.kwargs) -> None:
            full_run, _called.full_run = getattr(_called, "full_run", False), False
            if st.session_state.pop(WHOLE_PAGE_KEY, False) and not full_run:
                st.rerun(scope="app")
            if not full_run:  # app.py pins a full run's edition; rerun alone, the section pins its own
                edition.pin_data_dir()
            with collect.section(key, redrawn=not full_run):
                draw(*args, **kwargs)
            frame = st.session_state.get(FRAME_KEY)
            if frame is None:
                return
            if full_run:
                frame.reserve()  # app.py draws the frame once the whole page has run
            else:
                frame.draw()

        @wraps(draw)
        def with_the_page(*args: P.args, **kwargs: P.kwargs) -> None:
            _called.full_run = True
            try:
                section(*args, **kwargs)
            finally:
                _called.full_run = False

        return with_the_page

    return decorate
