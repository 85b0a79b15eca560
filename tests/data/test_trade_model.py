"""The Trade page's precomputed model, built from the shipped data.

Pinned to the shipped data/ on purpose: the figure ids and values are the curated pack's; the
model's logic is tested on hand-made rows in tests/unit (test_trade_analytics.py, test_trade_charts.py).
"""

import pytest

from dashboard import datasets
from dashboard.analytics import trade
from dashboard.formatting.language import ENGLISH
from dashboard.models.trade import build_trade_frames, build_trade_model, choose_projection


@pytest.fixture(scope="module")
def model():
    names = ("reporters", "trade_dots", "trade_published", "events", "sources")
    return build_trade_model(*(datasets.load(name) for name in names))


@pytest.fixture(scope="module")
def frames(model):
    return build_trade_frames(model, ENGLISH)


def test_article_case_comes_from_the_articles_rows(model, frames):
    assert model.article_case == (2022, "RUTJ-030", 70.0)
    bases = frames.projections[2022].bases.set_index("figure_id")
    assert bases.loc["RUTJ-030", "value_usd_m"] == 1130


def test_2022_outcomes_show_every_reporter_and_never_the_seed_projection(frames):
    outcomes = frames.projections[2022].outcomes
    assert "RUTJ-052" not in set(outcomes["figure_id"])
    assert outcomes["value_usd_m"].min() == 1400  # Russian customs
    assert outcomes["value_usd_m"].max() == 1700  # Tajik foreign ministry, 'about'
    assert {"russia", "tajikistan"} <= set(outcomes["side"])


def test_published_totals_start_after_dots_and_keep_the_projection_marked(model):
    assert model.dots_years == (1993, 2020)
    totals = model.published_totals
    assert totals["year"].min() == 2021
    assert totals.set_index("figure_id").loc["RUTJ-052", "status"] == "projection"


def test_chart_frames_exist_for_every_side_flow_and_unit(frames):
    assert set(frames.annual_frames) == {(s, u) for s in ("russia", "tajikistan") for u in ("busd", "musd")}
    assert set(frames.mirror_frames) == {(f, u) for f in ("ru_to_tj", "tj_to_ru") for u in ("busd", "musd")}
    bn, m = frames.annual_frames[("russia", "busd")], frames.annual_frames[("russia", "musd")]
    assert (bn["value"] * 1000).round(6).tolist() == m["value"].round(6).tolist()


def test_trade_mission_quoting_tajik_statistics_counts_as_tajikistans_figure(model):
    russia = model.headline["russia"].set_index("year")
    tajikistan = model.annual["tajikistan"]
    assert 2023 not in russia.index  # RUTJ-059 is Tajik statistics relayed by the Russian mission
    assert "RUTJ-059" in set(tajikistan["figure_id"])
    assert russia.loc[2022, "figure_id"] == "RUTJ-046"  # Russian customs, 1.40bn


def test_default_projection_uses_growth_from_the_bases_own_reporter(frames):
    choice = choose_projection(frames.projections, None, None, None, ENGLISH)
    assert choice.year == 2025
    # Russian officials' 2024 total, 1.5bn (RUTJ-081), and their latest 2025 growth, Jan–Sep +17% (RUTJ-095)
    assert (choice.base["figure_id"], choice.published_growth["figure_id"]) == ("RUTJ-081", "RUTJ-095")
    assert choice.projected_usd_m == pytest.approx(1755.0)  # 1,500 × 1.17
    assert choice.fallbacks == []


def test_seed_projection_is_1_92bn(frames):
    choice = choose_projection(frames.projections, 2022, "RUTJ-030", 70.0, ENGLISH)
    assert choice.projected_usd_m == pytest.approx(1921.0)
    assert choice.growth == 70.0 and choice.growth_is_published  # the article's own Q1 'over 70%'
    assert choice.fallbacks == []


def test_invalid_choices_are_repaired_with_reasons(frames):
    choice = choose_projection(frames.projections, 1999, "RUTJ-030", 12.0, ENGLISH)
    assert choice.year == 2025 and [r.param for r in choice.fallbacks] == ["proj_year"]
    assert choice.growth != 12.0  # a new year starts from its own published growth
    choice = choose_projection(frames.projections, 2022, "RUTJ-081", None, ENGLISH)
    assert [r.param for r in choice.fallbacks] == ["proj_base"]
    assert choice.base["year"] == 2021


def test_article_claims_against_the_record(model):
    claims = model.article_claims
    assert (claims.base_year, claims.base_usd_m) == (2021, 1130.0)
    assert (claims.later_min_usd_m, claims.later_max_usd_m) == (1200.0, 1400.0)
    assert (claims.projected_year, claims.projected_usd_m) == (2022, 2000.0)
    assert (claims.outcome_min_usd_m, claims.outcome_max_usd_m) == (1400.0, 1700.0)


def test_year_range_spans_the_data(model):
    assert model.year_range == (1993, 2025)


def test_the_shipped_series_as_the_charts_draw_them(model, frames):
    annual = frames.annual_frames[("russia", "busd")]
    totals = annual[(annual["measure"] == "total") & (annual["source_kind"] == "dots")]
    # Russia's DOTS total starts in 1994 (no 1993 exports) and is one unbroken run to 2020
    assert (totals["year"].min(), totals["year"].max(), totals["segment"].nunique()) == (1994, 2020, 1)
    published = annual[annual["source_kind"] == "published"]
    assert published["year"].min() == 2021 and set(published["qualifier_label"]) >= {"exact", "lower bound"}
    mirror = frames.mirror_frames[("tj_to_ru", "musd")]
    exporter = mirror[mirror["role"] == "exporter"]
    assert (mirror["year"].min(), mirror["year"].max()) == (1993, 2020)
    assert set(exporter["side"]) == {"Tajikistan"} and len(exporter) == 28
    assert set(exporter["reported_by"]) == {"Tajikistan (IMF DOTS)"}
    seed_2021 = frames.published_frames["busd"].set_index("figure_id").loc["RUTJ-030"]
    assert (seed_2021["value"], seed_2021["value_text"], seed_2021["side_label"]) == (
        1.13,
        "US$1.13bn",
        "Media & unattributed",
    )
    growth = frames.part_year_growth.set_index("figure_id")
    assert len(growth) == model.part_years["yoy_growth_pct"].notna().sum()
    assert tuple(growth.loc["RUTJ-041", ["period", "growth_text"]]) == ("Q1 2022", "over +70.0%")
    assert len(trade.russia_shares(datasets.load("trade_context"), datasets.load("reporters"))) > 0
