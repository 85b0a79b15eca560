"""Product charts: top products, HS sections, trends, and the coverage strip."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.theme import INK, MUTED, SIDE_COLORS, percent_axis
from dashboard.formatting import FLOW_LABELS

DIRECTION_COLORS = {"ru_to_tj": SIDE_COLORS["Russia"], "tj_to_ru": SIDE_COLORS["Tajikistan"]}
DIRECTION_LABELS = {direction: FLOW_LABELS[direction] for direction in DIRECTION_COLORS}
NEUTRAL = MUTED

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


def published_chart(figures: pd.DataFrame, axis_title: str, color: str) -> alt.LayerChart:
    """One bar per published figure, labelled with its period and publisher; 'over 40%' marks a bound.

    Bars of figures that are not exact are hollow, so a lower bound never reads as a measurement.
    """
    base = alt.Chart(figures).encode(
        y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=300)),
        x=alt.X("measure:Q", title=axis_title, axis=percent_axis() if "%" in axis_title else alt.Axis(format=",~f")),
        tooltip=[
            alt.Tooltip("product_name:N", title="Product"),
            alt.Tooltip("period:N", title="Period"),
            alt.Tooltip("text:N", title="As published"),
            alt.Tooltip("base:N", title="Of"),
            alt.Tooltip("publisher:N", title="Source"),
        ],
    )
    exact = base.transform_filter("datum.qualifier == 'exact'").mark_bar(color=color)
    bound = base.transform_filter("datum.qualifier != 'exact'").mark_bar(
        color=color, fillOpacity=0.15, stroke=color, strokeWidth=1.5, strokeDash=[4, 2]
    )
    text = base.mark_text(align="left", dx=4, fontSize=11, color=INK).encode(text="text:N")
    return alt.layer(exact, bound, text).properties(height=alt.Step(34))


def concentration_chart(frame: pd.DataFrame, field: str, title: str) -> alt.LayerChart:
    """A concentration measure per direction over the years; a year without data breaks the line."""
    base = alt.Chart(frame).encode(
        x=alt.X(
            "year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False, nice=False)
        ),
        y=alt.Y(f"{field}:Q", title=title, axis=percent_axis() if "%" in title else alt.Axis(format=",~f")),
        color=alt.Color(
            "direction_label:N",
            title=None,
            scale=alt.Scale(domain=list(DIRECTION_LABELS.values()), range=list(DIRECTION_COLORS.values())),
            legend=alt.Legend(orient="bottom"),
        ),
        tooltip=[
            alt.Tooltip("direction_label:N", title="Direction"),
            alt.Tooltip("year:Q", format="d", title="Year"),
            alt.Tooltip("top3_share_pct:Q", format=".1f", title="Top 3 share, %"),
            alt.Tooltip("hhi:Q", format=",.0f", title="HHI"),
            alt.Tooltip("products:Q", format=",d", title="Codes traded"),
        ],
    )
    return alt.layer(base.mark_line().encode(detail="segment:N"), base.mark_point(filled=True, size=24)).properties(
        height=200
    )


def yearly_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Each product's value by year, one line per product; a year it was not traded breaks its line."""
    base = alt.Chart(frame).encode(
        x=alt.X(
            "year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False, nice=False)
        ),
        y=alt.Y("value_usd_m:Q", title="US$ m", axis=alt.Axis(format=",~f")),
        color=alt.Color("product:N", title=None, legend=alt.Legend(orient="bottom", columns=1, labelLimit=360)),
        tooltip=[
            alt.Tooltip("product:N", title="Product"),
            alt.Tooltip("year:Q", format="d", title="Year"),
            alt.Tooltip("value_usd_m:Q", format=",.2f", title="US$ m"),
            alt.Tooltip("share_pct:Q", format=".1f", title="Share of the direction, %"),
        ],
    )
    return alt.layer(base.mark_line().encode(detail="segment:N"), base.mark_point(filled=True, size=24)).properties(
        height=220
    )
