"""Trade between the two countries: IMF DOTS, each published figure, Tajikistan's trade and Russia's share,
and the UN Comtrade refresh. Periods and valuations are checked for their shape.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from dashboard.datasets.schema import (
    DIRECTIONS,
    QUALIFIERS,
    REFRESH_CAVEAT,
    Column,
    Dataset,
    Problem,
    Translated,
    first_problem,
)
from dashboard.datasets.sources import COMTRADE_LICENCE
from dashboard.formatting.catalogue import N_

FLOWS = frozenset({"total", "ru_to_tj", "tj_to_ru"})
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
        problem = first_problem(mask, column, message)
        if problem:
            return problem
    return None


def _has_value_or_growth(df: pd.DataFrame) -> Problem | None:
    return first_problem(
        df["value_usd_m"].isna() & df["yoy_growth_pct"].isna(), "value_usd_m", "needs a value or a growth rate"
    )


def qualifier_matches_value(df: pd.DataFrame) -> Problem | None:
    for value, qualifier in (("value_usd_m", "value_qualifier"), ("yoy_growth_pct", "growth_qualifier")):
        problem = first_problem(
            df[value].notna() != df[qualifier].notna(), qualifier, f"is given exactly when '{value}' is"
        )
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
    return first_problem(
        df["valuation"] != pd.Series(expected, index=df.index), "valuation", "exports are FOB, imports CIF"
    )


TRADE_DOTS = Dataset(
    name="trade_dots",
    file="trade_dots.csv",
    title=N_("Annual trade, IMF Direction of Trade Statistics"),
    caveat=(
        N_(
            "Each side's customs report of the same flow differs (exports FOB, imports CIF, timing, re-exports); "
            "both are kept. The series ends in 2020."
        )
    ),
    description=(
        N_(
            "Annual goods trade between Russia and Tajikistan as each country reported it to the "
            "IMF, 1993–2020, in US$ million. Exports are valued FOB, imports CIF."
        )
    ),
    columns={
        "year": Column("integer", minimum=1990, maximum=2100),
        "reporter": Column(allowed=frozenset({"imf_dots_rus", "imf_dots_tjk"})),
        "flow": Column(allowed=DIRECTIONS),
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
    title=N_("Published trade figures"),
    caveat=(
        N_(
            "Reporters disagree and early figures are revised: every statement is kept with its status, none is "
            "averaged or filled."
        )
    ),
    description=(
        N_(
            "Each bilateral trade figure as a reporter published it: full years and part years "
            "(quarters, halves, January to month N), in US$ million and/or year-on-year growth."
        )
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
        "note_ru": Column(required=False),  # the curators' note in Russian (scripts/ru, curate.py)
    },
    key=("figure_id",),
    checks=(_periods_well_formed, _has_value_or_growth, qualifier_matches_value, Translated("note")),
)


TRADE_CONTEXT = Dataset(
    name="trade_context",
    file="trade_context.csv",
    title=N_("Tajikistan's foreign trade and Russia's share"),
    caveat=N_("Tajik statistics, customs and officials can differ; part-year periods are not full years."),
    description=(
        N_(
            "Tajikistan's total trade, exports and imports, and Russia's share of them, as each reporter "
            "published them (US$ million or %)."
        )
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
        "note_ru": Column(required=False),  # the curators' note in Russian (scripts/ru, curate.py)
    },
    key=("figure_id",),
    checks=(_periods_well_formed, Translated("note")),
)


COMTRADE_REPORTERS = frozenset({"un_comtrade_rus", "un_comtrade_tjk"})
TRADE_COMTRADE = replace(
    TRADE_PUBLISHED,
    name="trade_comtrade",
    file="trade_comtrade.csv",
    title=N_("Annual trade, UN Comtrade (refreshed)"),
    description=(
        N_(
            "Each reporter's exports (FOB) and imports (CIF) with the other, and their sum, as reported to UN "
            "Comtrade; full years in US$ million."
        )
    ),
    caveat=REFRESH_CAVEAT
    + N_(" UN Comtrade's terms forbid redistribution: shown with attribution, never downloadable."),
    # the refresh writes its own English note (refresh/comtrade.py) and no Russian one: no note_ru here
    columns={
        **{name: column for name, column in TRADE_PUBLISHED.columns.items() if name != "note_ru"},
        "reporter": Column(allowed=COMTRADE_REPORTERS),
    },
    checks=tuple(check for check in TRADE_PUBLISHED.checks if check != Translated("note")),
    may_be_empty=True,
    licence=COMTRADE_LICENCE,
    refresh_source="comtrade",
)
