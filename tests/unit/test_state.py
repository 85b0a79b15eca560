"""The URL contract: parsing, clamping, repairs, and writing back only what differs, page by page."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.formatting.language import ENGLISH, RUSSIAN
from dashboard.session.pages import STATES
from dashboard.session.pages.border import MAP_LAYERS, RADIUS_KM, BorderState
from dashboard.session.pages.filters import LANGUAGE_CODES, SIDES, Filters, read_language
from dashboard.session.pages.overview import EVENT_CATEGORIES, OverviewState
from dashboard.session.pages.partners import PartnersState
from dashboard.session.pages.products import ProductsState
from dashboard.session.pages.remittances import RemittancesState
from dashboard.session.pages.scenarios import MAX_SAVED, SAVED_NAME, ScenariosState
from dashboard.session.pages.trade import GROWTH, TradeState
from dashboard.session.params import MAX_ECHO, Range, safe_echo, slider
from dashboard.session.readers import Invalid
from dashboard.session.state import PARAMS, open_link, read_link, read_page, state_of, to_query, view_in_words

YEARS = (1993, 2025)
SPANS = {"": YEARS, "trade": YEARS, "products": (1996, 2024), "partners": (1992, 2020)}


def read(query, spans=SPANS):
    return read_link(query, spans)


def view_of(page, query, spans=SPANS):
    state, repairs = read(query, spans)
    return state.of(page), repairs


def test_empty_query_is_the_default_view_with_no_repairs():
    state, repairs = read({})
    assert repairs == []
    assert state.of(TradeState) == TradeState(years=YEARS)
    assert state.of(BorderState).radius == 100 and state.of(BorderState).layers == MAP_LAYERS
    assert all(to_query(state, page, YEARS) == {} for page in STATES)


def test_valid_values_are_read():
    view, repairs = view_of(
        TradeState,
        {
            "years": "2000..2010",
            "reporters": "tajikistan",
            "units": "musd",
            "proj_year": "2022",
            "proj_base": "RUTJ-030",
            "proj_growth": "70",
            "flow": "tj_to_ru",
        },
    )
    assert repairs == []
    assert view == TradeState(
        years=(2000, 2010),
        reporters=("tajikistan",),
        units="musd",
        flow="tj_to_ru",
        proj_year=2022,
        proj_base="RUTJ-030",
        proj_growth=70.0,
    )


def test_reversed_year_range_is_put_in_order():
    view, repairs = view_of(Filters, {"years": "2010..2000"})
    assert view.years == (2000, 2010) and repairs == []


def test_years_beyond_the_data_are_clamped_and_reported():
    view, repairs = view_of(Filters, {"years": "1900..2100"})
    assert view.years == (1993, 2025)
    assert [r.param for r in repairs] == ["years"]
    assert "1900..2100" in repairs[0].message(ENGLISH)


def test_growth_out_of_range_is_clamped_to_the_slider_ends():
    assert view_of(TradeState, {"proj_growth": "500"})[0].proj_growth == GROWTH.high
    assert view_of(TradeState, {"proj_growth": "-900"})[0].proj_growth == GROWTH.low


def test_garbage_falls_back_to_defaults_with_one_repair_each():
    query = {"years": "abc", "units": "parsecs", "proj_growth": "NaN", "proj_year": "20x2", "flow": ""}
    view, repairs = view_of(TradeState, query)
    assert view == TradeState(years=YEARS)
    assert sorted(r.param for r in repairs) == sorted(query)


def test_unknown_reporters_are_dropped_and_known_ones_kept():
    view, repairs = view_of(Filters, {"reporters": "russia,martians"})
    assert view.reporters == ("russia",)
    assert repairs[0].used == "russia"
    view, repairs = view_of(Filters, {"reporters": ""})
    assert view.reporters == SIDES and "names no reporter" in repairs[0].reason


def test_unknown_parameters_are_ignored():
    state, repairs = read({"utm_source": "mail", "embed": "true"})
    assert repairs == [] and state.values == read({})[0].values
    assert all(to_query(state, page, YEARS) == {} for page in STATES)


def test_repeated_parameter_uses_the_last_value():
    view, _ = view_of(Filters, {"units": ["busd", "musd"]})
    assert view.units == "musd"


def test_hostile_values_are_not_echoed_raw():
    hostile = "<script>alert(1)</script>`![x](javascript:alert(1))`\n" + "A" * 500
    _, repairs = read({"proj_base": hostile, "years": hostile})
    assert len(repairs) == 2
    for repair in repairs:
        message = repair.message(ENGLISH)
        shown = message.split("`")[3]  # the value sits in the second code span
        assert len(shown) <= MAX_ECHO
        assert "\n" not in message
        assert message.count("`") == 4  # no backtick from the value can close the code span


def test_safe_echo_replaces_control_characters_and_backticks():
    assert safe_echo("a`b\x00c") == "a'b?c"


def test_radius_snaps_to_its_steps_and_range():
    assert view_of(BorderState, {"radius": "150"})[0].radius == 150
    view, repairs = view_of(BorderState, {"radius": "155"})
    assert view.radius == 160 and repairs[0].used == "160" and "multiple of 10 km" in repairs[0].reason
    assert view_of(BorderState, {"radius": "-40"})[0].radius == 0
    assert view_of(BorderState, {"radius": "1e9"})[0].radius == RADIUS_KM.high


def test_event_categories_keep_the_known_ones_in_order():
    assert view_of(OverviewState, {"ov_cats": "security,Politics"})[0].ov_cats == ("politics", "security")
    view, repairs = view_of(OverviewState, {"ov_cats": "security,gossip"})
    assert view.ov_cats == ("security",) and repairs[0].param == "ov_cats"
    view, repairs = view_of(OverviewState, {"ov_cats": "gossip"})
    assert view.ov_cats == EVENT_CATEGORIES and "no known category" in repairs[0].message(ENGLISH)


def test_layers_keep_the_known_ones_and_may_be_empty():
    assert view_of(BorderState, {"layers": "coverage,russian"})[0].layers == ("russian", "coverage")
    assert view_of(BorderState, {"layers": ""}) == (BorderState(years=YEARS, layers=()), [])
    view, repairs = view_of(BorderState, {"layers": "tanks"})
    assert view.layers == MAP_LAYERS and repairs[0].param == "layers"


def test_to_query_leaves_out_defaults_and_other_pages_parameters():
    state, _ = read({"units": "musd", "proj_growth": "70", "radius": "200"})
    assert to_query(state, TradeState, YEARS) == {"units": "musd", "proj_growth": "70"}
    assert to_query(state, BorderState, YEARS) == {"units": "musd", "radius": "200"}
    assert to_query(state, state_of("sources"), YEARS) == {"units": "musd"}


def test_every_parameter_has_a_documented_example_that_parses():
    for param in PARAMS:
        state, repairs = read({param.name: param.dump(param.example)})
        assert repairs == [], param.name
        page = state_of(param.page)
        assert to_query(state, page, YEARS)[param.name] == param.dump(param.example)


def test_a_link_the_server_could_not_read_says_so_and_opens_the_defaults():
    state, repairs = read({"unread_link": "1200"})
    assert state == read({})[0]  # the notice itself is no parameter of the view
    assert len(repairs) == 1
    assert "1,200 parameters" in repairs[0].message(ENGLISH) and "default view" in repairs[0].message(ENGLISH)


def test_pt_since_is_bounded_by_the_partner_datas_years_not_the_trade_datas():
    view, repairs = view_of(PartnersState, {"pt_since": "1992"})  # before the trade data's first year
    assert view.pt_since == 1992 and repairs == []
    view, repairs = view_of(PartnersState, {"pt_since": "2024"})  # within the trade data, after the partner data
    assert view.pt_since == 2000
    assert [r.param for r in repairs] == ["pt_since"] and "1992–2020" in repairs[0].reason


def test_prod_year_is_bounded_by_the_product_datas_years():
    view, repairs = view_of(ProductsState, {"prod_year": "2024"})
    assert view.prod_year == 2024 and repairs == []
    view, repairs = view_of(ProductsState, {"prod_year": "1994"})  # a trade year, before the product data
    assert view.prod_year is None  # the data's default: the page picks the latest breakdown
    assert "the product data's years (1996–2024)" in repairs[0].reason
    view, repairs = view_of(ProductsState, {"prod_year": "2001"}, {**SPANS, "products": None})
    assert view.prod_year is None and "the product data has none" in repairs[0].reason


def test_a_pages_years_are_read_when_it_first_asks_and_everything_else_on_opening():
    state, repairs = open_link({"years": "2000..2010", "radius": "155", "pt_since": "1991", "pt_top": "99"}, YEARS)
    assert [r.param for r in repairs] == ["radius", "pt_top"]  # said on the first page shown
    assert state.of(BorderState).radius == 160
    assert not state.has_read(PartnersState)  # its year waits for the partner data's years
    assert to_query(state, PartnersState, YEARS) == {"years": "2000..2010", "pt_top": "10", "pt_since": "1991"}
    state, repairs = read_page(state, PartnersState, (1992, 2020))
    assert [r.param for r in repairs] == ["pt_since"] and "1992–2020" in repairs[0].reason
    assert to_query(state, PartnersState, YEARS) == {"years": "2000..2010", "pt_top": "10"}
    assert read_page(state, PartnersState, (1992, 2020)) == (state, [])  # read once: said once


def test_view_in_words_names_the_years_and_every_setting_shown():
    state, _ = read({"years": "2010..2020", "radius": "150"})
    query = to_query(state, BorderState, YEARS)
    assert view_in_words(state, query, ENGLISH) == "Years 2010–2020; radius 150"
    assert view_in_words(read({})[0], {}, ENGLISH) == "Years 1993–2025; every other setting at its default"


def test_the_view_in_russian_words():
    state, _ = read({"years": "2010..2020", "radius": "150", "lang": "ru"})
    query = to_query(state, BorderState, YEARS)
    assert query["lang"] == "ru"
    # the language is the brief's own: not listed; the years as a Russian reader reads a range
    assert view_in_words(state, query, RUSSIAN) == "Годы: 2010–2020; radius 150"
    assert view_in_words(read({})[0], {}, RUSSIAN) == "Годы: 1993–2025; остальные настройки — по умолчанию"


def test_reset_and_presets_read_the_declarations():
    assert RemittancesState.defaults() == {
        "rem_russia": 0.0,
        "rem_ruble": 0.0,
        "rem_pass": 100.0,
        "rem_share": None,
        "rem_mult": 1.0,
    }
    assert ScenariosState.defaults() == {"sc_growth": 0.0, "sc_ruble": 0.0, "sc_migrants": 0.0}
    # a preset's number goes through the slider's gate, as a link's would: −21.74% is shown as −21.7%
    assert ScenariosState.clamped(sc_growth=-21.74, sc_ruble=-70.0) == {"sc_growth": -15.0, "sc_ruble": -60.0}
    assert ScenariosState.clamped(sc_ruble=-21.74) == {"sc_ruble": -21.7}
    assert BorderState.clamped(radius=155) == {"radius": 160}


def test_a_new_parameter_is_one_field_in_its_pages_class():
    """What a newcomer writes: one field. Reading, repairs and writing back follow from it."""

    class Demo(Filters, page="demo"):
        demo_level: float = slider(Range(0.0, 5.0, 0.5), default=2.0, example=1.5, says="A demo level")

    state, _ = open_link({"demo_level": "9"}, YEARS)
    state, repairs = read_page(state, Demo)
    assert state.of(Demo).demo_level == 5.0
    assert repairs[0].message(ENGLISH) == "The link's `demo_level` value `9` lies outside 0..5; showing 5 instead."
    assert to_query(state, Demo, YEARS) == {"demo_level": "5"}
    assert Demo.param("demo_level").fmt == "% (0..5)" and Demo.demo_level == 2.0


# ---------------------------------------------------------------------------------------------
# Round trips: any value any page's controls can set survives its link (every page, every field)


def in_steps(limits: Range) -> st.SearchStrategy[float]:
    return st.integers(round(limits.low / limits.step), round(limits.high / limits.step)).map(
        lambda k: round(k * limits.step, limits.digits)
    )


def values_of(param, years) -> st.SearchStrategy:
    """Every value the parameter's control can set, drawn from its declaration."""
    if param.kind == "number":
        chosen = in_steps(param.range).map(int) if param.whole else in_steps(param.range)
    elif param.kind == "choice":
        chosen = st.sampled_from(param.options)
    elif param.kind == "subset":
        least = param.ends(years)[0]
        chosen = st.sets(st.sampled_from(param.options), min_size=len(least)).map(
            lambda picked: tuple(o for o in param.options if o in picked)
        )
    elif param.kind == "year":
        chosen = st.integers(*years)
    elif param.kind == "years":
        chosen = st.tuples(st.integers(*years), st.integers(*years)).map(lambda pair: tuple(sorted(pair)))
    elif param.kind == "text":
        chosen = st.text("abcXYZ019 .,;'-", max_size=40).map(str.strip)
    elif param.kind == "id":
        chosen = st.from_regex(r"[A-Za-z0-9_-]{1,40}", fullmatch=True)
    else:
        chosen = CUSTOM[param.name]
    return st.one_of(st.none(), chosen) if param.default is None and not param.from_data else chosen


