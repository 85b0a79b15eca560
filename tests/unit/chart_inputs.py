"""Small inputs for every chart builder, made the way the pages make them, never read from data/.

A few hand-made rows per page go through the same models and analytics the views call, so each
builder is handed a frame shaped like the one its page hands it: a builder that encodes a column
its page's frame lacks fails tests/unit/test_chart_schema.py. `CASES` holds one case per builder,
plus one for each branch a builder takes (hollow bars, no other sources, a map without sites...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from dashboard.analytics import border, security, trade
from dashboard.analytics import remittances as rem
from dashboard.analytics.basis import MEASURED, SHOWN, THIS_DASHBOARD, described
from dashboard.analytics.citations import as_published
from dashboard.charts import border as border_charts
from dashboard.charts import overview as overview_charts
from dashboard.charts import partners as partner_charts
from dashboard.charts import products as product_charts
from dashboard.charts import remittances as remittance_charts
from dashboard.charts import scenarios as scenario_charts
from dashboard.charts import trade as trade_charts
from dashboard.formatting.language import ENGLISH
from dashboard.models import border as border_models
from dashboard.models import border_coverage, border_words
from dashboard.models import overview as overview_models
from dashboard.models import partners as partner_models
from dashboard.models import products as product_models
from dashboard.models import trade as trade_models
from dashboard.models.border_coverage import clip_to_map
from dashboard.models.remittances import build_remittances_model, build_remittances_view, build_scenario
from dashboard.models.scenarios import (
    Outcome,
    backtest_frame,
    fitted_line,
    for_csv,
)
from dashboard.models.scenarios_rows import (
    result_frame,
)
from dashboard.models.trade import build_trade_frames, build_trade_model, choose_projection

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def source(source_id: str, publisher: str, published: str | None = "2024-01-15") -> dict:
    return {
        "source_id": source_id,
        "publisher": publisher,
        "title": f"{publisher}: test figures",
        "url": f"https://example.org/{source_id}",
        "published_date": published,
        "licence": "CC BY 4.0",
    }


SOURCES = pd.DataFrame(
    [
        source("imf-dots", "IMF"),
        source("fcs", "Russian customs"),
        source("kremlin", "Kremlin"),
        source("rb", "Russia Briefing", "2022-06-29"),
        source("tajstat", "Tajik statistics agency"),
        source("wb", "World Bank", "2024-10-01"),
        source("nbt", "National Bank of Tajikistan"),
        source("cbr", "Central Bank of Russia"),
        source("mvd", "Russian interior ministry"),
        source("cepii-baci", "CEPII"),
        source("test-fixture", "Test fixture"),
        source("imf", "IMF"),
        source("mod", "Russian defence ministry"),
        source("csto", "CSTO"),
        source("geo", "Natural Earth"),
    ]
)

# --- Trade (US$ m) -------------------------------------------------------------------------------

REPORTERS = pd.DataFrame(
    {
        "reporter": [
            "imf_dots_rus",
            "imf_dots_tjk",
            "russia_customs",
            "russia_official",
            "russia_briefing",
            "tajikistan_statistics",
        ],
        "label": [
            "Russia (IMF DOTS)",
            "Tajikistan (IMF DOTS)",
            "Russian customs (FCS)",
            "Russian officials",
            "Russia Briefing",
            "Tajik statistics",
        ],
        "side": ["russia", "tajikistan", "russia", "russia", "other", "tajikistan"],
        "kind": ["statistics", "statistics", "statistics", "statement", "media", "statistics"],
        "description": "",
    }
)

# IMF DOTS as each side reported it. Russia reported no exports to Tajikistan for 2019: its
# Russia → Tajikistan line, its total and its balance break there.
DOTS = pd.DataFrame(
    [
        (2017, "imf_dots_rus", "ru_to_tj", 700.0),
        (2017, "imf_dots_rus", "tj_to_ru", 100.0),
        (2018, "imf_dots_rus", "ru_to_tj", 800.0),
        (2018, "imf_dots_rus", "tj_to_ru", 100.0),
        (2019, "imf_dots_rus", "tj_to_ru", 90.0),
        (2020, "imf_dots_rus", "ru_to_tj", 900.0),
        (2020, "imf_dots_rus", "tj_to_ru", 80.0),
        (2017, "imf_dots_tjk", "ru_to_tj", 770.0),
        (2017, "imf_dots_tjk", "tj_to_ru", 110.0),
        (2018, "imf_dots_tjk", "ru_to_tj", 880.0),
        (2018, "imf_dots_tjk", "tj_to_ru", 95.0),
        (2019, "imf_dots_tjk", "ru_to_tj", 950.0),
        (2019, "imf_dots_tjk", "tj_to_ru", 85.0),
        (2020, "imf_dots_tjk", "ru_to_tj", 990.0),
        (2020, "imf_dots_tjk", "tj_to_ru", 75.0),
    ],
    columns=["year", "reporter", "flow", "value_usd_m"],
).assign(valuation="FOB", source_id="imf-dots")

PUBLISHED = pd.DataFrame(
    [
        # (id, reporter, period, start, end, value, value qualifier, growth, growth qualifier, status, basis, source)
        ("RT-1", "russia_customs", "year", "2021-01-01", "2021-12-31", 1180.0, "exact", 40.0, "exact", "final",
         "russia", "fcs"),
        ("RT-2", "russia_official", "year", "2021-01-01", "2021-12-31", 1200.0, "lower_bound", None, None, "final",
         "russia", "kremlin"),
        ("RT-3", "russia_briefing", "year", "2021-01-01", "2021-12-31", 1130.0, "exact", None, None, "preliminary",
         "unknown", "rb"),
        ("RT-4", "russia_briefing", "quarter", "2022-01-01", "2022-03-31", None, None, 70.0, "lower_bound", "final",
         "unknown", "rb"),
        ("RT-5", "russia_official", "ytd", "2022-01-01", "2022-04-30", 408.8, "exact", 15.7, "exact", "final",
         "russia", "kremlin"),
        ("RT-6", "russia_briefing", "year", "2022-01-01", "2022-12-31", 2000.0, "approximate", None, None,
         "projection", "unknown", "rb"),
        ("RT-7", "tajikistan_statistics", "year", "2022-01-01", "2022-12-31", 1700.0, "approximate", None, None,
         "final", "tajikistan", "tajstat"),
    ],
    columns=[
        "figure_id",
        "reporter",
        "period_type",
        "period_start",
        "period_end",
        "value_usd_m",
        "value_qualifier",
        "yoy_growth_pct",
        "growth_qualifier",
        "status",
        "basis",
        "source_id",
    ],
).assign(flow="total", note="")  # fmt: skip

EVENTS = pd.DataFrame(
    {
        "event_id": ["ruble-crisis", "covid-borders", "ukraine-war", "rb-claim"],
        "date": ["2014-12-16", "2020-03", "2022-02-24", "2022-06-29"],
        "title": [
            "Ruble crisis",
            "COVID-19 border closures",
            "Russia invades Ukraine",
            "Claim in Russia Briefing: remittances fell in 2020 and 2021",
        ],
        "category": ["economy", "migration", "security", "economy"],
        "themes": [
            "trade;remittance_shocks",
            "trade;remittance_shocks",
            "trade;remittance_shocks;security",
            "remittance_shocks",
        ],
        "source_id": ["rb"] * 4,
    }
)

TRADE = build_trade_model(REPORTERS, DOTS, PUBLISHED, EVENTS, SOURCES)
TRADE_FRAMES = build_trade_frames(TRADE, ENGLISH)
TRADE_YEARS = (2017, 2022)
PROJECTION = choose_projection(TRADE_FRAMES.projections, None, None, None, ENGLISH)

SHARE_CONTEXT = pd.DataFrame(
    {
        "figure_id": ["SH-1", "SH-2", "SH-3", "SH-4"],
        "reporter": ["tajikistan_statistics", "russia_official", "tajikistan_statistics", "tajikistan_statistics"],
        "measure": ["ru_share_of_tj_total_trade", "ru_share_of_tj_total_trade", "ru_share_of_tj_imports",
                    "ru_share_of_tj_exports"],
        "period_type": ["year", "year", "year", "half"],
        "period_start": ["2022-01-01", "2022-01-01", "2023-01-01", "2024-01-01"],
        "value": [20.6, 22.0, 26.6, 3.8],
        "source_id": ["tajstat", "kremlin", "tajstat", "tajstat"],
    }
)  # fmt: skip


def overview_trade_totals() -> pd.DataFrame:
    """Each side's headline totals as the Overview draws them, in US$ bn."""
    return overview_models.trade_trend_frame(TRADE, "busd", ENGLISH)


