"""Trade arithmetic on small hand-checked frames."""

import math

import pandas as pd
import pytest

from dashboard.analytics import trade, trade_projection
from dashboard.analytics.events import decimal_year, events_on_axis
from dashboard.formatting.language import ENGLISH

REPORTERS = pd.DataFrame(
    {
        "reporter": ["imf_dots_rus", "imf_dots_tjk", "russia_customs", "russia_official", "russia_briefing"],
        "label": [
            "Russia (IMF DOTS)",
            "Tajikistan (IMF DOTS)",
            "Russian customs (FCS)",
            "Russian officials",
            "Russia Briefing",
        ],
        "side": ["russia", "tajikistan", "russia", "russia", "other"],
        "kind": ["statistics", "statistics", "statistics", "statement", "media"],
    }
)


def dots_rows(rows):
    return pd.DataFrame(rows, columns=["year", "reporter", "flow", "value_usd_m"]).assign(source_id="imf-dots")


def published_rows(rows):
    columns = [
        "figure_id",
        "reporter",
        "flow",
        "period_type",
        "period_start",
        "period_end",
        "value_usd_m",
        "value_qualifier",
        "yoy_growth_pct",
        "growth_qualifier",
        "status",
    ]
    return pd.DataFrame(rows, columns=columns).assign(source_id="src", note="")


DOTS = dots_rows(
    [
        (2018, "imf_dots_rus", "ru_to_tj", 800.0),
        (2018, "imf_dots_rus", "tj_to_ru", 100.0),
        (2019, "imf_dots_rus", "ru_to_tj", 900.0),
        (2019, "imf_dots_rus", "tj_to_ru", 90.0),
        (2020, "imf_dots_rus", "tj_to_ru", 80.0),  # exports missing: no total, no balance
        (2018, "imf_dots_tjk", "ru_to_tj", 880.0),
        (2019, "imf_dots_tjk", "ru_to_tj", 990.0),
    ]
)


def test_dots_measures_total_and_balance_only_where_both_flows_exist():
    long = trade.dots_measures(DOTS, REPORTERS)
    rus = long[long["reporter"] == "imf_dots_rus"].set_index(["measure", "year"])["value_usd_m"]
    assert rus[("total", 2018)] == 900.0
    assert rus[("balance", 2019)] == 810.0
    assert ("total", 2020) not in rus.index
    assert ("tj_to_ru", 2020) in rus.index
    assert set(long["side"]) == {"russia", "tajikistan"}


def test_dots_measures_carry_their_source():
    long = trade.dots_measures(DOTS, REPORTERS)
    assert set(long["source_id"]) == {"imf-dots"}
    assert set(long["figure_id"]) == {"imf_dots_rus", "imf_dots_tjk"}


def test_mirror_gap_is_importer_minus_exporter():
    gap = trade.mirror_gap(DOTS, "ru_to_tj").set_index("year")
    assert gap.loc[2018, "gap_usd_m"] == 80.0
    assert gap.loc[2019, "gap_pct"] == pytest.approx(10.0)
    reverse = trade.mirror_gap(DOTS, "tj_to_ru").set_index("year")
    assert math.isnan(reverse.loc[2018, "gap_usd_m"])  # Tajikistan reported no exports: no gap
    assert reverse.loc[2018, "importer_reported"] == 100.0


def test_line_segments_break_where_a_year_is_skipped():
    frame = pd.DataFrame({"year": [2001, 2002, 2004, 2005, 2001], "m": ["a", "a", "a", "a", "b"]})
    segments = trade.line_segments(frame, ["m"])
    assert segments[0] == segments[1] != segments[2] == segments[3]
    assert segments[4] not in set(segments[:4])


def test_seed_projection_is_1_92bn():
    base = {"label": "Russia Briefing", "figure_id": "RUTJ-030", "year": 2021, "value_usd_m": 1130.0}
    growth = {"label": "Russia Briefing", "figure_id": "RUTJ-041", "year": 2022, "period_type": "quarter"}
    # 1,130 × 1.7
    assert trade_projection.projected(base, 70.0, {**growth, "period": "Q1 2022"}).value == pytest.approx(1921.0)
    assert trade_projection.projected(base, 0.0, None).value == 1130
    assert trade_projection.projected(base, -100.0, None).value == 0


