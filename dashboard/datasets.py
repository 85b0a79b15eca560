"""Read and validate the curated tables in data/.

One loader per dataset. Each file is checked against its schema before any page sees it, so a
corrupt or hand-edited file fails here with the file, row and column named, instead of as a
confusing chart further down.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

DATA_DIR = Path(__file__).resolve().parents[1] / "data"

# Refreshed editions of a data folder (docs/refresh.md): each a complete, immutable folder whose
# curated files link to the data folder and whose refreshed files are its own; `current` points
# at the live one and is switched in one rename.
EDITIONS_VARIABLE = "RT_EDITIONS_DIR"
CURRENT = "current"
MANIFEST = "edition.json"
BASE_LINK = "base"  # in an edition: a link to the curated data folder it builds on


def editions_root(data_dir: Path) -> Path:
    """Where the refreshed editions of data_dir live: RT_EDITIONS_DIR, else editions/ beside it."""
    configured = os.environ.get(EDITIONS_VARIABLE)
    return Path(configured) if configured else data_dir.resolve().parent / "editions"


def live_folder(data_dir: Path) -> Path:
    """The folder a reader loads: the current refreshed edition of data_dir, else data_dir itself.

    Resolved to the edition's own folder, which never changes once written: a reader that has
    resolved it reads that edition whole, even while a refresh switches `current` to the next.
    An edition is used only where its `base` link leads to this very data folder (by identity,
    not by path, so a refresh and the replicas may mount the folders at different paths).
    """
    try:
        target = (editions_root(data_dir) / CURRENT).resolve(strict=True)
        ours = (target / BASE_LINK).resolve(strict=True) == data_dir.resolve(strict=True)
    except (OSError, RuntimeError):
        return data_dir
    return target if ours and (target / MANIFEST).is_file() else data_dir


def locate(folder: Path, file: str) -> Path:
    """A file of a data folder. An edition holds only what a refresh wrote: every other file is
    the curated folder's it builds on, so a new curated file in a new release is read at once."""
    own = folder / file
    if own.exists() or not (folder / BASE_LINK).is_symlink():
        return own
    return folder / BASE_LINK / file


REFRESH_STATUS = "status.json"  # beside the editions: how each source's last refresh try went


def refresh_status(root: Path) -> dict[str, dict[str, str | None]]:
    """Per refresh source, its last try under an editions root: {"tried": ISO time, "error": why it
    failed, or None}."""
    try:
        status = json.loads((root / REFRESH_STATUS).read_text())
    except (OSError, ValueError):
        return {}
    return status if isinstance(status, dict) else {}


class DataError(Exception):
    """A data file that cannot be used, with where the problem is."""

    def __init__(self, file: str, message: str, row: int | None = None, column: str | None = None, unit: str = "line"):
        self.file, self.row, self.column, self.message = file, row, column, message
        where = [f"data/{file}"]
        if row is not None:
            where.append(f"{unit} {row}")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {message}")


@dataclass(frozen=True)
class Column:
    """What one column may hold.

    `kind` is text, number, integer, date (YYYY-MM-DD) or partial_date (YYYY, YYYY-MM or
    YYYY-MM-DD: events are dated as precisely as their source). Numbers must be finite and,
    where given, within [minimum, maximum].
    """

    kind: str = "text"
    required: bool = True
    allowed: frozenset[str] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    may_be_absent: bool = False  # a column added later: a file written before it has none (read as empty)


@dataclass(frozen=True)
class Problem:
    """What a whole-table check found: the first offending row (0-based) and column."""

    row: int
    column: str
    message: str


@dataclass(frozen=True)
class Dataset:
    name: str
    file: str
    title: str
    description: str
    columns: dict[str, Column]
    key: tuple[str, ...] = ()
    cites_sources: bool = True
    may_be_empty: bool = False  # a table filled by a later refresh; until then only its header
    caveat: str = ""  # what a reader must know before using the numbers, shown on the Sources page
    redistributable: bool = True  # False: the publisher's terms forbid passing the file on (UN Comtrade)
    refresh_source: str = ""  # the refresh that writes it into a data edition (worldbank, imf …); never by hand
    checks: tuple[Callable[[pd.DataFrame], Problem | None], ...] = field(default=())

    @property
    def refreshed(self) -> bool:
        return bool(self.refresh_source)


FLOWS = frozenset({"total", "ru_to_tj", "tj_to_ru"})
QUALIFIERS = frozenset({"exact", "approximate", "lower_bound", "upper_bound"})


def _first(mask: pd.Series, column: str, message: str) -> Problem | None:
    hits = mask.to_numpy().nonzero()[0]
    return Problem(int(hits[0]), column, message) if len(hits) else None


PERIOD_MONTHS = {"quarter": 3, "half": 6}


def _periods_well_formed(df: pd.DataFrame) -> Problem | None:
    """Each period type has a shape: a quarter is Jan–Mar, Apr–Jun…; 'ytd' runs from 1 January."""
    start, end = pd.to_datetime(df["period_start"]), pd.to_datetime(df["period_end"])
    kind = df["period_type"]
    month_end = end == end + pd.offsets.MonthEnd(0)
    checks = [
        (
            (end < start) | (start.dt.year != end.dt.year),
            "period_end",
            "a period must end after it starts, in the same year",
        ),
        (start.dt.day != 1, "period_start", "a period starts on the first of a month"),
        (~month_end, "period_end", "a period ends on the last day of a month"),
        (
            (kind.isin(["year", "ytd"])) & (start.dt.month != 1),
            "period_start",
            "a year or January-to-month period starts on 1 January",
        ),
        ((kind == "year") & (end.dt.month != 12), "period_end", "a 'year' period ends on 31 December"),
    ]
    for kind_name, months in PERIOD_MONTHS.items():
        this = kind == kind_name
        span = (end.dt.month - start.dt.month + 1) != months
        aligned = (start.dt.month - 1) % months != 0
        checks.append((this & (span | aligned), "period_end", f"a {kind_name} spans {months} months from its start"))
    for mask, column, message in checks:
        problem = _first(mask, column, message)
        if problem:
            return problem
    return None


