"""The sidebar every page shares: global filters and the link to the current view."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from dashboard.formatting import SIDE_LABELS, unit_label
from dashboard.state import SIDES, UNITS, Bounds, ViewState
from dashboard.view_session import bound_widget


def _sides(selected: list[str]) -> tuple[str, ...]:
    # an empty selection would leave every chart blank: treat it as "all", and say so
    return tuple(side for side in SIDES if side in selected) or SIDES


def global_filters(view: ViewState, bounds: Bounds) -> None:
    with st.sidebar:
        st.markdown("**Filters for every page**")
        bound_widget(
            st.slider,
            "years",
            tuple(max(min(y, bounds.year_max), bounds.year_min) for y in view.years),
            "Years",
            min_value=bounds.year_min,
            max_value=bounds.year_max,
            step=1,
            to_view=tuple,
        )
        bound_widget(
            st.multiselect,
            "reporters",
            list(view.reporters),
            "Reporters",
            options=list(SIDES),
            format_func=SIDE_LABELS.get,
            to_view=_sides,
            help="Whose figures to show. Russian and Tajik statistics disagree, so each side is kept apart.",
        )
        if not view.reporters:
            st.caption("No reporter selected: showing all.")
        bound_widget(
            st.radio,
            "units",
            view.units,
            "Units",
            options=list(UNITS),
            format_func=unit_label,
            horizontal=True,
        )


def page_link(current_url: str, query: dict[str, str]) -> str:
    """The current page's address with `query` in place of whatever query it had."""
    if not current_url:
        return f"?{urlencode(query)}" if query else ""
    scheme, host, path, _, _ = urlsplit(current_url)
    return urlunsplit((scheme, host, path or "/", urlencode(query), ""))


def share_link(slot: st.delta_generator.DeltaGenerator, query: dict[str, str]) -> None:
    """The address of this exact view, with a copy button (st.code has one built in)."""
    link = page_link(st.context.url or "", query)
    with slot:
        st.markdown("**Link to this view**")
        st.code(link or "(this page, default view)", language=None, wrap_lines=True)
        st.caption("Copy it with the button at the top right of the box; it reopens this page with these settings.")
