"""How a link's text becomes a value: one reader per kind of parameter (session/params.py
declares which a parameter uses). A reader returns the value, or raises Invalid saying why the
text cannot be used, with a usable nearby value when there is one (a number brought inside its
range, the known names of a list), which the link's repair then reports. Pure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from dashboard.formatting.catalogue import N_

Years = tuple[int, int]  # the first and last year of a page's data: what its year parameters may name
Parser = Callable[[str, "Years | None"], Any]


@dataclass(frozen=True)
class Range:
    """A number a slider sets: the URL accepts what the widget offers, and nothing else.

    The widget takes its limits and step from here (session.binding.bound_slider), so a shared
    link can never hold a value its page's slider cannot show.
    """

    low: float
    high: float
    step: float

    @property
    def digits(self) -> int:
        """Decimal places a value keeps: those of the step (0.1 -> 1, 1 or 10 -> 0)."""
        return max(0, -math.floor(math.log10(self.step)))

    def clamp(self, value: float) -> float:
        return min(max(value, self.low), self.high)

    def widget_args(self) -> dict[str, float]:
        return {"min_value": self.low, "max_value": self.high, "step": self.step}

    def steps(self) -> list[int]:
        """Every value of a whole-number range, for a control that shows them as buttons."""
        return list(range(int(self.low), int(self.high) + 1, int(self.step)))

    def grid(self) -> tuple[float, ...]:
        """Every value the slider offers, low to high, each exactly the number a link carrying it
        reads as (counted in decimals, not by adding a binary 0.1 a thousand times): whole numbers
        for a range declared in whole numbers, floats otherwise, as the view stores them."""
        return _grid(self)

    def on_grid(self, value: float) -> float:
        """The offered value nearest to `value` (brought inside the limits first)."""
        grid = self.grid()
        return grid[round((self.clamp(value) - self.low) / self.step)]


@cache
def _grid(limits: Range) -> tuple[float, ...]:
    low, step = Decimal(str(limits.low)), Decimal(str(limits.step))
    count = int((Decimal(str(limits.high)) - low) / step) + 1
    whole = all(isinstance(end, int) for end in (limits.low, limits.high, limits.step))
    return tuple(int(low + i * step) if whole else float(low + i * step) for i in range(count))


# Why a link's value could not be used, as msgids: a repair is worked out in English (its words go
# into the warning's template) and said in the viewer's language (`params.Repair.message`).
NOT_WHOLE = N_("is not a whole number")
NOT_NUMBER = N_("is not a number")
NOT_FINITE = N_("is not a finite number")
OUTSIDE_IN = N_("lies outside {low}..{high} {unit}")
OUTSIDE_YEARS = N_("lies outside {within}'s years ({first}–{last})")
OUTSIDE = N_("lies outside {low}..{high}")
NOT_NUMBER_OF = N_("is not a number of {unit}")
NOT_MULTIPLE = N_("is not a multiple of {step} {unit}")
NOT_ONE_OF = N_("is not one of {options}")
NAMES_NO_KNOWN = N_("names no known {noun} (use {options})")
NAMES_UNKNOWN = N_("names an unknown {noun}")
NAMES_NO = N_("names no {noun}")
YEAR_BUT_NONE = N_("names a year, and {within} has none")
YEARS_BUT_NONE = N_("names years, and {within} has none")
NOT_A_RANGE = N_("is not a year range like 2010..2024")
BEYOND_YEARS = N_("reaches beyond {within}'s years ({first}–{last})")
SEARCH_CHARACTERS = N_("has characters a search does not use")
NOT_AN_ID = N_("is not a figure id")
# the Scenarios page's saved list (session/pages/scenarios.py)
NOT_AN_ITEM = N_("has an item that is not NAME:GROWTH,RUBLE,MIGRANTS[,YEARS AHEAD]")
A_NUMBER_THAT = N_("has a number that {reason}")
UNREADABLE_ITEM = N_("has an item whose numbers cannot be read")
NAMED_TWICE = N_("names the scenario {name} twice")
TOO_MANY = N_("holds more than {count} scenarios")
# most specific first: a text is read back by the first template that matches it
READER_REASONS = (
    NOT_WHOLE, NOT_NUMBER, NOT_FINITE, OUTSIDE_YEARS, OUTSIDE_IN, OUTSIDE, NOT_NUMBER_OF, NOT_MULTIPLE,
    NOT_ONE_OF, NAMES_NO_KNOWN, NAMES_UNKNOWN, NAMES_NO, YEAR_BUT_NONE, YEARS_BUT_NONE, NOT_A_RANGE,
    BEYOND_YEARS, SEARCH_CHARACTERS, NOT_AN_ID, NOT_AN_ITEM, A_NUMBER_THAT, UNREADABLE_ITEM, NAMED_TWICE, TOO_MANY,
)  # fmt: skip


class Invalid(ValueError):
    """A URL value that cannot be read; `clamped` carries a usable nearby value if there is one."""

    def __init__(self, reason: str, clamped: Any = None):
        super().__init__(reason)
        self.reason, self.clamped = reason, clamped


def _whole(text: str) -> int:
    if not re.fullmatch(r"[+-]?\d{1,6}", text.strip()):
        raise Invalid(NOT_WHOLE)
    return int(text)


def number_in(limits: Range) -> Parser:
    """A number within the range, rounded to its step's decimals; one outside is clamped and reported."""
    low, high, digits = limits.low, limits.high, limits.digits

    def parse(text: str, years: Years | None) -> float:
        try:
            value = float(text.strip().rstrip("%"))
        except ValueError:
            raise Invalid(NOT_NUMBER) from None
        if not math.isfinite(value):
            raise Invalid(NOT_FINITE)
        if not low <= value <= high:
            clamped = round(min(max(value, low), high), digits)
            raise Invalid(OUTSIDE.format(low=f"{low:g}", high=f"{high:g}"), clamped=clamped)
        return round(value, digits)

    return parse


