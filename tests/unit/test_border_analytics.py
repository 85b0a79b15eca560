"""Border geometry on small known shapes (what the shipped border gives: tests/data/test_border_data.py)."""

import itertools

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from dashboard.analytics import border
from dashboard.analytics.basis import Basis, Figure
from dashboard.models.border_coverage import coverage_at

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


def test_coverage_grows_with_the_radius_and_ends_at_the_whole_line():
    sites = points((68.5, 37.2), (69.8, 36.9))
    shares = [border.border_coverage(LINE, sites, r).share for r in range(0, 201, 25)]
    assert shares[0] == 0
    assert all(a <= b + 1e-9 for a, b in itertools.pairwise(shares))
    assert shares[-1] == pytest.approx(1.0)
    assert 0 < shares[1] < shares[2] < 1  # 25 km and 50 km reach part of it


def test_the_farthest_point_needs_exactly_that_radius():
    # one site at the western end: the eastern end, 2° of longitude at 37°N (about 178 km), is farthest
    far = border.farthest_border_point(LINE, points((68.0, 37.0)))
    assert (far.lon, far.lat) == (pytest.approx(70.0), pytest.approx(37.0))
    assert far.distance_km == pytest.approx(2 * 88.94, rel=0.002)
    assert border.border_coverage(LINE, points((68.0, 37.0)), far.distance_km + 2).share == pytest.approx(1.0)
    assert border.border_coverage(LINE, points((68.0, 37.0)), far.distance_km - 20).share < 1.0
    # a site at each end: the middle is farthest, half as far
    middle = border.farthest_border_point(LINE, points((68.0, 37.0), (70.0, 37.0)))
    assert middle.lon == pytest.approx(69.0) and middle.distance_km == pytest.approx(88.94, rel=0.002)


def test_border_lengths_are_geodesic():
    lines = gpd.GeoDataFrame(
        {"id": ["full", "west"]}, geometry=[LINE, shapely.LineString([(68.0, 37.0), (69.0, 37.0)])], crs="EPSG:4326"
    )
    lengths = border.border_lengths(lines).set_index("id")
    assert lengths.loc["full", "length_km"] == pytest.approx(2 * 88.94, rel=0.002)
    assert lengths.loc["west", "length_km"] == pytest.approx(88.94, rel=0.002)
    assert "share_of_reference" not in lengths.columns


def test_a_length_measured_on_a_map_is_never_a_share_of_a_published_one():
    measured = Figure(178.0, Basis("this dashboard", "Natural Earth 1:10m"))
    published = Figure(356.0, Basis("CIA World Factbook", "The World Factbook"))
    result = border.against_published(measured, published)
    assert result.value is None
    assert result.reason == "different editions (Natural Earth 1:10m; The World Factbook)"
    # the rule, not the numbers, says no: one line measured twice in one edition would give 178 of 356 km
    same = border.against_published(measured, Figure(356.0, Basis("this dashboard", "Natural Earth 1:10m")))
    assert same.value == pytest.approx(50.0)


def test_the_coverage_at_a_radius_is_the_curves_row_for_it():
    curve = pd.DataFrame({"radius_km": [0, 10, 20], "covered_km": [0.0, 5.0, 12.0], "share": [0.0, 0.25, 0.6]})
    assert coverage_at(curve, 10)["covered_km"] == 5.0
    assert coverage_at(curve, 15)["covered_km"] == 12.0  # the first radius measured beyond it
    assert coverage_at(curve, 600)["covered_km"] == 12.0  # past the last: the last, never an error


def drawn_km(steps, radius_km):
    """The geodesic length of the steps a browser keeps at a radius (the map's filter), measured
    here with pyproj on each step's two ends, apart from the code that made them."""
    from pyproj import Geod

    kept = steps[steps["distance_km"] <= radius_km]
    geod = Geod(ellps="WGS84")
    return sum(
        geod.line_length([lon, lon2], [lat, lat2]) / 1000
        for lon, lat, lon2, lat2 in zip(kept["lon"], kept["lat"], kept["lon2"], kept["lat2"], strict=True)
    )


def test_the_line_in_steps_keeps_its_length_and_each_step_is_short():
    steps = border.border_steps(LINE, points((69.0, 37.0)))
    assert drawn_km(steps, 1e9) == pytest.approx(2 * 88.94, rel=0.002)  # every step kept: the whole line
    # cut into steps of at most 1 km (measured flat in the region's projection, within 1% of the ellipsoid's)
    assert all(drawn_km(steps.iloc[[i]], 1e9) <= 1.01 for i in range(len(steps)))
    assert len(steps) >= 178  # 177.9 km in steps of at most 1 km
    assert steps.iloc[0][["lon", "lat"]].tolist() == pytest.approx([68.0, 37.0])  # from the line's own ends
    assert steps.iloc[-1][["lon2", "lat2"]].tolist() == pytest.approx([70.0, 37.0])


def test_the_steps_within_a_radius_draw_the_covered_stretch_to_a_step_at_each_end():
    # a point on the line at 20 km covers 40 km (above); drawn by whole steps of at most 1 km, the
    # stretch can fall short by one step at each of its two ends and never run over
    on_line = border.border_steps(LINE, points((69.0, 37.0)))
    assert 38 <= drawn_km(on_line, 20) <= 40.4
    # 30 km off the line with 50 km: the 80 km chord, again to a step at each end
    off_line = border.border_steps(LINE, points((69.0, 37.0 + 30 / 111.0)))
    assert 78 - 1.6 <= drawn_km(off_line, 50) <= 80 + 1.6
    assert drawn_km(off_line, 29) == 0  # closer than the line: no step


def test_with_no_covering_site_no_step_is_within_any_radius():
    steps = border.border_steps(LINE, points())
    assert len(steps) and steps["distance_km"].isna().all()
    assert drawn_km(steps, 600) == 0
