"""A driver moved puts only the numbers into rows worked out once per year ahead and language (the
result's and the second round's: views/scenarios_result.result_rows, second_round_rows): the rows
must be the ones built afresh."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.formatting.language import ENGLISH, RUSSIAN
from dashboard.models.scenarios import (
    Drivers,
    apply_scenario,
    for_csv,
    rows_in,
    second_round,
)
from dashboard.models.scenarios_rows import (
    result_frame,
    result_shape,
    second_round_shape,
)
from dashboard.views.scenarios_result import result_rows, result_rows_around, second_round_rows
from tests.unit.chart_inputs import SCENARIO_RESULT

# SCENARIO_RESULT's Tajikistan: 6,800 m in 2024; the scenario 4,760 m (1,360 to 8,160) in 2025
MOVED = [SCENARIO_RESULT[0]._replace(usd_m=5000.0, usd_low=2000.0, usd_high=9000.0, pct_gdp=35.2)]


@pytest.mark.parametrize("lang", [ENGLISH, RUSSIAN], ids=["en", "ru"])
@pytest.mark.parametrize("measure", ["usd", "pct"])
def test_a_moves_rows_are_the_rows_built_afresh(lang, measure):
    from dashboard.cache import shared

    sources = shared.scenarios_model().sources
    for result in (SCENARIO_RESULT, MOVED):
        afresh = rows_in(for_csv(result_frame(result, measure), sources, "scenario"), lang)
        pd.testing.assert_frame_equal(result_rows(result, measure, lang), afresh, check_exact=True)
    # the same rows around both moves' numbers: worked out once
    assert result_rows_around(result_shape(MOVED), lang) is result_rows_around(result_shape(SCENARIO_RESULT), lang)


def test_the_moved_numbers_are_the_ones_in_the_rows():
    rows = result_rows(MOVED, "usd", ENGLISH)
    assert rows[["when", "value", "low", "high"]].values.tolist() == [
        [2024, 6800.0, 6800.0, 6800.0],
        [2025, 5000.0, 2000.0, 9000.0],
    ]
    assert rows["reported_by"].tolist() == ["World Bank (WDI)", "this dashboard"]
    assert result_rows(MOVED, "pct", ENGLISH)["value"].tolist() == [47.9, 35.2]


@pytest.mark.parametrize("lang", [ENGLISH, RUSSIAN], ids=["en", "ru"])
def test_the_second_rounds_rows_are_the_rows_built_afresh(lang):
    from dashboard.cache import shared

    model = shared.scenarios_model()
    shapes, numbers = set(), []
    for drivers in (Drivers(0.0, -1.0, 0.0, 1), Drivers(-3.0, -25.0, -10.0, 1)):
        rounds = second_round(model, apply_scenario(model, drivers))
        rows = rounds.to_dict("records")
        afresh = rows_in(for_csv(rounds, model.sources, "second_round"), lang)
        moved = second_round_rows(rounds, rows, lang)
        pd.testing.assert_frame_equal(moved, afresh, check_exact=True)
        shapes.add(second_round_shape(list(rounds.columns), rows))
        numbers.append(moved["remittances_pts"].tolist())
    assert len(shapes) == 1  # the rows around the numbers are the same for both drivers: worked out once
    assert numbers[0] != numbers[1]  # and each move's own numbers are put in
