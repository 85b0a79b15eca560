"""Product charts: top products, HS sections, trends, and the coverage strip."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.theme import INK, MUTED, SIDE_COLORS

STATUS_COLORS = {
    "full breakdown": "#1F2933",
    "partial breakdown": "#6B7280",
    "some values": "#9CB8DA",
    "growth or mention only": "#E5E7EB",
}


def top_products_chart(ranked: pd.DataFrame, color: str) -> alt.Chart:
    """Sorted bars of the largest products, labelled with their share where it is known."""
    base = alt.Chart(ranked).encode(
        y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("value_usd_m:Q", title="US$ m"),
        tooltip=[
            alt.Tooltip("hs:N", title="HS"),
            alt.Tooltip("description:N", title="Description"),
            alt.Tooltip("value_usd_m:Q", format=",.1f", title="US$ m"),
            alt.Tooltip("share_pct:Q", format=".1f", title="Share of the direction, %"),
        ],
    )
    bars = base.mark_bar(color=color)
    shares = base.mark_text(align="left", dx=4, fontSize=11, color=INK).encode(text="share_text:N")
    return (bars + shares).properties(height=alt.Step(22))


def sections_chart(sections: pd.DataFrame, color: str) -> alt.Chart:
    return (
        alt.Chart(sections)
        .mark_bar(color=color, opacity=0.8)
        .encode(
            y=alt.Y("section_label:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("value_usd_m:Q", title="US$ m"),
            tooltip=[
                alt.Tooltip("section_label:N", title="HS section"),
                alt.Tooltip("value_usd_m:Q", format=",.1f", title="US$ m"),
                alt.Tooltip("share_pct:Q", format=".1f", title="Share, %"),
            ],
        )
        .properties(height=alt.Step(20))
    )


def trend_chart(trends: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(trends)
        .mark_point(size=80, filled=True)  # points only: the periods are not consecutive, a line would bridge gaps
        .encode(
            x=alt.X("period_end:T", title="End of period"),
            y=alt.Y("value_usd_m:Q", title="US$ m"),
            color=alt.Color("family:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=320)),
            tooltip=[
                alt.Tooltip("product_name:N", title="Product"),
                alt.Tooltip("period:N", title="Period"),
                alt.Tooltip("value_usd_m:Q", format=",.1f", title="US$ m"),
                alt.Tooltip("publisher:N", title="Source"),
                alt.Tooltip("note:N", title="Note"),
            ],
        )
        .properties(height=220)
    )


def coverage_chart(coverage: pd.DataFrame) -> alt.Chart:
    """Per year and direction, what product data exists — so a gap is not read as a zero."""
    return (
        alt.Chart(coverage)
        .mark_rect(stroke="#FFFFFF", strokeWidth=2)
        .encode(
            x=alt.X(
                "year:O",
                title=None,
                axis=alt.Axis(labelAngle=0, labelOverlap=True),
                scale=alt.Scale(domain=list(range(int(coverage["year"].min()), int(coverage["year"].max()) + 1)))
                if len(coverage)
                else alt.Undefined,
            ),
            y=alt.Y("direction_label:N", title=None, sort=["Russia → Tajikistan", "Tajikistan → Russia"]),
            color=alt.Color(
                "status:N",
                title="Product data",
                scale=alt.Scale(domain=list(STATUS_COLORS), range=list(STATUS_COLORS.values())),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("year:O"),
                alt.Tooltip("direction_label:N", title="Direction"),
                alt.Tooltip("status:N", title="Data"),
                alt.Tooltip("detail:N", title="Detail"),
            ],
        )
        .properties(height=alt.Step(30))
    )


DIRECTION_COLORS = {"ru_to_tj": SIDE_COLORS["Russia"], "tj_to_ru": SIDE_COLORS["Tajikistan"]}
NEUTRAL = MUTED
