"""The full-year projection (previous full year × (1 + a published part-year growth)) and the
Russia Briefing article's trade figures set against what was published later: which totals a
projection may start from, which growth it applies, whether the pair is like with like
(`basis.compare`), and the verdict in words, every one decided by the numbers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.analytics.basis import PROJECTION, Comparison, Figure, compare
from dashboard.analytics.trade import ARTICLE_REPORTER, FIGURE_COLUMNS, figure_basis, money_range, rank_figures
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language


def combined_qualifier(*qualifiers: str) -> str:
    """The qualifier of a number computed from qualified inputs (bounds only survive together)."""
    kinds = set(qualifiers) - {"exact"}
    if not kinds:
        return "exact"
    return kinds.pop() if len(kinds) == 1 else "approximate"


def year_totals(dots_long: pd.DataFrame, full_years: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every full-year total for `year`: both DOTS series and every published statement."""
    dots = dots_long[(dots_long["measure"] == "total") & (dots_long["year"] == year)]
    published = full_years[(full_years["measure"] == "total") & (full_years["year"] == year)]
    parts = [p.reindex(columns=[*FIGURE_COLUMNS, "published_date"]) for p in (dots, published) if len(p)]
    if not parts:
        return pd.DataFrame(columns=[*FIGURE_COLUMNS, "published_date"])
    return pd.concat(parts, ignore_index=True)