# --- Remittances ---------------------------------------------------------------------------------

# World Bank WDI: remittances and GDP in US$, remittances as % of GDP; 2019's % of GDP is missing.
WDI = pd.DataFrame(
    [
        (year, indicator, value)
        for year, usd, pct, gdp in [
            (2018, 2.2e9, 29.3, 7.5e9),
            (2019, 2.3e9, None, 8.3e9),
            (2020, 2.2e9, 27.2, 8.1e9),
            (2021, 2.9e9, 33.3, 8.7e9),
            (2022, 5.3e9, 50.5, 10.5e9),
            (2023, 5.7e9, 47.1, 12.1e9),
        ]
        for indicator, value in [
            (rem.REMITTANCES_USD, usd),
            (rem.REMITTANCES_PCT_GDP, pct),
            (rem.GDP_USD, gdp),
        ]
        if value is not None
    ],
    columns=["year", "indicator", "value"],
).assign(source_id="wb")

REMITTANCE_FIGURES = pd.DataFrame(
    [
        ("RM-001", "remittances_received_usd_million", 2019, 2500.0, "usd_million", "nbt", "transfers to banks"),
        ("RM-002", "remittances_pct_gdp", 2019, 31.0, "pct", "nbt", ""),
        ("RM-003", "transfers_from_russia_usd_million", 2019, 2100.0, "usd_million", "cbr", "money-transfer systems"),
        ("RM-004", "transfers_from_russia_usd_million", 2021, 2700.0, "usd_million", "cbr", "money-transfer systems"),
        ("RM-005", "share_from_russia_pct", 2021, 90.0, "pct", "cbr", "Upper bound: up to 90 percent"),
        ("RM-006", "migrants_in_russia_count", 2019, 1.1e6, "persons", "mvd", "stock"),
        ("RM-007", "migrants_in_russia_count", 2022, 1.2e6, "persons", "kremlin", "arrivals for work"),
    ],
    columns=["figure_id", "indicator", "year", "value", "unit", "source_id", "note"],
).assign(published="")