PUBLISHED = published_rows(
    [
        (
            "A",
            "russia_official",
            "total",
            "year",
            "2021-01-01",
            "2021-12-31",
            1200.0,
            "lower_bound",
            None,
            None,
            "final",
        ),
        ("B", "russia_customs", "total", "year", "2021-01-01", "2021-12-31", 1180.0, "exact", 40.0, "exact", "final"),
        (
            "C",
            "russia_briefing",
            "total",
            "year",
            "2021-01-01",
            "2021-12-31",
            1130.0,
            "exact",
            25.0,
            "exact",
            "preliminary",
        ),
        (
            "D",
            "russia_briefing",
            "total",
            "quarter",
            "2022-01-01",
            "2022-03-31",
            None,
            None,
            70.0,
            "lower_bound",
            "final",
        ),
        ("E", "russia_official", "total", "ytd", "2022-01-01", "2022-04-30", 408.8, "exact", 15.7, "exact", "final"),
        (
            "F",
            "russia_briefing",
            "total",
            "year",
            "2022-01-01",
            "2022-12-31",
            2000.0,
            "approximate",
            None,
            None,
            "projection",
        ),
    ]
)


def test_projections_are_not_outcomes():
    full = trade.published_full_years(PUBLISHED, REPORTERS)
    assert "F" not in set(full["figure_id"])
    assert "F" in set(trade.published_full_years(PUBLISHED, REPORTERS, include_projections=True)["figure_id"])


def test_headline_prefers_dots_then_statistics_then_exact_figures():
    long = trade.dots_measures(DOTS, REPORTERS)
    full = trade.published_full_years(PUBLISHED, REPORTERS)
    annual = trade.annual_for_side(long, full, "russia")
    headline = trade.headline_totals(annual).set_index("year")
    assert list(headline.index) == [2018, 2019, 2021]
    assert headline.loc[2021, "figure_id"] == "B"  # customs statistics beat an official's lower bound


def test_headline_keeps_whole_rows_and_never_borrows_another_figures_growth():
    rows = published_rows(
        [
            # best-ranked 2021 figure (statistics, exact) published no growth ...
            ("S", "russia_customs", "total", "year", "2021-01-01", "2021-12-31", 1180.0, "exact", None, None, "final"),
            # ... a lower-ranked statement did: its +50% must not be shown against S
            (
                "T",
                "russia_official",
                "total",
                "year",
                "2021-01-01",
                "2021-12-31",
                1400.0,
                "exact",
                50.0,
                "approximate",
                "final",
            ),
        ]
    )
    full = trade.published_full_years(rows, REPORTERS)
    headline = trade.headline_totals(trade.annual_for_side(trade.dots_measures(DOTS, REPORTERS), full, "russia"))
    latest = headline.iloc[-1]
    assert latest["figure_id"] == "S"
    assert pd.isna(latest["yoy_growth_pct"]) and pd.isna(latest["growth_qualifier"])
    kpis = trade.trade_kpis(headline)
    assert kpis.change_pct is None and kpis.change_basis is None


def test_ties_go_to_the_most_recently_published_figure():
    rows = published_rows(
        [
            ("A", "russia_official", "total", "year", "2021-01-01", "2021-12-31", 1300.0, "exact", None, None, "final"),
            ("B", "russia_official", "total", "year", "2021-01-01", "2021-12-31", 1350.0, "exact", None, None, "final"),
        ]
    ).assign(source_id=["early", "late"])
    sources = pd.DataFrame({"source_id": ["early", "late"], "published_date": ["2022-01-10", "2022-09-01"]})
    full = trade.published_full_years(rows, REPORTERS, sources)
    assert list(trade.rank_figures(full)["figure_id"]) == ["B", "A"]
    unknown = full.assign(kind=["statement", "nonsense"])
    assert list(trade.rank_figures(unknown)["figure_id"]) == ["A", "B"]  # an unknown kind ranks last


