"""The border map and the security charts. Geometry arrives in WGS84; the map needs no tiles.

Frames and the map's named datasets come prepared by models.border; these functions only draw.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.theme import INK, MUTED, SIDE_COLORS, basis_tooltips
from dashboard.formatting.catalogue import N_
from dashboard.formatting.countries import country
from dashboard.formatting.language import Language

# The map takes its height from its frame (see components.show_map), so a phone gets a map as
# wide as the screen instead of a strip in a tall empty box.
MAP_HEIGHT = "container"
# Below this drawn width the site names collide and run off the edge: the markers stay, with
# their names in the tooltip and the sites table.
LABEL_MIN_WIDTH = 560
# Conic conformal with standard parallels through the region: shapes stay true at this latitude.
PROJECTION = {"type": "conicConformal", "parallels": [35, 41], "rotate": [-68.5, 0, 0]}

COUNTRY_FILL = {"TJK": "#F3E9D2", "AFG": "#E4DED3"}
OTHER_FILL = "#F4F5F7"
BORDER_COLOR = "#111827"
COVERED_COLOR = "#B3261E"
RIVER_COLOR = "#6FA8DC"

SITE_STYLE = {  # kind -> (colour, shape); the legend reads each kind's name from the frame (kind_label)
    "russian_base": (SIDE_COLORS["Russia"], "square"),
    "russian_facility": ("#E0672B", "diamond"),
    "border_crossing": ("#2F6DB5", "triangle-up"),
    "tajik_city": ("#374151", "circle"),
    "afghan_city": ("#6B7280", "circle"),
}
LAYER_KINDS = {
    "russian": ("russian_base", "russian_facility"),
    "crossings": ("border_crossing",),
    "cities": ("tajik_city", "afghan_city"),
}


def with_map_data(spec: dict, datasets: dict) -> dict:
    """A built map spec with the named geometry it refers to."""
    return {**spec, "datasets": {**spec.get("datasets", {}), **datasets}}


def _fill_expression() -> str:
    """Each country's fill, from its ISO code: Tajikistan and Afghanistan stand out, others are pale."""
    chain = f"'{OTHER_FILL}'"
    for iso3, colour in reversed(COUNTRY_FILL.items()):
        chain = f"datum.properties.iso_a3 == '{iso3}' ? '{colour}' : {chain}"
    return chain


def countries_layer(labels: pd.DataFrame, lang: Language) -> alt.LayerChart:
    shapes = (
        alt.Chart(alt.NamedData(name="countries"))
        .transform_calculate(fill=_fill_expression())
        .mark_geoshape(stroke="#FFFFFF", strokeWidth=1)
        .encode(
            fill=alt.Fill("fill:N", scale=None),
            tooltip=[alt.Tooltip("properties.name:N", title=lang.gettext("Country"))],
        )
    )
    names = (
        alt.Chart(labels[["name", "focus", "label_lon", "label_lat"]])
        .mark_text(color=MUTED, fontWeight=600)
        .encode(
            longitude="label_lon:Q",
            latitude="label_lat:Q",
            text="name:N",
            size=alt.Size("focus:O", scale=alt.Scale(domain=[True, False], range=[15, 11]), legend=None),
        )
    )
    return shapes + names


def rivers_layer(lang: Language) -> alt.Chart:
    return (
        alt.Chart(alt.NamedData(name="rivers"))
        .mark_geoshape(filled=False, stroke=RIVER_COLOR)
        .encode(
            strokeWidth=alt.StrokeWidth(
                "properties.level:O", scale=alt.Scale(domain=[1, 2, 3], range=[1.6, 1.0, 0.6]), legend=None
            ),
            tooltip=[
                alt.Tooltip("properties.name_inferred:N", title=lang.gettext("River")),
                alt.Tooltip("properties.river_class:N", title=lang.gettext("Class")),
            ],
        )
    )


def border_layer(lang: Language) -> alt.Chart:
    return (
        alt.Chart(alt.NamedData(name="border"))
        .mark_geoshape(filled=False, stroke=BORDER_COLOR, strokeWidth=3)
        .encode(tooltip=[alt.Tooltip("properties.tj_region:N", title=lang.gettext("Tajik–Afghan border, Tajik side"))])
    )


REACH_RADIUS = "reach_radius"  # the one-row table holding the radius drawn: all a radius move changes


def coverage_datasets(reach_steps: pd.DataFrame, border_steps: pd.DataFrame) -> dict:
    """The reach at every radius the slider offers and the border in short steps, each step with
    its distance to the nearest covering site, as the named datasets the reach and covered layers
    read: the same for every radius (models.border_coverage.build_coverages)."""
    return {"reach": reach_steps, "covered": border_steps}


