"""Every control is the URL contract's: each parameter is set by the widget its page declares,
offering what a link may carry; a link at either end of any parameter's range opens on it, says
nothing and keeps it; and Reset undoes exactly what a link can set. Parametrised over the pages'
declarations (dashboard/session/pages/), so a new parameter is tested without a new test."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.cache import shared
from dashboard.formatting.language import ENGLISH
from dashboard.navigation import PAGE_BY_NAME, PAGES
from dashboard.session.pages import STATES
from dashboard.session.pages.remittances import RemittancesState
from dashboard.session.state import PARAMS, slider_range
from tests.app.conftest import url

WIDGETS = [param for param in PARAMS if param.widget]
RESETS = {"remittances": "preset_reset", "scenarios": "sc_reset"}  # each page's Reset button


def page_of(param) -> str:
    return param.page or "trade"  # the shared filters: on the page that uses all three


def widget_of(at, param):
    """The one widget of the declared kind that sets `param` (key w_<name>, or w_<name>-<unit> for
    one whose labels follow the units)."""
    found = [
        widget
        for widget in getattr(at, param.widget)
        if widget.key == f"w_{param.name}" or str(widget.key).startswith(f"w_{param.name}-")
    ]
    assert len(found) == 1, f"{param.name}: {len(found)} {param.widget} widgets"
    return found[0]


def shown(widget, param):
    """The widget's value in the view's form (multi-choice widgets give lists)."""
    value = widget.value
    return tuple(value) if param.kind in ("subset", "years") else value


def default_projection_bases() -> tuple[str, str]:
    """The first and last figure the projection's base box offers for its default year."""
    projections = shared.trade_frames(ENGLISH).projections
    bases = projections[max(projections)].bases["figure_id"]
    return str(bases.iloc[0]), str(bases.iloc[-1])


FROM_DATA = {"proj_base": default_projection_bases}  # parameters whose ends only the data knows


def ends_of(open_app, param):
    """Both ends of what a link may set: the declared range, or for a year box the first and last
    year it offers (its page's own data), or for a figure the data's first and last."""
    if param.kind == "year":
        options = widget_of(open_app(page_of(param)), param).options
        return int(options[0]), int(options[-1])
    if param.ends is None:
        return FROM_DATA[param.name]()
    return param.ends(shared.year_bounds().years)


def test_every_parameter_belongs_to_a_page_and_every_page_state_to_the_navigation():
    assert {state.page for state in STATES} <= set(PAGE_BY_NAME) | {""}
    assert {param.page for param in PARAMS} <= set(PAGE_BY_NAME) | {""}
    assert {param.name for param in PARAMS if param.ends is None} == set(FROM_DATA)


def test_every_kind_of_control_is_covered():
    kinds = {param.widget for param in PARAMS}
    assert kinds >= {"slider", "selectbox", "segmented_control", "pills", "radio", "multiselect", "text_input"}


@pytest.mark.parametrize("param", WIDGETS, ids=lambda p: p.name)
def test_the_widget_offers_what_the_link_accepts(open_app, param):
    at = open_app(page_of(param))
    widget = widget_of(at, param)
    if param.widget == "slider" and param.range is not None:
        assert (widget.min, widget.max, widget.step) == (param.range.low, param.range.high, param.range.step)
    elif param.range is not None:  # a whole number shown as buttons: one per value
        assert len(widget.options) == len(param.range.steps())
    if param.options:
        assert len(widget.options) == len(param.options)


@pytest.mark.parametrize("param", PARAMS, ids=lambda p: p.name)
def test_a_link_at_either_end_of_the_range_opens_on_it_and_keeps_it(open_app, param):
    page = page_of(param)
    ends = ends_of(open_app, param)
    assert ends[0] != ends[1]
    for end in ends:
        text = param.dump(end)
        at = open_app(page, **{param.name: text})
        assert not at.exception, f"{param.name}={text}"
        assert not [w.value for w in at.warning if "The link's" in w.value], f"{param.name}={text} was repaired"
        if param.widget:
            assert shown(widget_of(at, param), param) == end
        if end != param.default_for(shared.year_bounds().years):
            assert url(at)[param.name] == text
        else:
            assert param.name not in url(at)


def test_a_value_past_the_range_is_brought_to_its_end_and_said(open_app):
    limits = slider_range("rem_ruble")
    at = open_app("remittances", rem_ruble=f"{limits.high + 5:g}")
    assert at.slider(key="w_rem_ruble").value == limits.high
    assert any("rem_ruble" in warning.value for warning in at.warning)


@pytest.mark.parametrize("page", ["products", "partners"])
def test_a_year_outside_the_pages_own_data_is_repaired_and_said(open_app, page):
    param = next(p for p in PARAMS if p.page == page and p.kind == "year")
    first = int(widget_of(open_app(page), param).options[0])
    at = open_app(page, **{param.name: str(first - 1)})
    warnings = [w.value for w in at.warning if f"`{param.name}`" in w.value]
    assert len(warnings) == 1 and "data's years" in warnings[0]
    assert param.name not in url(at)


@pytest.mark.parametrize("page", sorted(RESETS))
def test_reset_undoes_every_value_a_link_can_set(open_app, page):
    state = next(s for s in STATES if s.page == page)
    reset = state.defaults()
    moved = {name: slider_range(name) for name in reset}
    query = {name: f"{limits.low + limits.step:g}" for name, limits in moved.items()}
    at = open_app(page, **query)
    assert {name: url(at)[name] for name in reset} == query
    at.button(key=RESETS[page]).click().run()
    assert not set(reset) & set(url(at))
    for name, value in reset.items():
        if value is not None:  # None: the data's own value (the latest published share)
            assert at.slider(key=f"w_{name}").value == value


def test_a_preset_resets_the_ruble_and_sets_change_and_share(open_app):
    at = open_app("remittances", rem_ruble="-20")
    preset = next(button for button in at.button if button.key.startswith("preset_") and button.key != "preset_reset")
    preset.click().run()
    assert at.slider(key="w_rem_ruble").value == RemittancesState.defaults("rem_ruble")["rem_ruble"]
    assert "rem_ruble" not in url(at) and "rem_russia" in url(at)


def test_the_page_list_is_the_navigation_and_each_script_exists():
    root = Path(__file__).resolve().parents[2] / "dashboard"
    assert PAGES[0].name == "overview" and sum(page.default for page in PAGES) == 1
    assert all((root / page.script).is_file() for page in PAGES)