def _has_value_or_growth(df: pd.DataFrame) -> Problem | None:
    return _first(
        df["value_usd_m"].isna() & df["yoy_growth_pct"].isna(), "value_usd_m", "needs a value or a growth rate"
    )


def _qualifier_matches_value(df: pd.DataFrame) -> Problem | None:
    for value, qualifier in (("value_usd_m", "value_qualifier"), ("yoy_growth_pct", "growth_qualifier")):
        problem = _first(df[value].notna() != df[qualifier].notna(), qualifier, f"is given exactly when '{value}' is")
        if problem:
            return problem
    return None


# IMF DOTS: a reporter's exports are valued FOB, its imports CIF.
DOTS_VALUATION = {
    ("imf_dots_rus", "ru_to_tj"): "FOB",
    ("imf_dots_rus", "tj_to_ru"): "CIF",
    ("imf_dots_tjk", "tj_to_ru"): "FOB",
    ("imf_dots_tjk", "ru_to_tj"): "CIF",
}


def _valuation_matches_flow(df: pd.DataFrame) -> Problem | None:
    expected = [DOTS_VALUATION.get(key) for key in zip(df["reporter"], df["flow"], strict=True)]
    return _first(df["valuation"] != pd.Series(expected, index=df.index), "valuation", "exports are FOB, imports CIF")


SOURCES = Dataset(
    name="sources",
    file="sources.csv",
    title="Sources",
    description="Every publication a figure in data/ cites: publisher, title, link, date, licence.",
    columns={
        "source_id": Column(pattern=r"^[a-z0-9][a-z0-9-]*$"),
        "publisher": Column(),
        "title": Column(),
        "url": Column(pattern=r"^https?://\S+$"),
        "published_date": Column("date", required=False),
        "licence": Column(),
        # how current a refreshed source is, in the source's own terms (its release or last update) and
        # when it was fetched; curated sources say it in their title and published_date
        "edition": Column(required=False, may_be_absent=True),
        "accessed_date": Column("date", required=False, may_be_absent=True),
    },
    key=("source_id",),
    cites_sources=False,
)

# The refresh's own source rows, beside the curated list so that a new release of the app (new
# curated sources) and a refreshed edition never overwrite each other: load("sources") reads both.
SOURCES_REFRESH = replace(
    SOURCES,
    name="sources_refresh",
    file="sources_refresh.csv",
    title="Sources of the refreshed files",
    description="The source rows a refresh writes: the API or release, its own edition and the access date.",
    may_be_empty=True,
    refresh_source="all",
)

REPORTERS = Dataset(
    name="reporters",
    file="reporters.csv",
    title="Reporters",
    description="Who publishes trade figures, which side's statistics they speak for, and how.",
    columns={
        "reporter": Column(pattern=r"^[a-z_]+$"),
        "label": Column(),
        "side": Column(allowed=frozenset({"russia", "tajikistan", "other"})),
        "kind": Column(allowed=frozenset({"statistics", "statement", "media"})),
        "description": Column(),
    },
    key=("reporter",),
    cites_sources=False,
)

TRADE_DOTS = Dataset(
    name="trade_dots",
    file="trade_dots.csv",
    title="Annual trade, IMF Direction of Trade Statistics",
    caveat=(
        "Each side's customs report of the same flow differs (exports FOB, imports CIF, timing, re-exports); "
        "both are kept. The series ends in 2020."
    ),
    description=(
        "Annual goods trade between Russia and Tajikistan as each country reported it to the "
        "IMF, 1993–2020, in US$ million. Exports are valued FOB, imports CIF."
    ),
    columns={
        "year": Column("integer", minimum=1990, maximum=2100),
        "reporter": Column(allowed=frozenset({"imf_dots_rus", "imf_dots_tjk"})),
        "flow": Column(allowed=frozenset({"ru_to_tj", "tj_to_ru"})),
        "valuation": Column(allowed=frozenset({"FOB", "CIF"})),
        "value_usd_m": Column("number", minimum=0.0),
        "source_id": Column(),
    },
    key=("reporter", "flow", "year"),
    checks=(_valuation_matches_flow,),
)

TRADE_PUBLISHED = Dataset(
    name="trade_published",
    file="trade_published.csv",
    title="Published trade figures",
    caveat=(
        "Reporters disagree and early figures are revised: every statement is kept with its status, none is "
        "averaged or filled."
    ),
    description=(
        "Each bilateral trade figure as a reporter published it: full years and part years "
        "(quarters, halves, January to month N), in US$ million and/or year-on-year growth."
    ),
    columns={
        "figure_id": Column(pattern=r"^[A-Za-z0-9-]+$"),
        "reporter": Column(),
        "flow": Column(allowed=FLOWS),
        "period_type": Column(allowed=frozenset({"year", "half", "quarter", "ytd"})),
        "period_start": Column("date"),
        "period_end": Column("date"),
        "value_usd_m": Column("number", required=False, minimum=0.0),
        "value_qualifier": Column(required=False, allowed=QUALIFIERS),
        "yoy_growth_pct": Column("number", required=False, minimum=-100.0, maximum=1000.0),
        "growth_qualifier": Column(required=False, allowed=QUALIFIERS),
        "status": Column(allowed=frozenset({"final", "preliminary", "projection", "unverified"})),
        "basis": Column(allowed=frozenset({"russia", "tajikistan", "unknown"})),
        "source_id": Column(),
        "note": Column(required=False),
    },
    key=("figure_id",),
    checks=(_periods_well_formed, _has_value_or_growth, _qualifier_matches_value),
)

EVENTS = Dataset(
    name="events",
    file="events.csv",
    title="Key events",
    description="Dated events, each with its source: markers on time axes and the Overview's timeline.",
    columns={
        "event_id": Column(pattern=r"^[a-z0-9-]+$"),
        "date": Column("partial_date"),
        "title": Column(),
        "category": Column(allowed=frozenset({"economy", "migration", "security", "politics", "diplomacy"})),
        "themes": Column(),
        "source_id": Column(),
    },
    key=("event_id",),
)


