"""Every page runs clean, and the Trade page's controls change what it shows."""

import pytest

from tests.app.conftest import PAGES, url


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
    assert metric(at, "Russia: record year").value == "2023"
    assert [s.value for s in at.subheader] == [
        "Annual trade by reporter",
        "Mirror statistics: one flow, two reporters",
        "Full-year totals published since 2021",
        "Part-year figures and their published growth",
        "Full-year projection",
    ]


def test_moving_the_growth_slider_changes_the_projection(open_app):
    at = open_app(proj_year="2022", proj_base="RUTJ-030")
    before = metric(at, "Projected 2022").value
    at.slider(key="w_proj_growth").set_value(70.0).run()
    assert metric(at, "Projected 2022").value == "US$1.92bn" != before
    assert url(at)["proj_growth"] == "70"
    at.slider(key="w_proj_growth").set_value(-100.0).run()
    assert metric(at, "Projected 2022").value == "US$0.00bn"


def test_default_growth_is_the_latest_published_part_year_growth(open_app):
    at = open_app(proj_year="2022")
    # Jan–Nov 2022, Russian trade mission: 'almost +35%'
    assert at.slider(key="w_proj_growth").value == 35.0
    assert "proj_growth" not in at.query_params


def test_seed_case_button_loads_the_articles_inputs(open_app):
    at = open_app()
    at.button[0].click().run()
    assert at.selectbox(key="w_proj_year").value == 2022
    assert at.selectbox(key="w_proj_base").value == "RUTJ-030"
    assert at.slider(key="w_proj_growth").value == 70.0
    assert metric(at, "Projected 2022").value == "US$1.92bn"
    assert url(at) == {"proj_year": "2022", "proj_base": "RUTJ-030", "proj_growth": "70"}


def test_changing_the_year_resets_base_and_growth_to_that_years_defaults(open_app):
    at = open_app(proj_year="2022", proj_base="RUTJ-030", proj_growth="70")
    at.selectbox(key="w_proj_year").set_value(2024).run()
    assert at.selectbox(key="w_proj_base").value != "RUTJ-030"
    assert "proj_growth" not in at.query_params and "proj_base" not in at.query_params


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
    for file in ["sources.csv", "reporters.csv", "trade_dots.csv", "trade_published.csv", "events.csv"]:
        assert f"Download {file}" in labels
