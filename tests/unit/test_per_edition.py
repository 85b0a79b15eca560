"""The one cache decorator: one result per data edition and arguments, frozen, shared; errors not kept."""

from __future__ import annotations

import shutil
import threading

import pandas as pd
import pytest

from dashboard import datasets
from dashboard.cache import edition, shared
from dashboard.cache.edition import per_edition
from dashboard.cache.readonly import ReadOnlyDict
from dashboard.formatting.language import ENGLISH

CALLS: list[tuple] = []


@per_edition(max_entries=8)
def folder_and_frame(label: str) -> dict:
    CALLS.append((label, edition.data_dir()))
    return {"folder": str(edition.data_dir()), "frame": pd.DataFrame({"year": [2020]}), "label": label}


@per_edition()
def outer() -> dict:
    return {"outer": str(edition.data_dir()), "inner": folder_and_frame("inner")["folder"]}


@per_edition()
def failing_once() -> int:
    CALLS.append(("failing",))
    if len(CALLS) == 1:
        raise datasets.DataError("x.csv", "broken")
    return len(CALLS)


@pytest.fixture
def two_editions(tmp_path, monkeypatch):
    """Two data folders the app could be pointed at (RT_DATA_DIR), and a clean slate."""
    CALLS.clear()
    for cached in (folder_and_frame, outer, failing_once):
        cached.clear()
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    monkeypatch.setenv("RT_DATA_DIR", str(first))
    return first, second


def test_one_result_per_edition_and_arguments_shared_and_frozen(two_editions, monkeypatch):
    first, second = two_editions
    result = folder_and_frame("x")
    assert folder_and_frame("x") is result  # every later call (every session) gets the same object
    assert isinstance(result, ReadOnlyDict) and result["folder"] == str(first)
    with pytest.raises(ValueError, match="read-only"):
        result["frame"].loc[0, "year"] = 1999
    assert folder_and_frame("y") is not result
    monkeypatch.setenv("RT_DATA_DIR", str(second))
    other = folder_and_frame("x")
    assert other["folder"] == str(second) and other is not result
    assert [call[0] for call in CALLS] == ["x", "y", "x"]


def test_a_build_and_what_it_calls_read_one_edition(two_editions, monkeypatch):
    first, _ = two_editions
    assert outer() == {"outer": str(first), "inner": str(first)}


def test_an_error_is_not_kept_so_a_fixed_file_is_read_on_the_next_run(two_editions):
    with pytest.raises(datasets.DataError):
        failing_once()
    assert failing_once() == 2
    assert failing_once() == 2


def test_arguments_may_be_passed_by_name(two_editions):
    assert folder_and_frame(label="z")["label"] == "z"


def test_a_rerun_reads_the_edition_pinned_at_its_start(tmp_path, monkeypatch):
    """A refresh that switches editions mid-rerun is seen from the next rerun on."""
    monkeypatch.setattr(edition, "_thread", threading.local())  # this test's pins end with it
    data = tmp_path / "data"
    shutil.copytree(datasets.DATA_DIR, data, ignore=shutil.ignore_patterns("*.csv", "geo"))
    monkeypatch.setenv("RT_DATA_DIR", str(data))
    monkeypatch.setenv(datasets.EDITIONS_VARIABLE, str(tmp_path / "editions"))
    assert edition.pin_data_dir() == data
    release = tmp_path / "editions" / "e1"
    release.mkdir(parents=True)
    (release / datasets.BASE_LINK).symlink_to(data)
    (release / datasets.MANIFEST).write_text("{}")
    (tmp_path / "editions" / datasets.CURRENT).symlink_to(release)
    assert edition.data_dir() == data  # the rerun keeps its edition
    assert edition.pin_data_dir() == release.resolve()  # the next one reads the new edition
    assert edition.data_dir() == release.resolve()


def test_the_trade_pages_frames_are_an_entry_of_their_own():
    """The Overview shares the trade model and opens first: it never waits for the Trade page's frames."""
    shared.trade_frames.clear()
    model = shared.trade_model()
    frames = shared.trade_frames(ENGLISH)
    assert set(frames.annual_frames) == {(side, unit) for side in model.annual for unit in ("busd", "musd")}
    assert shared.trade_frames(ENGLISH) is frames and shared.trade_model() is model


TYPED: list[object] = []


@per_edition(max_entries=2)
def echo(value: object) -> str:
    TYPED.append(value)
    return f"{type(value).__name__}:{value}"


def test_a_repeated_call_is_served_without_building_again_and_each_argument_type_keeps_its_own_entry(
    two_editions,
):
    """The fast path in front of Streamlit's cache keys by value and type: 1, 1.0 and True are equal
    to Python but not to Streamlit's key, and each must get what the function makes of it."""
    echo.clear()
    TYPED.clear()
    assert [echo(1), echo(1.0), echo(True), echo(1)] == ["int:1", "float:1.0", "bool:True", "int:1"]
    assert TYPED == [1, 1.0, True, 1]  # the last int was evicted (two entries kept), so built again
    assert echo(1) == "int:1" and TYPED == [1, 1.0, True, 1]  # now served


def test_a_frame_is_keyed_by_its_hash_func_and_clear_empties_both_caches(two_editions):
    frame = pd.DataFrame({"year": [2020]})

    @per_edition(hash_funcs={pd.DataFrame: lambda f: f.to_csv()})
    def rows(table: pd.DataFrame) -> int:
        TYPED.append("built")
        return len(table)

    TYPED.clear()
    assert rows(frame) == 1 and rows(frame.copy()) == 1 and TYPED == ["built"]  # keyed by content
    assert rows(pd.DataFrame({"year": [2020, 2021]})) == 2 and TYPED == ["built", "built"]
    echo.clear()
    echo("a")
    echo.clear()
    TYPED.clear()
    echo("a")
    assert TYPED == ["a"]  # cleared, so built again


def test_an_argument_python_cannot_hash_is_keyed_by_streamlits_cache(two_editions):
    @per_edition()
    def total(values: list[int]) -> int:
        TYPED.append("summed")
        return sum(values)

    TYPED.clear()
    assert total([1, 2]) == 3 and total([1, 2]) == 3 and total([2, 2]) == 4
    assert TYPED == ["summed", "summed"]