def _located_sites_have_both_coordinates(df: pd.DataFrame) -> Problem | None:
    problem = _first(df["lat"].isna() != df["lon"].isna(), "lon", "a site has both coordinates or neither")
    if problem:
        return problem
    no_place = df["coord_basis"] == "none"
    return _first(df["lat"].isna() != no_place, "coord_basis", "is 'none' exactly when there is no coordinate")


def _range_brackets_estimate(df: pd.DataFrame) -> Problem | None:
    low_above = df["low"].notna() & df["estimate"].notna() & (df["low"] > df["estimate"])
    high_below = df["high"].notna() & df["estimate"].notna() & (df["high"] < df["estimate"])
    return _first(low_above | high_below, "estimate", "lies outside its own low–high range")


def _membership_years_ordered(df: pd.DataFrame) -> Problem | None:
    backwards = df["until_year"].notna() & df["since_year"].notna() & (df["until_year"] < df["since_year"])
    problem = _first(backwards, "until_year", "ends before it starts")
    if problem:
        return problem
    left_without_year = (df["status"] == "former") & df["until_year"].isna()
    return _first(left_without_year, "until_year", "a former member needs the year it left")


SITE_KINDS = frozenset(
    {
        "russian_base",
        "russian_facility",
        "russian_range",
        "chinese_post",
        "border_crossing",
        "tajik_city",
        "afghan_city",
    }
)
TROOP_UNITS = frozenset(
    {
        "personnel",
        "personnel_planned",
        "troops_redeployed",
        "exercise_participants",
        "deployed_troops",
        "standing_force_total",
        "reservists_mobilized",
        "personnel_crossed_border",
    }
)

SITES = Dataset(
    name="security_sites",
    file="security_sites.csv",
    title="Security sites",
    caveat="Coordinates differ in precision; the coord_basis column says how each was obtained.",
    description=(
        "Russian base garrisons and facilities, training ranges, Chinese posts, Tajik–Afghan "
        "crossings and reference cities, with coordinates and how each was obtained."
    ),
    columns={
        "site_id": Column(pattern=r"^[a-z0-9_]+$"),
        "name": Column(),
        "short_name": Column(required=False),
        "label_side": Column(required=False, allowed=frozenset({"left", "right", "above", "below"})),
        "kind": Column(allowed=SITE_KINDS),
        "status": Column(allowed=frozenset({"active", "former", "planned"})),
        "country_iso3": Column(pattern=r"^[A-Z]{3}$"),
        "lat": Column("number", required=False, minimum=29.0, maximum=45.0),
        "lon": Column("number", required=False, minimum=52.0, maximum=80.0),
        "coord_basis": Column(allowed=frozenset({"published", "city_centroid", "approximate", "none"})),
        "troops_estimate": Column("number", required=False, minimum=0.0),
        "troops_year": Column("integer", required=False, minimum=1990, maximum=2100),
        "description": Column(),
        "source_id": Column(),
    },
    key=("site_id",),
    checks=(_located_sites_have_both_coordinates,),
)

TROOPS = Dataset(
    name="troop_estimates",
    file="troop_estimates.csv",
    title="Troop estimates",
    caveat="Sources give different figures for the same year; each is kept and the pages show the range.",
    description=(
        "Dated figures for Russia's 201st base, CSTO forces and others: the estimate where a "
        "number was given, its range where sources give one, and what was counted (unit)."
    ),
    columns={
        "estimate_id": Column(pattern=r"^tr-\d{3}$"),
        "year": Column("integer", minimum=1990, maximum=2100),
        "force": Column(allowed=frozenset({"russia_201st", "csto", "china", "other"})),
        "estimate": Column("number", required=False, minimum=0.0),
        "low": Column("number", required=False, minimum=0.0),
        "high": Column("number", required=False, minimum=0.0),
        "unit": Column(allowed=TROOP_UNITS),
        "source_id": Column(),
        "note": Column(),
    },
    key=("estimate_id",),
    checks=(_range_brackets_estimate,),
)

MEMBERSHIPS = Dataset(
    name="memberships",
    file="memberships.csv",
    title="Memberships",
    description="Who belongs to the CSTO, CIS, EAEU and SCO: member, observer, suspended or former, with years.",
    columns={
        "organization": Column(allowed=frozenset({"CSTO", "CIS", "EAEU", "SCO"})),
        "country_iso3": Column(pattern=r"^[A-Z]{3}$"),
        "country_name": Column(),
        "status": Column(allowed=frozenset({"member", "observer", "suspended", "former"})),
        "since_year": Column("integer", required=False, minimum=1990, maximum=2100),
        "until_year": Column("integer", required=False, minimum=1990, maximum=2100),
        "source_id": Column(),
        "note": Column(required=False),
    },
    key=("organization", "country_iso3", "since_year"),
    checks=(_membership_years_ordered,),
)

CLAIMS = Dataset(
    name="claims",
    file="claims.csv",
    title="Claims to check",
    description=(
        "Figures the Russia Briefing article of 29 June 2022 states, with their date and source, for the pages to "
        "set against the record."
    ),
    columns={
        "claim_id": Column(pattern=r"^[a-z0-9-]+$"),
        "subject": Column(),
        "value": Column("number"),
        "qualifier": Column(allowed=QUALIFIERS),
        "unit": Column(allowed=frozenset({"personnel", "facilities", "km"})),
        "date": Column("date"),
        "source_id": Column(),
    },
    key=("claim_id",),
)

BORDER_REFERENCES = Dataset(
    name="border_references",
    file="border_references.csv",
    title="Reference lengths of the Tajik–Afghan border",
    description=(
        "The border's length as reference sources publish it (the CIA World Factbook, Tajikistan's foreign "
        "ministry), with its parts where given; the article's figure is checked against the first row."
    ),
    caveat="Published lengths differ with how a river border is measured; no map in the data can settle them.",
    columns={
        "reference_id": Column(pattern=r"^[a-z0-9-]+$"),
        "cited_as": Column(),
        "length_km": Column("number", minimum=1.0),
        "parts": Column(required=False),
        "source_id": Column(),
        "note": Column(required=False),
    },
    key=("reference_id",),
)

