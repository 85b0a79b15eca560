"""The URL contract: parsing, clamping, repairs, and writing back only what differs."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from dashboard.session.state import (
    EVENT_CATEGORIES,
    GROWTH,
    MAP_LAYERS,
    MAX_ECHO,
    PARAMS,
    RADIUS_KM,
    SIDES,
    Bounds,
    ViewState,
    default_state,
    parse_query,
    safe_echo,
    to_query,
)

BOUNDS = Bounds(1993, 2025)


def test_empty_query_is_the_default_view_with_no_repairs():
    view, repairs = parse_query({}, BOUNDS)
    assert view == ViewState(years=(1993, 2025))
    assert repairs == []
    assert to_query(view, BOUNDS, "trade") == {}


def test_valid_values_are_read():
    view, repairs = parse_query(
        {
            "years": "2000..2010",
            "reporters": "tajikistan",
            "units": "musd",
            "proj_year": "2022",
            "proj_base": "RUTJ-030",
            "proj_growth": "70",
            "flow": "tj_to_ru",
        },
        BOUNDS,
    )
    assert repairs == []
    assert view == ViewState(
        years=(2000, 2010),
        reporters=("tajikistan",),
        units="musd",
        flow="tj_to_ru",
        proj_year=2022,
        proj_base="RUTJ-030",
        proj_growth=70.0,
    )


def test_reversed_year_range_is_put_in_order():
    view, repairs = parse_query({"years": "2010..2000"}, BOUNDS)
    assert view.years == (2000, 2010) and repairs == []


def test_years_beyond_the_data_are_clamped_and_reported():
    view, repairs = parse_query({"years": "1900..2100"}, BOUNDS)
    assert view.years == (1993, 2025)
    assert [r.param for r in repairs] == ["years"]
    assert "1900..2100" in repairs[0].message()


def test_growth_out_of_range_is_clamped_to_the_slider_ends():
    assert parse_query({"proj_growth": "500"}, BOUNDS)[0].proj_growth == GROWTH.high
    assert parse_query({"proj_growth": "-900"}, BOUNDS)[0].proj_growth == GROWTH.low


def test_garbage_falls_back_to_defaults_with_one_repair_each():
    query = {"years": "abc", "units": "parsecs", "proj_growth": "NaN", "proj_year": "20x2", "flow": ""}
    view, repairs = parse_query(query, BOUNDS)
    assert view == default_state(BOUNDS)
    assert sorted(r.param for r in repairs) == sorted(query)


def test_unknown_reporters_are_dropped_and_known_ones_kept():
    view, repairs = parse_query({"reporters": "russia,martians"}, BOUNDS)
    assert view.reporters == ("russia",)
    assert repairs[0].used == "russia"


def test_unknown_parameters_are_ignored():
    view, repairs = parse_query({"utm_source": "mail", "embed": "true"}, BOUNDS)
    assert view == default_state(BOUNDS) and repairs == []


def test_repeated_parameter_uses_the_last_value():
    view, _ = parse_query({"units": ["busd", "musd"]}, BOUNDS)
    assert view.units == "musd"


def test_hostile_values_are_not_echoed_raw():
    hostile = "<script>alert(1)</script>`![x](javascript:alert(1))`\n" + "A" * 500
    _, repairs = parse_query({"proj_base": hostile, "years": hostile}, BOUNDS)
    for repair in repairs:
        message = repair.message()
        shown = message.split("`")[3]  # the value sits in the second code span
        assert len(shown) <= MAX_ECHO
        assert "\n" not in message
        assert message.count("`") == 4  # no backtick from the value can close the code span


def test_safe_echo_replaces_control_characters_and_backticks():
    assert safe_echo("a`b\x00c") == "a'b?c"


def test_radius_snaps_to_its_steps_and_range():
    assert parse_query({"radius": "150"}, BOUNDS)[0].radius == 150
    view, repairs = parse_query({"radius": "155"}, BOUNDS)
    assert view.radius == 160 and repairs[0].used == "160"
    assert parse_query({"radius": "-40"}, BOUNDS)[0].radius == 0
    assert parse_query({"radius": "1e9"}, BOUNDS)[0].radius == RADIUS_KM.high


def test_event_categories_keep_the_known_ones_in_order():
    assert parse_query({"ov_cats": "security,Politics"}, BOUNDS)[0].ov_cats == ("politics", "security")
    view, repairs = parse_query({"ov_cats": "security,gossip"}, BOUNDS)
    assert view.ov_cats == ("security",) and repairs[0].param == "ov_cats"
    view, repairs = parse_query({"ov_cats": "gossip"}, BOUNDS)
    assert view.ov_cats == EVENT_CATEGORIES and "no known category" in repairs[0].message()


def test_layers_keep_the_known_ones_and_may_be_empty():
    assert parse_query({"layers": "coverage,russian"}, BOUNDS)[0].layers == ("russian", "coverage")
    assert parse_query({"layers": ""}, BOUNDS) == (replace(default_state(BOUNDS), layers=()), [])
    view, repairs = parse_query({"layers": "tanks"}, BOUNDS)
    assert view.layers == MAP_LAYERS and repairs[0].param == "layers"


def test_to_query_leaves_out_defaults_and_other_pages_parameters():
    view = replace(default_state(BOUNDS), units="musd", proj_growth=70.0)
    assert to_query(view, BOUNDS, "trade") == {"units": "musd", "proj_growth": "70"}
    assert to_query(replace(view, radius=200), BOUNDS, "border") == {"units": "musd", "radius": "200"}
    assert to_query(view, BOUNDS, "sources") == {"units": "musd"}


def test_every_parameter_has_a_documented_example_that_parses():
    for param in PARAMS:
        view, repairs = parse_query({param.name: param.example}, BOUNDS)
        assert repairs == [], param.name
        assert to_query(view, BOUNDS, param.page or "trade")[param.name] == param.example


years = st.integers(1993, 2025)
views = st.builds(
    lambda a, b, reporters, units, flow, growth, radius, layers: ViewState(
        years=(min(a, b), max(a, b)),
        reporters=tuple(s for s in SIDES if s in reporters) or SIDES,
        units=units,
        flow=flow,
        proj_growth=growth,
        radius=radius,
        layers=tuple(layer for layer in MAP_LAYERS if layer in layers),
    ),
    years,
    years,
    st.sets(st.sampled_from(SIDES), min_size=1),
    st.sampled_from(["busd", "musd"]),
    st.sampled_from(["ru_to_tj", "tj_to_ru"]),
    st.one_of(st.none(), st.floats(GROWTH.low, GROWTH.high).map(lambda g: round(g, 1))),
    st.integers(0, RADIUS_KM.high // 10).map(lambda r: r * 10),
    st.sets(st.sampled_from(MAP_LAYERS)),
)


@given(views)
def test_any_view_survives_a_round_trip_through_its_url(view):
    query = {**to_query(view, BOUNDS, "trade"), **to_query(view, BOUNDS, "border")}
    restored, repairs = parse_query(query, BOUNDS)
    assert repairs == []
    assert restored == view


@given(st.dictionaries(st.sampled_from([p.name for p in PARAMS]), st.text(max_size=60)))
def test_no_query_string_can_break_parsing(query):
    view, repairs = parse_query(query, BOUNDS)
    assert BOUNDS.year_min <= view.years[0] <= view.years[1] <= BOUNDS.year_max
    assert len(repairs) <= len(query)


def test_a_link_the_server_could_not_read_says_so_and_opens_the_defaults():
    view, repairs = parse_query({"unread_link": "1200"}, BOUNDS)
    assert view == parse_query({}, BOUNDS)[0]
    assert len(repairs) == 1
    assert "1,200 parameters" in repairs[0].message() and "default view" in repairs[0].message()


def test_pt_since_is_bounded_by_the_partner_datas_years_not_the_trade_datas():
    bounds = Bounds(1993, 2025, partner_years=(1992, 2020))
    view, repairs = parse_query({"pt_since": "1992"}, bounds)  # before the trade data's first year
    assert view.pt_since == 1992 and repairs == []
    view, repairs = parse_query({"pt_since": "2024"}, bounds)  # within the trade data, after the partner data
    assert view.pt_since == 2000
    assert [r.param for r in repairs] == ["pt_since"] and "1992–2020" in repairs[0].reason
