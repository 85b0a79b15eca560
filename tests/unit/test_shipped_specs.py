"""Specs are shipped with their tables already in Arrow: the same data, converted once."""

import copy
import io
import json

import pyarrow as pa
import pytest
from streamlit.elements.vega_charts import _patch_null_legend_titles

from dashboard.cache.arrow_specs import for_streamlit, is_geometry, with_arrow_datasets
from dashboard.cache.readonly import frozen

RECORDS = [{"year": 2023, "value": 1.5, "source_id": "imf-dots"}, {"year": 2024, "value": None, "source_id": "x"}]
FEATURES = [{"type": "Feature", "properties": {"name": "A"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]


def read_arrow(data: bytes) -> list[dict]:
    return pa.ipc.open_stream(io.BytesIO(data)).read_all().to_pylist()


def test_tables_become_arrow_with_the_same_rows_and_gaps():
    shipped = with_arrow_datasets({"mark": "line", "data": {"name": "table"}, "datasets": {"table": RECORDS}})
    assert isinstance(shipped["datasets"]["table"], bytes)
    rows = read_arrow(shipped["datasets"]["table"])
    assert [(r["year"], r["value"], r["source_id"]) for r in rows] == [(2023, 1.5, "imf-dots"), (2024, None, "x")]
    assert shipped["mark"] == "line" and shipped["data"] == {"name": "table"}


def test_geometry_goes_inline_in_the_one_layer_that_draws_it():
    spec = {
        "layer": [
            {"data": {"name": "shapes", "format": {"type": "json"}}, "mark": "geoshape"},
            {"data": {"name": "sites"}, "mark": "point"},
            {"data": {"name": "outline"}, "mark": "geoshape"},
            {"data": {"name": "outline"}, "mark": "geoshape", "encoding": {}},
        ],
        "datasets": {"shapes": FEATURES, "sites": RECORDS, "outline": FEATURES},
    }
    shipped = with_arrow_datasets(spec)
    layers = shipped["layer"]
    # as the JSON text of the same features, read back as JSON: written once, copied on each draw
    assert layers[0]["data"]["format"] == {"type": "json"} and set(layers[0]["data"]) == {"format", "values"}
    assert json.loads(layers[0]["data"]["values"]) == FEATURES
    assert layers[1]["data"] == {"name": "sites"} and isinstance(shipped["datasets"]["sites"], bytes)
    assert layers[2]["data"] == {"name": "outline"} and shipped["datasets"]["outline"] is FEATURES  # drawn twice
    assert "shapes" not in shipped["datasets"]
    assert spec["layer"][0]["data"] == {"name": "shapes", "format": {"type": "json"}}  # the input is left alone
    assert "datasets" not in with_arrow_datasets({"data": {"name": "g"}, "datasets": {"g": FEATURES}})
    unformatted = with_arrow_datasets({"data": {"name": "g"}, "datasets": {"g": FEATURES}})["data"]
    assert unformatted["format"] == {"type": "json"}  # a text is read as JSON whether or not Altair said so
    collection = {"type": "FeatureCollection", "features": FEATURES}
    kept = with_arrow_datasets({"data": {"name": "g"}, "datasets": {"g": collection}})["data"]
    assert kept == {"values": collection}  # a collection stays as it is: its features are where Vega-Lite looks


def test_a_dataset_no_layer_reads_is_not_shipped():
    spec = {"layer": [{"data": {"name": "sites"}, "mark": "point"}], "datasets": {"sites": RECORDS, "rivers": FEATURES}}
    assert set(with_arrow_datasets(spec)["datasets"]) == {"sites"}


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


def test_null_legend_titles_are_set_as_streamlit_sets_them_so_it_writes_nothing_into_a_shared_spec():
    """st.vega_lite_chart sets a null colour-legend title to " " in place: in a cached spec, which is
    read-only, that write would fail. for_streamlit sets it first, exactly as Streamlit would."""
    spec = {"mark": "point", "encoding": {"color": {"field": "a", "title": None, "legend": {"title": None}}}}
    theirs = copy.deepcopy(spec)
    _patch_null_legend_titles(theirs)  # Streamlit's own step (private: see the upgrade checklist)
    ours = for_streamlit(spec)
    assert ours == theirs and ours["encoding"]["color"]["title"] == " "
    assert spec["encoding"]["color"]["title"] is None  # the input is left alone
    shared = frozen(ours)
    _patch_null_legend_titles(shared)  # finds nothing to write, so a read-only spec goes through
    assert shared == theirs
    with pytest.raises(TypeError):  # and would have failed on the spec as Altair wrote it
        _patch_null_legend_titles(frozen(spec))


def test_streamlit_works_out_a_spec_texts_stable_form_once_and_the_same_as_its_own():
    from streamlit.elements import vega_charts

    from dashboard.cache.arrow_specs import remember_stable_specs

    remember_stable_specs()
    remember_stable_specs()  # installed once: not a cache around a cache
    remembered = vega_charts._stabilize_vega_json_spec
    original = remembered.__wrapped__
    assert not hasattr(original, "cache_info")
    # Altair's generated names (a counter here) become 1, 2... in order of appearance
    text = (
        '{"layer": [{"name": "view_7", "params": [{"name": "param_12", "select": "point"}]}, {"name": "view_9"}],'
        ' "datasets": {"shapes": [{"type": "Feature", "properties": {"param_3": 1}}]}}'
    )
    expected = original(text)
    assert '"view_1"' in expected and '"view_2"' in expected and '"param_1"' in expected
    assert '"param_3"' in expected  # inside the geometry: left alone
    hits = remembered.cache_info().hits
    assert remembered(text) == expected
    assert remembered(text) == expected
    assert remembered.cache_info().hits >= hits + 1