WDI_INDICATORS = frozenset({"BX.TRF.PWKR.CD.DT", "BX.TRF.PWKR.DT.GD.ZS", "NY.GDP.MKTP.CD", "SP.POP.TOTL"})

WDI = Dataset(
    name="wdi",
    file="wdi.csv",
    title="World Bank indicators for Tajikistan",
    caveat="One vintage of World Development Indicators (October 2025); later editions revise past years.",
    description=(
        "Personal remittances received (current US$ and % of GDP), GDP (current US$) and population, "
        "World Development Indicators, October 2025 edition, values as stored."
    ),
    columns={
        "indicator": Column(allowed=WDI_INDICATORS),
        "year": Column("integer", minimum=1960, maximum=2100),
        "value": Column("number", minimum=0.0),
        "source_id": Column(),
    },
    key=("indicator", "year"),
)

REMITTANCE_INDICATORS = frozenset(
    {
        "remittances_received_usd_million",
        "remittances_pct_gdp",
        "transfers_from_russia_usd_million",
        "share_from_russia_pct",
        "migrants_in_russia_count",
        "work_patents_issued_count",
        "gdp_usd_million",
        "population_million",
        "rub_per_usd_avg",
        "other",
    }
)

REMITTANCES = Dataset(
    name="remittances",
    file="remittances.csv",
    title="Remittance, migration and exchange-rate figures",
    caveat=(
        "Migrant counts mix departures and stock estimates; the National Bank of Tajikistan stopped "
        "publishing remittance data in 2013; Russian transfer figures have gaps (none for 2020, 2022, 2023)."
    ),
    description=(
        "Every published figure on money sent home to Tajikistan, transfers from Russia, migrant counts and "
        "the ruble, one row per source and vintage (never averaged)."
    ),
    columns={
        "figure_id": Column(pattern=r"^[A-Z]{2,3}-\d{3}$"),
        "indicator": Column(allowed=REMITTANCE_INDICATORS),
        "year": Column("integer", minimum=1990, maximum=2100),
        "value": Column("number"),
        "unit": Column(
            allowed=frozenset({"usd_million", "persons", "pct", "rub", "tjs_per_usd", "pct_change", "million_persons"})
        ),
        "published": Column("partial_date", required=False),
        "source_id": Column(),
        "note": Column(),
    },
    key=("figure_id",),
)

PRESETS = Dataset(
    name="shock_presets",
    file="shock_presets.csv",
    title="Historical shocks for the scenario",
    description="Which published figures give the size of each historical shock the remittance scenario can load.",
    columns={
        "preset_id": Column(pattern=r"^[a-z0-9-]+$"),
        "label": Column(),
        "change_figure_id": Column(),
        "base_figure_id": Column(required=False),
        "applies_to": Column(allowed=frozenset({"russia", "all"})),
        "share_figure_id": Column(required=False),
        "basis": Column(),
    },
    key=("preset_id",),
    cites_sources=False,
)


def _one_measure_at_least(df: pd.DataFrame) -> Problem | None:
    """A product row is a named main flow, or it carries a value, a share, or a note of growth."""
    return _first(
        (df["mention"] == "main_flow") & (df["value_usd_m"].notna() | df["share_pct"].notna()),
        "mention",
        "a 'main_flow' mention carries no value (values are 'figure' rows)",
    )


def _share_says_of_what(df: pd.DataFrame) -> Problem | None:
    return _first(df["share_pct"].notna() & df["share_of"].isna(), "share_of", "a share must say what it is a share of")


def _breakdown_complete_flag_consistent(df: pd.DataFrame) -> Problem | None:
    if df.empty:
        return None
    mixed = df.groupby(["direction", "year", "reporter"])["complete"].transform("nunique") > 1
    return _first(mixed, "complete", "is the same for every row of one direction, year and reporter")


def _share_qualified(df: pd.DataFrame) -> Problem | None:
    return _first(
        df["share_pct"].notna() != df["share_qualifier"].notna(),
        "share_qualifier",
        "is given exactly when 'share_pct' is",
    )


HS_CODES = r"^(\d{2}(\d{2}){0,2}(-\d{2})?)(;\d{2}(\d{2}){0,2})*$"

PRODUCTS = Dataset(
    name="products",
    file="products.csv",
    title="Products named and valued",
    caveat=(
        "Shares are of different bases (Russia's exports, Tajikistan's imports of a good …) and are never "
        "compared or summed."
    ),
    description=(
        "Products each side's sources name as main flows (the Russia Briefing article's OEC headings) and every "
        "published value or share for a product or product group, with its period."
    ),
    columns={
        "product_id": Column(pattern=r"^PRD-\d{3}$"),
        "direction": Column(allowed=frozenset({"ru_to_tj", "tj_to_ru"})),
        "hs_codes": Column(required=False, pattern=HS_CODES),
        "hs_level": Column("integer", required=False, minimum=2, maximum=6),
        "product_name": Column(),
        "mention": Column(allowed=frozenset({"main_flow", "figure"})),
        "period_type": Column(allowed=frozenset({"year", "half", "quarter", "ytd", "undated"})),
        "period_start": Column("date", required=False),
        "period_end": Column("date", required=False),
        "value_usd_m": Column("number", required=False, minimum=0.0),
        "value_qualifier": Column(required=False, allowed=QUALIFIERS),
        "share_pct": Column("number", required=False, minimum=0.0, maximum=100.0),
        "share_qualifier": Column(required=False, allowed=QUALIFIERS),
        "share_of": Column(required=False),
        "yoy_growth_pct": Column("number", required=False, minimum=-100.0, maximum=1000.0),
        "growth_qualifier": Column(required=False, allowed=QUALIFIERS),
        "source_id": Column(),
        "note": Column(),
    },
    key=("product_id",),
    checks=(_one_measure_at_least, _share_says_of_what, _qualifier_matches_value, _share_qualified),
)

