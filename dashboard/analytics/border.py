"""Geometry of the Tajik–Afghan border: lengths, distances and coverage by Russian facilities.

Distances and buffers are computed in a Lambert azimuthal equal-area projection centred on the
border region (70°E, 37.5°N), where a metre is a metre to within a fraction of a percent across
Tajikistan; lengths of lines are geodesic on the WGS84 ellipsoid.

A length measured here is the line's, not the border's: a line drawn at any scale smooths the
rivers' bends, so it is set beside a published length, never as a share of it (`against_published`).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

from dashboard.analytics.basis import GAP, SHARE, THIS_DASHBOARD, Basis, Comparison, Figure, compare

METRIC_CRS = "+proj=laea +lat_0=37.5 +lon_0=70 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"
WGS84 = "EPSG:4326"
GEOD = Geod(ellps="WGS84")

# Sites whose coverage of the border is measured: Russia's active military presence.
COVERING_KINDS = ("russian_base", "russian_facility")


def geodesic_length_km(geometry: BaseGeometry) -> float:
    """Length on the ellipsoid, vertex to vertex, in km."""
    return GEOD.geometry_length(geometry) / 1000


def to_metric(frame: gpd.GeoDataFrame | gpd.GeoSeries) -> gpd.GeoDataFrame | gpd.GeoSeries:
    return frame.to_crs(METRIC_CRS)


def sites_to_points(sites: pd.DataFrame) -> gpd.GeoDataFrame:
    """The sites that have a coordinate, as points (the others cannot be placed, and are not)."""
    located = sites.dropna(subset=["lat", "lon"])
    return gpd.GeoDataFrame(located, geometry=gpd.points_from_xy(located["lon"], located["lat"]), crs=WGS84)


def distance_to_border_km(points: gpd.GeoDataFrame, border: BaseGeometry) -> pd.Series:
    """Shortest distance from each point to the border line, in km."""
    line = gpd.GeoSeries([border], crs=WGS84).to_crs(METRIC_CRS).iloc[0]
    return to_metric(points.geometry).distance(line) / 1000


def against_published(measured: Figure, published: Figure) -> Comparison:
    """A length measured here on a map's line as % of a published length of the border, where
    `basis.compare` allows it.

    One thing measured by two reporters is a gap in kind (`basis.GAP`: same year and edition);
    a map and a reference book are never one edition, so there is no number and the reason says
    why. The page then shows both lengths side by side, each with whose it is.
    """
    gap = compare(GAP, measured, published)
    return gap if gap.value is None else Comparison(100 + gap.value)


@dataclass(frozen=True)
class Coverage:
    """How much of the border lies within a radius of the covering sites."""

    radius_km: float
    covered_km: float
    total_km: float
    covered_line: BaseGeometry  # WGS84, for the map
    buffers: BaseGeometry  # WGS84, for the map

    @property
    def share(self) -> float:
        """The covered stretch as a share (0–1) of the line it was measured on: one line, one
        measurement, so `basis.compare(SHARE, ...)` always allows it (an empty line covers nothing)."""
        line = Basis(THIS_DASHBOARD, "the line measured")
        share = compare(SHARE, Figure(self.covered_km, line), Figure(self.total_km, line))
        return share.value / 100 if share.value is not None else 0.0


def border_coverage(border: BaseGeometry, points: gpd.GeoDataFrame, radius_km: float) -> Coverage:
    """The stretch of border within `radius_km` of any point, its length and share of the line.

    Both lengths are geodesic, so the share is of the line as drawn (not of a published length such as 1,357 km).
    """
    total = geodesic_length_km(border)
    if radius_km <= 0 or points.empty:
        empty = shapely.LineString()
        return Coverage(radius_km, 0.0, total, empty, shapely.Polygon())
    line = gpd.GeoSeries([border], crs=WGS84).to_crs(METRIC_CRS).iloc[0]
    area = shapely.union_all(to_metric(points.geometry).buffer(radius_km * 1000, quad_segs=16).to_numpy())
    covered = gpd.GeoSeries([line.intersection(area), area], crs=METRIC_CRS).to_crs(WGS84)
    covered_line, buffers = covered.iloc[0], covered.iloc[1]
    # a line wholly inside the reach is the whole line (its re-measured pieces differ by rounding)
    covered_km = total if line.within(area) else geodesic_length_km(covered_line)
    return Coverage(radius_km, covered_km, total, covered_line, buffers)


# The covered stretch is drawn from the line cut into steps no longer than this: about a pixel of
# the widest map, so a stretch drawn by whole steps ends within a pixel of where it is measured to.
DRAWN_STEP_KM = 1.0


def border_steps(border: BaseGeometry, points: gpd.GeoDataFrame, step_km: float = DRAWN_STEP_KM) -> pd.DataFrame:
    """The line as short straight steps, each with the distance from its farther end to the nearest point.

    The line is the full-resolution one (its own vertices kept, longer stretches cut to `step_km`),
    and distances are measured as `distance_to_border_km` measures them (planar, in METRIC_CRS), so
    the steps within a radius r (`distance_km <= r`) are the covered stretch, drawn by whole steps:
    a browser picks them for any radius from this one table. With no points every distance is
    missing (nothing is within any radius).
    """
    line = gpd.GeoSeries([border], crs=WGS84).to_crs(METRIC_CRS).iloc[0]
    vertices = shapely.get_coordinates(shapely.segmentize(line, step_km * 1000))
    sites = shapely.get_coordinates(to_metric(points.geometry).to_numpy())
    if len(sites):
        gaps = vertices[:, None, :] - sites[None, :, :]
        nearest = np.sqrt((gaps**2).sum(axis=2)).min(axis=1) / 1000
    else:
        nearest = np.full(len(vertices), np.nan)
    lon, lat = gpd.GeoSeries(shapely.points(vertices), crs=METRIC_CRS).to_crs(WGS84).get_coordinates().to_numpy().T
    return pd.DataFrame(
        {
            "lon": lon[:-1],
            "lat": lat[:-1],
            "lon2": lon[1:],
            "lat2": lat[1:],
            "distance_km": np.maximum(nearest[:-1], nearest[1:]),
        }
    )


@dataclass(frozen=True)
class FarthestPoint:
    """The point of the border farthest from every covering site: the radius that covers it all."""

    distance_km: float
    lon: float
    lat: float


def farthest_border_point(border: BaseGeometry, points: gpd.GeoDataFrame) -> FarthestPoint | None:
    """Checked every kilometre along the line (so exact to within about 1 km); None without points."""
    if points.empty:
        return None
    line = gpd.GeoSeries([border], crs=WGS84).to_crs(METRIC_CRS).iloc[0]
    samples = gpd.GeoSeries(shapely.points(shapely.get_coordinates(shapely.segmentize(line, 1000))), crs=METRIC_CRS)
    metric_points = to_metric(points.geometry).to_numpy()
    nearest = samples.apply(lambda sample: min(sample.distance(p) for p in metric_points))
    where = samples.to_crs(WGS84).iloc[int(nearest.to_numpy().argmax())]
    return FarthestPoint(float(nearest.max()) / 1000, where.x, where.y)


def border_lengths(border_lines: gpd.GeoDataFrame) -> pd.DataFrame:
    """Geodesic length of every border line in the data (each the line's, at its map's scale)."""
    out = border_lines.drop(columns="geometry").copy()
    out["length_km"] = border_lines.geometry.map(geodesic_length_km)
    return pd.DataFrame(out)


# Coordinates drawn, in degrees: 0.001° is about 100 m, some fifteen times finer than a pixel of
# the widest map. The full precision only made the spec (sent on every redraw) larger.
DRAWN_DECIMALS = 3


def geo_features(frame: gpd.GeoDataFrame, decimals: int = DRAWN_DECIMALS) -> list[dict]:
    """GeoJSON features with polygon rings wound the way d3 expects, at the precision drawn.

    Coordinates are snapped to a grid of 10^-decimals degrees, which keeps every outline valid
    (plain rounding can make a ring cross itself); a shape smaller than the grid is left out.
    GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3's spherical geometry reads that as
    "everything but this polygon" and fills the globe. Clockwise outer rings draw the shape.
    Measurements never use these features: they come from the full-precision geometry.
    """
    snapped = shapely.set_precision(frame.geometry.to_numpy(), 10.0**-decimals)
    drawn = frame.set_geometry(shapely.orient_polygons(snapped, exterior_cw=True))
    return drawn[~shapely.is_empty(snapped)].__geo_interface__["features"]
