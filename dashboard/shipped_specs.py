"""Vega-Lite specs in the form Streamlit ships them, prepared once per cached spec.

On every rerun `st.vega_lite_chart` turns each tabular dataset of a spec (a list of records)
into a DataFrame and then into Arrow bytes: about a millisecond per dataset, for data that has
not changed since the spec was cached. A dataset that is already Arrow bytes is passed through
as it is, so converting once, when the spec enters the cache, makes every later draw skip that
work. The bytes are the ones Streamlit itself would produce: the same conversion, done earlier.
Geometry (GeoJSON features) stays JSON: Vega-Lite reads it from the spec.
"""

from __future__ import annotations

from typing import Any

from streamlit import dataframe_util


def is_geometry(data: Any) -> bool:
    """GeoJSON features or a feature collection: data Vega-Lite must get as JSON, not a table."""
    if isinstance(data, dict):
        return data.get("type") in {"FeatureCollection", "Feature"}
    return isinstance(data, list) and bool(data) and isinstance(data[0], dict) and data[0].get("type") == "Feature"


def with_arrow_datasets(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with every tabular dataset already in Arrow IPC bytes (geometry left as JSON)."""
    datasets = spec.get("datasets")
    if not datasets:
        return spec
    shipped = {
        name: data
        if isinstance(data, bytes) or is_geometry(data)
        else dataframe_util.convert_anything_to_arrow_bytes(data)
        for name, data in datasets.items()
    }
    return {**spec, "datasets": shipped}
