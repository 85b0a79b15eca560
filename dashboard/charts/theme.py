"""One look for every chart: fonts, fixed colours per reporter side and per flow."""

from __future__ import annotations

import altair as alt

from dashboard.analytics.basis import SHOWN, SHOWN_TITLES
from dashboard.formatting.language import Language

FONT = "Source Sans Pro, Helvetica, Arial, sans-serif"
INK = "#1F2933"
MUTED = "#6B7280"
GRID = "#E5E7EB"

# Red and blue always mean Russia and Tajikistan as reporters, on every page; flows get colours
# of their own. Every set of colours that must be told apart on one chart stays apart under
# deuteranopia, protanopia and tritanopia and reaches 3:1 against the page
# (tests/unit/test_palette.py), and charts where two series compete add a second channel
# (dashes, marker shapes or labels at the line ends).
SIDE_COLORS = {"Russia": "#B3261E", "Tajikistan": "#2166AC", "Media & unattributed": "#666666"}
MEASURE_COLORS = {
    "Total trade": "#1F2933",
    "Russia → Tajikistan": "#4393C3",
    "Tajikistan → Russia": "#D55E00",
    "Balance (Russia's surplus)": "#666666",
}
MEASURE_DASHES = {
    "Total trade": [1, 0],
    "Russia → Tajikistan": [6, 3],
    "Tajikistan → Russia": [2, 2],
    "Balance (Russia's surplus)": [8, 3, 2, 3],
}
# Dash patterns for series told apart by more than colour, in the order they are handed out.
DASH_CYCLE = ([1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [1, 3], [10, 4], [4, 2, 1, 2], [12, 3], [3, 5], [6, 2, 2, 2, 2, 2])
SIDE_DASHES = {"Russia": [1, 0], "Tajikistan": [6, 3], "Media & unattributed": [2, 2]}
QUALIFIER_SHAPES = {
    "exact": "circle",
    "approximate": "diamond",
    "lower bound": "triangle-up",
    "upper bound": "triangle-down",
}


def basis_tooltips(year: bool = True, *, lang: Language) -> list[alt.Tooltip]:
    """Whose figure it is, its basis, edition and year: the same lines, worded alike, at the end of
    every chart's tooltip (the frame's `analytics.basis.SHOWN` columns). `year=False` for a chart
    whose figures are for no year (a map's sites, a length measured on a line)."""
    fields = [c for c in SHOWN if year or c != "year"]
    return [
        alt.Tooltip(f"{c}:Q", format="d", title=lang.gettext(SHOWN_TITLES[c]))
        if c == "year"
        else alt.Tooltip(f"{c}:N", title=lang.gettext(SHOWN_TITLES[c]))
        for c in fields
    ]


def percent_axis(*, lang: Language, **kwargs) -> alt.Axis:
    """An axis for values already in percent (12.5 means 12.5%): labels carry the sign, as the
    language writes it ("12.5%", "12,5 %" with a no-break space: CLDR's percent pattern)."""
    sign = "%" if lang.is_source else "\u00a0%"
    return alt.Axis(labelExpr=f"datum.label + '{sign}'", **kwargs)


def color_scale(mapping: dict[str, str]) -> alt.Scale:
    return alt.Scale(domain=list(mapping), range=list(mapping.values()))


def dash_scale(mapping: dict[str, list[int]]) -> alt.Scale:
    return alt.Scale(domain=list(mapping), range=list(mapping.values()))


def dash_cycle(names: list[str]) -> alt.Scale:
    """A distinct dash pattern for each name, in order (solid first)."""
    return alt.Scale(domain=names, range=[DASH_CYCLE[i % len(DASH_CYCLE)] for i in range(len(names))])


def line_legend(**kwargs) -> alt.Legend:
    """A legend whose symbols are short strokes, so a dash pattern shows beside its colour."""
    return alt.Legend(symbolType="stroke", symbolStrokeWidth=2.5, symbolSize=320, **kwargs)


@alt.theme.register("rt_dashboard", enable=True)
def rt_dashboard() -> alt.theme.ThemeConfig:
    return {
        "config": {
            # marks are hidden from screen readers; each chart is announced by its description
            # (what it shows and its key numbers, components.show_chart), with a table under it
            "aria": False,
            "mark": {"aria": False},
            "font": FONT,
            "background": "transparent",
            "view": {"stroke": None},
            "title": {"fontSize": 15, "fontWeight": 600, "anchor": "start", "color": INK, "subtitleColor": MUTED},
            "axis": {
                "labelColor": MUTED,
                "titleColor": INK,
                "labelFontSize": 12,
                "titleFontSize": 12,
                "titleFontWeight": 500,
                "gridColor": GRID,
                "domainColor": GRID,
                "tickColor": GRID,
            },
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "orient": "bottom",
                "labelLimit": 260,
                "columns": 2,
                # several legends under one chart stack instead of running off a phone-width screen
                "layout": {"bottom": {"anchor": "start", "direction": "vertical", "margin": 8}},
            },
            "line": {"strokeWidth": 2},
            "point": {"size": 55, "filled": True},
        }
    }


# Drawn on a canvas, not in SVG: an SVG chart is hundreds of page elements that the browser
# restyles and repaints whenever anything on the page changes (Streamlit marks what is being
# redrawn on every slider move), a canvas is one. Measured on the Scenarios sliders: about 25 ms
# less per move; the map rewrote about 1,400 SVG elements per radius (docs/performance.md).
# Nothing is lost for a screen reader: the marks are hidden from it (theme: aria false) and the
# chart is announced by its description, on the container.
# Streamlit passes the spec's usermeta.embedOptions.renderer to vega-embed; views/components.py
# draws every chart and map this way.
ON_CANVAS = {"embedOptions": {"renderer": "canvas"}}


def in_language(mapping: dict[str, object], lang: Language) -> dict[str, object]:
    """A scale's mapping keyed by the English words the theme uses, keyed by the words the
    frames carry in `lang` (the frames' labels are translated, so must the scale's domain be)."""
    return {lang.gettext(key): value for key, value in mapping.items()}
