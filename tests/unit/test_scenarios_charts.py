"""The scenario result chart is built once and only its rows swapped on a slider move: the spec
drawn must be the one building the chart from those rows would give."""

from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa

from dashboard.cache import specs
from dashboard.charts import scenarios as charts
from dashboard.formatting.language import ENGLISH
from dashboard.models.scenarios import (
    backtest_frame,
    fitted_line,
)
from dashboard.models.scenarios_rows import (
    result_frame,
)
from tests.unit.chart_inputs import SCENARIO_BACKTEST, SCENARIO_POINTS, SCENARIO_RESULT


def rows_of(spec: dict) -> list[pd.DataFrame]:
    return [pa.ipc.open_stream(io.BytesIO(data)).read_all().to_pandas() for data in spec["datasets"].values()]


def test_swapping_the_rows_gives_the_spec_built_from_them():
    moved = [SCENARIO_RESULT[0]._replace(usd_m=5000.0, usd_low=2000.0, usd_high=9000.0)]
    for result in (SCENARIO_RESULT, moved):
        frame = result_frame(result, "usd")
        swapped = specs.chart_spec_for_rows(charts.result_chart, frame, "Remittances, US$ m", ",.0f", ENGLISH)
        built = specs.chart_spec(charts.result_chart, frame, "Remittances, US$ m", ",.0f", ENGLISH)
        assert _same_but_dataset_name(swapped, built)
        (swapped_rows,), (built_rows,) = rows_of(swapped), rows_of(built)
        pd.testing.assert_frame_equal(swapped_rows, built_rows)
    # the moved scenario's rows are what is drawn: 5,000 m between 2,000 and 9,000
    scenario = rows_of(
        specs.chart_spec_for_rows(charts.result_chart, result_frame(moved, "usd"), "t", ",.0f", ENGLISH)
    )[0]
    assert scenario[scenario["what"] == "Scenario"][["value", "low", "high"]].iloc[0].tolist() == [
        5000.0,
        2000.0,
        9000.0,
    ]


def _same_but_dataset_name(a: dict, b: dict) -> bool:
    """Altair names a dataset by its content's hash: the template's name differs from the built one's."""
    (name_a,), (name_b,) = a["datasets"], b["datasets"]
    text = lambda spec: str({k: v for k, v in spec.items() if k != "datasets"})  # noqa: E731
    return text(a).replace(name_a, "DATA") == text(b).replace(name_b, "DATA")


def test_every_scenario_chart_is_drawn_on_a_canvas():
    """Streamlit hands usermeta.embedOptions.renderer to vega-embed: one canvas, not hundreds of SVG
    elements restyled on every slider move (docs/performance.md, Scenarios)."""
    line = fitted_line(SCENARIO_POINTS, (20.0, 3.0, 1.5), "ruble_change")
    specs = [
        charts.result_chart(result_frame(SCENARIO_RESULT, "usd"), "t", ",.0f", ENGLISH).to_dict(),
        charts.scatter_chart(SCENARIO_POINTS, line, "ruble_change", "Tajikistan", ENGLISH).to_dict(),
        charts.backtest_chart(backtest_frame(SCENARIO_BACKTEST), "Tajikistan", ENGLISH).to_dict(),
    ]
    assert [spec["usermeta"]["embedOptions"]["renderer"] for spec in specs] == ["canvas"] * 3
