"""The Overview: six sourced cards, a narrative from the same numbers, and a filterable timeline."""

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import datasets
from dashboard.analytics import overview, remittances
from dashboard.cache import shared
from dashboard.formatting import money
from tests.app.conftest import APP, chart_frames, url


@pytest.fixture(scope="module")
def page():
    return AppTest.from_file(APP, default_timeout=60).run()  # no page asked: the default one


def test_the_overview_is_the_default_page_with_seven_cards(page):
    assert not page.exception and not page.warning
    assert page.title[0].value == "Russia–Tajikistan at a glance"
    labels = [m.label for m in page.metric]
    assert len(labels) == 7
    assert labels[0].startswith("Bilateral trade") and labels[-1] == "Tajik–Afghan border"


def test_every_card_names_a_source_that_is_in_sources_csv(page):
    publishers = set(datasets.load("sources")["publisher"])
    for metric in page.metric:
        assert metric.help.startswith("Sources: "), metric.label
        assert any(publisher in metric.help for publisher in publishers), metric.label


def test_every_card_says_how_current_its_sources_are(page):
    """The card's "data as of" is the newest publication date among the sources it links to."""
    sources = datasets.load("sources")
    dated = dict(zip(sources["url"], sources["published_date"], strict=True))
    for metric in page.metric:
        links = re.findall(r"\(\[link\]\((\S+?)\)\)", metric.help)
        published = [str(dated[link]) for link in links if isinstance(dated[link], str)]
        if published:
            assert metric.help.endswith(f"Data as of {max(published)}."), metric.label
        else:  # undated references (the border's): no date is claimed for them
            assert "Data as of" not in metric.help, metric.label


def test_narrative_carries_the_pages_own_numbers(page):
    text = page.markdown[0].value.replace("\\$", "$")
    trade = shared.trade_model()
    for kpis in overview.trade_sides(trade.headline).values():
        assert money(kpis.value_usd_m, qualifier=kpis.qualifier) in text
    dep = remittances.dependency(shared.remittances_model().backbone)
    assert f"{dep.pct_gdp:.1f}% of Tajikistan's GDP in {dep.year}" in text
    assert f"{shared.border_model().reference_km:,.0f} km" in text
    assert "not in the EAEU" in text
    assert 3 <= text.count(". ") + 1 <= 5


def test_the_timeline_filters_by_kind_and_the_link_keeps_it(open_app):
    at = open_app("overview")
    everything = len(at.dataframe[0].value)
    at.pills(key="w_ov_cats").set_value(["politics"]).run()
    shown = at.dataframe[0].value
    assert 0 < len(shown) < everything
    assert set(shown["category"]) == {"politics"}
    assert url(at)["ov_cats"] == "politics"
    assert "Rustam Emomali elected Speaker of the upper house" in set(shown["title"])


def test_seed_context_events_are_dated_and_sourced(open_app):
    events = datasets.load("events")
    for needle in ("Putin visits Dushanbe", "Rustam Emomali elected Speaker", "Wildberries"):
        rows = events[events["title"].str.contains(needle)]
        assert len(rows), needle
        assert rows["source_id"].notna().all() and rows["date"].str.match(r"\d{4}").all()


def test_a_broken_remittances_file_leaves_the_other_cards(open_app, data_copy):
    (data_copy / "wdi.csv").write_text("garbage\n")
    at = open_app("overview")
    assert not at.exception
    assert any("data/wdi.csv" in w.value for w in at.warning)
    labels = [m.label for m in at.metric]
    assert labels and not any(label.startswith("Remittances") for label in labels)
    assert any(label.startswith("Bilateral trade") for label in labels)


def test_an_event_several_pages_cite_is_listed_once_with_all_its_sources(open_app):
    at = open_app("overview")
    shown = at.dataframe[0].value
    visit = shown[shown["date"] == "2025-10-08"]
    assert visit["title"].str.contains("Putin state visit").sum() == 1
    folded = visit[visit["title"].str.contains("Putin state visit")]
    assert folded["source_publisher"].str.contains(r"\(\+\d+ more\)").all()
    # the data holds several tellings of that visit, so this checks a real fold
    events = datasets.load("events")
    told = events[(events["date"] == "2025-10-08") & events["title"].str.contains("Putin state visit")]
    assert len(told) > 1
    assert f"(+{told['source_id'].nunique() - 1} more)" in folded["source_publisher"].iloc[0]


def test_the_share_card_sets_two_reporters_side_by_side_and_draws_no_change(page):
    """2024's 22.1% is a Russian official's, 2023's 20.6% Tajik statistics': no "+1.5 pts" between them."""
    card = next(m for m in page.metric if m.label.startswith("Russia's share of Tajik trade"))
    assert card.label.endswith("2024") and card.value == "22.1%"
    assert "+1.5" not in card.delta and "pts" not in card.delta
    assert card.delta == "2023: 20.6% (another reporter)"
    captions = [c.value for c in page.caption]
    assert (
        "Whose figure: 2024 per Russian officials; 2023 per Tajik statistics agency: two reporters, so no change "
        "is drawn." in captions
    )


def test_every_card_says_whose_figure_it_is(page):
    whose = [c.value for c in page.caption if c.value.startswith("Whose figure: ")]
    assert len(whose) == len(page.metric)
    narrative = page.markdown[0].value
    assert "of Tajikistan's trade in 2024 according to Russian officials" in narrative


def test_the_trade_chart_follows_the_units_filter(open_app):
    """Russia's 2024 total is 1,500 (Russian officials, the Trade page's headline figure): 1.5 in US$ bn,
    1,500 in US$ m, as the Units filter says (the chart was in US$ bn whatever the filter)."""
    for units, title, value in (("busd", "US$ bn", 1.5), ("musd", "US$ m", 1500.0)):
        at = open_app("overview", units=units)
        specs = [json.loads(e.proto.spec) for e in at.main if getattr(e, "type", None) == "vega_lite_chart"]
        trade = next(spec for spec in specs if spec.get("title", {}).get("text") == "Bilateral trade")
        assert trade["title"]["subtitle"] == f"{title}, by reporter"
        assert trade["encoding"]["y"]["title"] == title
        frame = chart_frames(at)[specs.index(trade)]
        russia_2024 = frame[(frame["side"] == "Russia") & (frame["year"] == 2024)]
        assert russia_2024["value"].tolist() == [value]
        assert russia_2024["reported_by"].tolist() == ["Russian officials"]
