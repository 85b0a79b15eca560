"""Sources & data: every dataset with its status and a download, and every cited source."""

from __future__ import annotations

import streamlit as st

from dashboard import cached, components
from dashboard.datasets import DATASETS, GEO_DATASETS, DataError


def dataset_catalogue() -> None:
    st.subheader("Datasets")
    for dataset in DATASETS.values():
        with st.container(border=True):
            st.markdown(f"**{dataset.title}** — `data/{dataset.file}`")
            st.caption(dataset.description)
            try:
                frame = cached.load(dataset.name)
            except DataError as error:
                st.error(f"This file failed its checks: {error}", icon=":material/error:")
                continue
            coverage = ""
            if "year" in frame.columns:
                coverage = f", years {int(frame['year'].min())}–{int(frame['year'].max())}"
            elif "period_start" in frame.columns:
                coverage = f", periods {frame['period_start'].min()[:4]}–{frame['period_end'].max()[:4]}"
            cited = frame["source_id"].nunique() if "source_id" in frame.columns else 0
            citing = f", citing {cited} source{'s' if cited != 1 else ''}" if cited else ""
            st.caption(f"{len(frame):,} rows{coverage}{citing}")
            st.download_button(
                f"Download {dataset.file}",
                frame.to_csv(index=False).encode("utf-8"),
                dataset.file,
                "text/csv",
                key=f"dl_dataset_{dataset.name}",
                icon=":material/download:",
            )


def geometry_catalogue() -> None:
    st.subheader("Geometry")
    for dataset in GEO_DATASETS.values():
        with st.container(border=True):
            st.markdown(f"**{dataset.title}** — `data/{dataset.file}`")
            st.caption(dataset.description)
            try:
                frame = cached.load_geo(dataset.name)
            except DataError as error:
                st.error(f"This file failed its checks: {error}", icon=":material/error:")
                continue
            cited = ", ".join(sorted(set(frame["source_id"])))
            st.caption(f"{len(frame):,} features, WGS84 longitude/latitude; cites {cited}")
            path = cached.data_dir() / dataset.file
            st.download_button(
                f"Download {dataset.file}",
                lambda path=path: path.read_bytes(),
                path.name,
                "application/geo+json",
                key=f"dl_geo_{dataset.name}",
                icon=":material/download:",
            )


def source_list() -> None:
    st.subheader("Sources")
    try:
        sources = cached.load("sources")
    except DataError as error:
        components.data_error(error)
        return
    st.caption(f"{len(sources)} sources. Each figure in data/ cites one of them by its source_id.")
    st.dataframe(
        sources,
        hide_index=True,
        width="stretch",
        column_order=["publisher", "title", "published_date", "url", "licence", "source_id"],
        column_config={
            "publisher": st.column_config.TextColumn("Publisher", width="small"),
            "title": st.column_config.TextColumn("What it is", width="large"),
            "published_date": st.column_config.TextColumn("Published", width="small"),
            "url": st.column_config.LinkColumn("Link", width="small", display_text="open"),
            "licence": st.column_config.TextColumn("Terms", width="medium"),
            "source_id": st.column_config.TextColumn("Cited as", width="small"),
        },
    )


def render() -> None:
    st.title("Sources & data")
    st.caption(
        "Every number in this dashboard comes from the files listed here. Values are stored as "
        "published; growth, gaps, totals and projections are computed by the app. The sidebar "
        "filters apply to the chart pages; they are kept here so a link from this page keeps them."
    )
    dataset_catalogue()
    geometry_catalogue()
    source_list()


render()
