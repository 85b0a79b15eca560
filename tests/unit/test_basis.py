"""How a figure stands: the one rule for changes, gaps and shares, by hand and over generated tables.

The hand-made cases fix the arithmetic and the reasons; the property tests (hypothesis) build
tables of figures with random reporters, editions, estimates and one-flow cells and check that
no change, gap or share is ever computed across reporters, editions or partial bases, by the
helper itself or by the Partners and Trade functions that use it.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.analytics import partners as pt
from dashboard.analytics import trade, trade_projection
from dashboard.analytics.basis import (
    CHANGE,
    GAP,
    PART,
    PROJECTION,
    SHARE,
    Basis,
    Figure,
    compare,
    compare_frames,
    described,
    standing,
    why_not,
)

TJ_STAT = Basis("Tajik statistics agency", year=2023)
RU_OFF = Basis("Russian officials", year=2024)


def test_a_change_between_two_reporters_is_not_comparable_and_says_why():
    # the Overview's old card: 22.1 (Russian officials, 2024) − 20.6 (Tajik statistics, 2023) = +1.5 "pts"
    result = compare(CHANGE, Figure(22.1, RU_OFF), Figure(20.6, TJ_STAT))
    assert result.value is None and not result.comparable
    assert result.reason == "different reporters (Russian officials; Tajik statistics agency)"


def test_a_change_of_one_reporter_is_points_or_percent():
    now, then = Basis("World Bank", "WDI 2025", 2024), Basis("World Bank", "WDI 2025", 2023)
    assert compare(CHANGE, Figure(45.5, now), Figure(38.0, then)).value == pytest.approx(7.5)  # 45.5 − 38
    assert compare(CHANGE, Figure(1000, now), Figure(800, then), percent=True).value == pytest.approx(25.0)


def test_editions_partial_figures_and_estimates_keep_figures_apart():
    a, b = Basis("X", "DOTS", 2020), Basis("X", "IMTS 2025", 2019)
    assert why_not(CHANGE, a, b) == "different editions (DOTS; IMTS 2025)"
    part_year = Basis("X", "DOTS", 2020, partial="January–May")
    assert why_not(CHANGE, part_year, Basis("X", "DOTS", 2019)) == "X's 2020 figure is partial (January–May)"
    estimate = Basis("X", "DOTS", 2019, estimate=True)
    assert why_not(CHANGE, a, estimate) == "one figure rests on an IMF estimate and the other does not"


def test_a_gap_sets_two_reporters_of_one_year_against_each_other_but_no_estimate():
    importer, exporter = Basis("Tajikistan", "DOTS", 2020), Basis("Russia", "DOTS", 2020)
    # Tajikistan imported 125, Russia exported 100: (125 − 100) / 100 = 25% of the exporter's
    assert compare(GAP, Figure(125, importer), Figure(100, exporter)).value == pytest.approx(25.0)
    assert "different years" in why_not(GAP, importer, Basis("Russia", "DOTS", 2019))
    assert "estimate" in why_not(GAP, importer, Basis("Russia", "DOTS", 2020, estimate=True))


def test_a_share_is_of_one_reporters_whole_and_carries_an_estimate():
    part, whole = Basis("TJK", "DOTS", 2020, estimate=True), Basis("TJK", "DOTS", 2020)
    share = compare(SHARE, Figure(30, part), Figure(120, whole))
    assert share.value == pytest.approx(25.0) and share.estimate  # 30 / 120
    one_flow = Basis("TJK", "DOTS", 2020, partial="one flow only")
    assert compare(SHARE, Figure(30, one_flow), Figure(120, whole)).reason == (
        "TJK's 2020 figure is partial (one flow only)"
    )
    assert compare(SHARE, Figure(30, whole), Figure(0, whole)).reason == "the figure it is measured against is zero"


def test_a_part_and_a_projection_are_a_share_applied_and_a_growth_carried_forward():
    whole, share = Basis("World Bank", "WDI", 2024), Basis("World Bank", "WDI", 2024)
    assert compare(PART, Figure(58.0, share), Figure(47.9, whole)).value == pytest.approx(27.782)  # 58% × 47.9
    elsewhere = Basis("Asia-Plus", "Asia-Plus", 2021)
    assert compare(PART, Figure(58.0, elsewhere), Figure(47.9, whole)).reason == (
        "different reporters (Asia-Plus; World Bank)"
    )
    base = Basis("Russian officials", "", 2021)
    growth = Basis("Russian officials", "", 2022, partial="part-year, Jan–Apr 2022")
    assert compare(PROJECTION, Figure(15.7, growth), Figure(1400.0, base)).value == pytest.approx(1619.8)
    mission = Basis("Russian trade mission", "", 2022, partial="part-year, Jan–Nov 2022")
    assert compare(PROJECTION, Figure(35.0, mission), Figure(1400.0, base)).reason == (
        "different reporters (Russian trade mission; Russian officials)"
    )
    part_base = Basis("Russian officials", "", 2021, partial="part-year, H1 2021")
    assert "partial" in compare(PROJECTION, Figure(15.7, growth), Figure(700.0, part_base)).reason


def test_how_a_figure_stands_in_plain_words_and_the_same_columns():
    assert standing(False, "") == "reported"
    assert standing(True, "") == "IMF estimate"
    assert standing(False, "one flow only") == "one flow only"
    assert standing(True, "one flow only") == "IMF estimate; one flow only"
    assert standing(False, "part-year, Jan–May 2022") == "part-year, Jan–May 2022"
    assert standing(False, "", whole="measured here") == "measured here"
    rows = pd.DataFrame({"value": [1.0, 2.0], "year": [2020, 2021], "source_id": ["a", "b"]})
    out = described(rows, "Tajik statistics", "reported", pd.Series(["X, 2021-01-01", "Y"]))
    assert list(out.columns) == ["value", "source_id", "reported_by", "basis", "edition", "year"]
    assert out["edition"].tolist() == ["X, 2021-01-01", "Y"] and out["year"].tolist() == [2020, 2021]
    assert described(rows, "this dashboard", "measured here", "", None)["year"].isna().all()  # for no year


def test_an_unknown_kind_of_comparison_is_an_error():
    with pytest.raises(ValueError, match="unknown comparison"):
        why_not("ratio", TJ_STAT, TJ_STAT)


# ---- properties over generated tables ----------------------------------------------------------

REPORTERS = st.sampled_from(["Tajik statistics", "Russian officials", "IMF DOTS (TJK)"])
EDITIONS = st.sampled_from(["", "DOTS", "IMTS 2025"])
PARTIAL = st.sampled_from(["", "", "one flow only", "January–May"])
BASES = st.builds(Basis, REPORTERS, EDITIONS, st.integers(2018, 2021), st.booleans(), PARTIAL)
VALUES = st.floats(0, 1e4, allow_nan=False)


@settings(deadline=None)  # no timing in a test: a slow machine is not a failure
@given(st.sampled_from([CHANGE, GAP, SHARE, PART, PROJECTION]), BASES, BASES, VALUES, VALUES)
def test_no_comparison_is_ever_made_across_reporters_editions_or_partial_bases(kind, a, b, x, y):
    result = compare(kind, Figure(x, a), Figure(y, b))
    if result.value is not None:
        # a projection carries a part-year growth (a) onto a whole year (b) by design; nothing else is partial
        assert not b.partial and (kind == PROJECTION or not a.partial)
        assert a.edition == b.edition
        if kind in (CHANGE, SHARE, PART, PROJECTION):
            assert a.reporter == b.reporter
        if kind in (GAP, SHARE, PART):
            assert a.year == b.year
        if kind in (CHANGE, PROJECTION):
            assert a.estimate == b.estimate
        if kind == GAP:
            assert not a.estimate and not b.estimate
    else:
        assert result.reason


def frame_of(bases: list[Basis], values: list[float]) -> pd.DataFrame:
    rows = [{**b.__dict__, "value": v} for b, v in zip(bases, values, strict=False)]
    return pd.DataFrame(rows)


@settings(deadline=None)
@given(st.lists(st.tuples(BASES, BASES, VALUES, VALUES), min_size=1, max_size=12))
def test_the_row_by_row_form_follows_the_same_rule(rows):
    first = frame_of([r[0] for r in rows], [r[2] for r in rows])
    second = frame_of([r[1] for r in rows], [r[3] for r in rows])
    result = compare_frames(CHANGE, first, second)
    for (a, b, x, y), (_, got) in zip(rows, result.iterrows(), strict=True):
        expected = compare(CHANGE, Figure(x, a), Figure(y, b))
        if expected.value is None:
            assert math.isnan(got["value"]) and got["reason"] == expected.reason
        else:
            assert got["value"] == pytest.approx(expected.value) and got["reason"] == ""


# A partner cell: (partner, flow, year, value, estimate); World cells are generated the same way.
CELLS = st.lists(
    st.tuples(
        st.sampled_from(["World", "Russia", "China", "Kazakhstan"]),
        st.sampled_from(["exports", "imports"]),
        st.integers(2018, 2020),
        st.floats(1, 1000, allow_nan=False),
        st.booleans(),
    ),
    min_size=1,
    max_size=30,
    unique_by=lambda cell: cell[:3],  # one cell per partner, flow and year, as the IMF files hold
)


def partner_table(cells: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(cells, columns=["partner", "flow", "year", "value_usd_m", "estimate"])
    world = frame["partner"].eq("World")
    return frame.assign(
        reporter_iso3="TJK",
        partner_label=frame["partner"],
        partner_kind=world.map({True: "aggregate", False: "country"}),
        partner_iso3=frame["partner"].map({"Russia": "RUS", "China": "CHN", "Kazakhstan": "KAZ"}).fillna(""),
        imf_estimate=frame.pop("estimate").map({True: "true", False: "false"}),
        source_id="imf",
    )


@settings(max_examples=60, deadline=None)
@given(CELLS, st.integers(2018, 2020))
def test_partner_shares_and_their_changes_never_rest_on_one_flow_or_mix_estimates(cells, since):
    table = partner_table(cells)
    flows = table.groupby(["partner", "year"])["flow"].nunique()
    estimated = table.assign(e=table["imf_estimate"].eq("true")).groupby(["partner", "year"])["e"].any()
    shares = pt.shares_of_world(pt.reporter_flow(table, "TJK", "total"))
    for row in shares[shares["share_pct"].notna()].itertuples():
        assert flows[(row.partner, row.year)] == 2 and flows[("World", row.year)] == 2  # both whole
        expected = row.value_usd_m / row.world_usd_m * 100
        assert row.share_pct == pytest.approx(expected)
    year = pt.latest_year(shares)
    if year is None:
        return
    changes = pt.changes_since(shares, ["Russia", "China", "Kazakhstan"], since, year)
    for row in changes[changes["change_pts"].notna()].itertuples():
        if since != year:
            now = estimated[(row.partner, year)] or estimated[("World", year)]
            then = estimated[(row.partner, since)] or estimated[("World", since)]
            assert now == then  # an estimated share is never set against a reported one


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(2015, 2020), st.sampled_from(["A", "B"]), st.floats(1, 1000), st.booleans()),
        min_size=1,
        max_size=12,
        unique_by=lambda row: row[:2],
    )
)
def test_a_mirror_gap_needs_both_sides_own_figures_of_that_year(rows):
    frame = pd.DataFrame(rows, columns=["year", "reporter", "value_usd_m", "estimate"]).assign(source_id="dots")
    gaps = trade.gap_by_year(frame, "reporter", "A", "B").set_index("year")
    cell = frame.set_index(["year", "reporter"])
    for year, row in gaps.iterrows():
        both = (year, "A") in cell.index and (year, "B") in cell.index
        own = both and not cell.loc[(year, "A"), "estimate"] and not cell.loc[(year, "B"), "estimate"]
        assert pd.notna(row["gap_pct"]) == own
        if own:
            a, b = cell.loc[(year, "A"), "value_usd_m"], cell.loc[(year, "B"), "value_usd_m"]
            assert row["gap_usd_m"] == pytest.approx(a - b)
            assert row["gap_pct"] == pytest.approx((a - b) / b * 100)


def test_a_second_figure_for_one_reporter_and_year_is_an_error_not_an_average():
    frame = pd.DataFrame(
        {"year": [2020, 2020, 2020], "reporter": ["A", "A", "B"], "value_usd_m": [10.0, 30.0, 15.0]}
    ).assign(source_id="dots")
    with pytest.raises(ValueError, match="A has more than one figure for 2020"):
        trade.gap_by_year(frame, "reporter", "A", "B")


# A projection's inputs: (reporter label, DOTS or a statement, year's growth) for the base and the growth.
LABELS = st.sampled_from(["Russian officials", "Russian trade mission", "Tajik statistics agency"])


@settings(max_examples=80, deadline=None)
@given(LABELS, LABELS, st.booleans(), st.floats(-50, 100, allow_nan=False), st.booleans())
def test_a_projection_never_carries_one_reporters_growth_onto_anothers_total(base_by, growth_by, dots, growth, own):
    base = {"label": base_by, "figure_id": "imf_dots_rus" if dots else "B", "year": 2021, "value_usd_m": 1000.0}
    base["source_id"] = "imf-dots" if dots else "news"
    published = {"label": growth_by, "figure_id": "G", "year": 2022, "period_type": "ytd", "period": "Jan–May 2022"}
    result = trade_projection.projected(base, growth, None if own else {**published, "source_id": "news"})
    if own:  # the viewer's growth: an assumption about the base's own figure, always carried
        assert result.value == pytest.approx(1000.0 * (1 + growth / 100))
    elif result.value is not None:
        assert growth_by == base_by and not dots  # a statement's growth on a statement's total, one reporter
        assert result.value == pytest.approx(1000.0 * (1 + growth / 100))
    else:
        assert growth_by != base_by or dots
