"""The page models kept between reruns, each a `per_edition` function (cache/edition.py): the
view-independent page models and what one view of them draws (a page's frames for a Years
filter, a search, a set of map layers, the map's spec). The loaded datasets are tables.py's,
chart specs and the words in them specs.py's.

Each returns a frozen object shared by every session (readonly.frozen): callers read it, never
change it. A function here takes the view's values and reads its inputs through the others, so a
rerun pays a cache lookup per call, never a hash of a model.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace

import pandas as pd

from dashboard import datasets
from dashboard.analytics import overview
from dashboard.analytics import trade as trade_analytics
from dashboard.analytics.partners import name_in
from dashboard.cache.arrow_specs import for_streamlit
from dashboard.cache.edition import data_dir, per_edition
from dashboard.cache.specs import named_in, words_in
from dashboard.cache.tables import (
    dataset,
    fitting_together,
    newest_edition,
    optional,
    set_aside_note,
    with_refresh_or_curated,
)
from dashboard.charts import border as border_charts
from dashboard.formatting.language import Language
from dashboard.models.border import (
    BorderModel,
    BorderTables,
    build_border_model,
    build_border_tables,
    sites_frame,
    sites_in,
    thumbnail_geometry,
)
from dashboard.models.border_coverage import Coverages, build_coverages, coverage_at
from dashboard.models.border_words import BorderWords, build_border_words
from dashboard.models.overview import (
    OverviewModel,
    build_overview_model,
    events_rows,
    events_table,
    remittances_trend_frame,
    trade_trend_frame,
)
from dashboard.models.partners import (
    Headlines,
    MirrorView,
    NeighboursView,
    PartnersModel,
    SharesView,
    WorldView,
    build_headlines,
    build_mirror_view,
    build_neighbours_view,
    build_partners_model,
    build_shares_view,
    build_world_view,
    changes_table,
)
from dashboard.models.products import (
    BreakdownView,
    DirectionTables,
    ProductsModel,
    build_baci_trends,
    build_breakdown_view,
    build_concentration_frame,
    build_coverage_frame,
    build_direction_tables,
    build_named_flows,
    build_products_model,
    build_published_frame,
    build_trend_frame,
)
from dashboard.models.remittances import (
    RemittancesModel,
    RemittancesView,
    Scenario,
    build_remittances_model,
    build_remittances_view,
    build_scenario,
)
from dashboard.models.scenarios import ScenariosModel, build_scenarios_model, coefficients_shown
from dashboard.models.trade import TradeFrames, TradeModel, build_trade_frames, build_trade_model, share_rows
from dashboard.session.state import Bounds

# --- Trade ---------------------------------------------------------------------------------


@per_edition()
def trade_model() -> TradeModel:
    tables = {name: datasets.load(name, data_dir()) for name in ("reporters", "trade_dots", "events", "sources")}
    set_aside: list[str] = []
    published = with_refresh_or_curated("trade_published", set_aside)
    model = build_trade_model(tables["reporters"], tables["trade_dots"], published, tables["events"], tables["sources"])
    return replace(model, set_aside=tuple(set_aside))


@per_edition()
def trade_frames(lang: Language) -> TradeFrames:
    """The Trade page's chart frames and projection inputs in a language: an entry of their own,
    built on that page's first use, so the Overview (which shares the model and opens first)
    never waits for them."""
    return build_trade_frames(trade_model(), lang)


@per_edition(max_entries=1024)
def trade_rows(
    field: str,
    key: Hashable,
    years: tuple[int, int],
    sides: tuple[str, ...] | None = None,
    lang: Language | None = None,
) -> pd.DataFrame:
    """The rows of one of the trade model's frames (`field`, and `key` in it when it holds one per
    side, flow or unit), or of the Trade page's chart frames in `lang`, inside the chosen years and,
    given `sides`, from those reporters. The page asks a dozen of these a rerun, each about 1 ms of
    pandas, for a view it has mostly drawn before."""
    source = trade_model() if lang is None else trade_frames(lang)
    frame = getattr(source, field)
    if key is not None:
        frame = frame[key]
    keep = frame["year"].between(*years)
    if sides is not None:
        keep &= frame["side"].isin(sides)
    return frame[keep]


@per_edition()
def russia_shares() -> pd.DataFrame:
    """Russia's share of Tajikistan's trade by year and report, each saying whose it is."""
    return share_rows(trade_analytics.russia_shares(dataset("trade_context"), dataset("reporters")), dataset("sources"))


def year_bounds() -> Bounds:
    """The years the trade data covers; defaults if unreadable.

    Every page's first run reads these before drawing anything, so they come from the trade
    model alone (the Overview's first chart needs it anyway): the partner model, which no
    parameter reads, is left to the pages that draw it (cold start, docs/performance.md)."""
    try:
        low, high = trade_model().year_range
    except datasets.DataError:
        return Bounds()
    return Bounds(year_min=low, year_max=high)


# --- Border & security ---------------------------------------------------------------------

BORDER_TABLES = ("security_sites", "troop_estimates", "memberships", "claims", "border_references", "events", "sources")


@per_edition()
def border_model() -> BorderModel:
    tables = [datasets.load(name, data_dir()) for name in BORDER_TABLES]
    geo = [datasets.load_geo(name, data_dir()) for name in ("countries", "border_tj_af", "rivers")]
    return fitting_together("security and geo files", build_border_model, *geo, *tables)


@per_edition()
def border_tables() -> BorderTables:
    """The Border page's view-independent tables and texts."""
    return fitting_together("security files", build_border_tables, border_model())


@per_edition()
def border_words(lang: Language) -> BorderWords:
    """The Border page's frames that carry this code's words (memberships' years, troop figures'
    directions, the claims' records), in a language."""
    return fitting_together("security files", build_border_words, border_model(), lang)


@per_edition()
def coverages() -> Coverages:
    """The border's coverage at every radius, measured (the curve) and drawn (the map's reach)."""
    return build_coverages(border_model())


def coverage_curve() -> pd.DataFrame:
    """The border's coverage at every radius."""
    return coverages().curve


@per_edition(max_entries=512)
def reach_at(radius_km: int) -> pd.Series:
    """The curve's row for a radius (covered_km, share): the cards, the map's key and its spec each
    ask on every radius move, and a row of the curve costs half a millisecond of pandas."""
    return coverage_at(coverage_curve(), radius_km)


def border_map_spec(radius_km: int, layers: tuple[str, ...], lang: Language) -> dict:
    """The map's Vega-Lite spec for one radius and set of layers: the same spec and data at every
    radius but for the one-row table that holds it (the browser then swaps that table alone)."""
    spec = _border_map_layers(layers, lang)
    if "coverage" not in layers:
        return spec
    return _border_map_at(int(reach_at(radius_km)["radius_km"]), layers, lang)


# The spec carries the map's geometry: shared, never copied per rerun (see arrow_specs).
@per_edition(max_entries=256)
def _border_map_at(radius_km: int, layers: tuple[str, ...], lang: Language) -> dict:
    spec = _border_map_layers(layers, lang)
    return for_streamlit(border_charts.with_map_data(spec, border_charts.radius_dataset(radius_km)))


@per_edition(max_entries=32)
def _border_map_layers(layers: tuple[str, ...], lang: Language) -> dict:
    """The map for a set of layers, whatever the radius: built and serialised once."""
    model = border_model()
    sites = words_in(sites_in(_map_sites(model, layers), model.sites, lang), lang)
    labels = country_labels(model, lang)
    chart = border_charts.border_map(labels, "rivers" in layers, "coverage" in layers, sites, lang)
    datasets = dict(model.map_data)
    if "coverage" in layers:
        drawn = coverages()
        datasets |= border_charts.coverage_datasets(drawn.reach_steps, drawn.border_steps)
    return for_streamlit(border_charts.with_map_data(chart.to_dict(validate=False), datasets))


def country_labels(model: BorderModel, lang: Language) -> pd.DataFrame:
    """The map's country names, in the viewer's language (CLDR's, by ISO code, but in English)."""
    labels = model.countries.drop(columns="geometry")
    names = [name_in(iso3, name, lang) for iso3, name in zip(labels["iso_a3"], labels["name"], strict=True)]
    return labels.assign(name=names)


def _map_sites(model: BorderModel, layers: tuple[str, ...]) -> pd.DataFrame:
    """The sites the chosen map layers draw, ready for the map."""
    kinds = [kind for layer in layers for kind in border_charts.LAYER_KINDS.get(layer, ())]
    return sites_frame(model.sites[model.sites["kind"].isin(kinds)], model.sources)


@per_edition(max_entries=4)
def border_thumbnail_spec(height: int, lang: Language) -> dict:
    """The border map, small: Russia's facilities as unlabelled markers, no legend, for the Overview."""
    model = border_model()
    sites = words_in(sites_in(_map_sites(model, ("russian",)), model.sites, lang), lang)
    labels = country_labels(model, lang)
    chart = border_charts.border_map(labels, False, False, sites, lang, site_names=False)
    chart = chart.properties(height=height, title=lang.gettext("Border and Russian sites")).configure_legend(
        disable=True
    )
    return for_streamlit(border_charts.with_map_data(chart.to_dict(validate=False), thumbnail_geometry(model)))


# --- Remittances and Scenarios -------------------------------------------------------------


@per_edition()
def remittances_model() -> RemittancesModel:
    tables = [datasets.load(name, data_dir()) for name in ("remittances", "shock_presets", "events", "sources")]
    set_aside: list[str] = []
    wdi = newest_edition("wdi", set_aside)
    model = fitting_together("remittance files", build_remittances_model, wdi, *tables)
    return replace(model, set_aside=tuple(set_aside))


@per_edition(max_entries=256)
def remittances_view(years: tuple[int, int], show_others: bool, lang: Language) -> RemittancesView:
    """What the Remittances page draws for these years, in the viewer's language."""
    return build_remittances_view(remittances_model(), years, show_others, lang)


@per_edition(max_entries=256)
def remittance_scenario(
    russia_change_pct: float,
    ruble_change_pct: float,
    pass_through_pct: float,
    share_pct: float | None,
    multiplier: float,
    steps: tuple[float, float],
    lang: Language,
) -> Scenario:
    """The shock the Remittances page's sliders set, with each input's year and source."""
    return build_scenario(
        remittances_model(), russia_change_pct, ruble_change_pct, pass_through_pct, share_pct, multiplier, steps, lang
    )


@per_edition()
def scenarios_model() -> ScenariosModel:
    """The Scenarios page's estimates, fitted once per data edition: a slider move only applies them."""
    tables = [datasets.load(name, data_dir()) for name in ("wdi_macro", "events", "remittances", "sources")]
    return fitting_together("wdi_macro.csv, events.csv and remittances.csv", build_scenarios_model, *tables)


@per_edition()
def scenario_coefficients(lang: Language) -> pd.DataFrame:
    """The estimates as the Scenarios page's table shows them, in the viewer's language."""
    return coefficients_shown(scenarios_model().coefficients, lang)


# --- Partners & region ---------------------------------------------------------------------


@per_edition()
def partners_model() -> PartnersModel:
    """The Partners & region page's frames, and the Overview's partner card."""
    set_aside: list[str] = []
    partners = newest_edition("trade_partners", set_aside)
    world = _world_remittances(set_aside)
    sources = datasets.load("sources", data_dir())
    model = fitting_together("partner files", build_partners_model, partners, world, sources)
    return replace(model, set_aside=tuple(set_aside))


def _world_remittances(set_aside: list[str]) -> pd.DataFrame | None:
    """The newest edition of every economy's remittances, or None when there is none with rows.

    The file is optional (the page says how to get it): a corrupt one is left out like a missing
    one, and named.
    """
    shipped = datasets.REMITTANCES_WORLD
    try:
        world = newest_edition(shipped.name, set_aside)
    except datasets.DataError as error:
        if datasets.locate(data_dir(), shipped.file).exists():
            set_aside.append(set_aside_note(error))
        return None
    return None if world.empty else world


@per_edition(max_entries=64)
def partners_headline(since: int) -> Headlines:
    """Russia's standing since a year, the next largest partner and Tajikistan's remittance rank."""
    return build_headlines(partners_model(), since)


@per_edition(max_entries=256)
def partners_shares(flow: str, top: int, since: int, years: tuple[int, int], lang: Language) -> SharesView | None:
    """Tajikistan's partners' shares for a flow, the top N, the compared year and the years shown."""
    return build_shares_view(partners_model(), flow, top, since, years, lang)


@per_edition(max_entries=256)
def partners_changes(flow: str, top: int, since: int, years: tuple[int, int], lang: Language) -> pd.DataFrame:
    """The same view's changes since the compared year, as the page's table."""
    return changes_table(partners_shares(flow, top, since, years, lang), since, lang)


@per_edition(max_entries=256)
def partners_mirror(code: str, years: tuple[int, int], lang: Language) -> MirrorView:
    """The flows between Tajikistan and one partner as each side reported them."""
    return build_mirror_view(partners_model(), code, years, lang)


@per_edition(max_entries=256)
def partners_neighbours(codes: tuple[str, ...], years: tuple[int, int], lang: Language) -> NeighboursView | None:
    """The chosen neighbours' trade with Russia and with China."""
    return build_neighbours_view(partners_model(), codes, years, lang)


@per_edition(max_entries=64)
def partners_world(years: tuple[int, int], ranked: int, lang: Language) -> WorldView | None:
    """Remittance dependency in the world: the top `ranked` economies and the region over the years."""
    return build_world_view(partners_model(), years, ranked, lang)


# --- Products ------------------------------------------------------------------------------


@per_edition()
def products_model() -> ProductsModel:
    products, reporters, sources = (datasets.load(name, data_dir()) for name in ("products", "reporters", "sources"))
    set_aside: list[str] = []
    breakdown = with_refresh_or_curated("product_breakdown", set_aside)
    baci = [optional(name, set_aside) for name in ("baci_products", "baci_product_codes")]
    model = fitting_together("product files", build_products_model, products, breakdown, reporters, sources, *baci)
    return replace(model, set_aside=tuple(set_aside))


@per_edition(max_entries=256)
def direction_tables(direction: str, query: str, lang: Language) -> DirectionTables:
    """One direction's product tables for a search, in a language."""
    return build_direction_tables(products_model(), direction, query, lang)


@per_edition(max_entries=128)
def product_trends(query: str, lang: Language) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The product families valued more than once that match a search."""
    return build_trend_frame(products_model(), query, lang)


@per_edition(max_entries=256)
def breakdown_view(direction: str, year: int | None, level: int, top: int, lang: Language) -> BreakdownView | None:
    """One direction's breakdown panel for a year, level and top N."""
    return build_breakdown_view(products_model(), direction, year, level, top, lang)


@per_edition(max_entries=256)
def published_figures(direction: str, measure: str, query: str, lang: Language) -> pd.DataFrame:
    """A direction's published shares, growth rates or values for a search, as bars."""
    return build_published_frame(products_model(), direction, measure, query, lang)


@per_edition(max_entries=8)
def product_concentration(level: int, lang: Language) -> pd.DataFrame:
    """Top-3 share and HHI by year from BACI at an HS level."""
    return build_concentration_frame(products_model(), level, lang)


@per_edition(max_entries=256)
def baci_trends(level: int, query: str, year: int | None, lang: Language) -> pd.DataFrame:
    """BACI's values by year for the products a search picks, else the year's largest."""
    return build_baci_trends(products_model(), level, query, year, lang)


@per_edition(max_entries=4)
def named_flows(lang: Language) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The article's named headings found in BACI: by year, and the latest year's table."""
    return build_named_flows(products_model(), lang)


@per_edition(max_entries=4)
def product_coverage(lang: Language) -> pd.DataFrame:
    """What product data each year and direction has, in a language (the coverage strip)."""
    return build_coverage_frame(products_model(), lang)


# --- Overview and Sources ------------------------------------------------------------------


def overview_model(
    trade: TradeModel | None,
    context: pd.DataFrame | None,
    remittances: RemittancesModel | None,
    border: BorderModel | None,
    partners: PartnersModel | None,
    lang: Language,
) -> OverviewModel:
    """The Overview's cards and narrative, built once per set of models that loaded (the page
    passes each model it could load, None for one that failed) and per language."""
    present = tuple(part is not None for part in (trade, context, remittances, border, partners))
    return _overview_model(present, lang, trade, context, remittances, border, partners)


@per_edition(max_entries=16)  # keyed by which models are present: the models are this edition's own
def _overview_model(
    present: tuple[bool, ...],
    lang: Language,
    _trade: TradeModel | None,
    _context: pd.DataFrame | None,
    _remittances: RemittancesModel | None,
    _border: BorderModel | None,
    _partners: PartnersModel | None,
) -> OverviewModel:
    if _trade is not None:
        _trade = replace(_trade, headline={side: named_in(f, "label", lang) for side, f in _trade.headline.items()})
    if _context is not None:
        _context = named_in(_context, "reported_by", lang)
    return build_overview_model(_trade, _context, _remittances, _border, _partners, lang)


@per_edition(max_entries=4)
def overview_trade_trend(unit: str, lang: Language) -> pd.DataFrame:
    """The Overview's trade chart frame in the viewer's unit and language (DataError if the trade files fail)."""
    return trade_trend_frame(trade_model(), unit, lang)


@per_edition()
def overview_remittances_trend() -> pd.DataFrame:
    """The Overview's remittances chart frame (DataError if the remittance files fail)."""
    return remittances_trend_frame(remittances_model().backbone)


@per_edition(max_entries=64)
def overview_event_rows(kinds: tuple[str, ...], lang: Language) -> pd.DataFrame:
    """Every report of the events of these kinds, each its publisher's: the Overview's events CSV."""
    return events_rows(dataset("events"), kinds, dataset("sources"), lang)


@per_edition(max_entries=64)
def overview_timeline(kinds: tuple[str, ...]) -> pd.DataFrame:
    """The Overview's key events of these kinds (DataError if events.csv fails its checks)."""
    return overview.timeline(dataset("events"), kinds)


@per_edition(max_entries=64)
def overview_events_table(kinds: tuple[str, ...], lang: Language) -> pd.DataFrame:
    """The Overview's events of these kinds as listed: each with its source and "(+N more)"."""
    return events_table(overview_timeline(kinds), dataset("sources"), lang)
