"""Read and validate the curated tables in data/.

Each file is checked against its schema before any page sees it, so a corrupt or hand-edited file
fails here with the file, row and column named, instead of as a confusing chart further down.

The package's files follow the data's shape:

    schema.py       how a file is described (Column, Dataset, DataFile) and DataError
    validation.py   the engine: a CSV file checked against its Dataset
    reference.py    sources, reporters, events: what the other tables cite
    trade.py, products.py, security.py, remittances.py, partners.py, macro.py
                    one module per domain's tables
    geo.py          the GeoJSON files and their loader
    loading.py      load(): a table with its references checked; a refresh's rows or newer edition
    editions.py     where the data lives: data/, its refreshed editions, each refresh's last try
    sources.py      what a source's terms allow (may its figures be passed on)

Callers use the names below: `from dashboard import datasets; datasets.load("events")`.
"""

from __future__ import annotations

from dashboard.datasets.editions import (
    BASE_LINK,
    CURRENT,
    DATA_DIR,
    EDITIONS_VARIABLE,
    MANIFEST,
    REFRESH_STATUS,
    editions_root,
    live_folder,
    locate,
    refresh_status,
)
from dashboard.datasets.geo import GEO_DATASETS, GeoDataset, load_geo
from dashboard.datasets.loading import (
    DATASETS,
    NEWER_EDITION,
    REFRESHED_ROWS,
    load,
    load_edition,
    load_with_refresh,
)
from dashboard.datasets.partners import IMF_API_SOURCE, REMITTANCES_WORLD
from dashboard.datasets.reference import SOURCES, SOURCES_REFRESH, in_language, with_translations, words_in_language
from dashboard.datasets.schema import Column, DataError, DataFile, Dataset, Problem
from dashboard.datasets.sources import COMTRADE_LICENCE, NOT_REDISTRIBUTABLE, may_be_redistributed, redistributable
from dashboard.datasets.validation import read_csv

__all__ = [
    "BASE_LINK",
    "COMTRADE_LICENCE",
    "CURRENT",
    "DATASETS",
    "DATA_DIR",
    "EDITIONS_VARIABLE",
    "GEO_DATASETS",
    "IMF_API_SOURCE",
    "MANIFEST",
    "NEWER_EDITION",
    "NOT_REDISTRIBUTABLE",
    "REFRESHED_ROWS",
    "REFRESH_STATUS",
    "REMITTANCES_WORLD",
    "SOURCES",
    "SOURCES_REFRESH",
    "Column",
    "DataError",
    "DataFile",
    "Dataset",
    "GeoDataset",
    "Problem",
    "editions_root",
    "in_language",
    "live_folder",
    "load",
    "load_edition",
    "load_geo",
    "load_with_refresh",
    "locate",
    "may_be_redistributed",
    "read_csv",
    "redistributable",
    "refresh_status",
    "with_translations",
    "words_in_language",
]
