"""Product charts: top products, HS sections, trends, and the coverage strip."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.theme import INK, SIDE_COLORS, basis_tooltips, in_language, percent_axis
from dashboard.formatting import FLOW_LABELS, localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language

DIRECTION_COLORS = {"ru_to_tj": SIDE_COLORS["Russia"], "tj_to_ru": SIDE_COLORS["Tajikistan"]}
DIRECTION_LABELS = {direction: FLOW_LABELS[direction] for direction in DIRECTION_COLORS}

STATUS_COLORS = {
    N_("full breakdown"): "#1F2933",
    N_("partial breakdown"): "#6B7280",
    N_("some values"): "#9CB8DA",
    N_("growth or mention only"): "#E5E7EB",
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


def direction_words(lang: Language) -> list[str]:
    """The two directions' labels in the language, in order (the frames carry them so)."""
    return [lang.gettext(label) for label in DIRECTION_LABELS.values()]


def musd(lang: Language) -> str:
    """'US$ m' / 'млн долл. США': the unit of the product values."""
    return localized.unit_label("musd", lang)


def top_products_chart(ranked: pd.DataFrame, color: str, lang: Language) -> alt.LayerChart:
    """Sorted bars of the largest products, labelled with their share where it is known."""
    _ = lang.gettext
    tooltip = [
        alt.Tooltip("hs:N", title=_("HS")),
        alt.Tooltip("description:N", title=_("Description")),
        alt.Tooltip("value_usd_m:Q", format=",.1f", title=musd(lang)),
        alt.Tooltip("share_pct:Q", format=".1f", title=_("Share of the direction, %")),
        *basis_tooltips(lang=lang),
    ]
    axis = (musd(lang), money_axis())
    return labelled_bars(ranked, "label", "value_usd_m", axis, "share_text:N", tooltip, color)


def sections_chart(sections: pd.DataFrame, color: str, lang: Language) -> alt.LayerChart:
    """Values by HS section, largest first, with the section's share of the direction."""
    _ = lang.gettext
    tooltip = [
        alt.Tooltip("section_label:N", title=_("HS section")),
        alt.Tooltip("value_usd_m:Q", format=",.1f", title=musd(lang)),
        alt.Tooltip("share_pct:Q", format=".1f", title=_("Share, %")),
        *basis_tooltips(lang=lang),
    ]
    return labelled_bars(
        sections, "section_label", "value_usd_m", (musd(lang), money_axis()), "share_text:N", tooltip, color
    )


def trend_chart(trends: pd.DataFrame, lang: Language) -> alt.Chart:
    _ = lang.gettext
    return (
        alt.Chart(trends)
        .mark_point(size=80, filled=True)  # points only: the periods are not consecutive, a line would bridge gaps
        .encode(
            # padded so points at the ends are not cut in half; months named with their year
            x=alt.X(
                "period_end:T",
                title=_("End of period"),
                scale=alt.Scale(padding=24),
                axis=alt.Axis(format="%b %Y", labelOverlap=True, tickCount=6),
            ),
            y=alt.Y("value_usd_m:Q", title=musd(lang)),
            color=alt.Color("family:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=320)),
            tooltip=[
                alt.Tooltip("product_name:N", title=_("Product")),
                alt.Tooltip("period:N", title=_("Period")),
                alt.Tooltip("value_usd_m:Q", format=",.1f", title=musd(lang)),
                alt.Tooltip("note:N", title=_("Note")),
                *basis_tooltips(lang=lang),
            ],
        )
        .properties(height=220)
    )


def coverage_chart(coverage: pd.DataFrame, lang: Language) -> alt.Chart:
    """Per year and direction, what product data exists — so a gap is not read as a zero."""
    _ = lang.gettext
    statuses = in_language(STATUS_COLORS, lang)
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
            y=alt.Y("direction_label:N", title=None, sort=direction_words(lang)),
            color=alt.Color(
                "status:N",
                title=_("Product data"),
                scale=alt.Scale(domain=list(statuses), range=list(statuses.values())),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                # Translators: lower case, as the tooltip has always shown the field's name
                alt.Tooltip("year:O", title=_("year")),
                alt.Tooltip("direction_label:N", title=_("Direction")),
                alt.Tooltip("status:N", title=_("Data")),
                alt.Tooltip("detail:N", title=_("Detail")),
            ],
        )
        .properties(height=alt.Step(30))
    )