def projection_bases(dots_long: pd.DataFrame, full_years: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every full-year total for `year` − 1 that a projection can start from, best first."""
    return rank_figures(year_totals(dots_long, full_years, year - 1)).reset_index(drop=True)


def full_year_outcomes(dots_long: pd.DataFrame, full_years: pd.DataFrame, year: int) -> pd.DataFrame:
    """What each reporter later said the full year's total was (DOTS included), one row each."""
    return year_totals(dots_long, full_years, year).sort_values(["side", "value_usd_m"], ignore_index=True)


def projection_growths(part_years: pd.DataFrame, year: int) -> pd.DataFrame:
    """Published part-year growth of total trade in `year`, latest period first."""
    rows = part_years[
        (part_years["flow"] == "total") & (part_years["year"] == year) & part_years["yoy_growth_pct"].notna()
    ]
    return rows.sort_values(["period_end_date", "figure_id"], ascending=[False, True], ignore_index=True)


def projection_years(dots_long: pd.DataFrame, full_years: pd.DataFrame, part_years: pd.DataFrame) -> list[int]:
    """Years with at least one part-year growth figure and a previous full year to apply it to."""
    with_growth = part_years.loc[(part_years["flow"] == "total") & part_years["yoy_growth_pct"].notna(), "year"]
    return sorted(int(y) for y in set(with_growth) if len(year_totals(dots_long, full_years, int(y) - 1)))


def default_growth(growths: pd.DataFrame, base: Mapping[str, Any]) -> pd.Series:
    """The growth a projection starts from: the latest its base's own reporter published (the one
    `projected` can apply), else the latest on the base's side, else the latest of all."""
    for same in (growths["label"] == base["label"], growths["side"] == base["side"]):
        if same.any():
            return growths[same].iloc[0]
    return growths.iloc[0]


def default_base(bases: pd.DataFrame, growths: pd.DataFrame) -> pd.Series:
    """The base a projection starts from: the best-ranked total whose reporter published a growth
    for the year (so the default projection is like with like), else the best-ranked total."""
    own = bases[bases["label"].isin(set(growths["label"]))]
    return (own if len(own) else bases).iloc[0]


def projected(base: Mapping[str, Any], growth_pct: float, published: Mapping[str, Any] | None) -> Comparison:
    """The full year if it grew as a part of it did, previous full year × (1 + growth):
    `basis.compare(PROJECTION, growth, base)`.

    A published growth must be the base's own reporter's (another's would set one reporter's
    figure against another's); a growth the viewer set (`published` None) is the viewer's
    assumption about the base's own figure, and always applies.
    """
    base_basis = figure_basis(base)
    growth_basis = base_basis if published is None else figure_basis(published)
    return compare(PROJECTION, Figure(growth_pct, growth_basis), Figure(float(base["value_usd_m"]), base_basis))


def article_projection_case(full_years: pd.DataFrame, part_years: pd.DataFrame) -> tuple[int, str, float] | None:
    """The article's own projection inputs, read from its rows: (year, base figure id, growth)."""
    article_growth = part_years[(part_years["reporter"] == ARTICLE_REPORTER) & part_years["yoy_growth_pct"].notna()]
    if article_growth.empty:
        return None
    growth = article_growth.iloc[0]
    year = int(growth["year"])
    base = full_years[
        (full_years["reporter"] == ARTICLE_REPORTER)
        & (full_years["measure"] == "total")
        & (full_years["year"] == year - 1)
    ]
    if base.empty:
        return None
    return year, str(base["figure_id"].iloc[0]), float(growth["yoy_growth_pct"])


@dataclass(frozen=True)
class ArticleTradeClaims:
    """The article's trade figures set against what was published later."""

    base_year: int
    base_usd_m: float
    base_status: str  # 'preliminary' when the article repeated an early estimate
    later_min_usd_m: float | None  # other final statements of the base year's total
    later_max_usd_m: float | None
    projected_year: int
    projected_usd_m: float | None  # the article's own stated projection, if in the data
    outcome_min_usd_m: float | None  # what reporters said that year turned out to be
    outcome_max_usd_m: float | None


def article_claims(full_years_all: pd.DataFrame, article_case: tuple[int, str, float]) -> ArticleTradeClaims:
    year, base_id, _ = article_case
    totals = full_years_all[full_years_all["measure"] == "total"]
    base = totals[totals["figure_id"] == base_id].iloc[0]
    final = totals[(totals["status"] == "final") & (totals["reporter"] != ARTICLE_REPORTER)]
    later = final[final["year"] == year - 1]["value_usd_m"]
    outcomes = final[final["year"] == year]["value_usd_m"]
    projection = totals[
        (totals["reporter"] == ARTICLE_REPORTER) & (totals["status"] == "projection") & (totals["year"] == year)
    ]
    return ArticleTradeClaims(
        base_year=year - 1,
        base_usd_m=float(base["value_usd_m"]),
        base_status=str(base["status"]),
        later_min_usd_m=float(later.min()) if len(later) else None,
        later_max_usd_m=float(later.max()) if len(later) else None,
        projected_year=year,
        projected_usd_m=float(projection["value_usd_m"].iloc[0]) if len(projection) else None,
        outcome_min_usd_m=float(outcomes.min()) if len(outcomes) else None,
        outcome_max_usd_m=float(outcomes.max()) if len(outcomes) else None,
    )


# The article's figure against the later record: (said while early?, where it falls) -> verdict
ARTICLE_VERDICTS = {
    (False, "below"): N_("below every later statement"),
    (False, "above"): N_("above every later statement"),
    (False, "within"): N_("within the later statements"),
    (True, "below"): N_("an early estimate, below every later statement"),
    (True, "above"): N_("an early estimate, above every later statement"),
    (True, "within"): N_("an early estimate, within the later statements"),
}


def article_trade_sentence(claims: ArticleTradeClaims, money: Callable[[float], str], lang: Language) -> str:
    """The article's trade figures against the later record, every verdict decided by the numbers."""
    _ = lang.gettext
    said = {"amount": money(claims.base_usd_m), "year": claims.base_year}
    if claims.later_min_usd_m is None or claims.later_max_usd_m is None:
        sentence = _(
            "The Russia Briefing article's {amount} for {year}: no later statement of that year's total is in the data."
        ).format(**said)
    else:
        later = money_range(claims.later_min_usd_m, claims.later_max_usd_m, money, lang)
        if claims.base_usd_m < claims.later_min_usd_m:
            where = "below"
        elif claims.base_usd_m > claims.later_max_usd_m:
            where = "above"
        else:
            where = "within"
        verdict = _(ARTICLE_VERDICTS[(claims.base_status == "preliminary", where)])
        sentence = _("The Russia Briefing article's {amount} for {year} was {verdict} ({later}).").format(
            **said, verdict=verdict, later=later
        )
    if claims.projected_usd_m is not None and claims.outcome_min_usd_m is not None:
        reached = claims.outcome_max_usd_m >= claims.projected_usd_m
        outcome = (
            _(
                "Its projection of about {amount} for {year} (shown as a projection) was reached: "
                "reporters later gave {outcomes}."
            )
            if reached
            else _(
                "Its projection of about {amount} for {year} (shown as a projection) was not reached: "
                "reporters later gave {outcomes}."
            )
        )
        sentence += " " + outcome.format(
            amount=money(claims.projected_usd_m),
            year=claims.projected_year,
            outcomes=money_range(claims.outcome_min_usd_m, claims.outcome_max_usd_m, money, lang),
        )
    return sentence
