"""The GeoJSON files the map draws: countries, the Tajik–Afghan border line, rivers; and their loader,
which names the feature (not a CSV line) where a file fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np

from dashboard.datasets.editions import DATA_DIR, locate
from dashboard.datasets.loading import check_references, known_keys
from dashboard.datasets.reference import SOURCES
from dashboard.datasets.schema import Column, DataError, DataFile, first_problem
from dashboard.datasets.validation import check_column
from dashboard.formatting.catalogue import N_


@dataclass(frozen=True, kw_only=True)
class GeoDataset(DataFile):
    """A GeoJSON file: the geometry types it may hold and the properties each feature carries."""

    geometry_types: frozenset[str]
    properties: dict[str, Column]
    key: str | None = None
    required_keys: frozenset[str] = frozenset()  # features the app cannot do without


# GeoJSON carries no reliable CRS (GDAL assumes WGS84 for any file), so the coordinates are
# checked against the region the data covers: metres, or latitude and longitude swapped, fail.
REGION_BOUNDS = (52.0, 29.0, 80.0, 45.0)  # west, south, east, north


GEO_COUNTRIES = GeoDataset(
    name="countries",
    file="geo/countries.geojson",
    title=N_("Country polygons"),
    caveat=N_("Simplified for drawing; lengths and distances are measured on the full-resolution border line."),
    description=(
        N_("The countries around Tajikistan, Digital Chart of the World (1:1,000,000), clipped to 52–80°E, 29–45°N.")
    ),
    geometry_types=frozenset({"Polygon", "MultiPolygon"}),
    properties={"iso_a3": Column(pattern=r"^[A-Z]{3}$"), "name": Column(), "source_id": Column()},
)

GEO_BORDER = GeoDataset(
    name="border_tj_af",
    file="geo/border_tj_af.geojson",
    title=N_("Tajik–Afghan border line"),
    caveat=N_(
        "A digitised line measures shorter than the surveyed river border: the official length is quoted beside it."
    ),
    description=(
        N_(
            "The border from the Uzbek tripoint to the Chinese tripoint, west to east: the DCW line (the "
            "one drawn) and Natural Earth lines at three scales, whole and split at the Khatlon/GBAO boundary."
        )
    ),
    geometry_types=frozenset({"LineString"}),
    key="id",
    required_keys=frozenset({"dcw_full", "dcw_khatlon", "dcw_gbao"}),
    properties={
        "id": Column(pattern=r"^[a-z0-9_]+$"),
        "source": Column(),
        "resolution": Column(),
        "segment": Column(allowed=frozenset({"full", "khatlon", "gbao"})),
        "tj_region": Column(required=False),
        "source_id": Column(),
    },
)

GEO_RIVERS = GeoDataset(
    name="rivers",
    file="geo/rivers.geojson",
    title=N_("Rivers"),
    description=N_(
        "Permanent and additional major rivers (WDBII levels 1–3) near Tajikistan; names only where inferred."
    ),
    geometry_types=frozenset({"LineString"}),
    properties={
        "level": Column("integer", minimum=0, maximum=10),
        "river_class": Column(),
        "name_inferred": Column(required=False),
        "source_id": Column(),
    },
)

GEO_DATASETS: dict[str, GeoDataset] = {d.name: d for d in (GEO_COUNTRIES, GEO_BORDER, GEO_RIVERS)}


def load_geo(name: str, data_dir: Path = DATA_DIR) -> gpd.GeoDataFrame:
    """Load a GeoJSON dataset: readable, WGS84, valid geometry of the right types, properties checked."""
    dataset = GEO_DATASETS[name]
    path = locate(data_dir, dataset.file)
    if not path.exists():
        raise DataError(dataset.file, "the file is missing")
    try:
        frame = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for unreadable input
        raise DataError(dataset.file, f"not a readable GeoJSON file ({type(exc).__name__})") from None
    if frame.empty:
        raise DataError(dataset.file, "the file has no features")
    if frame.crs is None or frame.crs.to_epsg() != 4326:
        raise DataError(dataset.file, f"coordinates must be WGS84 longitude/latitude (found {frame.crs})")
    fail = lambda mask, why: first_problem(mask, "geometry", why)  # noqa: E731
    for problem in (
        fail(frame.geometry.isna() | frame.geometry.is_empty, "a feature has no geometry"),
        fail(~frame.geom_type.isin(dataset.geometry_types), f"geometry must be {sorted(dataset.geometry_types)}"),
        fail(~frame.geometry.is_valid, "geometry is not valid (self-intersecting or unclosed)"),
    ):
        if problem:
            raise DataError(dataset.file, problem.message, row=problem.row + 1, column="geometry", unit="feature")
    west, south, east, north = frame.total_bounds
    if west < REGION_BOUNDS[0] or south < REGION_BOUNDS[1] or east > REGION_BOUNDS[2] or north > REGION_BOUNDS[3]:
        raise DataError(
            dataset.file,
            f"coordinates reach {west:.4g}..{east:.4g}°E, {south:.4g}..{north:.4g}°N, outside the region "
            "52–80°E, 29–45°N: not WGS84 longitude/latitude, or the axes are swapped",
        )
    missing = [c for c in dataset.properties if c not in frame.columns]
    if missing:
        raise DataError(dataset.file, f"missing propert(ies): {', '.join(missing)}")
    for column_name, column in dataset.properties.items():
        text = frame[column_name].map(lambda v: None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v))
        try:
            frame[column_name] = check_column(dataset.file, text.astype(object), column_name, column)
        except DataError as error:  # report the feature number, not a CSV line
            feature = (error.row or 2) - 1
            raise DataError(dataset.file, error.message, row=feature, column=column_name, unit="feature") from None
    if dataset.key:
        duplicated = first_problem(frame[dataset.key].duplicated(), dataset.key, "is used by an earlier feature")
        if duplicated:
            raise DataError(
                dataset.file, duplicated.message, row=duplicated.row + 1, column=dataset.key, unit="feature"
            )
        absent = sorted(dataset.required_keys - set(frame[dataset.key]))
        if absent:
            raise DataError(dataset.file, f"the feature(s) {', '.join(absent)} the map needs are missing")
    known = known_keys(SOURCES, data_dir)
    check_references(dataset.file, frame, "source_id", known, "data/sources.csv", unit="feature", first=1)
    return frame
