"""The one way this app caches: `per_edition`, keyed by the data edition a rerun reads, every
result frozen as it enters (readonly.frozen) and shared by every session.

A data edition is the folder a rerun loads from: data/ (or RT_DATA_DIR), or the refreshed edition
`current` points at (datasets.live_folder). It is resolved once at the start of each rerun
(pin_data_dir, from app.py) and is part of every cache key, so a refresh that switches editions
is seen from the next rerun on, never halfway through a page; and a test that points the app at a
corrupt copy of data/ never sees (or poisons) the real data's entries. Errors are not cached: a
fixed file is picked up on the next run.

Underneath is Streamlit's resource cache (one object for every session, not a copy per rerun:
a copy of the border model per rerun cost more than drawing it), so a cached function takes
only small, hashable arguments (the view's values: years, a search, a level) and reads what it
builds from (a page model, a dataset) through other cached functions. Hashing a whole model or
frame on every rerun would cost more than most of the results.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import streamlit as st

from dashboard import datasets
from dashboard.cache.readonly import frozen

P = ParamSpec("P")
T = TypeVar("T")


BASE_VARIABLE = "RT_DATA_DIR"


def base_dir() -> Path:
    """The curated data folder: data/ of the checkout, or RT_DATA_DIR when set (tests use it to
    serve a broken copy; a hosted copy may use it for a mounted folder)."""
    return Path(os.environ.get(BASE_VARIABLE, datasets.DATA_DIR))


_thread = threading.local()  # each session's script runs in a thread of its own
_seen: dict[Path, Path] = {}  # base folder -> the edition this process last served from it
_switching = threading.Lock()


def pin_data_dir() -> Path:
    """The data edition for this whole rerun, resolved once at its start (app.py).

    When a base folder's live edition changes, the previous edition's cached objects are let go
    (they would otherwise stay in memory beside the new ones until the process restarts).
    """
    base = base_dir()
    folder = datasets.live_folder(base)
    with _switching:  # one session lets the old edition go, once
        switched = _seen.setdefault(base, folder) != folder
        _seen[base] = folder
    if switched:
        st.cache_resource.clear()
        forget_recent()
    _thread.pinned = (os.environ.get(BASE_VARIABLE), folder)
    return folder


def data_dir() -> Path:
    """The edition everything is loaded from, and keyed by: the one being built from in this
    thread, else the rerun's pinned edition, else (outside a rerun) the live one."""
    building = getattr(_thread, "building", None)
    if building is not None:
        return building
    pinned = getattr(_thread, "pinned", None)
    if pinned is not None and pinned[0] == os.environ.get(BASE_VARIABLE):  # a page asks some 300 times a rerun
        return pinned[1]
    return datasets.live_folder(base_dir())


@contextmanager
def _building_from(folder: Path) -> Iterator[None]:
    """Every cached function a build calls reads the build's own edition, even outside a rerun."""
    outer = getattr(_thread, "building", None)
    _thread.building = folder
    try:
        yield
    finally:
        _thread.building = outer


_MISSING = object()
_RECENT_ENTRIES = 256


class _Recent:
    """The entries a cached function served lately, found by Python's own hashing of its arguments.

    Streamlit's cache keys a call by hashing every argument its own way and inspecting the
    function's signature, about 0.2 ms a call here, and a page makes thirty such calls a rerun
    for results it already has. Where every argument is hashable (the view's values, a language,
    a tuple of ids) or has a `hash_funcs` entry (a chart's frame, by its content digest), this finds
    the same object in microseconds, and asks Streamlit's cache only on a miss. The key holds
    each argument's type beside its value, so 1 and 1.0 or True stay apart as they do in
    Streamlit's key. Errors are never kept (nothing is put).
    """

    def __init__(self, max_entries: int, hash_funcs: dict[type, Callable[[Any], Any]] | None) -> None:
        self.max_entries = max_entries
        self.entries: dict[tuple, Any] = {}
        self.hash_funcs = hash_funcs or {}

    def _part(self, value: Any) -> Any:
        """An argument as the key holds it: by `hash_funcs` where its type has one (a frame by its
        content digest, as Streamlit's key has it), else itself."""
        by = self.hash_funcs.get(type(value))
        return value if by is None else by(value)

    def key(self, folder: str, args: tuple, kwargs: dict[str, Any]) -> tuple | None:
        key = (
            folder,
            tuple((type(arg), self._part(arg)) for arg in args),
            tuple((name, type(value), self._part(value)) for name, value in sorted(kwargs.items())),
        )
        try:
            hash(key)
        except TypeError:
            return None
        return key

    def get(self, key: tuple) -> Any:
        return self.entries.get(key, _MISSING)

    def put(self, key: tuple, value: Any) -> None:
        if len(self.entries) >= self.max_entries:  # the oldest goes (dicts keep insertion order)
            with contextlib.suppress(KeyError, StopIteration, RuntimeError):  # another session got there first
                del self.entries[next(iter(self.entries))]
        self.entries[key] = value

    def clear(self) -> None:
        self.entries.clear()


_every_recent: list[_Recent] = []


def forget_recent() -> None:
    """Empty every function's recent entries (with st.cache_resource.clear(), which cannot reach them)."""
    for recent in _every_recent:
        recent.clear()


def per_edition(
    max_entries: int | None = None, hash_funcs: dict[type, Callable[[Any], Any]] | None = None
) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Cache a function's result per data edition and arguments, frozen, shared by every session.

    `max_entries` bounds a function called with the view's values (one entry per view seen);
    a page model has one entry per edition. `hash_funcs` keys an argument type Streamlit cannot
    hash cheaply (chart_spec's frames). The cached function has a `clear()`.
    """

    def decorate(build: Callable[P, T]) -> Callable[P, T]:
        @functools.wraps(build)  # Streamlit keys the cache by the wrapped function's name and source
        def build_frozen(*args: Any, edition_folder: str, **kwargs: Any) -> T:
            with _building_from(Path(edition_folder)):
                return frozen(build(*args, **kwargs))

        cached = st.cache_resource(show_spinner=False, max_entries=max_entries, hash_funcs=hash_funcs)(build_frozen)
        recent = _Recent(max_entries or _RECENT_ENTRIES, hash_funcs)

        @functools.wraps(build)
        def shared(*args: P.args, **kwargs: P.kwargs) -> T:
            folder = str(data_dir())
            key = recent.key(folder, args, kwargs)
            if key is None:  # an argument only Streamlit's hashing can key
                return cached(*args, edition_folder=folder, **kwargs)
            found = recent.get(key)
            if found is _MISSING:
                found = cached(*args, edition_folder=folder, **kwargs)
                recent.put(key, found)
            return found

        def clear() -> None:
            recent.clear()
            cached.clear()

        shared.clear = clear  # type: ignore[attr-defined]
        _every_recent.append(recent)
        return shared

    return decorate
