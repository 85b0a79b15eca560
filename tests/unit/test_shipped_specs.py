"""Specs are shipped with their tables already in Arrow: the same data, converted once."""

import io

import pyarrow as pa

from dashboard.shipped_specs import is_geometry, with_arrow_datasets

RECORDS = [{"year": 2023, "value": 1.5, "source_id": "imf-dots"}, {"year": 2024, "value": None, "source_id": "x"}]
FEATURES = [{"type": "Feature", "properties": {"name": "A"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]


def read_arrow(data: bytes) -> list[dict]:
    return pa.ipc.open_stream(io.BytesIO(data)).read_all().to_pylist()


def test_tables_become_arrow_with_the_same_rows_and_gaps():
    shipped = with_arrow_datasets({"mark": "line", "datasets": {"table": RECORDS, "shapes": FEATURES}})
    assert isinstance(shipped["datasets"]["table"], bytes)
    rows = read_arrow(shipped["datasets"]["table"])
    assert [(r["year"], r["value"], r["source_id"]) for r in rows] == [(2023, 1.5, "imf-dots"), (2024, None, "x")]
    assert shipped["datasets"]["shapes"] is FEATURES  # geometry stays JSON for Vega-Lite
    assert shipped["mark"] == "line"


def test_the_cached_spec_itself_is_left_alone_and_a_second_pass_changes_nothing():
    spec = {"datasets": {"table": RECORDS}}
    once = with_arrow_datasets(spec)
    assert spec["datasets"]["table"] is RECORDS
    assert with_arrow_datasets(once) == once
    assert with_arrow_datasets({"mark": "bar"}) == {"mark": "bar"}


def test_geometry_is_recognised_in_both_geojson_shapes():
    assert is_geometry(FEATURES)
    assert is_geometry({"type": "FeatureCollection", "features": FEATURES})
    assert not is_geometry(RECORDS)
    assert not is_geometry([])
