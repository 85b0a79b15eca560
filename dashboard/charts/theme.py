"""One look for every chart: fonts, fixed colours per reporter side and per flow."""

from __future__ import annotations

import altair as alt

FONT = "Source Sans Pro, Helvetica, Arial, sans-serif"
INK = "#1F2933"
MUTED = "#6B7280"
GRID = "#E5E7EB"

SIDE_COLORS = {"Russia": "#B3261E", "Tajikistan": "#1B7F4B", "Media & unattributed": "#7A7F87"}
# Red and green always mean Russia and Tajikistan as reporters; flows get colours of their own.
MEASURE_COLORS = {
    "Total trade": "#1F2933",
    "Russia → Tajikistan": "#2F6DB5",
    "Tajikistan → Russia": "#D9822B",
    "Balance (Russia's surplus)": "#8E7CC3",
}
QUALIFIER_SHAPES = {
    "exact": "circle",
    "approximate": "diamond",
    "lower bound": "triangle-up",
    "upper bound": "triangle-down",
}


def percent_axis(**kwargs) -> alt.Axis:
    """An axis for values already in percent (12.5 means 12.5%): labels carry the sign."""
    return alt.Axis(labelExpr="datum.label + '%'", **kwargs)


def color_scale(mapping: dict[str, str]) -> alt.Scale:
    return alt.Scale(domain=list(mapping), range=list(mapping.values()))


@alt.theme.register("rt_dashboard", enable=True)
def rt_dashboard() -> alt.theme.ThemeConfig:
    return {
        "config": {
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
