"""The map and security charts on hand-made shapes and rows (tests/unit/chart_inputs.py): what they draw.

Schema validation of the specs is test_chart_schema.py's; specs here are built unvalidated. What the
shipped geometry makes of the map (its size, valid outlines) is checked in tests/data/test_border_data.py.
"""

import re

import geopandas as gpd
import shapely
import vl_convert

from dashboard.analytics import border
from dashboard.charts import border as charts
from dashboard.formatting.language import ENGLISH, RUSSIAN
from dashboard.models.border import MAP_BOX
from dashboard.models.border_coverage import drawn_reaches
from tests.unit.chart_inputs import (
    BORDER_LINE,
    COUNTRIES,
    COUNTRY_LABELS,
    COVERAGE_CURVE,
    COVERAGE_DATA,
    COVERING,
    MAP_DATA,
    MAP_SITES,
    MEMBERSHIPS,
    STRENGTH_FIGURES,
    STRENGTH_RANGES,
    TROOP_CLAIMS,
    coverage_frames,
)


def layer_marks(spec):
    out = []
    for layer in spec.get("layer", []):
        out.extend(layer_marks(layer) if "layer" in layer else [layer["mark"]["type"]])
    return out


def test_map_draws_offline_from_its_named_geometry():
    spec = charts.border_map(COUNTRY_LABELS, True, True, MAP_SITES, ENGLISH).to_dict(validate=False)
    spec = charts.with_map_data(charts.with_map_data(spec, MAP_DATA), COVERAGE_DATA)
    assert spec["projection"] == {"type": "conicConformal", "parallels": [35, 41], "rotate": [-68.5, 0, 0]}
    assert set(spec["datasets"]) >= {"countries", "rivers", "border", "reach", "covered", "reach_radius"}
    assert "url" not in str(spec)  # no tile or remote data
    assert layer_marks(spec).count("geoshape") == 3  # countries, rivers, border
    assert layer_marks(spec).count("line") == 1  # the reach: its outline, closed and filled
    assert layer_marks(spec).count("rule") == 1  # the covered stretch, step by step


def reach_layers(spec):
    """The map's reach and covered layers: those that look the radius up."""
    return [layer for layer in spec["layer"] if "lookup" in str(layer.get("transform"))]


def test_the_radius_is_the_one_table_that_changes_between_radii():
    """A radius move must leave the spec and every other dataset as they were: the browser then
    swaps the one-row table in its drawn map instead of building the map again."""
    chart = charts.border_map(COUNTRY_LABELS, True, True, MAP_SITES, ENGLISH).to_dict(validate=False)
    at = {
        r: charts.with_map_data(charts.with_map_data(chart, COVERAGE_DATA), charts.radius_dataset(r)) for r in (50, 150)
    }
    assert {k: v for k, v in at[50].items() if k != "datasets"} == {k: v for k, v in at[150].items() if k != "datasets"}
    changed = [name for name in at[50]["datasets"] if at[50]["datasets"][name] is not at[150]["datasets"][name]]
    assert changed == ["reach_radius"]
    assert at[150]["datasets"]["reach_radius"].to_dict("records") == [{"reach_key": 0.0, "radius_km": 150.0}]
    assert at[50]["datasets"]["reach_radius"]["radius_km"].tolist() == [50.0]
    reach, covered = reach_layers(at[50])
    assert reach["data"] == {"name": "reach"} and covered["data"] == {"name": "covered"}
    # each keeps, of rows drawn for every radius, those at the radius the table holds
    assert {"filter": "datum.step_km == datum.radius_km"} in reach["transform"]
    assert covered["transform"][-1] == {"filter": "datum.distance_km <= datum.radius_km"}
    looked_up = {"data": {"name": "reach_radius"}, "key": "reach_key", "fields": ["radius_km"]}
    assert reach["transform"][1]["from"] == covered["transform"][1]["from"] == looked_up
    assert {row["step_km"] for row in COVERAGE_DATA["reach"]} == {50.0, 100.0, 150.0}  # 0 km draws none


def test_a_large_reach_is_cut_to_the_map_window():
    reach = border.border_coverage(BORDER_LINE, COVERING, 600).buffers
    assert reach.bounds[0] < MAP_BOX[0] and reach.bounds[3] > MAP_BOX[3]  # 600 km from Dushanbe runs off the map
    buffers, _ = coverage_frames(600)
    west, south, east, north = buffers.total_bounds
    assert west >= MAP_BOX[0] and south >= MAP_BOX[1] and east <= MAP_BOX[2] and north <= MAP_BOX[3]


def rings(feature):
    geometry = feature["geometry"]
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [polygon[0] for polygon in polygons]


