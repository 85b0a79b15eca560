"""The Sources & data catalogue: each file's status, coverage, sources and terms, worked out once.

None of it depends on the viewer, so the page builds it once per data folder and only lays it
out on a rerun.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard import datasets
from dashboard.analytics.citations import cite, data_as_of, withheld_rows
from dashboard.datasets import DATASETS, GEO_DATASETS, DataError, Dataset, GeoDataset


@dataclass(frozen=True)
class Entry:
    """One file as the catalogue shows it."""

    dataset: Dataset | GeoDataset
    error: str | None  # why the file failed its checks; None when it passed
    summary: str
    cited: pd.DataFrame | None  # its sources' rows, None without a valid sources.csv
    as_of: str | None
    withheld: bool  # its publisher's terms forbid passing it on


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


def entry(dataset: Dataset | GeoDataset, folder: Path, sources: pd.DataFrame | None) -> Entry:
    geo = isinstance(dataset, GeoDataset)
    try:
        frame = datasets.load_geo(dataset.name, folder) if geo else datasets.load(dataset.name, folder)
    except DataError as error:
        return Entry(dataset, str(error), "", None, None, not dataset.redistributable)
    summary = geometry_summary(frame) if geo else table_summary(frame)
    if sources is None or "source_id" not in frame.columns or frame.empty:
        return Entry(dataset, None, summary, None, None, not dataset.redistributable)
    cited = cite(frame["source_id"], sources)
    # the file's kind decides, not only the rows read: a refresh may fill it later
    withheld = not dataset.redistributable or bool(withheld_rows(frame, sources).any())
    return Entry(dataset, None, summary, cited, data_as_of(cited), withheld)


def build_catalogue(folder: Path) -> tuple[list[Entry], list[Entry]]:
    """Entries for the tables and for the geometry, in the order the data dictionary lists them."""
    try:
        sources = datasets.load("sources", folder)
    except DataError:
        sources = None  # its own entry shows the error
    tables = [entry(d, folder, sources) for d in DATASETS.values()]
    geometry = [entry(d, folder, sources) for d in GEO_DATASETS.values()]
    return tables, geometry
