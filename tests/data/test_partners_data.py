"""The shipped partner and world remittance files against the data pack's sanity figures.

Pinned to the shipped data/ (a refresh replaces these vintages whole and these tests with them):
the figures are the ones partners/README.md and wdi/README.md computed from the pack.
"""

import pandas as pd
import pytest

from dashboard import datasets
from dashboard.analytics import partners as pt


@pytest.fixture(scope="module")
def partners():
    return datasets.load("trade_partners")


@pytest.fixture(scope="module")
def tajik(partners):
    return pt.shares_of_world(pt.reporter_flow(partners, "TJK", "total")).set_index(["partner", "year"])


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2000, {"Russia": 27.4, "Kazakhstan": 6.6, "Uzbekistan": 21.4}),
        (2010, {"Russia": 18.5, "Kazakhstan": 21.7, "China": 16.3, "Uzbekistan": 0.4, "Turkey": 11.3}),
        (2019, {"Russia": 24.3, "Kazakhstan": 22.1, "China": 15.2, "Uzbekistan": 7.9, "Turkey": 8.7}),
        (2020, {"Russia": 24.6, "Kazakhstan": 23.0, "China": 11.9, "Uzbekistan": 8.1, "Turkey": 8.2}),
    ],
)
def test_tajikistans_partner_shares_match_the_sanity_table(tajik, year, expected):
    for partner, share in expected.items():
        assert round(tajik.loc[(partner, year), "share_pct"], 1) == share, partner


def test_a_total_of_one_flow_has_no_share_where_the_pack_divides_it_by_a_whole_one(tajik):
    """The pack's table gives Switzerland 5.4% in 2000: its exports cell (72.2) over both flows of World.

    Tajikistan reported no imports from Switzerland that year, so the total is one flow only: a part
    over a whole, which the dashboard never computes (analytics.basis)."""
    swiss = tajik.loc[("Switzerland", 2000)]
    assert round(swiss["value_usd_m"], 1) == 72.2 and swiss["basis"] == pt.ONE_FLOW
    assert pd.isna(swiss["share_pct"])  # a gap, with its reason
    assert "one flow only" in swiss["no_share_reason"]


@pytest.mark.parametrize(("partner", "year"), [("China", 2000), ("Turkey", 2000)])
def test_a_partner_with_no_cell_is_a_gap(tajik, partner, year):
    assert (partner, year) not in tajik.index  # "no row" in the pack: unknown, never zero


def test_tajikistans_2020_totals(tajik):
    russia = tajik.loc[("Russia", 2020)]
    assert round(russia["world_usd_m"], 1) == 3958.7
    assert round(russia["value_usd_m"], 1) == 973.6
    assert round(tajik.loc[("Kazakhstan", 2020), "value_usd_m"], 1) == 909.8
    assert round(tajik.loc[("China", 2020), "value_usd_m"], 1) == 472.8


@pytest.mark.parametrize(
    ("reporter", "total", "russia", "china"),
    [
        ("TJK", 3958.7, 24.6, 11.9),
        ("KGZ", 5648.6, 27.6, 13.8),
        ("KAZ", 85069.7, 21.4, 18.0),
        ("UZB", 33082.0, 15.9, 17.4),
        ("TKM", 9786.6, 9.9, 49.8),
    ],
)
def test_each_neighbours_2020_shares(partners, reporter, total, russia, china):
    shares = pt.shares_of_world(pt.reporter_flow(partners, reporter, "total"))
    year = shares[shares["year"] == 2020].set_index("partner_iso3")
    assert round(year["world_usd_m"].iloc[0], 1) == total
    assert round(year.loc["RUS", "share_pct"], 1) == russia
    assert round(year.loc["CHN", "share_pct"], 1) == china


def test_aggregates_are_told_apart_and_estimates_kept(partners):
    kinds = partners.drop_duplicates("partner_label").set_index("partner_label")["partner_kind"]
    for label in ("World", "European Union", "Euro Area", "Advanced Economies", "Sub-Saharan Africa"):
        assert kinds[label] == "aggregate", label
    assert kinds["Countries & Areas not specified"] == "unallocated"
    assert kinds["Russian Federation"] == "country" and kinds["Switzerland"] == "country"
    # Tajikistan's estimate markers and those on the neighbours' rows with Russia, China and World (the
    # neighbours' other partners stay in the pack), less the stray copies of Australia's row
    assert (partners["imf_estimate"] == "true").sum() == 447
    assert partners[partners["reporter_iso3"] == "TJK"]["partner"].nunique() > 150  # every partner of Tajikistan
    others = partners[partners["reporter_iso3"].isin(["KAZ", "KGZ", "UZB", "TKM"])]
    assert set(others["partner_label"]) == {"Russian Federation", "China, P.R.: Mainland", "World"}
    assert not partners.duplicated(["reporter_iso3", "flow", "partner", "year"]).any()


def test_world_remittances_rank_tajikistan_second_behind_a_flagged_value():
    world = datasets.load("wdi_remittances_world")
    assert world["iso3"].nunique() == 197
    rank = pt.remittance_rank(world, "TJK")
    assert (rank.year, rank.rank, rank.of, round(rank.value, 5)) == (2024, 2, 168, 47.88521)
    assert rank.flagged_above == ("Nepal",) and rank.rank_without_flagged == 1
    top = pt.remittance_ranking(world, 2024).head(15)
    assert top["iso3"].tolist()[:3] == ["NPL", "TJK", "NIC"] and top["iso3"].iloc[-1] == "HTI"
