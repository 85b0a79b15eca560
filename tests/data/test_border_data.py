"""The shipped border geometry as the map and the coverage figures use it.

Pinned to the shipped data/ on purpose: the lengths are the data pack's documented figures, and the
map's size and outlines are what this geometry makes of them (the logic is tested on small shapes in
tests/unit/test_border_analytics.py and tests/unit/test_border_charts.py).
"""

import itertools
import json
import re

import geopandas as gpd
import numpy as np
import pytest
import shapely
import vl_convert
from pyproj import Geod

from dashboard import datasets
from dashboard.analytics import border
from dashboard.brief.document import plain_spec
from dashboard.cache import shared
from dashboard.cache.arrow_specs import for_streamlit
from dashboard.charts import border as charts
from dashboard.formatting.language import ENGLISH
from dashboard.models.border import build_border_model, sites_frame, thumbnail_geometry
from dashboard.models.border_coverage import build_coverages, clip_to_map


@pytest.fixture(scope="module")
def model():
    return build_border_model(
        datasets.load_geo("countries"),
        datasets.load_geo("border_tj_af"),
        datasets.load_geo("rivers"),
        *(datasets.load(n) for n in shared.BORDER_TABLES),
    )


def test_the_full_map_stays_under_a_megabyte(model, coverages):
    sites = sites_frame(model.sites, model.sources)
    spec = charts.border_map(model.countries.drop(columns="geometry"), True, True, sites, ENGLISH).to_dict(
        validate=False
    )
    coverage = charts.coverage_datasets(coverages.reach_steps, coverages.border_steps) | charts.radius_dataset(100)
    spec = for_streamlit(charts.with_map_data(charts.with_map_data(spec, model.map_data), coverage))
    assert "url" not in str(spec)  # no tile or remote data
    shipped = len(json.dumps({k: v for k, v in spec.items() if k != "datasets"}))
    assert shipped + sum(len(table) for table in spec["datasets"].values()) < 1_000_000  # JSON and Arrow bytes


@pytest.fixture(scope="module")
def coverages(model):
    return build_coverages(model)


def test_what_the_map_draws_at_each_radius_is_the_covered_length_the_page_gives(coverages):
    """The covered stretch drawn in the browser (the steps the map's filter keeps at a radius, as
    test_border_charts checks the filter) is the server's covered length, within a step at each
    end of each covered stretch: the browser draws whole steps, the server cuts the line where
    it leaves the reach. Lengths measured here, apart from the code, on each step's two ends."""
    steps = coverages.border_steps
    geod = Geod(ellps="WGS84")
    lengths = np.array(
        [
            geod.line_length([lon, lon2], [lat, lat2]) / 1000
            for lon, lat, lon2, lat2 in zip(steps["lon"], steps["lat"], steps["lon2"], steps["lat2"], strict=True)
        ]
    )
    assert lengths.max() <= 1.01  # steps of at most 1 km, flat in the region's projection
    assert lengths.sum() == pytest.approx(1246.0, abs=0.5)  # the whole line, as the "Border line on this map" card
    for radius, covered in zip(coverages.curve["radius_km"], coverages.curve["covered_km"], strict=True):
        kept = (steps["distance_km"] <= radius).to_numpy()
        ends = int(np.count_nonzero(np.diff(kept.astype(int))))  # where a drawn stretch starts or stops
        assert abs(lengths[kept].sum() - covered) <= max(ends, 1) * 1.01, radius
    assert lengths[(steps["distance_km"] <= 300).to_numpy()].sum() == pytest.approx(
        0.71 * 1246, abs=6
    )  # the card's 71%


def test_the_map_draws_one_reach_for_every_radius_the_slider_offers(model, coverages):
    reach = coverages.reach_steps
    assert sorted(set(reach["step_km"])) == list(range(10, 601, 10))  # 0 km has no area, so no outline
    areas = []
    for _radius, outlines in reach.groupby("step_km"):
        rings = [
            shapely.Polygon(ring.sort_values("order")[["lon", "lat"]].to_numpy())
            for _, ring in outlines.groupby("ring")
        ]
        assert all(ring.is_valid for ring in rings)
        areas.append(gpd.GeoSeries(rings, crs=4326).to_crs(border.METRIC_CRS).area.sum())
    assert (np.diff(areas) > 0).all()  # a larger radius reaches farther (even cut to the map)
    covered = clip_to_map(border.border_coverage(model.border_line, model.covering, 100).buffers)
    drawn_100 = gpd.GeoSeries([covered], crs=4326).to_crs(border.METRIC_CRS).area.iloc[0]
    assert areas[9] == pytest.approx(drawn_100, rel=0.01)  # the outline drawn at 100 km is the reach measured


