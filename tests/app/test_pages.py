"""Every page runs clean, and the Trade page's controls change what it shows."""

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import datasets
from tests.app.conftest import APP, PAGES, caption_paragraphs, chart_frames, url


def metric(at, label_start):
    return next(m for m in at.metric if m.label.startswith(label_start))


@pytest.mark.parametrize("page", list(PAGES))
def test_page_runs_without_exception_or_warning(open_app, page):
    at = open_app(page)
    assert not at.exception
    assert not at.warning
    assert not at.error
    assert at.title[0].value


def test_trade_page_shows_headline_numbers_from_the_data(open_app):
    at = open_app()
    assert metric(at, "Russia: total trade 2024").value == "US$1.50bn"
    assert metric(at, "Tajikistan: total trade 2024").value == "US$1.90bn"
    # Russia's record is its own 2024 figure, not the 2023 Tajik statistics its trade mission relayed
    assert metric(at, "Russia: record year").value == "2024"
    assert [s.value for s in at.subheader] == [
        "Annual trade by reporter",
        "Russia's share of Tajikistan's trade",
        "Mirror statistics: one flow, two reporters",
        "Full-year totals published since 2021",
        "Part-year figures and their published growth",
        "Full-year projection",
    ]


def test_moving_the_growth_slider_changes_the_projection(open_app):
    at = open_app(proj_year="2022", proj_base="RUTJ-030")
    # the article's own Q1 growth, 'over 70%': 1,130 × 1.7 = 1,921, a lower bound like the growth
    assert metric(at, "Projected 2022").value == "over US$1.92bn"
    at.slider(key="w_proj_growth").set_value(50.0).run()
    assert metric(at, "Projected 2022").value == "US$1.70bn"  # 1,130 × 1.5 = 1,695, the viewer's growth
    assert url(at)["proj_growth"] == "50"
    at.slider(key="w_proj_growth").set_value(-100.0).run()
    assert metric(at, "Projected 2022").value == "US$0.00bn"


def test_default_growth_is_the_base_reporters_latest_published_growth(open_app):
    at = open_app(proj_year="2022")
    # base: Russian officials' 2021 total, 1.4bn (RUTJ-038); their latest 2022 growth, Jan–Apr +15.7% (RUTJ-100),
    # not the Russian trade mission's later +35%: 1,400 × 1.157 = 1,619.8
    assert at.selectbox(key="w_proj_base-busd").value == "RUTJ-038"
    assert at.slider(key="w_proj_growth").value == 15.7
    assert metric(at, "Projected 2022").value == "US$1.62bn"
    assert "proj_growth" not in at.query_params


def test_a_base_and_a_growth_of_two_reporters_are_shown_side_by_side_not_multiplied(open_app):
    # 2014: the best-ranked 2013 total is Russia's IMF figure (762.2m); the only 2014 growths are the Tajik
    # statistics agency's (Jan–Oct +41.8% the latest): no projection, both figures and the reason instead
    at = open_app(proj_year="2014")
    card = metric(at, "Projected 2014")
    assert card.value == "not projected"
    text = " ".join(m.value for m in at.markdown)
    assert "Not projected: different reporters (Tajik statistics agency; Russia (IMF DOTS))" in text
    assert "US$0.76bn" in text and "+41.8%" in text
    bars = [frame for frame in chart_frames(at) if "kind" in frame.columns][-1]
    assert "Projection" not in set(bars["kind"])  # no bar for a product of two reporters' figures
    at.slider(key="w_proj_growth").set_value(10.0).run()  # the viewer's own growth applies to any base
    assert metric(at, "Projected 2014").value == "US$0.84bn"  # 762.2 × 1.1 = 838.5


def test_article_case_button_loads_the_articles_inputs(open_app):
    at = open_app()
    at.button[0].click().run()
    assert at.selectbox(key="w_proj_year").value == 2022
    assert at.selectbox(key="w_proj_base-busd").value == "RUTJ-030"
    assert at.slider(key="w_proj_growth").value == 70.0
    assert metric(at, "Projected 2022").value == "over US$1.92bn"  # 1,130 × 1.7, the growth 'over 70%'
    assert url(at) == {"proj_year": "2022", "proj_base": "RUTJ-030", "proj_growth": "70"}


def test_changing_the_year_resets_base_and_growth_to_that_years_defaults(open_app):
    at = open_app(proj_year="2022", proj_base="RUTJ-030", proj_growth="70")
    at.selectbox(key="w_proj_year").set_value(2024).run()
    assert at.selectbox(key="w_proj_base-busd").value != "RUTJ-030"
    assert "proj_growth" not in at.query_params and "proj_base" not in at.query_params


def test_a_fall_is_shown_as_a_fall(open_app):
    at = open_app(years="2000..2020")
    latest = metric(at, "Russia: total trade 2020")
    assert latest.value == "US$0.79bn"
    assert latest.delta.startswith("−19.8%")  # 793.6m after 990.0m in 2019, both IMF
    assert latest.proto.color == latest.proto.MetricColor.RED
    assert latest.proto.direction == latest.proto.MetricDirection.DOWN


