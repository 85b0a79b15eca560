"""Scenario charts: the result beside the latest actual year, the record behind an estimate, and
how the estimate did in the years it left out."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.theme import INK, MUTED, ON_CANVAS, basis_tooltips, color_scale, in_language
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language

# Keyed by the frames' English words (`what`), shown in the viewer's language (`in_language`)
RESULT_COLORS = {N_("Latest actual"): "#1F2933", N_("Scenario"): "#B3261E"}
EPISODE_COLOR = "#B3261E"
YEAR_COLOR = "#6B7280"
BACKTEST_COLORS = {N_("What happened"): "#1F2933", N_("Predicted without that year"): "#2166AC"}


def result_chart(frame: pd.DataFrame, title: str, value_format: str, lang: Language) -> alt.LayerChart:
    """Each economy's latest actual value and the scenario's, with the prediction interval as a bar."""
    _ = lang.gettext
    colors = in_language(RESULT_COLORS, lang)
    y = alt.Y("economy:N", title=None, sort=None)
    offset = alt.YOffset("what:N", sort=list(colors))
    color = alt.Color("what:N", title=None, scale=color_scale(colors))
    tooltip = [
        alt.Tooltip("label:N", title=_("Economy, year")),
        alt.Tooltip("what:N", title=_("What")),
        alt.Tooltip("value:Q", title=title, format=value_format),
        alt.Tooltip("low:Q", title=_("Interval from"), format=value_format),
        alt.Tooltip("high:Q", title=_("Interval to"), format=value_format),
        *basis_tooltips(lang=lang),
    ]
    base = alt.Chart(frame).encode(y=y, yOffset=offset, color=color, tooltip=tooltip)
    interval = base.mark_rule(strokeWidth=3, opacity=0.45).encode(x=alt.X("low:Q", title=title), x2="high:Q")
    point = base.mark_point(filled=True, size=90).encode(
        x=alt.X("value:Q", title=title, axis=alt.Axis(format=value_format)),
        shape=alt.Shape("what:N", title=None, scale=alt.Scale(domain=list(colors), range=["square", "circle"])),
    )
    return alt.layer(interval, point).properties(height=210, usermeta=ON_CANVAS)


AXIS_TITLES = {
    "ruble_change": N_("Ruble against the US$, % (negative = weaker)"),
    "russia_growth": N_("Russia's real GDP growth, %"),
}
CHANGE_TITLE = N_("Remittances, change on the year before, %")


def scatter_chart(points: pd.DataFrame, line: pd.DataFrame, axis: str, title: str, lang: Language) -> alt.LayerChart:
    """One economy's remittance growth against a driver, each year labelled, episodes in red,
    with the fitted line (the other driver held at its average)."""
    _ = lang.gettext
    x = alt.X(f"{axis}:Q", title=_(AXIS_TITLES[axis]))
    y = alt.Y("remittance_growth:Q", title=_(CHANGE_TITLE))
    tooltip = [
        alt.Tooltip("year:Q", format="d", title=_("Year")),
        alt.Tooltip("remittance_growth:Q", format="+.1f", title=_("Remittances, % change")),
        alt.Tooltip("russia_growth:Q", format="+.1f", title=_("Russia's GDP growth, %")),
        alt.Tooltip("ruble_change:Q", format="+.1f", title=_("Ruble vs US$, %")),
        *basis_tooltips(year=False, lang=lang),  # the year leads the tooltip already
    ]
    colour = alt.condition("datum.episode", alt.value(EPISODE_COLOR), alt.value(YEAR_COLOR))
    dots = alt.Chart(points).mark_point(filled=True, size=45).encode(x=x, y=y, color=colour, tooltip=tooltip)
    labels = (
        alt.Chart(points)
        .mark_text(align="left", dx=5, dy=-4, fontSize=10)
        .encode(x=x, y=y, text="year_label:N", color=colour)
    )
    fitted = alt.Chart(line).mark_line(color=INK, strokeDash=[6, 3]).encode(x=x, y=y)
    return alt.layer(fitted, dots, labels).properties(
        height=260, title=alt.TitleParams(title, color=INK), usermeta=ON_CANVAS
    )


def backtest_chart(frame: pd.DataFrame, title: str, lang: Language) -> alt.LayerChart:
    """Left-out years: the prediction with its interval against what happened."""
    _ = lang.gettext
    colors = in_language(BACKTEST_COLORS, lang)
    y = alt.Y("year_label:N", title=None, sort=None)
    offset = alt.YOffset("what:N", sort=list(colors))
    color = alt.Color("what:N", title=None, scale=color_scale(colors))
    x_title = _(CHANGE_TITLE)
    tooltip = [
        alt.Tooltip("year:Q", format="d", title=_("Year")),
        alt.Tooltip("what:N", title=_("What")),
        alt.Tooltip("value:Q", format="+.1f", title=_("Change, %")),
        alt.Tooltip("low:Q", format="+.1f", title=_("Interval from")),
        alt.Tooltip("high:Q", format="+.1f", title=_("Interval to")),
        *basis_tooltips(year=False, lang=lang),
    ]
    base = alt.Chart(frame).encode(y=y, yOffset=offset, color=color, tooltip=tooltip)
    interval = base.mark_rule(strokeWidth=3, opacity=0.45).encode(x=alt.X("low:Q", title=x_title), x2="high:Q")
    point = base.mark_point(filled=True, size=80).encode(
        x=alt.X("value:Q", title=x_title),
        shape=alt.Shape("what:N", title=None, scale=alt.Scale(domain=list(colors), range=["square", "circle"])),
    )
    zero = alt.Chart(pd.DataFrame({"value": [0.0]})).mark_rule(color=MUTED).encode(x="value:Q")
    return alt.layer(zero, interval, point).properties(
        height=200, title=alt.TitleParams(title, color=INK), usermeta=ON_CANVAS
    )
