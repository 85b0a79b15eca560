"""Product charts: top products, HS sections, trends, and the coverage strip."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.theme import INK, SIDE_COLORS, basis_tooltips, percent_axis
from dashboard.formatting import FLOW_LABELS

DIRECTION_COLORS = {"ru_to_tj": SIDE_COLORS["Russia"], "tj_to_ru": SIDE_COLORS["Tajikistan"]}
DIRECTION_LABELS = {direction: FLOW_LABELS[direction] for direction in DIRECTION_COLORS}

STATUS_COLORS = {
    "full breakdown": "#1F2933",
    "partial breakdown": "#6B7280",
    "some values": "#9CB8DA",
    "growth or mention only": "#E5E7EB",
}


def money_axis() -> alt.Axis:
    """A US$ m axis with few enough ticks for a phone."""
    return alt.Axis(format=",~f", tickCount=5, labelOverlap=True)


# Bars with their label above them, across the chart's whole width: long product names and
# periods stay readable at a half-column or on a phone, where a label axis would take half the
# width and squeeze the bars.
BAR_ROW = 40


def labelled_bars(
    frame: pd.DataFrame,
    label: str,
    value: str,
    axis: tuple[str, alt.Axis],
    value_text: str,
    tooltip: list,
    color: str,
    hollow: str | None = None,
) -> alt.LayerChart:
    """One bar per row, in the frame's order, its label above it and its value text at its end.

    The value axis runs a third past the largest bar, so its text fits at phone width too. Rows
    for which the `hollow` expression holds are drawn as dashed outlines (a bound, an
    approximation), so they never read as a measurement.
    """
    values = frame[value] if len(frame) else pd.Series([0.0])
    domain = [min(0.0, float(values.min())), max(float(values.max()), 0.0) * 1.35 or 1.0]
    title, value_axis = axis
    x = alt.X(f"{value}:Q", title=title, axis=value_axis, scale=alt.Scale(domain=domain, nice=False))
    base = alt.Chart(frame).encode(y=alt.Y(f"{label}:N", title=None, sort=None, axis=None), tooltip=tooltip)
    solid = base.encode(x=x).mark_bar(color=color, size=14, yOffset=8)
    layers = [solid.transform_filter(f"!({hollow})") if hollow else solid]
    if hollow:
        outline = {"fillOpacity": 0.15, "stroke": color, "strokeWidth": 1.5, "strokeDash": [4, 2]}
        layers.append(base.encode(x=x).transform_filter(hollow).mark_bar(color=color, size=14, yOffset=8, **outline))
    names = base.mark_text(
        align="left", baseline="middle", yOffset=-9, fontSize=11, color=INK, limit=alt.ExprRef("width")
    )
    layers.append(names.encode(x=alt.value(0), text=f"{label}:N"))
    layers.append(
        base.encode(x=x).mark_text(align="left", dx=4, yOffset=8, fontSize=11, color=INK).encode(text=value_text)
    )
    return alt.layer(*layers).properties(height=alt.Step(BAR_ROW))


def top_products_chart(ranked: pd.DataFrame, color: str) -> alt.LayerChart:
    """Sorted bars of the largest products, labelled with their share where it is known."""
    tooltip = [
        alt.Tooltip("hs:N", title="HS"),
        alt.Tooltip("description:N", title="Description"),
        alt.Tooltip("value_usd_m:Q", format=",.1f", title="US$ m"),
        alt.Tooltip("share_pct:Q", format=".1f", title="Share of the direction, %"),
        *basis_tooltips(),
    ]
    return labelled_bars(ranked, "label", "value_usd_m", ("US$ m", money_axis()), "share_text:N", tooltip, color)


def sections_chart(sections: pd.DataFrame, color: str) -> alt.LayerChart:
    """Values by HS section, largest first, with the section's share of the direction."""
    tooltip = [
        alt.Tooltip("section_label:N", title="HS section"),
        alt.Tooltip("value_usd_m:Q", format=",.1f", title="US$ m"),
        alt.Tooltip("share_pct:Q", format=".1f", title="Share, %"),
        *basis_tooltips(),
    ]
    return labelled_bars(
        sections, "section_label", "value_usd_m", ("US$ m", money_axis()), "share_text:N", tooltip, color
    )


def trend_chart(trends: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(trends)
        .mark_point(size=80, filled=True)  # points only: the periods are not consecutive, a line would bridge gaps
        .encode(
            # padded so points at the ends are not cut in half; months named with their year
            x=alt.X(
                "period_end:T",
                title="End of period",
                scale=alt.Scale(padding=24),
                axis=alt.Axis(format="%b %Y", labelOverlap=True, tickCount=6),
            ),
            y=alt.Y("value_usd_m:Q", title="US$ m"),
            color=alt.Color("family:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=320)),
            tooltip=[
                alt.Tooltip("product_name:N", title="Product"),
                alt.Tooltip("period:N", title="Period"),
                alt.Tooltip("value_usd_m:Q", format=",.1f", title="US$ m"),
                alt.Tooltip("note:N", title="Note"),
                *basis_tooltips(),
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
    """One bar per published figure, labelled with its product, period and publisher; 'over 40%'
    marks a bound, and bars of figures that are not exact are hollow."""
    tooltip = [
        alt.Tooltip("product_name:N", title="Product"),
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("text:N", title="As published"),
        alt.Tooltip("base:N", title="Of"),
        *basis_tooltips(),
    ]
    axis = percent_axis(tickCount=5, labelOverlap=True) if "%" in axis_title else money_axis()
    if axis_title.startswith("Share") and len(figures) and figures["measure"].max() > 50:
        axis = percent_axis(values=list(range(0, 101, 20)))  # room for the labels, but no tick past 100%
    return labelled_bars(
        figures, "label", "measure", (axis_title, axis), "text:N", tooltip, color, hollow="datum.qualifier != 'exact'"
    )


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
            alt.Tooltip("top3_share_pct:Q", format=".1f", title="Top 3 share, %"),
            alt.Tooltip("hhi:Q", format=",.0f", title="HHI"),
            alt.Tooltip("products:Q", format=",d", title="Codes traded"),
            *basis_tooltips(),
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
            alt.Tooltip("value_usd_m:Q", format=",.2f", title="US$ m"),
            alt.Tooltip("share_pct:Q", format=".1f", title="Share of the direction, %"),
            *basis_tooltips(),
        ],
    )
    return alt.layer(base.mark_line().encode(detail="segment:N"), base.mark_point(filled=True, size=24)).properties(
        height=220
    )
