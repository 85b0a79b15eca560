"""Page building blocks shared by every page: charts with their sources, KPIs, data errors."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.datasets import DataError


def cite(source_ids: Iterable[str], sources: pd.DataFrame) -> pd.DataFrame:
    """The rows of sources.csv for these ids, in first-use order."""
    ids = list(dict.fromkeys(i for i in source_ids if isinstance(i, str)))
    return sources.set_index("source_id").reindex(ids).dropna(subset=["publisher"]).reset_index()


def sources_caption(cited: pd.DataFrame, limit: int = 6) -> str:
    names = [f"{row.publisher} ([link]({row.url}))" for row in cited.itertuples()]
    shown = "; ".join(names[:limit])
    more = f"; and {len(names) - limit} more (in the CSV)" if len(names) > limit else ""
    return f"Sources: {shown}{more}." if names else "Sources: none."


def with_citation(data: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The numbers behind a chart with each row's source spelled out, for the CSV download."""
    if "source_id" not in data.columns:
        return data
    cited = sources[["source_id", "publisher", "url", "licence"]].rename(
        columns={"publisher": "source_publisher", "url": "source_url", "licence": "source_licence"}
    )
    return data.merge(cited, on="source_id", how="left")


def chart_with_sources(
    chart: alt.TopLevelMixin,
    data: pd.DataFrame,
    sources: pd.DataFrame,
    file_name: str,
    note: str = "",
) -> None:
    """A chart, the line that says where its numbers come from, and a CSV of those numbers."""
    st.altair_chart(chart, theme=None, width="stretch")
    cited = cite(data.get("source_id", []), sources)
    caption = sources_caption(cited)
    st.caption(f"{note} {caption}".strip())
    st.download_button(
        "Download CSV",
        with_citation(data, sources).to_csv(index=False).encode("utf-8"),
        file_name=file_name,
        mime="text/csv",
        key=f"dl_{file_name}",
        icon=":material/download:",
    )


def data_error(error: DataError) -> None:
    """The page's data cannot be used: say which file and where, and nothing more."""
    st.error(
        f"This page cannot be shown: **data/{error.file}** failed its checks. {error}\n\n"
        "Other pages that do not use this file still work; the Sources & data page lists "
        "every dataset's status.",
        icon=":material/error:",
    )


def no_data(message: str) -> None:
    st.info(message, icon=":material/info:")
