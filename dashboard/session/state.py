"""The view state: global filters and each page's scenario values, and their URL form.

This is the only module that reads or writes query parameters. The URL contract lives in PARAMS
below (and in docs/url-contract.md's table generated from it): a parameter absent from the URL means its
default; a value that cannot be used is replaced by the default (or clamped into range) and
reported back as a Repair, so the page can tell the viewer their link was corrected.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from dashboard.formatting import UNITS as UNIT_SCALES

SIDES = ("russia", "tajikistan", "other")
UNITS = tuple(UNIT_SCALES)
MIRROR_FLOWS = ("ru_to_tj", "tj_to_ru")
MAP_LAYERS = ("russian", "crossings", "cities", "rivers", "coverage")
EVENT_CATEGORIES = ("diplomacy", "economy", "migration", "politics", "security")
PARTNER_FLOWS = ("total", "exports", "imports")
NEIGHBOUR_CODES = ("tjk", "kaz", "kgz", "uzb", "tkm")
MIRROR_PARTNERS = ("rus", "chn")
MAX_ECHO = 40  # characters of a rejected value quoted back to the viewer


@dataclass(frozen=True)
class Bounds:
    """What the data allows, known only once the data is loaded."""

    year_min: int = 1993
    year_max: int = 2025
    partner_years: tuple[int, int] = (1992, 2020)  # Tajikistan's rows in the partner data (pt_since)


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


GROWTH = Range(-100.0, 200.0, 0.1)
RADIUS_KM = Range(0, 600, 10)
REM_RUSSIA = Range(-100.0, 50.0, 0.1)
REM_RUBLE = Range(-60.0, 60.0, 0.1)
REM_PASS = Range(0.0, 100.0, 1.0)
REM_SHARE = Range(0.0, 100.0, 0.1)
REM_MULT = Range(0.0, 3.0, 0.1)
REMITTANCE_SCENARIO = ("rem_russia", "rem_ruble", "rem_pass", "rem_share", "rem_mult")  # what Reset undoes
SC_GROWTH = Range(-15.0, 10.0, 0.1)
SC_RUBLE = Range(-60.0, 60.0, 0.1)
SC_MIGRANTS = Range(-50.0, 50.0, 1.0)
SC_AXES = ("ruble", "growth")
SCENARIO_DRIVERS = ("sc_growth", "sc_ruble", "sc_migrants")  # what Reset undoes on the Scenarios page
MAX_SAVED = 3  # named scenarios compared side by side
SAVED_NAME = r"[A-Za-z0-9][A-Za-z0-9 _.-]{0,23}"
PRODUCT_TOP = Range(3, 25, 1)
PARTNER_TOP = Range(3, 10, 1)


@dataclass(frozen=True)
class ViewState:
    """Everything a link must carry to reopen the same view. None means 'the data's default'."""

    years: tuple[int, int]
    reporters: tuple[str, ...] = SIDES
    units: str = "busd"
    flow: str = "ru_to_tj"
    proj_year: int | None = None
    proj_base: str | None = None
    proj_growth: float | None = None
    radius: int = 100
    layers: tuple[str, ...] = MAP_LAYERS
    rem_russia: float = 0.0
    rem_ruble: float = 0.0
    rem_pass: float = 100.0
    rem_share: float | None = None
    rem_mult: float = 1.0
    rem_others: str = "show"
    prod_year: int | None = None
    prod_top: int = 10
    prod_level: str = "4"
    prod_focus: str = "both"
    prod_q: str = ""
    ov_cats: tuple[str, ...] = EVENT_CATEGORIES
    pt_flow: str = "total"
    pt_top: int = 5
    pt_since: int = 2000
    pt_countries: tuple[str, ...] = NEIGHBOUR_CODES
    pt_mirror: str = "rus"
    sc_growth: float = 0.0
    sc_ruble: float = 0.0
    sc_migrants: float = 0.0
    sc_axis: str = "ruble"
    sc_saved: tuple[tuple[str, float, float, float], ...] = ()


@dataclass(frozen=True)
class Repair:
    """A link value that could not be used as given."""

    param: str
    given: str
    used: str
    reason: str

    def message(self) -> str:
        shown = safe_echo(self.given)
        return f"The link's `{self.param}` value `{shown}` {self.reason}; showing {self.used} instead."