PRESETS = pd.DataFrame(
    {
        "preset_id": ["rise-2021"],
        "label": ["2021: transfers from Russia rise"],
        "change_figure_id": ["RM-004"],
        "base_figure_id": ["RM-003"],
        "applies_to": ["russia"],
        "share_figure_id": ["RM-005"],
        "basis": ["CBR transfers 2021 against 2019"],
    }
)

REMITTANCES = build_remittances_model(WDI, REMITTANCE_FIGURES, PRESETS, EVENTS, SOURCES)
REMITTANCE_YEARS = (2018, 2023)
REMITTANCES_SHOWN = build_remittances_view(REMITTANCES, REMITTANCE_YEARS, True, ENGLISH)
REMITTANCES_ALONE = build_remittances_view(REMITTANCES, REMITTANCE_YEARS, False, ENGLISH)


def shock_bars() -> pd.DataFrame:
    """A third less from Russia, as the Remittances page draws it."""
    return build_scenario(REMITTANCES, -100 / 3, 0.0, 100.0, None, 1.0, (0.1, 0.1), ENGLISH).bars


def overview_backbone() -> pd.DataFrame:
    """The World Bank % of GDP as the Overview draws it: broken where a year is missing."""
    return overview_models.remittances_trend_frame(REMITTANCES.backbone)


# --- Products ------------------------------------------------------------------------------------

PRODUCT_COLUMNS = [
    "product_id", "direction", "hs_codes", "hs_level", "product_name", "mention", "period_type", "period_start",
    "period_end", "value_usd_m", "value_qualifier", "share_pct", "share_qualifier", "share_of", "yoy_growth_pct",
    "growth_qualifier", "source_id", "note",
]  # fmt: skip
PRODUCTS = pd.DataFrame(
    [
        ("PRD-001", "ru_to_tj", "2710", 4, "Petroleum products", "main_flow", "undated", None, None,
         None, None, None, None, None, None, None, "rb", ""),
        ("PRD-002", "ru_to_tj", "2710", 4, "Petroleum products", "figure", "year", "2022-01-01", "2022-12-31",
         268.3, "exact", 40.0, "lower_bound", "Russia's exports to Tajikistan", None, None, "fcs", ""),
        ("PRD-003", "ru_to_tj", "2710", 4, "Petroleum products", "figure", "half", "2023-01-01", "2023-06-30",
         150.0, "approximate", None, None, None, None, None, "fcs", "first half"),
        ("PRD-004", "tj_to_ru", "5201", 4, "Cotton fibre", "figure", "year", "2022-01-01", "2022-12-31",
         30.0, "exact", 60.0, "exact", "Tajikistan's exports to Russia", 12.5, "exact", "tajstat", ""),
        ("PRD-005", "tj_to_ru", "0813", 4, "Dried fruit", "main_flow", "undated", None, None,
         None, None, None, None, None, None, None, "rb", ""),
    ],
    columns=PRODUCT_COLUMNS,
)  # fmt: skip

# tests/fixtures/product_breakdown_full.csv: a complete Russia → Tajikistan 2023 breakdown and a
# partial Tajikistan → Russia one.
BREAKDOWN = pd.read_csv(FIXTURES / "product_breakdown_full.csv", dtype={"hs4": str, "complete": str})
PRODUCT_REPORTERS = pd.DataFrame({"reporter": ["test_fixture"], "label": ["Test reporter"]})

# CEPII BACI, US$ thousand: 2019 and 2021 (none for 2020, so concentration lines break there).
BACI = pd.DataFrame(
    {
        "direction": ["ru_to_tj", "ru_to_tj", "ru_to_tj", "ru_to_tj", "ru_to_tj", "tj_to_ru"],
        "year": [2019, 2019, 2021, 2021, 2021, 2021],
        "hs6": ["271019", "151211", "271019", "271012", "151211", "520100"],
        "value_usd_k": [300.0, 100.0, 500.0, 100.0, 400.0, 50.0],
        "quantity_t": [1.0, None, 2.0, 3.0, 4.0, 5.0],
        "source_id": "cepii-baci",
    }
)

PRODUCTS_MODEL = product_models.build_products_model(PRODUCTS, BREAKDOWN, PRODUCT_REPORTERS, SOURCES, BACI)
COMPLETE_PANEL = product_models.build_breakdown_view(PRODUCTS_MODEL, "ru_to_tj", 2023, 4, 5, ENGLISH)
PARTIAL_PANEL = product_models.build_breakdown_view(PRODUCTS_MODEL, "tj_to_ru", 2023, 4, 5, ENGLISH)
COLOR = product_charts.DIRECTION_COLORS["ru_to_tj"]


def published_products(direction: str, measure: str) -> pd.DataFrame:
    return product_models.build_published_frame(PRODUCTS_MODEL, direction, measure, "", ENGLISH)


# --- Partners & region ---------------------------------------------------------------------------


