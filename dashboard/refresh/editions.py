"""Writing data editions: one refresh run makes one complete new edition, and readers switch to it in
one step.

An edition is a folder under the editions root (datasets.editions_root): the refreshed files are
its own, every curated file and folder is a link to the data folder it was built on, and
`edition.json` says what it holds. It is built in a `.staging-*` folder, renamed to its id when
whole, and only then does the `current` link move to it (a new link renamed over the old one: one
atomic rename). A reader resolves `current` once and reads that folder, so it sees the old
edition or the new, never a mix; a process killed at any moment leaves `current` on a complete
edition, and the next run deletes what the dead one left half-built. The last KEEP editions stay,
so `rollback` can go back.

One refresh at a time per editions root: the lock is taken before anything is fetched.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dashboard import datasets
from dashboard.datasets import BASE_LINK, CURRENT, MANIFEST

KEEP = 3  # editions kept: the live one and two to go back to
STAGING_PREFIX = ".staging-"
LOCK = ".lock"
STATUS = datasets.REFRESH_STATUS  # the last try of each source, kept across editions (a failure makes none)


class EditionError(RuntimeError):
    """An editions folder that cannot be written, or an edition that is not there to go back to."""


class Busy(EditionError):
    """Another refresh holds the editions root."""


def _refreshed_files() -> set[str]:
    return {d.file for d in datasets.DATASETS.values() if d.refreshed}


@contextmanager
def locked(root: Path) -> Iterator[None]:
    """The editions root, for this process alone; refused at once (not waited for) when another holds it.

    Taken before fetching: a second refresh started while one runs stops before it asks anything.
    The lock dies with its process, so a killed refresh never leaves it held.
    """
    root.mkdir(parents=True, exist_ok=True)
    handle = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(f"another refresh is writing {root}; try again when it has ended") from None
        _clean_leftovers(root)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _clean_leftovers(root: Path) -> None:
    """What a killed run left: half-built editions and half-made links (never a complete edition)."""
    for path in root.iterdir():
        if path.name.startswith((STAGING_PREFIX, f".{CURRENT}-", f".{STATUS}-")):
            if path.is_symlink() or path.is_file():
                path.unlink()
            else:
                shutil.rmtree(path, ignore_errors=True)


def current(root: Path) -> Path | None:
    """The live edition's folder, or None before the first refresh."""
    try:
        target = (root / CURRENT).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return target if (target / MANIFEST).is_file() else None


@dataclass
class Draft:
    """A new edition being built: a private folder that no reader sees until `publish`."""

    root: Path
    base: Path  # the data folder whose curated files the edition links to
    folder: Path
    previous: str | None

    def publish(self, sources: dict[str, dict[str, Any]], now: datetime | None = None) -> str:
        """Make the draft the live edition; returns its id. `sources` is what each refreshed source brought."""
        made = now or datetime.now(UTC)
        edition_id = made.strftime("%Y%m%dT%H%M%S.%fZ")  # sorts as made; never reused after a prune
        carried = _manifest(self.root / self.previous).get("sources", {}) if self.previous else {}
        manifest = {
            "id": edition_id,
            "made": made.isoformat(),
            "base": str(self.base.resolve()),
            "previous": self.previous,
            "sources": {**carried, **sources},  # a source not refreshed this time keeps its last pull
        }
        (self.folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
        for file in self.folder.iterdir():  # every byte on disk before any name points at it
            if file.is_file() and not file.is_symlink():
                _sync(file)
        _sync(self.folder)
        self.folder.rename(self.root / edition_id)
        point(self.root, edition_id)
        prune(self.root, protect={edition_id, *([self.previous] if self.previous else [])})
        return edition_id


@contextmanager
def drafting(root: Path, base: Path) -> Iterator[Draft]:
    """A draft of the next edition: the live one's refreshed files (or the data folder's empty ones
    before the first refresh) and a link to the data folder, whose curated files every reader takes
    from there (datasets.locate). Deleted unless published."""
    live = current(root)
    folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
    try:
        (folder / BASE_LINK).symlink_to(os.path.relpath(base.resolve(), folder.resolve()))
        for name in sorted(_refreshed_files()):
            origin = live / name if live and (live / name).exists() else base / name
            if origin.exists():
                shutil.copy2(origin, folder / name)
        if not (folder / datasets.SOURCES_REFRESH.file).exists():
            header = ",".join(datasets.SOURCES_REFRESH.columns)
            (folder / datasets.SOURCES_REFRESH.file).write_text(header + "\n")
        yield Draft(root, base, folder, live.name if live else None)
    finally:
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)


def point(root: Path, edition_id: str) -> None:
    """Switch readers to an edition: a new link renamed over `current`, one atomic step."""
    fresh = root / f".{CURRENT}-{os.getpid()}"
    fresh.unlink(missing_ok=True)
    fresh.symlink_to(edition_id)
    fresh.replace(root / CURRENT)
    _sync(root)


def editions(root: Path) -> list[dict[str, Any]]:
    """Every complete edition, oldest first (ids are the time each was made), with its manifest."""
    if not root.is_dir():
        return []
    found = [
        _manifest(path) | {"folder": path}
        for path in root.iterdir()
        if not path.name.startswith(".") and path.name != CURRENT and (path / MANIFEST).is_file()
    ]
    return sorted(found, key=lambda m: m["folder"].name)


def prune(root: Path, keep: int = KEEP, protect: set[str] | None = None) -> list[str]:
    """Delete all but the newest `keep` editions; returns the ids deleted.

    Never the live one, nor those in `protect`: the edition just replaced, which readers that
    resolved it this rerun are still reading (after a rollback it may be older than the newest
    `keep`), and which `rollback` goes back to.
    """
    live = current(root)
    spared = set(protect or ()) | ({live.name} if live else set())
    old = [m for m in editions(root)[:-keep] if m["folder"].name not in spared]
    for manifest in old:
        shutil.rmtree(manifest["folder"], ignore_errors=True)
    return [m["folder"].name for m in old]


def rollback(root: Path) -> str:
    """Point readers back at the edition before the live one; returns its id."""
    with locked(root):
        live = current(root)
        if live is None:
            raise EditionError(f"there is no refreshed edition in {root} to go back from")
        previous = _manifest(live).get("previous")
        if not previous or not (root / previous / MANIFEST).is_file():
            raise EditionError(f"edition {live.name} has no earlier edition kept to go back to")
        point(root, previous)
        return previous


def record_try(root: Path, source: str, error: str | None, now: datetime | None = None) -> None:
    """Remember how a source's last refresh went, for the Sources & data page (written whole, atomically)."""
    status = datasets.refresh_status(root)
    status[source] = {"tried": (now or datetime.now(UTC)).replace(microsecond=0).isoformat(), "error": error}
    fresh = root / f".{STATUS}-{os.getpid()}"
    fresh.write_text(json.dumps(status, indent=1, sort_keys=True) + "\n")
    fresh.replace(root / STATUS)


def _manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _sync(path: Path) -> None:
    """Flush a file, or a folder's entries, to disk: a rename then survives a power cut as well as a kill."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
