"""The Overview's cards and narrative: read from the pages' analytics, changing with the data."""

import pandas as pd

from dashboard.analytics import overview, trade
from dashboard.formatting.language import ENGLISH


def headline_frame(rows):
    return pd.DataFrame(
        rows,
        columns=[
            "year",
            "value_usd_m",
            "qualifier",
            "label",
            "yoy_growth_pct",
            "growth_qualifier",
            "source_kind",
            "source_id",
        ],
    )


SIDES = {
    "russia": headline_frame(
        [
            (2023, 1400.0, "exact", "Russian customs", None, "exact", "statement", "ru-23"),
            (2024, 1500.0, "exact", "Russian officials", 7.1, "exact", "statement", "ru-24"),
        ]
    ),
    "tajikistan": headline_frame([(2024, 1900.0, "exact", "Tajik officials", None, "exact", "statement", "tj-24")]),
}
BACKBONE = pd.DataFrame({"year": [2022, 2023, 2024], "pct_gdp": [51.0, 38.0, 45.5], "source_id": ["wb"] * 3})


def test_trade_card_spans_both_reporters_of_the_latest_year_and_cites_each():
    card = overview.trade_headline(SIDES, ENGLISH)
    assert card.year == 2024
    assert card.value == "US$1.50bn–1.90bn"
    assert card.number == 1900.0
    assert card.change == "+7.1% (Russia)"
    assert set(card.source_ids) == {"ru-24", "tj-24"}


def test_trade_card_is_absent_without_any_totals():
    assert overview.trade_headline({"russia": SIDES["russia"].iloc[0:0]}, ENGLISH) is None


def share_context(*rows: tuple) -> pd.DataFrame:
    """(figure id, reporter, period type, year, value, source) rows as data/trade_context.csv holds them."""
    frame = pd.DataFrame(rows, columns=["figure_id", "reporter", "period_type", "year", "value", "source_id"])
    frame = frame.assign(
        measure="ru_share_of_tj_total_trade",
        period_start=frame["year"].astype(str) + "-01-01",
        period_end=frame["year"].astype(str) + "-12-31",
    )
    return trade.russia_shares(frame.drop(columns="year"), SHARE_REPORTERS)


SHARE_REPORTERS = pd.DataFrame(
    {"reporter": ["tj_stat", "ru_off"], "label": ["Tajik statistics agency", "Russian officials"]}
)


def test_russia_share_change_is_on_the_same_reporters_year_before():
    shares = share_context(
        ("a", "tj_stat", "year", 2022, 20.0, "s1"),
        ("b", "tj_stat", "year", 2023, 23.5, "s2"),
        ("c", "tj_stat", "half", 2024, 30.0, "s3"),  # a half year is not a year's share
    )
    card = overview.russia_share_headline(shares, ENGLISH)
    assert (card.year, card.value, card.source_ids) == (2023, "23.5%", ("s2",))
    assert (card.change, card.change_number) == ("+3.5 pts vs 2022, same reporter", 3.5)  # 23.5 − 20.0
    assert card.cited_as == "Tajik statistics agency" and card.basis == "per Tajik statistics agency"


def test_russia_share_from_another_reporter_than_the_year_before_shows_both_and_no_change():
    # the shipped case: 2024's 22.1% is a Russian official's, 2023's 20.6% Tajik statistics'
    shares = share_context(
        ("CTX-037", "tj_stat", "year", 2023, 20.6, "tass"),
        ("CTX-047", "ru_off", "year", 2024, 22.1, "prime"),
    )
    card = overview.russia_share_headline(shares, ENGLISH)
    assert (card.year, card.value, card.change_number) == (2024, "22.1%", None)
    assert "+1.5" not in card.change and "pts" not in card.change
    assert card.change == "2023: 20.6% (another reporter)"
    assert card.basis == (
        "2024 per Russian officials; 2023 per Tajik statistics agency: two reporters, so no change is drawn"
    )
    assert card.cited_as == "Russian officials"
    assert card.source_ids == ("prime", "tass")  # both figures shown, both cited