def test_every_drawn_outline_is_valid_on_the_map_and_the_thumbnail(model):
    for geometry in (model.map_data, thumbnail_geometry(model)):
        for name, features in geometry.items():
            drawn = gpd.GeoDataFrame.from_features(features)
            assert len(drawn) and drawn.geometry.is_valid.all(), name  # plain rounding made Kyrgyzstan cross itself


@pytest.fixture(scope="module")
def real():
    lines = datasets.load_geo("border_tj_af").set_index("id")
    sites = datasets.load("security_sites")
    pts = border.sites_to_points(sites)
    covering = pts[pts["kind"].isin(border.COVERING_KINDS) & (pts["status"] == "active")]
    return lines.geometry["dcw_full"], covering


def test_real_border_coverage_is_monotonic_and_bounded(real):
    line, covering = real
    shares = [border.border_coverage(line, covering, r).share for r in range(0, 700, 50)]
    assert shares[0] == 0
    assert all(a <= b + 1e-9 for a, b in itertools.pairwise(shares))
    assert shares[-1] == pytest.approx(1.0)


def test_the_farthest_point_needs_exactly_that_radius(real):
    line, covering = real
    far = border.farthest_border_point(line, covering)
    assert border.border_coverage(line, covering, far.distance_km + 2).share == pytest.approx(1.0, abs=1e-6)
    assert border.border_coverage(line, covering, far.distance_km - 20).share < 1.0
    assert far.lon > 73  # the eastern end of the Wakhan stretch


def test_real_border_lengths_match_the_data_pack():
    lengths = border.border_lengths(datasets.load_geo("border_tj_af")).set_index("id")["length_km"]
    # the pack documents these geodesic lengths: DCW 1,246.0 km, NE 1:10m 1,172.1 km
    assert lengths["dcw_full"] == pytest.approx(1246.0, abs=0.1)
    assert lengths["ne10m_full"] == pytest.approx(1172.1, abs=0.1)
    assert lengths["dcw_khatlon"] + lengths["dcw_gbao"] == pytest.approx(lengths["dcw_full"], abs=0.5)


def test_the_maps_line_is_set_beside_the_factbooks_length_never_as_a_share_of_it(model):
    # DCW's line measures 1,246.0 km (the pack's figure); the CIA World Factbook publishes 1,357 km.
    # The old card said "92% of 1,357 km": a map's scale is not the border's length (docs/data.md).
    assert model.drawn_km == pytest.approx(1246.0, abs=0.1) and model.reference_km == 1357.0
    against = model.drawn_against_reference
    assert against.value is None and against.reason.startswith("different editions (Digital Chart of the World")
    assert against.reason.endswith("; The World Factbook)")


def drawn_marks(svg: str) -> list[tuple[str, int]]:
    """Each mark group of a Vega SVG in drawing order: its kind and how many shapes or lines it holds."""
    groups = re.findall(r'<g class="mark-(\w+) role-mark[^"]*"[^>]*>(.*?)</g>', svg, flags=re.S)
    return [(kind, inner.count("<path") + inner.count("<line")) for kind, inner in groups]


def test_the_briefs_map_draws_the_reach_and_the_stretch_of_its_radius(coverages):
    """vl-convert (the brief's renderer) runs the map's filter as the browser does: at each radius
    the one reach outline and, of the border's steps, those within the radius, as the model lists them."""
    steps = coverages.border_steps
    drawn = {}
    for radius in (100, 300):
        svg = vl_convert.vegalite_to_svg(plain_spec(shared.border_map_spec(radius, ("coverage",), ENGLISH)))
        drawn[radius] = drawn_marks(svg)
        countries, _labels, reach, line, covered = drawn[radius]
        assert countries == ("shape", 8)  # the eight countries in the map window
        assert reach == ("line", 1) and line == ("shape", 2)  # the reach's one outline; the border's two parts
        assert covered == ("rule", int((steps["distance_km"] <= radius).sum()))
    assert drawn[100][4][1] < drawn[300][4][1]
