"""Roll-ups, shares and concentration on the hand-checkable fixture; gaps never become shares."""

from pathlib import Path

import pandas as pd
import pytest

from dashboard.analytics import products as prod
from dashboard.formatting.language import ENGLISH, RUSSIAN

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "product_breakdown_full.csv"


@pytest.fixture
def breakdown():
    return pd.read_csv(FIXTURE, dtype={"hs4": str, "complete": str})


def test_headings_rank_with_shares_of_a_complete_breakdown(breakdown):
    rows = prod.breakdowns(breakdown, "ru_to_tj", 2023)
    ranked = prod.at_level(rows, 4, None, ENGLISH)
    assert ranked["hs"].tolist()[:2] == ["2710", "1512"]
    assert ranked["share_pct"].tolist() == [50.0, 20.0, 10.0, 10.0, 5.0, 5.0]
    assert ranked["description"].iloc[0].startswith("Petroleum oils")


def test_chapters_sum_headings(breakdown):
    ranked = prod.at_level(prod.breakdowns(breakdown, "ru_to_tj", 2023), 2, None, ENGLISH).set_index("hs")
    assert ranked.loc["27", "value_usd_m"] == 500 and ranked.loc["44", "share_pct"] == 5.0


def test_concentration_top3_and_hhi(breakdown):
    ranked = prod.at_level(prod.breakdowns(breakdown, "ru_to_tj", 2023), 4, None, ENGLISH)
    result = prod.concentration(ranked)
    assert result.top3_share_pct == 80.0
    assert result.hhi == 50**2 + 20**2 + 10**2 + 10**2 + 5**2 + 5**2  # 3,150


def test_a_partial_breakdown_never_reports_a_share(breakdown):
    ranked = prod.at_level(prod.breakdowns(breakdown, "tj_to_ru", 2023), 4, None, ENGLISH)
    assert ranked["value_usd_m"].tolist() == [40, 30, 20]
    assert ranked["share_pct"].isna().all()
    assert prod.concentration(ranked) is None
    assert prod.section_rollup(prod.breakdowns(breakdown, "tj_to_ru", 2023), ENGLISH)["share_pct"].isna().all()


def test_sections_roll_up_by_hs_section(breakdown):
    sections = prod.section_rollup(prod.breakdowns(breakdown, "ru_to_tj", 2023), ENGLISH).set_index("section")
    # V mineral products: 2710 + 2523; II vegetable products: 1001; III fats and oils: 1512
    assert sections.loc["V", "value_usd_m"] == 550 and sections.loc["V", "share_pct"] == pytest.approx(55.0)
    assert sections.loc["III", "value_usd_m"] == 200


def test_describe_codes():
    assert prod.describe_codes("0813", ENGLISH).startswith("0813: Fruit, dried")
    assert prod.describe_codes("01-24", ENGLISH) == "HS chapters 01–24"
    assert prod.describe_codes("", ENGLISH).startswith("no HS code")


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


# BACI's rows in the breakdown's terms: HS6 codes, US$ thousand as published.
BACI = pd.DataFrame(
    {
        "direction": ["ru_to_tj"] * 5 + ["tj_to_ru"],
        "year": [2021, 2021, 2023, 2023, 2023, 2023],
        "hs6": ["271019", "151211", "271019", "271012", "151211", "520100"],
        "value_usd_k": [300.0, 100.0, 500.0, 100.0, 400.0, 50.0],
        "quantity_t": [1.0, None, 2.0, 3.0, 4.0, 5.0],
        "source_id": "cepii-baci",
    }
)


def test_baci_becomes_a_complete_breakdown_in_us_million():
    rows = prod.baci_breakdown(BACI)
    assert (rows["complete"] == "true").all() and rows["value_usd_m"].iloc[0] == 0.3
    ranked = prod.at_level(rows[(rows["year"] == 2023) & (rows["direction"] == "ru_to_tj")], 4, None, ENGLISH)
    assert ranked["hs"].tolist() == ["2710", "1512"] and ranked["share_pct"].tolist() == [60.0, 40.0]
    assert prod.at_level(rows[rows["year"] == 2023], 6, None, ENGLISH)["hs"].tolist()[0] == "271019"
    sections = prod.section_rollup(rows[rows["year"] == 2023], ENGLISH)
    assert set(sections["section"]) == {"V", "III", "XI"}


def test_concentration_by_year_breaks_at_a_missing_year():
    frame = prod.concentration_by_year(prod.baci_breakdown(BACI), 4)
    russia = frame[frame["direction"] == "ru_to_tj"].set_index("year")
    assert russia.loc[2021, "top3_share_pct"] == pytest.approx(100.0)
    assert russia.loc[2023, "hhi"] == pytest.approx(60**2 + 40**2)
    assert russia["segment"].nunique() == 2  # 2022 is missing: two line segments, no bridge


def test_yearly_values_leave_untraded_years_out_and_give_shares():
    wanted = {"ru_to_tj": ["2710"], "tj_to_ru": ["5201"]}
    frame = prod.yearly_values(prod.baci_breakdown(BACI), 4, wanted, None, ENGLISH)
    petroleum = frame[frame["hs"] == "2710"]
    assert petroleum["year"].tolist() == [2021, 2023]
    assert petroleum["share_pct"].tolist() == pytest.approx([75.0, 60.0])
    assert frame[frame["hs"] == "5201"]["share_pct"].tolist() == pytest.approx([100.0])


def test_trend_codes_follow_a_search_or_the_year_s_largest():
    rows = prod.baci_breakdown(BACI)
    assert prod.trend_codes(rows, 4, "", 2023, top=1) == {"ru_to_tj": ["2710"], "tj_to_ru": ["5201"]}
    assert prod.trend_codes(rows, 4, "cotton", 2023) == {"ru_to_tj": ["1512"], "tj_to_ru": ["5201"]}


def test_published_figures_carry_their_qualifier_words():
    products = pd.DataFrame(
        {
            "mention": ["figure", "figure", "main_flow"],
            "share_pct": [40.0, 40.1, None],
            "share_qualifier": ["lower_bound", "exact", None],
            "period_end": ["2023-12-31", "2023-12-31", None],
        }
    )
    shares = prod.published(products, "share_pct")
    assert shares["qualifier_word"].tolist() == ["", "over "] and shares["measure"].tolist() == [40.1, 40.0]


def test_the_words_describe_codes_adds_are_in_the_viewers_language():
    """A range of chapters and a missing code are this code's words (Russian from the catalogue:
    "группы ГС", "без кода ГС"); the WCO's description stays as published."""
    assert prod.describe_codes("01-24", RUSSIAN) == "группы ГС 01–24"
    assert prod.describe_codes("", RUSSIAN) == "без кода ГС (агрегат, который источник определяет сам)"
    assert prod.describe_codes("0813", RUSSIAN) == prod.describe_codes("0813", ENGLISH)
    assert prod.describe_codes("0813", RUSSIAN).startswith("0813: Fruit, dried")
    assert prod.describe_codes("52;01-24", RUSSIAN).endswith("; группы ГС 01–24")


def test_a_code_without_a_description_is_said_in_the_viewers_language():
    assert prod.description("9999AA", None, ENGLISH) == "Commodities not specified by kind (code 9999AA)"
    assert prod.description("9999AA", None, RUSSIAN) == "Товары без указания вида (код 9999AA)"
    assert prod.description("779900", None, RUSSIAN) == "нет в номенклатуре ГС"  # chapter 77 is reserved
    assert prod.description("779900", {"779900": "BACI's own words"}, RUSSIAN) == "BACI's own words"