def published_chart(figures: pd.DataFrame, measure: str, axis_title: str, color: str, lang: Language) -> alt.LayerChart:
    """One bar per published figure, labelled with its product, period and publisher; 'over 40%'
    marks a bound, and bars of figures that are not exact are hollow. `measure` is what the
    figures are: 'share_pct', 'yoy_growth_pct' (both in %) or 'value_usd_m'."""
    _ = lang.gettext
    tooltip = [
        alt.Tooltip("product_name:N", title=_("Product")),
        alt.Tooltip("period:N", title=_("Period")),
        alt.Tooltip("text:N", title=_("As published")),
        # Translators: what a published share is a share of ("Of: Tajikistan's imports")
        alt.Tooltip("base:N", title=_("Of")),
        *basis_tooltips(lang=lang),
    ]
    axis = percent_axis(tickCount=5, labelOverlap=True, lang=lang) if measure != "value_usd_m" else money_axis()
    if measure == "share_pct" and len(figures) and figures["measure"].max() > 50:
        axis = percent_axis(values=list(range(0, 101, 20)), lang=lang)  # room for the labels, but no tick past 100%
    return labelled_bars(
        figures, "label", "measure", (axis_title, axis), "text:N", tooltip, color, hollow="datum.qualifier != 'exact'"
    )


def concentration_chart(frame: pd.DataFrame, field: str, title: str, lang: Language) -> alt.LayerChart:
    """A concentration measure per direction over the years; a year without data breaks the line.
    `field` 'top3_share_pct' is in %, 'hhi' an index."""
    _ = lang.gettext
    base = alt.Chart(frame).encode(
        x=alt.X(
            "year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False, nice=False)
        ),
        y=alt.Y(
            f"{field}:Q",
            title=title,
            axis=percent_axis(lang=lang) if field == "top3_share_pct" else alt.Axis(format=",~f"),
        ),
        color=alt.Color(
            "direction_label:N",
            title=None,
            scale=alt.Scale(domain=direction_words(lang), range=list(DIRECTION_COLORS.values())),
            legend=alt.Legend(orient="bottom"),
        ),
        tooltip=[
            alt.Tooltip("direction_label:N", title=_("Direction")),
            alt.Tooltip("top3_share_pct:Q", format=".1f", title=_("Top 3 share, %")),
            alt.Tooltip("hhi:Q", format=",.0f", title=_("HHI")),
            alt.Tooltip("products:Q", format=",d", title=_("Codes traded")),
            *basis_tooltips(lang=lang),
        ],
    )
    return alt.layer(base.mark_line().encode(detail="segment:N"), base.mark_point(filled=True, size=24)).properties(
        height=200
    )


def yearly_chart(frame: pd.DataFrame, lang: Language) -> alt.LayerChart:
    """Each product's value by year, one line per product; a year it was not traded breaks its line."""
    _ = lang.gettext
    base = alt.Chart(frame).encode(
        x=alt.X(
            "year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False, nice=False)
        ),
        y=alt.Y("value_usd_m:Q", title=musd(lang), axis=alt.Axis(format=",~f")),
        color=alt.Color("product:N", title=None, legend=alt.Legend(orient="bottom", columns=1, labelLimit=360)),
        tooltip=[
            alt.Tooltip("product:N", title=_("Product")),
            alt.Tooltip("value_usd_m:Q", format=",.2f", title=musd(lang)),
            alt.Tooltip("share_pct:Q", format=".1f", title=_("Share of the direction, %")),
            *basis_tooltips(lang=lang),
        ],
    )
    return alt.layer(base.mark_line().encode(detail="segment:N"), base.mark_point(filled=True, size=24)).properties(
        height=220
    )
