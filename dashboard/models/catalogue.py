"""The Sources & data catalogue: each file's status, coverage, sources and terms, worked out once.

None of it depends on the viewer, so the page builds it once per data folder and only lays it
out on a rerun.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard import datasets
from dashboard.analytics.citations import cite, currency_words, data_as_of, withheld_rows
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
    currency: str = ""  # how current, in words: the sources' own editions, access dates, the last year


def last_year(frame: pd.DataFrame) -> int | None:
    """The last year a table has a figure for."""
    column = "year" if "year" in frame.columns else "period_end" if "period_end" in frame.columns else None
    if column is None or frame.empty:
        return None
    years = pd.to_numeric(frame[column].astype(str).str[:4], errors="coerce").dropna()
    return int(years.max()) if len(years) else None


def currency(cited: pd.DataFrame, last: int | None) -> str:
    """'Data to 2024. WDI database updated 2025-10-15 (World Bank), accessed 2026-12-07.'"""
    parts = [f"Data to {last}."] if last else []
    for row in cited.itertuples():
        said = currency_words(getattr(row, "edition", None), getattr(row, "accessed_date", None))
        if said:
            parts.append(f"{row.publisher}: {', '.join(said)}.")
    return " ".join(parts)


def last_try(dataset: Dataset | GeoDataset, status: dict[str, dict[str, str | None]]) -> tuple[str, bool]:
    """How the refresh that writes this file last went, in words ('' for a curated file), and
    whether it failed."""
    source = getattr(dataset, "refresh_source", "")
    tried = status.get(source) if source else None
    if not tried or not tried.get("tried"):
        return ("Not refreshed yet on this deployment." if source and source != "all" else ""), False
    when = str(tried["tried"])[:16].replace("T", " ") + " UTC"
    if tried.get("error"):
        said = f"The last refresh try, {when}, failed: {tried['error']}. The figures shown are the previous edition's."
        return said, True
    return f"Last refreshed {when}.", False


def table_summary(frame: pd.DataFrame, cites: bool = True) -> str:
    if frame.empty:
        return "No rows yet: the header is in place for a refresh to fill."
    coverage = ""
    if "year" in frame.columns:
        coverage = f", years {int(frame['year'].min())}–{int(frame['year'].max())}"
    elif "period_start" in frame.columns:
        coverage = f", periods {frame['period_start'].min()[:4]}–{frame['period_end'].max()[:4]}"
    cited = frame["source_id"].nunique() if cites and "source_id" in frame.columns else 0
    citing = f", citing {cited} source{'s' if cited != 1 else ''}" if cited else ""
    return f"{len(frame):,} rows{coverage}{citing}"


def geometry_summary(frame: pd.DataFrame) -> str:
    return f"{len(frame):,} features, WGS84 longitude/latitude; cites {', '.join(sorted(set(frame['source_id'])))}"


def entry(dataset: Dataset | GeoDataset, folder: Path, sources: pd.DataFrame | None) -> Entry:
    geo = isinstance(dataset, GeoDataset)
    cites = getattr(dataset, "cites_sources", True)  # the source lists name sources; they do not cite them
    try:
        if geo:
            frame = datasets.load_geo(dataset.name, folder)
        else:  # the file itself: sources.csv alone, not merged with the refresh's list
            frame = datasets.load(dataset.name, folder) if cites else datasets.read_csv(dataset, folder)
    except DataError as error:
        return Entry(dataset, str(error), "", None, None, not dataset.redistributable)
    summary = geometry_summary(frame) if geo else table_summary(frame, cites)
    if sources is None or not cites or "source_id" not in frame.columns or frame.empty:
        return Entry(dataset, None, summary, None, None, not dataset.redistributable)
    cited = cite(frame["source_id"], sources)
    # the file's kind decides, not only the rows read: a refresh may fill it later
    withheld = not dataset.redistributable or bool(withheld_rows(frame, sources).any())
    return Entry(dataset, None, summary, cited, data_as_of(cited), withheld, currency(cited, last_year(frame)))


def build_catalogue(folder: Path) -> tuple[list[Entry], list[Entry]]:
    """Entries for the tables and for the geometry, in the order the data dictionary lists them."""
    try:
        sources = datasets.load("sources", folder)
    except DataError:
        sources = None  # its own entry shows the error
    tables = [entry(d, folder, sources) for d in DATASETS.values()]
    geometry = [entry(d, folder, sources) for d in GEO_DATASETS.values()]
    return tables, geometry
