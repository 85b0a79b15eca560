"""Each slider is the URL contract's: its limits and step are state.PARAMS', so a link can hold
only what a slider can show, and Reset undoes exactly what a link can set."""

from __future__ import annotations

import pytest

from dashboard.navigation import PAGE_BY_NAME, PAGES
from dashboard.session.state import PARAMS, REMITTANCE_SCENARIO, ViewState, defaults, slider_range
from tests.app.conftest import url

RANGED = [param for param in PARAMS if param.range is not None]


def test_every_slider_parameter_belongs_to_a_page():
    assert {param.page for param in RANGED} <= set(PAGE_BY_NAME)
    assert {param.page for param in PARAMS} <= set(PAGE_BY_NAME) | {""}


@pytest.mark.parametrize("param", RANGED, ids=lambda p: p.name)
def test_the_slider_offers_the_range_the_link_accepts(open_app, param):
    at = open_app(param.page)
    slider = at.slider(key=f"w_{param.name}")
    assert (slider.min, slider.max, slider.step) == (param.range.low, param.range.high, param.range.step)


@pytest.mark.parametrize("param", RANGED, ids=lambda p: p.name)
def test_a_link_at_either_end_of_the_range_opens_on_it_and_keeps_it(open_app, param):
    for end in (param.range.low, param.range.high):
        text = param.dump(end)
        at = open_app(param.page, **{param.name: text})
        assert at.slider(key=f"w_{param.name}").value == end
        assert not at.warning, f"{param.name}={text} was reported as a repair"
        if end != getattr(ViewState(years=(2000, 2020)), param.name):
            assert url(at)[param.name] == text


def test_a_value_past_the_range_is_brought_to_its_end_and_said(open_app):
    limits = slider_range("rem_ruble")
    at = open_app("remittances", rem_ruble=f"{limits.high + 5:g}")
    assert at.slider(key="w_rem_ruble").value == limits.high
    assert any("rem_ruble" in warning.value for warning in at.warning)


def test_reset_undoes_every_scenario_value_a_link_can_set(open_app):
    moved = {name: slider_range(name) for name in REMITTANCE_SCENARIO}
    query = {name: f"{limits.low + limits.step:g}" for name, limits in moved.items()}
    at = open_app("remittances", **query)
    assert {name: url(at)[name] for name in REMITTANCE_SCENARIO} == query
    at.button(key="preset_reset").click().run()
    assert not set(REMITTANCE_SCENARIO) & set(url(at))
    for name, value in defaults(*REMITTANCE_SCENARIO).items():
        if value is not None:  # None: the data's own value (the latest published share)
            assert at.slider(key=f"w_{name}").value == value


def test_the_page_list_is_the_navigation_and_each_script_exists():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "dashboard"
    assert PAGES[0].name == "overview" and sum(page.default for page in PAGES) == 1
    assert all((root / page.script).is_file() for page in PAGES)
