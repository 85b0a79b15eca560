"""Partner shares, the rest of the world, rankings and the written sentences on small known frames."""

import pandas as pd
import pytest

from dashboard.analytics import partners as pt
from dashboard.formatting.language import ENGLISH
from dashboard.models.partners import SharesView, changes_table


def cells(*rows: tuple) -> pd.DataFrame:
    """(reporter, flow, partner, kind, iso3, year, value, estimate) rows as data/trade_partners.csv holds them."""
    frame = pd.DataFrame(
        rows, columns=["reporter_iso3", "flow", "partner", "partner_kind", "partner_iso3", "year", "value_usd_m", "e"]
    )
    return frame.assign(
        partner_label=frame["partner"],
        imf_estimate=frame.pop("e").map({True: "true", False: "false"}),
        source_id="imf",
    )


TJK = cells(
    ("TJK", "exports", "World", "aggregate", "", 2019, 40.0, False),
    ("TJK", "imports", "World", "aggregate", "", 2019, 60.0, False),
    ("TJK", "exports", "Europe", "aggregate", "", 2019, 30.0, False),  # an IMF group: never a partner
    ("TJK", "exports", "Russia", "country", "RUS", 2019, 10.0, False),
    ("TJK", "imports", "Russia", "country", "RUS", 2019, 20.0, False),
    ("TJK", "imports", "China", "country", "CHN", 2019, 15.0, True),
    ("TJK", "exports", "Spain", "country", "", 2019, 5.0, False),
    ("TJK", "imports", "Spain", "country", "", 2019, 5.0, False),
    ("TJK", "exports", "World", "aggregate", "", 2020, 50.0, False),
    ("TJK", "imports", "World", "aggregate", "", 2020, 50.0, False),
    ("TJK", "exports", "Russia", "country", "RUS", 2020, 20.0, False),
    ("TJK", "imports", "Russia", "country", "RUS", 2020, 20.0, False),
    ("TJK", "exports", "Spain", "country", "", 2020, 10.0, False),
    ("TJK", "imports", "Spain", "country", "", 2020, 20.0, False),
)


def test_shares_are_of_the_reporters_world_total_and_aggregates_are_never_partners():
    shares = pt.shares_of_world(pt.reporter_flow(TJK, "TJK", "total")).set_index(["partner", "year"])
    assert "Europe" not in shares.index.get_level_values("partner")
    assert shares.loc[("Russia", 2019), "share_pct"] == pytest.approx(30.0)  # (10 + 20) / (40 + 60)
    assert shares.loc[("Russia", 2020), "share_pct"] == pytest.approx(40.0)
    assert shares.loc[("Russia", 2019), "basis"] == pt.REPORTED


def test_a_total_with_one_flow_has_no_share_and_says_why():
    shares = pt.shares_of_world(pt.reporter_flow(TJK, "TJK", "total")).set_index(["partner", "year"])
    # China has an imports cell only, and it is an IMF estimate: both are what a reader must know,
    # and 15 over a two-flow World of 100 would be a part over a whole: no share is computed
    assert shares.loc[("China", 2019), "basis"] == pt.ESTIMATE_ONE_FLOW
    assert pd.isna(shares.loc[("China", 2019), "share_pct"])
    assert "one flow only" in shares.loc[("China", 2019), "no_share_reason"]
    exports = pt.shares_of_world(pt.reporter_flow(TJK, "TJK", "exports")).set_index(["partner", "year"])
    assert exports.loc[("Spain", 2019), "share_pct"] == pytest.approx(12.5)  # 5 / 40
    assert ("China", 2019) not in exports.index  # no export cell: a gap, not a zero
    one_flow = TJK[~((TJK["partner"] == "Spain") & (TJK["flow"] == "imports") & (TJK["year"] == 2020))]
    total = pt.shares_of_world(pt.reporter_flow(one_flow, "TJK", "total")).set_index(["partner", "year"])
    assert total.loc[("Spain", 2020), "basis"] == pt.ONE_FLOW
    assert pd.isna(total.loc[("Spain", 2020), "share_pct"])


def test_a_share_over_a_world_total_of_one_flow_is_not_computed():
    # 2021: the World has an exports cell only (50); Russia's 10 + 20 over it would be 60% of half a total
    half_world = pd.concat(
        [
            TJK,
            cells(
                ("TJK", "exports", "World", "aggregate", "", 2021, 50.0, False),
                ("TJK", "exports", "Russia", "country", "RUS", 2021, 10.0, False),
                ("TJK", "imports", "Russia", "country", "RUS", 2021, 20.0, False),
            ),
        ]
    )
    shares = pt.shares_of_world(pt.reporter_flow(half_world, "TJK", "total"))
    russia = shares.set_index(["partner", "year"]).loc[("Russia", 2021)]
    assert pd.isna(russia["share_pct"])
    assert russia["basis"] == pt.ONE_FLOW  # not 'reported'
    assert pt.latest_year(shares) == 2020  # 2021 has no share at all


