"""Writing one source's pull into a draft edition (editions.py): merged with the rows the last
edition had, validated whole, then laid in; on any failure the draft is exactly as it was.
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
    """One writer at a time per folder (BACI's download folder): the lock is on the folder itself,
    so no lock file is left in it."""
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
    folder: Path, updates: dict[str, Update], source: dict[str, str] | list[dict[str, str]]
) -> list[TableChange]:
    """Merge the updates (dataset name -> rows) and the source row(s) into a draft edition, all or nothing.

    One pull that fills several tables under sources of their own passes a list: they are then
    written together or not at all. The tables are staged in a copy of the draft and loaded back
    through the app's own schemas and reference checks before any of them replaces its old file.

    Raises datasets.DataError if the merged files do not validate; the draft is then as it was.
    """
    trial = Path(tempfile.mkdtemp(prefix=folder.name + "-", dir=folder.parent))
    try:
        shutil.copytree(folder, trial, symlinks=True, dirs_exist_ok=True)
        changes, files = _stage(folder, trial, updates, source)
        for file in files:
            (trial / file).replace(folder / file)
        return changes
    finally:
        shutil.rmtree(trial, ignore_errors=True)


def _stage(
    folder: Path, trial: Path, updates: dict[str, Update], source: dict[str, str] | list[dict[str, str]]
) -> tuple[list[TableChange], list[str]]:
    listed = datasets.SOURCES_REFRESH
    sources, *_ = merged(
        read_raw(trial / listed.file).reindex(columns=list(listed.columns), fill_value=""),
        pd.DataFrame(source if isinstance(source, list) else [source]).reindex(columns=list(listed.columns)),
        ("source_id",),
    )
    sources.sort_values("source_id").to_csv(trial / listed.file, index=False)
    changes = []
    for name, update in updates.items():
        dataset = datasets.DATASETS[name]
        old = read_raw(folder / dataset.file)
        table, added, changed, removed = merged(
            old, update.rows.reindex(columns=old.columns), dataset.key, update.replaces(old)
        )
        table.to_csv(trial / dataset.file, index=False)
        changes.append(TableChange(dataset.file, added, changed, removed, len(table), _year_span(table)))
    for name in updates:
        datasets.load(name, trial)  # the app's own schema and reference checks
    datasets.load("sources", trial)
    return changes, [listed.file, *(datasets.DATASETS[name].file for name in updates)]
