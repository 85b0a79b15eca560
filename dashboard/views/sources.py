"""Sources & data: every dataset with its status and a download, and every cited source."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard.cache import edition, source_lists, tables
from dashboard.datasets import DataError, editions_root, locate, refresh_status
from dashboard.datasets.schema import REFRESH_CAVEAT
from dashboard.formatting.language import Language
from dashboard.models.catalogue import Entry, last_try
from dashboard.models.methods import METHODS
from dashboard.session.binding import current_view
from dashboard.session.pages.filters import Filters
from dashboard.views import components


def source_columns(lang: Language) -> dict[str, Any]:
    """The sources table's columns, headed in the viewer's language (the rows stay as published)."""
    _ = lang.gettext
    return {
        "publisher": st.column_config.TextColumn(_("Publisher"), width="small"),
        "title": st.column_config.TextColumn(_("What it is"), width="large"),
        "published_date": st.column_config.TextColumn(_("Published"), width="small"),
        "url": st.column_config.LinkColumn(_("Link"), width="small", display_text=_("open")),
        "licence": st.column_config.TextColumn(_("Terms"), width="medium"),
        "source_id": st.column_config.TextColumn(_("Cited as"), width="small"),
    }


def sources_table(listed: pa.Table, lang: Language, height: int | str = "auto") -> None:
    """A list of sources as source_lists.listed_sources prepared it (converted to Arrow once per edition)."""
    columns = source_columns(lang)
    st.dataframe(
        listed,
        hide_index=True,
        width="stretch",
        height=height,
        column_order=list(columns),
        column_config=columns,
    )


def cited_sources(entry: Entry, lang: Language) -> None:
    """The sources one file cites, with terms and links, and how current the newest of them is.

    Without a valid sources.csv there is nothing to list; the Sources list below says why.
    """
    if entry.cited is None:
        return
    count = len(entry.cited)
    label = lang.ngettext("Its {count} source", "Its {count} sources", count).format(count=count)
    newest = lang.gettext("; data as of {date}").format(date=entry.as_of) if entry.as_of else ""
    with st.expander(label + newest):
        sources_table(source_lists.listed_sources(entry.dataset.file, lang), lang, height=min(400, 38 + 35 * count))


def dictionary_words(text: str, lang: Language) -> str:
    """A data dictionary's title, description or caveat in the viewer's language. A refreshed file's
    caveat is the shared refresh sentence and its own, each a message of its own."""
    if text.startswith(REFRESH_CAVEAT) and text != REFRESH_CAVEAT:
        return lang.gettext(REFRESH_CAVEAT) + lang.gettext(text.removeprefix(REFRESH_CAVEAT))
    return lang.gettext(text)


def captions(paragraphs: list[str]) -> None:
    """Consecutive captions as one caption of paragraphs: it reads the same (a paragraph's space is
    the space between elements), and each element costs the server about 0.1 ms a visit, some 30
    entries a visit of this page."""
    shown = [text for text in paragraphs if text]
    if shown:
        st.caption("\n\n".join(shown))


def catalogue_entry(entry: Entry, status: dict[str, dict[str, str | None]], lang: Language) -> None:
    """One dataset: what it is, whether it passed its checks, its coverage, and the file itself.

    The download serves the file exactly as it is in data/, so what a reader takes away is what
    the app read.
    """
    _ = lang.gettext
    dataset = entry.dataset
    file = dataset.file
    with st.container(border=True):
        st.markdown(f"**{dictionary_words(dataset.title, lang)}** — `data/{file}`")
        described = [dictionary_words(dataset.description, lang)]
        if entry.error is not None:
            captions(described)
            st.error(_("This file failed its checks: {error}").format(error=entry.error), icon=":material/error:")
            return
        described.append(entry.summary)
        if entry.currency:
            described.append("**{}** {}".format(_("How current:"), entry.currency))
        tried, failed = last_try(dataset, status, lang)
        caveat = ["**{}** {}".format(_("Caveat:"), dictionary_words(dataset.caveat, lang))] if dataset.caveat else []
        if failed:
            captions(described)
            st.warning(tried, icon=":material/sync_problem:")
            captions(caveat)
        else:
            captions([*described, tried, *caveat])
        cited_sources(entry, lang)
        if entry.withheld:
            publishers = entry.cited if entry.cited is not None else pd.DataFrame(columns=["publisher", "url"])
            links = "; ".join(f"[{row.publisher}]({row.url})" for row in publishers.itertuples())
            st.caption(
                _("Not offered for download: the publisher's terms forbid passing these figures on.")
                + " "
                + (links or _("See docs/refresh.md on refreshing from UN Comtrade."))
            )
            return
        path = locate(edition.data_dir(), file)
        mime = "application/geo+json" if file.endswith(".geojson") else "text/csv"
        st.download_button(
            _("Download {file}").format(file=file),
            lambda: path.read_bytes(),
            path.name,
            mime,
            key=f"dl_{file}",
            icon=":material/download:",
        )


def dataset_catalogue(lang: Language) -> None:
    _ = lang.gettext
    tables, geometry = source_lists.catalogue(lang)
    status = refresh_status(editions_root(edition.base_dir()))  # read each time: a failed try makes no edition
    st.subheader(_("Datasets"))
    for entry in tables:
        catalogue_entry(entry, status, lang)
    st.subheader(_("Geometry"))
    for entry in geometry:
        catalogue_entry(entry, status, lang)


def source_list(lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Sources"))
    try:
        sources = tables.dataset("sources")
    except DataError as error:
        components.data_error(error, lang=lang)
        return
    st.caption(
        lang.ngettext(
            "{count} source. Each figure in data/ cites one of them by its source_id.",
            "{count} sources. Each figure in data/ cites one of them by its source_id.",
            len(sources),
        ).format(count=len(sources))
    )
    sources_table(source_lists.listed_sources(None, lang), lang)


def methods_section(lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Methods"))
    st.caption(_("Every figure the app derives rather than reads, and how. Values in data/ are never changed."))
    figure, how, code = _("Figure"), _("How it is computed"), _("Code")
    st.dataframe(
        pd.DataFrame([{figure: _(m.figure), how: _(m.formula), code: m.function} for m in METHODS]),
        hide_index=True,
        width="stretch",
        column_config={how: st.column_config.TextColumn(width="large")},
    )


def render() -> None:
    lang = current_view(Filters).language
    _ = lang.gettext
    st.title(_("Sources & data"))
    st.caption(
        _(
            "Every number in this dashboard comes from the files listed here. Values are stored as "
            "published; growth, gaps, totals and projections are computed by the app. The sidebar "
            "filters apply to the chart pages; they are kept here so a link from this page keeps them."
        )
    )
    dataset_catalogue(lang)
    methods_section(lang)
    source_list(lang)


render()