def test_an_estimate_with_both_flows_is_a_share_that_says_so():
    # China 2019: imports 15 (an IMF estimate) + exports 5
    estimated = pd.concat([TJK, cells(("TJK", "exports", "China", "country", "CHN", 2019, 5.0, False))])
    shares = pt.shares_of_world(pt.reporter_flow(estimated, "TJK", "total"))
    china = shares.set_index(["partner", "year"]).loc[("China", 2019)]
    assert china["share_pct"] == pytest.approx(20.0)  # (15 + 5) / 100
    assert china["basis"] == pt.ESTIMATE
    both = pt.with_rest(shares, ["Russia", "China"]).set_index(["partner", "year"])
    assert both.loc[(pt.REST, 2019), "share_pct"] == pytest.approx(50.0)  # 100 − 30 − 20
    assert both.loc[(pt.REST, 2019), "basis"] == pt.ESTIMATE  # it rests on China's estimate


def test_top_partners_and_the_rest_of_the_world():
    shares = pt.shares_of_world(pt.reporter_flow(TJK, "TJK", "total"))
    assert pt.top_partners(shares, 1, 2020) == ["Russia"]
    assert pt.top_partners(shares, 5, 2020) == ["Russia", "Spain"]  # China has no 2020 cell
    frame = pt.with_rest(shares, ["Russia"]).set_index(["partner", "year"])
    assert frame.loc[(pt.REST, 2019), "share_pct"] == pytest.approx(70.0)
    assert frame.loc[(pt.REST, 2020), "share_pct"] == pytest.approx(60.0)
    # with China chosen, the rest is unknown where China has no share (2019: one flow; 2020: no cell)
    both = pt.with_rest(shares, ["Russia", "China"]).set_index(["partner", "year"])
    assert (pt.REST, 2019) not in both.index and (pt.REST, 2020) not in both.index


def test_standing_and_change_since_a_year():
    shares = pt.shares_of_world(pt.reporter_flow(TJK, "TJK", "total"))
    russia = pt.standing(shares, "Russia", 2019)
    assert (russia.year, russia.rank, russia.of) == (2020, 1, 2)
    assert russia.share_pct == pytest.approx(40.0) and russia.since_share_pct == pytest.approx(30.0)
    spain = pt.standing(shares, "Spain", 1999)
    assert spain.rank == 2 and spain.since_year is None  # no 1999 figure: no change claimed
    changes = pt.changes_since(shares, ["Russia", "China"], 2019, 2020).set_index("partner")
    assert changes.loc["Russia", "change_pts"] == pytest.approx(10.0)
    assert pd.isna(changes.loc["China", "now_pct"]) and pd.isna(changes.loc["China", "change_pts"])


def test_no_change_in_share_across_an_estimated_world_total():
    """2019's World total is an IMF estimate, 2020's is reported: Russia's 2019 share (30/100) rests
    on the estimate, its 2020 share (40/100) does not, so no change is worked out between them,
    although Russia's own figures are reported in both years."""
    estimated_world = TJK.assign(
        imf_estimate=TJK["imf_estimate"].where(~((TJK["partner"] == "World") & (TJK["year"] == 2019)), "true")
    )
    shares = pt.shares_of_world(pt.reporter_flow(estimated_world, "TJK", "total"))
    changes = pt.changes_since(shares, ["Russia"], 2019, 2020).set_index("partner")
    assert changes.loc["Russia", "then_pct"] == pytest.approx(30.0) and changes.loc["Russia", "now_pct"] == 40.0
    assert pd.isna(changes.loc["Russia", "change_pts"]) and changes.loc["Russia", "no_change_reason"]


def test_mirror_sets_each_sides_report_of_one_flow_side_by_side():
    both = pd.concat(
        [
            TJK,
            cells(
                ("RUS", "exports", "Tajikistan", "country", "TJK", 2019, 25.0, False),
                ("RUS", "imports", "Tajikistan", "country", "TJK", 2019, 8.0, False),
            ),
        ]
    )
    pairs = pt.mirror(both, "TJK", "RUS")
    into = pairs[pairs["direction"] == "Russia → Tajikistan"].set_index(["side", "year"])["value_usd_m"]
    assert into.to_dict() == {("Russia", 2019): 25.0, ("Tajikistan", 2019): 20.0, ("Tajikistan", 2020): 20.0}
    assert set(pairs["reported_by"]) == {"Russia's report to the IMF", "Tajikistan's report to the IMF"}
    gaps = pt.mirror_gaps(pairs)
    gap = gaps.set_index(["direction", "year"])["gap_pct"]
    assert gap[("Russia → Tajikistan", 2019)] == pytest.approx(-20.0)  # importer 20 against exporter 25
    assert gap[("Tajikistan → Russia", 2019)] == pytest.approx(-20.0)  # importer 8 against exporter 10


