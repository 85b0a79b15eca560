"""Every slider's numbers follow the language (session.binding.bound_slider): a Russian page's
thumbs and ends read "+0,0 %", "−60,0 %" (CLDR "ru"), an English page's "+0.0%" as before, and
the slider holds, moves and links the same numbers in both."""

import pytest

from dashboard.session.state import PARAMS
from tests.app.conftest import url

NB = "\u00a0"
SLIDERS = [param for param in PARAMS if param.widget == "slider" and param.range is not None]
PAGE = {param.name: param.page or "trade" for param in SLIDERS}


def shown(widget) -> str:
    """The label the thumb shows for a select slider's value."""
    return widget.proto.options[widget.proto.default[0]] if not widget.proto.raw_value else widget.proto.raw_value[0]


def test_a_russian_slider_shows_its_values_as_russian_numbers(open_app):
    at = open_app("scenarios", lang="ru", sc_ruble="-25.5")
    ruble = at.select_slider(key="w_sc_ruble-ru")
    assert ruble.value == -25.5
    assert (ruble.options[0], ruble.options[-1]) == (f"−60,0{NB}%", f"+60,0{NB}%")  # the ends
    assert f"+0,0{NB}%" in ruble.options
    assert ruble.format_func(ruble.value) == f"−25,5{NB}%"  # the thumb
    assert at.select_slider(key="w_sc_migrants-ru").options[:2] == [f"−50{NB}%", f"−49{NB}%"]  # whole percent
    at = open_app("remittances", lang="ru")
    assert at.select_slider(key="w_rem_mult-ru").format_func(1.0) == "1,0"
    assert at.select_slider(key="w_rem_share-ru").options[:2] == [f"0,0{NB}%", f"0,1{NB}%"]


def test_an_english_slider_is_the_number_slider_it_was(open_app):
    at = open_app("scenarios", sc_ruble="-25.5")
    ruble = at.slider(key="w_sc_ruble")
    assert (ruble.min, ruble.max, ruble.step, ruble.value) == (-60.0, 60.0, 0.1, -25.5)
    assert ruble.proto.format == "%+.1f%%" and ruble.proto.format % 0.0 == "+0.0%"
    assert not at.select_slider


@pytest.mark.parametrize("param", SLIDERS, ids=lambda p: p.name)
def test_each_slider_offers_in_russian_exactly_the_values_a_link_may_carry(open_app, param):
    at = open_app(PAGE[param.name], lang="ru")
    assert not at.exception
    found = [w for w in [*at.slider, *at.select_slider] if str(w.key).startswith(f"w_{param.name}")]
    assert len(found) == 1
    widget = found[0]
    if widget.type == "slider":  # a whole-number slider whose numbers read alike in Russian keeps its key
        assert widget.key == f"w_{param.name}"
        assert (widget.min, widget.max, widget.step) == (param.range.low, param.range.high, param.range.step)
    else:
        assert widget.key == f"w_{param.name}-ru"
        assert len(widget.options) == len(param.range.grid()) == len(set(widget.options))


def test_moving_a_russian_slider_links_the_same_number_as_english(open_app):
    at = open_app("scenarios", lang="ru")
    at.select_slider(key="w_sc_ruble-ru").set_value(-30.0).run()
    assert url(at) == {"lang": "ru", "sc_ruble": "-30"}
    at.select_slider(key="w_sc_growth-ru").set_value(-1.3).run()
    assert url(at)["sc_growth"] == "-1.3"


def test_a_link_off_the_step_is_repaired_as_in_english(open_app):
    english = open_app("trade", proj_growth="12.345")
    russian = open_app("trade", proj_growth="12.345", lang="ru")
    assert url(english)["proj_growth"] == "12.3" and url(russian)["proj_growth"] == "12.3"
    assert english.slider(key="w_proj_growth").value == russian.select_slider(key="w_proj_growth-ru").value == 12.3
    assert russian.select_slider(key="w_proj_growth-ru").format_func(12.3) == f"+12,3{NB}%"


def test_the_datas_own_growth_shows_at_its_step_and_stays_in_the_view(open_app):
    """The growth a projection starts from is the data's (15.74...): the Russian thumb shows its
    nearest step, as the English printf "%+.1f%%" rounds it; the link keeps no value (the default)."""
    english = open_app("trade", proj_year="2022")
    russian = open_app("trade", proj_year="2022", lang="ru")
    growth = english.slider(key="w_proj_growth").value
    assert russian.select_slider(key="w_proj_growth-ru").value == round(growth, 1)
    assert "proj_growth" not in url(russian) and "proj_growth" not in url(english)
    assert [m.value for m in russian.metric] != [] and not russian.exception
