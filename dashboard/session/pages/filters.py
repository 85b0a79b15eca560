"""The filters every page shares, in the sidebar: years, whose figures, units."""

from __future__ import annotations

from dashboard.formatting import UNITS as UNIT_SCALES
from dashboard.session.params import PageState, Years, choice, subset, year_span

SIDES = ("russia", "tajikistan", "other")
UNITS = tuple(UNIT_SCALES)


class Filters(PageState, page=""):
    """Read against the trade data's years, when a session opens its link."""

    years: Years = year_span(within="the data", example=(2000, 2020), says="Years shown on every chart")
    reporters: tuple[str, ...] = subset(
        SIDES,
        noun="reporter",
        empty=False,
        widget="multiselect",
        example=("russia", "tajikistan"),
        says="Whose figures are shown: each country's own statistics and officials, or media and unattributed figures",
    )
    units: str = choice(
        UNITS, default="busd", widget="radio", example="musd", says="Units for values: US$ billion or US$ million"
    )
