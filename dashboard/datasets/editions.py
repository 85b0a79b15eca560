"""Where the data lives: the curated folder, its refreshed editions, and how each refresh last went.

Refreshed editions of a data folder (docs/refresh.md): each a complete, immutable folder whose
curated files link to the data folder and whose refreshed files are its own; `current` points
at the live one and is switched in one rename.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

EDITIONS_VARIABLE = "RT_EDITIONS_DIR"
CURRENT = "current"
MANIFEST = "edition.json"
BASE_LINK = "base"  # in an edition: a link to the curated data folder it builds on


def editions_root(data_dir: Path) -> Path:
    """Where the refreshed editions of data_dir live: RT_EDITIONS_DIR, else editions/ beside it."""
    configured = os.environ.get(EDITIONS_VARIABLE)
    return Path(configured) if configured else data_dir.resolve().parent / "editions"


def live_folder(data_dir: Path) -> Path:
    """The folder a reader loads: the current refreshed edition of data_dir, else data_dir itself.

    Resolved to the edition's own folder, which never changes once written: a reader that has
    resolved it reads that edition whole, even while a refresh switches `current` to the next.
    An edition is used only where its `base` link leads to this very data folder (by identity,
    not by path, so a refresh and the replicas may mount the folders at different paths).
    """
    try:
        target = (editions_root(data_dir) / CURRENT).resolve(strict=True)
        ours = (target / BASE_LINK).resolve(strict=True) == data_dir.resolve(strict=True)
    except (OSError, RuntimeError):
        return data_dir
    return target if ours and (target / MANIFEST).is_file() else data_dir


def locate(folder: Path, file: str) -> Path:
    """A file of a data folder. An edition holds only what a refresh wrote: every other file is
    the curated folder's it builds on, so a new curated file in a new release is read at once."""
    own = folder / file
    if own.exists() or not (folder / BASE_LINK).is_symlink():
        return own
    return folder / BASE_LINK / file


REFRESH_STATUS = "status.json"  # beside the editions: how each source's last refresh try went


def refresh_status(root: Path) -> dict[str, dict[str, str | None]]:
    """Per refresh source, its last try under an editions root: {"tried": ISO time, "error": why it
    failed, or None}."""
    try:
        status = json.loads((root / REFRESH_STATUS).read_text())
    except (OSError, ValueError):
        return {}
    return status if isinstance(status, dict) else {}
