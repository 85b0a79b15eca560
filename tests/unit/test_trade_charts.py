"""The Trade page's chart frames on hand-made rows (tests/unit/chart_inputs.py): gaps stay gaps, units,
labels, and how each figure stands.

The frames come from the Trade model built on chart_inputs.DOTS and chart_inputs.PUBLISHED, never
from data/. Schema validation of the specs is test_chart_schema.py's; specs here are built unvalidated.
"""

import altair as alt
import pandas as pd
import pytest

from dashboard.analytics import trade
from dashboard.charts import trade as charts
from dashboard.formatting.language import ENGLISH
from dashboard.models.trade import choose_projection, projection_frame
from tests.unit.chart_inputs import PROJECTION, REPORTERS, SHARE_CONTEXT, TRADE, TRADE_FRAMES


def test_annual_chart_breaks_lines_at_missing_years():
    frame = TRADE_FRAMES.annual_frames[("russia", "busd")]
    dots = frame[(frame["measure"] == "total") & (frame["source_kind"] == "dots")]
    # Russia reported no exports for 2019: no total that year, and the line does not bridge it
    assert dots["year"].tolist() == [2017, 2018, 2020]
    assert dots.groupby("segment")["year"].apply(list).tolist() == [[2017, 2018], [2020]]
    assert dots["value"].tolist() == pytest.approx([0.8, 0.9, 0.98])  # 700 + 100, 800 + 100, 900 + 80
    imports = frame[frame["measure"] == "tj_to_ru"]
    assert imports["year"].tolist() == [2017, 2018, 2019, 2020] and imports["segment"].nunique() == 1
    spec = charts.annual_measures_chart(frame, TRADE.events, (2017, 2022), "US$ bn", ENGLISH).to_dict(validate=False)
    assert spec["layer"][1]["encoding"]["detail"]["field"] == "segment"


def test_statements_follow_the_dots_series_on_their_own_side_only():
    published = TRADE_FRAMES.annual_frames[("russia", "busd")].query("source_kind == 'published'")
    assert published["figure_id"].tolist() == ["RT-1", "RT-2"]  # RT-3 is the article's, on no side
    assert published["qualifier_label"].tolist() == ["exact", "lower bound"]
    assert published["value_text"].tolist() == ["US$1.18bn", "over US$1.20bn"]


def test_values_are_rescaled_to_the_chosen_unit():
    bn = TRADE_FRAMES.annual_frames[("tajikistan", "busd")].set_index(["measure", "year"])["value"]
    m = TRADE_FRAMES.annual_frames[("tajikistan", "musd")].set_index(["measure", "year"])["value"]
    assert m[("total", 2018)] == pytest.approx(975.0) and bn[("total", 2018)] == pytest.approx(0.975)  # 880 + 95
    assert (m / 1000).round(9).equals(bn.round(9))


def test_mirror_frame_pairs_each_sides_report_and_breaks_where_one_is_missing():
    frame = TRADE_FRAMES.mirror_frames[("ru_to_tj", "musd")]
    russia = frame[frame["side"] == "Russia"]
    tajikistan = frame[frame["side"] == "Tajikistan"]
    assert set(russia["role"]) == {"exporter"} and russia["year"].tolist() == [2017, 2018, 2020]
    assert russia["segment"].nunique() == 2  # 2017–2018 and 2020, never bridged
    assert tajikistan["year"].tolist() == [2017, 2018, 2019, 2020] and tajikistan["segment"].nunique() == 1
    assert set(russia["reported_by"]) == {"Russia (IMF DOTS)"} and set(russia["basis"]) == {"reported"}
    gaps = frame[frame["role"] == "gap"].set_index("year")
    assert (gaps.loc[2018, "value"], gaps.loc[2018, "gap_pct"]) == (80.0, pytest.approx(10.0))  # 880 against 800
    assert gaps.loc[2018, ["reported_by", "basis"]].tolist() == ["this dashboard", "worked out here"]
    assert pd.isna(gaps.loc[2019, "value"]) and gaps.loc[2019, "basis"] == "no gap: one side has no figure"
    spec = charts.mirror_chart(frame, "US$ m", ENGLISH).to_dict(validate=False)
    assert spec["vconcat"][1]["transform"] == [{"filter": "datum.role == 'gap' && isValid(datum.gap_pct)"}]


