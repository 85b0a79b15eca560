"""Sources & data: every dataset with its status and a download, and every cited source."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard.cache import edition, shared
from dashboard.datasets import DataError, editions_root, locate, refresh_status
from dashboard.models.catalogue import Entry, last_try
from dashboard.models.methods import METHODS
from dashboard.views import components

SOURCE_COLUMNS = {
    "publisher": st.column_config.TextColumn("Publisher", width="small"),
    "title": st.column_config.TextColumn("What it is", width="large"),
    "published_date": st.column_config.TextColumn("Published", width="small"),
    "url": st.column_config.LinkColumn("Link", width="small", display_text="open"),
    "licence": st.column_config.TextColumn("Terms", width="medium"),
    "source_id": st.column_config.TextColumn("Cited as", width="small"),
}


def sources_table(listed: pa.Table, height: int | str = "auto") -> None:
    """A list of sources as shared.listed_sources prepared it (converted to Arrow once per edition)."""
    st.dataframe(
        listed,
        hide_index=True,
        width="stretch",
        height=height,
        column_order=list(SOURCE_COLUMNS),
        column_config=SOURCE_COLUMNS,
    )


def cited_sources(entry: Entry) -> None:
    """The sources one file cites, with terms and links, and how current the newest of them is.

    Without a valid sources.csv there is nothing to list; the Sources list below says why.
    """
    if entry.cited is None:
        return
    count = len(entry.cited)
    newest = f"; data as of {entry.as_of}" if entry.as_of else ""
    with st.expander(f"Its {count} source{'s' if count != 1 else ''}{newest}"):
        sources_table(shared.listed_sources(entry.dataset.file), height=min(400, 38 + 35 * count))


def catalogue_entry(entry: Entry, status: dict[str, dict[str, str | None]]) -> None:
    """One dataset: what it is, whether it passed its checks, its coverage, and the file itself.

    The download serves the file exactly as it is in data/, so what a reader takes away is what
    the app read.
    """
    dataset = entry.dataset
    file = dataset.file
    with st.container(border=True):
        st.markdown(f"**{dataset.title}** — `data/{file}`")
        st.caption(dataset.description)
        if entry.error is not None:
            st.error(f"This file failed its checks: {entry.error}", icon=":material/error:")
            return
        st.caption(entry.summary)
        if entry.currency:
            st.caption(f"**How current:** {entry.currency}")
        tried, failed = last_try(dataset, status)
        if failed:
            st.warning(tried, icon=":material/sync_problem:")
        elif tried:
            st.caption(tried)
        if dataset.caveat:
            st.caption(f"**Caveat:** {dataset.caveat}")
        cited_sources(entry)
        if entry.withheld:
            publishers = entry.cited if entry.cited is not None else pd.DataFrame(columns=["publisher", "url"])
            links = "; ".join(f"[{row.publisher}]({row.url})" for row in publishers.itertuples())
            st.caption(
                "Not offered for download: the publisher's terms forbid passing these figures on. "
                + (links or "See docs/refresh.md on refreshing from UN Comtrade.")
            )
            return
        path = locate(edition.data_dir(), file)
        mime = "application/geo+json" if file.endswith(".geojson") else "text/csv"
        st.download_button(
            f"Download {file}", lambda: path.read_bytes(), path.name, mime, key=f"dl_{file}", icon=":material/download:"
        )


def dataset_catalogue() -> None:
    tables, geometry = shared.catalogue()
    status = refresh_status(editions_root(edition.base_dir()))  # read each time: a failed try makes no edition
    st.subheader("Datasets")
    for entry in tables:
        catalogue_entry(entry, status)
    st.subheader("Geometry")
    for entry in geometry:
        catalogue_entry(entry, status)


def source_list() -> None:
    st.subheader("Sources")
    try:
        sources = shared.dataset("sources")
    except DataError as error:
        components.data_error(error)
        return
    st.caption(f"{len(sources)} sources. Each figure in data/ cites one of them by its source_id.")
    sources_table(shared.listed_sources(None))


def methods_section() -> None:
    st.subheader("Methods")
    st.caption("Every figure the app derives rather than reads, and how. Values in data/ are never changed.")
    st.dataframe(
        pd.DataFrame([{"Figure": m.figure, "How it is computed": m.formula, "Code": m.function} for m in METHODS]),
        hide_index=True,
        width="stretch",
        column_config={"How it is computed": st.column_config.TextColumn(width="large")},
    )


def render() -> None:
    st.title("Sources & data")
    st.caption(
        "Every number in this dashboard comes from the files listed here. Values are stored as "
        "published; growth, gaps, totals and projections are computed by the app. The sidebar "
        "filters apply to the chart pages; they are kept here so a link from this page keeps them."
    )
    dataset_catalogue()
    methods_section()
    source_list()


render()
