"""The Trade page's precomputed model, built from the shipped data."""

import pytest

from dashboard import datasets
from dashboard.trade_model import build_trade_model


@pytest.fixture(scope="module")
def model():
    names = ("reporters", "trade_dots", "trade_published", "events", "sources")
    return build_trade_model(*(datasets.load(name) for name in names))


def test_seed_case_comes_from_the_articles_rows(model):
    assert model.seed_case == (2022, "RUTJ-030", 70.0)
    bases = model.projections[2022].bases.set_index("figure_id")
    assert bases.loc["RUTJ-030", "value_usd_m"] == 1130


def test_2022_outcomes_show_every_reporter_and_never_the_seed_projection(model):
    outcomes = model.projections[2022].outcomes
    assert "RUTJ-052" not in set(outcomes["figure_id"])
    assert outcomes["value_usd_m"].min() == 1400  # Russian customs
    assert outcomes["value_usd_m"].max() == 1700  # Tajik foreign ministry, 'about'
    assert {"russia", "tajikistan"} <= set(outcomes["side"])


def test_published_totals_start_after_dots_and_keep_the_projection_marked(model):
    assert model.last_dots_year == 2020
    totals = model.published_totals
    assert totals["year"].min() == 2021
    assert totals.set_index("figure_id").loc["RUTJ-052", "status"] == "projection"


def test_chart_frames_exist_for_every_side_flow_and_unit(model):
    assert set(model.annual_frames) == {(s, u) for s in ("russia", "tajikistan") for u in ("busd", "musd")}
    assert set(model.mirror_frames) == {(f, u) for f in ("ru_to_tj", "tj_to_ru") for u in ("busd", "musd")}
    bn, m = model.annual_frames[("russia", "busd")], model.annual_frames[("russia", "musd")]
    assert (bn["value"] * 1000).round(6).tolist() == m["value"].round(6).tolist()


def test_year_range_spans_the_data(model):
    assert model.year_range == (1993, 2025)