def test_every_polygon_is_wound_clockwise_for_d3():
    assert all(shapely.LinearRing(shape.exterior).is_ccw for shape in COUNTRIES.geometry)  # as GeoJSON winds them
    features = MAP_DATA["countries"] + border.geo_features(coverage_frames(200)[0])
    outer = [ring for feature in features for ring in rings(feature)]
    assert len(outer) == 4  # three countries and the reach
    assert not any(shapely.LinearRing(ring).is_ccw for ring in outer)


def test_sites_frame_draws_each_spot_once():
    sites = MAP_SITES.set_index("site_id")
    assert "city_dushanbe" not in sites.index  # the garrison at the same point stands for it
    assert "range_lyaur" not in sites.index  # no published coordinate: listed, not drawn
    assert "city_kunduz" in sites.index  # no garrison at its spot
    assert sites.loc["ru201_dushanbe", "label"] == "Dushanbe, 201st base HQ"
    assert sites.loc["city_kunduz", "label_side"] == "right"  # the default side
    # the base's one troop figure sizes its HQ: 60 + 7,000 / 35; other Russian sites 110, the rest 60
    assert sites["marker_size"].to_dict() == {
        "ru201_dushanbe": 260.0,
        "ru201_bokhtar": 110.0,
        "ru201_kulob": 110.0,
        "okno": 110.0,
        "crossing_panji": 60.0,
        "city_kunduz": 60.0,
    }
    assert sites.loc["ru201_dushanbe", "troops_text"] == "about 7,000 for the whole base (2022)"
    assert sites.loc["ru201_bokhtar", "troops_text"] == "no published figure for this site"
    assert sites.loc["ru201_bokhtar", "distance_text"] == "93.2 km"
    # whose each position is, and how it stands, in the columns every tooltip and CSV carries
    assert sites.loc["okno", "reported_by"] == "Russian defence ministry"
    assert sites.loc["okno", "basis"] == "position as published"
    assert sites.loc["ru201_bokhtar", "basis"] == "placed at its city's centre"
    assert sites.loc["okno", "edition"] == "Russian defence ministry, 2024-01-15"
    assert sites["year"].isna().all()  # a place is for no year


def test_troop_chart_keeps_bounds_and_redeployments_apart():
    by_source = STRENGTH_FIGURES.set_index(["year", "figure"])["estimate"]
    assert by_source.to_dict() == {
        (2012, "about"): 7000,
        (2021, "at least"): 6000,  # 'more than 6,000': low = estimate, no high
        (2022, "up to"): 7000,  # 'up to 7,000': high = estimate, no low
        (2022, "about"): 7500,
        (2022, "sent away"): 1500,  # a redeployment, not a strength
    }
    spec = charts.troop_chart(STRENGTH_FIGURES, STRENGTH_RANGES, TROOP_CLAIMS, ENGLISH).to_dict(validate=False)
    assert spec["layer"][1]["encoding"]["y"]["scale"]["domain"] == [0, 7500 * 1.15]  # room above the largest
    spread = spec["datasets"][spec["layer"][0]["data"]["name"]]
    assert [(row["year"], row["low"], row["high"]) for row in spread] == [
        (2022, 7000.0, 7500.0)
    ]  # only where figures differ


def test_the_troop_legend_says_what_kind_of_figure_each_mark_is_in_russian_too():
    """'Figure' here is a figure's kind (about, at least, up to): the qualifier's word, not the
    general 'Показатель'."""
    for lang, title in ((ENGLISH, "Figure"), (RUSSIAN, "Характер значения")):
        spec = charts.troop_chart(STRENGTH_FIGURES, STRENGTH_RANGES, TROOP_CLAIMS, lang).to_dict(validate=False)
        encoding = spec["layer"][1]["encoding"]
        assert (encoding["shape"]["title"], encoding["color"]["title"]) == (title, title)


def test_the_membership_chart_reads_in_russian_and_keeps_its_colours():
    spec = charts.membership_chart(MEMBERSHIPS, RUSSIAN).to_dict(validate=False)
    rows = spec["datasets"][spec["data"]["name"]]
    assert {row["organization"] for row in rows} <= {"ОДКБ", "СНГ", "ЕАЭС", "ШОС"}
    assert {"Россия", "Таджикистан"} <= {row["country_name"] for row in rows}  # CLDR's names
    color = spec["encoding"]["color"]
    assert color["scale"]["domain"] == ["член", "членство приостановлено", "наблюдатель", "бывший член"]
    assert color["scale"]["range"][0] == charts.STATUS_COLORS["member"]  # a member is still the darkest
    assert spec["encoding"]["y"]["sort"] == ["ОДКБ", "СНГ", "ЕАЭС", "ШОС"]
    english = charts.membership_chart(MEMBERSHIPS, ENGLISH).to_dict(validate=False)
    assert english["encoding"]["color"]["scale"]["domain"] == ["member", "suspended", "observer", "former"]


