"""Trade charts: frames in (models.trade prepares them, in the display unit and the viewer's
language), Altair charts out, their titles in that language.

Every tooltip ends with how the figure stands (theme.basis_tooltips)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.analytics.events import events_between
from dashboard.analytics.trade import SHARE_MEASURES
from dashboard.charts.theme import (
    MEASURE_COLORS,
    MEASURE_DASHES,
    QUALIFIER_SHAPES,
    SIDE_COLORS,
    SIDE_DASHES,
    basis_tooltips,
    color_scale,
    dash_scale,
    in_language,
    line_legend,
    percent_axis,
)
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language

HEIGHT = 300


def side_color(lang: Language) -> alt.Color:
    """Each published figure coloured by the reporter's side, in the viewer's language."""
    return alt.Color(
        "side_label:N", title=lang.gettext("Reporter's side"), scale=color_scale(in_language(SIDE_COLORS, lang))
    )


def qualifier_shape(lang: Language) -> alt.Shape:
    """Each published figure shaped by its qualifier ('about', 'over'...), in the viewer's language."""
    return alt.Shape(
        "qualifier_label:N",
        title=lang.pgettext("qualifier", "Figure"),
        scale=color_scale(in_language(QUALIFIER_SHAPES, lang)),
    )


def _year_axis(title: str | None, domain: list[int] | None = None) -> alt.X:
    scale = alt.Scale(nice=False, zero=False, domain=domain) if domain else alt.Scale(nice=False, zero=False)
    return alt.X("year:Q", title=title, axis=alt.Axis(format="d", tickMinStep=1), scale=scale)


def _value_y(unit_label: str, title: str | None = None) -> alt.Y:
    return alt.Y("value:Q", title=title or unit_label, axis=alt.Axis(format=",.2~f"))


def event_rules(events: pd.DataFrame, year_range: tuple[int, int], lang: Language) -> alt.LayerChart:
    """Dashed rules at each event's date, numbered at the top; the caption lists the numbers.

    Numbers rather than titles: events cluster (four between 2020 and 2022) and titles would
    overprint each other and the data. The Remittances page draws them too.
    """
    inside = events_between(events, year_range)[["x", "n", "title", "date"]]
    base = alt.Chart(inside).encode(
        x="x:Q",
        tooltip=[
            alt.Tooltip("title:N", title=lang.gettext("Event")),
            alt.Tooltip("date:N", title=lang.gettext("Date")),
        ],
    )
    rules = base.mark_rule(strokeDash=[3, 3], color="#9CA3AF")
    badges = base.mark_circle(size=150, color="#FFFFFF", stroke="#6B7280", strokeWidth=1, opacity=1).encode(
        y=alt.value(-8)
    )
    numbers = base.mark_text(fontSize=9, fontWeight=600, color="#374151").encode(y=alt.value(-8), text="n:N")
    return alt.layer(rules, badges, numbers)


def annual_measures_chart(
    annual: pd.DataFrame, events: pd.DataFrame, year_range: tuple[int, int], unit_label: str, lang: Language
) -> alt.LayerChart:
    """Four measures for one side: DOTS as lines (broken at missing years), statements as points.

    A line connects only consecutive years (the `segment` column breaks it elsewhere), so a
    missing year is drawn as a gap, never bridged.
    """
    _ = lang.gettext
    color = alt.Color(
        "measure_label:N",
        title=None,
        scale=color_scale(in_language(MEASURE_COLORS, lang)),
        legend=line_legend(columns=2),
    )
    tooltip = [
        alt.Tooltip("measure_label:N", title=_("Measure")),
        alt.Tooltip("value_text:N", title=_("Value")),
        alt.Tooltip("figure_id:N", title=lang.pgettext("figure id", "Figure")),
        *basis_tooltips(lang=lang),
    ]
    data = alt.Chart(annual).encode(x=_year_axis(_("Year")), y=_value_y(unit_label), tooltip=tooltip)
    dash = alt.StrokeDash(
        "measure_label:N",
        title=None,
        scale=dash_scale(in_language(MEASURE_DASHES, lang)),
        legend=line_legend(columns=2),
    )
    lines = (
        data.transform_filter("datum.source_kind == 'dots'")
        .mark_line()
        .encode(detail="segment:N", color=color, strokeDash=dash)
    )
    dots = data.transform_filter("datum.source_kind == 'dots'").mark_point(size=18, filled=True).encode(color=color)
    statements = (
        data.transform_filter("datum.source_kind == 'published'")
        .mark_point(size=80, filled=False, strokeWidth=2)
        .encode(
            color=color,
            shape=alt.Shape(
                "qualifier_label:N",
                title=_("Published figure"),
                scale=color_scale(in_language(QUALIFIER_SHAPES, lang)),
                legend=alt.Legend(columns=2, symbolFillColor="transparent"),
            ),
        )
    )
    zero = alt.Chart(pd.DataFrame({"value": [0]})).mark_rule(color="#9CA3AF").encode(y="value:Q")
    layers = (zero, lines, dots, statements, event_rules(events, year_range, lang))
    return alt.layer(*layers).properties(height=HEIGHT)