BREAKDOWN = Dataset(
    name="product_breakdown",
    file="product_breakdown.csv",
    title="Product breakdowns",
    description=(
        "Values by HS heading for one direction, year and reporter (e.g. from a UN Comtrade refresh); "
        "'complete' when the rows cover the whole direction, so shares of its total can be computed."
    ),
    columns={
        "direction": Column(allowed=frozenset({"ru_to_tj", "tj_to_ru"})),
        "year": Column("integer", minimum=1990, maximum=2100),
        "reporter": Column(pattern=r"^[a-z_]+$"),
        "hs4": Column(pattern=r"^\d{4}$"),
        "value_usd_m": Column("number", minimum=0.0),
        "complete": Column(allowed=frozenset({"true", "false"})),
        "source_id": Column(),
    },
    key=("direction", "year", "reporter", "hs4"),
    may_be_empty=True,
    checks=(_breakdown_complete_flag_consistent,),
)

# CEPII's BACI: every HS6 flow between the two countries, reconciled from both reporters'
# declarations. Written whole by `python -m dashboard.refresh baci`; shipped as a header only.
BACI_PRODUCTS = Dataset(
    name="baci_products",
    file="baci_products.csv",
    title="Products in full, CEPII BACI (refreshed)",
    description=(
        "Every HS6 product Russia sold Tajikistan and Tajikistan sold Russia, per year: value in US$ thousand "
        "and quantity in tonnes as BACI publishes them (quantity empty where BACI has none)."
    ),
    caveat=(
        "Filled by `python -m dashboard.refresh baci` (see docs/refresh.md); empty in a fresh checkout. "
        "BACI reconciles the exporter's and the importer's declarations (imports brought to FOB): it is neither "
        "side's own figure."
    ),
    columns={
        "direction": Column(allowed=frozenset({"ru_to_tj", "tj_to_ru"})),
        "year": Column("integer", minimum=1988, maximum=2100),
        # six digits, or BACI's code for trade not specified by kind (e.g. 9999AA)
        "hs6": Column(pattern=r"^(\d{6}|\d{4}[0-9A-Z]{2})$"),
        "value_usd_k": Column("number", minimum=0.0),
        "quantity_t": Column("number", required=False, minimum=0.0),
        "source_id": Column(),
    },
    key=("direction", "year", "hs6"),
    may_be_empty=True,
    refresh_source="baci",
)

BACI_PRODUCT_CODES = Dataset(
    name="baci_product_codes",
    file="baci_product_codes.csv",
    title="HS6 product descriptions, CEPII BACI (refreshed)",
    description=(
        "BACI's own description of each HS6 code in baci_products.csv, in the release's HS revision (HS92 codes "
        "are not all in today's nomenclature)."
    ),
    caveat="Filled by `python -m dashboard.refresh baci` with baci_products.csv; empty in a fresh checkout.",
    columns={"hs6": Column(pattern=r"^(\d{6}|\d{4}[0-9A-Z]{2})$"), "description": Column(), "source_id": Column()},
    key=("hs6",),
    may_be_empty=True,
    refresh_source="baci",
)

TRADE_CONTEXT = Dataset(
    name="trade_context",
    file="trade_context.csv",
    title="Tajikistan's foreign trade and Russia's share",
    caveat="Tajik statistics, customs and officials can differ; part-year periods are not full years.",
    description=(
        "Tajikistan's total trade, exports and imports, and Russia's share of them, as each reporter "
        "published them (US$ million or %)."
    ),
    columns={
        "figure_id": Column(pattern=r"^[A-Za-z0-9-]+$"),
        "reporter": Column(),
        "measure": Column(
            allowed=frozenset(
                {
                    "tj_total_trade",
                    "tj_exports",
                    "tj_imports",
                    "ru_share_of_tj_total_trade",
                    "ru_share_of_tj_imports",
                    "ru_share_of_tj_exports",
                }
            )
        ),
        "period_type": Column(allowed=frozenset({"year", "half", "quarter", "ytd"})),
        "period_start": Column("date"),
        "period_end": Column("date"),
        "value": Column("number", minimum=0.0),
        "unit": Column(allowed=frozenset({"usd_million", "pct"})),
        "yoy_growth_pct": Column("number", required=False),
        "source_id": Column(),
        "note": Column(required=False),
    },
    key=("figure_id",),
    checks=(_periods_well_formed,),
)

# The source id rows from the IMF's API cite (refresh/imf.py writes them; the Partners page names the edition by it).
IMF_API_SOURCE = "imf-imts-api"

# Written by `python -m dashboard.refresh` from the primary sources' APIs; shipped as headers only.
# Same schemas as the curated tables, under reporters and sources of their own: nothing curated
# is ever overwritten.
TRADE_PARTNERS = Dataset(
    name="trade_partners",
    file="trade_partners.csv",
    title="Trade by partner, IMF Direction of Trade Statistics",
    caveat=(
        "Each reporter's own customs figures to the IMF; cells marked as IMF estimates are the IMF's, often "
        "from partner data. The IMF's aggregates (World, regions, groups) are rows too and never added to "
        "countries. The series ends in 2020; a year with no cell is unknown, not zero."
    ),
    description=(
        "Annual goods trade of Tajikistan with every partner, of Kazakhstan, Kyrgyzstan, Uzbekistan and "
        "Turkmenistan with Russia, China and the world (exports FOB, imports CIF), and Russia's and China's "
        "rows with those five, in US$ million as reported to the IMF."
    ),
    columns={
        "reporter_iso3": Column(allowed=frozenset({"TJK", "KAZ", "KGZ", "UZB", "TKM", "RUS", "CHN"})),
        "flow": Column(allowed=frozenset({"exports", "imports"})),
        "partner": Column(),
        "partner_label": Column(),
        "partner_kind": Column(allowed=frozenset({"country", "aggregate", "unallocated"})),
        "partner_iso3": Column(required=False, pattern=r"^[A-Z]{3}$"),
        "year": Column("integer", minimum=1940, maximum=2100),
        "value_usd_m": Column("number", minimum=0.0),
        "imf_estimate": Column(allowed=frozenset({"true", "false"})),
        "source_id": Column(),
    },
    key=("reporter_iso3", "flow", "partner_label", "year"),
)

