"""Everything the Trade page shows that does not depend on the viewer's choices, built once.

A rerun then only filters these frames by the view (years, reporters, unit) and picks the
projection inputs for one year: the heavy pandas work happens when the data is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.analytics import trade
from dashboard.analytics.events import events_on_axis
from dashboard.charts import trade as frames
from dashboard.state import MIRROR_FLOWS, UNITS

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

    dots: pd.DataFrame
    sources: pd.DataFrame
    events: pd.DataFrame
    last_dots_year: int
    year_range: tuple[int, int]
    annual: dict[str, pd.DataFrame]  # side -> DOTS lines plus later statements (US$ m)
    annual_frames: dict[tuple[str, str], pd.DataFrame]  # (side, unit) -> chart frame
    headline: dict[str, pd.DataFrame]  # side -> one total per year, for the KPIs
    mirror: dict[str, pd.DataFrame]  # flow -> both reporters and the gap (US$ m)
    mirror_frames: dict[tuple[str, str], pd.DataFrame]  # (flow, unit) -> chart frame
    published_totals: pd.DataFrame  # full-year totals after DOTS, projections included
    published_frames: dict[str, pd.DataFrame]  # unit -> chart frame of the above
    part_years: pd.DataFrame  # quarters, halves, January-to-month figures
    part_year_growth: pd.DataFrame  # chart frame of their published growth
    projections: dict[int, Projection]  # year -> inputs; only years that can be projected
    seed_case: tuple[int, str, float] | None  # the article's year, base figure and growth


def build_trade_model(
    reporters: pd.DataFrame,
    dots: pd.DataFrame,
    published: pd.DataFrame,
    events: pd.DataFrame,
    sources: pd.DataFrame,
) -> TradeModel:
    dots_long = trade.dots_measures(dots, reporters)
    full_years = trade.published_full_years(published, reporters)
    full_years_all = trade.published_full_years(published, reporters, include_projections=True)
    part_years = trade.part_year_figures(published, reporters)
    last_dots_year = int(dots["year"].max())
    annual = {side: trade.annual_for_side(dots_long, full_years, side) for side in SIDES_WITH_STATISTICS}
    mirror = {flow: trade.mirror_gap(dots, flow) for flow in MIRROR_FLOWS}
    published_totals = full_years_all[
        (full_years_all["measure"] == "total") & (full_years_all["year"] > last_dots_year)
    ]
    years = pd.concat([dots["year"], full_years["year"], part_years["year"]])
    return TradeModel(
        dots=dots,
        sources=sources,
        events=events_on_axis(events, "trade"),
        last_dots_year=last_dots_year,
        year_range=(int(years.min()), int(years.max())),
        annual=annual,
        annual_frames={(side, unit): frames.annual_frame(annual[side], unit) for side in annual for unit in UNITS},
        headline={side: trade.headline_totals(frame) for side, frame in annual.items()},
        mirror=mirror,
        mirror_frames={(flow, unit): frames.mirror_frame(mirror[flow], unit) for flow in mirror for unit in UNITS},
        published_totals=published_totals,
        published_frames={unit: frames.published_frame(published_totals, unit) for unit in UNITS},
        part_years=part_years,
        part_year_growth=frames.part_year_frame(part_years),
        projections={
            year: Projection(
                bases=trade.projection_bases(dots_long, full_years, year),
                growths=trade.projection_growths(part_years, year),
                outcomes=trade.full_year_outcomes(dots_long, full_years, year),
            )
            for year in trade.projection_years(dots_long, full_years, part_years)
        },
        seed_case=trade.seed_projection_case(full_years, part_years),
    )
