"""Keeps the ViewState in the Streamlit session and in the address bar.

The session holds one ViewState. It is built from the URL once, when a viewer opens a link;
widgets are seeded from it on every run and write back to it through their on_change callback;
after the page has run, the URL is rewritten from it. Streamlit's own `bind="query-params"`
drops an invalid value silently and forgets a page's values when the viewer switches page, so
this module does the binding itself (see docs/url-contract.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import streamlit as st

from dashboard.session.state import Bounds, Repair, ViewState, parse_query, slider_range, to_query

VIEW_KEY = "view_state"
REPAIRS_KEY = "view_repairs"


def current_view(bounds: Bounds) -> ViewState:
    """The session's view, read from the URL the first time a session asks for it."""
    if VIEW_KEY not in st.session_state:
        query = {key: st.query_params.get_all(key) for key in st.query_params}
        view, repairs = parse_query(query, bounds)
        st.session_state[VIEW_KEY] = view
        st.session_state[REPAIRS_KEY] = repairs
    return st.session_state[VIEW_KEY]


def take_repairs() -> list[Repair]:
    """Link values that were corrected, reported once."""
    return st.session_state.pop(REPAIRS_KEY, [])


def report_repair(repair: Repair) -> None:
    """Let a page report a value it could only check against the data (e.g. a figure id)."""
    st.warning(repair.message(), icon=":material/link_off:")


def update_view(**changes: Any) -> ViewState:
    view = replace(st.session_state[VIEW_KEY], **changes)
    st.session_state[VIEW_KEY] = view
    return view


def bound_widget(
    widget: Callable[..., Any],
    name: str,
    value: Any,
    *args: Any,
    to_view: Callable[[Any], Any] = lambda v: v,
    resets: tuple[str, ...] = (),
    labels_from: str = "",
    **kwargs: Any,
) -> Any:
    """Draw `widget` showing `value`, and store the viewer's changes in view field `name`.

    `resets` names fields that go back to their data default when this one changes (a new
    projection year has its own base and growth). `labels_from` is what the option labels are
    written in (a unit): the widget gets a key per value of it, because a browser keeps showing
    the chosen option's old label when only the labels change.
    """
    key = f"w_{name}" + (f"-{labels_from}" if labels_from else "")
    # Seed only when the view and the widget disagree (a link, a reset, a button): writing the
    # same value back on every run would make the browser reset a slider the viewer is moving.
    if key not in st.session_state or st.session_state[key] != value:
        st.session_state[key] = value

    def store() -> None:
        update_view(**{name: to_view(st.session_state[key])}, **dict.fromkeys(resets))

    return widget(*args, key=key, on_change=store, **kwargs)


def bound_slider(name: str, value: float, label: str, **kwargs: Any) -> Any:
    """A slider for view field `name` with the URL contract's limits and step (state.PARAMS), so
    the widget offers exactly the values a link may carry; a value from elsewhere (the data's
    latest growth figure) is brought inside them."""
    limits = slider_range(name)
    return bound_widget(st.slider, name, limits.clamp(value), label, **limits.widget_args(), **kwargs)


def sync_url(bounds: Bounds, page: str) -> dict[str, str]:
    """Rewrite the address bar from the view, so it always links to what is on screen."""
    query = to_query(st.session_state[VIEW_KEY], bounds, page)
    if {key: st.query_params.get(key) for key in st.query_params} != query:
        st.query_params.from_dict(query)
    return query
