"""The one cache boundary: loaded datasets, the view-independent page models, and what one view
of them draws (a page's frames for a Years filter, a search, a set of map layers).

Keyed by the data folder, so a test that points the app at a corrupt copy of data/ never sees
(or poisons) the real data's cache entry. Errors are not cached: a fixed file is picked up on
the next run. Small results derived on a page from these shared objects (a sources line, the
rows in the chosen years) are remembered with the object itself (memo.py).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import altair as alt
import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit import dataframe_util

from dashboard import datasets
from dashboard.analytics import border, overview
from dashboard.analytics import trade as trade_analytics
from dashboard.analytics.basis import Mismatch
from dashboard.cache.arrow_specs import with_arrow_datasets
from dashboard.cache.readonly import frozen
from dashboard.charts import border as border_charts
from dashboard.models.border import (
    BorderModel,
    BorderTables,
    build_border_model,
    build_border_tables,
    build_coverage_curve,
    clip_to_map,
    sites_frame,
    thumbnail_geometry,
)
from dashboard.models.catalogue import Entry, build_catalogue
from dashboard.models.overview import OverviewModel, build_overview_model, events_table
from dashboard.models.partners import PartnersModel, build_partners_model
from dashboard.models.products import (
    BreakdownView,
    DirectionTables,
    ProductsModel,
    build_baci_trends,
    build_breakdown_view,
    build_concentration_frame,
    build_direction_tables,
    build_named_flows,
    build_products_model,
    build_published_frame,
    build_trend_frame,
)
from dashboard.models.remittances import (
    RemittancesModel,
    RemittancesView,
    build_remittances_model,
    build_remittances_view,
)
from dashboard.models.scenarios import ScenariosModel, build_scenarios_model
from dashboard.models.trade import TradeModel, build_trade_model
from dashboard.session.state import Bounds

T = TypeVar("T")


def shared_resource(
    max_entries: int | None = None, hash_funcs: dict | None = None
) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """The one way this app caches: Streamlit's resource cache (one object for every session, not
    a copy per rerun), with what it holds made read-only as it enters (readonly.frozen).

    Key every function by the data folder (its first argument) and the view's values; anything
    small derived on a page from what it returns is remembered with that object (memo.remembered).
    """

    def decorate(build: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(build)  # Streamlit keys the cache by the wrapped function's name and source
        def build_frozen(*args: Any) -> T:
            return frozen(build(*args))

        return st.cache_resource(show_spinner=False, max_entries=max_entries, hash_funcs=hash_funcs)(build_frozen)

    return decorate


def base_dir() -> Path:
    """The curated data folder: data/ of the checkout, or RT_DATA_DIR when set (tests use it to
    serve a broken copy; a hosted copy may use it for a mounted folder)."""
    return Path(os.environ.get("RT_DATA_DIR", datasets.DATA_DIR))


_run = threading.local()  # each session's script runs in a thread of its own
_seen: dict[Path, Path] = {}  # base folder -> the edition this process last served from it
_switching = threading.Lock()


def pin_data_dir() -> Path:
    """The data edition for this whole rerun, resolved once at its start (app.py): a refresh that
    switches editions mid-run is seen from the next rerun on, never halfway through a page.

    When a base folder's live edition changes, the previous edition's cached models are let go
    (they would otherwise stay in memory beside the new ones until the process restarts).
    """
    base = base_dir()
    folder = datasets.live_folder(base)
    with _switching:  # one session lets the old edition go, once
        switched = _seen.setdefault(base, folder) != folder
        _seen[base] = folder
    if switched:
        st.cache_resource.clear()
    _run.folder = (base, folder)
    return folder


def data_dir() -> Path:
    """The folder every shared object is loaded from, and keyed by: the rerun's pinned edition."""
    base = base_dir()
    pinned = getattr(_run, "folder", None)
    if pinned is not None and pinned[0] == base:
        return pinned[1]
    return datasets.live_folder(base)


def fitting_together(files: str, build: Callable[..., T], *tables: Any) -> T:
    """`build(*tables)`, or a DataError naming the files where they disagree (`basis.Mismatch`: two
    figures where one was expected, a reporter with no rows): each passed its own checks, so they
    do not fit together. Any other error is a fault in our code, not the data's: it is left to
    reach the page, which logs it with its traceback and says so (views.components)."""
    try:
        return build(*tables)
    except Mismatch as exc:
        raise datasets.DataError(files, f"do not fit together ({exc})") from None


