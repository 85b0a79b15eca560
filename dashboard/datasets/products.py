"""Products: what each side's sources name and value, breakdowns by HS heading (curated and UN Comtrade),
and CEPII BACI's every HS6 flow.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from dashboard.datasets.schema import DIRECTIONS, QUALIFIERS, Column, Dataset, Problem, first_problem
from dashboard.datasets.sources import COMTRADE_LICENCE
from dashboard.datasets.trade import COMTRADE_REPORTERS, TRADE_COMTRADE, qualifier_matches_value
from dashboard.formatting.catalogue import N_


def _one_measure_at_least(df: pd.DataFrame) -> Problem | None:
    """A product row is a named main flow, or it carries a value, a share, or a note of growth."""
    return first_problem(
        (df["mention"] == "main_flow") & (df["value_usd_m"].notna() | df["share_pct"].notna()),
        "mention",
        "a 'main_flow' mention carries no value (values are 'figure' rows)",
    )


def _share_says_of_what(df: pd.DataFrame) -> Problem | None:
    return first_problem(
        df["share_pct"].notna() & df["share_of"].isna(), "share_of", "a share must say what it is a share of"
    )


def _breakdown_complete_flag_consistent(df: pd.DataFrame) -> Problem | None:
    if df.empty:
        return None
    mixed = df.groupby(["direction", "year", "reporter"])["complete"].transform("nunique") > 1
    return first_problem(mixed, "complete", "is the same for every row of one direction, year and reporter")


def _share_qualified(df: pd.DataFrame) -> Problem | None:
    return first_problem(
        df["share_pct"].notna() != df["share_qualifier"].notna(),
        "share_qualifier",
        "is given exactly when 'share_pct' is",
    )


HS_CODES = r"^(\d{2}(\d{2}){0,2}(-\d{2})?)(;\d{2}(\d{2}){0,2})*$"

PRODUCTS = Dataset(
    name="products",
    file="products.csv",
    title=N_("Products named and valued"),
    caveat=(
        N_(
            "Shares are of different bases (Russia's exports, Tajikistan's imports of a good …) and are never "
            "compared or summed."
        )
    ),
    description=(
        N_(
            "Products each side's sources name as main flows (the Russia Briefing article's OEC headings) and every "
            "published value or share for a product or product group, with its period."
        )
    ),
    columns={
        "product_id": Column(pattern=r"^PRD-\d{3}$"),
        "direction": Column(allowed=DIRECTIONS),
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
        "note_ru": Column(),  # the curators' note in Russian (scripts/ru, curate.py)
    },
    key=("product_id",),
    checks=(_one_measure_at_least, _share_says_of_what, qualifier_matches_value, _share_qualified),
)

BREAKDOWN = Dataset(
    name="product_breakdown",
    file="product_breakdown.csv",
    title=N_("Product breakdowns"),
    description=(
        N_(
            "Values by HS heading for one direction, year and reporter (e.g. from a UN Comtrade refresh); "
            "'complete' when the rows cover the whole direction, so shares of its total can be computed."
        )
    ),
    columns={
        "direction": Column(allowed=DIRECTIONS),
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
    title=N_("Products in full, CEPII BACI (refreshed)"),
    description=(
        N_(
            "Every HS6 product Russia sold Tajikistan and Tajikistan sold Russia, per year: value in US$ thousand "
            "and quantity in tonnes as BACI publishes them (quantity empty where BACI has none)."
        )
    ),
    caveat=(
        N_(
            "Filled by `python -m dashboard.refresh baci` (see docs/refresh.md); empty in a fresh checkout. "
            "BACI reconciles the exporter's and the importer's declarations (imports brought to FOB): it is neither "
            "side's own figure."
        )
    ),
    columns={
        "direction": Column(allowed=DIRECTIONS),
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
    title=N_("HS6 product descriptions, CEPII BACI (refreshed)"),
    description=(
        N_(
            "BACI's own description of each HS6 code in baci_products.csv, in the release's HS revision (HS92 codes "
            "are not all in today's nomenclature)."
        )
    ),
    caveat=N_("Filled by `python -m dashboard.refresh baci` with baci_products.csv; empty in a fresh checkout."),
    columns={"hs6": Column(pattern=r"^(\d{6}|\d{4}[0-9A-Z]{2})$"), "description": Column(), "source_id": Column()},
    key=("hs6",),
    may_be_empty=True,
    refresh_source="baci",
)


COMTRADE_PRODUCTS = replace(
    BREAKDOWN,
    name="comtrade_products",
    file="comtrade_products.csv",
    title=N_("Product breakdowns, UN Comtrade (refreshed)"),
    description=N_("Values by HS4 heading per direction, year and reporter, from UN Comtrade with a subscription key."),
    caveat=TRADE_COMTRADE.caveat,
    columns={**BREAKDOWN.columns, "reporter": Column(allowed=COMTRADE_REPORTERS)},
    licence=COMTRADE_LICENCE,
    refresh_source="comtrade",
)