# hosting/guard.py puts this one parameter in place of a query string Streamlit would drop whole
UNREAD_LINK = "unread_link"


class UnreadLink(Repair):
    """A link too long for the server to read at all: said, rather than opening the defaults silently."""

    def message(self) -> str:
        count = f"{int(self.given):,}" if self.given.isdigit() else "too many"
        return (
            f"This link has {count} parameters, more than the server reads (at most 1,000 parameters and "
            "512 Ki characters), so none of it could be used: showing the default view. "
            "Open the view again and copy its share link, which is short."
        )


class Invalid(ValueError):
    """A URL value that cannot be read; `clamped` carries a usable nearby value if there is one."""

    def __init__(self, reason: str, clamped: Any = None):
        super().__init__(reason)
        self.reason, self.clamped = reason, clamped


@dataclass(frozen=True)
class Param:
    """One URL parameter: how to read it, write it, and which page owns it ('' = every page)."""

    name: str
    page: str
    fmt: str
    example: str
    description: str
    parse: Callable[[str, Bounds], Any]
    dump: Callable[[Any], str]
    default_text: str = field(default="")
    range: Range | None = None  # for a slider's value: its limits and step


def safe_echo(text: str) -> str:
    """A rejected value made harmless to show: printable, no markdown code fence, and short."""
    if not text.strip():
        return "(empty)"
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in text).replace("`", "'")
    return cleaned if len(cleaned) <= MAX_ECHO else cleaned[: MAX_ECHO - 1] + "…"


def _parse_int(text: str) -> int:
    if not re.fullmatch(r"[+-]?\d{1,6}", text.strip()):
        raise Invalid("is not a whole number")
    return int(text)


def parse_years(text: str, bounds: Bounds) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{4})\s*(?:\.\.|-|–|,)\s*(\d{4})\s*", text)
    if not match:
        raise Invalid("is not a year range like 2010..2024")
    start, end = sorted((int(match.group(1)), int(match.group(2))))
    lo, hi = max(start, bounds.year_min), min(end, bounds.year_max)
    if lo > hi:
        raise Invalid(f"lies outside the data's years ({bounds.year_min}–{bounds.year_max})")
    if (lo, hi) != (start, end):
        raise Invalid(f"reaches beyond the data's years ({bounds.year_min}–{bounds.year_max})", clamped=(lo, hi))
    return (start, end)


def parse_reporters(text: str, bounds: Bounds) -> tuple[str, ...]:
    items = [item.strip().lower() for item in text.split(",") if item.strip()]
    if not items:
        raise Invalid("names no reporter")
    known = tuple(side for side in SIDES if side in items)
    if not known:
        raise Invalid(f"names no known reporter (use {', '.join(SIDES)})")
    if len(known) != len(set(items)):
        raise Invalid("names an unknown reporter", clamped=known)
    return known


def _choice(options: tuple[str, ...]) -> Callable[[str, Bounds], str]:
    def parse(text: str, bounds: Bounds) -> str:
        value = text.strip().lower()
        if value not in options:
            raise Invalid(f"is not one of {', '.join(options)}")
        return value

    return parse


def parse_proj_year(text: str, bounds: Bounds) -> int:
    year = _parse_int(text)
    if not bounds.year_min <= year <= bounds.year_max:
        raise Invalid(f"lies outside the data's years ({bounds.year_min}–{bounds.year_max})")
    return year


def parse_partner_year(text: str, bounds: Bounds) -> int:
    """A year of the partner data's own span (it starts before the trade data and ends sooner)."""
    year = _parse_int(text)
    low, high = bounds.partner_years
    if not low <= year <= high:
        raise Invalid(f"lies outside the partner data's years ({low}–{high})")
    return year


def parse_figure_id(text: str, bounds: Bounds) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,40}", text.strip()):
        raise Invalid("is not a figure id")
    return text.strip()


