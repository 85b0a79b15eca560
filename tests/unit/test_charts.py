"""Every chart builder, built from the real data and from edge cases, yields a valid spec."""

import altair as alt
import pandas as pd
import pytest

from dashboard import datasets
from dashboard.analytics import trade
from dashboard.analytics.events import events_on_axis
from dashboard.charts import trade as charts


@pytest.fixture(scope="module")
def model():
    reporters = datasets.load("reporters")
    dots = datasets.load("trade_dots")
    published = datasets.load("trade_published")
    sources = datasets.load("sources")
    return {
        "dots": dots,
        "long": trade.dots_measures(dots, reporters),
        "full": trade.published_full_years(published, reporters, sources, include_projections=True),
        "parts": trade.part_year_figures(published, reporters, sources),
        "events": events_on_axis(datasets.load("events"), "trade"),
    }


def layer_data(spec, mark):
    """The rows drawn by layers of one mark type (Altair puts data in named datasets)."""
    names = [
        layer["data"]["name"]
        for layer in spec.get("layer", [])
        if layer.get("mark", {}).get("type") == mark and "data" in layer
    ]
    return [row for name in names for row in spec["datasets"][name]]


def test_annual_chart_breaks_lines_at_missing_years(model):
    annual = trade.annual_for_side(model["long"], model["full"], "russia")
    frame = charts.annual_frame(annual, "busd")
    spec = charts.annual_measures_chart(frame, model["events"], (1993, 2025), "US$ bn").to_dict()
    assert spec["layer"][1]["mark"]["type"] == "line"
    totals = frame[(frame["measure"] == "total") & (frame["source_kind"] == "dots")]
    # Russia's DOTS total starts in 1994 (no 1993 exports) and is one unbroken run to 2020
    assert totals["year"].min() == 1994 and totals["segment"].nunique() == 1
    published = frame[frame["source_kind"] == "published"]
    assert published["year"].min() == 2021
    assert set(published["qualifier_label"]) >= {"exact", "lower bound"}


def test_values_are_rescaled_to_the_chosen_unit(model):
    annual = trade.annual_for_side(model["long"], model["full"], "tajikistan")
    bn = charts.annual_frame(annual, "busd")
    m = charts.annual_frame(annual, "musd")
    assert (m["value"] / 1000).round(9).equals(bn["value"].round(9))


def test_mirror_chart_spec(model):
    frame = charts.mirror_frame(trade.mirror_gap(model["dots"], "tj_to_ru"), "tj_to_ru", "musd")
    spec = charts.mirror_chart(frame, "US$ m").to_dict()
    assert len(spec["vconcat"]) == 2
    assert frame["year"].min() == 1993 and frame["year"].max() == 2020
    exporter = frame[frame["role"] == "exporter"]
    assert set(exporter["reporter"]) == {"Tajikistan"} and len(exporter) == 28


def test_mirror_lines_break_where_one_side_is_missing(model):
    dots = model["dots"]
    holed = dots[~((dots["reporter"] == "imf_dots_rus") & (dots["year"] == 2005) & (dots["flow"] == "ru_to_tj"))]
    frame = charts.mirror_frame(trade.mirror_gap(holed, "ru_to_tj"), "ru_to_tj", "busd")
    russia = frame[frame["reporter"] == "Russia"]
    tajikistan = frame[frame["reporter"] == "Tajikistan"]
    assert 2005 not in set(russia["year"])
    assert russia["segment"].nunique() == 2  # 1994–2004 and 2006–2020, never bridged
    assert tajikistan["segment"].nunique() == 1


def test_published_totals_chart(model):
    totals = model["full"][(model["full"]["year"] > 2020) & (model["full"]["measure"] == "total")]
    frame = charts.published_frame(totals, "busd")
    spec = charts.published_years_chart(frame, "US$ bn").to_dict()
    assert spec["encoding"]["shape"]["field"] == "qualifier_label"
    seed_2021 = frame[frame["figure_id"] == "RUTJ-030"].iloc[0]
    assert (seed_2021["value"], seed_2021["value_text"], seed_2021["side_label"]) == (
        1.13,
        "US$1.13bn",
        "Media & unattributed",
    )


def test_part_year_growth_chart(model):
    growth = charts.part_year_frame(model["parts"])
    assert growth["yoy_growth_pct"].notna().all()
    assert len(growth) == model["parts"]["yoy_growth_pct"].notna().sum()
    q1_2022 = growth[growth["figure_id"] == "RUTJ-041"].iloc[0]
    assert (q1_2022["period"], q1_2022["growth_text"]) == ("Q1 2022", "over +70.0%")
    spec = charts.part_year_growth_chart(growth).to_dict()
    assert spec["encoding"]["x"]["field"] == "period_end_date"


def test_projection_chart():
    bars = pd.DataFrame(
        {
            "what": ["a", "b"],
            "kind": ["Base year", "Projection"],
            "value": [1.13, 1.92],
            "value_text": ["US$1.13bn", "US$1.92bn"],
        }
    )
    spec = charts.projection_chart(bars, "US$ bn").to_dict()
    assert spec["mark"]["type"] == "bar"


def test_charts_accept_empty_frames(model):
    empty = charts.annual_frame(
        trade.annual_for_side(model["long"].iloc[0:0], model["full"].iloc[0:0], "russia"), "busd"
    )
    spec = charts.annual_measures_chart(empty, model["events"].iloc[0:0], (2000, 2001), "US$ bn").to_dict()
    assert "layer" in spec


def test_theme_is_registered_and_active():
    assert alt.theme.active == "rt_dashboard"


def test_russia_share_chart_draws_points_only_on_a_percent_axis():
    shares = trade.russia_shares(datasets.load("trade_context"), datasets.load("reporters"))
    spec = charts.russia_share_chart(shares).to_dict()  # validates
    assert spec["mark"]["type"] == "point"  # sparse years: never joined by a line
    assert "%" in spec["encoding"]["y"]["axis"]["labelExpr"]
    drawn = spec["datasets"][spec["data"]["name"]]
    assert len(drawn) == len(shares) > 0
