"""The validation engine: a CSV file read as text and checked against its Dataset, column by column,
then its key and its whole-table checks. The first problem found is raised as a DataError naming the
file, the line (as an editor numbers it: the header is line 1), the column and the value found.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.datasets.editions import DATA_DIR, locate
from dashboard.datasets.schema import Column, DataError, Dataset


def read_csv(dataset: Dataset, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Read one file and check it against its own schema (not its references)."""
    path = locate(data_dir, dataset.file)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except FileNotFoundError:
        raise DataError(dataset.file, "the file is missing") from None
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise DataError(dataset.file, f"not a readable CSV file ({type(exc).__name__})") from None
    missing = [c for c, column in dataset.columns.items() if c not in raw.columns and not column.may_be_absent]
    if missing:
        raise DataError(dataset.file, f"missing column(s): {', '.join(missing)}")
    raw = raw.reindex(columns=list(dict.fromkeys([*raw.columns, *dataset.columns])))
    if raw.empty and not dataset.may_be_empty:
        raise DataError(dataset.file, "the file has a header but no rows")
    df = raw[list(dataset.columns)].copy()
    for name, column in dataset.columns.items():
        df[name] = check_column(dataset.file, df[name], name, column)
    if dataset.key:
        dup = df.index[df.duplicated(list(dataset.key))]
        if len(dup):
            raise DataError(dataset.file, f"duplicate key {list(dataset.key)}", row=dup[0] + 2)
    for check in dataset.checks:
        problem = check(df)
        if problem:
            found = df[problem.column].iloc[problem.row]
            raise DataError(
                dataset.file, f"{problem.message} (found {found!r})", row=problem.row + 2, column=problem.column
            )
    return df


def check_column(file: str, values: pd.Series, name: str, column: Column) -> pd.Series:
    """`values` (text) checked against `column`, converted to its kind; a DataError at the first failing value."""

    def fail(mask: pd.Series, why: str) -> None:
        if mask.any():
            first = mask.to_numpy().nonzero()[0][0]
            raise DataError(file, f"{why} (found {values.iloc[first]!r})", row=first + 2, column=name)

    present = values.notna()
    if column.required:
        fail(~present, "a value is required")
    if column.allowed is not None:
        fail(present & ~values.isin(column.allowed), f"must be one of {sorted(column.allowed)}")
    if column.pattern is not None:
        fail(present & ~values.fillna("").str.match(column.pattern), "is not well formed")
    if column.kind in ("number", "integer"):
        numbers = pd.to_numeric(values, errors="coerce").astype("float64")
        fail(present & ~np.isfinite(numbers), "must be a finite number")
        if column.minimum is not None:
            fail(present & (numbers < column.minimum), f"must be at least {column.minimum:g}")
        if column.maximum is not None:
            fail(present & (numbers > column.maximum), f"must be at most {column.maximum:g}")
        if column.kind == "integer":
            fail(present & (numbers % 1 != 0), "must be a whole number")
            return numbers.astype("Int64")
        return numbers.astype("float64")
    if column.kind == "date":
        dates = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce")
        fail(present & dates.isna(), "must be a date as YYYY-MM-DD")
        return values
    if column.kind == "partial_date":
        fail(present & ~values.fillna("").map(is_partial_date), "must be a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return values


def is_partial_date(text: str) -> bool:
    formats = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
    if len(text) not in formats:
        return False
    try:
        datetime.strptime(text, formats[len(text)])
    except ValueError:
        return False
    return True
