"""The Sources & data catalogue: each file's status, coverage, sources and terms, worked out once.

Only its words depend on the viewer (the language), so the page builds it once per data folder
and language, and only lays it out on a rerun.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard import datasets
from dashboard.analytics.citations import cite, currency_words, data_as_of, withheld_rows
from dashboard.datasets import DATASETS, GEO_DATASETS, DataError, Dataset, GeoDataset
from dashboard.formatting import localized
from dashboard.formatting.language import Language


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


def currency(cited: pd.DataFrame, last: int | None, lang: Language) -> str:
    """'Data to 2024. WDI database updated 2025-10-15 (World Bank), accessed 2026-12-07.'"""
    parts = [lang.gettext("Data to {year}.").format(year=last)] if last else []
    for row in cited.itertuples():
        said = currency_words(getattr(row, "edition", None), getattr(row, "accessed_date", None), lang)
        if said:
            parts.append(f"{row.publisher}: {', '.join(said)}.")
    return " ".join(parts)


def last_try(
    dataset: Dataset | GeoDataset, status: dict[str, dict[str, str | None]], lang: Language
) -> tuple[str, bool]:
    """How the refresh that writes this file last went, in words ('' for a curated file), and
    whether it failed. The refresh's own error message stays as the refresh wrote it."""
    _ = lang.gettext
    source = getattr(dataset, "refresh_source", "")
    tried = status.get(source) if source else None
    if not tried or not tried.get("tried"):
        return (_("Not refreshed yet on this deployment.") if source and source != "all" else ""), False
    when = str(tried["tried"])[:16].replace("T", " ") + " UTC"
    if tried.get("error"):
        said = _("The last refresh try, {when}, failed: {error}. The figures shown are the previous edition's.").format(
            when=when, error=tried["error"]
        )
        return said, True
    return _("Last refreshed {when}.").format(when=when), False


def table_summary(frame: pd.DataFrame, lang: Language, cites: bool = True) -> str:
    """'1,234 rows, years 1993–2024, citing 12 sources' in the viewer's language."""
    _ = lang.gettext
    if frame.empty:
        return _("No rows yet: the header is in place for a refresh to fill.")
    coverage = ""
    if "year" in frame.columns:
        coverage = _(", years {first}–{last}").format(first=int(frame["year"].min()), last=int(frame["year"].max()))
    elif "period_start" in frame.columns:
        coverage = _(", periods {first}–{last}").format(
            first=frame["period_start"].min()[:4], last=frame["period_end"].max()[:4]
        )
    cited = frame["source_id"].nunique() if cites and "source_id" in frame.columns else 0
    citing = lang.ngettext(", citing {count} source", ", citing {count} sources", cited).format(count=cited)
    rows = lang.ngettext("{count} row", "{count} rows", len(frame)).format(count=localized.number(len(frame), lang))
    return f"{rows}{coverage}{citing if cited else ''}"


def geometry_summary(frame: pd.DataFrame, lang: Language) -> str:
    return lang.ngettext(
        "{count} feature, WGS84 longitude/latitude; cites {sources}",
        "{count} features, WGS84 longitude/latitude; cites {sources}",
        len(frame),
    ).format(count=localized.number(len(frame), lang), sources=", ".join(sorted(set(frame["source_id"]))))


def entry(dataset: Dataset | GeoDataset, folder: Path, sources: pd.DataFrame | None, lang: Language) -> Entry:
    geo = isinstance(dataset, GeoDataset)
    cites = getattr(dataset, "cites_sources", True)  # the source lists name sources; they do not cite them
    try:
        if geo:
            frame = datasets.load_geo(dataset.name, folder)
        else:  # the file itself: sources.csv alone, not merged with the refresh's list
            frame = datasets.load(dataset.name, folder) if cites else datasets.read_csv(dataset, folder)
    except DataError as error:
        return Entry(dataset, str(error), "", None, None, not dataset.redistributable)
    summary = geometry_summary(frame, lang) if geo else table_summary(frame, lang, cites)
    if sources is None or not cites or "source_id" not in frame.columns or frame.empty:
        return Entry(dataset, None, summary, None, None, not dataset.redistributable)
    cited = cite(frame["source_id"], sources)
    # the file's kind decides, not only the rows read: a refresh may fill it later
    withheld = not dataset.redistributable or bool(withheld_rows(frame, sources).any())
    return Entry(dataset, None, summary, cited, data_as_of(cited), withheld, currency(cited, last_year(frame), lang))


def build_catalogue(folder: Path, lang: Language) -> tuple[list[Entry], list[Entry]]:
    """Entries for the tables and for the geometry, in the order the data dictionary lists them."""
    try:
        sources = datasets.load("sources", folder)
    except DataError:
        sources = None  # its own entry shows the error
    tables = [entry(d, folder, sources, lang) for d in DATASETS.values()]
    geometry = [entry(d, folder, sources, lang) for d in GEO_DATASETS.values()]
    return tables, geometry
