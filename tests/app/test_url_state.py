"""A link opened in a fresh session shows the view it encodes; bad links fall back with a warning."""

from urllib.parse import parse_qsl

from tests.app.conftest import PAGES, url


def test_a_link_restores_every_widget(open_app):
    at = open_app(
        years="2005..2023",
        reporters="russia,other",
        units="musd",
        flow="tj_to_ru",
        proj_year="2022",
        proj_base="RUTJ-030",
        proj_growth="70",
    )
    assert not at.warning
    assert at.slider(key="w_years").value == (2005, 2023)
    assert at.multiselect(key="w_reporters").value == ["russia", "other"]
    assert at.radio(key="w_units").value == "musd"
    assert at.get("button_group")[0].value == "tj_to_ru"  # the flow's segmented control
    assert at.selectbox(key="w_proj_year").value == 2022
    assert at.selectbox(key="w_proj_base-musd").value == "RUTJ-030"
    assert at.slider(key="w_proj_growth").value == 70.0
    assert url(at) == {
        "years": "2005..2023",
        "reporters": "russia,other",
        "units": "musd",
        "flow": "tj_to_ru",
        "proj_year": "2022",
        "proj_base": "RUTJ-030",
        "proj_growth": "70",
    }


def test_the_url_written_back_reopens_the_same_view(open_app):
    first = open_app()
    first.slider(key="w_years").set_value((2001, 2019)).run()
    first.radio(key="w_units").set_value("musd").run()
    first.slider(key="w_proj_growth").set_value(12.5).run()
    link = url(first)
    second = open_app(**link)
    for key in ("w_years", "w_proj_growth"):
        assert second.slider(key=key).value == first.slider(key=key).value
    assert second.radio(key="w_units").value == "musd"
    assert [m.value for m in second.metric] == [m.value for m in first.metric]


def test_global_filters_survive_a_page_switch(open_app):
    at = open_app(years="2003..2011", proj_growth="20")
    at.switch_page(PAGES["sources"]).run()
    assert at.slider(key="w_years").value == (2003, 2011)
    assert url(at) == {"years": "2003..2011"}
    at.switch_page(PAGES["trade"]).run()
    assert url(at)["proj_growth"] == "20"  # the page's scenario comes back with it


def test_garbled_parameters_warn_and_use_defaults(open_app):
    at = open_app(years="<img src=x onerror=alert(1)>", units="parsecs", proj_growth="1e999")
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 3
    assert any("`years`" in w and "showing the default (1993..2025)" in w for w in warnings)
    assert at.slider(key="w_years").value == (1993, 2025)
    assert at.radio(key="w_units").value == "busd"
    assert "years" not in at.query_params and "units" not in at.query_params


def test_out_of_range_values_are_clamped_with_a_warning(open_app):
    at = open_app(years="1950..2010", proj_growth="900")
    assert at.slider(key="w_years").value == (1993, 2010)
    assert at.slider(key="w_proj_growth").value == 200.0
    assert len(at.warning) == 2


def test_a_figure_id_that_does_not_fit_the_year_is_repaired(open_app):
    at = open_app(proj_year="2022", proj_base="RUTJ-081")  # a 2024 figure
    assert any("`proj_base`" in w.value for w in at.warning)
    assert at.selectbox(key="w_proj_base-busd").value != "RUTJ-081"
    assert not at.exception


def test_a_year_without_part_year_growth_is_repaired(open_app):
    at = open_app(proj_year="1999")
    assert any("`proj_year`" in w.value for w in at.warning)
    assert not at.exception


def test_the_scenarios_share_link_is_the_address_after_each_kind_of_control(open_app):
    """Each Scenarios control redraws its own section in a browser (views/redraw.py) and the share
    link with it; here, as after a full run, the link box must say what the address bar says."""
    at = open_app("scenarios")

    def link_matches_address() -> bool:
        (box,) = [code.value for code in at.sidebar.code]
        path, _, query = box.partition("?")
        return path.endswith("/scenarios") and dict(parse_qsl(query)) == url(at)

    at.slider(key="w_sc_ruble").set_value(-12.5).run()  # a slider
    assert url(at) == {"sc_ruble": "-12.5"} and link_matches_address()
    at.button(key="sc_preset_2009").click().run()  # a preset's callback
    assert url(at)["sc_growth"] == "-7.8" and "sc_ruble" in url(at) and link_matches_address()
    at.segmented_control(key="w_sc_ahead").set_value(3).run()  # the year
    assert url(at)["sc_ahead"] == "3" and link_matches_address()
    at.segmented_control(key="w_sc_axis").set_value("growth").run()  # the scatter's axis
    assert url(at)["sc_axis"] == "growth" and link_matches_address()
    at.button(key="sc_reset").click().run()
    assert url(at) == {"sc_ahead": "3", "sc_axis": "growth"} and link_matches_address()
