"""Results worked out from a shared, read-only object, remembered for as long as it lives.

Kept only for analytics/citations.py (a chart's sources line, remembered with the sources table),
which is moving off it in a parallel change; once it has, this module goes. Everything else is
cached by edition.per_edition: keyed by the data edition and small arguments, never by id().

An entry goes when its object does, and an object that reuses a freed address is never
answered from the old object's entries.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
_MISSING = object()
LIMIT = 1024  # results remembered per object; past it the object's entries start afresh

# id(object) -> (a weak reference to it, its remembered results)
_MEMOS: dict[int, tuple[weakref.ref, dict[Hashable, Any]]] = {}


def remembered(owner: object, key: Hashable, build: Callable[[], T]) -> T:
    """`build()`, worked out once per `owner` and `key`: owner must not change once shared.

    Threads may both build the same entry at first; both get an equal result.
    """
    memo = _memo_for(owner)
    value = memo.get(key, _MISSING)
    if value is _MISSING:  # returned from this local: another thread may clear the memo meanwhile
        value = build()
        if len(memo) >= LIMIT:
            memo.clear()
        memo[key] = value
    return value


def _memo_for(owner: object) -> dict[Hashable, Any]:
    address = id(owner)
    entry = _MEMOS.get(address)
    if entry is None or entry[0]() is not owner:  # a new object, or a new one at a freed object's address
        # the dict itself, not the global: at interpreter exit the global may already be gone
        entry = (weakref.ref(owner, lambda _, address=address, memos=_MEMOS: memos.pop(address, None)), {})
        _MEMOS[address] = entry
    return entry[1]