def radius_dataset(radius_km: float) -> dict:
    """The radius the reach and covered layers draw, as the one table that changes with it.

    Everything else in the map's spec and data is the same at every radius, so the browser swaps
    this table in its drawn map instead of building the map again (docs/performance.md).
    """
    return {REACH_RADIUS: pd.DataFrame({"reach_key": [0.0], "radius_km": [float(radius_km)]})}


def _at_the_radius(chart: alt.Chart, kept: str) -> alt.Chart:
    """The layer's rows that `kept` keeps at the radius in REACH_RADIUS, which the browser looks up."""
    return (
        chart.transform_calculate(reach_key="0")
        .transform_lookup(
            lookup="reach_key",
            from_=alt.LookupData(data=alt.NamedData(name=REACH_RADIUS), key="reach_key", fields=["radius_km"]),
        )
        .transform_filter(kept)
    )


REACH_FILL_OPACITY = 0.08


def reach_layer() -> alt.Chart:
    """The area within the chosen radius of a covering site: of the outlines drawn for every radius
    the slider offers (dataset "reach", a vertex a row), those of the radius in REACH_RADIUS,
    each drawn as a closed line and filled (unfilled where the area has a hole: `filled` 0)."""
    outlines = alt.Chart(alt.NamedData(name="reach"))
    return (
        _at_the_radius(outlines, "datum.step_km == datum.radius_km")
        .transform_calculate(fill_opacity=f"datum.filled * {REACH_FILL_OPACITY}")
        .mark_line(fill=COVERED_COLOR, stroke=COVERED_COLOR, strokeOpacity=0.5, strokeWidth=1, strokeDash=[4, 3])
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            detail="ring:N",
            order="order:Q",
            fillOpacity=alt.FillOpacity("fill_opacity:Q", scale=None, legend=None),
        )
    )


def covered_layer() -> alt.Chart:
    """The stretch of border inside that area, drawn over the border line: the line's short steps
    (dataset "covered") whose farther end is within the radius in REACH_RADIUS."""
    steps = alt.Chart(alt.NamedData(name="covered"))
    return (
        _at_the_radius(steps, "datum.distance_km <= datum.radius_km")
        .mark_rule(color=COVERED_COLOR, strokeWidth=5.5, strokeCap="round")
        .encode(longitude="lon:Q", latitude="lat:Q", longitude2="lon2:Q", latitude2="lat2:Q")
    )


LABEL_OFFSETS = {  # label_side -> (align, dx, dy)
    "right": ("left", 9, 0),
    "left": ("right", -9, 0),
    "above": ("center", 0, -13),
    "below": ("center", 0, 13),
}


def sites_layer(sites: pd.DataFrame, site_names: bool, lang: Language) -> alt.LayerChart:
    """Sites as markers by kind; the garrison with a troop figure sized by it; former ones faded.

    `site_names=False` leaves out the eight name layers (a thumbnail has no room for them).
    """
    named = dict(zip(sites["kind"], sites["kind_label"], strict=True))
    kinds = [k for k in SITE_STYLE if k in named]
    labels = [named[k] for k in kinds]
    base = alt.Chart(sites).encode(
        longitude="lon:Q",
        latitude="lat:Q",
        tooltip=[
            alt.Tooltip("name:N", title=lang.gettext("Site")),
            alt.Tooltip("kind_label:N", title=lang.gettext("Kind")),
            alt.Tooltip("status:N", title=lang.gettext("Status")),
            alt.Tooltip("troops_text:N", title=lang.gettext("Troops")),
            alt.Tooltip("distance_text:N", title=lang.gettext("To the border")),
            *basis_tooltips(year=False, lang=lang),
        ],
    )
    markers = base.mark_point(filled=True, opacity=1, stroke="#FFFFFF", strokeWidth=1).encode(
        color=alt.Color(
            "kind_label:N",
            title=lang.gettext("Sites"),
            scale=alt.Scale(domain=labels, range=[SITE_STYLE[k][0] for k in kinds]),
        ),
        shape=alt.Shape(
            "kind_label:N",
            title=lang.gettext("Sites"),
            scale=alt.Scale(domain=labels, range=[SITE_STYLE[k][1] for k in kinds]),
        ),
        size=alt.Size("marker_size:Q", scale=None, legend=None),
        fillOpacity=alt.condition("datum.status == 'former'", alt.value(0.2), alt.value(1)),
    )
    layers = [markers]
    for side, (align, dx, dy) in LABEL_OFFSETS.items() if site_names else ():
        placed = base.transform_filter(f"datum.label_side == '{side}'")
        # An empty text, not a transparent one: hidden names must not widen the drawing's bounds.
        text = alt.condition(f"width >= {LABEL_MIN_WIDTH}", "label:N", alt.value(""))
        halo = dict(align=align, dx=dx, dy=dy, fontSize=11, stroke="#FFFFFF", strokeWidth=3, strokeOpacity=0.9)
        layers.append(placed.mark_text(**halo).encode(text=text))
        layers.append(placed.mark_text(align=align, dx=dx, dy=dy, fontSize=11, color=INK).encode(text=text))
    return alt.layer(*layers)


