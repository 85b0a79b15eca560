"""The Scenarios page's part of the URL contract: its drivers, the year ahead and up to three named scenarios."""

from __future__ import annotations

from dashboard.formatting.language import ENGLISH
from dashboard.session.pages.remittances import RemittancesState
from dashboard.session.pages.scenarios import MAX_SAVED, ScenariosState
from dashboard.session.state import read_link, to_query

YEARS = (1993, 2025)


def parse_query(query):
    state, repairs = read_link(query, {"": YEARS})
    return state.of(ScenariosState), repairs


def test_drivers_and_named_scenarios_are_read_from_the_link():
    query = {"sc_growth": "-3", "sc_ruble": "-25", "sc_saved": "Deep cut:-3,-25,0; Mild : -1,-5,10"}
    view, repairs = parse_query(query)
    assert repairs == []
    assert (view.sc_growth, view.sc_ruble, view.sc_migrants) == (-3.0, -25.0, 0.0)
    assert view.sc_saved == (("Deep cut", -3.0, -25.0, 0.0, 1), ("Mild", -1.0, -5.0, 10.0, 1))
    assert view.sc_ahead == 1  # a link from before the year could be chosen: the next year, as it always meant
    state, _ = read_link(query, {"": YEARS})
    assert to_query(state, ScenariosState, YEARS)["sc_saved"] == "Deep cut:-3,-25,0;Mild:-1,-5,10"
    assert "sc_saved" not in to_query(state, RemittancesState, YEARS)  # another page's link carries none


def test_a_number_past_its_slider_is_brought_to_the_end_and_reported():
    view, repairs = parse_query({"sc_saved": "Crash:-30,-25,0"})
    assert view.sc_saved == (("Crash", -15.0, -25.0, 0.0, 1),)  # Russia's growth stops at −15
    assert [r.param for r in repairs] == ["sc_saved"] and "outside -15..10" in repairs[0].reason
    assert repairs[0].used == "Crash:-15,-25,0"


def test_unreadable_repeated_and_surplus_items_are_dropped_and_reported():
    text = "A:1,1,1;no numbers;A:2,2,2;B:x,1,1;C:1,2,3;D:0,0,0;E:0,0,0"
    view, repairs = parse_query({"sc_saved": text})
    assert [saved[0] for saved in view.sc_saved] == ["A", "C", "D"]  # the first three that could be read
    assert len(view.sc_saved) == MAX_SAVED and len(repairs) == 1
    assert "NAME:GROWTH,RUBLE,MIGRANTS" in repairs[0].reason


def test_a_link_with_nothing_usable_falls_back_to_no_scenarios_and_says_so():
    view, repairs = parse_query({"sc_saved": "<script>:1,2,3", "sc_ruble": "weak"})
    assert view.sc_saved == () and view.sc_ruble == 0.0
    assert {r.param for r in repairs} == {"sc_saved", "sc_ruble"}
    assert "showing the default (none)" in next(r.message(ENGLISH) for r in repairs if r.param == "sc_saved")


def test_the_year_ahead_is_read_clamped_and_written_only_when_not_the_next():
    view, repairs = parse_query({"sc_ahead": "3"})
    assert view.sc_ahead == 3 and repairs == []
    view, repairs = parse_query({"sc_ahead": "7"})
    assert view.sc_ahead == 3 and repairs[0].used == "3" and "outside 1..3" in repairs[0].reason
    view, repairs = parse_query({"sc_ahead": "next"})
    assert view.sc_ahead == 1 and "showing the default (1)" in repairs[0].message(ENGLISH)
    state, _ = read_link({"sc_ahead": "1"}, {"": YEARS})
    assert to_query(state, ScenariosState, YEARS) == {}


def test_a_saved_scenario_carries_its_year_ahead_and_keeps_old_links_as_they_were():
    text = "Now:-3,-25,0;Later:-3,-25,0,3;Far:-1,-5,0,9"
    view, repairs = parse_query({"sc_saved": text})
    assert view.sc_saved == (
        ("Now", -3.0, -25.0, 0.0, 1),
        ("Later", -3.0, -25.0, 0.0, 3),
        ("Far", -1.0, -5.0, 0.0, 3),  # 9 years ahead is brought to the last one offered
    )
    assert [r.param for r in repairs] == ["sc_saved"] and "outside 1..3" in repairs[0].reason
    state, _ = read_link({"sc_saved": "Now:-3,-25,0;Later:-3,-25,0,3"}, {"": YEARS})
    assert to_query(state, ScenariosState, YEARS)["sc_saved"] == "Now:-3,-25,0;Later:-3,-25,0,3"
    view, repairs = parse_query({"sc_saved": "Odd:1,2,3,1.5"})
    assert view.sc_saved == () and "cannot be read" in repairs[0].reason
