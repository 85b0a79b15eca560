"""The sidebar every page shares: global filters and the link to the current view."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from dashboard.formatting import SIDE_LABELS, unit_label
from dashboard.session.binding import bound_widget
from dashboard.session.pages.filters import SIDES, UNITS, Filters
from dashboard.session.state import Bounds

EMPTIED_KEY = "reporters_emptied"


def _sides(selected: list[str]) -> tuple[str, ...]:
    """An empty selection would leave every chart blank: it means "all", and the sidebar says so."""
    chosen = tuple(side for side in SIDES if side in selected)
    st.session_state[EMPTIED_KEY] = not chosen
    return chosen or SIDES


def global_filters(view: Filters, bounds: Bounds) -> None:
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
        if st.session_state.pop(EMPTIED_KEY, False):
            st.caption("No reporter was selected, so all are shown.")
        bound_widget(
            st.radio,
            "units",
            view.units,
            "Units",
            options=list(UNITS),
            format_func=unit_label,
            horizontal=True,
        )


def page_link(current_url: str, base_path: str, url_path: str, query: dict[str, str]) -> str:
    """The address of the page being shown, with `query`.

    Built from the server's base path and the page actually shown rather than from the address
    the viewer typed, which may name a page that does not exist.
    """
    path = "/" + "/".join(part for part in (base_path.strip("/"), url_path) if part)
    if not current_url:
        return path + (f"?{urlencode(query)}" if query else "")
    scheme, host, _, _, _ = urlsplit(current_url)
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def share_link(slot: st.delta_generator.DeltaGenerator, url_path: str, query: dict[str, str]) -> str:
    """The address of this exact view, with a copy button (st.code has one built in); returns it."""
    link = page_link(st.context.url or "", st.get_option("server.baseUrlPath") or "", url_path, query)
    with slot:
        st.markdown("**Link to this view**")
        st.code(link, language=None, wrap_lines=True)
        st.caption("Copy it with the button at the top right of the box; it reopens this page with these settings.")
    return link
