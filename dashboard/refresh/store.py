"""Writing a refresh: merge into the refresh's own files, validate everything, then swap atomically.

A pull is staged in a hidden folder inside data/ (same file system, so a rename is atomic),
merged with the rows already there, and loaded back through the app's own schemas and reference
checks. Only then do the files replace the old ones; on any failure the staging folder goes and
data/ is exactly as it was.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard import datasets


@dataclass(frozen=True)
class TableChange:
    """What one table gained and lost: for the summary at the end of a run."""

    table: str
    added: int
    changed: int
    removed: int
    rows: int
    years: tuple[int, int] | None

    def describe(self) -> str:
        span = f", years {self.years[0]}–{self.years[1]}" if self.years else ""
        return (
            f"{self.table}: {self.added} rows added, {self.changed} changed, {self.removed} removed, "
            f"{self.rows} in all{span}"
        )


@dataclass(frozen=True)
class Update:
    """New rows for one refresh table, and which old rows they stand in for.

    `replaces(old)` marks the old rows the pull covered (say, the years asked for): those not in
    the new pull were withdrawn by the source and go, rather than being cited as the new edition.
    """

    rows: pd.DataFrame
    replaces: Callable[[pd.DataFrame], pd.Series]


def everything(old: pd.DataFrame) -> pd.Series:
    return pd.Series(True, index=old.index)


def read_raw(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells as the CSV will hold them: missing values as empty text, never 'nan' or 'None'."""
    return frame.astype(object).where(frame.notna(), "").astype(str)


def merged(
    old: pd.DataFrame, new: pd.DataFrame, key: tuple[str, ...], replaced: pd.Series | None = None
) -> tuple[pd.DataFrame, int, int, int]:
    """The old rows outside `replaced`, with the new rows laid over them by key.

    Returns the table and how many rows were added, changed and removed.
    """
    new_keyed = as_text(new).set_index(list(key))
    old_keyed = old.set_index(list(key))
    covered = old_keyed[replaced.to_numpy()] if replaced is not None else old_keyed.iloc[0:0]
    shared = old_keyed.index.intersection(new_keyed.index)
    changed = int((old_keyed.loc[shared].ne(new_keyed.loc[shared, old_keyed.columns])).any(axis=1).sum())
    added = len(new_keyed.index.difference(old_keyed.index))
    removed = len(covered.index.difference(new_keyed.index))
    kept = old_keyed.drop(index=shared.union(covered.index))
    out = pd.concat([kept, new_keyed[old_keyed.columns]]).reset_index()
    return out[list(old.columns)], added, changed, removed


def _year_span(frame: pd.DataFrame) -> tuple[int, int] | None:
    column = "year" if "year" in frame.columns else "period_start" if "period_start" in frame.columns else None
    if column is None or frame.empty:
        return None
    years = frame[column].astype(str).str[:4].astype(int)
    return int(years.min()), int(years.max())


@contextmanager
def locked(data_dir: Path) -> Iterator[None]:
    """One refresh at a time per data folder: two would both rewrite sources.csv.

    The lock is on the folder itself, so no lock file is left in data/.
    """
    folder = os.open(data_dir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise datasets.DataError(data_dir.name, "another refresh is writing this data folder") from None
        yield
    finally:
        os.close(folder)  # closing releases the lock


def write(
    data_dir: Path, updates: dict[str, Update], source: dict[str, str] | list[dict[str, str]]
) -> list[TableChange]:
    """Merge the updates (dataset name -> rows) and the source row(s) into data_dir, all or nothing.

    One pull that fills several tables under sources of their own passes a list: they are then
    written together or not at all.

    Raises datasets.DataError if the merged files do not validate; data_dir is then untouched.
    """
    with locked(data_dir):
        staging = Path(tempfile.mkdtemp(prefix=".refresh-", dir=data_dir))
        try:
            return _stage_and_swap(data_dir, staging, updates, source)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _stage_and_swap(
    data_dir: Path, staging: Path, updates: dict[str, Update], source: dict[str, str] | list[dict[str, str]]
) -> list[TableChange]:
    for name in ("sources", "reporters"):
        shutil.copy2(data_dir / datasets.DATASETS[name].file, staging)
    sources, *_ = merged(
        read_raw(staging / "sources.csv"),
        pd.DataFrame(source if isinstance(source, list) else [source]),
        ("source_id",),
    )
    sources.sort_values("source_id").to_csv(staging / "sources.csv", index=False)
    changes = []
    for name, update in updates.items():
        dataset = datasets.DATASETS[name]
        old = read_raw(data_dir / dataset.file)
        table, added, changed, removed = merged(
            old, update.rows.reindex(columns=old.columns), dataset.key, update.replaces(old)
        )
        table.to_csv(staging / dataset.file, index=False)
        changes.append(TableChange(dataset.file, added, changed, removed, len(table), _year_span(table)))
    for name in updates:
        datasets.load(name, staging)  # the app's own schema and reference checks
    datasets.load("sources", staging)
    # sources first: a table never cites a source that is not yet there
    for file in ["sources.csv", *(datasets.DATASETS[name].file for name in updates)]:
        (staging / file).replace(data_dir / file)
    return changes
