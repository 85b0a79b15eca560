"""The map and security charts build valid specs from the real model, and draw what they should."""

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from dashboard import datasets
from dashboard.analytics import border
from dashboard.cache import shared
from dashboard.charts import border as charts
from dashboard.models.border import MAP_BOX, build_border_model, build_coverage_curve, clip_to_map, thumbnail_geometry


@pytest.fixture(scope="module")
def model():
    return build_border_model(
        datasets.load_geo("countries"),
        datasets.load_geo("border_tj_af"),
        datasets.load_geo("rivers"),
        *(
            datasets.load(n)
            for n in shared.BORDER_TABLES
        ),
    )


def layer_marks(spec):
    out = []
    for layer in spec.get("layer", []):
        out.extend(layer_marks(layer) if "layer" in layer else [layer["mark"]["type"]])
    return out


def coverage_frames(model, radius):
    reach = border.border_coverage(model.border_line, model.covering, radius)
    return tuple(
        gpd.GeoDataFrame(geometry=[clip_to_map(shape)], crs=4326) for shape in (reach.buffers, reach.covered_line)
    )


def test_map_draws_offline_and_stays_under_a_megabyte(model):
    sites = charts.sites_frame(model.sites, model.sources)
    chart = charts.border_map(model.countries.drop(columns="geometry"), True, True, sites)
    spec = chart.to_dict()  # validates against Vega-Lite
    spec = charts.with_map_data(
        charts.with_map_data(spec, model.map_data), charts.coverage_datasets(*coverage_frames(model, 100))
    )
    assert spec["projection"]["type"] == "conicConformal"
    assert set(spec["datasets"]) >= {"countries", "rivers", "border", "reach", "covered"}
    assert "url" not in str(spec)  # no tile or remote data
    assert len(str(spec)) < 1_000_000
    assert layer_marks(spec).count("geoshape") == 5  # countries, rivers, reach, border, covered stretch


def test_a_large_reach_is_cut_to_the_map_window(model):
    buffers, _ = coverage_frames(model, 600)
    west, south, east, north = buffers.total_bounds
    assert west >= MAP_BOX[0] and south >= MAP_BOX[1] and east <= MAP_BOX[2] and north <= MAP_BOX[3]


def rings(feature):
    geometry = feature["geometry"]
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [polygon[0] for polygon in polygons]


def test_every_polygon_is_wound_clockwise_for_d3(model):
    features = model.map_data["countries"] + charts.geo_features(coverage_frames(model, 200)[0])
    outer = [ring for feature in features for ring in rings(feature)]
    assert len(outer) > 10
    assert not any(shapely.LinearRing(ring).is_ccw for ring in outer)


def test_sites_frame_draws_each_spot_once(model):
    sites = charts.sites_frame(model.sites, model.sources).set_index("site_id")
    assert "city_dushanbe" not in sites.index  # the garrison at the same point stands for it
    assert "range_lyaur" not in sites.index  # no published coordinate: listed, not drawn
    assert sites.loc["ru201_dushanbe", "label"] == "Dushanbe, 201st base HQ"
    assert sites.loc["ru201_dushanbe", "marker_size"] > sites.loc["ru201_bokhtar", "marker_size"]
    assert sites.loc["ru201_bokhtar", "troops_text"] == "no published figure for this site"


def test_troop_chart_keeps_bounds_and_redeployments_apart(model):
    figures = charts.strength_frame(model.strength, model.troops_redeployed, model.sources)
    by_source = figures.set_index(["year", "figure"])
    assert (2021, "at least") in by_source.index  # 'more than 6,000'
    assert (2022, "up to") in by_source.index  # 'up to 7,000'
    assert by_source.loc[(2022, "sent away"), "estimate"] == 1500
    claims = pd.DataFrame({"value": [7000], "year": [2022], "label": ["Russia Briefing, 2022: about 7,000"]})
    spec = charts.troop_chart(figures, model.strength_ranges, claims).to_dict()
    assert spec["layer"][1]["encoding"]["y"]["scale"]["domain"][1] >= 7500


def test_membership_chart_puts_russia_and_tajikistan_first(model):
    matrix = charts.membership_chart(model.memberships).to_dict()
    assert matrix["encoding"]["x"]["sort"][:2] == ["Russia", "Tajikistan"]


def test_coverage_curve_chart(model):
    spec = charts.coverage_curve_chart(build_coverage_curve(model), 150).to_dict()
    assert spec["layer"][1]["mark"]["type"] == "rule"


def test_a_thumbnail_map_draws_sites_without_their_name_layers(model):
    sites = charts.sites_frame(model.sites, model.sources)
    labels = model.countries.drop(columns="geometry")
    named = layer_marks(charts.border_map(labels, False, False, sites).to_dict())
    bare = layer_marks(charts.border_map(labels, False, False, sites, site_names=False).to_dict())
    # the country names stay; the sites lose a halo and a text layer per label side
    assert named.count("text") - bare.count("text") == 2 * len(charts.LABEL_OFFSETS)
    assert bare.count("text") == 1 and bare.count("point") == 1


def test_drawn_geometry_is_rounded_to_about_100_m_and_keeps_its_shape(model):
    drawn = gpd.GeoDataFrame.from_features(model.map_data["countries"], crs=4326).set_index("name")
    coordinates = shapely.get_coordinates(drawn.geometry.to_numpy())
    assert len(coordinates) > 1000 and (coordinates.round(3) == coordinates).all()
    full = model.countries.set_index("name")
    for name in ("Tajikistan", "Afghanistan"):  # outlines move by at most half the rounding step
        assert drawn.geometry[name].hausdorff_distance(full.geometry[name]) < 0.001


def test_every_drawn_outline_is_valid_on_the_map_and_the_thumbnail(model):
    for geometry in (model.map_data, thumbnail_geometry(model)):
        for name, features in geometry.items():
            drawn = gpd.GeoDataFrame.from_features(features)
            assert len(drawn) and drawn.geometry.is_valid.all(), name  # plain rounding made Kyrgyzstan cross itself
