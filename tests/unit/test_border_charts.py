"""The map and security charts build valid specs from the real model, and draw what they should."""

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from dashboard import datasets
from dashboard.analytics import border
from dashboard.border_model import build_border_model
from dashboard.charts import border as charts


@pytest.fixture(scope="module")
def model():
    return build_border_model(
        datasets.load_geo("countries"),
        datasets.load_geo("border_tj_af"),
        datasets.load_geo("rivers"),
        *(
            datasets.load(n)
            for n in ("security_sites", "troop_estimates", "memberships", "claims", "events", "sources")
        ),
    )


def layer_marks(spec):
    out = []
    for layer in spec.get("layer", []):
        out.extend(layer_marks(layer) if "layer" in layer else [layer["mark"]["type"]])
    return out


def test_map_without_tiles_and_under_a_megabyte(model):
    reach = border.border_coverage(model.border_line, model.covering, 100)
    coverage = (
        gpd.GeoDataFrame(geometry=[reach.buffers], crs=4326),
        gpd.GeoDataFrame(geometry=[reach.covered_line], crs=4326),
    )
    sites = charts.sites_frame(model.sites, model.sources)
    chart = charts.border_map(model.countries, model.rivers, model.border_drawn, coverage, sites)
    spec = chart.to_dict()  # validates against the Vega-Lite schema
    assert spec["projection"]["type"] == "conicConformal"
    assert "url" not in str(spec)  # no tile or remote data
    assert len(str(spec)) < 1_000_000
    assert layer_marks(spec).count("geoshape") >= 5


def test_polygons_are_wound_clockwise_for_d3(model):
    spec = charts.countries_layer(model.countries).to_dict()
    feature = spec["layer"][0]["data"]["values"][0]
    ring = feature["geometry"]["coordinates"][0]
    if feature["geometry"]["type"] == "MultiPolygon":
        ring = ring[0]
    assert not shapely.LinearRing(ring).is_ccw


def test_sites_frame_labels_each_spot_once(model):
    sites = charts.sites_frame(model.sites, model.sources).set_index("site_id")
    assert sites.loc["city_dushanbe", "label"] == ""  # the garrison at the same point carries the label
    assert sites.loc["ru201_dushanbe", "label"] == "Dushanbe, 201st base HQ"
    assert sites.loc["ru201_dushanbe", "marker_size"] > sites.loc["ru201_bokhtar", "marker_size"]
    assert "no published coordinate" not in " ".join(sites.index)  # unplaced sites are not drawn


def test_troop_and_membership_charts(model):
    strength = charts.strength_frame(model.strength, model.sources)
    claims = pd.DataFrame({"value": [7000], "label": ["Seed article, 2022: about 7,000"]})
    spec = charts.troop_chart(strength, model.strength_ranges, claims).to_dict()
    assert len(spec["layer"]) == 4
    matrix = charts.membership_chart(model.memberships).to_dict()
    assert matrix["encoding"]["x"]["sort"][:2] == ["Russia", "Tajikistan"]


def test_coverage_curve_chart(model):
    spec = charts.coverage_curve_chart(model.coverage_curve, 150).to_dict()
    assert spec["layer"][1]["mark"]["type"] == "rule"