def neighbour_frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["reporter", "partner", "year", "share_pct", "basis"])


def test_the_reliance_sentence_follows_the_numbers():
    frame = neighbour_frame(
        [
            ("Kyrgyzstan", "Russia", 2000, 30.0, pt.REPORTED),
            ("Kyrgyzstan", "Russia", 2020, 27.6, pt.REPORTED),
            ("Tajikistan", "Russia", 2020, 24.6, pt.REPORTED),
            ("Turkmenistan", "China", 2005, 10.0, pt.REPORTED),
            ("Turkmenistan", "China", 2020, 49.8, pt.ESTIMATE),
            ("Tajikistan", "China", 2020, 11.9, pt.REPORTED),
        ]
    )
    assert pt.reliance_sentence(frame, ENGLISH) == (
        "In 2020, of the countries shown, Kyrgyzstan relied most on Russia (27.6% of its trade, −2.4 pts since "
        "2000) and Turkmenistan most on China (49.8% of its trade, resting on an IMF estimate, +39.8 pts since 2005)."
    )
    flipped = frame.assign(share_pct=frame["share_pct"].where(frame["reporter"] != "Tajikistan", 60.0))
    assert "Tajikistan relied most on Russia (60.0%" in pt.reliance_sentence(flipped, ENGLISH)
    assert "Tajikistan most on China (60.0%" in pt.reliance_sentence(flipped, ENGLISH)
    assert pt.reliance_sentence(frame.iloc[0:0], ENGLISH).startswith("No neighbour")


def test_remittance_rank_with_and_without_flagged_values():
    world = pd.DataFrame(
        {
            "iso3": ["NPL", "TJK", "KGZ", "TJK"],
            "country": ["Nepal", "Tajikistan", "Kyrgyz Republic", "Tajikistan"],
            "year": [2024, 2024, 2024, 2023],
            "value": [66.1, 47.9, 17.7, 39.0],
            "flag": ["Suspect", "", "", ""],
        }
    )
    rank = pt.remittance_rank(world, "TJK")
    assert (rank.year, rank.rank, rank.of, rank.rank_without_flagged, rank.flagged_above) == (
        2024, 2, 3, 1, ("Nepal",)
    )  # fmt: skip
    assert pt.remittance_rank(world.assign(flag=""), "TJK").rank_without_flagged == 2
    assert pt.remittance_rank(world, "TJK", 2023).rank == 1
    assert pt.remittance_rank(world, "UZB") is None


def test_the_next_largest_partner_is_the_largest_other_than_russia_or_none():
    shares = pt.shares_of_world(pt.reporter_flow(TJK, "TJK", "total"))
    # 2020: Russia 40 of 100 (40%), Spain 30 of 100 (30%): Spain is next
    rival = pt.rival(shares, 2020)
    assert rival["partner"] == "Spain" and rival["share_pct"] == pytest.approx(30.0)
    # 2019: China has one flow only, so no share; Spain 10 of 100 is next after Russia's 30
    assert pt.rival(shares, 2019)["partner"] == "Spain"
    alone = shares[shares["partner"] == "Russia"]
    assert pt.rival(alone, 2020) is None  # nobody else has a share: no card, not an error


def test_whose_a_share_is_in_words():
    assert pt.share_whose("Tajikistan's report to the IMF", pt.REPORTED, "IMF DOTS") == (
        "Tajikistan's report to the IMF; IMF DOTS"
    )
    assert pt.share_whose("Tajikistan's report to the IMF", pt.ESTIMATE, "") == (
        "Tajikistan's report to the IMF; IMF estimate"
    )


def test_the_changes_table_says_why_only_where_a_change_is_missing():
    changes = pd.DataFrame(
        {
            "partner": ["Russia", "China"],
            "then_pct": [30.0, None],
            "now_pct": [40.0, 15.0],
            "change_pts": [10.0, None],
            "no_change_reason": ["", ""],
        }
    )
    shown = SharesView(2020, ["Russia", "China"], ["Russia", "China", pt.REST], pd.DataFrame(), pd.DataFrame(), changes)
    table = changes_table(shown, 2019, ENGLISH)
    assert table.columns.tolist() == ["Partner", "Share 2019", "Share 2020", "Change"]
    assert table["Change"].tolist() == ["+10.0 pts", "–"] and table["Share 2019"].tolist() == ["30.0%", "no figure"]
    estimated = changes.assign(no_change_reason=["", "one figure rests on an IMF estimate and the other does not"])
    table = changes_table(SharesView(2020, [], [], pd.DataFrame(), pd.DataFrame(), estimated), 2019, ENGLISH)
    assert table["Why no change"].tolist() == ["", "one figure rests on an IMF estimate and the other does not"]