def test_membership_chart_puts_russia_and_tajikistan_first():
    spec = charts.membership_chart(MEMBERSHIPS, ENGLISH).to_dict(validate=False)
    assert spec["encoding"]["x"]["sort"] == ["Russia", "Tajikistan", "Afghanistan", "China", "Uzbekistan"]
    assert spec["encoding"]["y"]["sort"] == ["CSTO", "CIS", "EAEU", "SCO"]


def test_coverage_curve_marks_the_chosen_radius():
    spec = charts.coverage_curve_chart(COVERAGE_CURVE, 150, ENGLISH).to_dict(validate=False)
    assert spec["layer"][1]["mark"]["type"] == "rule"
    assert spec["datasets"][spec["layer"][1]["data"]["name"]] == [{"radius_km": 150}]


def test_a_thumbnail_map_draws_sites_without_their_name_layers():
    named = layer_marks(charts.border_map(COUNTRY_LABELS, False, False, MAP_SITES, ENGLISH).to_dict(validate=False))
    bare = layer_marks(
        charts.border_map(COUNTRY_LABELS, False, False, MAP_SITES, ENGLISH, site_names=False).to_dict(validate=False)
    )
    # the country names stay; the sites lose a halo and a text layer per label side
    assert named.count("text") - bare.count("text") == 2 * len(charts.LABEL_OFFSETS)
    assert bare.count("text") == 1 and bare.count("point") == 1


def test_drawn_geometry_is_rounded_to_about_100_m_and_keeps_its_shape():
    full = COUNTRIES.set_index("name")
    assert (
        shapely.get_coordinates(full.geometry.to_numpy()).round(3) != shapely.get_coordinates(full.geometry.to_numpy())
    ).any()
    drawn = gpd.GeoDataFrame.from_features(MAP_DATA["countries"], crs=4326).set_index("name")
    coordinates = shapely.get_coordinates(drawn.geometry.to_numpy())
    assert (coordinates.round(3) == coordinates).all()
    for name in full.index:  # outlines move by at most half the rounding step
        assert drawn.geometry[name].hausdorff_distance(full.geometry[name]) < 0.001
    assert "fill" not in drawn.columns  # colours are the chart's: it fills each country by its code
    (calculate,) = charts.countries_layer(COUNTRY_LABELS, ENGLISH).to_dict(validate=False)["layer"][0]["transform"]
    assert calculate == {
        "calculate": "datum.properties.iso_a3 == 'TJK' ? '#F3E9D2' : datum.properties.iso_a3 == 'AFG' ? '#E4DED3' "
        ": '#F4F5F7'",
        "as": "fill",
    }


def reach_of(shape: shapely.Geometry, radius_km: float = 100.0) -> border.Coverage:
    return border.Coverage(radius_km, 0.0, 0.0, shapely.LineString(), shape)


RING_OF_SITES = shapely.Polygon(
    [(69.0, 37.0), (71.0, 37.0), (71.0, 38.5), (69.0, 38.5)],
    holes=[[(69.8, 37.5), (70.2, 37.5), (70.2, 37.9), (69.8, 37.9)]],
)


def test_a_reach_with_a_hole_is_drawn_as_its_edges_unfilled_and_one_without_filled():
    """Sites around an area they do not reach leave a hole, which a filled outline would paint as
    covered: that radius's outer edge and the hole's edge are drawn, neither filled."""
    drawn = drawn_reaches([reach_of(RING_OF_SITES, 100.0), reach_of(shapely.box(69.0, 37.0, 70.0, 38.0), 50.0)])
    holed = drawn[drawn["step_km"] == 100.0]
    assert holed["ring"].nunique() == 2 and set(holed["filled"]) == {0}
    inner = holed[holed["ring"] == 1].sort_values("order")[["lon", "lat"]].to_numpy()
    hole = shapely.Polygon(RING_OF_SITES.interiors[0])
    assert shapely.Polygon(inner).hausdorff_distance(hole) < 1e-5  # the hole's own edge (drawn in float32)
    assert set(drawn.loc[drawn["step_km"] == 50.0, "filled"]) == {1}


def test_the_browser_fills_a_reach_only_where_it_has_no_hole():
    """Rendered by vl-convert, the same Vega the browser runs: the filled outline is painted at the
    reach's opacity, the holed one with none."""
    for shape, opacity in ((shapely.box(69.0, 37.0, 70.0, 38.0), charts.REACH_FILL_OPACITY), (RING_OF_SITES, 0)):
        spec = charts.reach_layer().properties(width=200, height=200).to_dict()
        reach = drawn_reaches([reach_of(shape, 100.0)])
        spec["datasets"] = {
            "reach": reach.astype(float).to_dict("records"),
            charts.REACH_RADIUS: charts.radius_dataset(100)[charts.REACH_RADIUS].to_dict("records"),
        }
        svg = vl_convert.vegalite_to_svg(spec)
        assert re.findall(r'fill-opacity="([0-9.]+)"', svg) and {
            float(value) for value in re.findall(r'fill-opacity="([0-9.]+)"', svg)
        } == {opacity}, svg[:600]