def test_the_shipped_share_card_draws_no_change_across_reporters():
    from dashboard import datasets

    shares = trade.russia_shares(datasets.load("trade_context"), datasets.load("reporters"))
    card = overview.russia_share_headline(shares, ENGLISH)
    assert card.change_number is None or "same reporter" in card.change


def test_remittances_card_is_the_latest_world_bank_share_and_its_change():
    card = overview.remittances_headline(BACKBONE, ENGLISH)
    assert (card.value, card.number, card.year, card.source_ids) == ("45.5%", 45.5, 2024, ("wb",))
    assert (card.change, card.change_number) == ("+7.5 pts vs 2023", 7.5)  # 45.5 − 38.0
    gap = overview.remittances_headline(BACKBONE[BACKBONE["year"] != 2023], ENGLISH)
    assert (gap.value, gap.change) == ("45.5%", None)  # 2023 missing: no change across the gap
    assert overview.remittances_headline(BACKBONE.assign(pct_gdp=None), ENGLISH) is None


def test_migrant_counts_of_the_latest_year_show_as_a_range():
    counts = pd.DataFrame({"year": [2023, 2024, 2024], "value": [627e3, 1.2e6, 1.5e6], "source_id": ["a", "b", "c"]})
    card = overview.migrants_headline(counts, ENGLISH)
    assert (card.value, card.year, card.change, card.source_ids) == ("1.2–1.5m", 2024, "2 estimates", ("b", "c"))


def test_troop_card_uses_the_border_pages_strength_summary():
    strength = pd.DataFrame(
        {
            "year": [2021, 2022, 2022],
            "estimate": [7000.0, 7000.0, None],
            "low": [None, None, 6000.0],
            "high": [None, None, 7500.0],
            "source_id": ["a", "b", "c"],
        }
    )
    card = overview.troops_headline(strength, ENGLISH)
    # 2022: one source says 7,000, another 6,000 to 7,500: the card spans 6,000 to 7,500
    assert (card.year, card.value, card.number) == (2022, "6,000–7,500", 7500.0)
    assert (card.change, card.source_ids) == ("2 reports", ("b", "c"))
    single = overview.troops_headline(strength[strength["year"] == 2021], ENGLISH)
    assert (single.year, single.value, single.change) == (2021, "7,000", "1 report")


REFERENCES = pd.DataFrame(
    {
        "cited_as": ["the CIA World Factbook", "Tajikistan's foreign ministry"],
        "length_km": [1357.0, 1344.15],
        "source_id": ["cia", "mfa"],
    }
)


def test_the_border_card_gives_a_reference_figure_and_says_whose_it_is():
    card = overview.border_headline(REFERENCES, 1246.0, ENGLISH)
    assert (card.value, card.change, card.source_ids) == (
        "1,357 km",
        "per CIA World Factbook; 1,246 km as drawn",
        ("cia", "mfa"),
    )
    other = overview.border_headline(REFERENCES.iloc[::-1], 1246.0, ENGLISH)
    assert (other.value, other.change) == ("1,344.15 km", "per Tajikistan's foreign ministry; 1,246 km as drawn")


def test_narrative_names_each_number_and_year_and_follows_the_data():
    sides = overview.trade_sides(SIDES)
    cards = {
        "trade": overview.trade_headline(SIDES, ENGLISH),
        "remittances": overview.remittances_headline(BACKBONE, ENGLISH),
        "border": overview.border_headline(REFERENCES, 1246.0, ENGLISH),
    }
    text = " ".join(overview.narrative(cards, sides, "Tajikistan is a member of the CSTO.", ENGLISH))
    assert "US$1.50bn" in text and "US$1.90bn" in text  # Russia's and Tajikistan's 2024 totals
    assert "in 2024" in text and "45.5% of Tajikistan's GDP in 2024" in text
    assert text.endswith("Tajikistan is a member of the CSTO.")

    revised = BACKBONE.assign(pct_gdp=[51.0, 38.0, 40.2])
    cards["remittances"] = overview.remittances_headline(revised, ENGLISH)
    assert "40.2% of Tajikistan's GDP" in " ".join(overview.narrative(cards, sides, "", ENGLISH))