def set_aside_note(error: datasets.DataError) -> str:
    return f"data/{error.file} could not be read ({error.message}), so it is left out as if it were missing"


def optional(name: str, path: Path, set_aside: list[str]) -> pd.DataFrame:
    """An optional table (a refresh file, BACI): a corrupt one is treated as a missing one (no rows), and named."""
    try:
        return datasets.load(name, path)
    except datasets.DataError as error:
        set_aside.append(set_aside_note(error))
        return pd.DataFrame(columns=list(datasets.DATASETS[name].columns))


def edition_or_shipped(name: str, path: Path, set_aside: list[str]) -> pd.DataFrame:
    """`datasets.load_edition`, or the shipped edition when the refreshed file is corrupt (and named)."""
    try:
        return datasets.load_edition(name, path)
    except datasets.DataError as error:
        if error.file != datasets.DATASETS[datasets.NEWER_EDITION[name]].file:
            raise
        set_aside.append(set_aside_note(error))
        return datasets.load(name, path)


def with_refresh_or_curated(name: str, path: Path, set_aside: list[str]) -> pd.DataFrame:
    """`datasets.load_with_refresh`, or the curated table alone when the refresh file is corrupt (and named)."""
    try:
        return datasets.load_with_refresh(name, path)
    except datasets.DataError as error:
        if error.file != datasets.DATASETS[datasets.REFRESHED_ROWS[name]].file:
            raise
        set_aside.append(set_aside_note(error))
        return datasets.load(name, path)


def dataset(name: str) -> pd.DataFrame:
    """A validated dataset shared by every session, not copied per rerun: callers must not mutate.

    For tables a page only reads; being the same object on every rerun also lets what is worked
    out from it (a chart's sources line, citations.citing) be remembered.
    """
    return _shared_dataset(name, str(data_dir()))


@shared_resource()
def _shared_dataset(name: str, folder: str) -> pd.DataFrame:
    return datasets.load(name, Path(folder))


@shared_resource()
def _trade_model(folder: str) -> TradeModel:
    path = Path(folder)
    tables = {name: datasets.load(name, path) for name in ("reporters", "trade_dots", "events", "sources")}
    set_aside: list[str] = []
    tables["trade_published"] = with_refresh_or_curated("trade_published", path, set_aside)
    model = build_trade_model(
        tables["reporters"], tables["trade_dots"], tables["trade_published"], tables["events"], tables["sources"]
    )
    return replace(model, set_aside=tuple(set_aside))


def trade_model() -> TradeModel:
    """Shared read-only frames (cache_resource: no copy per rerun, so callers must not mutate)."""
    return _trade_model(str(data_dir()))


def year_bounds() -> Bounds:
    """The years the trade data covers, and the partner data's own (for pt_since); defaults if unreadable."""
    try:
        low, high = trade_model().year_range
    except datasets.DataError:
        return Bounds()
    try:
        partner_years = partners_model().years
    except Exception:  # a data error or a fault in our code: the Partners page itself says which
        return Bounds(year_min=low, year_max=high)
    return Bounds(year_min=low, year_max=high, partner_years=partner_years)


def russia_shares() -> pd.DataFrame:
    """Russia's share of Tajikistan's trade by year and report (shared read-only)."""
    return _russia_shares(str(data_dir()))


@shared_resource()
def _russia_shares(folder: str) -> pd.DataFrame:
    return trade_analytics.russia_shares(_shared_dataset("trade_context", folder), _shared_dataset("reporters", folder))


@shared_resource()
def _border_model(folder: str) -> BorderModel:
    path = Path(folder)
    tables = {name: datasets.load(name, path) for name in BORDER_TABLES}
    geo = {name: datasets.load_geo(name, path) for name in ("countries", "border_tj_af", "rivers")}
    return fitting_together(
        "security and geo files",
        build_border_model,
        geo["countries"],
        geo["border_tj_af"],
        geo["rivers"],
        *(tables[name] for name in BORDER_TABLES),
    )


BORDER_TABLES = ("security_sites", "troop_estimates", "memberships", "claims", "border_references", "events", "sources")


def border_tables() -> BorderTables:
    """The Border page's view-independent tables and texts (shared read-only)."""
    return _border_tables(str(data_dir()))


@shared_resource()
def _border_tables(folder: str) -> BorderTables:
    return fitting_together("security files", build_border_tables, _border_model(folder))


def coverage_curve() -> pd.DataFrame:
    """The border's coverage at every radius (shared read-only: callers must not mutate)."""
    return _coverage_curve(str(data_dir()))