def parse_radius(text: str, bounds: Bounds) -> int:
    try:
        value = float(text.strip())
    except ValueError:
        raise Invalid("is not a number of km") from None
    if not math.isfinite(value):
        raise Invalid("is not a finite number")
    step = int(RADIUS_KM.step)
    snapped = int(round(RADIUS_KM.clamp(value) / step) * step)
    if not RADIUS_KM.low <= value <= RADIUS_KM.high:
        raise Invalid(f"lies outside {RADIUS_KM.low}..{RADIUS_KM.high} km", clamped=snapped)
    if snapped != value:
        raise Invalid(f"is not a multiple of {step} km", clamped=snapped)
    return snapped


def in_order(options: tuple[str, ...], chosen: Iterable[str] | None) -> tuple[str, ...]:
    """The chosen options in their canonical order, so one selection always has one URL."""
    picked = set(chosen or ())
    return tuple(option for option in options if option in picked)


def subset_of(options: tuple[str, ...], noun: str) -> Callable[[str, Bounds], tuple[str, ...]]:
    """A parser for a comma list drawn from `options`, kept in their order; unknown names are dropped and reported."""

    def parse(text: str, bounds: Bounds) -> tuple[str, ...]:
        items = {item.strip().lower() for item in text.split(",") if item.strip()}
        known = in_order(options, items)
        if items - set(options):
            if not known:
                raise Invalid(f"names no known {noun} (use {', '.join(options)})")
            raise Invalid(f"names an unknown {noun}", clamped=known)
        return known

    return parse


parse_layers = subset_of(MAP_LAYERS, "layer")


def number_in(bounds_: Range) -> Callable[[str, Bounds], float]:
    """A parser for a number within the range, rounded to its step's decimals; values outside are
    clamped and reported."""
    low, high, digits = bounds_.low, bounds_.high, bounds_.digits

    def parse(text: str, bounds: Bounds) -> float:
        try:
            value = float(text.strip().rstrip("%"))
        except ValueError:
            raise Invalid("is not a number") from None
        if not math.isfinite(value):
            raise Invalid("is not a finite number")
        if not low <= value <= high:
            raise Invalid(f"lies outside {low:g}..{high:g}", clamped=round(min(max(value, low), high), digits))
        return round(value, digits)

    return parse


parse_growth = number_in(GROWTH)


parse_categories = subset_of(EVENT_CATEGORIES, "category")


def whole_number_in(bounds_: Range) -> Callable[[str, Bounds], int]:
    """A parser for a whole number within the range; values outside are clamped and reported."""
    low, high = int(bounds_.low), int(bounds_.high)

    def parse(text: str, bounds: Bounds) -> int:
        value = _parse_int(text)
        if not low <= value <= high:
            raise Invalid(f"lies outside {low}..{high}", clamped=min(max(value, low), high))
        return value

    return parse


def parse_query_text(text: str, bounds: Bounds) -> str:
    """A search string: letters, digits, spaces and a few marks; anything else is dropped, with a note."""
    kept = re.sub(r"[^\w\s.,;'-]", "", text, flags=re.UNICODE).strip()[:40]
    if kept != text.strip():
        raise Invalid("has characters a search does not use", clamped=kept)
    return kept


def _dump_number(value: float) -> str:
    return f"{value:g}"


