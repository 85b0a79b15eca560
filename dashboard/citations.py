"""Which sources a set of figures cites, how current they are, and which may be passed on.

Pure pandas: the pages' captions and downloads (components.py) and the Sources & data
catalogue (catalogue.py) share it.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.datasets import redistributable


def cite(source_ids: Iterable[str], sources: pd.DataFrame) -> pd.DataFrame:
    """The rows of sources.csv for these ids, in first-use order."""
    ids = source_ids if isinstance(source_ids, pd.Series) else pd.Series(list(source_ids), dtype=object)
    positions = pd.Index(sources["source_id"]).get_indexer(pd.unique(ids.dropna()))
    return sources.iloc[positions[positions >= 0]]


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


def data_as_of(cited: pd.DataFrame) -> str | None:
    """The newest publication or access date among the sources cited: how current the numbers are."""
    dated = cited["published_date"].dropna().astype(str)
    return dated.max() if len(dated) else None


def withheld_rows(data: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """The rows whose source may not be redistributed (UN Comtrade): shown, never downloaded."""
    if "source_id" not in data.columns:
        return pd.Series(False, index=data.index)
    restricted = set(sources.loc[~redistributable(sources), "source_id"])
    return data["source_id"].isin(restricted)
