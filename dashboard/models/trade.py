"""Everything the Trade page shows that does not depend on the viewer's choices, built once.

A rerun then only filters these frames by the view (years, reporters, unit) and picks the
projection inputs for one year: the heavy pandas work happens when the data is loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from dashboard.analytics import trade
from dashboard.analytics.events import events_on_axis
from dashboard.charts import trade as frames
from dashboard.formatting import UNITS
from dashboard.session.state import MIRROR_FLOWS, Repair

SIDES_WITH_STATISTICS = ("russia", "tajikistan")


@dataclass(frozen=True)
class Projection:
    """The inputs a projection for one year can use."""

    bases: pd.DataFrame  # full-year totals of the previous year, best first
    growths: pd.DataFrame  # published part-year growth of the year, latest period first
    outcomes: pd.DataFrame  # what each reporter later said the full year was


@dataclass(frozen=True)
class TradeModel:
    """Shared, read-only frames (they live in a resource cache: callers must not mutate them)."""

    sources: pd.DataFrame
    events: pd.DataFrame
    dots_years: tuple[int, int]
    year_range: tuple[int, int]
    annual: dict[str, pd.DataFrame]  # side -> DOTS lines plus later statements (US$ m)
    headline: dict[str, pd.DataFrame]  # side -> one total per year, for the KPIs
    mirror: dict[str, pd.DataFrame]  # flow -> both reporters and the gap (US$ m)
    published_totals: pd.DataFrame  # full-year totals after DOTS, projections included
    part_years: pd.DataFrame  # quarters, halves, January-to-month figures
    part_year_growth: pd.DataFrame  # chart frame of their published growth
    dots_long: pd.DataFrame  # DOTS as one row per reporter, measure and year: a projection's bases and outcomes
    full_years: pd.DataFrame  # published full-year figures, projections left out
    article_case: tuple[int, str, float] | None  # the article's year, base figure and growth
    article_claims: trade.ArticleTradeClaims | None
    reporting_note: str = ""  # a reporter whose statistics stopped before the other's, said in words
    set_aside: tuple[str, ...] = ()  # optional files that could not be read, left out as if missing


def build_trade_model(
    reporters: pd.DataFrame,
    dots: pd.DataFrame,
    published: pd.DataFrame,
    events: pd.DataFrame,
    sources: pd.DataFrame,
) -> TradeModel:
    dots_long = trade.dots_measures(dots, reporters)
    full_years = trade.published_full_years(published, reporters, sources)
    full_years_all = trade.published_full_years(published, reporters, sources, include_projections=True)
    part_years = trade.part_year_figures(published, reporters, sources)
    dots_years = (int(dots["year"].min()), int(dots["year"].max()))
    annual = {side: trade.annual_for_side(dots_long, full_years, side) for side in SIDES_WITH_STATISTICS}
    mirror = {flow: trade.mirror_gap(dots, flow) for flow in MIRROR_FLOWS}
    after_dots = (full_years_all["measure"] == "total") & (full_years_all["year"] > dots_years[1])
    published_totals = full_years_all[after_dots]
    years = pd.concat([dots["year"], full_years["year"], part_years["year"]])
    article_case = trade.article_projection_case(full_years, part_years)
    return TradeModel(
        sources=sources,
        events=events_on_axis(events, "trade"),
        dots_years=dots_years,
        year_range=(int(years.min()), int(years.max())),
        annual=annual,
        headline={side: trade.headline_totals(frame) for side, frame in annual.items()},
        mirror=mirror,
        published_totals=published_totals,
        part_years=part_years,
        part_year_growth=frames.part_year_frame(part_years),
        dots_long=dots_long,
        full_years=full_years,
        article_case=article_case,
        article_claims=trade.article_claims(full_years_all, article_case) if article_case else None,
        reporting_note=trade.reporting_stopped(full_years),
    )


@dataclass(frozen=True)
class TradeFrames:
    """What only the Trade page draws, built on its first use (the cache's own entry, shared.trade_frames):
    the Overview, which shares the model and opens first, does not wait for them."""

    annual_frames: dict[tuple[str, str], pd.DataFrame]  # (side, unit) -> chart frame
    mirror_frames: dict[tuple[str, str], pd.DataFrame]  # (flow, unit) -> chart frame
    published_frames: dict[str, pd.DataFrame]  # unit -> chart frame of the published totals
    projections: dict[int, Projection]  # year -> inputs; only years that can be projected


def build_trade_frames(model: TradeModel) -> TradeFrames:
    full_years, part_years = model.full_years, model.part_years
    return TradeFrames(
        annual_frames={
            (side, unit): frames.annual_frame(annual, unit) for side, annual in model.annual.items() for unit in UNITS
        },
        mirror_frames={
            (flow, unit): frames.mirror_frame(gap, flow, unit) for flow, gap in model.mirror.items() for unit in UNITS
        },
        published_frames={unit: frames.published_frame(model.published_totals, unit) for unit in UNITS},
        projections={
            year: Projection(
                bases=trade.projection_bases(model.dots_long, full_years, year),
                growths=trade.projection_growths(part_years, year),
                outcomes=trade.full_year_outcomes(model.dots_long, full_years, year),
            )
            for year in trade.projection_years(model.dots_long, full_years, part_years)
        },
    )


@dataclass(frozen=True)
class ProjectionChoice:
    """The projection the view asks for, made valid against the data."""

    year: int
    base: pd.Series
    growth: float
    published_growth: pd.Series  # the published part-year figure the growth starts from
    projected_usd_m: float
    qualifier: str
    repairs: list[Repair] = field(default_factory=list)


def choose_projection(
    projections: Mapping[int, Projection], year: int | None, base_id: str | None, growth: float | None
) -> ProjectionChoice:
    """Apply the view's choices, falling back to the data's defaults (and saying so) where invalid.

    Defaults: the latest year that can be projected; its best-ranked previous full year; and the
    latest published part-year growth on that figure's side. The projection carries the base's
    qualifier, and the published growth's too while the growth is left at that figure.
    """
    repairs = []
    chosen_year = year if year in projections else max(projections)
    if year is not None and year != chosen_year:
        repairs.append(
            Repair("proj_year", str(year), str(chosen_year), "has no part-year growth figure to project from")
        )
        base_id, growth = None, None
    inputs = projections[chosen_year]
    bases = inputs.bases.set_index("figure_id", drop=False)
    chosen_base = base_id if base_id in bases.index else str(inputs.bases["figure_id"].iloc[0])
    if base_id is not None and base_id != chosen_base:
        reason = f"is not a full-year total for {chosen_year - 1}"
        repairs.append(Repair("proj_base", base_id, chosen_base, reason))
    base = bases.loc[chosen_base]
    published = trade.default_growth(inputs.growths, str(base["side"]))
    chosen_growth = float(published["yoy_growth_pct"]) if growth is None else growth
    qualifiers = [str(base["qualifier"])]
    if chosen_growth == float(published["yoy_growth_pct"]):
        qualifiers.append(str(published["growth_qualifier"]))
    return ProjectionChoice(
        year=chosen_year,
        base=base,
        growth=chosen_growth,
        published_growth=published,
        projected_usd_m=trade.project_full_year(float(base["value_usd_m"]), chosen_growth),
        qualifier=trade.combined_qualifier(*qualifiers),
        repairs=repairs,
    )