def border_map(
    country_labels: pd.DataFrame,
    show_rivers: bool,
    show_coverage: bool,
    sites: pd.DataFrame,
    lang: Language,
    site_names: bool = True,
) -> alt.LayerChart:
    """The region without tiles: countries, rivers, the border in bold, reach and covered stretch, sites.

    Countries, rivers and the border are named datasets ("countries", "rivers", "border"): add them
    with `with_map_data(spec, map_datasets(...))`; with coverage, also `coverage_datasets(...)` and
    `radius_dataset(radius)`, the one table that differs between radii.
    """
    layers: list[alt.TopLevelMixin] = [countries_layer(country_labels, lang)]
    if show_rivers:
        layers.append(rivers_layer(lang))
    if show_coverage:
        layers.append(reach_layer())
    layers.append(border_layer(lang))
    if show_coverage:
        layers.append(covered_layer())
    if len(sites):
        layers.append(sites_layer(sites, site_names, lang))
    return alt.layer(*layers).project(**PROJECTION).properties(height=MAP_HEIGHT)


def coverage_curve_chart(curve: pd.DataFrame, radius_km: float, lang: Language) -> alt.LayerChart:
    """Share of the border within reach as the radius grows, with the chosen radius marked."""
    line = (
        alt.Chart(curve)
        .mark_line(color=COVERED_COLOR)
        .encode(
            x=alt.X("radius_km:Q", title=lang.gettext("Distance from Russia's active sites, km")),
            y=alt.Y(
                "share:Q",
                title=lang.gettext("Share of the border line"),
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            tooltip=[
                alt.Tooltip("radius_km:Q", title=lang.gettext("Radius, km")),
                alt.Tooltip("covered_km:Q", format=",.0f", title=lang.gettext("Covered, km")),
                alt.Tooltip("share:Q", format=".0%", title=lang.gettext("Covered")),
                *basis_tooltips(year=False, lang=lang),
            ],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"radius_km": [radius_km]}))
        .mark_rule(color=INK, strokeDash=[4, 3])
        .encode(x="radius_km:Q")
    )
    return (line + rule).properties(height=220)


# the troop figures' kinds (the frame's words, shown in the viewer's language) and their marks
FIGURE_SHAPES = {
    N_("about"): "circle",
    N_("at least"): "triangle-up",
    N_("up to"): "triangle-down",
    N_("sent away"): "cross",
}


