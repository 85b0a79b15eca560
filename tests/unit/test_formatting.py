import math

import pytest

from dashboard.formatting import money, percent, period_label


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (1130, "auto", "exact", "US$1.13bn"),
        (1500, "busd", "lower_bound", "over US$1.50bn"),
        (103.3, "auto", "exact", "US$103m"),
        (53, "busd", "exact", "US$0.053bn"),
        (0.2, "busd", "exact", "US$0.0002bn"),
        (0, "busd", "exact", "US$0.00bn"),
        (72.5, "musd", "approximate", "about US$72.5m"),
        (1714.9, "musd", "exact", "US$1,715m"),
        (-181.6, "musd", "exact", "−US$182m"),
        (None, "auto", "exact", "–"),
        (math.nan, "busd", "exact", "–"),
    ],
)
def test_money(value, unit, qualifier, expected):
    assert money(value, unit, qualifier) == expected


def test_percent_signs_and_qualifiers():
    assert percent(70, "lower_bound") == "over +70.0%"
    assert percent(-15, "upper_bound") == "under −15.0%"
    assert percent(0) == "0.0%"
    assert percent(math.nan) == "–"


@pytest.mark.parametrize(
    ("kind", "start", "end", "label"),
    [
        ("year", "2021-01-01", "2021-12-31", "2021"),
        ("quarter", "2022-01-01", "2022-03-31", "Q1 2022"),
        ("half", "2024-01-01", "2024-06-30", "H1 2024"),
        ("ytd", "2022-01-01", "2022-04-30", "Jan–Apr 2022"),
        ("ytd", "2018-01-01", "2018-01-31", "Jan 2018"),
    ],
)
def test_period_label(kind, start, end, label):
    assert period_label(kind, start, end) == label