def saved_scenarios() -> st.SearchStrategy:
    limits = [ScenariosState.param(name).range for name in ("sc_growth", "sc_ruble", "sc_migrants")]
    names = st.from_regex(SAVED_NAME, fullmatch=True).map(str.strip)
    ahead = in_steps(ScenariosState.param("sc_ahead").range).map(int)
    item = st.tuples(names, *(in_steps(limit) for limit in limits), ahead)
    return st.lists(item, max_size=MAX_SAVED, unique_by=lambda saved: saved[0]).map(tuple)


CUSTOM = {"sc_saved": saved_scenarios(), "lang": st.sampled_from(LANGUAGE_CODES)}


def test_every_custom_parameter_has_a_strategy():
    assert {param.name for param in PARAMS if param.kind == "custom"} == set(CUSTOM)


@st.composite
def page_views(draw):
    """A page and a view of it: every field of the filters and of the page, each anywhere in its range."""
    page = draw(st.sampled_from(STATES))
    values = {param.name: draw(values_of(param, SPANS.get(param.page))) for param in page.all_params()}
    return page, values


@settings(deadline=None)  # no timing in a test: a slow machine is not a failure
@given(page_views())
def test_any_view_of_any_page_survives_a_round_trip_through_its_url(drawn):
    page, values = drawn
    state = read({})[0].changed(**values)
    restored, repairs = read(to_query(state, page, YEARS))
    assert repairs == []
    assert restored.of(page) == state.of(page)


