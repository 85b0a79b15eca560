"""The border map and the security charts. Geometry arrives in WGS84; the map needs no tiles."""

from __future__ import annotations

import altair as alt
import geopandas as gpd
import pandas as pd
import shapely

from dashboard.charts.theme import INK, MUTED, SIDE_COLORS

MAP_HEIGHT = 620
# Conic conformal with standard parallels through the region: shapes stay true at this latitude.
PROJECTION = {"type": "conicConformal", "parallels": [35, 41], "rotate": [-68.5, 0, 0]}

COUNTRY_FILL = {"TJK": "#F3E9D2", "AFG": "#E4DED3"}
OTHER_FILL = "#F4F5F7"
BORDER_COLOR = "#111827"
COVERED_COLOR = "#B3261E"
RIVER_COLOR = "#6FA8DC"

SITE_STYLE = {  # kind -> (legend label, colour, shape)
    "russian_base": ("Russian base garrison", SIDE_COLORS["Russia"], "square"),
    "russian_facility": ("Russian facility", "#E0672B", "diamond"),
    "border_crossing": ("Border crossing", "#2F6DB5", "triangle-up"),
    "tajik_city": ("City (Tajikistan)", "#374151", "circle"),
    "afghan_city": ("City (Afghanistan)", "#6B7280", "circle"),
}
LAYERS = ("russian", "crossings", "cities", "rivers", "coverage")
LAYER_KINDS = {
    "russian": ("russian_base", "russian_facility"),
    "crossings": ("border_crossing",),
    "cities": ("tajik_city", "afghan_city"),
}


def _geo(frame: gpd.GeoDataFrame) -> alt.Chart:
    """A chart over a GeoDataFrame's features, with polygon rings wound the way d3 expects.

    GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3's spherical geometry reads that as
    "everything but this polygon" and fills the globe. Clockwise outer rings draw the shape.
    """
    wound = frame.set_geometry(shapely.orient_polygons(frame.geometry.to_numpy(), exterior_cw=True))
    return alt.Chart(alt.Data(values=wound.__geo_interface__["features"]))


def countries_layer(countries: gpd.GeoDataFrame) -> alt.LayerChart:
    fill = countries["iso_a3"].map(COUNTRY_FILL).fillna(OTHER_FILL)
    shapes = (
        _geo(countries.assign(fill=fill))
        .mark_geoshape(stroke="#FFFFFF", strokeWidth=1)
        .encode(
            fill=alt.Fill("properties.fill:N", scale=None),
            tooltip=[alt.Tooltip("properties.name:N", title="Country")],
        )
    )
    labels = (
        alt.Chart(countries[["name", "focus", "label_lon", "label_lat"]])
        .mark_text(fontSize=12, color=MUTED, fontWeight=600)
        .encode(
            longitude="label_lon:Q",
            latitude="label_lat:Q",
            text="name:N",
            size=alt.Size("focus:N", scale=alt.Scale(domain=[True, False], range=[15, 11]), legend=None),
        )
    )
    return shapes + labels


def rivers_layer(rivers: gpd.GeoDataFrame) -> alt.Chart:
    return (
        _geo(rivers)
        .mark_geoshape(filled=False, stroke=RIVER_COLOR)
        .encode(
            strokeWidth=alt.StrokeWidth(
                "properties.level:O", scale=alt.Scale(domain=[1, 2, 3], range=[1.6, 1.0, 0.6]), legend=None
            ),
            tooltip=[
                alt.Tooltip("properties.name_inferred:N", title="River"),
                alt.Tooltip("properties.river_class:N", title="Class"),
            ],
        )
    )


def border_layer(border: gpd.GeoDataFrame) -> alt.Chart:
    return (
        _geo(border)
        .mark_geoshape(filled=False, stroke=BORDER_COLOR, strokeWidth=3)
        .encode(tooltip=[alt.Tooltip("properties.tj_region:N", title="Tajik–Afghan border, Tajik side")])
    )


def reach_layer(buffers: gpd.GeoDataFrame) -> alt.Chart:
    """The area within the chosen radius of a covering site."""
    return _geo(buffers).mark_geoshape(
        fill=COVERED_COLOR, fillOpacity=0.08, stroke=COVERED_COLOR, strokeOpacity=0.5, strokeDash=[4, 3]
    )


def covered_layer(covered: gpd.GeoDataFrame) -> alt.Chart:
    """The stretch of border inside that area, drawn over the border line."""
    return _geo(covered).mark_geoshape(filled=False, stroke=COVERED_COLOR, strokeWidth=5.5, strokeCap="round")


