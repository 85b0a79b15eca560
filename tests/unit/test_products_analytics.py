"""Roll-ups, shares and concentration on the hand-checkable fixture; gaps never become shares."""

from pathlib import Path

import pandas as pd
import pytest

from dashboard.analytics import products as prod

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "product_breakdown_full.csv"


@pytest.fixture
def breakdown():
    return pd.read_csv(FIXTURE, dtype={"hs4": str, "complete": str})


def test_headings_rank_with_shares_of_a_complete_breakdown(breakdown):
    rows = prod.breakdowns(breakdown, "ru_to_tj", 2023)
    ranked = prod.at_level(rows, 4)
    assert ranked["hs"].tolist()[:2] == ["2710", "1512"]
    assert ranked["share_pct"].tolist() == [50.0, 20.0, 10.0, 10.0, 5.0, 5.0]
    assert ranked["description"].iloc[0].startswith("Petroleum oils")


def test_chapters_sum_headings(breakdown):
    ranked = prod.at_level(prod.breakdowns(breakdown, "ru_to_tj", 2023), 2).set_index("hs")
    assert ranked.loc["27", "value_usd_m"] == 500 and ranked.loc["44", "share_pct"] == 5.0


def test_concentration_top3_and_hhi(breakdown):
    ranked = prod.at_level(prod.breakdowns(breakdown, "ru_to_tj", 2023), 4)
    result = prod.concentration(ranked)
    assert result.top3_share_pct == 80.0
    assert result.hhi == 50**2 + 20**2 + 10**2 + 10**2 + 5**2 + 5**2  # 3,150


def test_a_partial_breakdown_never_reports_a_share(breakdown):
    ranked = prod.at_level(prod.breakdowns(breakdown, "tj_to_ru", 2023), 4)
    assert ranked["value_usd_m"].tolist() == [40, 30, 20]
    assert ranked["share_pct"].isna().all()
    assert prod.concentration(ranked) is None
    assert prod.section_rollup(prod.breakdowns(breakdown, "tj_to_ru", 2023))["share_pct"].isna().all()


def test_sections_roll_up_by_hs_section(breakdown):
    sections = prod.section_rollup(prod.breakdowns(breakdown, "ru_to_tj", 2023)).set_index("section")
    # V mineral products: 2710 + 2523; II vegetable products: 1001; III fats and oils: 1512
    assert sections.loc["V", "value_usd_m"] == 550 and sections.loc["V", "share_pct"] == pytest.approx(55.0)
    assert sections.loc["III", "value_usd_m"] == 200


def test_describe_codes():
    assert prod.describe_codes("0813").startswith("0813: Fruit, dried")
    assert prod.describe_codes("01-24") == "HS chapters 01–24"
    assert prod.describe_codes("").startswith("no HS code")


def test_coverage_prefers_a_full_breakdown(breakdown):
    products = pd.DataFrame(
        {
            "product_id": ["P1"],
            "direction": ["ru_to_tj"],
            "period_type": ["year"],
            "period_start": ["2023-01-01"],
            "value_usd_m": [1.0],
            "share_pct": [None],
        }
    )
    coverage = prod.coverage(products, breakdown).set_index(["year", "direction"])["status"]
    assert coverage[(2023, "ru_to_tj")] == "full breakdown"
    assert coverage[(2023, "tj_to_ru")] == "partial breakdown"


def test_trends_join_only_identical_codes():
    products = pd.DataFrame(
        {
            "product_id": ["a", "b", "c", "d", "e"],
            "direction": ["ru_to_tj"] * 5,
            "hs_codes": ["2710", "27", "01-24", "01-24", "0101"],
            "value_usd_m": [268.3, 399.1, 5.0, 10.5, 1.0],
            "period_end": ["2023-06-30", "2025-06-30", "2020-12-31", "2021-12-31", "2021-12-31"],
        }
    )
    assert prod.trends(products)["product_id"].tolist() == ["c", "d"]  # 2710 and 27 differ; 01-24 is not 0101


def test_code_search_matches_from_the_start():
    products = pd.DataFrame({"product_name": ["a", "b", "c"], "hs_codes": ["2710", "1027;5201", None]})
    assert prod.matches(products, "27").tolist() == [True, False, False]
    assert prod.matches(products, "5201").tolist() == [False, True, False]
