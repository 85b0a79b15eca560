"""Redraw only this section: the part of a page a control changes reruns alone.

Streamlit reruns the whole script when a viewer moves a control and sends every element of the
page again; the browser then redraws each chart, changed or not. A section drawn through
`redrawn_alone` is a Streamlit fragment: a control bound inside it (session.binding) reruns
that section and the page's frame (app.py's `after_the_page`: the address bar, the share
link and the brief), and nothing else is run or sent. What the rest of the page shows stays
as the last full run drew it. A control whose change shows elsewhere names the sections it
redraws instead (`controls_redraw`; a button's callback: `rerun_sections`): the drivers'
sliders redraw the result, not themselves.

A section's rules, so that the page stays exactly what a full run would draw:

- nothing outside the sections a control redraws may depend on what it changes;
- a section reads the view inside (`current_view`), never as an argument: a fragment rerun is
  called with the arguments of the last full run (the model passed in stays that run's data
  edition, as the rest of the page does);
- a button that changes something outside its sections calls `st.rerun()`: the whole page;
- what a section records for the brief replaces, on its own rerun, what it recorded before
  (brief.collect.section), so the brief is always the page on screen.

Under AppTest every run is a full one (it cannot show a part of a page rerun alone), so the
tests of a page see what a full run draws; tests/e2e drives the sections in a browser.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard.brief import collect
from dashboard.session.binding import after_each_change

P = ParamSpec("P")
FRAME = "page-frame"  # app.py's fragment: the address, the share link and the brief
_called = threading.local()  # set while a full run calls a section: its fragment then runs inline


def redrawn_alone(key: str) -> Callable[[Callable[P, None]], Callable[P, None]]:
    """`draw` as a section rerun alone by its own controls (with the page's frame); `key` names it,
    unique on the page."""

    def decorate(draw: Callable[P, None]) -> Callable[P, None]:
        @st.fragment(key=key)
        def section(*args: P.args, **kwargs: P.kwargs) -> None:
            full_run, _called.full_run = getattr(_called, "full_run", False), False
            with collect.section(key, redrawn=not full_run), controls_redraw(key):
                draw(*args, **kwargs)

        @wraps(draw)
        def with_the_page(*args: P.args, **kwargs: P.kwargs) -> None:
            _called.full_run = True
            try:
                section(*args, **kwargs)
            finally:
                _called.full_run = False

        return with_the_page

    return decorate


@contextmanager
def controls_redraw(*keys: str) -> Iterator[None]:
    """Controls bound inside redraw these sections (with the page's frame) when changed."""
    with after_each_change(lambda: rerun_sections(*keys)):
        yield


def rerun_sections(*keys: str) -> None:
    """In a control's callback: rerun sections `keys`, then the page's frame, so the address, the
    share link and the brief follow them.

    Only when the browser asked for a part of the page (a fragment rerun): a change that reruns
    the whole page redraws everything anyway, and a keyed rerun there would run these alone.
    Streamlit's public API does not say which kind of rerun a callback belongs to; its run
    context does. A section the last full run did not draw cannot be rerun alone: the whole
    page is, then.
    """
    ctx = get_script_run_ctx()
    if ctx is None or not ctx.fragment_ids_this_run:
        return
    try:
        st.rerun([*keys, FRAME])
    except StreamlitAPIException:
        st.rerun()
