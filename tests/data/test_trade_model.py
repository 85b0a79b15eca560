"""The Trade page's precomputed model, built from the shipped data."""

import pytest

from dashboard import datasets
from dashboard.models.trade import build_trade_model, choose_projection


@pytest.fixture(scope="module")
def model():
    names = ("reporters", "trade_dots", "trade_published", "events", "sources")
    return build_trade_model(*(datasets.load(name) for name in names))


def test_article_case_comes_from_the_articles_rows(model):
    assert model.article_case == (2022, "RUTJ-030", 70.0)
    bases = model.projections[2022].bases.set_index("figure_id")
    assert bases.loc["RUTJ-030", "value_usd_m"] == 1130


def test_2022_outcomes_show_every_reporter_and_never_the_seed_projection(model):
    outcomes = model.projections[2022].outcomes
    assert "RUTJ-052" not in set(outcomes["figure_id"])
    assert outcomes["value_usd_m"].min() == 1400  # Russian customs
    assert outcomes["value_usd_m"].max() == 1700  # Tajik foreign ministry, 'about'
    assert {"russia", "tajikistan"} <= set(outcomes["side"])


def test_published_totals_start_after_dots_and_keep_the_projection_marked(model):
    assert model.dots_years == (1993, 2020)
    totals = model.published_totals
    assert totals["year"].min() == 2021
    assert totals.set_index("figure_id").loc["RUTJ-052", "status"] == "projection"


def test_chart_frames_exist_for_every_side_flow_and_unit(model):
    assert set(model.annual_frames) == {(s, u) for s in ("russia", "tajikistan") for u in ("busd", "musd")}
    assert set(model.mirror_frames) == {(f, u) for f in ("ru_to_tj", "tj_to_ru") for u in ("busd", "musd")}
    bn, m = model.annual_frames[("russia", "busd")], model.annual_frames[("russia", "musd")]
    assert (bn["value"] * 1000).round(6).tolist() == m["value"].round(6).tolist()


def test_trade_mission_quoting_tajik_statistics_counts_as_tajikistans_figure(model):
    russia = model.headline["russia"].set_index("year")
    tajikistan = model.annual["tajikistan"]
    assert 2023 not in russia.index  # RUTJ-059 is Tajik statistics relayed by the Russian mission
    assert "RUTJ-059" in set(tajikistan["figure_id"])
    assert russia.loc[2022, "figure_id"] == "RUTJ-046"  # Russian customs, 1.40bn


def test_default_projection_uses_growth_from_the_bases_side(model):
    choice = choose_projection(model.projections, None, None, None)
    assert choice.year == 2025
    assert choice.base["side"] == choice.published_growth["side"]
    assert choice.repairs == []


def test_seed_projection_is_1_92bn(model):
    choice = choose_projection(model.projections, 2022, "RUTJ-030", 70.0)
    assert choice.projected_usd_m == pytest.approx(1921.0)
    assert choice.growth == 70.0
    assert choice.repairs == []


def test_invalid_choices_are_repaired_with_reasons(model):
    choice = choose_projection(model.projections, 1999, "RUTJ-030", 12.0)
    assert choice.year == 2025 and [r.param for r in choice.repairs] == ["proj_year"]
    assert choice.growth != 12.0  # a new year starts from its own published growth
    choice = choose_projection(model.projections, 2022, "RUTJ-081", None)
    assert [r.param for r in choice.repairs] == ["proj_base"]
    assert choice.base["year"] == 2021


def test_article_claims_against_the_record(model):
    claims = model.article_claims
    assert (claims.base_year, claims.base_usd_m) == (2021, 1130.0)
    assert (claims.later_min_usd_m, claims.later_max_usd_m) == (1200.0, 1400.0)
    assert (claims.projected_year, claims.projected_usd_m) == (2022, 2000.0)
    assert (claims.outcome_min_usd_m, claims.outcome_max_usd_m) == (1400.0, 1700.0)


def test_year_range_spans_the_data(model):
    assert model.year_range == (1993, 2025)
