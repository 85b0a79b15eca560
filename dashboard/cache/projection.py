"""The Trade page's full-year projection for one view, kept between reruns.

The projection the view asks for (made valid against the data), its bars beside the reported
outcomes, and the words of its controls are each worked out from the trade frames (shared.py)
and the view's values: about half of a Trade rerun's work when done on every rerun, for a view
that is nearly always one drawn before (a rerun of the page, a move of another control).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.cache.edition import per_edition
from dashboard.cache.shared import trade_frames
from dashboard.cache.specs import reporter_names
from dashboard.formatting import localized
from dashboard.formatting.language import Language
from dashboard.models.trade import (
    Projection,
    ProjectionChoice,
    choose_projection,
    period_words,
    projection_frame,
    status_words,
)


@per_edition(max_entries=64)
def in_years(years: tuple[int, int], lang: Language) -> Mapping[int, Projection]:
    """The years inside the chosen ones that have a part-year growth to project from, and their inputs."""
    return {year: inputs for year, inputs in trade_frames(lang).projections.items() if years[0] <= year <= years[1]}


@per_edition(max_entries=256)
def choice(
    years: tuple[int, int], year: int | None, base_id: str | None, growth: float | None, lang: Language
) -> ProjectionChoice:
    """`models.trade.choose_projection` for the view's year, base and growth (its fallbacks included)."""
    return choose_projection(in_years(years, lang), year, base_id, growth, lang)


@per_edition(max_entries=256)
def bars(
    years: tuple[int, int],
    year: int | None,
    base_id: str | None,
    growth: float | None,
    reporters: tuple[str, ...],
    unit: str,
    lang: Language,
) -> tuple[pd.DataFrame, pd.DataFrame, bool]:
    """The projection's chart frame, the rows its CSV and sources line read, and whether none of
    the chosen reporters has published the full year yet."""
    chosen = choice(years, year, base_id, growth, lang)
    outcomes = in_years(years, lang)[chosen.year].outcomes
    outcomes = outcomes[outcomes["side"].isin(reporters)]
    frame = projection_frame(chosen, outcomes, unit, lang, reporter_names(lang))
    return frame, frame.drop(columns=["value", "value_text"]), outcomes.empty


def _reporter(label: str, lang: Language) -> str:
    return reporter_names(lang).get(label, label)


@per_edition(max_entries=256)
def base_labels(year: int, unit: str, lang: Language) -> dict[str, str]:
    """Each full-year total the projection may start from, by figure id: its amount and reporter
    (and its status when not final), as the base's list names them."""
    bases = trade_frames(lang).projections[year].bases
    return {
        row.figure_id: f"{localized.money(row.value_usd_m, lang, unit, row.qualifier)}, {_reporter(row.label, lang)}"
        + (f" ({status_words(row.status, lang)})" if row.status != "final" else "")
        for row in bases.itertuples()
    }


@per_edition(max_entries=64)
def published_growths(year: int, lang: Language) -> str:
    """The year's latest six published part-year growth figures, each with its period and reporter."""
    latest = trade_frames(lang).projections[year].growths.head(6)
    return "; ".join(
        f"{period}: {localized.percent(row.yoy_growth_pct, lang, row.growth_qualifier)} ({_reporter(row.label, lang)})"
        for period, row in zip(period_words(latest, lang), latest.itertuples(), strict=True)
    )


@per_edition(max_entries=64)
def base_value(year: int, figure_id: str, lang: Language) -> float:
    """One full-year total the projection of `year` may start from, US$ m (the article's base)."""
    return trade_frames(lang).projections[year].bases.set_index("figure_id").loc[figure_id, "value_usd_m"]
