"""Vega-Lite specs in the form Streamlit ships them, prepared once per cached spec.

On every rerun `st.vega_lite_chart` turns each tabular dataset of a spec (a list of records)
into a DataFrame and then into Arrow bytes: about a millisecond per dataset, for data that has
not changed since the spec was cached. A dataset that is already Arrow bytes is passed through
as it is, so converting once, when the spec enters the cache, makes every later draw skip that
work. The bytes are the ones Streamlit itself would produce: the same conversion, done earlier.
Geometry (GeoJSON features) stays JSON, since Vega-Lite reads it from the spec. Left among the
top-level datasets, Streamlit takes it out and puts it back around the pass that steadies
Altair's generated names: two more JSON round trips of the whole map on every draw, the
largest single cost of a radius move. Inline in the one layer that draws it, the map is
serialised once per draw. And it goes inline as its JSON text (Vega-Lite reads a string of
`values` by the data's format, JSON here), written once when the spec enters the cache: on
every draw Streamlit serialises the spec again (`json.dumps`), and a text is copied where the
features were written out number by number (the map: 2–5 ms a draw, then 0.2–0.8 ms).

Streamlit also writes into a spec it is given: a null colour-legend title becomes " " (a
Vega-Lite workaround). A cached spec is read-only (readonly.frozen), so that title is set here,
once, to what Streamlit would write. Both steps lean on how Streamlit 1.x draws a spec (its
dataframe_util module is not public API): see docs/architecture.md's upgrade checklist.

On every draw Streamlit also parses the spec's JSON back (to steady Altair's generated names,
`_stabilize_vega_json_spec`), a pure function of that text: the map's 90 KB took 5 ms a draw, on
every radius move. `remember_stable_specs` keeps its answers for the texts it has seen.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from streamlit import dataframe_util
from streamlit.elements import vega_charts

STABLE_SPECS = 256  # distinct spec texts remembered: every chart of every view seen lately


def remember_stable_specs() -> None:
    """Have `st.vega_lite_chart` work out each distinct spec text's stable form once (app.py, at
    the start of every run; installed once per process). A patch of Streamlit's own code: see
    docs/architecture.md's upgrade checklist and tests/unit/test_shipped_specs.py."""
    steady = vega_charts._stabilize_vega_json_spec
    if not hasattr(steady, "cache_info"):
        vega_charts._stabilize_vega_json_spec = functools.lru_cache(maxsize=STABLE_SPECS)(steady)


def is_geometry(data: Any) -> bool:
    """GeoJSON features or a feature collection: data Vega-Lite must get as JSON, not a table."""
    if isinstance(data, dict):
        return data.get("type") in {"FeatureCollection", "Feature"}
    return isinstance(data, list) and bool(data) and isinstance(data[0], dict) and data[0].get("type") == "Feature"


def for_streamlit(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as Streamlit will draw it, with nothing left for Streamlit to write into it."""
    return with_null_legend_titles_set(with_arrow_datasets(spec))


def with_null_legend_titles_set(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with a null title of its top-level colour channel or legend set to " ", as
    `st.vega_lite_chart` would set it in place on every draw (streamlit's _patch_null_legend_titles)."""
    encoding = spec.get("encoding")
    color = encoding.get("color") if isinstance(encoding, dict) else None
    if not isinstance(color, dict):
        return spec
    legend = color.get("legend")
    if "title" in color and color["title"] is None:
        color = {**color, "title": " "}
    if isinstance(legend, dict) and "title" in legend and legend["title"] is None:
        color = {**color, "legend": {**legend, "title": " "}}
    return {**spec, "encoding": {**encoding, "color": color}}


def with_arrow_datasets(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with every tabular dataset already in Arrow IPC bytes, and each geometry dataset
    inline in the layer that draws it (one drawn by several layers stays a named dataset).
    A dataset no layer reads (the rivers of a map drawn without them) is not shipped at all."""
    datasets = spec.get("datasets")
    if not datasets:
        return spec
    uses = _name_uses(spec)
    inline = {name: data for name, data in datasets.items() if is_geometry(data) and uses.get(name) == 1}
    inline = {name: geometry_text(data) for name, data in inline.items()}
    shipped = {name: _shipped(data) for name, data in datasets.items() if name not in inline and uses.get(name)}
    spec = _inlined(spec, inline) if inline else spec
    return {**spec, "datasets": shipped} if shipped else {k: v for k, v in spec.items() if k != "datasets"}


def geometry_text(data: Any) -> Any:
    """A list of GeoJSON features as the JSON text Vega-Lite parses back into the same list (a
    feature collection, whose features Vega-Lite would need told where to find, stays as it is)."""
    return json.dumps(data, separators=(",", ":"), allow_nan=False) if isinstance(data, list) else data


def _shipped(data: Any) -> Any:
    if isinstance(data, bytes) or is_geometry(data):
        return data
    return dataframe_util.convert_anything_to_arrow_bytes(data)


DATA_KEYS = {"datasets", "values"}  # data, not views: never walked


def _name_uses(node: Any, counts: dict[str, int] | None = None) -> dict[str, int]:
    """How many times each named dataset is read by a layer or view (`"data": {"name": …}`)."""
    counts = {} if counts is None else counts
    if isinstance(node, dict):
        data = node.get("data")
        if isinstance(data, dict) and "name" in data:
            counts[data["name"]] = counts.get(data["name"], 0) + 1
        for key, value in node.items():
            if key not in DATA_KEYS:
                _name_uses(value, counts)
    elif isinstance(node, list):
        for item in node:
            _name_uses(item, counts)
    return counts


def _inlined(node: Any, geometry: dict[str, Any]) -> Any:
    """A copy of the spec's view tree with named geometry swapped for its values (shared, not copied):
    a text of them is read as JSON."""
    if isinstance(node, dict):
        out = {key: (value if key in DATA_KEYS else _inlined(value, geometry)) for key, value in node.items()}
        data = node.get("data")
        if isinstance(data, dict) and data.get("name") in geometry:
            values = geometry[data["name"]]
            out["data"] = {**{k: v for k, v in data.items() if k != "name"}, "values": values}
            if isinstance(values, str):
                out["data"]["format"] = {**data.get("format", {}), "type": "json"}
        return out
    if isinstance(node, list):
        return [_inlined(item, geometry) for item in node]
    return node