PARAMS: tuple[Param, ...] = (
    Param(
        "years",
        "",
        "FROM..TO",
        "2000..2020",
        "Years shown on every chart",
        parse_years,
        lambda v: f"{v[0]}..{v[1]}",
        "all years in the data",
    ),
    Param(
        "reporters",
        "",
        "comma list of russia, tajikistan, other",
        "russia,tajikistan",
        "Whose figures are shown: each country's own statistics and officials, or media and unattributed figures",
        parse_reporters,
        ",".join,
        "russia,tajikistan,other",
    ),
    Param(
        "units", "", "busd or musd", "musd", "Units for values: US$ billion or US$ million", _choice(UNITS), str, "busd"
    ),
    Param(
        "flow",
        "trade",
        "ru_to_tj or tj_to_ru",
        "tj_to_ru",
        "Trade page: the flow compared between the two reporters",
        _choice(MIRROR_FLOWS),
        str,
        "ru_to_tj",
    ),
    Param(
        "proj_year",
        "trade",
        "YYYY",
        "2022",
        "Trade page: the year to project to a full year",
        parse_proj_year,
        str,
        "latest year with a part-year growth figure",
    ),
    Param(
        "proj_base",
        "trade",
        "figure id",
        "RUTJ-030",
        "Trade page: the previous full year's figure the projection starts from (a figure_id "
        "of data/trade_published.csv, or imf_dots_rus / imf_dots_tjk)",
        parse_figure_id,
        str,
        "best-ranked figure for the previous year",
    ),
    Param(
        "proj_growth",
        "trade",
        f"number, % ({GROWTH.low:g}..{GROWTH.high:g})",
        "70",
        "Trade page: growth applied to the previous full year",
        parse_growth,
        _dump_number,
        "latest published part-year growth for that year",
        GROWTH,
    ),
    Param(
        "radius",
        "border",
        f"km, {RADIUS_KM.low}..{RADIUS_KM.high} in steps of {RADIUS_KM.step}",
        "150",
        "Border page: reach around Russia's active facilities for the coverage of the border",
        parse_radius,
        str,
        "100",
        RADIUS_KM,
    ),
    Param(
        "layers",
        "border",
        "comma list of " + ", ".join(MAP_LAYERS),
        "russian,coverage",
        "Border page: what the map draws besides countries and the border",
        parse_layers,
        ",".join,
        ",".join(MAP_LAYERS),
    ),
    Param(
        "rem_russia",
        "remittances",
        f"% ({REM_RUSSIA.low:g}..{REM_RUSSIA.high:g})",
        "-33",
        "Remittances page: change in remittances from Russia",
        number_in(REM_RUSSIA),
        _dump_number,
        "0",
        REM_RUSSIA,
    ),
    Param(
        "rem_ruble",
        "remittances",
        f"% ({REM_RUBLE.low:g}..{REM_RUBLE.high:g})",
        "-20",
        "Remittances page: change of the ruble against the US$ (negative = weaker ruble)",
        number_in(REM_RUBLE),
        _dump_number,
        "0",
        REM_RUBLE,
    ),
    Param(
        "rem_pass",
        "remittances",
        f"% ({REM_PASS.low:g}..{REM_PASS.high:g})",
        "50",
        "Remittances page: share of Russian-earned remittances whose dollar value follows the ruble",
        number_in(REM_PASS),
        _dump_number,
        "100",
        REM_PASS,
    ),
    Param(
        "rem_share",
        "remittances",
        f"% ({REM_SHARE.low:g}..{REM_SHARE.high:g})",
        "78",
        "Remittances page: Russia's share of remittances",
        number_in(REM_SHARE),
        _dump_number,
        "latest published share",
        REM_SHARE,
    ),
    Param(
        "rem_mult",
        "remittances",
        f"number ({REM_MULT.low:g}..{REM_MULT.high:g})",
        "0.8",
        "Remittances page: GDP change per dollar of remittances lost or gained",
        number_in(REM_MULT),
        _dump_number,
        "1",
        REM_MULT,
    ),
    Param(
        "ov_cats",
        "overview",
        "comma list of " + ", ".join(EVENT_CATEGORIES),
        "diplomacy,security",
        "Overview: which kinds of events the timeline lists",
        parse_categories,
        ",".join,
        ",".join(EVENT_CATEGORIES),
    ),
    Param(
        "prod_year",
        "products",
        "YYYY",
        "2023",
        "Products page: the year of the product breakdown",
        parse_proj_year,
        str,
        "latest year with a breakdown, else with any product data",
    ),
    Param(
        "prod_top",
        "products",
        f"whole number {PRODUCT_TOP.low}..{PRODUCT_TOP.high}",
        "5",
        "Products page: how many products the bars show",
        whole_number_in(PRODUCT_TOP),
        str,
        "10",
        PRODUCT_TOP,
    ),
    Param(
        "prod_level",
        "products",
        "2, 4 or 6",
        "2",
        "Products page: HS chapters (2), headings (4) or products (6)",
        _choice(("2", "4", "6")),
        str,
        "4",
    ),
    Param(
        "prod_focus",
        "products",
        "both, ru_to_tj or tj_to_ru",
        "ru_to_tj",
        "Products page: both directions side by side, or one",
        _choice(("both", "ru_to_tj", "tj_to_ru")),
        str,
        "both",
    ),
    Param(
        "prod_q",
        "products",
        "text (letters, digits, spaces; up to 40)",
        "cotton",
        "Products page: search product names, HS codes and official descriptions",
        parse_query_text,
        str,
        "empty",
    ),
    Param(
        "rem_others",
        "remittances",
        "show or hide",
        "hide",
        "Remittances page: whether other sources' figures are drawn beside the World Bank series",
        _choice(("show", "hide")),
        str,
        "show",
    ),
)
PARAMS += (
    Param(
        "pt_flow",
        "partners",
        "total, exports or imports",
        "imports",
        "Partners page: Tajikistan's exports plus imports, or one flow",
        _choice(PARTNER_FLOWS),
        str,
        "total",
    ),
    Param(
        "pt_top",
        "partners",
        f"whole number {PARTNER_TOP.low}..{PARTNER_TOP.high}",
        "8",
        "Partners page: how many of Tajikistan's largest partners are drawn (the rest grouped)",
        whole_number_in(PARTNER_TOP),
        str,
        "5",
        PARTNER_TOP,
    ),
    Param(
        "pt_since",
        "partners",
        "YYYY",
        "2010",
        "Partners page: the year each partner's share is compared with (a year of Tajikistan's partner data, "
        "1992–2020 as shipped)",
        parse_partner_year,
        str,
        "2000",
    ),
    Param(
        "pt_countries",
        "partners",
        "comma list of " + ", ".join(NEIGHBOUR_CODES),
        "tjk,kgz",
        "Partners page: the Central Asian countries compared",
        subset_of(NEIGHBOUR_CODES, "country"),
        ",".join,
        ",".join(NEIGHBOUR_CODES),
    ),
    Param(
        "pt_mirror",
        "partners",
        "rus or chn",
        "chn",
        "Partners page: whose report of its trade with Tajikistan is set against Tajikistan's",
        _choice(MIRROR_PARTNERS),
        str,
        "rus",
    ),
)