def test_a_figure_is_placed_on_the_side_of_its_basis_not_its_speaker():
    rows = published_rows(
        [("M", "russia_official", "total", "year", "2023-01-01", "2023-12-31", 1714.9, "exact", None, None, "final")]
    ).assign(basis="tajikistan")
    full = trade.published_full_years(rows, REPORTERS)
    assert full["side"].tolist() == ["tajikistan"]
    assert full["label"].tolist() == ["Russian officials"]


def test_kpis_use_the_published_growth_of_the_latest_figure():
    long = trade.dots_measures(DOTS, REPORTERS)
    full = trade.published_full_years(PUBLISHED, REPORTERS)
    kpis = trade.trade_kpis(trade.headline_totals(trade.annual_for_side(long, full, "russia")))
    assert (kpis.year, kpis.value_usd_m, kpis.change_pct, kpis.change_basis) == (2021, 1180.0, 40.0, "published")
    assert (kpis.record_year, kpis.record_value_usd_m) == (2021, 1180.0)


def test_kpis_compute_change_between_consecutive_dots_years():
    long = trade.dots_measures(DOTS, REPORTERS)
    empty = trade.published_full_years(PUBLISHED.iloc[0:0], REPORTERS)
    kpis = trade.trade_kpis(trade.headline_totals(trade.annual_for_side(long, empty, "russia")))
    assert kpis.year == 2019
    assert kpis.change_pct == pytest.approx((990 / 900 - 1) * 100)
    assert kpis.change_basis == "computed"


def test_kpis_of_nothing_is_none():
    assert trade.trade_kpis(pd.DataFrame(columns=trade.ANNUAL_COLUMNS)) is None


def test_projection_inputs_for_a_year():
    long = trade.dots_measures(DOTS, REPORTERS)
    full = trade.published_full_years(PUBLISHED, REPORTERS)
    parts = trade.part_year_figures(PUBLISHED, REPORTERS)
    assert trade_projection.projection_years(long, full, parts) == [2022]
    bases = trade_projection.projection_bases(long, full, 2022)
    assert list(bases["figure_id"]) == ["B", "A", "C"]  # final statistics, final statement, preliminary
    growths = trade_projection.projection_growths(parts, 2022)
    assert list(growths["figure_id"]) == ["E", "D"]  # latest period first
    assert list(parts["period"]) == ["Q1 2022", "Jan–Apr 2022"]


@pytest.mark.parametrize(
    ("qualifiers", "combined"),
    [
        (("exact", "exact"), "exact"),
        (("exact", "lower_bound"), "lower_bound"),
        (("lower_bound", "lower_bound"), "lower_bound"),
        (("lower_bound", "approximate"), "approximate"),
        (("lower_bound", "upper_bound"), "approximate"),
    ],
)
def test_combined_qualifier(qualifiers, combined):
    assert trade_projection.combined_qualifier(*qualifiers) == combined


def test_decimal_year_of_partial_dates():
    assert decimal_year("2008") == 2008.0
    assert decimal_year("2008-12") == pytest.approx(2008 + 335 / 366)
    assert decimal_year("2014-12-16") == pytest.approx(2014 + 349 / 365)


def test_events_on_axis_picks_the_theme():
    events = pd.DataFrame(
        {"date": ["2020-03", "2021"], "themes": ["trade;remittances", "security"], "title": ["a", "b"]}
    )
    placed = events_on_axis(events, "trade")
    assert list(placed["title"]) == ["a"]
    assert placed["x"].iloc[0] == pytest.approx(2020 + 60 / 366)


