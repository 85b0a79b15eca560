"""Remembering what is derived from a shared object: once per object and key, gone with the object."""

import gc

import pandas as pd

from dashboard.cache import memo as identity_memo
from dashboard.cache.memo import remembered


def test_a_result_is_built_once_per_object_and_key():
    frame, calls = pd.DataFrame({"year": [2020, 2021]}), []

    def build(key):
        calls.append(key)
        return len(calls)

    assert remembered(frame, "a", lambda: build("a")) == 1
    assert remembered(frame, "a", lambda: build("a")) == 1
    assert remembered(frame, "b", lambda: build("b")) == 2
    assert remembered(pd.DataFrame({"year": [2020, 2021]}), "a", lambda: build("a")) == 3  # an equal copy is not it
    assert calls == ["a", "b", "a"]


def test_entries_go_with_their_object():
    frame = pd.DataFrame({"year": [2020]})
    remembered(frame, "a", lambda: "x")
    address = id(frame)
    assert address in identity_memo._MEMOS
    del frame
    gc.collect()
    assert address not in identity_memo._MEMOS


def test_past_the_limit_an_objects_entries_start_afresh(monkeypatch):
    monkeypatch.setattr(identity_memo, "LIMIT", 3)
    frame = pd.DataFrame({"year": [2020]})
    assert [remembered(frame, key, lambda key=key: key * 10) for key in range(5)] == [0, 10, 20, 30, 40]
    assert len(identity_memo._memo_for(frame)) <= 3
    assert remembered(frame, 4, lambda: "rebuilt") == 40  # the newest entry survived the clearing