def partner_cells(reporter: str, partner: str, iso3: str, kind: str, values: dict[int, tuple]) -> list[tuple]:
    """(exports, imports) per year as one reporter told the IMF; None where it has no cell."""
    rows = []
    for year, flows in values.items():
        for flow, value in zip(("exports", "imports"), flows, strict=True):
            if value is not None:
                rows.append((reporter, flow, partner, kind, iso3, year, value, "false"))
    return rows


PARTNER_ROWS = [
    *partner_cells("TJK", "World", "", "aggregate", {2018: (1000, 3000), 2019: (1100, 3300), 2020: (1200, 3200)}),
    *partner_cells("TJK", "Russia", "RUS", "country", {2018: (100, 900), 2019: (120, 950), 2020: (150, 1000)}),
    *partner_cells("TJK", "China", "CHN", "country", {2018: (20, 500), 2019: (None, 600), 2020: (30, 700)}),
    *partner_cells("TJK", "Kazakhstan", "KAZ", "country", {2018: (200, 700), 2019: (210, 750), 2020: (230, 780)}),
    *partner_cells("TJK", "Switzerland", "CHE", "country", {2018: (300, 5), 2019: (350, 5), 2020: (400, 6)}),
    *partner_cells("RUS", "Tajikistan", "TJK", "country", {2018: (850, 90), 2019: (870, 110), 2020: (950, 140)}),
    *partner_cells("KGZ", "World", "", "aggregate", {2018: (1800, 5300), 2019: (2000, 5000), 2020: (1900, 4000)}),
    *partner_cells("KGZ", "Russia", "RUS", "country", {2018: (250, 1600), 2019: (270, 1500), 2020: (200, 1300)}),
    *partner_cells("KGZ", "China", "CHN", "country", {2018: (80, 1900), 2019: (90, 1700), 2020: (60, 700)}),
]
PARTNERS = pd.DataFrame(
    PARTNER_ROWS,
    columns=["reporter_iso3", "flow", "partner", "partner_kind", "partner_iso3", "year", "value_usd_m", "imf_estimate"],
).assign(partner_label=lambda f: f["partner"], source_id="imf")
PARTNERS.loc[(PARTNERS["partner"] == "China") & (PARTNERS["year"] == 2020), "imf_estimate"] = "true"

WORLD_REMITTANCES = pd.DataFrame(
    {
        "iso3": ["NPL", "TJK", "KGZ", "UZB", "KAZ", "TJK", "KGZ", "UZB", "KAZ"],
        "country": ["Nepal", *["Tajikistan", "Kyrgyz Republic", "Uzbekistan", "Kazakhstan"] * 2],
        "year": [2023, 2023, 2023, 2023, 2023, 2022, 2022, 2022, 2022],
        "value": [66.1, 47.1, 17.7, 13.8, 0.2, 50.5, 19.5, 17.4, 0.3],
        "flag": ["Suspect: a break in the series", "", "", "", "", "", "", "", ""],
        "source_id": "wb",
    }
)  # fmt: skip

PARTNERS_MODEL = partner_models.build_partners_model(PARTNERS, WORLD_REMITTANCES, SOURCES)
PARTNER_YEARS = (2018, 2020)
SHARES = partner_models.build_shares_view(PARTNERS_MODEL, "total", 3, 2018, PARTNER_YEARS, ENGLISH)
MIRROR = partner_models.build_mirror_view(PARTNERS_MODEL, "RUS", PARTNER_YEARS, ENGLISH)
NEIGHBOURS = partner_models.build_neighbours_view(PARTNERS_MODEL, ("TJK", "KGZ"), PARTNER_YEARS, ENGLISH)
WORLD = partner_models.build_world_view(PARTNERS_MODEL, (2022, 2023), 4, ENGLISH)
HIGHLIGHT = {name: partner_charts.COUNTRY_COLORS[name] for name in ("Tajikistan", "Kyrgyzstan", "Uzbekistan")}


# --- Border & security ---------------------------------------------------------------------------


def membership_rows(memberships: pd.DataFrame) -> pd.DataFrame:
    """The membership matrix as the Border model holds it: each cell its source's."""
    return as_published(security.membership_matrix(memberships, ENGLISH), SOURCES, None)


# A straight border along the 37th parallel from 68°E to 70°E (about 178 km), in two stretches.
BORDER_LINE = shapely.LineString([(68.0, 37.0), (69.0, 37.0), (70.0, 37.0)])
BORDER_DRAWN = gpd.GeoDataFrame(
    {"tj_region": ["Khatlon", "GBAO"]},
    geometry=[shapely.LineString([(68.0, 37.0), (69.0, 37.0)]), shapely.LineString([(69.0, 37.0), (70.0, 37.0)])],
    crs="EPSG:4326",
)
# Outlines as GeoJSON winds them (counter-clockwise), with more decimals than the map draws.
COUNTRIES = gpd.GeoDataFrame(
    {
        "name": ["Tajikistan", "Afghanistan", "Uzbekistan"],
        "iso_a3": ["TJK", "AFG", "UZB"],
        "focus": [True, True, False],
        "source_id": "geo",
    },
    geometry=[
        shapely.Polygon([(68.0, 37.0), (70.0, 37.0), (70.12345, 39.0), (68.0, 39.54321)]),
        shapely.box(67.0, 35.5, 70.5, 37.0),
        shapely.box(64.0, 37.5, 68.0, 41.0),
    ],
    crs="EPSG:4326",
)
COUNTRY_LABELS = COUNTRIES.drop(columns="geometry").assign(label_lon=[69.0, 68.5, 66.0], label_lat=[38.5, 36.2, 39.5])
RIVERS = gpd.GeoDataFrame(
    {"level": [1, 2], "river_class": ["major", "tributary"], "name_inferred": ["Panj", "Vakhsh"], "source_id": "geo"},
    geometry=[shapely.LineString([(68.0, 37.05), (70.0, 37.05)]), shapely.LineString([(68.8, 38.5), (68.9, 37.1)])],
    crs="EPSG:4326",
)
MAP_DATA = border_models.map_datasets(COUNTRIES, RIVERS, BORDER_DRAWN)

