"""Charts of Tajikistan among its partners and its neighbours (DataFrame in, Altair chart out).

Shares are lines broken at every missing year (a `segment` column); the marks on them are
filled where the reporter's own figures stand behind the share and hollow where an IMF
estimate does, so an estimate is never passed off as a report (a one-flow total has no share).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.analytics.partners import ESTIMATE, REPORTED, REST
from dashboard.charts.theme import MUTED, SIDE_COLORS, basis_tooltips, dash_cycle, line_legend, percent_axis
from dashboard.formatting.catalogue import N_
from dashboard.formatting.countries import country
from dashboard.formatting.language import Language

# Russia keeps its red on every page; the other large partners get fixed colours of their own.
PARTNER_COLORS = {
    "Russia": SIDE_COLORS["Russia"],
    "Kazakhstan": "#08519C",
    "China": "#B8860B",
    "Uzbekistan": "#009E73",
    "Turkey": "#1F2933",
    "Switzerland": "#8C510A",
    "Kyrgyzstan": "#7B3294",
    "Turkmenistan": "#C51B7D",
    "Iran": "#35978F",
    "Afghanistan": "#5E3C99",
}
SPARE_COLORS = ["#762A83", "#01665E", "#A6611A", "#9E0142", "#3288BD", "#66A61E"]
REST_COLOR = "#6B7280"
# A one-flow total has no share and a one-flow cell no gap (analytics.basis): neither is ever drawn.
BASIS_SHAPES = {REPORTED: "circle", ESTIMATE: "circle"}
US_M = N_("US$ m")
PCT_GDP = N_("% of GDP")
COUNTRY_COLORS = {
    "Tajikistan": SIDE_COLORS["Tajikistan"],
    "Kazakhstan": "#8C510A",
    "Kyrgyzstan": "#1F2933",
    "Uzbekistan": "#B8860B",
    "Turkmenistan": "#666666",
}


# the palettes' countries by ISO code: their names in another language come from CLDR
CODES = {
    "Russia": "RUS",
    "Kazakhstan": "KAZ",
    "China": "CHN",
    "Uzbekistan": "UZB",
    "Turkey": "TUR",
    "Switzerland": "CHE",
    "Kyrgyzstan": "KGZ",
    "Turkmenistan": "TKM",
    "Iran": "IRN",
    "Afghanistan": "AFG",
    "Tajikistan": "TJK",
}


def palette_in(palette: dict[str, str], lang: Language) -> dict[str, str]:
    """A palette keyed by the countries' names in the viewer's language (the same colours)."""
    if lang.is_source:
        return palette
    return {country(CODES[name], lang, name): color for name, color in palette.items()}


def partner_scale(names: list[str], palette: dict[str, str], lang: Language) -> alt.Scale:
    """Fixed colours for the names shown, in the order given; spares for others, grey for the rest of the world."""
    palette = palette_in(palette, lang)
    rest = lang.gettext(REST)
    spare = iter(SPARE_COLORS * 3)
    colors = [REST_COLOR if name == rest else palette.get(name) or next(spare) for name in names]
    return alt.Scale(domain=names, range=colors)


BASIS_LABELS = {REPORTED: N_("reported (filled)"), ESTIMATE: N_("IMF estimate (hollow)")}


def _label_expr(labels: dict[str, str]) -> str:
    """A Vega expression that relabels legend entries: a ? b : c chain over the mapping."""
    chain = "datum.label"
    for key, label in reversed(labels.items()):
        chain = f"datum.label == '{key}' ? '{label}' : ({chain})"
    return chain


def _marks_by_basis(base: alt.Chart, encodings: dict, lang: Language) -> list[alt.Chart]:
    """Filled marks where the reporter's own figures stand behind a value, hollow ones elsewhere.

    Two layers rather than a fill encoding: a fill on the colour's field would merge into, and
    hide, the colour legend. The frame's `basis` is in the chart's language (cache.specs gives a
    builder its frames so: the tooltips read it), so the marks are keyed by its words in it.
    """
    _ = lang.gettext
    domain = [_(key) for key in BASIS_SHAPES]
    shape = alt.Shape(
        "basis:N",
        title=lang.gettext("How the figure stands"),
        scale=alt.Scale(domain=domain, range=list(BASIS_SHAPES.values())),
        legend=alt.Legend(
            labelExpr=_label_expr({_(key): _(label) for key, label in BASIS_LABELS.items()}),
            symbolStrokeColor=MUTED,
            symbolFillColor=MUTED,
        ),
    )
    reported = base.transform_filter(f"datum.basis == '{_(REPORTED)}'").mark_point(filled=True, size=40)
    other = base.transform_filter(f"datum.basis != '{_(REPORTED)}'").mark_point(filled=False, size=50, strokeWidth=1.6)
    return [layer.encode(shape=shape, **encodings) for layer in (reported, other)]


def share_lines(
    frame: pd.DataFrame, order: list[str], title: str, color_title: str, palette: str, lang: Language
) -> alt.LayerChart:
    """Shares over time, one line per series (column `series`), broken at gaps, marks by basis.

    `palette` is "partners" (Tajikistan's partners) or "countries" (the Central Asian reporters);
    `color_title` is already in the viewer's language.
    """
    _ = lang.gettext
    scale = partner_scale(order, COUNTRY_COLORS if palette == "countries" else PARTNER_COLORS, lang)
    color = alt.Color("series:N", title=color_title, scale=scale, sort=order, legend=line_legend())
    dash = alt.StrokeDash("series:N", title=color_title, scale=dash_cycle(order), sort=order, legend=line_legend())
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1))
    y = alt.Y("share_pct:Q", title=title, axis=percent_axis(lang=lang))
    tooltip = [
        alt.Tooltip("series:N", title=color_title),
        alt.Tooltip("share_pct:Q", format=".1f", title=_("Share, %")),
        alt.Tooltip("value_usd_m:Q", format=",.1f", title=_(US_M)),
        *basis_tooltips(lang=lang),
    ]
    base = alt.Chart(frame)
    lines = base.mark_line(strokeWidth=2).encode(x=x, y=y, color=color, strokeDash=dash, detail="segment:N")
    points = _marks_by_basis(base, {"x": x, "y": y, "color": color, "tooltip": tooltip}, lang)
    return alt.layer(lines, *points).properties(height=300)


def mirror_chart(pairs: pd.DataFrame, order: list[str], lang: Language) -> alt.LayerChart:
    """One flow as each side reported it, in US$ m: lines broken at gaps, IMF estimates hollow."""
    _ = lang.gettext
    partner = palette_in(PARTNER_COLORS, lang).get(order[-1], "#2F6DB5")
    scale = alt.Scale(domain=order, range=[SIDE_COLORS["Tajikistan"], partner])
    color = alt.Color("side:N", title=_("Reported by"), scale=scale)
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1))
    y = alt.Y("value_usd_m:Q", title=_(US_M))
    tooltip = [alt.Tooltip("value_usd_m:Q", format=",.1f", title=_(US_M)), *basis_tooltips(lang=lang)]
    base = alt.Chart(pairs)
    lines = base.mark_line(strokeWidth=2).encode(
        x=x, y=y, color=color, strokeDash=alt.StrokeDash("side:N", legend=None), detail="segment:N"
    )
    points = _marks_by_basis(base, {"x": x, "y": y, "color": color, "tooltip": tooltip}, lang)
    return alt.layer(lines, *points).properties(height=260)


def ranking_bars(ranked: pd.DataFrame, highlight: dict[str, str], lang: Language) -> alt.Chart:
    """The top economies by remittances as % of GDP (models.partners.build_world_view's `top`: its
    `label` and `flagged`); the highlighted ones in their colour, flagged values faded. `highlight`
    names the countries as the frame does (in the viewer's language)."""
    _ = lang.gettext
    frame = ranked
    names = ", ".join(f"'{name}'" for name in highlight)
    others = _("Other economies")
    groups = [*highlight, others]
    order = frame["label"].tolist()
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=220))
    bars = (
        alt.Chart(frame)
        .transform_calculate(group=f"indexof([{names}], datum.country) >= 0 ? datum.country : '{others}'")
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title=_(PCT_GDP), axis=percent_axis(lang=lang)),
            y=y,
            color=alt.Color(
                "group:N",
                title=None,
                scale=alt.Scale(domain=groups, range=[*highlight.values(), "#C5CAD3"]),
                legend=alt.Legend(orient="bottom"),
            ),
            opacity=alt.condition("datum.flagged", alt.value(0.45), alt.value(1.0)),
            tooltip=[
                alt.Tooltip("rank:Q", title=_("Rank")),
                alt.Tooltip("country:N", title=_("Economy")),
                alt.Tooltip("value:Q", format=".1f", title=_(PCT_GDP)),
                alt.Tooltip("flag:N", title=_("Caveat")),
                *basis_tooltips(lang=lang),
            ],
        )
    )
    text = (
        alt.Chart(frame)
        .mark_text(align="left", dx=3, color=MUTED, fontSize=11)
        .encode(x="value:Q", y=y, text=alt.Text("value:Q", format=".1f"))
    )
    return alt.layer(bars, text).properties(height=alt.Step(20))