def test_russia_shares_keep_full_years_only_each_report_apart():
    context = pd.DataFrame(
        {
            "figure_id": ["A", "B", "C", "D", "E"],
            "reporter": [
                "tajikistan_statistics",
                "russia_official",
                "tajikistan_statistics",
                "x",
                "tajikistan_statistics",
            ],
            "measure": [
                "ru_share_of_tj_total_trade",
                "ru_share_of_tj_total_trade",
                "ru_share_of_tj_imports",
                "ru_share_of_tj_exports",
                "tj_total_trade",
            ],
            "period_type": ["year", "year", "half", "year", "year"],
            "period_start": ["2023-01-01", "2023-01-01", "2024-01-01", "2022-01-01", "2023-01-01"],
            "value": [20.6, 22.0, 26.6, 3.8, 7000.0],
            "source_id": ["s1", "s2", "s3", "s4", "s5"],
        }
    )
    reporters = pd.DataFrame({"reporter": ["tajikistan_statistics", "russia_official"], "label": ["Tajik stats", "RU"]})
    shares = trade.russia_shares(context, reporters)
    # the half-year share and the total-trade value are not full-year shares
    assert sorted(shares["figure_id"]) == ["A", "B", "D"]
    both = shares[shares["year"] == 2023].set_index("figure_id")
    assert both.loc["A", "share_pct"] == 20.6 and both.loc["B", "share_pct"] == 22.0  # two reports, both kept
    assert both.loc["B", "reported_by"] == "RU"
    assert shares.set_index("figure_id").loc["D", "reported_by"] == "x"  # an unknown reporter keeps its id


def claims(**overrides) -> trade_projection.ArticleTradeClaims:
    values = dict(
        base_year=2021,
        base_usd_m=1130.0,
        base_status="preliminary",
        later_min_usd_m=1200.0,
        later_max_usd_m=1400.0,
        projected_year=2022,
        projected_usd_m=2000.0,
        outcome_min_usd_m=1400.0,
        outcome_max_usd_m=1700.0,
    )
    return trade_projection.ArticleTradeClaims(**{**values, **overrides})


def usd(value: float) -> str:
    return f"${value:,.0f}m"


@pytest.mark.parametrize(
    ("overrides", "first_sentence"),
    [
        (
            {},
            "The Russia Briefing article's $1,130m for 2021 was an early estimate, below every later statement"
            " ($1,200m to $1,400m).",
        ),
        (
            {"base_status": "final"},
            "The Russia Briefing article's $1,130m for 2021 was below every later statement ($1,200m to $1,400m).",
        ),
        (
            {"base_usd_m": 1300.0, "base_status": "final"},
            "The Russia Briefing article's $1,300m for 2021 was within the later statements ($1,200m to $1,400m).",
        ),
        (
            {"base_usd_m": 1500.0},
            "The Russia Briefing article's $1,500m for 2021 was an early estimate, above every later statement"
            " ($1,200m to $1,400m).",
        ),
        (
            {"later_min_usd_m": None, "later_max_usd_m": None},
            "The Russia Briefing article's $1,130m for 2021: no later statement of that year's total is in the data.",
        ),
    ],
)
def test_the_articles_trade_figure_is_judged_by_the_later_record(overrides, first_sentence):
    sentence = trade_projection.article_trade_sentence(claims(**overrides), usd, ENGLISH)
    assert sentence.startswith(first_sentence + " Its projection")


@pytest.mark.parametrize(("outcome_max", "reached"), [(1700.0, "was not reached"), (2100.0, "was reached")])
def test_the_projection_verdict_follows_the_outcome(outcome_max, reached):
    sentence = trade_projection.article_trade_sentence(claims(outcome_max_usd_m=outcome_max), usd, ENGLISH)
    assert (
        f"Its projection of about $2,000m for 2022 (shown as a projection) {reached}: reporters later gave" in sentence
    )


def test_the_record_year_is_the_latest_reporters_own_not_a_max_across_reporters():
    # IMF DOTS gives 1,000 for 2008; officials later give 900 for 2023 and 950 for 2024: the officials'
    # record is 2024 (950), not DOTS' 2008, which another reporter counted another way
    headline = pd.DataFrame(
        {
            "year": [2008, 2023, 2024],
            "value_usd_m": [1000.0, 900.0, 950.0],
            "label": ["Russia (IMF DOTS)", "Russian officials", "Russian officials"],
            "source_kind": ["dots", "published", "published"],
            "qualifier": "exact",
            "yoy_growth_pct": [None, None, None],
            "growth_qualifier": "exact",
            "source_id": ["imf", "a", "b"],
        }
    )
    kpis = trade.trade_kpis(headline)
    assert (kpis.record_year, kpis.record_value_usd_m, kpis.record_label) == (2024, 950.0, "Russian officials")
