"""Small trend lines for the Overview: enough to see direction, the pages hold the detail."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.theme import (
    INK,
    SIDE_COLORS,
    SIDE_DASHES,
    basis_tooltips,
    color_scale,
    dash_scale,
    line_legend,
    percent_axis,
)
from dashboard.formatting.language import Language


def _year_x() -> alt.X:
    return alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1, labelOverlap=True))


def trade_trend(totals: pd.DataFrame, unit_label: str, lang: Language) -> alt.Chart:
    """Annual bilateral trade as each side reports it, in the viewer's unit (columns year, side, value,
    value_text and how each figure stands: models.overview.trade_trend_frame; `side` in the
    viewer's language, so the reporters' fixed colours are looked up by their name in it)."""
    _ = lang.gettext
    colors = {_(side): color for side, color in SIDE_COLORS.items()}
    side_dashes = {_(side): dash for side, dash in SIDE_DASHES.items()}
    sides = {side: colors[side] for side in totals["side"].unique() if side in colors}
    dashes = {side: side_dashes[side] for side in sides}
    return (
        alt.Chart(
            totals,
            # a third of the page wide: the unit on a line of its own, so no language's title is cut
            title=alt.TitleParams(_("Bilateral trade"), subtitle=_("{unit}, by reporter").format(unit=unit_label)),
        )
        .mark_line(point=alt.OverlayMarkDef(size=18))
        .encode(
            x=_year_x(),
            y=alt.Y("value:Q", title=unit_label, axis=alt.Axis(format=",.2~f")),
            color=alt.Color(
                "side:N",
                title=None,
                scale=color_scale(sides),
                legend=line_legend(orient="top-left", direction="horizontal", fillColor="white"),
            ),
            strokeDash=alt.StrokeDash(
                "side:N",
                title=None,
                scale=dash_scale(dashes),
                legend=line_legend(orient="top-left", direction="horizontal", fillColor="white"),
            ),
            tooltip=[
                alt.Tooltip("side:N", title=_("Side")),
                alt.Tooltip("value_text:N", title=_("Trade")),
                *basis_tooltips(lang=lang),
            ],
        )
        .properties(height=150)
    )


def remittances_trend(backbone: pd.DataFrame, lang: Language) -> alt.Chart:
    """Remittances as % of GDP, World Bank (columns year, pct_gdp, segment): broken where a year is missing."""
    _ = lang.gettext
    return (
        alt.Chart(backbone, title=alt.TitleParams(_("Remittances, % of GDP"), subtitle=_("World Bank")))
        .mark_line(color=INK, point=alt.OverlayMarkDef(size=18, color=INK))
        .encode(
            x=_year_x(),
            y=alt.Y("pct_gdp:Q", title=_("% of GDP"), axis=percent_axis(lang=lang), scale=alt.Scale(zero=True)),
            detail="segment:N",
            tooltip=[alt.Tooltip("pct_gdp:Q", format=".1f", title=_("% of GDP")), *basis_tooltips(lang=lang)],
        )
        .properties(height=150)
    )