Saved = tuple[str, float, float, float]  # a named scenario: name, Russia's growth, ruble's change, migrants


def parse_saved(text: str, bounds: Bounds) -> tuple[Saved, ...]:
    """'Deep cut:-3,-25,0;Mild:-1,-5,0': up to three named scenarios. Each number is read like
    its slider's; an item that cannot be read, a repeated name or a fourth item is dropped, and
    a number out of range is brought to its end; either way the link is reported as repaired."""
    items = [item for item in text.split(";") if item.strip()]
    kept: list[Saved] = []
    problems: list[str] = []
    for item in items:
        match = re.fullmatch(rf"\s*({SAVED_NAME})\s*:\s*([^,]+),([^,]+),([^,]+)\s*", item)
        if not match:
            problems.append("has an item that is not NAME:GROWTH,RUBLE,MIGRANTS")
            continue
        name = match.group(1).strip()
        numbers = []
        for raw, limits in zip(match.groups()[1:], (SC_GROWTH, SC_RUBLE, SC_MIGRANTS), strict=True):
            try:
                numbers.append(number_in(limits)(raw, bounds))
            except Invalid as problem:
                if problem.clamped is None:
                    break
                numbers.append(problem.clamped)
                problems.append(f"has a number that {problem.reason}")
        if len(numbers) < 3:
            problems.append("has an item whose numbers cannot be read")
        elif name in {saved[0] for saved in kept}:
            problems.append(f"names the scenario {name} twice")
        elif len(kept) == MAX_SAVED:
            problems.append(f"holds more than {MAX_SAVED} scenarios")
        else:
            kept.append((name, *numbers))
    if problems:
        raise Invalid(problems[0], clamped=tuple(kept) if kept else None)
    return tuple(kept)


def dump_saved(saved: tuple[Saved, ...]) -> str:
    return ";".join(f"{name}:{growth:g},{ruble:g},{migrants:g}" for name, growth, ruble, migrants in saved)


