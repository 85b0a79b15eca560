"""How a data file is described: its columns, its whole-table checks, and the error naming where it fails.

Each domain module (trade, products, security, remittances, partners, macro, reference) declares
its files with these; validation.py checks a file against its declaration, geo.py a GeoJSON file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from dashboard.datasets.sources import may_be_redistributed
from dashboard.formatting.catalogue import N_


class DataError(Exception):
    """A data file that cannot be used, with where the problem is."""

    def __init__(self, file: str, message: str, row: int | None = None, column: str | None = None, unit: str = "line"):
        self.file, self.row, self.column, self.message = file, row, column, message
        where = [f"data/{file}"]
        if row is not None:
            where.append(f"{unit} {row}")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {message}")


@dataclass(frozen=True)
class Column:
    """What one column may hold.

    `kind` is text, number, integer, date (YYYY-MM-DD) or partial_date (YYYY, YYYY-MM or
    YYYY-MM-DD: events are dated as precisely as their source). Numbers must be finite and,
    where given, within [minimum, maximum].
    """

    kind: str = "text"
    required: bool = True
    allowed: frozenset[str] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    may_be_absent: bool = False  # a column added later: a file written before it has none (read as empty)


@dataclass(frozen=True)
class Problem:
    """What a whole-table check found: the first offending row (0-based) and column."""

    row: int
    column: str
    message: str


def first_problem(mask: pd.Series, column: str, message: str) -> Problem | None:
    """The first row a check's mask flags, as a Problem (None when no row is flagged)."""
    hits = mask.to_numpy().nonzero()[0]
    return Problem(int(hits[0]), column, message) if len(hits) else None


@dataclass(frozen=True)
class Translated:
    """A check that `<column>_<code>` is given exactly when `<column>` is: words the project wrote
    into the data (a map label, a claim's subject, a preset's name) are ours to translate, so a row
    with them has them in every interface language (data/README.md). A class, not a closure, so a
    dataset stays picklable."""

    column: str
    code: str = "ru"

    def __call__(self, df: pd.DataFrame) -> Problem | None:
        translation = f"{self.column}_{self.code}"
        mismatched = df[self.column].isna() != df[translation].isna()
        return first_problem(mismatched, translation, f"is given exactly when {self.column} is")


@dataclass(frozen=True, kw_only=True)
class DataFile:
    """What the Sources page says about a file, whatever its format."""

    name: str
    file: str  # its path under data/
    title: str
    description: str
    caveat: str = ""  # what a reader must know before using the numbers, shown on the Sources page
    licence: str = ""  # terms on the whole file, where one publisher's forbid passing it on (sources.py)

    @property
    def redistributable(self) -> bool:
        return may_be_redistributed(self.licence)


@dataclass(frozen=True, kw_only=True)
class Dataset(DataFile):
    """A CSV table: its columns, key and whole-table checks."""

    columns: dict[str, Column]
    key: tuple[str, ...] = ()
    cites_sources: bool = True
    may_be_empty: bool = False  # a table filled by a later refresh; until then only its header
    refresh_source: str = ""  # the refresh that writes it into a data edition (worldbank, imf …); never by hand
    checks: tuple[Callable[[pd.DataFrame], Problem | None], ...] = field(default=())

    @property
    def refreshed(self) -> bool:
        return bool(self.refresh_source)


# Words several domains' tables share.
QUALIFIERS = frozenset({"exact", "approximate", "lower_bound", "upper_bound"})
DIRECTIONS = frozenset({"ru_to_tj", "tj_to_ru"})
REFRESH_CAVEAT = N_("Filled by `python -m dashboard.refresh` (see docs/refresh.md); empty in a fresh checkout.")