SITE_COLUMNS = [
    "site_id", "name", "short_name", "label_side", "kind", "status", "country_iso3", "lat", "lon", "coord_basis",
    "troops_estimate", "troops_year", "description", "source_id", "distance_to_border_km",
]  # fmt: skip
SITES = pd.DataFrame(
    [
        ("ru201_dushanbe", "201st base HQ, Dushanbe", "Dushanbe, 201st base HQ", "right", "russian_base", "active",
         "TJK", 38.56, 68.78, "published", 7000.0, 2022, "", "mod", 173.0),
        ("ru201_bokhtar", "201st base, Bokhtar", "Bokhtar", "below", "russian_base", "active",
         "TJK", 37.84, 68.78, "city_centroid", None, None, "", "mod", 93.2),
        ("ru201_kulob", "201st base, Kulob (former)", "Kulob", "above", "russian_base", "former",
         "TJK", 37.91, 69.78, "city_centroid", None, None, "", "mod", 101.0),
        ("okno", "Okno space surveillance station", "Okno", "left", "russian_facility", "active",
         "TJK", 38.28, 69.9, "published", None, None, "", "mod", 142.2),
        ("crossing_panji", "Panji Poyon crossing", "Panji Poyon", "below", "border_crossing", "active",
         "TJK", 37.0, 68.7, "published", None, None, "", "geo", 0.0),
        ("city_dushanbe", "Dushanbe", "Dushanbe", None, "tajik_city", "active",
         "TJK", 38.56, 68.78, "city_centroid", None, None, "", "geo", 173.0),
        ("city_kunduz", "Kunduz", "Kunduz", None, "afghan_city", "active",
         "AFG", 36.73, 68.86, "city_centroid", None, None, "", "geo", 30.0),
        ("range_lyaur", "Lyaur training range", None, None, "russian_range", "active",
         "TJK", None, None, "none", None, None, "", "mod", None),
    ],
    columns=SITE_COLUMNS,
)  # fmt: skip
MAP_SITES = border_models.sites_frame(SITES, SOURCES)
COVERING = border.sites_to_points(SITES[SITES["kind"].isin(border.COVERING_KINDS) & (SITES["status"] == "active")])


def coverage_frames(radius_km: float) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """The reach and the covered stretch at one radius, cut to the map as the Border page cuts them."""
    reach = border.border_coverage(BORDER_LINE, COVERING, radius_km)
    return tuple(
        gpd.GeoDataFrame(geometry=[clip_to_map(shape)], crs="EPSG:4326")
        for shape in (reach.buffers, reach.covered_line)
    )


COVERAGE_DATA = {  # as the spec holds them before they are shipped: tables as records
    name: data.to_dict("records") if isinstance(data, pd.DataFrame) else data
    for name, data in {
        **border_charts.coverage_datasets(
            border_coverage.drawn_reaches(
                [border.border_coverage(BORDER_LINE, COVERING, r) for r in (0, 50, 100, 150)]
            ),
            border_coverage.drawn_steps(BORDER_LINE, COVERING),
        ),
        **border_charts.radius_dataset(100),
    }.items()
}
COVERAGE_CURVE = described(
    pd.DataFrame(
        [
            {"radius_km": radius, "covered_km": reach.covered_km, "share": reach.share}
            for radius in (0, 50, 100, 150, 200)
            for reach in [border.border_coverage(BORDER_LINE, COVERING, radius)]
        ]
    ),
    THIS_DASHBOARD,
    MEASURED,
    "Natural Earth",
    None,
)

TROOPS = pd.DataFrame(
    [
        ("tr-001", 2012, "russia_201st", 7000, None, None, "personnel", "mod", ""),
        ("tr-003", 2021, "russia_201st", 6000, 6000, None, "personnel", "mod", "more than 6,000"),
        ("tr-004", 2022, "russia_201st", 7000, None, 7000, "personnel", "kremlin", "up to 7,000"),
        ("tr-005", 2022, "russia_201st", 7500, None, None, "personnel", "rb", ""),
        ("tr-008", 2022, "russia_201st", 1500, None, None, "troops_redeployed", "rb", "sent to Ukraine"),
        ("tr-009", 2021, "csto", 4000, 4000, 5000, "exercise_participants", "csto", ""),
    ],
    columns=["estimate_id", "year", "force", "estimate", "low", "high", "unit", "source_id", "note"],
)
STRENGTH = security.base_strength(TROOPS)
REDEPLOYED = TROOPS[(TROOPS["force"] == "russia_201st") & (TROOPS["unit"] == "troops_redeployed")]
STRENGTH_FIGURES = border_words.strength_frame(STRENGTH, REDEPLOYED, SOURCES, ENGLISH)
STRENGTH_RANGES = border_models.range_rows(STRENGTH, SOURCES)
TROOP_CLAIMS = border_words.claim_lines(
    as_published(
        pd.DataFrame({"value": [7000.0], "year": [2022], "label": ["Russia Briefing, 2022: about 7,000"]}).assign(
            source_id="rb"
        ),
        SOURCES,
    ),
    2022,
)

