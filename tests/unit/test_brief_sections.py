"""A section of the page redrawn alone (views/redraw.py) replaces its own part of the brief's
record, and nothing else: the brief stays the page on screen."""

from types import SimpleNamespace

import pytest

from dashboard.brief import collect


@pytest.fixture
def session(monkeypatch):
    """collect's session state as a plain dict, as one viewer's session holds it."""
    fake = SimpleNamespace(session_state={})
    monkeypatch.setattr(collect, "st", fake)
    return fake.session_state


def draw_page(drivers: str, charts: int) -> None:
    """A page as a full run draws it: a figure above, a section of `charts` charts, a restricted
    chart in a second section, a closing sentence."""
    collect.begin("Page")
    collect.figure("Above", "1")
    with collect.section("drivers", redrawn=False):
        draw_drivers(drivers, charts)
    with collect.section("record", redrawn=False):
        collect.chart({"mark": "point"}, "Record")
        collect.cited(("S3",), "Source: three", ("Publisher",))
    collect.paragraph("Below")


def draw_drivers(value: str, charts: int) -> None:
    collect.figure("Result", value, source_ids=("S1",))
    collect.paragraph(f"The result is {value}.")
    for n in range(charts):
        collect.chart({"mark": "bar", "n": n}, f"Result chart {n}")
        collect.cited(("S2",), f"Source: two, chart {n}", ())


def test_a_section_redrawn_alone_replaces_its_items_in_place(session):
    draw_page("10", charts=2)
    with collect.section("drivers", redrawn=True):
        draw_drivers("12", charts=2)
    record = session[collect.KEY]
    assert [(f.label, f.value) for f in record.figures] == [("Above", "1"), ("Result", "12")]
    assert record.paragraphs == ["The result is 12.", "Below"]
    assert [c.description for c in record.charts] == ["Result chart 0", "Result chart 1", "Record"]
    assert [c.caption for c in record.charts] == ["Source: two, chart 0", "Source: two, chart 1", "Source: three"]
    assert record.chart_sources == [("S2",), ("S2",), ("S3",)]
    assert record.figure_sources == ["S1"]
    assert record.restricted == {2: ("Publisher",)}  # the record chart's, where it still is


def test_sections_after_one_that_changed_size_move_with_it(session):
    draw_page("10", charts=2)
    with collect.section("drivers", redrawn=True):
        draw_drivers("12", charts=0)  # two charts fewer
    record = session[collect.KEY]
    assert [c.description for c in record.charts] == ["Record"]
    assert record.restricted == {0: ("Publisher",)}
    with collect.section("record", redrawn=True):  # the next section still finds its own items
        collect.chart({"mark": "point"}, "Record again")
        collect.cited(("S4",), "Source: four", ())
    assert [c.description for c in record.charts] == ["Record again"]
    assert record.chart_sources == [("S4",)] and record.restricted == {}
    with collect.section("drivers", redrawn=True):
        draw_drivers("13", charts=3)
    assert [c.description for c in record.charts] == [
        "Result chart 0",
        "Result chart 1",
        "Result chart 2",
        "Record again",
    ]
    assert record.paragraphs == ["The result is 13.", "Below"]


def test_a_redraw_that_stops_halfway_changes_nothing(session):
    draw_page("10", charts=1)
    with pytest.raises(RuntimeError), collect.section("drivers", redrawn=True):
        collect.figure("Result", "99")
        raise RuntimeError("a rerun of the whole page")
    record = session[collect.KEY]
    assert session[collect.KEY] is record
    assert [(f.label, f.value) for f in record.figures] == [("Above", "1"), ("Result", "10")]


def test_the_brief_after_a_redraw_is_the_page_on_screen(session):
    draw_page("10", charts=2)
    with collect.section("drivers", redrawn=True):
        draw_drivers("12", charts=2)
    brief = collect.snapshot("http://link", "the view", None)
    assert [(f.label, f.value) for f in brief.figures] == [("Above", "1"), ("Result", "12")]
    assert [c.description for c in brief.charts] == ["Result chart 0", "Result chart 1"]  # the restricted left out
    assert brief.left_out and "Publisher" in brief.left_out[0]