def troop_chart(figures: pd.DataFrame, ranges: pd.DataFrame, claims: pd.DataFrame, lang: Language) -> alt.LayerChart:
    """Reported strength of the 201st base: each source's figure, the spread per year, the claim.

    `figures` comes from strength_frame, its words in `lang`: bounds ("more than 6,000", "up to 7,000") keep their
    direction, and reported redeployments are drawn apart from strength.
    """
    top = max(figures["estimate"].max(), ranges["high"].max(), claims["value"].max() if len(claims) else 0)
    kinds = [lang.gettext(kind) for kind in FIGURE_SHAPES]
    x = alt.X(
        "year:Q",
        title=lang.gettext("Year reported"),
        axis=alt.Axis(format="d", tickMinStep=1),
        scale=alt.Scale(nice=False, zero=False, padding=14),
    )
    y_scale = alt.Scale(domain=[0, float(top) * 1.15])
    spread = (
        alt.Chart(ranges[ranges["low"] < ranges["high"]])
        .mark_rule(color="#9CA3AF", strokeWidth=10, opacity=0.45)
        .encode(
            x=x,
            y=alt.Y("low:Q", title=lang.gettext("Personnel"), scale=y_scale),
            y2="high:Q",
            tooltip=[
                alt.Tooltip("low:Q", format=",", title=lang.gettext("Lowest")),
                alt.Tooltip("high:Q", format=",", title=lang.gettext("Highest")),
                alt.Tooltip("sources:Q", title=lang.gettext("Figures")),
                *basis_tooltips(lang=lang),
            ],
        )
    )
    points = (
        alt.Chart(figures)
        .mark_point(size=80, filled=True, opacity=0.85)
        .encode(
            x=x,
            y=alt.Y("estimate:Q", scale=y_scale),
            shape=alt.Shape(
                "figure:N",
                title=lang.pgettext("qualifier", "Figure"),
                scale=alt.Scale(domain=kinds, range=list(FIGURE_SHAPES.values())),
            ),
            color=alt.Color(
                "figure:N",
                title=lang.pgettext("qualifier", "Figure"),
                scale=alt.Scale(domain=kinds, range=[SIDE_COLORS["Russia"]] * 3 + [MUTED]),
            ),
            tooltip=[
                alt.Tooltip("figure:N", title=lang.pgettext("qualifier", "Figure")),
                alt.Tooltip("estimate:Q", format=",", title=lang.gettext("Personnel")),
                alt.Tooltip("note:N", title=lang.gettext("Note")),
                *basis_tooltips(lang=lang),
            ],
        )
    )
    claim = (
        alt.Chart(claims)
        .mark_rule(color=INK, strokeDash=[5, 4])
        .encode(
            y=alt.Y("value:Q", scale=y_scale),
            tooltip=[alt.Tooltip("label:N", title=lang.gettext("Claim")), *basis_tooltips(lang=lang)],
        )
    )
    claim_text = (
        alt.Chart(claims)
        .mark_text(align="right", dy=-8, fontSize=11, color=INK)
        .encode(y=alt.Y("value:Q", scale=y_scale), x=alt.X("at_year:Q"), text="label:N")
    )
    return (spread + points + claim + claim_text).properties(height=280)


STATUS_COLORS = {"member": "#1F2933", "suspended": "#8E7CC3", "observer": "#9CB8DA", "former": "#E5E7EB"}


ORGANISATIONS = ("CSTO", "CIS", "EAEU", "SCO")  # as the page lists them: the security bloc first


def membership_status(status: str, lang: Language) -> str:
    """A membership's status (memberships.csv's code) as the legend says it."""
    words = {
        "member": lang.pgettext("membership", "member"),
        "suspended": lang.pgettext("membership", "suspended"),
        "observer": lang.pgettext("membership", "observer"),
        "former": lang.pgettext("membership", "former"),
    }
    return words.get(status, status)


def memberships_in(matrix: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The matrix as a reader in `lang` reads it: countries named by CLDR, organisations by the
    glossary (ОДКБ), statuses by the catalogue. English is the data as published."""
    if lang.is_source:
        return matrix
    return matrix.assign(
        organization=matrix["organization"].map(lang.gettext),
        country_name=[
            country(iso3, lang, name) for iso3, name in zip(matrix["country_iso3"], matrix["country_name"], strict=True)
        ],
        status=matrix["status"].map(lambda status: membership_status(status, lang)),
    )


def membership_chart(matrix: pd.DataFrame, lang: Language) -> alt.LayerChart:
    """Organisations × countries, coloured by status, Russia and Tajikistan first."""
    matrix = memberships_in(matrix, lang)
    names = matrix.drop_duplicates("country_iso3").set_index("country_iso3")["country_name"]
    order = ["RUS", "TJK", *sorted(set(names.index) - {"RUS", "TJK"}, key=names.get)]
    x = alt.X("country_name:N", title=None, sort=[names[c] for c in order], axis=alt.Axis(labelAngle=-40, orient="top"))
    y = alt.Y("organization:N", title=None, sort=[lang.gettext(o) for o in ORGANISATIONS])
    cells = (
        alt.Chart(matrix)
        .mark_rect(stroke="#FFFFFF", strokeWidth=2)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "status:N",
                title=lang.gettext("Status"),
                scale=alt.Scale(
                    domain=[membership_status(status, lang) for status in STATUS_COLORS],
                    range=list(STATUS_COLORS.values()),
                ),
            ),
            tooltip=[
                alt.Tooltip("organization:N", title=lang.gettext("Organisation")),
                alt.Tooltip("country_name:N", title=lang.gettext("Country")),
                alt.Tooltip("status:N", title=lang.gettext("Status")),
                alt.Tooltip("years:N", title=lang.gettext("Years")),
                alt.Tooltip("note:N", title=lang.gettext("Note")),
                *basis_tooltips(year=False, lang=lang),
            ],
        )
    )
    return cells.properties(height=alt.Step(30))