MEMBERSHIPS = membership_rows(
    pd.DataFrame(
        [
            ("CSTO", "UZB", "Uzbekistan", "former", 1992, 1999, "csto", "left"),
            ("CSTO", "UZB", "Uzbekistan", "former", 2006, 2012, "csto", "left again"),
            ("CSTO", "TJK", "Tajikistan", "member", 1992, None, "csto", None),
            ("CSTO", "RUS", "Russia", "member", 1992, None, "csto", None),
            ("CIS", "TJK", "Tajikistan", "member", 1991, None, "csto", None),
            ("CIS", "RUS", "Russia", "member", 1991, None, "csto", None),
            ("EAEU", "RUS", "Russia", "member", 2015, None, "csto", None),
            ("EAEU", "UZB", "Uzbekistan", "observer", 2020, None, "csto", None),
            ("SCO", "CHN", "China", "member", 2001, None, "csto", None),
            ("SCO", "AFG", "Afghanistan", "suspended", 2012, None, "csto", "observer, suspended"),
        ],
        columns=["organization", "country_iso3", "country_name", "status", "since_year", "until_year", "source_id",
                 "note"],
    )
)  # fmt: skip


# Scenarios: one economy's result row, the years behind its estimate, and its backtest, shaped as
# models.scenarios makes them (Outcome; scatter_points; analytics.scenarios.backtest).
SCENARIO_RESULT = [
    Outcome("Current", "Tajikistan", "TJK", 2024, 2025, -3.0, -25.0, 0.0, 6800.0, 47.9, -30.0, -80.0, 20.0,
            4760.0, 1360.0, 8160.0, 33.5, 9.6, 57.5, False, "wb")
]  # fmt: skip
SCENARIO_POINTS = pd.DataFrame(
    {
        "year": [2008, 2009, 2010],
        "russia_growth": [5.2, -7.8, 4.5],
        "ruble_change": [-4.0, -21.7, 4.0],
        "rub_per_usd": [24.9, 31.7, 30.4],
        "rub_per_usd_before": [25.6, 24.9, 31.7],
        "remittance_growth": [40.0, -31.3, 22.0],
        "economy": "Tajikistan",
        "iso3": "TJK",
        "episode": [False, True, False],
        "year_label": ["2008", "2009", "2010"],
        "source_id": "wb",
    }
)
SCENARIO_BACKTEST = pd.DataFrame(
    [(2009, -7.8, -21.7, -31.3, -40.0, -90.0, 10.0, True, 20)],
    columns=["year", "russia_growth", "ruble_change", "actual", "predicted", "low", "high", "inside", "n"],
).assign(economy="Tajikistan")


