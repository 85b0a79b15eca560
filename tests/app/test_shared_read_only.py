"""What the cache shares between sessions stays as it was, whatever a viewer does on any page.

Every session gets the same objects from the cache (each a `per_edition` function: the page
models, what one view of them draws, chart specs, chart descriptions): one page that wrote into
them would change what every other viewer sees. These tests record every object as it enters the
cache, open every page and move every control of every kind to both ends of what it offers (and
click every button), and then find each recorded object as it was, with nothing in it left open
to an in-place change.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
import shutil
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from streamlit.proto.ButtonGroup_pb2 import ButtonGroup as ButtonGroupProto
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from dashboard import datasets
from dashboard.cache import edition, readonly
from dashboard.cache.readonly import ReadOnlyDict, ReadOnlyList, _backing_array
from dashboard.navigation import PAGES
from tests.app.conftest import APP
from tests.app.conftest import PAGES as SCRIPTS


def fingerprint(value: object) -> str:
    """A digest of everything `value` holds: frames by their labels, types and values (not their
    pickle, which changes when pandas merely regroups a frame's columns in memory), models field
    by field, mappings and lists item by item."""
    digest = hashlib.sha256()
    _feed(value, digest)
    return digest.hexdigest()


def _feed(value: object, digest: Any) -> None:
    if isinstance(value, (pd.DataFrame, pd.Series)):
        frame = value.to_frame() if isinstance(value, pd.Series) else value
        digest.update(repr((list(frame.columns), [str(t) for t in frame.dtypes], list(frame.index))).encode())
        digest.update(frame.to_csv(index=False).encode())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            digest.update(field.name.encode())
            _feed(getattr(value, field.name), digest)
    elif isinstance(value, Mapping):
        for key in value:
            digest.update(repr(key).encode())
            _feed(value[key], digest)
    elif isinstance(value, (list, tuple)):
        digest.update(f"{type(value).__name__}[{len(value)}]".encode())
        for item in value:
            _feed(item, digest)
    elif isinstance(value, pa.Table):
        digest.update(pickle.dumps(value))
    else:
        digest.update(pickle.dumps(value))


def open_to_change(value: object, path: str = "") -> Iterator[str]:
    """Where in `value` an in-place change would be let through: a plain dict, list or set, a
    frame with a writable block, a writable array, a dataclass whose fields can be reassigned."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        arrays = [_backing_array(block.values) for block in value._mgr.blocks]
        if any(array is not None and array.flags.writeable for array in arrays):
            yield f"{path}: a frame with a writable column"
    elif isinstance(value, np.ndarray):
        if value.flags.writeable:
            yield f"{path}: a writable array"
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if not type(value).__dataclass_params__.frozen:  # type: ignore[attr-defined]
            yield f"{path}: {type(value).__name__} is not a frozen dataclass"
        for field in dataclasses.fields(value):
            yield from open_to_change(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, (dict, list, set)):
        if not isinstance(value, (ReadOnlyDict, ReadOnlyList)):
            yield f"{path}: a plain {type(value).__name__}"
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            yield from open_to_change(item, f"{path}[{key!r}]")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from open_to_change(item, f"{path}[{index}]")


# --- moving every control ------------------------------------------------------------------


def pick(widget: Any, labels: list[str]) -> None:
    """Choose options of a select box, radio, multiselect, pills or segmented control by the labels
    a viewer sees. AppTest's own setters take the values behind the labels, which a test that
    moves every control of every page does not know; the browser sends the labels, as this does."""
    state = WidgetState(id=widget.id)
    if widget.type in ("selectbox", "radio"):
        state.string_value = labels[0]
    else:
        state.string_array_value.data[:] = labels
    widget.__class__ = type("Picked", (type(widget),), {"_widget_state": property(lambda _: state)})


def single(widget: Any) -> bool:
    return widget.type in ("selectbox", "radio") or (widget.type == "button_group" and widget._is_single_select)


def both_ends(widget: Any) -> list[Callable[[Any], None]]:
    """How to move one control to each end of what it offers."""
    if widget.type == "slider":
        if isinstance(widget.value, (tuple, list)):
            return [lambda w: w.set_range(w.min, w.max), lambda w: w.set_range(w.max, w.max)]
        return [lambda w: w.set_value(w.max), lambda w: w.set_value(w.min)]
    if widget.type in ("selectbox", "radio", "multiselect", "button_group"):
        if single(widget):
            return [lambda w: pick(w, [w.options[-1]]), lambda w: pick(w, [w.options[0]])]
        return [lambda w: pick(w, list(w.options)), lambda w: pick(w, [])]
    if widget.type in ("checkbox", "toggle"):
        return [lambda w: w.set_value(not w.value), lambda w: w.set_value(not w.value)]
    if widget.type == "text_input":
        return [lambda w: w.input("aluminium"), lambda w: w.input("")]
    return []


def kind_name(widget: Any) -> str:
    if widget.type == "button_group":
        return "pills" if widget.proto.style == ButtonGroupProto.Style.PILLS else "segmented_control"
    return widget.type


KINDS = ("slider", "selectbox", "radio", "multiselect", "button_group", "checkbox", "toggle", "text_input")


def find(at: AppTest, kind: str, key: str) -> Any:
    return next((widget for widget in getattr(at, kind) if widget.key == key), None)


def move_every_control(at: AppTest, moved: set[str]) -> None:
    """Every control on the page to both ends of what it offers, then every button clicked."""
    for kind in KINDS:
        for key in [widget.key for widget in getattr(at, kind) if widget.key]:
            for move in both_ends(find(at, kind, key)):
                widget = find(at, kind, key)
                if widget is None or widget.disabled:  # gone or closed after the last move
                    break
                move(widget)
                at.run()
                assert not at.exception, (kind, key, at.exception)
                moved.add(kind_name(widget))
    for label in [button.label for button in at.button]:
        button = next((b for b in at.button if b.label == label), None)
        if button is not None and not button.disabled:
            button.click().run()
            assert not at.exception, (label, at.exception)
            moved.add("button")


@pytest.fixture(scope="module")
def every_page_moved(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[tuple[object, str]], set[str]]:
    """Every object that entered the cache while every page had every control moved, with its
    fingerprint as it entered, and the kinds of control moved. A data folder of its own, so every
    shared object is built here, in front of the recorder."""
    folder = tmp_path_factory.mktemp("shared") / "data"
    shutil.copytree(datasets.DATA_DIR, folder)
    entered: list[tuple[object, str]] = []

    def recording(value: object) -> object:
        value = readonly.frozen(value)
        entered.append((value, fingerprint(value)))
        return value

    moved: set[str] = set()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RT_DATA_DIR", str(folder))
        patch.setattr(edition, "frozen", recording)
        for page in PAGES:
            at = AppTest.from_file(APP, default_timeout=60)
            at.query_params["years"] = "2005..2015"
            at.query_params["units"] = "musd"
            at.switch_page(SCRIPTS[page.name]).run()
            assert not at.exception, page.name
            move_every_control(at, moved)
    return entered, moved


def test_every_kind_of_control_was_moved(every_page_moved):
    _, moved = every_page_moved
    kinds = {
        "slider",
        "selectbox",
        "radio",
        "multiselect",
        "pills",
        "segmented_control",
        "toggle",
        "text_input",
        "button",
    }
    assert moved == kinds


def test_every_kind_of_shared_object_was_recorded(every_page_moved):
    entered, _ = every_page_moved
    kinds = {type(value).__name__ for value, _ in entered}
    models = {"TradeModel", "TradeFrames", "BorderModel", "RemittancesModel", "PartnersModel", "ProductsModel"}
    views = {"RemittancesView", "SharesView", "MirrorView", "NeighboursView", "WorldView", "DirectionTables"}
    assert models | views | {"ScenariosModel", "OverviewModel", "DataFrame", "ReadOnlyDict", "str"} <= kinds
    assert sum(isinstance(value, ReadOnlyDict) and "$schema" in value for value, _ in entered) > 20  # chart specs


def test_no_page_changes_what_another_session_sees(every_page_moved):
    entered, _ = every_page_moved
    changed = [type(value).__name__ for value, before in entered if fingerprint(value) != before]
    assert changed == []


def test_nothing_shared_is_left_open_to_an_in_place_change(every_page_moved):
    entered, _ = every_page_moved
    open_ = [where for value, _ in entered for where in open_to_change(value, type(value).__name__)]
    assert open_ == []