def sites_layer(sites: pd.DataFrame) -> alt.LayerChart:
    """Sites as markers by kind; Russian garrisons sized by their troop estimate; former ones hollow."""
    kinds = [k for k in SITE_STYLE if k in set(sites["kind"])]
    labels = [SITE_STYLE[k][0] for k in kinds]
    base = alt.Chart(sites).encode(
        longitude="lon:Q",
        latitude="lat:Q",
        tooltip=[
            alt.Tooltip("name:N", title="Site"),
            alt.Tooltip("kind_label:N", title="Kind"),
            alt.Tooltip("status:N", title="Status"),
            alt.Tooltip("troops_text:N", title="Troops"),
            alt.Tooltip("distance_text:N", title="To the border"),
            alt.Tooltip("coord_basis:N", title="Coordinate"),
            alt.Tooltip("publisher:N", title="Source"),
        ],
    )
    marks = base.mark_point(filled=True, opacity=1, stroke="#FFFFFF", strokeWidth=1).encode(
        color=alt.Color(
            "kind_label:N", title="Sites", scale=alt.Scale(domain=labels, range=[SITE_STYLE[k][1] for k in kinds])
        ),
        shape=alt.Shape(
            "kind_label:N", title="Sites", scale=alt.Scale(domain=labels, range=[SITE_STYLE[k][2] for k in kinds])
        ),
        size=alt.Size("marker_size:Q", scale=None, legend=None),
        fillOpacity=alt.condition("datum.status == 'former'", alt.value(0.15), alt.value(1)),
    )
    left = base.transform_filter("datum.label_side == 'left'")
    right = base.transform_filter("datum.label_side == 'right'")
    names = left.mark_text(align="right", dx=-8, dy=-6, fontSize=11, color=INK).encode(text="label:N")
    names += right.mark_text(align="left", dx=8, dy=-6, fontSize=11, color=INK).encode(text="label:N")
    return marks + names


def border_map(
    countries: gpd.GeoDataFrame,
    rivers: gpd.GeoDataFrame | None,
    border: gpd.GeoDataFrame,
    coverage: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame] | None,
    sites: pd.DataFrame,
) -> alt.LayerChart:
    """The region without tiles: countries, rivers, the border in bold, reach and covered stretch, sites."""
    layers: list[alt.TopLevelMixin] = [countries_layer(countries)]
    if rivers is not None:
        layers.append(rivers_layer(rivers))
    if coverage is not None:
        layers.append(reach_layer(coverage[0]))
    layers.append(border_layer(border))
    if coverage is not None:
        layers.append(covered_layer(coverage[1]))
    if len(sites):
        layers.append(sites_layer(sites))
    return alt.layer(*layers).project(**PROJECTION).properties(height=MAP_HEIGHT)


def coverage_curve_chart(curve: pd.DataFrame, radius_km: float) -> alt.LayerChart:
    """Share of the border within reach as the radius grows, with the chosen radius marked."""
    line = (
        alt.Chart(curve)
        .mark_line(color=COVERED_COLOR)
        .encode(
            x=alt.X("radius_km:Q", title="Radius around Russia's active facilities, km"),
            y=alt.Y(
                "share:Q", title="Share of the border line", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])
            ),
            tooltip=[
                alt.Tooltip("radius_km:Q", title="Radius, km"),
                alt.Tooltip("share:Q", format=".0%", title="Covered"),
            ],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"radius_km": [radius_km]}))
        .mark_rule(color=INK, strokeDash=[4, 3])
        .encode(x="radius_km:Q")
    )
    return (line + rule).properties(height=220)


