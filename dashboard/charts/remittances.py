"""Remittance charts: the World Bank series with other sources beside it, shocks marked."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.theme import INK, MUTED, SIDE_COLORS, basis_tooltips, percent_axis
from dashboard.charts.trade import event_rules

WB_COLOR = "#1F2933"
OTHERS_COLOR = "#9CA3AF"


def _year_x(title: str | None = "Year") -> alt.X:
    return alt.X(
        "year:Q", title=title, axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(nice=False, zero=False)
    )


def remittances_chart(
    backbone: pd.DataFrame, others: pd.DataFrame, events: pd.DataFrame, years: tuple[int, int], measure: str, title: str
) -> alt.LayerChart:
    """One measure over time: the World Bank line (broken at gaps), other sources as points, events numbered."""
    y = alt.Y("value:Q", title=title, axis=percent_axis() if measure == "pct_gdp" else alt.Axis(format=",.0f"))
    line = (
        alt.Chart(backbone)
        .mark_line(color=WB_COLOR, point=alt.OverlayMarkDef(color=WB_COLOR, size=22))
        .encode(
            x=_year_x(),
            y=y,
            detail="segment:N",
            tooltip=[alt.Tooltip("value_text:N", title=title), *basis_tooltips()],
        )
    )
    layers: list[alt.TopLevelMixin] = [line]
    if len(others):
        layers.append(
            alt.Chart(others)
            .mark_point(color=OTHERS_COLOR, size=45, filled=False, strokeWidth=1.5)
            .encode(
                x=_year_x(),
                y=y,
                tooltip=[
                    alt.Tooltip("value_text:N", title=title),
                    alt.Tooltip("figure_id:N", title="Figure"),
                    alt.Tooltip("note:N", title="Note"),
                    *basis_tooltips(),
                ],
            )
        )
    layers.append(event_rules(events, years))
    return alt.layer(*layers).properties(height=260).resolve_scale(y="shared")


def russia_chart(frame: pd.DataFrame) -> alt.Chart:
    """Transfers from Russia (Central Bank of Russia and Russian officials) against the World Bank total."""
    colors = {"World Bank: all remittances": WB_COLOR, "Sent from Russia (as published)": SIDE_COLORS["Russia"]}
    return (
        alt.Chart(frame)
        .mark_point(filled=True, size=60)
        .encode(
            x=_year_x(),
            y=alt.Y("value:Q", title="US$ m"),
            color=alt.Color(
                "what:N",
                title=None,
                scale=alt.Scale(domain=list(colors), range=list(colors.values())),
                legend=alt.Legend(orient="bottom"),
            ),
            shape=alt.Shape("what:N", legend=None),
            tooltip=[
                alt.Tooltip("what:N", title="Series"),
                alt.Tooltip("value:Q", format=",.0f", title="US$ m"),
                alt.Tooltip("note:N", title="Note"),
                *basis_tooltips(),
            ],
        )
        .properties(height=240)
    )


def migrants_chart(frame: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(frame)
        .mark_point(filled=True, size=60, color=SIDE_COLORS["Tajikistan"])
        .encode(
            x=_year_x(),
            y=alt.Y("value:Q", title="People", axis=alt.Axis(format="~s")),
            tooltip=[
                alt.Tooltip("value:Q", format=",", title="People"),
                alt.Tooltip("note:N", title="What was counted"),
                *basis_tooltips(),
            ],
        )
        .properties(height=220)
    )


def shock_chart(bars: pd.DataFrame) -> alt.Chart:
    """Remittances before and after the shock, split into the part from Russia and the rest."""
    colors = {"From Russia": SIDE_COLORS["Russia"], "From elsewhere": MUTED}
    return (
        alt.Chart(bars)
        .mark_bar()
        .encode(
            y=alt.Y("case:N", title=None, sort=["Before", "After the shock"]),
            x=alt.X("value:Q", title="US$ m", stack="zero"),
            color=alt.Color(
                "part:N",
                title=None,
                scale=alt.Scale(domain=list(colors), range=list(colors.values())),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("case:N"),
                alt.Tooltip("part:N"),
                alt.Tooltip("value:Q", format=",.0f", title="US$ m"),
                *basis_tooltips(),
            ],
        )
        .properties(height=alt.Step(34))
    )


def claim_chart(window: pd.DataFrame) -> alt.LayerChart:
    bars = (
        alt.Chart(window.dropna(subset=["change_pct"]))
        .mark_bar(color=INK)
        .encode(
            x=alt.X("year:O", title="Year", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("change_pct:Q", title="Change on the year before", axis=percent_axis()),
            color=alt.condition(
                "datum.change_pct < 0", alt.value(SIDE_COLORS["Russia"]), alt.value(SIDE_COLORS["Tajikistan"])
            ),
            tooltip=[alt.Tooltip("change_pct:Q", format="+.1f", title="Change, %"), *basis_tooltips()],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color=MUTED).encode(y="y:Q")
    return (bars + zero).properties(height=180)