@shared_resource()
def _coverage_curve(folder: str) -> pd.DataFrame:
    return build_coverage_curve(_border_model(folder))


def border_model() -> BorderModel:
    """Shared read-only frames and geometry for the Border & security page."""
    return _border_model(str(data_dir()))


def border_map_spec(radius_km: int, layers: tuple[str, ...]) -> dict:
    """The map's Vega-Lite spec for one radius and set of layers."""
    radius = radius_km if "coverage" in layers else 0  # the radius only matters when reach is drawn
    return _border_map_spec(str(data_dir()), radius, layers)


# Shared, not copied per rerun: the spec carries the map's geometry (see components._spec).
@shared_resource(max_entries=256)
def _border_map_spec(folder: str, radius_km: int, layers: tuple[str, ...]) -> dict:
    model = _border_model(folder)
    spec = _border_map_layers(folder, layers)
    if "coverage" not in layers:
        return spec
    reach = border.border_coverage(model.border_line, model.covering, radius_km)
    buffers, covered = (
        gpd.GeoDataFrame(geometry=[clip_to_map(shape)], crs="EPSG:4326")
        for shape in (reach.buffers, reach.covered_line)
    )
    return with_arrow_datasets(border_charts.with_map_data(spec, border_charts.coverage_datasets(buffers, covered)))


@shared_resource(max_entries=32)
def _border_map_layers(folder: str, layers: tuple[str, ...]) -> dict:
    """The map for a set of layers, whatever the radius: built and serialised once."""
    model = _border_model(folder)
    sites = _map_sites(model, layers)
    labels = model.countries.drop(columns="geometry")
    chart = border_charts.border_map(labels, "rivers" in layers, "coverage" in layers, sites)
    return with_arrow_datasets(border_charts.with_map_data(chart.to_dict(validate=False), model.map_data))


def _map_sites(model: BorderModel, layers: tuple[str, ...]) -> pd.DataFrame:
    """The sites the chosen map layers draw, ready for the map."""
    kinds = [kind for layer in layers for kind in border_charts.LAYER_KINDS.get(layer, ())]
    return sites_frame(model.sites[model.sites["kind"].isin(kinds)], model.sources)


def border_thumbnail_spec(height: int) -> dict:
    """The border map, small: Russia's facilities as unlabelled markers, no legend, for the Overview."""
    return _border_thumbnail_spec(str(data_dir()), height)


@shared_resource(max_entries=4)
def _border_thumbnail_spec(folder: str, height: int) -> dict:
    model = _border_model(folder)
    sites = _map_sites(model, ("russian",))
    chart = border_charts.border_map(model.countries.drop(columns="geometry"), False, False, sites, site_names=False)
    chart = chart.properties(height=height, title="Border and Russian sites").configure_legend(disable=True)
    return with_arrow_datasets(border_charts.with_map_data(chart.to_dict(validate=False), thumbnail_geometry(model)))


@shared_resource()
def _remittances_model(folder: str) -> RemittancesModel:
    path = Path(folder)
    names = ("wdi", "remittances", "shock_presets", "events", "sources")
    set_aside: list[str] = []
    tables = {name: datasets.load(name, path) for name in names[1:]} | {
        "wdi": edition_or_shipped("wdi", path, set_aside)
    }
    model = fitting_together("remittance files", build_remittances_model, *(tables[name] for name in names))
    return replace(model, set_aside=tuple(set_aside))


@shared_resource()
def _partners_model(folder: str) -> PartnersModel:
    path = Path(folder)
    set_aside: list[str] = []
    partners = edition_or_shipped("trade_partners", path, set_aside)
    world = _world_remittances(path, set_aside)
    sources = datasets.load("sources", path)
    model = fitting_together("partner files", build_partners_model, partners, world, sources)
    return replace(model, set_aside=tuple(set_aside))


def _world_remittances(path: Path, set_aside: list[str]) -> pd.DataFrame | None:
    """The refreshed edition whole if it has rows, else the shipped file; None when neither can be read.

    The file is optional (the page says how to get it): a corrupt one is left out like a missing one.
    """
    refreshed = optional("wdi_remittances_world_api", path, set_aside)
    if not refreshed.empty:
        return refreshed
    shipped = datasets.REMITTANCES_WORLD
    if not datasets.locate(path, shipped.file).exists():
        return None
    world = optional(shipped.name, path, set_aside)
    return None if world.empty else world