def test_projection_follows_the_filters(open_app):
    at = open_app(years="2015..2023", reporters="russia", proj_year="2022", proj_base="RUTJ-030", proj_growth="70")
    assert at.selectbox(key="w_proj_year").options == [str(y) for y in (2016, 2017, 2018, 2020, 2021, 2022, 2023)]
    bars = chart_frames(at)[-1]
    assert bars["what"].tolist() == [
        "2021: Russia Briefing, 29 June 2022 (RUTJ-030)",
        "2022: projection",
        "2022: Russian customs (FCS) (RUTJ-046)",
        "2022: Russian officials (RUTJ-049)",
        "2022: Russian officials (g2-RUTJ-019)",
    ]  # Russia's statements only, each its own bar (two are Russian officials')


def test_a_year_outside_the_filter_is_repaired(open_app):
    at = open_app(years="2015..2020", proj_year="2022")
    assert any("`proj_year`" in w.value for w in at.warning)
    assert at.selectbox(key="w_proj_year").value == 2020


def test_units_switch_rescales_the_headline(open_app):
    at = open_app()
    at.radio(key="w_units").set_value("musd").run()
    assert metric(at, "Russia: total trade 2024").value == "US$1,500m"
    assert url(at)["units"] == "musd"


def test_reporter_filter_hides_a_side(open_app):
    at = open_app()
    at.multiselect(key="w_reporters").set_value(["tajikistan"]).run()
    labels = [m.label for m in at.metric]
    assert not any(label.startswith("Russia") for label in labels)
    assert any(label.startswith("Tajikistan") for label in labels)
    assert url(at)["reporters"] == "tajikistan"


def test_year_filter_limits_the_mirror_caption(open_app):
    at = open_app(years="2000..2010")
    assert any("In 2010 Tajikistan recorded" in c.value for c in at.caption)


def test_years_without_data_say_so(open_app):
    at = open_app(years="1993..1995", reporters="other")
    assert not at.exception
    assert any("Select Russia or Tajikistan" in i.value for i in at.info)


def test_sources_page_lists_every_dataset_with_a_download(open_app):
    at = open_app("sources")
    labels = [b.label for b in at.get("download_button")]
    files = [
        "sources.csv",
        "reporters.csv",
        "trade_dots.csv",
        "trade_published.csv",
        "events.csv",
        "security_sites.csv",
        "troop_estimates.csv",
        "memberships.csv",
        "claims.csv",
        "geo/countries.geojson",
        "geo/border_tj_af.geojson",
        "geo/rivers.geojson",
    ]
    for file in files:
        assert f"Download {file}" in labels


def test_sources_page_gives_each_file_its_sources_and_caveat(open_app):
    at = open_app("sources")
    assert not at.exception
    expanders = [e.label for e in at.expander]
    remittances = datasets.load("remittances")
    sources = datasets.load("sources")
    cited = sources[sources["source_id"].isin(remittances["source_id"])]
    newest = cited["published_date"].dropna().astype(str).max()
    assert f"Its {len(cited)} sources; data as of {newest}" in expanders
    captions = caption_paragraphs(at)
    assert any(c.startswith("**Caveat:**") and "stopped publishing" in c for c in captions)
    assert sum(c.startswith("**Caveat:**") for c in captions) == sum(
        bool(d.caveat) for d in (*datasets.DATASETS.values(), *datasets.GEO_DATASETS.values())
    )


def test_sources_without_a_date_read_undated_not_none(open_app):
    at = open_app("sources")
    listed = at.dataframe[-1].value
    undated = datasets.load("sources")["published_date"].isna().sum()
    assert undated > 0  # the data has undated sources, so this checks something
    assert (listed["published_date"] == "undated").sum() == undated


def test_with_sign_in_configured_a_signed_out_viewer_sees_only_the_sign_in_screen():
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "test-only",
        "client_id": "rt-dashboard",
        "client_secret": "test-only",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    }
    at.run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Sign in"]
    assert len(at.metric) == 0 and len(at.sidebar) == 0


def test_the_share_card_leads_to_the_share_on_the_trade_page(open_app):
    at = open_app("trade")
    assert "Russia's share of Tajikistan's trade" in [h.value for h in at.subheader]
    context = datasets.load("trade_context")
    latest = context[(context["measure"] == "ru_share_of_tj_total_trade") & (context["period_type"] == "year")]
    latest = latest.sort_values("period_end").iloc[-1]
    drawn = next(f for f in chart_frames(at) if "share_pct" in f.columns)
    year = int(latest["period_start"][:4])
    assert latest["value"] in set(drawn.loc[drawn["year"] == year, "share_pct"])  # the Overview card's figure
