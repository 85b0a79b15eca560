"""Every headline number on every page says whose figure it is and on what basis (issue 26), and
every CSV and chart tooltip says so for each figure, in the same columns."""

import io
import json
from collections.abc import Iterator

import pandas as pd
import pytest

PAGES_WITH_CARDS = ["overview", "trade", "border", "remittances", "partners"]


@pytest.mark.parametrize("page", PAGES_WITH_CARDS)
def test_every_card_has_a_whose_figure_line(open_app, page):
    at = open_app(page)
    assert not at.exception and at.metric
    whose = [c.value for c in at.caption if c.value.startswith("Whose figure: ")]
    assert len(whose) == len(at.metric), [m.label for m in at.metric]
    assert all(len(line) > len("Whose figure: .") for line in whose)


def test_the_trade_projection_says_whose_base_and_whose_growth(open_app):
    at = open_app("trade", proj_year="2022")
    whose = [c.value for c in at.caption if c.value.startswith("Whose figure: a projection worked out here")]
    assert whose and "2021 total" in whose[0] and "growth" in whose[0]


def test_the_scenario_cards_name_both_years_and_sources(open_app):
    at = open_app("remittances")
    whose = [c.value for c in at.caption if "a scenario worked out here" in c.value]
    assert len(whose) == 3
    assert "2024" in whose[0] and "(2021, Asia-Plus" in whose[0]


# ---- the same columns in every CSV and every chart tooltip (analytics.basis.SHOWN) ---------------

PAGES_WITH_FIGURES = ["trade", "border", "remittances", "overview", "partners", "products", "scenarios"]
SHOWN = ["reported_by", "basis", "edition", "year"]
TITLES = {"Reported by", "Basis", "Edition"}  # and "Year" wherever a chart runs over years


@pytest.mark.parametrize("page", PAGES_WITH_FIGURES)
def test_every_csv_says_whose_each_figure_is_in_the_same_columns(open_app, downloads, page):
    open_app(page)
    csvs = {name: pd.read_csv(io.BytesIO(data)) for name, data in downloads.items() if name.endswith(".csv")}
    assert csvs, "the page offers no CSV"
    for name, frame in csvs.items():
        assert set(SHOWN) <= set(frame.columns), f"{name} lacks {sorted(set(SHOWN) - set(frame.columns))}"
        assert frame["reported_by"].notna().all() and frame["basis"].notna().all(), name


def tooltips(spec: dict) -> Iterator[tuple[list[dict], dict]]:
    """Every layer's tooltip in a spec, with the layer's encoding."""
    encoding = spec.get("encoding", {})
    if isinstance(encoding.get("tooltip"), list):
        yield encoding["tooltip"], encoding
    for key in ("layer", "vconcat", "hconcat"):
        for part in spec.get(key, []):
            yield from tooltips(part)


def shows_a_figure(tooltip: list[dict]) -> bool:
    """A tooltip that gives a number (not an event's title, a country's name or the year alone)."""
    return any(
        (item.get("type") == "quantitative" and item.get("field") != "year")
        or str(item.get("field", "")).endswith("_text")
        for item in tooltip
    )


@pytest.mark.parametrize("page", PAGES_WITH_FIGURES)
def test_every_chart_tooltip_says_whose_each_figure_is(open_app, page):
    at = open_app(page)
    specs = [json.loads(e.proto.spec) for e in at.main if getattr(e, "type", None) == "vega_lite_chart"]
    figures = [(t, e) for spec in specs for t, e in tooltips(spec) if shows_a_figure(t)]
    assert figures, "no chart tooltip gives a figure"
    for tooltip, encoding in figures:
        titles = {item.get("title") for item in tooltip}
        assert titles >= TITLES, f"a tooltip gives {sorted(t for t in titles if t)}"
        over_years = any(encoding.get(axis, {}).get("field") == "year" for axis in ("x", "y"))
        assert not over_years or "Year" in titles


def test_every_scenarios_csv_says_whose_each_figure_is(open_app, downloads):
    open_app("scenarios", sc_growth="-3", sc_ruble="-25", sc_saved="Deep cut:-3,-25,0")
    csvs = {name: pd.read_csv(io.BytesIO(data)) for name, data in downloads.items() if name.endswith(".csv")}
    assert {"scenario_usd.csv", "scenario_compare.csv", "scenario_record.csv", "scenario_track_record.csv"} <= set(csvs)
    for name, frame in csvs.items():
        assert set(SHOWN) <= set(frame.columns), f"{name} lacks {sorted(set(SHOWN) - set(frame.columns))}"
        assert frame["reported_by"].notna().all() and frame["basis"].notna().all(), name
    usd = csvs["scenario_usd.csv"]
    # WDI's latest actual year (2024 as shipped) is the World Bank's; the year ahead is ours
    actual, ahead = usd[usd["what"] == "Latest actual"], usd[usd["what"] == "Scenario"]
    assert set(actual["reported_by"]) == {"World Bank (WDI)"} and set(actual["basis"]) == {"reported"}
    assert set(actual["year"]) == {2024} and set(ahead["year"]) == {2025}
    assert set(ahead["reported_by"]) == {"this dashboard"} and set(ahead["basis"]) == {"scenario worked out here"}
    assert set(csvs["scenario_record.csv"]["reported_by"]) == {"World Bank (WDI)"}