def whole_number_in(limits: Range) -> Parser:
    """A whole number within the range; one outside is clamped and reported."""
    low, high = int(limits.low), int(limits.high)

    def parse(text: str, years: Years | None) -> int:
        value = _whole(text)
        if not low <= value <= high:
            raise Invalid(OUTSIDE.format(low=low, high=high), clamped=min(max(value, low), high))
        return value

    return parse


def steps_of(limits: Range, unit: str) -> Parser:
    """Any number, brought to the nearest step inside the range; a moved value is reported."""
    step = int(limits.step)

    def parse(text: str, years: Years | None) -> int:
        try:
            value = float(text.strip())
        except ValueError:
            raise Invalid(NOT_NUMBER_OF.format(unit=unit)) from None
        if not math.isfinite(value):
            raise Invalid(NOT_FINITE)
        snapped = int(round(limits.clamp(value) / step) * step)
        if not limits.low <= value <= limits.high:
            raise Invalid(OUTSIDE_IN.format(low=limits.low, high=limits.high, unit=unit), clamped=snapped)
        if snapped != value:
            raise Invalid(NOT_MULTIPLE.format(step=step, unit=unit), clamped=snapped)
        return snapped

    return parse


def one_of(options: tuple[str, ...]) -> Parser:
    def parse(text: str, years: Years | None) -> str:
        value = text.strip().lower()
        if value not in options:
            raise Invalid(NOT_ONE_OF.format(options=", ".join(options)))
        return value

    return parse


def in_order(options: tuple[str, ...], chosen: Iterable[str] | None) -> tuple[str, ...]:
    """The chosen options in their canonical order, so one selection always has one URL."""
    picked = set(chosen or ())
    return tuple(option for option in options if option in picked)


def some_of(options: tuple[str, ...], noun: str, empty: bool) -> Parser:
    """A comma list drawn from `options`, kept in their order; unknown names are dropped and reported."""

    def parse(text: str, years: Years | None) -> tuple[str, ...]:
        items = {item.strip().lower() for item in text.split(",") if item.strip()}
        if not items and not empty:
            raise Invalid(NAMES_NO.format(noun=noun))
        known = in_order(options, items)
        if items - set(options):
            if not known:
                raise Invalid(NAMES_NO_KNOWN.format(noun=noun, options=", ".join(options)))
            raise Invalid(NAMES_UNKNOWN.format(noun=noun), clamped=known)
        return known

    return parse


def year_within(within: str) -> Parser:
    """A year of the page's data (`within` names that data in a warning: 'the partner data')."""

    def parse(text: str, years: Years | None) -> int:
        year = _whole(text)
        if years is None:
            raise Invalid(YEAR_BUT_NONE.format(within=within))
        if not years[0] <= year <= years[1]:
            raise Invalid(OUTSIDE_YEARS.format(within=within, first=years[0], last=years[1]))
        return year

    return parse


def span_within(within: str) -> Parser:
    """'2010..2024' (or 2010-2024, 2010–2024, 2010,2024), in order, inside the data's years."""

    def parse(text: str, years: Years | None) -> Years:
        match = re.fullmatch(r"\s*(\d{4})\s*(?:\.\.|-|–|,)\s*(\d{4})\s*", text)
        if not match:
            raise Invalid(NOT_A_RANGE)
        if years is None:
            raise Invalid(YEARS_BUT_NONE.format(within=within))
        start, end = sorted((int(match.group(1)), int(match.group(2))))
        lo, hi = max(start, years[0]), min(end, years[1])
        if lo > hi:
            raise Invalid(OUTSIDE_YEARS.format(within=within, first=years[0], last=years[1]))
        if (lo, hi) != (start, end):
            raise Invalid(BEYOND_YEARS.format(within=within, first=years[0], last=years[1]), clamped=(lo, hi))
        return (start, end)

    return parse


def search_text(limit: int) -> Parser:
    """A search string: letters, digits, spaces and a few marks; anything else is dropped, with a note."""

    def parse(text: str, years: Years | None) -> str:
        kept = re.sub(r"[^\w\s.,;'-]", "", text, flags=re.UNICODE).strip()[:limit]
        if kept != text.strip():
            raise Invalid(SEARCH_CHARACTERS, clamped=kept)
        return kept

    return parse


def an_id(text: str, years: Years | None) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,40}", text.strip()):
        raise Invalid(NOT_AN_ID)
    return text.strip()


def span_of(years: Sequence[int]) -> Years | None:
    """The first and last of a data's years (None when it has none): what a page passes when it
    reads its view, for its year parameters."""
    return (min(years), max(years)) if len(years) else None