def test_narrative_says_nothing_it_has_no_number_for():
    assert overview.narrative({}, {}, "", ENGLISH) == []
    sentences = overview.narrative({"border": overview.border_headline(REFERENCES, 1246.0, ENGLISH)}, {}, "", ENGLISH)
    assert sentences == []  # the border sentence needs the troop figure beside it


def test_timeline_filters_kinds_lists_newest_first_and_once():
    events = pd.DataFrame(
        {
            "event_id": ["a", "b", "c", "d"],
            "date": ["2022-06-28", "2022-06-28", "2020-04-17", "2024-03-22"],
            "title": ["Putin visits", "Putin visits", "Speaker elected", "Attack"],
            "category": ["diplomacy", "diplomacy", "politics", "security"],
            "source_id": ["s1", "s1", "s2", "s3"],
        }
    )
    listed = overview.timeline(events, ("diplomacy", "politics"))
    assert list(listed["event_id"]) == ["a", "c"]
    assert list(listed["other_source_ids"]) == ["", ""]
    assert overview.timeline(events, ()).empty


def test_timeline_folds_one_event_told_by_several_pages_and_keeps_every_source():
    events = pd.DataFrame(
        {
            "event_id": ["p1", "p2", "p3", "b1", "x1"],
            "date": ["2025-10-08"] * 4 + ["2025-10-09"],
            "title": [
                "Putin state visit",
                "Putin state visit to Tajikistan",
                "Putin state visit; Kremlin cites 1.2m Tajiks working in Russia",
                "Belousov inspects 201st base and Okno station",
                "Putin state visit",
            ],
            "category": ["security", "diplomacy", "politics", "security", "diplomacy"],
            "source_id": ["s1", "s2", "s3", "s1", "s4"],
        }
    )
    listed = overview.timeline(events, ("security", "diplomacy", "politics"))
    # the most detailed title stands for the visit, the inspection stays apart, and another day is another event
    assert list(listed["event_id"]) == ["x1", "b1", "p3"]
    assert set(listed.set_index("event_id").at["p3", "other_source_ids"].split(";")) == {"s1", "s2"}
    # filtering first: a kind that only one telling has shows that telling
    assert list(overview.timeline(events, ("diplomacy",))["event_id"]) == ["x1", "p2"]
    # a year alone does not pin one event: alike titles of "2016" stay apart
    yearly = events.assign(date="2016")
    assert len(overview.timeline(yearly, ("security", "diplomacy", "politics"))) == len(yearly)


def test_same_event_needs_most_of_the_shorter_title():
    assert overview.same_event("Taliban take Kabul", "Taliban take Kabul")
    charged = "Crocus City Hall attack; Tajik nationals charged"
    assert overview.same_event(charged, "Crocus City Hall attack near Moscow")
    assert not overview.same_event("Putin state visit", "Belousov inspects 201st base and Okno station")
    assert not overview.same_event("", "Putin state visit")


def test_trade_sides_are_each_reporters_latest_total_with_its_published_growth():
    sides = overview.trade_sides({**SIDES, "other": SIDES["russia"].iloc[0:0]})
    assert set(sides) == {"russia", "tajikistan"}  # a side without totals has no entry
    assert sides["russia"] == trade.TradeKpis(
        year=2024,
        value_usd_m=1500.0,
        qualifier="exact",
        figure_label="Russian officials",
        change_pct=7.1,
        change_qualifier="exact",
        change_basis="published",
        record_year=2024,
        record_value_usd_m=1500.0,
        record_qualifier="exact",
        record_label="Russian officials",
    )
    tajikistan = sides["tajikistan"]
    assert (tajikistan.year, tajikistan.value_usd_m, tajikistan.change_pct, tajikistan.change_basis) == (
        2024,
        1900.0,
        None,
        None,
    )