def test_the_mirror_csv_gives_each_figure_and_the_gap_a_row_of_its_own():
    rows = TRADE.mirror_rows["ru_to_tj"].set_index(["year", "role"])
    assert rows.loc[(2018, "exporter"), "value_usd_m"] == 800.0 and rows.loc[(2018, "importer"), "value_usd_m"] == 880.0
    assert rows.loc[(2018, "gap"), "value_usd_m"] == 80.0 and rows.loc[(2018, "gap"), "no_gap_reason"] == ""
    assert rows.loc[(2019, "gap"), "no_gap_reason"] == "no figure"  # Russia reported no exports for 2019
    assert rows.loc[(2018, "importer"), "edition"] == "IMF, 2024-01-15"  # the test source's publisher and date


def test_published_totals_chart_labels_each_statement():
    frame = TRADE_FRAMES.published_frames["busd"].set_index("figure_id")
    assert frame.loc["RT-3", ["value", "value_text", "side_label"]].tolist() == [
        1.13,
        "US$1.13bn",
        "Media & unattributed",
    ]
    assert frame.loc["RT-6", ["status", "value_text"]].tolist() == ["projection", "about US$2.00bn"]
    spec = charts.published_years_chart(TRADE_FRAMES.published_frames["busd"], "US$ bn", ENGLISH).to_dict(
        validate=False
    )
    assert spec["encoding"]["shape"]["field"] == "qualifier_label"


def test_part_year_growth_keeps_only_figures_with_a_growth():
    growth = TRADE_FRAMES.part_year_growth
    assert growth["figure_id"].tolist() == ["RT-4", "RT-5"]
    assert growth["period"].tolist() == ["Q1 2022", "Jan–Apr 2022"]
    assert growth["growth_text"].tolist() == ["over +70.0%", "+15.7%"]
    spec = charts.part_year_growth_chart(growth, ENGLISH).to_dict(validate=False)
    assert spec["encoding"]["x"]["field"] == "period_end_date"


def test_projection_bars_show_the_base_the_projection_and_each_outcome():
    # the best-ranked 2021 total whose reporter published a 2022 growth: Russian officials' 'over 1,200'
    # (customs' 1,180 ranks first, but customs published no growth), grown by their own Jan–Apr +15.7%:
    # 1,200 × 1.157 = 1,388.4, a lower bound like its base
    assert (PROJECTION.base["figure_id"], PROJECTION.growth) == ("RT-2", 15.7)
    bars = projection_frame(PROJECTION, TRADE_FRAMES.projections[2022].outcomes, "busd", ENGLISH)
    assert bars["what"].tolist() == [
        "2021: Russian officials (RT-2)",
        "2022: projection",
        "2022: Tajik statistics (RT-7)",
    ]
    assert bars["kind"].tolist() == ["Base year", "Projection", "Outcome"]
    assert bars["value"].tolist() == pytest.approx([1.2, 1.3884, 1.7])
    assert bars["value_text"].tolist() == ["over US$1.20bn", "over US$1.39bn", "about US$1.70bn"]
    assert bars["reported_by"].tolist() == ["Russian officials", "this dashboard", "Tajik statistics"]
    assert bars["basis"].tolist() == ["reported", "projection worked out here", "reported"]
    assert bars["year"].tolist() == [2021, 2022, 2022]


def test_a_base_and_a_growth_of_two_reporters_give_no_projection_bar():
    # the customs' 1,180 with the only growth on its side, Russian officials' +15.7%: two reporters
    choice = choose_projection(TRADE_FRAMES.projections, 2022, "RT-1", None, ENGLISH)
    assert choice.projected_usd_m is None
    assert choice.projection.reason == "different reporters (Russian officials; Russian customs (FCS))"
    bars = projection_frame(choice, TRADE_FRAMES.projections[2022].outcomes, "busd", ENGLISH)
    assert bars["kind"].tolist() == ["Base year", "Outcome"]


def test_theme_is_registered_and_active():
    assert alt.theme.active == "rt_dashboard"


def test_russia_share_chart_draws_points_only_on_a_percent_axis():
    shares = trade.russia_shares(SHARE_CONTEXT, REPORTERS)
    spec = charts.russia_share_chart(shares, ENGLISH).to_dict(validate=False)
    assert spec["mark"]["type"] == "point"  # sparse years: never joined by a line
    assert "%" in spec["encoding"]["y"]["axis"]["labelExpr"]
    drawn = spec["datasets"][spec["data"]["name"]]
    # the half-year share (SH-4) is not a year's: three full-year figures, both 2022 reports kept
    assert [(row["year"], row["share_pct"]) for row in drawn] == [(2023, 26.6), (2022, 20.6), (2022, 22.0)]