REMITTANCES_WORLD = Dataset(
    name="wdi_remittances_world",
    file="wdi_remittances_world.csv",
    title="Remittances as % of GDP, every economy (World Bank)",
    caveat=(
        "Economies only (no aggregates); coverage differs by year. Values judged suspect (a likely break in "
        "the source) are flagged (Nepal 2022–2024) and shown as such, never as a plain rank."
    ),
    description="Personal remittances, received (% of GDP), World Bank WDI, for every economy with a value, 1970–2024.",
    columns={
        "iso3": Column(pattern=r"^[A-Z]{3}$"),
        "country": Column(),
        "year": Column("integer", minimum=1940, maximum=2100),
        "value": Column("number", minimum=0.0),
        "flag": Column(required=False),
        "source_id": Column(),
    },
    key=("iso3", "year"),
)

MACRO_ECONOMIES = frozenset({"RUS", "TJK", "KGZ", "UZB", "KAZ"})
MACRO_SIGNED = frozenset({"NY.GDP.MKTP.KD.ZG", "FP.CPI.TOTL.ZG"})  # growth rates: the only series that may fall below 0
MACRO_INDICATORS = MACRO_SIGNED | frozenset(
    {
        "NY.GDP.MKTP.CD",
        "PA.NUS.FCRF",
        "BX.TRF.PWKR.CD.DT",
        "BX.TRF.PWKR.DT.GD.ZS",
        "BM.TRF.PWKR.CD.DT",
        "NE.IMP.GNFS.ZS",
        "NE.CON.PRVT.ZS",
        "SI.POV.DDAY",
        "SP.POP.TOTL",
    }
)


def _levels_not_negative(df: pd.DataFrame) -> Problem | None:
    """A level, share or count below zero is a transcription slip; growth rates may be negative."""
    negative = ~df["indicator"].isin(MACRO_SIGNED) & (df["value"] < 0)
    return _first(negative, "value", "a level or share cannot be negative")


def _one_name_per_indicator(df: pd.DataFrame) -> Problem | None:
    """Each code keeps WDI's one published name, so a tooltip never names a series two ways."""
    names = df.groupby("indicator")["indicator_name"].transform("nunique")
    return _first(names > 1, "indicator_name", "an indicator code carries two different names")


WDI_MACRO = Dataset(
    name="wdi_macro",
    file="wdi_macro.csv",
    title="World Bank macro series: Russia and four Central Asian economies",
    caveat=(
        "One vintage of World Development Indicators (October 2025). The ruble has no 2024 rate; Kyrgyzstan's "
        "2023–2024 remittances are round numbers (probably estimates); 1990s values jump and are not used by "
        "the scenario model; poverty exists only for survey years."
    ),
    description=(
        "Real GDP growth, GDP (US$), official exchange rate, remittances received (US$, % of GDP) and paid, "
        "imports and household consumption (% of GDP), inflation, poverty and population for Russia, "
        "Tajikistan, Kyrgyzstan, Uzbekistan and Kazakhstan, 1990–2024, values as stored."
    ),
    columns={
        "indicator": Column(allowed=MACRO_INDICATORS),
        "indicator_name": Column(),
        "iso3": Column(allowed=MACRO_ECONOMIES),
        "year": Column("integer", minimum=1960, maximum=2100),
        "value": Column("number"),
        "source_id": Column(),
    },
    key=("indicator", "iso3", "year"),
    checks=(_levels_not_negative, _one_name_per_indicator),
)

REFRESH_CAVEAT = "Filled by `python -m dashboard.refresh` (see docs/refresh.md); empty in a fresh checkout."
WDI_API = replace(
    WDI,
    name="wdi_api",
    file="wdi_api.csv",
    title="World Bank indicators for Tajikistan, refreshed from the API",
    description="The same four indicators as wdi.csv, as the World Bank's API served them on the access date.",
    caveat=REFRESH_CAVEAT + " When present, the Remittances page's World Bank line is this newer edition, whole.",
    may_be_empty=True,
    refresh_source="worldbank",
)
REMITTANCES_WORLD_API = replace(
    REMITTANCES_WORLD,
    name="wdi_remittances_world_api",
    file="wdi_remittances_world_api.csv",
    title="Remittances as % of GDP, every economy, refreshed from the World Bank API",
    description=(
        "Personal remittances, received (% of GDP), for every economy with a value, as the World Bank's API "
        "served them on the access date; aggregates left out by the API's own region field."
    ),
    caveat=REFRESH_CAVEAT
    + " When present, the Partners page's world ranking is this edition, whole. No value is flagged: the "
    "shipped vintage's flags judged that vintage's numbers and are not carried over.",
    may_be_empty=True,
    refresh_source="worldbank",
)
TRADE_PARTNERS_API = replace(
    TRADE_PARTNERS,
    name="trade_partners_api",
    file="trade_partners_api.csv",
    title="Trade by partner, IMF International Trade in Goods (refreshed)",
    description=(
        "The same reporters, partners and flows as trade_partners.csv (exports FOB, imports CIF, US$ million), "
        "from the IMF's current edition, International Trade in Goods by partner country (IMTS), via its SDMX API."
    ),
    caveat=REFRESH_CAVEAT
    + " When present, the Partners page shows this edition whole, never mixed with the DOTS file. Partners are "
    "told apart by code: economies by ISO code, the World total by the IMF's G001; the IMF's other groups "
    "(regions, unallocated trade) are left out. A cell is marked an IMF estimate only where the IMF's STATUS "
    "says so (see docs/refresh.md).",
    may_be_empty=True,
    refresh_source="imf",
)
COMTRADE_REPORTERS = frozenset({"un_comtrade_rus", "un_comtrade_tjk"})
TRADE_COMTRADE = replace(
    TRADE_PUBLISHED,
    name="trade_comtrade",
    file="trade_comtrade.csv",
    title="Annual trade, UN Comtrade (refreshed)",
    description=(
        "Each reporter's exports (FOB) and imports (CIF) with the other, and their sum, as reported to UN "
        "Comtrade; full years in US$ million."
    ),
    caveat=REFRESH_CAVEAT + " UN Comtrade's terms forbid redistribution: shown with attribution, never downloadable.",
    columns={**TRADE_PUBLISHED.columns, "reporter": Column(allowed=COMTRADE_REPORTERS)},
    may_be_empty=True,
    redistributable=False,
    refresh_source="comtrade",
)
COMTRADE_PRODUCTS = replace(
    BREAKDOWN,
    name="comtrade_products",
    file="comtrade_products.csv",
    title="Product breakdowns, UN Comtrade (refreshed)",
    description="Values by HS4 heading per direction, year and reporter, from UN Comtrade with a subscription key.",
    caveat=TRADE_COMTRADE.caveat,
    columns={**BREAKDOWN.columns, "reporter": Column(allowed=COMTRADE_REPORTERS)},
    redistributable=False,
    refresh_source="comtrade",
)

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