@settings(deadline=None)
@given(st.dictionaries(st.sampled_from([p.name for p in PARAMS]), st.text(max_size=60)))
def test_no_query_string_can_break_parsing(query):
    state, repairs = read(query)
    first, last = state.values["years"]
    assert YEARS[0] <= first <= last <= YEARS[1]
    assert len(repairs) <= len(query)
    assert all(state.of(page) for page in STATES)


def test_a_language_reads_as_people_and_browsers_write_it():
    assert [read_language(text, None) for text in ("ru", "RU", "ru-RU", "ru_RU", " en ")] == ["ru"] * 4 + ["en"]
    with pytest.raises(Invalid, match="is not one of en, ru"):
        read_language("fr", None)
    state, repairs = read({"lang": "ru-RU"})
    assert not repairs and state.of(Filters).language.code == "ru"
    state, repairs = read({"lang": "klingon"})
    assert state.of(Filters).language.code == "en" and [r.param for r in repairs] == ["lang"]


def test_a_repaired_link_is_said_in_russian():
    """The warning's template, the reason and the value used, in Russian (worked out by hand);
    the link's own text and the parameter's name as they are."""
    _, repairs = read({"years": "1900..2100", "radius": "abc", "sc_saved": "Deep cut:-3,-99,0"})
    said = {repair.param: repair.message(RUSSIAN) for repair in repairs}
    assert said["years"] == (
        "Значение `1900..2100` параметра `years` в ссылке выходит за пределы периода, который охватывают "
        "данные (1993–2025); вместо него показано: 1993..2025."
    )
    assert said["radius"] == (
        "Значение `abc` параметра `radius` в ссылке не является числом (км); вместо него показано: "
        "значение по умолчанию (100)."
    )
    assert said["sc_saved"] == (
        "Значение `Deep cut:-3,-99,0` параметра `sc_saved` в ссылке содержит число, которое лежит вне "
        "диапазона -60..60; вместо него показано: Deep cut:-3,-60,0."
    )
    # English: as it always was
    assert {repair.param: repair.message(ENGLISH) for repair in repairs}["radius"] == (
        "The link's `radius` value `abc` is not a number of km; showing the default (100) instead."
    )
