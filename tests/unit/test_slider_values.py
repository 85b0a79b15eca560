"""A slider's values in the viewer's language (session.binding.bound_slider): the same numbers a
link carries, shown as CLDR writes them. Expected texts worked out by hand from the printf
formats the English pages use and CLDR "ru" (decimal comma, U+00A0 before %, minus U+2212)."""

import pytest

from dashboard.formatting import localized
from dashboard.formatting.language import ENGLISH, RUSSIAN
from dashboard.formatting.localized import PERCENT, PLAIN, SIGNED_PERCENT
from dashboard.session.state import PARAMS, slider_range

NB = "\u00a0"


def labels_of(name, shown, lang):
    limits = slider_range(name)
    return localized.slider_labels(limits.grid(), shown, limits.digits, lang)


SLIDERS = [param for param in PARAMS if param.widget == "slider" and param.range is not None]


@pytest.mark.parametrize(
    ("value", "shown", "digits", "english", "russian"),
    [
        (0.0, SIGNED_PERCENT, 1, "+0.0%", f"+0,0{NB}%"),
        (-25.5, SIGNED_PERCENT, 1, "-25.5%", f"−25,5{NB}%"),
        (12.0, SIGNED_PERCENT, 0, "+12%", f"+12{NB}%"),
        (-50.0, SIGNED_PERCENT, 0, "-50%", f"−50{NB}%"),
        (90.0, PERCENT, 1, "90.0%", f"90,0{NB}%"),
        (100.0, PERCENT, 0, "100%", f"100{NB}%"),
        (1.0, PLAIN, 1, "1.0", "1,0"),
        (150, PLAIN, 0, "150", "150"),
        (1500, PLAIN, 0, "1500", f"1{NB}500"),
    ],
)
def test_a_thumb_reads_as_the_language_writes_numbers(value, shown, digits, english, russian):
    assert localized.slider_value(value, shown, digits, ENGLISH) == english
    assert localized.slider_value(value, shown, digits, RUSSIAN) == russian


@pytest.mark.parametrize(
    ("shown", "digits", "printf"),
    [
        (SIGNED_PERCENT, 1, "%+.1f%%"),
        (SIGNED_PERCENT, 0, "%+.0f%%"),
        (PERCENT, 1, "%.1f%%"),
        (PLAIN, 1, "%.1f"),
        (PLAIN, 0, None),
    ],
)
def test_english_keeps_the_printf_formats_the_pages_gave(shown, digits, printf):
    assert shown.printf(digits) == printf


@pytest.mark.parametrize("param", SLIDERS, ids=lambda p: p.name)
def test_every_offered_value_is_a_value_a_link_reads_back_unchanged(param):
    """No float drift: each grid value is what its link text reads as, exactly, and is on the step."""
    grid = param.range.grid()
    low, high, step = param.range.low, param.range.high, param.range.step
    assert grid[0] == low and grid[-1] == high
    assert len(grid) == round((high - low) / step) + 1
    for value in grid:
        assert type(value) is type(low)  # the view stores a float where it stored one, an int where an int
        assert param.nearest(value) == value
        assert param.parse(param.dump(value), None) == value


def test_the_grid_is_counted_in_decimals():
    grid = slider_range("sc_ruble").grid()  # −60.0 .. 60.0 by 0.1
    assert grid[1] == -59.9 and grid[599] == -0.1 and grid[600] == 0.0 and grid[601] == 0.1 and grid[-1] == 60.0
    assert str(grid[1]) == "-59.9" and str(grid[601]) == "0.1"  # not −59.900000000000006


def test_a_value_off_the_grid_shows_at_its_nearest_step():
    limits = slider_range("proj_growth")  # −100 .. 200 by 0.1: the data's own growth is 15.74
    assert limits.on_grid(15.74) == 15.7
    assert limits.on_grid(999.0) == 200.0 and limits.on_grid(-1e9) == -100.0


def test_russian_labels_every_value_once_and_a_whole_number_slider_stays_a_number_slider():
    labels = labels_of("sc_ruble", SIGNED_PERCENT, RUSSIAN)
    assert labels[0.0] == f"+0,0{NB}%" and labels[-25.5] == f"−25,5{NB}%" and labels[60.0] == f"+60,0{NB}%"
    assert len(set(labels.values())) == len(labels) == 1201  # each label names one value
    assert labels_of("radius", PLAIN, RUSSIAN) is None  # 0..600 km read alike
    assert labels_of("sc_ruble", SIGNED_PERCENT, ENGLISH) is None
