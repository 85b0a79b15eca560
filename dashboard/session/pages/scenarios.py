"""The Scenarios page's part of a link: the drivers, the scatter's axis and up to three named scenarios."""

from __future__ import annotations

import re

from dashboard.session.pages.filters import Filters
from dashboard.session.params import Range, choice, custom, slider
from dashboard.session.readers import (
    A_NUMBER_THAT,
    NAMED_TWICE,
    NOT_AN_ITEM,
    TOO_MANY,
    UNREADABLE_ITEM,
    Invalid,
    Years,
    number_in,
    whole_number_in,
)

SC_GROWTH = Range(-15.0, 10.0, 0.1)
SC_RUBLE = Range(-60.0, 60.0, 0.1)
SC_MIGRANTS = Range(-50.0, 50.0, 1.0)
SC_AHEAD = Range(1, 3, 1)  # years after the latest actual year: beyond three, a one-year relation says little
MAX_SAVED = 3  # named scenarios compared side by side
SAVED_NAME = r"[A-Za-z0-9][A-Za-z0-9 _.-]{0,23}"
Saved = tuple[str, float, float, float, int]  # a named scenario: name, growth, ruble, migrants, years ahead
SAVED_READERS = (number_in(SC_GROWTH), number_in(SC_RUBLE), number_in(SC_MIGRANTS), whole_number_in(SC_AHEAD))


def parse_saved(text: str, years: Years | None) -> tuple[Saved, ...]:
    """'Deep cut:-3,-25,0;Mild:-1,-5,0,2': up to three named scenarios, each with the years ahead
    it is for (1 when left out, as in links made before it could be chosen). Each number is read
    like its control's; an item that cannot be read, a repeated name or a fourth item is dropped,
    and a number out of range is brought to its end; either way the link is reported as repaired."""
    items = [item for item in text.split(";") if item.strip()]
    kept: list[Saved] = []
    problems: list[str] = []
    for item in items:
        match = re.fullmatch(rf"\s*({SAVED_NAME})\s*:\s*([^,]+),([^,]+),([^,]+)(?:,([^,]+))?\s*", item)
        if not match:
            problems.append(NOT_AN_ITEM)
            continue
        name = match.group(1).strip()
        numbers = []
        for raw, read in zip(match.groups()[1:], SAVED_READERS, strict=True):
            try:
                numbers.append(read("1" if raw is None else raw, years))
            except Invalid as problem:
                if problem.clamped is None:
                    break
                numbers.append(problem.clamped)
                problems.append(A_NUMBER_THAT.format(reason=problem.reason))
        if len(numbers) < len(SAVED_READERS):
            problems.append(UNREADABLE_ITEM)
        elif name in {saved[0] for saved in kept}:
            problems.append(NAMED_TWICE.format(name=name))
        elif len(kept) == MAX_SAVED:
            problems.append(TOO_MANY.format(count=MAX_SAVED))
        else:
            kept.append((name, *numbers))
    if problems:
        raise Invalid(problems[0], clamped=tuple(kept) if kept else None)
    return tuple(kept)


def dump_saved(saved: tuple[Saved, ...]) -> str:
    """The years ahead are written only when not 1, so a scenario for the next year keeps the
    link it always had."""
    return ";".join(
        f"{name}:{growth:g},{ruble:g},{migrants:g}" + (f",{ahead}" if ahead != 1 else "")
        for name, growth, ruble, migrants, ahead in saved
    )


EXTREMES = (  # the saved list at its fullest, every number at an end of its control
    ("Low", SC_GROWTH.low, SC_RUBLE.low, SC_MIGRANTS.low, int(SC_AHEAD.low)),
    ("High", SC_GROWTH.high, SC_RUBLE.high, SC_MIGRANTS.high, int(SC_AHEAD.high)),
    ("Flat", 0.0, 0.0, 0.0, 2),
)


class ScenariosState(Filters, page="scenarios"):
    """The three drivers are what the page's Reset undoes."""

    sc_growth: float = slider(
        SC_GROWTH,
        default=0.0,
        reset=True,
        example=-3,
        says="Russia's real GDP growth in each year to the chosen one",
    )
    sc_ruble: float = slider(
        SC_RUBLE,
        default=0.0,
        reset=True,
        example=-25,
        says="The ruble's change against the US$ in each year to the chosen one (negative = weaker ruble)",
    )
    sc_migrants: float = slider(
        SC_MIGRANTS,
        default=0.0,
        reset=True,
        example=-10,
        says="Change in the number of migrant workers in each year to the chosen one, each sending as much as before",
    )
    sc_ahead: int = slider(
        SC_AHEAD,
        default=1,
        reads="whole",
        widget="segmented_control",
        example=2,
        says="Which year the scenario is for: 1 = the year after the latest actual year, up to 3",
    )
    sc_axis: str = choice(
        ("ruble", "growth"), default="ruble", example="growth", says="The driver on the scatter's horizontal axis"
    )
    sc_saved: tuple[Saved, ...] = custom(
        parse=parse_saved,
        dump=dump_saved,
        fmt=f"up to {MAX_SAVED} items NAME:GROWTH,RUBLE,MIGRANTS[,YEARS AHEAD] separated by ;",
        default=(),
        default_text="none",
        example=(("Deep cut", -3.0, -25.0, 0.0, 1), ("Mild", -1.0, -5.0, 0.0, 2)),
        says="Named scenarios compared side by side (name: letters, digits, spaces, up to 24; years ahead: 1 "
        "when left out)",
        ends=lambda years: ((), EXTREMES),
    )