def troop_chart(strength: pd.DataFrame, ranges: pd.DataFrame, claims: pd.DataFrame) -> alt.LayerChart:
    """Reported strength of the 201st base: each source's figure, the spread per year, the seed's claim."""
    x = alt.X(
        "year:Q",
        title="Year reported",
        axis=alt.Axis(format="d", tickMinStep=1),
        scale=alt.Scale(nice=False, zero=False, padding=12),
    )
    spread = (
        alt.Chart(ranges)
        .mark_rule(color="#9CA3AF", strokeWidth=8, opacity=0.5)
        .encode(
            x=x,
            y=alt.Y("low:Q", title="Personnel", scale=alt.Scale(domain=[0, 10000])),
            y2="high:Q",
            tooltip=[
                alt.Tooltip("year:Q", format="d", title="Year"),
                alt.Tooltip("low:Q", format=",", title="Lowest"),
                alt.Tooltip("high:Q", format=",", title="Highest"),
                alt.Tooltip("sources:Q", title="Figures"),
            ],
        )
    )
    points = (
        alt.Chart(strength)
        .mark_point(size=70, filled=True, color=SIDE_COLORS["Russia"])
        .encode(
            x=x,
            y="estimate:Q",
            tooltip=[
                alt.Tooltip("year:Q", format="d", title="Year"),
                alt.Tooltip("estimate:Q", format=",", title="Personnel"),
                alt.Tooltip("publisher:N", title="Source"),
                alt.Tooltip("note:N", title="Note"),
            ],
        )
    )
    claim = (
        alt.Chart(claims)
        .mark_rule(color=INK, strokeDash=[5, 4])
        .encode(y="value:Q", tooltip=[alt.Tooltip("label:N", title="Claim")])
    )
    claim_text = (
        alt.Chart(claims)
        .mark_text(align="left", dx=4, dy=-7, fontSize=11, color=INK)
        .encode(y="value:Q", x=alt.value(4), text="label:N")
    )
    return (spread + points + claim + claim_text).properties(height=260)


STATUS_COLORS = {"member": "#1F2933", "suspended": "#8E7CC3", "observer": "#9CB8DA", "former": "#E5E7EB"}


def membership_chart(matrix: pd.DataFrame) -> alt.LayerChart:
    """Organisations × countries, coloured by status, Russia and Tajikistan first."""
    names = matrix.drop_duplicates("country_iso3").set_index("country_iso3")["country_name"]
    order = ["RUS", "TJK", *sorted(set(names.index) - {"RUS", "TJK"}, key=names.get)]
    x = alt.X("country_name:N", title=None, sort=[names[c] for c in order], axis=alt.Axis(labelAngle=-40, orient="top"))
    y = alt.Y("organization:N", title=None, sort=["CSTO", "CIS", "EAEU", "SCO"])
    cells = (
        alt.Chart(matrix)
        .mark_rect(stroke="#FFFFFF", strokeWidth=2)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "status:N",
                title="Status",
                scale=alt.Scale(domain=list(STATUS_COLORS), range=list(STATUS_COLORS.values())),
            ),
            tooltip=[
                alt.Tooltip("organization:N", title="Organisation"),
                alt.Tooltip("country_name:N", title="Country"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("years:N", title="Years"),
                alt.Tooltip("note:N", title="Note"),
            ],
        )
    )
    return cells.properties(height=alt.Step(30))


# --- tidy frames for the charts above ---


def sites_frame(sites: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Placed sites with what the markers and tooltips show; garrison markers scale with troops."""
    placed = sites.dropna(subset=["lat", "lon"]).merge(sources[["source_id", "publisher"]], on="source_id", how="left")
    placed["kind_label"] = placed["kind"].map(lambda kind: SITE_STYLE.get(kind, (kind,))[0])
    placed["troops_text"] = [
        f"about {t:,.0f} ({int(y)}, whole base)" if pd.notna(t) else "no published figure for this site"
        for t, y in zip(placed["troops_estimate"], placed["troops_year"], strict=True)
    ]
    placed["distance_text"] = placed["distance_to_border_km"].map(lambda d: f"{d:,.1f} km" if pd.notna(d) else "")
    placed["marker_size"] = [
        40 + (t / 20 if pd.notna(t) else 80) if kind.startswith("russian") else 60
        for kind, t in zip(placed["kind"], placed["troops_estimate"], strict=True)
    ]
    placed["label"], placed["label_side"] = map_labels(placed)
    columns = [
        "site_id",
        "name",
        "short_name",
        "label",
        "label_side",
        "kind",
        "kind_label",
        "status",
        "lat",
        "lon",
        "coord_basis",
        "troops_text",
        "distance_text",
        "marker_size",
        "publisher",
    ]
    return placed[columns]


def map_labels(placed: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """One label per spot, on the side the data gives.

    A city at the same point as a garrison (Dushanbe, Bokhtar, Kulob) is labelled once, by the
    garrison.
    """
    russian = placed["kind"].str.startswith("russian")
    spot = placed["lat"].round(2).astype(str) + "," + placed["lon"].round(2).astype(str)
    shadowed = ~russian & spot.isin(set(spot[russian]))
    return placed["short_name"].where(~shadowed, ""), placed["label_side"].fillna("right")


def strength_frame(strength: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    return strength.merge(sources[["source_id", "publisher"]], on="source_id", how="left")[
        ["year", "estimate", "publisher", "note"]
    ]
