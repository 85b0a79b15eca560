"""Entry point: page config, the global filters in the sidebar, navigation, URL sync."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run dashboard/app.py` puts dashboard/ on the path, not the project root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard import navigation
from dashboard.brief import collect
from dashboard.cache import arrow_specs, edition, shared, tables
from dashboard.datasets import DataError
from dashboard.session import access
from dashboard.session.binding import open_view, sync_url, take_repairs, view_now
from dashboard.session.state import view_in_words
from dashboard.views import components, language, redraw, sidebar

HERE = Path(__file__).parent

arrow_specs.remember_stable_specs()  # a spec's JSON parsed back once, not on every draw
link_has_lang = "lang" in st.query_params  # before the view is opened: the link as it came
bounds = shared.year_bounds()
filters = open_view(bounds)
lang = filters.language
_ = lang.gettext

st.set_page_config(
    page_title=_("Russia–Tajikistan dashboard"),
    page_icon=str(HERE / "static" / "favicon.png"),  # a local file: material icons load from a CDN
    layout="wide",
    initial_sidebar_state="auto",  # open on a laptop, folded away on a phone,
)

access.require_sign_in()  # a no-op unless the deployment's secrets ask for sign-in
access.require_admission()  # a no-op unless the hosted guard found this replica full
edition.pin_data_dir()  # one data edition for the whole rerun, even if a refresh switches it meanwhile
components.accessibility_styles()

language.page_language(lang)  # every language: switching back to English resets <html lang> too

PAGES = {
    entry.name: st.Page(
        entry.script, title=entry.title_in(lang), icon=entry.icon, url_path=entry.url_path, default=entry.default
    )
    for entry in navigation.PAGES
}
page = st.navigation(list(PAGES.values()))
page_name = next(name for name, candidate in PAGES.items() if candidate.url_path == page.url_path)
sidebar.global_filters(filters, bounds, link_has_lang)
link_slot = st.sidebar.empty()  # the frame's slots: views/redraw.py
repairs_slot = st.container()  # filled after the page has run: it reads its year parameters as it draws
brief_slot = st.empty()
collect.begin(_("Russia–Tajikistan: {title}").format(title=page.title))


def after_the_page() -> None:
    """The address bar, the share link and the brief, from the view as the page left it: after
    every full run, and after a section of the page redrawn alone (views/redraw.py)."""
    query = sync_url(bounds, page_name)
    link = sidebar.share_link(link_slot.container(), page.url_path, query, lang)
    try:
        sources = tables.dataset("sources")
    except DataError:
        sources = None  # the brief then cites no sources; the page has already said which file failed
    words = view_in_words(view_now(), query, lang)
    components.brief_button(brief_slot, link, words, f"brief-{page_name}.pdf", sources, lang=lang)


redraw.page_frame(after_the_page, link_slot, brief_slot)
page.run()
for repair in take_repairs():
    repairs_slot.warning(repair.message(lang), icon=":material/link_off:")
after_the_page()