def country_lines(frame: pd.DataFrame, title: str, lang: Language) -> alt.LayerChart:
    """A value per country over time (column `country`, named in the viewer's language), broken at
    gaps; Tajikistan drawn heavier."""
    palette = palette_in(COUNTRY_COLORS, lang)
    tajikistan = next(iter(palette))  # COUNTRY_COLORS starts with Tajikistan
    order = [c for c in palette if c in set(frame["country"])]
    color = alt.Color(
        "country:N",
        title=None,
        sort=order,
        scale=alt.Scale(domain=order, range=[palette[c] for c in order]),
        legend=line_legend(),
    )
    dash = alt.StrokeDash("country:N", title=None, sort=order, scale=dash_cycle(order), legend=line_legend())
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1))
    y = alt.Y("value:Q", title=title, axis=percent_axis(lang=lang))
    base = alt.Chart(frame)
    lines = base.mark_line().encode(
        x=x,
        y=y,
        color=color,
        strokeDash=dash,
        detail="segment:N",
        strokeWidth=alt.condition(f"datum.country == '{tajikistan}'", alt.value(3), alt.value(1.6)),
    )
    points = base.mark_point(size=18, filled=True).encode(
        x=x,
        y=y,
        color=color,
        tooltip=[
            alt.Tooltip("country:N", title=lang.gettext("Country")),
            alt.Tooltip("value:Q", format=".1f", title=title),
            *basis_tooltips(lang=lang),
        ],
    )
    return alt.layer(lines, points).properties(height=280)
