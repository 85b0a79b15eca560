"""The border's coverage at every radius the Border page's slider offers, measured and drawn:
the curve its cards read, the reach's outlines and the border line in steps of at most 1 km that
the map draws (charts.border picks the radius in the browser). Built once, apart from the model:
it is the Border model's slowest part, and only the Border page needs it."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dashboard.analytics import border
from dashboard.analytics.basis import MEASURED, THIS_DASHBOARD, described
from dashboard.analytics.citations import edition_words
from dashboard.models.border import MAP_BOX, SIMPLIFY_DEG, BorderModel

COVERAGE_RADII_KM = tuple(range(0, 601, 10))


def clip_to_map(geometry: shapely.Geometry) -> shapely.Geometry:
    """Cut a shape to the map window, so a large reach does not make the map zoom out."""
    return shapely.clip_by_rect(geometry, *MAP_BOX)


# The reach is drawn simplified like the focus countries (about 0.5 km): a pixel of the widest map is about 1 km.
REACH_SIMPLIFY_DEG = SIMPLIFY_DEG["focus"]


@dataclass(frozen=True)
class Coverages:
    """The border's coverage at every radius the slider offers, measured and drawn, built once.

    Apart from the model because only the Border page needs it and it is the model's slowest
    part (one buffer and intersection per radius): the Overview opens without waiting for it.
    The drawing is the same for every radius, so a radius move only changes which radius the
    browser picks from it (charts.border.radius_dataset); the numbers stay the server's, in `curve`.
    """

    curve: pd.DataFrame  # radius_km, covered_km, share: what the cards and the curve show
    reach_steps: pd.DataFrame  # the area within each radius, cut to the map: its outlines' vertices (drawn_reaches)
    border_steps: pd.DataFrame  # the full-resolution line in steps of at most 1 km, each with distance_km


def build_coverages(model: BorderModel) -> Coverages:
    reaches = [border.border_coverage(model.border_line, model.covering, r) for r in COVERAGE_RADII_KM]
    curve = pd.DataFrame(
        {
            "radius_km": COVERAGE_RADII_KM,
            "covered_km": [reach.covered_km for reach in reaches],
            "share": [reach.share for reach in reaches],
        }
    )
    inputs = model.border_drawn["source_id"].iloc[:1].tolist() + model.covering["source_id"].tolist()
    edition = "; ".join(dict.fromkeys(edition_words(pd.Series(inputs), model.sources)))
    return Coverages(
        curve=described(curve, THIS_DASHBOARD, MEASURED, edition, None),
        reach_steps=drawn_reaches(reaches),
        border_steps=drawn_steps(model.border_line, model.covering),
    )


def drawn_reaches(reaches: list[border.Coverage]) -> pd.DataFrame:
    """Each radius's reach cut to the map (so a large one does not zoom the map out) and simplified
    for drawing, as the vertices of its outlines: one row per vertex (`step_km` the radius, `ring`
    the outline, `order` the vertex along it), in float32 and small integers.

    A table, not GeoJSON: Streamlit ships a table as Arrow bytes it passes through, while GeoJSON
    stays in the spec, which it parses and writes again on every draw (about 4,000 coordinate pairs
    for the 60 radii: more than the rest of the map).

    A filled outline cannot leave a hole open: where sites ring an area they do not reach, the
    hole would be drawn filled, as covered. Such a radius's outlines, holes included, are drawn
    unfilled (`filled` 0): the area's edges without claiming what lies inside them.
    """
    rows = []
    for reach in reaches:
        shape = clip_to_map(reach.buffers).simplify(REACH_SIMPLIFY_DEG)
        parts = shapely.get_parts(shapely.set_precision(shape, 10.0**-border.DRAWN_DECIMALS))
        holed = any(len(part.interiors) for part in parts)
        rings = [ring for part in parts for ring in (part.exterior, *part.interiors)]
        for index, ring in enumerate(rings):
            lon, lat = np.asarray(ring.coords).T
            rows.append(
                pd.DataFrame(
                    {
                        "step_km": reach.radius_km,
                        "ring": index,
                        "order": range(len(lon)),
                        "lon": lon,
                        "lat": lat,
                        "filled": 0 if holed else 1,
                    }
                )
            )
    columns = {
        "step_km": "float32",
        "ring": "int16",
        "order": "int16",
        "lon": "float32",
        "lat": "float32",
        "filled": "int8",
    }
    empty = pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in columns.items()})
    return pd.concat([empty, *rows], ignore_index=True).astype(columns)


def drawn_steps(line: shapely.LineString, covering: gpd.GeoDataFrame) -> pd.DataFrame:
    """The line's steps and their distances (analytics.border.border_steps) in the float32 a
    browser draws (about a metre at this longitude): half the bytes of float64."""
    return border.border_steps(line, covering).astype("float32")


def coverage_at(curve: pd.DataFrame, radius_km: int) -> pd.Series:
    """The curve's row for a radius: the first radius measured at or beyond it (the slider offers
    only radii the curve has, so a link's value, clamped to the slider's range, is always one)."""
    return curve.iloc[min(int(curve["radius_km"].searchsorted(radius_km)), len(curve) - 1)]
