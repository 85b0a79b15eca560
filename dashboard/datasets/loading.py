"""Loading a table: its file validated, what it cites checked against the reference tables, and the
two ways a refresh adds to a shipped table (rows beside it, or a newer edition instead of it).
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

from dashboard.datasets.editions import DATA_DIR, locate
from dashboard.datasets.macro import WDI_MACRO
from dashboard.datasets.partners import REMITTANCES_WORLD, REMITTANCES_WORLD_API, TRADE_PARTNERS, TRADE_PARTNERS_API
from dashboard.datasets.products import BACI_PRODUCT_CODES, BACI_PRODUCTS, BREAKDOWN, COMTRADE_PRODUCTS, PRODUCTS
from dashboard.datasets.reference import EVENTS, REPORTERS, SOURCES, SOURCES_REFRESH
from dashboard.datasets.remittances import PRESETS, REMITTANCES, WDI, WDI_API
from dashboard.datasets.schema import DataError, Dataset
from dashboard.datasets.security import BORDER_REFERENCES, CLAIMS, MEMBERSHIPS, SITES, TROOPS
from dashboard.datasets.trade import TRADE_COMTRADE, TRADE_CONTEXT, TRADE_DOTS, TRADE_PUBLISHED
from dashboard.datasets.validation import read_csv

DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        SOURCES,
        SOURCES_REFRESH,
        REPORTERS,
        TRADE_DOTS,
        TRADE_PUBLISHED,
        EVENTS,
        SITES,
        TROOPS,
        MEMBERSHIPS,
        CLAIMS,
        BORDER_REFERENCES,
        WDI,
        WDI_MACRO,
        REMITTANCES,
        PRESETS,
        PRODUCTS,
        BREAKDOWN,
        BACI_PRODUCTS,
        BACI_PRODUCT_CODES,
        TRADE_CONTEXT,
        TRADE_PARTNERS,
        REMITTANCES_WORLD,
        WDI_API,
        REMITTANCES_WORLD_API,
        TRADE_PARTNERS_API,
        TRADE_COMTRADE,
        COMTRADE_PRODUCTS,
    )
}


def load(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Load a dataset and check that what it cites exists (sources, reporters)."""
    if name == "sources":
        return all_sources(data_dir)
    dataset = DATASETS[name]
    df = read_csv(dataset, data_dir)
    if dataset.cites_sources:
        known = known_keys(SOURCES, data_dir)
        check_references(dataset.file, df, "source_id", known, "data/sources.csv")
    if "reporter" in df.columns and name != "reporters":
        known = known_keys(REPORTERS, data_dir)
        check_references(dataset.file, df, "reporter", known, "data/reporters.csv")
    return df


# A curated table and the refresh file in the same schema whose rows it gains.
REFRESHED_ROWS = {"trade_published": "trade_comtrade", "product_breakdown": "comtrade_products"}


def load_with_refresh(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """A curated table plus whatever a refresh added beside it under its own reporters and sources."""
    curated = load(name, data_dir)
    refreshed = load(REFRESHED_ROWS[name], data_dir)
    return curated if refreshed.empty else pd.concat([curated, refreshed], ignore_index=True)


# A shipped table and the refresh file holding a newer edition of the same series.
NEWER_EDITION = {
    "wdi": "wdi_api",
    "trade_partners": "trade_partners_api",
    "wdi_remittances_world": "wdi_remittances_world_api",
}


def load_edition(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The newest edition of a table, whole: the refreshed one if it has rows, else the shipped one.

    Editions revise past years, so the two are never mixed year by year.
    """
    refreshed = load(NEWER_EDITION[name], data_dir)
    return refreshed if not refreshed.empty else load(name, data_dir)


def all_sources(data_dir: Path) -> pd.DataFrame:
    """The curated sources and, in a refreshed edition, the refresh's own: one table, ids unique."""
    curated = read_csv(SOURCES, data_dir)
    if not (data_dir / SOURCES_REFRESH.file).exists():
        return curated
    refreshed = read_csv(SOURCES_REFRESH, data_dir)
    # a refresh's own row wins: a data folder written by the earlier refresh (which added its rows to
    # sources.csv) keeps working
    older = curated[~curated["source_id"].isin(refreshed["source_id"])]
    return pd.concat([older, refreshed], ignore_index=True)


def known_keys(dataset: Dataset, data_dir: Path) -> frozenset[str]:
    """The ids a reference table defines (with the refresh's own sources, in an edition that has them)."""
    keys = _file_keys(dataset, data_dir)
    if dataset is SOURCES and (data_dir / SOURCES_REFRESH.file).exists():
        keys |= _file_keys(SOURCES_REFRESH, data_dir)
    return keys


def _file_keys(dataset: Dataset, data_dir: Path) -> frozenset[str]:
    """One file's ids, read once per version of the file (not once per table citing it)."""
    path = locate(data_dir, dataset.file)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise DataError(dataset.file, "the file is missing") from None
    return _keys_of(dataset.name, str(data_dir), stat.st_mtime_ns, stat.st_size)


# Below the app's cache (this package never imports Streamlit), and keyed by the file's own version:
# an edited or replaced file is a new key, so an entry can never answer for another file's ids.
@functools.lru_cache(maxsize=32)
def _keys_of(name: str, folder: str, mtime_ns: int, size: int) -> frozenset[str]:
    dataset = DATASETS[name]
    return frozenset(read_csv(dataset, Path(folder))[dataset.key[0]])


def check_references(
    file: str, df: pd.DataFrame, column: str, known: frozenset[str], where: str, unit: str = "line", first: int = 2
) -> None:
    """A DataError at the first row whose `column` names an id `known` lacks (rows numbered from `first`)."""
    unknown = df.index[~df[column].isin(known)]
    if len(unknown):
        row = df.index.get_loc(unknown[0])
        found = df[column].iloc[row]
        raise DataError(file, f"{found!r} is not listed in {where}", row=row + first, column=column, unit=unit)