PARAMS += (
    Param(
        "sc_growth",
        "scenarios",
        f"% ({SC_GROWTH.low:g}..{SC_GROWTH.high:g})",
        "-3",
        "Scenarios page: Russia's real GDP growth in the year ahead",
        number_in(SC_GROWTH),
        _dump_number,
        "0",
        SC_GROWTH,
    ),
    Param(
        "sc_ruble",
        "scenarios",
        f"% ({SC_RUBLE.low:g}..{SC_RUBLE.high:g})",
        "-25",
        "Scenarios page: the ruble's change against the US$ in the year ahead (negative = weaker ruble)",
        number_in(SC_RUBLE),
        _dump_number,
        "0",
        SC_RUBLE,
    ),
    Param(
        "sc_migrants",
        "scenarios",
        f"% ({SC_MIGRANTS.low:g}..{SC_MIGRANTS.high:g})",
        "-10",
        "Scenarios page: change in the number of migrant workers, each sending as much as before",
        number_in(SC_MIGRANTS),
        _dump_number,
        "0",
        SC_MIGRANTS,
    ),
    Param(
        "sc_axis",
        "scenarios",
        "ruble or growth",
        "growth",
        "Scenarios page: the driver on the scatter's horizontal axis",
        _choice(SC_AXES),
        str,
        "ruble",
    ),
    Param(
        "sc_saved",
        "scenarios",
        f"up to {MAX_SAVED} items NAME:GROWTH,RUBLE,MIGRANTS separated by ;",
        "Deep cut:-3,-25,0;Mild:-1,-5,0",
        "Scenarios page: named scenarios compared side by side (name: letters, digits, spaces, up to 24)",
        parse_saved,
        dump_saved,
        "none",
    ),
)


def default_state(bounds: Bounds) -> ViewState:
    return ViewState(years=(bounds.year_min, bounds.year_max))


def parse_query(query: Mapping[str, str | list[str]], bounds: Bounds) -> tuple[ViewState, list[Repair]]:
    """Build the view from URL parameters; every unusable value becomes a default plus a Repair."""
    state = default_state(bounds)
    values: dict[str, Any] = {}
    repairs: list[Repair] = []
    if UNREAD_LINK in query:
        raw = query[UNREAD_LINK]
        given = raw[-1] if isinstance(raw, list) else raw
        repairs.append(UnreadLink(UNREAD_LINK, str(given), "the default view", "could not be read"))
    for param in PARAMS:
        if param.name not in query:
            continue
        raw = query[param.name]
        text = raw[-1] if isinstance(raw, list) else raw
        text = text if isinstance(text, str) else ""
        try:
            values[param.name] = param.parse(text, bounds)
        except Invalid as problem:
            if problem.clamped is not None:
                values[param.name] = problem.clamped
                used = param.dump(problem.clamped)
            else:
                used = f"the default ({_describe(param, state)})"
            repairs.append(Repair(param.name, text, used, problem.reason))
    return replace(state, **values), repairs


def _describe(param: Param, state: ViewState) -> str:
    value = getattr(state, param.name)
    return (param.dump(value) if value is not None else "") or param.default_text  # () dumps to ""


def to_query(state: ViewState, bounds: Bounds, page: str) -> dict[str, str]:
    """The URL parameters for a view: only values that differ from the default, in PARAMS order.

    Parameters of other pages are left out so that each link carries only what its page uses.
    """
    default = default_state(bounds)
    query = {}
    for param in PARAMS:
        if param.page not in ("", page):
            continue
        value = getattr(state, param.name)
        if value is None or value == getattr(default, param.name):
            continue
        query[param.name] = param.dump(value)
    return query


def view_in_words(state: ViewState, query: Mapping[str, str]) -> str:
    """'Years 2010–2020; radius 150': the filters and settings of a view, for a printed brief."""
    parts = [f"Years {state.years[0]}–{state.years[1]}"]
    parts += [f"{name} {value}" for name, value in query.items() if name != "years"]
    return "; ".join(parts) if len(parts) > 1 else parts[0] + "; every other setting at its default"


PARAM_BY_NAME = {param.name: param for param in PARAMS}


def slider_range(name: str) -> Range:
    """The limits and step of the slider that sets `name` (a KeyError for a parameter without one)."""
    bounds_ = PARAM_BY_NAME[name].range
    if bounds_ is None:
        raise KeyError(f"{name} is not set by a slider")
    return bounds_


def defaults(*names: str) -> dict[str, Any]:
    """The view's own defaults for these fields, for a reset that must undo exactly what a link can set."""
    initial = {f.name: f.default for f in fields(ViewState)}
    return {name: initial[name] for name in names}