def read_csv(dataset: Dataset, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Read one file and check it against its own schema (not its references)."""
    path = locate(data_dir, dataset.file)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except FileNotFoundError:
        raise DataError(dataset.file, "the file is missing") from None
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise DataError(dataset.file, f"not a readable CSV file ({type(exc).__name__})") from None
    missing = [c for c, column in dataset.columns.items() if c not in raw.columns and not column.may_be_absent]
    if missing:
        raise DataError(dataset.file, f"missing column(s): {', '.join(missing)}")
    raw = raw.reindex(columns=list(dict.fromkeys([*raw.columns, *dataset.columns])))
    if raw.empty and not dataset.may_be_empty:
        raise DataError(dataset.file, "the file has a header but no rows")
    df = raw[list(dataset.columns)].copy()
    for name, column in dataset.columns.items():
        df[name] = _check_column(dataset.file, df[name], name, column)
    if dataset.key:
        dup = df.index[df.duplicated(list(dataset.key))]
        if len(dup):
            raise DataError(dataset.file, f"duplicate key {list(dataset.key)}", row=dup[0] + 2)
    for check in dataset.checks:
        problem = check(df)
        if problem:
            found = df[problem.column].iloc[problem.row]
            raise DataError(
                dataset.file, f"{problem.message} (found {found!r})", row=problem.row + 2, column=problem.column
            )
    return df


def _check_column(file: str, values: pd.Series, name: str, column: Column) -> pd.Series:
    def fail(mask: pd.Series, why: str) -> None:
        if mask.any():
            first = mask.to_numpy().nonzero()[0][0]
            raise DataError(file, f"{why} (found {values.iloc[first]!r})", row=first + 2, column=name)

    present = values.notna()
    if column.required:
        fail(~present, "a value is required")
    if column.allowed is not None:
        fail(present & ~values.isin(column.allowed), f"must be one of {sorted(column.allowed)}")
    if column.pattern is not None:
        fail(present & ~values.fillna("").str.match(column.pattern), "is not well formed")
    if column.kind in ("number", "integer"):
        numbers = pd.to_numeric(values, errors="coerce").astype("float64")
        fail(present & ~np.isfinite(numbers), "must be a finite number")
        if column.minimum is not None:
            fail(present & (numbers < column.minimum), f"must be at least {column.minimum:g}")
        if column.maximum is not None:
            fail(present & (numbers > column.maximum), f"must be at most {column.maximum:g}")
        if column.kind == "integer":
            fail(present & (numbers % 1 != 0), "must be a whole number")
            return numbers.astype("Int64")
        return numbers.astype("float64")
    if column.kind == "date":
        dates = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce")
        fail(present & dates.isna(), "must be a date as YYYY-MM-DD")
        return values
    if column.kind == "partial_date":
        fail(present & ~values.fillna("").map(_is_partial_date), "must be a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return values


def _is_partial_date(text: str) -> bool:
    formats = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
    if len(text) not in formats:
        return False
    try:
        datetime.strptime(text, formats[len(text)])
    except ValueError:
        return False
    return True


def load(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Load a dataset and check that what it cites exists (sources, reporters)."""
    if name == "sources":
        return _all_sources(data_dir)
    dataset = DATASETS[name]
    df = read_csv(dataset, data_dir)
    if dataset.cites_sources:
        known = _known_keys(SOURCES, data_dir)
        _check_references(dataset.file, df, "source_id", known, "data/sources.csv")
    if "reporter" in df.columns and name != "reporters":
        known = _known_keys(REPORTERS, data_dir)
        _check_references(dataset.file, df, "reporter", known, "data/reporters.csv")
    return df


# The start of a source's licence text when its terms forbid passing the figures on (UN Comtrade):
# the app shows and cites them, but leaves them out of every download.
NOT_REDISTRIBUTABLE = "Not redistributable"


def redistributable(sources: pd.DataFrame) -> pd.Series:
    """Per source: may its figures go into a download?"""
    return ~sources["licence"].fillna("").str.startswith(NOT_REDISTRIBUTABLE)


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


def load_wdi(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The World Bank edition the Remittances page draws (see load_edition)."""
    return load_edition("wdi", data_dir)


def _all_sources(data_dir: Path) -> pd.DataFrame:
    """The curated sources and, in a refreshed edition, the refresh's own: one table, ids unique."""
    curated = read_csv(SOURCES, data_dir)
    if not (data_dir / SOURCES_REFRESH.file).exists():
        return curated
    refreshed = read_csv(SOURCES_REFRESH, data_dir)
    # a refresh's own row wins: a data folder written by the earlier refresh (which added its rows to
    # sources.csv) keeps working
    older = curated[~curated["source_id"].isin(refreshed["source_id"])]
    return pd.concat([older, refreshed], ignore_index=True)


def _known_keys(dataset: Dataset, data_dir: Path) -> frozenset[str]:
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


@functools.lru_cache(maxsize=32)
def _keys_of(name: str, folder: str, mtime_ns: int, size: int) -> frozenset[str]:
    dataset = DATASETS[name]
    return frozenset(read_csv(dataset, Path(folder))[dataset.key[0]])


def _check_references(file: str, df: pd.DataFrame, column: str, known: set[str], where: str) -> None:
    unknown = df.index[~df[column].isin(known)]
    if len(unknown):
        row = unknown[0]
        raise DataError(file, f"{df[column].iloc[row]!r} is not listed in {where}", row=row + 2, column=column)


@dataclass(frozen=True)
class GeoDataset:
    """A GeoJSON file: the geometry types it may hold and the properties each feature carries."""

    name: str
    file: str
    title: str
    description: str
    geometry_types: frozenset[str]
    properties: dict[str, Column]
    key: str | None = None
    required_keys: frozenset[str] = frozenset()  # features the app cannot do without
    caveat: str = ""
    redistributable: bool = True


# GeoJSON carries no reliable CRS (GDAL assumes WGS84 for any file), so the coordinates are
# checked against the region the data covers: metres, or latitude and longitude swapped, fail.
REGION_BOUNDS = (52.0, 29.0, 80.0, 45.0)  # west, south, east, north


GEO_COUNTRIES = GeoDataset(
    name="countries",
    file="geo/countries.geojson",
    title="Country polygons",
    caveat="Simplified for drawing; lengths and distances are measured on the full-resolution border line.",
    description=(
        "The countries around Tajikistan, Digital Chart of the World (1:1,000,000), clipped to 52–80°E, 29–45°N."
    ),
    geometry_types=frozenset({"Polygon", "MultiPolygon"}),
    properties={"iso_a3": Column(pattern=r"^[A-Z]{3}$"), "name": Column(), "source_id": Column()},
)

GEO_BORDER = GeoDataset(
    name="border_tj_af",
    file="geo/border_tj_af.geojson",
    title="Tajik–Afghan border line",
    caveat="A digitised line measures shorter than the surveyed river border: the official length is quoted beside it.",
    description=(
        "The border from the Uzbek tripoint to the Chinese tripoint, west to east: the DCW line (the "
        "one drawn) and Natural Earth lines at three scales, whole and split at the Khatlon/GBAO boundary."
    ),
    geometry_types=frozenset({"LineString"}),
    key="id",
    required_keys=frozenset({"dcw_full", "dcw_khatlon", "dcw_gbao"}),
    properties={
        "id": Column(pattern=r"^[a-z0-9_]+$"),
        "source": Column(),
        "resolution": Column(),
        "segment": Column(allowed=frozenset({"full", "khatlon", "gbao"})),
        "tj_region": Column(required=False),
        "source_id": Column(),
    },
)

GEO_RIVERS = GeoDataset(
    name="rivers",
    file="geo/rivers.geojson",
    title="Rivers",
    description="Permanent and additional major rivers (WDBII levels 1–3) near Tajikistan; names only where inferred.",
    geometry_types=frozenset({"LineString"}),
    properties={
        "level": Column("integer", minimum=0, maximum=10),
        "river_class": Column(),
        "name_inferred": Column(required=False),
        "source_id": Column(),
    },
)

GEO_DATASETS: dict[str, GeoDataset] = {d.name: d for d in (GEO_COUNTRIES, GEO_BORDER, GEO_RIVERS)}


def load_geo(name: str, data_dir: Path = DATA_DIR) -> gpd.GeoDataFrame:
    """Load a GeoJSON dataset: readable, WGS84, valid geometry of the right types, properties checked."""
    dataset = GEO_DATASETS[name]
    path = locate(data_dir, dataset.file)
    if not path.exists():
        raise DataError(dataset.file, "the file is missing")
    try:
        frame = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for unreadable input
        raise DataError(dataset.file, f"not a readable GeoJSON file ({type(exc).__name__})") from None
    if frame.empty:
        raise DataError(dataset.file, "the file has no features")
    if frame.crs is None or frame.crs.to_epsg() != 4326:
        raise DataError(dataset.file, f"coordinates must be WGS84 longitude/latitude (found {frame.crs})")
    fail = lambda mask, why: _first(mask, "geometry", why)  # noqa: E731
    for problem in (
        fail(frame.geometry.isna() | frame.geometry.is_empty, "a feature has no geometry"),
        fail(~frame.geom_type.isin(dataset.geometry_types), f"geometry must be {sorted(dataset.geometry_types)}"),
        fail(~frame.geometry.is_valid, "geometry is not valid (self-intersecting or unclosed)"),
    ):
        if problem:
            raise DataError(dataset.file, problem.message, row=problem.row + 1, column="geometry", unit="feature")
    west, south, east, north = frame.total_bounds
    if west < REGION_BOUNDS[0] or south < REGION_BOUNDS[1] or east > REGION_BOUNDS[2] or north > REGION_BOUNDS[3]:
        raise DataError(
            dataset.file,
            f"coordinates reach {west:.4g}..{east:.4g}°E, {south:.4g}..{north:.4g}°N, outside the region "
            "52–80°E, 29–45°N: not WGS84 longitude/latitude, or the axes are swapped",
        )
    missing = [c for c in dataset.properties if c not in frame.columns]
    if missing:
        raise DataError(dataset.file, f"missing propert(ies): {', '.join(missing)}")
    for column_name, column in dataset.properties.items():
        text = frame[column_name].map(lambda v: None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v))
        try:
            frame[column_name] = _check_column(dataset.file, text.astype(object), column_name, column)
        except DataError as error:  # report the feature number, not a CSV line
            feature = (error.row or 2) - 1
            raise DataError(dataset.file, error.message, row=feature, column=column_name, unit="feature") from None
    if dataset.key:
        duplicated = _first(frame[dataset.key].duplicated(), dataset.key, "is used by an earlier feature")
        if duplicated:
            raise DataError(
                dataset.file, duplicated.message, row=duplicated.row + 1, column=dataset.key, unit="feature"
            )
        absent = sorted(dataset.required_keys - set(frame[dataset.key]))
        if absent:
            raise DataError(dataset.file, f"the feature(s) {', '.join(absent)} the map needs are missing")
    known = set(read_csv(SOURCES, data_dir)["source_id"])
    unknown = _first(~frame["source_id"].isin(known), "source_id", "is not listed in data/sources.csv")
    if unknown:
        raise DataError(dataset.file, unknown.message, row=unknown.row + 1, column="source_id", unit="feature")
    return frame
