"""The Products page's numbers and counted phrases in Russian (issue 28), worked out by hand."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from dashboard.formatting.language import ENGLISH, RUSSIAN
from dashboard.models.products import as_published_percent, build_coverage_frame, qualified

NB = "\u00a0"


def test_a_published_percentage_keeps_its_published_digits_in_each_language():
    assert as_published_percent(40.0, ENGLISH) == "40%"
    assert as_published_percent(40.0, RUSSIAN) == f"40{NB}%"
    assert as_published_percent(12.5, ENGLISH, signed=True) == "+12.5%"
    assert as_published_percent(12.5, RUSSIAN, signed=True) == f"+12,5{NB}%"
    assert as_published_percent(-3.25, RUSSIAN, signed=True) == f"−3,25{NB}%"
    assert qualified(as_published_percent(40.0, RUSSIAN), "lower_bound", RUSSIAN) == f"более 40{NB}%"
    assert qualified(as_published_percent(40.0, ENGLISH), "approximate", ENGLISH) == "about 40%"


def coverage(rows: list[tuple[int, int, str]]) -> SimpleNamespace:
    frame = pd.DataFrame(rows, columns=["valued", "rows", "reporter"])
    return SimpleNamespace(
        coverage=frame.assign(year=2023, direction="ru_to_tj", status="some values", detail="", direction_label="")
    )


def test_headings_are_counted_with_russian_plural_forms():
    model = coverage([(n, n, "un_comtrade_rus") for n in (1, 2, 5, 21, 1200)])
    assert build_coverage_frame(model, RUSSIAN)["detail"].tolist() == [
        "1 позиция по данным «un_comtrade_rus»",
        "2 позиции по данным «un_comtrade_rus»",
        "5 позиций по данным «un_comtrade_rus»",
        "21 позиция по данным «un_comtrade_rus»",
        f"1{NB}200 позиций по данным «un_comtrade_rus»",
    ]
    # English as it has always read, "headings" for one too, and no thousands separator
    assert build_coverage_frame(model, ENGLISH)["detail"].tolist()[::4] == [
        "1 headings reported by un_comtrade_rus",
        "1200 headings reported by un_comtrade_rus",
    ]


def test_rows_with_values_are_counted_out_of_all_rows_in_russian():
    model = coverage([(1, 1, ""), (0, 2, ""), (3, 5, ""), (20, 21, "")])
    assert build_coverage_frame(model, RUSSIAN)["detail"].tolist() == [
        "1 из 1 строки со стоимостью или долей",
        "0 из 2 строк со стоимостью или долей",
        "3 из 5 строк со стоимостью или долей",
        "20 из 21 строки со стоимостью или долей",
    ]
    frame = build_coverage_frame(model, RUSSIAN)
    assert set(frame["status"]) == {"отдельные стоимости"} and set(frame["direction_label"]) == {"Россия → Таджикистан"}
