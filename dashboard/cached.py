"""The one cache boundary: loaded datasets and the view-independent page models.

Keyed by the data folder, so a test that points the app at a corrupt copy of data/ never sees
(or poisons) the real data's cache entry. Errors are not cached: a fixed file is picked up on
the next run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import datasets
from dashboard.state import Bounds
from dashboard.trade_model import TradeModel, build_trade_model


def data_dir() -> Path:
    """data/ of the checkout, or RT_DATA_DIR when set (tests use it to serve a broken copy)."""
    return Path(os.environ.get("RT_DATA_DIR", datasets.DATA_DIR))


@st.cache_data(show_spinner=False)
def _dataset(name: str, folder: str) -> pd.DataFrame:
    return datasets.load(name, Path(folder))


def load(name: str) -> pd.DataFrame:
    """A validated dataset (a fresh copy: cache_data hands each caller its own)."""
    return _dataset(name, str(data_dir()))


@st.cache_resource(show_spinner=False)
def _trade_model(folder: str) -> TradeModel:
    path = Path(folder)
    tables = {
        name: datasets.load(name, path) for name in ("reporters", "trade_dots", "trade_published", "events", "sources")
    }
    return build_trade_model(
        tables["reporters"], tables["trade_dots"], tables["trade_published"], tables["events"], tables["sources"]
    )


def trade_model() -> TradeModel:
    """Shared read-only frames (cache_resource: no copy per rerun, so callers must not mutate)."""
    return _trade_model(str(data_dir()))


def year_bounds() -> Bounds:
    """The years the trade data covers; the defaults if the data cannot be read."""
    try:
        low, high = trade_model().year_range
    except datasets.DataError:
        return Bounds()
    return Bounds(year_min=low, year_max=high)
