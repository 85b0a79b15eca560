"""Colours a reader must tell apart stay apart for colour-blind readers, and stand out from the page.

Each palette that shares one chart is checked in normal vision and under simulated
deuteranopia, protanopia and tritanopia (colorspacious, full severity): every pair stays at
least MIN_DISTANCE apart in CAM02-UCS, a perceptual space where ~10 is a clearly visible step;
every colour reaches 3:1 against the white page (WCAG 2.1 for graphical objects). Charts with
more series than a palette can keep apart name each line at its end as well (charts/partners.py).
"""

import itertools

import numpy as np
import pytest
from colorspacious import cspace_convert

from dashboard.charts.partners import COUNTRY_COLORS, PARTNER_COLORS, REST_COLOR
from dashboard.charts.theme import MEASURE_COLORS, MEASURE_DASHES, SIDE_COLORS, SIDE_DASHES

VISIONS = ("normal", "deuteranomaly", "protanomaly", "tritanomaly")
PALETTES = {
    "reporter sides": (SIDE_COLORS, 20.0),
    "trade measures": (MEASURE_COLORS, 20.0),
    "Central Asian countries": (COUNTRY_COLORS, 15.0),
    "Tajikistan's five largest partners and the rest": (
        {
            **{k: PARTNER_COLORS[k] for k in ("Russia", "Kazakhstan", "China", "Uzbekistan", "Turkey")},
            "Rest": REST_COLOR,
        },
        15.0,
    ),
}


def srgb(hex_color: str) -> np.ndarray:
    return np.array([int(hex_color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)])


def seen(hex_color: str, vision: str) -> np.ndarray:
    rgb = srgb(hex_color)
    if vision != "normal":
        rgb = np.clip(cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}, "sRGB1"), 0, 1)
    return cspace_convert(rgb, "sRGB1", "CAM02-UCS")


def contrast_on_white(hex_color: str) -> float:
    channels = srgb(hex_color)
    linear = np.where(channels <= 0.03928, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


@pytest.mark.parametrize("name", list(PALETTES))
def test_every_pair_stays_apart_in_every_vision(name):
    palette, minimum = PALETTES[name]
    for (a, color_a), (b, color_b) in itertools.combinations(palette.items(), 2):
        for vision in VISIONS:
            distance = float(np.linalg.norm(seen(color_a, vision) - seen(color_b, vision)))
            assert distance >= minimum, f"{a} and {b} in {vision}: {distance:.1f}"


@pytest.mark.parametrize("name", list(PALETTES))
def test_every_colour_stands_out_from_the_page(name):
    for series, color in PALETTES[name][0].items():
        assert contrast_on_white(color) >= 3.0, f"{series} {color}: {contrast_on_white(color):.2f}"


def test_the_old_red_and_green_would_fail():
    """The check can fail: Russia red beside the old Tajikistan green merges for deuteranopes."""
    distance = float(np.linalg.norm(seen("#B3261E", "deuteranomaly") - seen("#1B7F4B", "deuteranomaly")))
    assert distance < 20.0


def test_competing_series_have_a_second_channel():
    assert len({tuple(d) for d in SIDE_DASHES.values()}) == len(SIDE_DASHES) and set(SIDE_DASHES) == set(SIDE_COLORS)
    assert len({tuple(d) for d in MEASURE_DASHES.values()}) == len(MEASURE_DASHES)
    assert set(MEASURE_DASHES) == set(MEASURE_COLORS)


def test_captions_reach_aa_contrast():
    """Streamlit draws captions in the theme's text colour at 60% on the page: that must reach 4.5:1."""
    import tomllib
    from pathlib import Path

    theme = tomllib.loads((Path(__file__).parents[2] / ".streamlit" / "config.toml").read_text())["theme"]
    text, page = srgb(theme["textColor"]), srgb(theme["backgroundColor"])
    caption = 0.6 * text + 0.4 * page
    assert contrast_on_white("#" + "".join(f"{round(c * 255):02x}" for c in caption)) >= 4.5