def mirror_chart(frame: pd.DataFrame, unit_label: str, lang: Language) -> alt.VConcatChart:
    """The same flow as each side reported it, and below it the importer-minus-exporter gap.

    `frame` comes from models.trade.mirror_frame: a row per reporter and year (`role` exporter or
    importer, with that reporter's line segments, so a year one side did not report breaks that
    side's line) and a row per year for the gap worked out from them (`role` gap).
    """
    _ = lang.gettext
    sides = [side for side in dict.fromkeys(frame["side"]) if side]
    years = [int(frame["year"].min()), int(frame["year"].max())] if len(frame) else [0, 1]
    colors, dashes = in_language(SIDE_COLORS, lang), in_language(SIDE_DASHES, lang)
    color = alt.Color(
        "side:N",
        title=_("As reported by"),
        scale=color_scale({k: colors[k] for k in sides}),
        legend=line_legend(),
    )
    lines = (
        alt.Chart(frame)
        .transform_filter("datum.role != 'gap'")
        .mark_line(point=alt.OverlayMarkDef(size=18))
        .encode(
            x=_year_axis(None, years),
            y=_value_y(unit_label),
            color=color,
            strokeDash=alt.StrokeDash(
                "side:N",
                title=_("As reported by"),
                scale=dash_scale({k: dashes[k] for k in sides}),
                legend=line_legend(),
            ),
            detail="segment:N",
            tooltip=[alt.Tooltip("value:Q", format=",.3~f", title=unit_label), *basis_tooltips(lang=lang)],
        )
        .properties(height=240)
    )
    bars = (
        alt.Chart(frame)
        .transform_filter("datum.role == 'gap' && isValid(datum.gap_pct)")
        .mark_bar(color="#6B7280")
        .encode(
            x=_year_axis(_("Year"), years),
            y=alt.Y("gap_pct:Q", title=_("Gap, % of exporter's"), axis=percent_axis(lang=lang)),
            tooltip=[
                alt.Tooltip("gap_pct:Q", format="+.1f", title=_("Gap %")),
                alt.Tooltip("value:Q", format="+,.3~f", title=_("Gap ({unit})").format(unit=unit_label)),
                *basis_tooltips(lang=lang),
            ],
        )
        .properties(height=130)
    )
    return alt.vconcat(lines, bars, spacing=8)


def published_years_chart(figures: pd.DataFrame, unit_label: str, lang: Language) -> alt.Chart:
    """Every published full-year total after DOTS ends, one point per statement: the disagreement."""
    _ = lang.gettext
    return (
        alt.Chart(figures)
        .mark_point(size=90, filled=False, strokeWidth=2)
        .encode(
            x=alt.X("year:O", title=_("Year"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=unit_label, scale=alt.Scale(zero=False, nice=True)),
            color=side_color(lang),
            shape=qualifier_shape(lang),
            tooltip=[
                alt.Tooltip("value_text:N", title=_("Total trade")),
                alt.Tooltip("status:N", title=_("Status")),
                alt.Tooltip("figure_id:N", title=lang.pgettext("figure id", "Figure")),
                *basis_tooltips(lang=lang),
            ],
        )
        .properties(height=HEIGHT)
    )


def part_year_growth_chart(rows: pd.DataFrame, lang: Language) -> alt.Chart:
    """Published year-on-year growth of part-year totals, placed at each period's end."""
    _ = lang.gettext
    return (
        alt.Chart(rows)
        .mark_point(size=70, filled=True)
        .encode(
            x=alt.X("period_end_date:T", title=_("End of period")),
            y=alt.Y("yoy_growth_pct:Q", title=_("Growth on a year earlier"), axis=percent_axis(lang=lang)),
            color=side_color(lang),
            shape=qualifier_shape(lang),
            tooltip=[
                alt.Tooltip("period:N", title=_("Period")),
                alt.Tooltip("growth_text:N", title=_("Growth")),
                alt.Tooltip("figure_id:N", title=lang.pgettext("figure id", "Figure")),
                *basis_tooltips(lang=lang),
            ],
        )
        .properties(height=260)
    )


PROJECTION_KINDS = {N_("Base year"): "#9CA3AF", N_("Projection"): "#1F2933", N_("Outcome"): "#2563EB"}


def projection_chart(bars: pd.DataFrame, unit_label: str, lang: Language) -> alt.Chart:
    """Base year, projected full year, and what each reporter later said the year was."""
    return (
        alt.Chart(bars)
        .mark_bar()
        .encode(
            y=alt.Y("what:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("value:Q", title=unit_label, stack=None),
            color=alt.Color(
                "kind:N",
                title=None,
                scale=color_scale(in_language(PROJECTION_KINDS, lang)),
            ),
            tooltip=[
                alt.Tooltip("what:N", title=" "),
                alt.Tooltip("value_text:N", title=lang.gettext("Value")),
                *basis_tooltips(lang=lang),
            ],
        )
        .properties(height=alt.Step(24))
    )


SHARE_COLORS = dict(zip(SHARE_MEASURES.values(), ("#1F2933", "#2F6DB5", "#D9822B"), strict=True))


def russia_share_chart(shares: pd.DataFrame, lang: Language) -> alt.Chart:
    """Russia's share of Tajikistan's trade per published full-year figure: points only, gaps stay gaps."""
    _ = lang.gettext
    return (
        alt.Chart(shares)
        .mark_point(filled=True, size=70)
        .encode(
            x=alt.X(
                "year:Q",
                title=_("Year"),
                axis=alt.Axis(format="d", tickMinStep=1),
                scale=alt.Scale(zero=False, padding=12),
            ),
            y=alt.Y(
                "share_pct:Q", title=_("Russia's share"), axis=percent_axis(lang=lang), scale=alt.Scale(domain=[0, 40])
            ),
            color=alt.Color("measure_label:N", title=_("Share"), scale=color_scale(in_language(SHARE_COLORS, lang))),
            tooltip=[
                alt.Tooltip("measure_label:N", title=_("Share")),
                alt.Tooltip("share_pct:Q", format=".1f", title="%"),
                *basis_tooltips(lang=lang),
            ],
        )
        .properties(height=220)
    )
