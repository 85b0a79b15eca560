"""The one cache boundary: loaded datasets and the view-independent trade model.

Keyed by the data folder, so a test that points the app at a corrupt copy of data/ never sees
(or poisons) the real data's cache entry. Errors are not cached: a fixed file is picked up on
the next run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import datasets
from dashboard.analytics import trade
from dashboard.analytics.events import events_on_axis
from dashboard.state import Bounds


def data_dir() -> Path:
    """data/ of the checkout, or RT_DATA_DIR when set (tests use it to serve a broken copy)."""
    return Path(os.environ.get("RT_DATA_DIR", datasets.DATA_DIR))


@st.cache_data(show_spinner=False)
def dataset(name: str, folder: str) -> pd.DataFrame:
    return datasets.load(name, Path(folder))


def load(name: str) -> pd.DataFrame:
    return dataset(name, str(data_dir()))


@dataclass(frozen=True)
class TradeModel:
    """Everything on the Trade page that does not depend on the viewer's choices."""

    dots: pd.DataFrame
    dots_long: pd.DataFrame
    full_years: pd.DataFrame
    full_years_all: pd.DataFrame
    part_years: pd.DataFrame
    events: pd.DataFrame
    sources: pd.DataFrame


@st.cache_resource(show_spinner=False)
def _trade_model(folder: str) -> TradeModel:
    path = Path(folder)
    reporters = datasets.load("reporters", path)
    dots = datasets.load("trade_dots", path)
    published = datasets.load("trade_published", path)
    return TradeModel(
        dots=dots,
        dots_long=trade.dots_measures(dots, reporters),
        full_years=trade.published_full_years(published, reporters),
        full_years_all=trade.published_full_years(published, reporters, include_projections=True),
        part_years=trade.part_year_figures(published, reporters),
        events=events_on_axis(datasets.load("events", path), "trade"),
        sources=datasets.load("sources", path),
    )


def trade_model() -> TradeModel:
    """Shared read-only frames (cache_resource: no copy per rerun; callers must not mutate)."""
    return _trade_model(str(data_dir()))


def year_bounds() -> Bounds:
    """The years the trade data covers; the defaults if the data cannot be read."""
    try:
        model = trade_model()
    except datasets.DataError:
        return Bounds()
    years = pd.concat([model.dots["year"], model.full_years["year"], model.part_years["year"]])
    return Bounds(year_min=int(years.min()), year_max=int(years.max()))
