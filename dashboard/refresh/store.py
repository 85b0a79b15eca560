"""Writing a refresh: merge into the refresh's own files, validate everything, then swap atomically.

A pull is staged in a hidden folder inside data/ (same file system, so a rename is atomic),
merged with the rows already there, and loaded back through the app's own schemas and reference
checks. Only then do the files replace the old ones; on any failure the staging folder goes and
data/ is exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard import datasets


@dataclass(frozen=True)
class TableChange:
    """What one table gained: for the summary at the end of a run."""

    table: str
    added: int
    changed: int
    rows: int
    years: tuple[int, int] | None

    def describe(self) -> str:
        span = f", years {self.years[0]}–{self.years[1]}" if self.years else ""
        return f"{self.table}: {self.added} rows added, {self.changed} changed, {self.rows} in all{span}"


def read_raw(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def merged(old: pd.DataFrame, new: pd.DataFrame, key: tuple[str, ...]) -> tuple[pd.DataFrame, int, int]:
    """The old rows with the new ones laid over them by key; how many were added and changed."""
    new = new.astype(str).replace({"nan": "", "None": ""})
    old_keyed = old.set_index(list(key))
    new_keyed = new.set_index(list(key))
    shared = old_keyed.index.intersection(new_keyed.index)
    changed = int((old_keyed.loc[shared].ne(new_keyed.loc[shared, old_keyed.columns])).any(axis=1).sum())
    added = len(new_keyed.index.difference(old_keyed.index))
    kept = old_keyed.drop(index=shared)
    out = pd.concat([kept, new_keyed[old_keyed.columns]]).reset_index()
    return out[list(old.columns)], added, changed


def _year_span(frame: pd.DataFrame) -> tuple[int, int] | None:
    column = "year" if "year" in frame.columns else "period_start" if "period_start" in frame.columns else None
    if column is None or frame.empty:
        return None
    years = frame[column].astype(str).str[:4].astype(int)
    return int(years.min()), int(years.max())


def write(data_dir: Path, tables: dict[str, pd.DataFrame], source: dict[str, str]) -> list[TableChange]:
    """Merge `tables` (dataset name -> rows) and the source row into data_dir, all or nothing.

    Raises datasets.DataError if the merged files do not validate; data_dir is then untouched.
    """
    staging = Path(tempfile.mkdtemp(prefix=".refresh-", dir=data_dir))
    try:
        for name in ("sources", "reporters"):
            shutil.copy2(data_dir / datasets.DATASETS[name].file, staging)
        sources = read_raw(staging / "sources.csv")
        sources, _, _ = merged(sources, pd.DataFrame([source]), ("source_id",))
        sources.sort_values("source_id").to_csv(staging / "sources.csv", index=False)
        changes = []
        for name, rows in tables.items():
            dataset = datasets.DATASETS[name]
            old = read_raw(data_dir / dataset.file)
            table, added, changed = merged(old, rows.reindex(columns=old.columns), dataset.key)
            table.to_csv(staging / dataset.file, index=False)
            changes.append(TableChange(dataset.file, added, changed, len(table), _year_span(table)))
        for name in tables:
            datasets.load(name, staging)  # the app's own schema and reference checks
        datasets.load("sources", staging)
        # sources first: a table never cites a source that is not yet there
        for file in ["sources.csv", *(datasets.DATASETS[name].file for name in tables)]:
            (staging / file).replace(data_dir / file)
        return changes
    finally:
        shutil.rmtree(staging, ignore_errors=True)
