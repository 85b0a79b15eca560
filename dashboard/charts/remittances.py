"""Remittance charts: the World Bank series with other sources beside it, shocks marked."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.analytics.remittances import CASES, PARTS
from dashboard.charts.theme import INK, MUTED, SIDE_COLORS, basis_tooltips, percent_axis
from dashboard.charts.trade import event_rules
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language
from dashboard.models.remittances import ALL_REMITTANCES, SENT_FROM_RUSSIA

WB_COLOR = "#1F2933"
OTHERS_COLOR = "#9CA3AF"


US_M = N_("US$ m")


def _year_x(lang: Language) -> alt.X:
    title = lang.gettext("Year")
    return alt.X(
        "year:Q", title=title, axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(nice=False, zero=False)
    )


def remittances_chart(
    backbone: pd.DataFrame,
    others: pd.DataFrame,
    events: pd.DataFrame,
    years: tuple[int, int],
    measure: str,
    title: str,
    lang: Language,
) -> alt.LayerChart:
    """One measure over time: the World Bank line (broken at gaps), other sources as points, events numbered."""
    y = alt.Y("value:Q", title=title, axis=percent_axis(lang=lang) if measure == "pct_gdp" else alt.Axis(format=",.0f"))
    line = (
        alt.Chart(backbone)
        .mark_line(color=WB_COLOR, point=alt.OverlayMarkDef(color=WB_COLOR, size=22))
        .encode(
            x=_year_x(lang),
            y=y,
            detail="segment:N",
            tooltip=[alt.Tooltip("value_text:N", title=title), *basis_tooltips(lang=lang)],
        )
    )
    layers: list[alt.TopLevelMixin] = [line]
    if len(others):
        layers.append(
            alt.Chart(others)
            .mark_point(color=OTHERS_COLOR, size=45, filled=False, strokeWidth=1.5)
            .encode(
                x=_year_x(lang),
                y=y,
                tooltip=[
                    alt.Tooltip("value_text:N", title=title),
                    alt.Tooltip("figure_id:N", title=lang.gettext("Figure")),
                    alt.Tooltip("note:N", title=lang.gettext("Note")),
                    *basis_tooltips(lang=lang),
                ],
            )
        )
    layers.append(event_rules(events, years, lang))
    return alt.layer(*layers).properties(height=260).resolve_scale(y="shared")


def russia_chart(frame: pd.DataFrame, lang: Language) -> alt.Chart:
    """Transfers from Russia (Central Bank of Russia and Russian officials) against the World Bank total."""
    _ = lang.gettext
    colors = {_(ALL_REMITTANCES): WB_COLOR, _(SENT_FROM_RUSSIA): SIDE_COLORS["Russia"]}
    return (
        alt.Chart(frame)
        .mark_point(filled=True, size=60)
        .encode(
            x=_year_x(lang),
            y=alt.Y("value:Q", title=_(US_M)),
            color=alt.Color(
                "what:N",
                title=None,
                scale=alt.Scale(domain=list(colors), range=list(colors.values())),
                legend=alt.Legend(orient="bottom"),
            ),
            shape=alt.Shape("what:N", legend=None),
            tooltip=[
                alt.Tooltip("what:N", title=_("Series")),
                alt.Tooltip("value:Q", format=",.0f", title=_(US_M)),
                alt.Tooltip("note:N", title=_("Note")),
                *basis_tooltips(lang=lang),
            ],
        )
        .properties(height=240)
    )


def migrants_chart(frame: pd.DataFrame, lang: Language) -> alt.Chart:
    """Migrant counts as each source published them; the axis abbreviates thousands and millions
    with d3's SI suffixes in English only (they have no Russian form: docs/i18n.md)."""
    _ = lang.gettext
    return (
        alt.Chart(frame)
        .mark_point(filled=True, size=60, color=SIDE_COLORS["Tajikistan"])
        .encode(
            x=_year_x(lang),
            y=alt.Y("value:Q", title=_("People"), axis=alt.Axis(format="~s" if lang.is_source else ",.0f")),
            tooltip=[
                alt.Tooltip("value:Q", format=",", title=_("People")),
                alt.Tooltip("note:N", title=_("What was counted")),
                *basis_tooltips(lang=lang),
            ],
        )
        .properties(height=220)
    )


def shock_chart(bars: pd.DataFrame, lang: Language) -> alt.Chart:
    """Remittances before and after the shock, split into the part from Russia and the rest."""
    _ = lang.gettext
    colors = dict(zip((_(part) for part in PARTS), (SIDE_COLORS["Russia"], MUTED), strict=True))
    return (
        alt.Chart(bars)
        .mark_bar()
        .encode(
            y=alt.Y("case:N", title=None, sort=[_(case) for case in CASES]),
            x=alt.X("value:Q", title=_(US_M), stack="zero"),
            color=alt.Color(
                "part:N",
                title=None,
                scale=alt.Scale(domain=list(colors), range=list(colors.values())),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                # English shows the fields' own names, as it always has
                alt.Tooltip("case:N", **({} if lang.is_source else {"title": _("Case")})),
                alt.Tooltip("part:N", **({} if lang.is_source else {"title": _("Part")})),
                alt.Tooltip("value:Q", format=",.0f", title=_(US_M)),
                *basis_tooltips(lang=lang),
            ],
        )
        .properties(height=alt.Step(34))
    )


def claim_chart(window: pd.DataFrame, lang: Language) -> alt.LayerChart:
    """Each year's change before the article's claim: red where remittances fell."""
    _ = lang.gettext
    bars = (
        alt.Chart(window.dropna(subset=["change_pct"]))
        .mark_bar(color=INK)
        .encode(
            x=alt.X("year:O", title=_("Year"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("change_pct:Q", title=_("Change on the year before"), axis=percent_axis(lang=lang)),
            color=alt.condition(
                "datum.change_pct < 0", alt.value(SIDE_COLORS["Russia"]), alt.value(SIDE_COLORS["Tajikistan"])
            ),
            tooltip=[alt.Tooltip("change_pct:Q", format="+.1f", title=_("Change, %")), *basis_tooltips(lang=lang)],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color=MUTED).encode(y="y:Q")
    return (bars + zero).properties(height=180)
