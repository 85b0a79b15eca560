"""The sidebar every page shares: global filters and the link to the current view."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from dashboard.formatting import SIDE_LABELS, localized
from dashboard.formatting.language import BY_CODE, Language, browser_suggestion
from dashboard.session.binding import bound_widget, update_view
from dashboard.session.pages.filters import LANGUAGE_CODES, SIDES, UNITS, Filters
from dashboard.session.state import Bounds

EMPTIED_KEY = "reporters_emptied"
LANGUAGE_LABEL = "Language · Язык"  # in both languages: a reader finds it whichever is shown
OFFER_DISMISSED_KEY = "language_offer_done"


def _sides(selected: list[str]) -> tuple[str, ...]:
    """An empty selection would leave every chart blank: it means "all", and the sidebar says so."""
    chosen = tuple(side for side in SIDES if side in selected)
    st.session_state[EMPTIED_KEY] = not chosen
    return chosen or SIDES


def language_switch(view: Filters) -> None:
    """The interface language, above the filters: each language in its own name (from CLDR), so a
    reader finds theirs without reading the current one. A click on the chosen one keeps it."""
    bound_widget(
        st.segmented_control,
        "lang",
        view.lang,
        LANGUAGE_LABEL,
        options=LANGUAGE_CODES,
        format_func=lambda code: BY_CODE[code].name,
        selection_mode="single",
        to_view=lambda code: code or view.lang,
    )


def language_offer(view: Filters, link_has_lang: bool) -> None:
    """When the link names no language and the browser prefers another one we have, a one-line
    offer in that language (never a switch made for the viewer: the link decides, docs/i18n.md)."""
    if st.session_state.get(OFFER_DISMISSED_KEY):
        return
    offered = browser_suggestion(link_has_lang, st.context.locale, view.language)
    if offered is None:
        return
    st.caption(offered.gettext("The interface is available in this language."))
    if st.button(offered.gettext("Switch to this language"), key="language_offer"):
        st.session_state[OFFER_DISMISSED_KEY] = True
        update_view(lang=offered.code)
        st.rerun()


def global_filters(view: Filters, bounds: Bounds, link_has_lang: bool = True) -> None:
    lang = view.language
    _ = lang.gettext
    with st.sidebar:
        language_offer(view, link_has_lang)
        language_switch(view)
        st.markdown("**{}**".format(_("Filters for every page")))
        bound_widget(
            st.slider,
            "years",
            tuple(max(min(y, bounds.year_max), bounds.year_min) for y in view.years),
            _("Years"),
            min_value=bounds.year_min,
            max_value=bounds.year_max,
            step=1,
            to_view=tuple,
        )
        bound_widget(
            st.multiselect,
            "reporters",
            list(view.reporters),
            _("Reporters"),
            options=list(SIDES),
            format_func=lambda side: _(SIDE_LABELS[side]),
            to_view=_sides,
            help=_("Whose figures to show. Russian and Tajik statistics disagree, so each side is kept apart."),
        )
        if st.session_state.pop(EMPTIED_KEY, False):
            st.caption(_("No reporter was selected, so all are shown."))
        bound_widget(
            st.radio,
            "units",
            view.units,
            _("Units"),
            options=list(UNITS),
            format_func=lambda unit: localized.unit_label(unit, lang),
            horizontal=True,
            # the options' labels are in the language: a new label set, a new widget (a browser keeps
            # showing a radio's old labels when only they change); English keeps its key, "w_units"
            labels_from="" if lang.is_source else lang.code,
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


def share_link(slot: st.delta_generator.DeltaGenerator, url_path: str, query: dict[str, str], lang: Language) -> str:
    """The address of this exact view, with a copy button (st.code has one built in); returns it."""
    _ = lang.gettext
    link = page_link(st.context.url or "", st.get_option("server.baseUrlPath") or "", url_path, query)
    with slot:
        st.markdown("**{}**".format(_("Link to this view")))
        st.code(link, language=None, wrap_lines=True)
        st.caption(_("Copy it with the button at the top right of the box; it reopens this page with these settings."))
    return link