def partners_model() -> PartnersModel:
    """Shared read-only frames for the Partners & region page and the Overview's partner card."""
    return _partners_model(str(data_dir()))


def remittances_model() -> RemittancesModel:
    """Shared read-only frames for the Remittances page."""
    return _remittances_model(str(data_dir()))


def remittances_view(years: tuple[int, int], show_others: bool) -> RemittancesView:
    """What the Remittances page draws for these years (shared read-only)."""
    return _remittances_view(str(data_dir()), years, show_others)


@shared_resource(max_entries=256)
def _remittances_view(folder: str, years: tuple[int, int], show_others: bool) -> RemittancesView:
    return build_remittances_view(_remittances_model(folder), years, show_others)


def scenarios_model() -> ScenariosModel:
    """The Scenarios page's estimates, fitted once per data edition (shared read-only): a slider
    move only applies them."""
    return _scenarios_model(str(data_dir()))


@shared_resource()
def _scenarios_model(folder: str) -> ScenariosModel:
    path = Path(folder)
    tables = [datasets.load(name, path) for name in ("wdi_macro", "events", "remittances", "sources")]
    return fitting_together("wdi_macro.csv, events.csv and remittances.csv", build_scenarios_model, *tables)


@shared_resource()
def _products_model(folder: str) -> ProductsModel:
    path = Path(folder)
    names = ("products", "product_breakdown", "reporters", "sources", "baci_products", "baci_product_codes")
    set_aside: list[str] = []
    tables = {name: datasets.load(name, path) for name in names[:4]} | {
        "product_breakdown": with_refresh_or_curated("product_breakdown", path, set_aside),
        "baci_products": optional("baci_products", path, set_aside),
        "baci_product_codes": optional("baci_product_codes", path, set_aside),
    }
    model = fitting_together("product files", build_products_model, *(tables[name] for name in names))
    return replace(model, set_aside=tuple(set_aside))


def products_model() -> ProductsModel:
    """Shared read-only frames for the Products page."""
    return _products_model(str(data_dir()))


def direction_tables(direction: str, query: str) -> DirectionTables:
    """One direction's product tables for a search (shared read-only)."""
    return _direction_tables(str(data_dir()), direction, query)


@shared_resource(max_entries=256)
def _direction_tables(folder: str, direction: str, query: str) -> DirectionTables:
    return build_direction_tables(_products_model(folder), direction, query)


