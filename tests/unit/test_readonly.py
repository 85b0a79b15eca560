"""frozen(): what enters the shared cache refuses in-place writes."""

from __future__ import annotations

import copy
import json
import pickle
from collections import namedtuple
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from dashboard.cache.readonly import frozen


def sample() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2020, 2021],
            "value": [1.5, 2.5],
            "kind": pd.Categorical(["a", "b"]),
            "date": pd.to_datetime(["2020-01-01", "2021-01-01"]),
            "flag": [True, False],
        }
    )


@pytest.mark.parametrize("column, value", [("year", 1), ("value", 9.0), ("kind", "b"), ("flag", True)])
def test_a_frozen_frame_refuses_a_write_to_any_non_text_column(column, value):
    frame = frozen(sample())
    with pytest.raises(ValueError, match="read-only"):
        frame.loc[0, column] = value
    assert frame.equals(sample())


def test_dates_and_geometry_refuse_too():
    frame = frozen(sample())
    with pytest.raises(ValueError):  # pandas words this one as a lossy cast; the write is refused all the same
        frame.loc[0, "date"] = frame.loc[1, "date"]
    assert frame.equals(sample())
    shapes = frozen(gpd.GeoDataFrame({"n": [1]}, geometry=[Point(0, 0)]))
    with pytest.raises(ValueError, match="read-only"):
        shapes.loc[0, "geometry"] = Point(1, 1)


def test_a_frame_sharing_memory_enters_as_its_own_copy_and_refuses():
    """Copy-on-write would otherwise copy a write into the shared frame instead of refusing it."""
    source = sample()
    view = source[["year", "value"]]  # shares source's arrays
    shared = frozen(view)
    assert shared is not view and shared.equals(view)
    with pytest.raises(ValueError, match="read-only"):
        shared.loc[0, "year"] = 1
    source.loc[0, "year"] = 1999  # the original stays the caller's own, and writable
    assert shared.loc[0, "year"] == 2020


@dataclass(frozen=True)
class Model:
    frames: dict[str, pd.DataFrame]
    same: pd.DataFrame
    label: str


def test_models_are_walked_and_one_object_stays_one_object():
    own = sample()
    model = frozen(Model({"a": own, "b": own[["year"]]}, own, "x"))
    assert model.frames["a"] is model.same  # reached twice, copied once (it shared memory with "b")
    assert model.frames["a"].equals(own) and model.label == "x"
    for frame in (model.frames["a"], model.frames["b"]):
        with pytest.raises(ValueError, match="read-only"):
            frame.iloc[0, 0] = 1


def test_an_object_with_nothing_to_change_comes_back_as_itself():
    model = frozen(Model({"a": sample()}, sample(), "x"))
    assert frozen(model) is model
    assert frozen(model.frames) is model.frames
    assert frozen((1, "a", None)) == (1, "a", None)


def spec() -> dict:
    return {"mark": "line", "encoding": {"color": {"title": None}}, "layer": [{"data": {"values": [[1, 2]]}}]}


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.__setitem__("mark", "bar"),
        lambda s: s["encoding"]["color"].__setitem__("title", " "),
        lambda s: s["encoding"].update(x=1),
        lambda s: s["encoding"].pop("color"),
        lambda s: s.setdefault("width", 1),
        lambda s: s["layer"].append({}),
        lambda s: s["layer"][0]["data"]["values"][0].__setitem__(0, 9),
        lambda s: s["layer"].sort(),
        lambda s: s.__delitem__("mark"),
    ],
)
def test_a_frozen_spec_refuses_every_change_all_the_way_down(change):
    shared = frozen(spec())
    with pytest.raises(TypeError, match="shared by every session"):
        change(shared)
    assert shared == spec()


def test_a_frozen_spec_is_still_a_dict_to_json_and_its_copies_are_the_callers_own():
    shared = frozen(spec())
    assert isinstance(shared, dict) and isinstance(shared["layer"], list)
    assert json.loads(json.dumps(shared)) == spec()
    for own in (dict(shared), {**shared}, copy.copy(shared)):
        own["mark"] = "bar"  # a copy is a plain dict
        assert shared["mark"] == "line"
    deep = copy.deepcopy(shared)
    deep["layer"][0]["data"]["values"][0][0] = 9
    assert type(deep) is dict and shared["layer"][0]["data"]["values"][0][0] == 1
    assert pickle.loads(pickle.dumps(shared)) == spec()


def test_sets_become_frozensets_and_named_tuples_keep_their_type():
    Pair = namedtuple("Pair", "a b")
    shared = frozen({"ids": {"x", "y"}, "pair": Pair(sample(), 1)})
    assert shared["ids"] == frozenset({"x", "y"}) and isinstance(shared["ids"], frozenset)
    assert isinstance(shared["pair"], Pair)
    with pytest.raises(ValueError, match="read-only"):
        shared["pair"].a.loc[0, "year"] = 1


def test_what_is_worked_out_from_a_frozen_frame_is_worked_out_once_and_goes_with_it():
    import gc

    from dashboard.cache import readonly

    calls = []

    def total(frame):
        calls.append(1)
        return int(frame["value"].sum())

    shared = frozen(pd.DataFrame({"value": [1, 2, 3]}))
    assert readonly.is_frozen(shared)
    assert [readonly.derived(shared, "total", total) for _ in range(3)] == [6, 6, 6]
    assert len(calls) == 1
    assert readonly.derived(shared, "another name", total) == 6 and len(calls) == 2

    own = pd.DataFrame({"value": [1, 2, 3]})  # not shared: it may change, so it is worked out every time
    assert not readonly.is_frozen(own)
    readonly.derived(own, "total", total)
    own.loc[0, "value"] = 10
    assert readonly.derived(own, "total", total) == 15 and len(calls) == 4

    frame_id = id(shared)
    del shared
    gc.collect()
    assert not any(key[0] == frame_id for key in readonly._derived)
