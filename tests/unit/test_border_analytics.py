"""Border geometry on small known shapes, and on the real border."""

import itertools

import geopandas as gpd
import pytest
import shapely

from dashboard import datasets
from dashboard.analytics import border

# A straight east-west line along the 37th parallel, from 68°E to 70°E: about 178 km.
LINE = shapely.LineString([(68.0, 37.0), (69.0, 37.0), (70.0, 37.0)])


def points(*lon_lat):
    return gpd.GeoDataFrame(geometry=[shapely.Point(p) for p in lon_lat], crs="EPSG:4326")


def test_geodesic_length_of_a_known_line():
    # one degree of longitude at 37°N on WGS84 is 88.9 km
    assert border.geodesic_length_km(LINE) == pytest.approx(2 * 88.94, rel=0.002)


def test_distance_to_the_line():
    # 0.5° of latitude north of the line is about 55.5 km
    distances = border.distance_to_border_km(points((69.0, 37.5), (69.0, 37.0)), LINE)
    assert distances.iloc[0] == pytest.approx(55.5, rel=0.01)
    assert distances.iloc[1] == pytest.approx(0, abs=0.01)


def test_a_point_far_enough_covers_the_whole_line_exactly():
    reach = border.border_coverage(LINE, points((69.0, 37.0)), 500)
    assert reach.covered_km == reach.total_km and reach.share == 1.0


def test_no_covering_sites_means_no_coverage_and_no_farthest_point():
    empty = points()
    assert border.border_coverage(LINE, empty, 300).covered_km == 0
    assert border.farthest_border_point(LINE, empty) is None


def test_zero_radius_covers_nothing():
    reach = border.border_coverage(LINE, points((69.0, 37.0)), 0)
    assert reach.covered_km == 0 and reach.share == 0


def test_a_point_on_the_line_covers_twice_the_radius():
    reach = border.border_coverage(LINE, points((69.0, 37.0)), 20)
    assert reach.covered_km == pytest.approx(40, rel=0.01)
    assert reach.share == pytest.approx(40 / border.geodesic_length_km(LINE), rel=0.01)


def test_a_point_off_the_line_covers_the_chord():
    # 30 km off the line with a 50 km radius reaches 2 × sqrt(50² − 30²) = 80 km of it
    reach = border.border_coverage(LINE, points((69.0, 37.0 + 30 / 111.0)), 50)
    assert reach.covered_km == pytest.approx(80, rel=0.02)


def test_overlapping_reach_is_not_counted_twice():
    reach = border.border_coverage(LINE, points((69.0, 37.0), (69.1, 37.0)), 20)
    assert reach.covered_km == pytest.approx(40 + 0.1 * 88.94, rel=0.02)


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


def test_real_border_lengths_match_the_data_pack(real):
    lengths = border.border_lengths(datasets.load_geo("border_tj_af"), 1357.0).set_index("id")["length_km"]
    # the pack documents these geodesic lengths: DCW 1,246.0 km, NE 1:10m 1,172.1 km
    assert lengths["dcw_full"] == pytest.approx(1246.0, abs=0.1)
    assert lengths["ne10m_full"] == pytest.approx(1172.1, abs=0.1)
    assert lengths["dcw_khatlon"] + lengths["dcw_gbao"] == pytest.approx(lengths["dcw_full"], abs=0.5)
