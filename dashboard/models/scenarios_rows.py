"""A scenario's result and second round as rows: what a driver does not move (their shape, built
once per year ahead and language by the page) apart from the numbers it does (put in on a move)."""

from __future__ import annotations

import pandas as pd

from dashboard.models.scenarios import Outcome

# What of a result does not move with the drivers: per economy, its name, its latest actual year,
# the year ahead and the source of its figures (result_shape)
ResultShape = tuple[tuple[str, int, int, str], ...]
RESULT_NUMBERS = ("value", "low", "high")


def result_shape(result: list[Outcome]) -> ResultShape:
    return tuple((row.economy, row.base_year, row.year, row.source_id) for row in result)


# The second round's columns a driver moves; the others are the fits' (one set per data edition)
SECOND_ROUND_NUMBERS = ("remittances_pts", "change_pts", "low_pts", "high_pts")
SecondRoundShape = tuple[tuple, ...]


def second_round_shape(columns: list[str], rows: list[dict]) -> SecondRoundShape:
    """The second round's columns, then its rows (`second_round` as records) but for the numbers a
    driver moves (SECOND_ROUND_NUMBERS). Plain tuples: a few rows, read on every move."""
    fixed = [column for column in columns if column not in SECOND_ROUND_NUMBERS]
    return (tuple(columns), *(tuple(row[column] for column in fixed) for row in rows))


def second_round_around(shape: SecondRoundShape) -> pd.DataFrame:
    """`second_round`'s rows back from their shape, the moved numbers empty (NaN): a page works out
    what it adds to them once (its CSV's columns, in the viewer's language), and puts the numbers
    in on a move."""
    columns, *rows = shape
    fixed = [column for column in columns if column not in SECOND_ROUND_NUMBERS]
    return pd.DataFrame(list(rows), columns=fixed).reindex(columns=list(columns))


def result_frame(result: list[Outcome], measure: str) -> pd.DataFrame:
    """Long form for the result chart: per economy, its latest actual year and the scenario with
    its interval. `measure` is 'usd' (US$ m) or 'pct' (% of GDP)."""
    return result_frame_around(result_shape(result)).assign(**result_numbers(result, measure))


def result_frame_around(shape: ResultShape) -> pd.DataFrame:
    """`result_frame`'s rows without their numbers (NaN): everything in them a driver does not
    change, so that a page can work out what it adds to them once per year ahead (its CSV's
    columns, their words in the viewer's language) and put in only the numbers on a move."""
    rows = []
    for economy, base_year, year, source in shape:
        rows.append((economy, "Latest actual", base_year, f"{economy}, {base_year}", source))
        rows.append((economy, "Scenario", year, f"{economy}, {year}", source))
    frame = pd.DataFrame(rows, columns=["economy", "what", "when", "label", "source_id"])
    return frame.reindex(columns=["economy", "what", "when", "label", *RESULT_NUMBERS, "source_id"])


def result_numbers(result: list[Outcome], measure: str) -> dict[str, list[float]]:
    """`result_frame`'s numbers, column by column, in its rows' order: the latest actual value
    (its interval is itself), then the scenario's with its interval."""
    numbers: dict[str, list[float]] = {column: [] for column in RESULT_NUMBERS}
    for row in result:
        base, mean, low, high = (
            (row.base_usd_m, row.usd_m, row.usd_low, row.usd_high)
            if measure == "usd"
            else (row.base_pct_gdp, row.pct_gdp, row.pct_low, row.pct_high)
        )
        for column, scenario in zip(RESULT_NUMBERS, (mean, low, high), strict=True):
            numbers[column] += [float(base), float(scenario)]
    return numbers
