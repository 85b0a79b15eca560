"""What the cache hands every session, made read-only.

A cached model is one object shared by every viewer's session: a page that wrote into one of
its frames would change what every other viewer sees. Each frame's numeric, date, boolean,
category and geometry columns are marked read-only as the frame enters the cache, so an
in-place write (`frame.loc[i, "value"] = x`) raises instead of leaking. A frame that still
shares memory with another (pandas' copy-on-write would quietly copy it on a write, into the
shared object) enters as its own copy first. pandas has no read-only frame, so what stays
possible (rewriting a text column in place, adding a column) is checked by
tests/app/test_shared_read_only.py, which runs every page and then finds every shared object
as it was.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

import numpy as np
import pandas as pd

T = TypeVar("T")


def frozen(value: T) -> T:
    """`value` with every frame it holds (in dataclass fields, tuples, lists, dict values) read-only;
    containers holding a frame that had to be copied come back as new containers."""
    return _frozen(value, {})


SCALARS = (str, bytes, int, float, bool, type(None))


def _frozen(value: Any, done: dict[int, Any]) -> Any:
    if isinstance(value, SCALARS):
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
        return _read_only(value) or value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            if field.init:
                item = getattr(value, field.name)
                if (new := _frozen(item, done)) is not item:
                    changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, dict):
        items = {key: _frozen(item, done) for key, item in value.items()}
        return items if any(items[key] is not value[key] for key in value) else value
    if isinstance(value, (tuple, list)) and not hasattr(value, "_fields"):  # named tuples stay as they are
        items = [_frozen(item, done) for item in value]
        return type(value)(items) if any(a is not b for a, b in zip(items, value, strict=True)) else value
    return value


def _frozen_frame(frame: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    # pandas keeps a frame's columns in blocks; the numpy arrays behind them take a read-only
    # flag, which every in-place write checks (no public way reaches a frame's own arrays).
    if any(block.refs.has_reference() for block in frame._mgr.blocks):
        frame = frame.copy()  # shares memory with another frame: a write would be copied, not refused
    for block in frame._mgr.blocks:
        _read_only(_backing_array(block.values))
    _read_only(_backing_array(frame.index.array))
    return frame


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
