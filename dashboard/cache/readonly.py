"""What the cache hands every session, made read-only.

A cached object is one object shared by every viewer's session: a page that wrote into one of
its frames, or into a chart spec's dicts, would change what every other viewer sees. So what
enters the cache is frozen:

- a frame's numeric, date, boolean, category and geometry columns are marked read-only, so an
  in-place write (`frame.loc[i, "value"] = x`) raises instead of leaking. A frame that still
  shares memory with another (pandas' copy-on-write would quietly copy it on a write, into the
  shared object) enters as its own copy first;
- dicts and lists (a chart spec, a model's frames by key) become ReadOnlyDict and ReadOnlyList:
  still a dict and a list to json, Streamlit and vl-convert, but refusing every change. A copy
  (`dict(spec)`, `{**spec}`, `copy.copy`) is an ordinary dict, the caller's own to change. Sets
  become frozensets; tuples, strings, numbers, bytes and Arrow tables are immutable already.

pandas has no read-only frame, so what stays possible (rewriting a text column in place, adding
a column) is checked by tests/app/test_shared_read_only.py, which runs every page, moves every
control, and then finds every shared object as it was. The frame part reaches into pandas'
internals (no public way reaches a frame's own arrays): see docs/architecture.md's upgrade
checklist for what a pandas upgrade must re-check.
"""

from __future__ import annotations

import contextlib
import dataclasses
import weakref
from collections.abc import Callable, Hashable
from typing import Any, NoReturn, TypeVar

import numpy as np
import pandas as pd

T = TypeVar("T")


def _refuse(self: object, *args: object, **kwargs: object) -> NoReturn:
    raise TypeError(
        f"this {type(self).__name__} is shared by every session and cannot change: copy it first (dict(x), list(x))"
    )


class ReadOnlyDict(dict):
    """A dict that refuses every change; copies of it are plain dicts."""

    __slots__ = ()
    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self) -> tuple[type, tuple[dict]]:  # copy, deepcopy and pickle give a plain dict
        return dict, (dict(self),)


class ReadOnlyList(list):
    """A list that refuses every change; copies of it are plain lists."""

    __slots__ = ()
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse
    append = clear = extend = insert = pop = remove = reverse = sort = _refuse

    def __reduce__(self) -> tuple[type, tuple[list]]:
        return list, (list(self),)


def frozen(value: T) -> T:
    """`value` made read-only all the way down (dataclass fields, dicts, lists, tuples, frames).

    A dataclass or tuple holding something that had to change comes back as a new one; what was
    read-only already (a frozen dataclass of scalars, a frame frozen before) comes back as itself.
    """
    return _frozen(value, {})


SCALARS = (str, bytes, int, float, bool, type(None), ReadOnlyDict, ReadOnlyList, frozenset)


def _frozen(value: Any, done: dict[int, Any]) -> Any:
    if isinstance(value, SCALARS):  # immutable, or frozen when it was made
        return value
    if id(value) in done:  # one object reached twice stays one object
        return done[id(value)]
    done[id(value)] = value  # for a container reached again from inside itself
    result = _frozen_one(value, done)
    done[id(value)] = result
    return result


def _frozen_one(value: Any, done: dict[int, Any]) -> Any:
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return _frozen_frame(value)
    if isinstance(value, np.ndarray):
        _read_only(value)
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            if field.init:
                item = getattr(value, field.name)
                if (new := _frozen(item, done)) is not item:
                    changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, dict):
        return ReadOnlyDict((key, _frozen(item, done)) for key, item in value.items())
    if isinstance(value, list):
        return ReadOnlyList(_frozen(item, done) for item in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(value)
    if isinstance(value, tuple):
        items = [_frozen(item, done) for item in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    return value


def _frozen_frame(frame: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    # pandas keeps a frame's columns in blocks; the numpy arrays behind them take a read-only
    # flag, which every in-place write checks (no public way reaches a frame's own arrays).
    if any(block.refs.has_reference() for block in frame._mgr.blocks):
        frame = frame.copy()  # shares memory with another frame: a write would be copied, not refused
    for block in frame._mgr.blocks:
        _read_only(_backing_array(block.values))
    _read_only(_backing_array(frame.index.array))
    _frozen_frames[id(frame)] = frame
    return frame


# --- what is worked out from a frozen frame, once ------------------------------------------

_frozen_frames: weakref.WeakValueDictionary[int, pd.DataFrame | pd.Series] = weakref.WeakValueDictionary()
_derived: dict[tuple[int, Hashable], Any] = {}
_watched: set[int] = set()  # frames whose death empties their entries
DERIVED_ENTRIES = 4096


def is_frozen(frame: Any) -> bool:
    """Whether `frame` is one that frozen() returned: shared, and never changed after."""
    return _frozen_frames.get(id(frame)) is frame


def derived(frame: pd.DataFrame, name: Hashable, work: Callable[[pd.DataFrame], T]) -> T:
    """`work(frame)`, worked out once per frozen frame and `name`; every time for any other frame.

    A page hands the same shared frames to the same helpers on every rerun (a chart's frame to
    its cache key's digest, its sources line to the ids it cites), and a frozen frame cannot
    change: what was worked out from it holds for as long as it lives. Entries go with their frame
    (keyed by its id, which a later frame may reuse only once it is gone), and the oldest go first
    past DERIVED_ENTRIES.
    """
    if not is_frozen(frame):
        return work(frame)
    key = (id(frame), name)
    found = _derived.get(key, _derived)
    if found is not _derived:
        return found
    value = frozen(work(frame))  # shared by every session, as the frame is
    if id(frame) not in _watched:
        _watched.add(id(frame))
        weakref.finalize(frame, _forget, id(frame)).atexit = False  # nothing to empty at exit
    if len(_derived) >= DERIVED_ENTRIES:
        with contextlib.suppress(KeyError, StopIteration, RuntimeError):  # another session got there first
            del _derived[next(iter(_derived))]
    _derived[key] = value
    return value


def _forget(frame_id: int) -> None:
    _watched.discard(frame_id)
    for key in [key for key in list(_derived) if key[0] == frame_id]:
        _derived.pop(key, None)


def _backing_array(values: Any) -> Any:
    """The numpy array an extension array keeps its values in: category codes, dates, geometries."""
    if isinstance(values, np.ndarray):
        return values
    for name in ("_codes", "_ndarray", "_data"):
        inner = getattr(values, name, None)
        if isinstance(inner, np.ndarray):
            return inner
    return None


def _read_only(array: np.ndarray | None) -> None:
    if array is not None:
        array.setflags(write=False)