# --- The cases -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """A builder, the arguments a page would hand it, and the marks its spec must draw, in order.

    `datasets` are the named datasets a page adds to the built spec (the map's geometry).
    `edge` marks a case built to reach a branch (an empty frame): its spec must still be valid and
    draw those marks, but it has no rows to check the encoded fields against.
    """

    id: str
    builder: Callable[..., Any]
    args: tuple
    marks: list[str]
    datasets: dict = field(default_factory=dict)
    edge: bool = False


EVENT_MARKS = ["rule", "circle", "text"]
SITE_MARKS = ["point"] + ["text"] * 2 * len(border_charts.LABEL_OFFSETS)
MAP_GEOMETRY = {**MAP_DATA, **COVERAGE_DATA}
EMPTY_ANNUAL = trade_models.annual_frame(
    trade.annual_for_side(trade.dots_measures(DOTS.iloc[0:0], REPORTERS), TRADE.published_totals.iloc[0:0], "russia"),
    "busd",
    ENGLISH,
)

CASES: list[Case] = [
    # Overview
    Case("overview.trade_trend", overview_charts.trade_trend, (overview_trade_totals(), "US$ bn", ENGLISH), ["line"]),
    Case("overview.remittances_trend", overview_charts.remittances_trend, (overview_backbone(), ENGLISH), ["line"]),
    # Trade
    Case(
        "trade.annual_measures_chart",
        trade_charts.annual_measures_chart,
        (TRADE_FRAMES.annual_frames[("russia", "busd")], TRADE.events, TRADE_YEARS, "US$ bn", ENGLISH),
        ["rule", "line", "point", "point", *EVENT_MARKS],
    ),
    Case(
        "trade.annual_measures_chart[empty]",
        trade_charts.annual_measures_chart,
        (EMPTY_ANNUAL, TRADE.events.iloc[0:0], (2000, 2001), "US$ bn", ENGLISH),
        ["rule", "line", "point", "point", *EVENT_MARKS],
        edge=True,
    ),
    Case("trade.event_rules", trade_charts.event_rules, (TRADE.events, TRADE_YEARS, ENGLISH), EVENT_MARKS),
    Case(
        "trade.mirror_chart",
        trade_charts.mirror_chart,
        (TRADE_FRAMES.mirror_frames[("ru_to_tj", "musd")], "US$ m", ENGLISH),
        ["line", "bar"],
    ),
    Case(
        "trade.published_years_chart",
        trade_charts.published_years_chart,
        (TRADE_FRAMES.published_frames["busd"], "US$ bn", ENGLISH),
        ["point"],
    ),
    Case(
        "trade.part_year_growth_chart",
        trade_charts.part_year_growth_chart,
        (TRADE_FRAMES.part_year_growth, ENGLISH),
        ["point"],
    ),
    Case(
        "trade.projection_chart",
        trade_charts.projection_chart,
        (
            trade_models.projection_frame(
                PROJECTION, TRADE_FRAMES.projections[PROJECTION.year].outcomes, "busd", ENGLISH
            ),
            "US$ bn",
            ENGLISH,
        ),
        ["bar"],
    ),
    Case(
        "trade.russia_share_chart",
        trade_charts.russia_share_chart,
        (trade_models.share_rows(trade.russia_shares(SHARE_CONTEXT, REPORTERS), SOURCES), ENGLISH),
        ["point"],
    ),
    # Remittances
    Case(
        "remittances.remittances_chart[usd]",
        remittance_charts.remittances_chart,
        (*REMITTANCES_SHOWN.usd[:2], REMITTANCES_SHOWN.events, REMITTANCE_YEARS, "remittances_usd", "US$ m", ENGLISH),
        ["line", "point", *EVENT_MARKS],
    ),
    Case(
        "remittances.remittances_chart[pct, World Bank only]",
        remittance_charts.remittances_chart,
        (*REMITTANCES_ALONE.pct[:2], REMITTANCES_ALONE.events, REMITTANCE_YEARS, "pct_gdp", "% of GDP", ENGLISH),
        ["line", *EVENT_MARKS],
    ),
    Case(
        "remittances.russia_chart",
        remittance_charts.russia_chart,
        (REMITTANCES_SHOWN.russia[["value", "what", "note", *SHOWN]], ENGLISH),
        ["point"],
    ),
    Case(
        "remittances.migrants_chart",
        remittance_charts.migrants_chart,
        (REMITTANCES_SHOWN.migrants[["value", "note", *SHOWN]], ENGLISH),
        ["point"],
    ),
    Case("remittances.shock_chart", remittance_charts.shock_chart, (shock_bars(), ENGLISH), ["bar"]),
    Case(
        "remittances.claim_chart",
        remittance_charts.claim_chart,
        (REMITTANCES.claim_check.years, ENGLISH),
        ["bar", "rule"],
    ),
    # Products
    Case(
        "products.labelled_bars",
        product_charts.labelled_bars,
        (
            COMPLETE_PANEL.shown,
            "label",
            "value_usd_m",
            ("US$ m", product_charts.money_axis()),
            "share_text:N",
            [],
            COLOR,
        ),
        ["bar", "text", "text"],
    ),
    Case(
        "products.top_products_chart[complete]",
        product_charts.top_products_chart,
        (COMPLETE_PANEL.shown, COLOR, ENGLISH),
        ["bar", "text", "text"],
    ),
    Case(
        "products.top_products_chart[partial]",
        product_charts.top_products_chart,
        (PARTIAL_PANEL.shown, COLOR, ENGLISH),
        ["bar", "text", "text"],
    ),
    Case(
        "products.sections_chart",
        product_charts.sections_chart,
        (COMPLETE_PANEL.sections, COLOR, ENGLISH),
        ["bar", "text", "text"],
    ),
    Case(
        "products.trend_chart",
        product_charts.trend_chart,
        (product_models.build_trend_frame(PRODUCTS_MODEL, "", ENGLISH)[0], ENGLISH),
        ["point"],
    ),
    Case(
        "products.coverage_chart",
        product_charts.coverage_chart,
        (product_models.build_coverage_frame(PRODUCTS_MODEL, ENGLISH), ENGLISH),
        ["rect"],
    ),
    Case(
        "products.coverage_chart[empty]",
        product_charts.coverage_chart,
        (product_models.build_coverage_frame(PRODUCTS_MODEL, ENGLISH).iloc[0:0], ENGLISH),
        ["rect"],
        edge=True,
    ),
    Case(
        "products.published_chart[share]",
        product_charts.published_chart,
        (published_products("ru_to_tj", "share_pct"), "share_pct", "Share, %", COLOR, ENGLISH),
        ["bar", "bar", "text", "text"],
    ),
    Case(
        "products.published_chart[share over 50%]",
        product_charts.published_chart,
        (published_products("tj_to_ru", "share_pct"), "share_pct", "Share, %", COLOR, ENGLISH),
        ["bar", "bar", "text", "text"],
    ),
    Case(
        "products.published_chart[values]",
        product_charts.published_chart,
        (published_products("ru_to_tj", "value_usd_m"), "value_usd_m", "US$ m", COLOR, ENGLISH),
        ["bar", "bar", "text", "text"],
    ),
    Case(
        "products.concentration_chart",
        product_charts.concentration_chart,
        (product_models.build_concentration_frame(PRODUCTS_MODEL, 4, ENGLISH), "hhi", "HHI over HS headings", ENGLISH),
        ["line", "point"],
    ),
    Case(
        "products.yearly_chart",
        product_charts.yearly_chart,
        (product_models.build_baci_trends(PRODUCTS_MODEL, 4, "", 2021, ENGLISH), ENGLISH),
        ["line", "point"],
    ),
    # Partners & region
    Case(
        "partners.share_lines[partners]",
        partner_charts.share_lines,
        (SHARES.frame, SHARES.order, "% of Tajikistan's trade", "Partner", "partners", ENGLISH),
        ["line", "point", "point"],
    ),
    Case(
        "partners.share_lines[countries]",
        partner_charts.share_lines,
        (NEIGHBOURS.charts[0][1], NEIGHBOURS.order, "% of trade with Russia", "Country", "countries", ENGLISH),
        ["line", "point", "point"],
    ),
    Case(
        "partners.mirror_chart",
        partner_charts.mirror_chart,
        (MIRROR.directions[0][1], ["Tajikistan", "Russia"], ENGLISH),
        ["line", "point", "point"],
    ),
    Case("partners.ranking_bars", partner_charts.ranking_bars, (WORLD.top, HIGHLIGHT, ENGLISH), ["bar", "text"]),
    Case(
        "partners.country_lines", partner_charts.country_lines, (WORLD.series, "% of GDP", ENGLISH), ["line", "point"]
    ),
    # Border & security
    Case(
        "border.border_map[every layer]",
        border_charts.border_map,
        (COUNTRY_LABELS, True, True, MAP_SITES, ENGLISH),
        ["geoshape", "text", "geoshape", "line", "geoshape", "rule", *SITE_MARKS],
        datasets=MAP_GEOMETRY,
    ),
    Case(
        "border.border_map[no layers]",
        border_charts.border_map,
        (COUNTRY_LABELS, False, False, MAP_SITES.iloc[0:0], ENGLISH),
        ["geoshape", "text", "geoshape"],
        datasets=MAP_DATA,
    ),
    Case(
        "border.border_map[thumbnail]",
        border_charts.border_map,
        (COUNTRY_LABELS, False, False, MAP_SITES, ENGLISH, False),
        ["geoshape", "text", "geoshape", "point"],
        datasets=MAP_DATA,
    ),
    Case(
        "border.countries_layer",
        border_charts.countries_layer,
        (COUNTRY_LABELS, ENGLISH),
        ["geoshape", "text"],
        datasets=MAP_DATA,
    ),
    Case("border.rivers_layer", border_charts.rivers_layer, (ENGLISH,), ["geoshape"], datasets=MAP_DATA),
    Case("border.border_layer", border_charts.border_layer, (ENGLISH,), ["geoshape"], datasets=MAP_DATA),
    Case("border.reach_layer", border_charts.reach_layer, (), ["line"], datasets=COVERAGE_DATA),
    Case("border.covered_layer", border_charts.covered_layer, (), ["rule"], datasets=COVERAGE_DATA),
    Case("border.sites_layer", border_charts.sites_layer, (MAP_SITES, True, ENGLISH), SITE_MARKS),
    Case("border.sites_layer[unnamed]", border_charts.sites_layer, (MAP_SITES, False, ENGLISH), ["point"]),
    Case(
        "border.coverage_curve_chart",
        border_charts.coverage_curve_chart,
        (COVERAGE_CURVE, 100.0, ENGLISH),
        ["line", "rule"],
    ),
    Case(
        "border.troop_chart",
        border_charts.troop_chart,
        (STRENGTH_FIGURES, STRENGTH_RANGES, TROOP_CLAIMS, ENGLISH),
        ["rule", "point", "rule", "text"],
    ),
    Case(
        "border.troop_chart[no claims]",
        border_charts.troop_chart,
        (STRENGTH_FIGURES, STRENGTH_RANGES, pd.DataFrame([]), ENGLISH),
        ["rule", "point", "rule", "text"],
        edge=True,
    ),
    Case("border.membership_chart", border_charts.membership_chart, (MEMBERSHIPS, ENGLISH), ["rect"]),
    # Scenarios
    Case(
        "scenarios.result_chart",
        scenario_charts.result_chart,
        (for_csv(result_frame(SCENARIO_RESULT, "usd"), SOURCES, "scenario"), "Remittances, US$ m", ",.0f", ENGLISH),
        ["rule", "point"],
    ),
    Case(
        "scenarios.scatter_chart",
        scenario_charts.scatter_chart,
        (
            for_csv(SCENARIO_POINTS, SOURCES, "record"),
            fitted_line(SCENARIO_POINTS, (20.0, 3.0, 1.5), "ruble_change"),
            "ruble_change",
            "Tajikistan",
            ENGLISH,
        ),
        ["line", "point", "text"],
    ),
    Case(
        "scenarios.backtest_chart",
        scenario_charts.backtest_chart,
        (for_csv(backtest_frame(SCENARIO_BACKTEST), SOURCES, "track_record"), "Tajikistan", ENGLISH),
        ["rule", "rule", "point"],
    ),
]
