"""Loading through the cache: a validated dataset, and the rules for tables that must fit
together, an optional table, or a refreshed edition that may be corrupt (each named when set aside).

The page models in shared.py and the words in specs.py read their tables through these.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from dashboard import datasets
from dashboard.analytics.basis import Mismatch
from dashboard.cache.edition import data_dir, per_edition


def fitting_together(files: str, build: Callable[..., Any], *tables: Any) -> Any:
    """`build(*tables)`, or a DataError naming the files where they disagree (`basis.Mismatch`: two
    figures where one was expected, a reporter with no rows): each passed its own checks, so they
    do not fit together. Any other error is a fault in our code, not the data's: it is left to
    reach the page, which logs it with its traceback and says so (views.components)."""
    try:
        return build(*tables)
    except Mismatch as exc:
        raise datasets.DataError(files, f"do not fit together ({exc})") from None


def set_aside_note(error: datasets.DataError) -> str:
    return f"data/{error.file} could not be read ({error.message}), so it is left out as if it were missing"


def optional(name: str, set_aside: list[str]) -> pd.DataFrame:
    """An optional table (a refresh file, BACI): a corrupt one is treated as a missing one (no rows), and named."""
    try:
        return datasets.load(name, data_dir())
    except datasets.DataError as error:
        set_aside.append(set_aside_note(error))
        return pd.DataFrame(columns=list(datasets.DATASETS[name].columns))


def newest_edition(name: str, set_aside: list[str]) -> pd.DataFrame:
    """`datasets.load_edition` (the one rule for which edition is newest), or the shipped edition
    when the refreshed file is corrupt (and named)."""
    try:
        return datasets.load_edition(name, data_dir())
    except datasets.DataError as error:
        if error.file != datasets.DATASETS[datasets.NEWER_EDITION[name]].file:
            raise
        set_aside.append(set_aside_note(error))
        return datasets.load(name, data_dir())


def with_refresh_or_curated(name: str, set_aside: list[str]) -> pd.DataFrame:
    """`datasets.load_with_refresh`, or the curated table alone when the refresh file is corrupt (and named)."""
    try:
        return datasets.load_with_refresh(name, data_dir())
    except datasets.DataError as error:
        if error.file != datasets.DATASETS[datasets.REFRESHED_ROWS[name]].file:
            raise
        set_aside.append(set_aside_note(error))
        return datasets.load(name, data_dir())


@per_edition()
def dataset(name: str) -> pd.DataFrame:
    """A validated dataset, for tables a page only reads."""
    return datasets.load(name, data_dir())
