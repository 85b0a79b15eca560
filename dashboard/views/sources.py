"""Sources & data: every dataset with its status and a download, and every cited source."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import cached, components
from dashboard.datasets import DATASETS, GEO_DATASETS, DataError, Dataset, GeoDataset
from dashboard.methods import METHODS

SOURCE_COLUMNS = {
    "publisher": st.column_config.TextColumn("Publisher", width="small"),
    "title": st.column_config.TextColumn("What it is", width="large"),
    "published_date": st.column_config.TextColumn("Published", width="small"),
    "url": st.column_config.LinkColumn("Link", width="small", display_text="open"),
    "licence": st.column_config.TextColumn("Terms", width="medium"),
    "source_id": st.column_config.TextColumn("Cited as", width="small"),
}


def sources_table(sources: pd.DataFrame, height: int | str = "auto") -> None:
    st.dataframe(
        sources.assign(published_date=sources["published_date"].fillna("undated")),
        hide_index=True,
        width="stretch",
        height=height,
        column_order=list(SOURCE_COLUMNS),
        column_config=SOURCE_COLUMNS,
    )


def cited_sources(frame: pd.DataFrame, sources: pd.DataFrame | None) -> None:
    """The sources one file cites, with terms and links, and how recent the newest of them is.

    Without a valid sources.csv there is nothing to list; the Sources list below says why.
    """
    if sources is None or "source_id" not in frame.columns or frame.empty:
        return
    cited = components.cite(frame["source_id"], sources)
    as_of = components.data_as_of(cited)
    newest = f"; data as of {as_of}" if as_of else ""
    with st.expander(f"Its {len(cited)} source{'s' if len(cited) != 1 else ''}{newest}"):
        sources_table(cited, height=min(400, 38 + 35 * len(cited)))


def catalogue_entry(
    dataset: Dataset | GeoDataset,
    load: Callable[[], pd.DataFrame],
    summary: Callable[[pd.DataFrame], str],
    sources: pd.DataFrame | None,
) -> None:
    """One dataset: what it is, whether it passed its checks, its coverage, and the file itself.

    The download serves the file exactly as it is in data/, so what a reader takes away is what
    the app read.
    """
    file = dataset.file
    with st.container(border=True):
        st.markdown(f"**{dataset.title}** — `data/{file}`")
        st.caption(dataset.description)
        try:
            frame = load()
        except DataError as error:
            st.error(f"This file failed its checks: {error}", icon=":material/error:")
            return
        st.caption(summary(frame))
        if dataset.caveat:
            st.caption(f"**Caveat:** {dataset.caveat}")
        cited_sources(frame, sources)
        # decided by the file's kind, not by the rows read: a refresh may have filled it since
        if not dataset.redistributable or (
            sources is not None and "source_id" in frame.columns and components.withheld_rows(frame, sources).any()
        ):
            publishers = components.cite(frame["source_id"], sources) if sources is not None else frame.iloc[0:0]
            links = "; ".join(f"[{row.publisher}]({row.url})" for row in publishers.itertuples())
            st.caption(
                "Not offered for download: the publisher's terms forbid passing these figures on. "
                + (links or "See the README on refreshing from UN Comtrade.")
            )
            return
        path = cached.data_dir() / file
        mime = "application/geo+json" if file.endswith(".geojson") else "text/csv"
        st.download_button(
            f"Download {file}", lambda: path.read_bytes(), path.name, mime, key=f"dl_{file}", icon=":material/download:"
        )


def table_summary(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "No rows yet: the header is in place for a refresh to fill."
    coverage = ""
    if "year" in frame.columns:
        coverage = f", years {int(frame['year'].min())}–{int(frame['year'].max())}"
    elif "period_start" in frame.columns:
        coverage = f", periods {frame['period_start'].min()[:4]}–{frame['period_end'].max()[:4]}"
    cited = frame["source_id"].nunique() if "source_id" in frame.columns else 0
    citing = f", citing {cited} source{'s' if cited != 1 else ''}" if cited else ""
    return f"{len(frame):,} rows{coverage}{citing}"


def geometry_summary(frame: pd.DataFrame) -> str:
    return f"{len(frame):,} features, WGS84 longitude/latitude; cites {', '.join(sorted(set(frame['source_id'])))}"


def dataset_catalogue() -> None:
    try:
        sources = cached.load("sources")
    except DataError:
        sources = None  # its own entry below shows the error
    st.subheader("Datasets")
    for d in DATASETS.values():
        catalogue_entry(d, lambda d=d: cached.load(d.name), table_summary, sources)
    st.subheader("Geometry")
    for d in GEO_DATASETS.values():
        catalogue_entry(d, lambda d=d: cached.load_geo(d.name), geometry_summary, sources)


def source_list() -> None:
    st.subheader("Sources")
    try:
        sources = cached.load("sources")
    except DataError as error:
        components.data_error(error)
        return
    st.caption(f"{len(sources)} sources. Each figure in data/ cites one of them by its source_id.")
    sources_table(sources)


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
