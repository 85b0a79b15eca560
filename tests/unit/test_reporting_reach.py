"""A reporter whose statistics stop before the other's is said in words, never left a silent gap."""

import pandas as pd

from dashboard.analytics.trade import reporting_stopped
from dashboard.formatting.language import ENGLISH


def full_years(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["reporter", "label", "year"])


def test_the_reporter_that_stopped_is_named_with_the_years_it_leaves_one_sided():
    rows = [("un_comtrade_rus", "Russia (UN Comtrade)", y) for y in (2019, 2020, 2021)]
    rows += [("un_comtrade_tjk", "Tajikistan (UN Comtrade)", y) for y in (2019, 2020, 2021, 2022, 2023, 2024)]
    rows += [("rosstat", "Russia (Rosstat)", 2025)]  # another reporter's figure does not count
    assert reporting_stopped(full_years(rows), ENGLISH) == (
        "Russia (UN Comtrade) ends in 2021 while Tajikistan (UN Comtrade) runs to 2024: no later year was "
        "reported, so 2022–2024 show one side only (a gap, not a fall)."
    )


def test_nothing_is_said_when_both_reach_the_same_year_or_one_is_absent():
    both = [("un_comtrade_rus", "Russia (UN Comtrade)", 2022), ("un_comtrade_tjk", "Tajikistan (UN Comtrade)", 2022)]
    assert reporting_stopped(full_years(both), ENGLISH) == ""
    assert reporting_stopped(full_years(both[1:]), ENGLISH) == ""
    assert reporting_stopped(full_years([]), ENGLISH) == ""