def product_trends(query: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The product families valued more than once that match a search (shared read-only)."""
    return _product_trends(str(data_dir()), query)


@shared_resource(max_entries=128)
def _product_trends(folder: str, query: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    return build_trend_frame(_products_model(folder), query)


def breakdown_view(direction: str, year: int | None, level: int, top: int) -> BreakdownView | None:
    """One direction's breakdown panel for a year, level and top N (shared read-only)."""
    return _breakdown_view(str(data_dir()), direction, year, level, top)


@shared_resource(max_entries=256)
def _breakdown_view(folder: str, direction: str, year: int | None, level: int, top: int) -> BreakdownView | None:
    return build_breakdown_view(_products_model(folder), direction, year, level, top)


def published_figures(direction: str, measure: str, query: str) -> pd.DataFrame:
    """A direction's published shares, growth rates or values for a search, as bars (shared read-only)."""
    return _published_figures(str(data_dir()), direction, measure, query)


@shared_resource(max_entries=256)
def _published_figures(folder: str, direction: str, measure: str, query: str) -> pd.DataFrame:
    return build_published_frame(_products_model(folder), direction, measure, query)


def product_concentration(level: int) -> pd.DataFrame:
    """Top-3 share and HHI by year from BACI at an HS level (shared read-only)."""
    return _product_concentration(str(data_dir()), level)


@shared_resource(max_entries=8)
def _product_concentration(folder: str, level: int) -> pd.DataFrame:
    return build_concentration_frame(_products_model(folder), level)


def baci_trends(level: int, query: str, year: int | None) -> pd.DataFrame:
    """BACI's values by year for the products a search picks, else the year's largest (shared read-only)."""
    return _baci_trends(str(data_dir()), level, query, year)


@shared_resource(max_entries=256)
def _baci_trends(folder: str, level: int, query: str, year: int | None) -> pd.DataFrame:
    return build_baci_trends(_products_model(folder), level, query, year)


def named_flows() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The article's named headings found in BACI: by year, and the latest year's table (shared read-only)."""
    return _named_flows(str(data_dir()))


@shared_resource(max_entries=4)
def _named_flows(folder: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    return build_named_flows(_products_model(folder))


def overview_model(
    trade: TradeModel | None,
    context: pd.DataFrame | None,
    remittances: RemittancesModel | None,
    border: BorderModel | None,
    partners: PartnersModel | None = None,
) -> OverviewModel:
    """The Overview's cards and narrative, built once per set of models that loaded."""
    present = tuple(part is not None for part in (trade, context, remittances, border, partners))
    return _overview_model(str(data_dir()), present, trade, context, remittances, border, partners)


@shared_resource(max_entries=16)
def _overview_model(
    folder: str,
    present: tuple[bool, ...],
    _trade: TradeModel | None,
    _context: pd.DataFrame | None,
    _remittances: RemittancesModel | None,
    _border: BorderModel | None,
    _partners: PartnersModel | None,
) -> OverviewModel:
    return build_overview_model(_trade, _context, _remittances, _border, _partners)


def overview_timeline(kinds: tuple[str, ...]) -> pd.DataFrame:
    """The Overview's key events of these kinds (shared read-only; DataError if events.csv fails its checks)."""
    return _overview_timeline(str(data_dir()), kinds)


# Shared, not copied per rerun (callers must not mutate): the Overview lists it on every rerun.
@shared_resource(max_entries=64)
def _overview_timeline(folder: str, kinds: tuple[str, ...]) -> pd.DataFrame:
    return overview.timeline(_shared_dataset("events", folder), kinds)


def overview_events_table(kinds: tuple[str, ...]) -> pd.DataFrame:
    """The Overview's events of these kinds as listed: each with its source and "(+N more)"."""
    return _overview_events_table(str(data_dir()), kinds)


@shared_resource(max_entries=64)
def _overview_events_table(folder: str, kinds: tuple[str, ...]) -> pd.DataFrame:
    return events_table(_overview_timeline(folder, kinds), _shared_dataset("sources", folder))


def catalogue() -> tuple[list[Entry], list[Entry]]:
    """The Sources & data page's entries (shared read-only: callers must not mutate)."""
    return _catalogue(str(data_dir()))


@shared_resource(max_entries=8)
def _catalogue(folder: str) -> tuple[list[Entry], list[Entry]]:
    return build_catalogue(Path(folder))


def chart_spec(builder: Callable[..., alt.TopLevelMixin], *args: Any) -> dict[str, Any]:
    """The Vega-Lite spec of `builder(*args)`, built once per distinct input.

    Building an Altair chart and serialising it costs far more than drawing it, and a rerun
    mostly asks for charts it has built before. Schema validation is skipped here because
    tests/unit/test_chart_schema.py validates every builder's output.
    """
    return _spec(f"{builder.__module__}.{builder.__qualname__}", builder, *args)


def chart_spec_for_rows(builder: Callable[..., alt.TopLevelMixin], frame: pd.DataFrame, *args: Any) -> dict[str, Any]:
    """`chart_spec(builder, frame, *args)` for a frame whose rows change on every slider move
    (a scenario's result): the spec is built once per set of columns and arguments, from the
    frame's empty head, and only the rows are swapped in. For builders whose layers all read
    the one frame and whose encodings do not depend on its values (explicit scale domains);
    tests/unit/test_scenarios_charts.py checks the swapped spec equals one built with the rows."""
    template = chart_spec(builder, frame.iloc[0:0], *args)
    names = list(template.get("datasets", {}))
    if len(names) != 1:
        return chart_spec(builder, frame, *args)
    return {**template, "datasets": {names[0]: dataframe_util.convert_anything_to_arrow_bytes(frame)}}


def frame_key(frame: pd.DataFrame) -> bytes:
    """A DataFrame's cache key: the digest of its pickle, which holds its values, dtypes, index
    and column names. About eight times faster than its CSV text (the previous key) and than
    Streamlit's default for the small mixed-type frames the charts take, and paid on every rerun.
    Two equal frames laid out differently in memory only miss the cache; they never collide."""
    return hashlib.sha256(pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)).digest()


# cache_resource: the spec is shared, not copied per rerun. Streamlit copies its top level and
# only ever rewrites null legend titles inside it, the same way every time.
@shared_resource(max_entries=512, hash_funcs={pd.DataFrame: frame_key})
def _spec(name: str, _builder: Callable[..., alt.TopLevelMixin], *args: Any) -> dict[str, Any]:
    return with_arrow_datasets(_builder(*args).to_dict(validate=False))
