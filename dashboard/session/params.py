"""How a page declares what its link carries: one keyword call per parameter, in the page's own class.

A page's state is a frozen dataclass: the filters every page shares (session/pages/filters.py)
plus the page's own fields, each declared by one call below -- `slider`, `choice`, `subset`,
`year`, `text`, ... -- that says once what its default is, what a link may hold, how it is
written back and how docs/url-contract.md describes it:

    class BorderState(Filters, page="border"):
        radius: int = slider(RADIUS_KM, default=100, reads="steps", unit="km", example=150, says="...")

Everything else reads these declarations: reading and writing links with their repairs
(session/state.py), the generated table in docs/url-contract.md, Reset (`reset=True`), presets
(`clamped`), the sliders' limits (session/binding.bound_slider) and the contract tests. So a new
parameter is one field in its page's class, plus the widget that sets it in the page's view.
Pure: no Streamlit here.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Any, ClassVar, Literal, TypeVar, dataclass_transform

from dashboard.formatting.catalogue import N_, from_templates
from dashboard.formatting.language import Language
from dashboard.session.readers import (
    READER_REASONS,
    Invalid,
    Parser,
    Range,
    Years,
    an_id,
    number_in,
    one_of,
    search_text,
    some_of,
    span_within,
    steps_of,
    whole_number_in,
    year_within,
)

MAX_ECHO = 40  # characters of a rejected value quoted back to the viewer
PARAM = "param"  # the key of a field's declaration in its dataclass metadata


@dataclass(frozen=True)
class Repair:
    """A link value that could not be used as given."""

    param: str
    given: str
    used: str
    reason: str

    def message(self, lang: Language) -> str:
        """The warning, in the viewer's language: the reason and the value used are worked out in
        English from the readers' templates (READER_REASONS) and read back in the language."""
        reason, used = (
            (self.reason, self.used)
            if lang.is_source
            else (
                from_templates(self.reason, READER_REASONS, lang.gettext),
                from_templates(self.used, (THE_DEFAULT,), lang.gettext),
            )
        )
        return lang.gettext(REPAIRED).format(param=self.param, given=safe_echo(self.given), reason=reason, used=used)


REPAIRED = N_("The link's `{param}` value `{given}` {reason}; showing {used} instead.")
THE_DEFAULT = N_("the default ({value})")
# The words a page's declarations put into a warning (`within`, `noun`, a default in words):
# marked here so the catalogue holds them.
DECLARED_WORDS = (
    N_("the data"),
    N_("the partner data"),
    N_("the product data"),
    N_("layer"),
    N_("reporter"),
    N_("category"),
    N_("country"),
    N_("km"),
    N_("all years in the data"),
    N_("empty"),
    N_("none"),
    N_("latest year with a breakdown, else with any product data"),
    N_("latest published share"),
    N_("latest year with a part-year growth figure"),
    N_("best-ranked figure for the previous year"),
    N_("latest published part-year growth for that year"),
)


def safe_echo(text: str) -> str:
    """A rejected value made harmless to show: printable, no markdown code fence, and short."""
    if not text.strip():
        return "(empty)"
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in text).replace("`", "'")
    return cleaned if len(cleaned) <= MAX_ECHO else cleaned[: MAX_ECHO - 1] + "…"


Kind = Literal["number", "choice", "subset", "year", "years", "text", "id", "custom"]  # what its value is
Widget = Literal["slider", "selectbox", "segmented_control", "pills", "radio", "multiselect", "text_input", ""]


@dataclass(frozen=True)
class Param:
    """One URL parameter as its page declared it; `name` and `page` come from the field and its class.

    `widget` names the Streamlit widget that sets it ("" for one set by buttons), so the contract
    tests can find it; `ends` gives the two extremes a link may hold, for the same tests.
    """

    kind: Kind
    parse: Parser
    dump: Callable[[Any], str]
    fmt: str
    example: Any
    description: str
    default: Any = None  # None: the data's own value, described by default_text
    default_text: str = ""
    widget: Widget = ""
    range: Range | None = None  # for a slider's value: its limits and step
    whole: bool = False  # a slider's value is a whole number
    options: tuple[str, ...] = ()  # for a choice or a subset: what may be chosen, in order
    reset: bool = False  # the page's Reset puts it back to its default
    from_data: bool = False  # the default is the page's data's years (the shared years filter)
    ends: Callable[[Years | None], tuple[Any, Any]] | None = None
    name: str = ""
    page: str = ""

    @property
    def own_data(self) -> bool:
        """Read against its page's own data's years, so only when the page asks for its view."""
        return self.kind == "year"

    def default_for(self, years: Years | None) -> Any:
        """The value a link without this parameter means (for the years filter: all the data's years)."""
        return years if self.from_data else self.default

    def describe(self, value: Any) -> str:
        """A value as a warning or the docs name it: its URL form, or words for an empty or data default."""
        return (self.dump(value) if value is not None else "") or self.default_text

    def read(self, text: str | None, years: Years | None) -> tuple[Any, Repair | None]:
        """The value a link's text stands for, and the repair said to the viewer if it had to change."""
        default = self.default_for(years)
        if text is None:
            return default, None
        try:
            return self.parse(text, years), None
        except Invalid as problem:
            if problem.clamped is not None:
                return problem.clamped, Repair(self.name, text, self.dump(problem.clamped), problem.reason)
            return default, Repair(self.name, text, THE_DEFAULT.format(value=self.describe(default)), problem.reason)

    def nearest(self, value: float) -> float:
        """A number brought inside the slider's limits and to its precision, as a link's would be (presets)."""
        if self.range is None:
            raise KeyError(f"{self.name} is not set by a slider")
        inside = self.range.clamp(value)
        return (
            int(round(inside / self.range.step) * self.range.step) if self.whole else round(inside, self.range.digits)
        )


def _declare(**declared: Any) -> Any:
    """The dataclass field that carries a Param: its default, and the declaration in its metadata."""
    param = Param(**declared)
    default = MISSING if param.from_data else param.default
    return field(default=default, metadata={PARAM: param})


def _number_text(value: float) -> str:
    return f"{value:g}"


def _listed(options: Sequence[str]) -> str:
    """'a or b', 'a, b or c'."""
    return f"{', '.join(options[:-1])} or {options[-1]}" if len(options) > 1 else options[0]


# ---------------------------------------------------------------------------------------------
# Declarations: what a page writes, one call per field. `says` is the docs' "what it sets".


def slider(
    within: Range,
    *,
    example: float,
    says: str,
    default: float | None = None,
    from_data: str = "",
    reads: Literal["number", "whole", "steps"] = "number",
    unit: str = "%",
    widget: Widget = "slider",
    reset: bool = False,
) -> Any:
    """A number set by a slider with these limits and step. `reads`: 'number' (rounded to the step's
    decimals), 'whole' (whole numbers only) or 'steps' (any number, moved to the nearest step).
    `from_data` instead of `default`: the default is the data's own value, in these words."""
    if reads == "number":
        parse, dump = number_in(within), _number_text
        fmt = f"{unit or 'number'} ({within.low:g}..{within.high:g})"
    elif reads == "whole":
        parse, dump, fmt = whole_number_in(within), str, f"whole number {within.low}..{within.high}"
    else:
        parse, dump, fmt = steps_of(within, unit), str, f"{unit}, {within.low}..{within.high} in steps of {within.step}"
    number = int if reads != "number" else float
    return _declare(
        kind="number",
        parse=parse,
        dump=dump,
        fmt=fmt,
        example=example,
        description=says,
        default=default,
        default_text=from_data or dump(default),
        widget=widget,
        range=within,
        whole=reads != "number",
        reset=reset,
        ends=lambda years: (number(within.low), number(within.high)),
    )


def choice(
    options: tuple[str, ...], *, default: str, example: str, says: str, widget: Widget = "segmented_control"
) -> Any:
    """One of a few named options."""
    return _declare(
        kind="choice",
        parse=one_of(options),
        dump=str,
        fmt=_listed(options),
        example=example,
        description=says,
        default=default,
        default_text=default,
        widget=widget,
        options=options,
        ends=lambda years: (options[0], options[-1]),
    )


def subset(
    options: tuple[str, ...],
    *,
    noun: str,
    example: tuple[str, ...],
    says: str,
    default: tuple[str, ...] | None = None,
    empty: bool = True,
    widget: Widget = "pills",
) -> Any:
    """Any of the options (all by default), kept in their order; `empty=False` when none makes no sense."""
    chosen = options if default is None else default
    least = () if empty else options[:1]
    return _declare(
        kind="subset",
        parse=some_of(options, noun, empty),
        dump=",".join,
        fmt="comma list of " + ", ".join(options),
        example=example,
        description=says,
        default=chosen,
        default_text=",".join(chosen),
        widget=widget,
        options=options,
        ends=lambda years: (least, options),
    )


def year(
    *,
    within: str,
    example: int,
    says: str,
    default: int | None = None,
    from_data: str = "",
    widget: Widget = "selectbox",
) -> Any:
    """A year of the page's own data (`within` names it: 'the product data'); the page passes that
    data's first and last year when it reads its view."""
    return _declare(
        kind="year",
        parse=year_within(within),
        dump=str,
        fmt="YYYY",
        example=example,
        description=says,
        default=default,
        default_text=from_data or str(default),
        widget=widget,
        ends=lambda years: years,
    )


def year_span(*, within: str, example: Years, says: str, widget: Widget = "slider") -> Any:
    """A range of years, by default all of the data's."""
    return _declare(
        kind="years",
        parse=span_within(within),
        dump=lambda value: f"{value[0]}..{value[1]}",
        fmt="FROM..TO",
        example=example,
        description=says,
        default_text="all years in the data",
        widget=widget,
        from_data=True,
        ends=lambda years: ((years[0], years[0]), (years[1], years[1])),
    )


def text(*, limit: int, example: str, says: str, widget: Widget = "text_input") -> Any:
    """Free text for a search, empty by default."""
    return _declare(
        kind="text",
        parse=search_text(limit),
        dump=str,
        fmt=f"text (letters, digits, spaces; up to {limit})",
        example=example,
        description=says,
        default="",
        default_text="empty",
        widget=widget,
        ends=lambda years: ("", "x" * limit),
    )


def figure_id(*, from_data: str, example: str, says: str, widget: Widget = "selectbox") -> Any:
    """The id of a figure in the data; the page checks it exists and reports it if not."""
    return _declare(
        kind="id",
        parse=an_id,
        dump=str,
        fmt="figure id",
        example=example,
        description=says,
        default_text=from_data,
        widget=widget,
    )


def custom(
    *,
    parse: Parser,
    dump: Callable[[Any], str],
    fmt: str,
    default: Any,
    default_text: str,
    example: Any,
    says: str,
    ends: Callable[[Years | None], tuple[Any, Any]],
    widget: Widget = "",
) -> Any:
    """A parameter with its own reader and writer (a list of named scenarios, say)."""
    return _declare(
        kind="custom",
        parse=parse,
        dump=dump,
        fmt=fmt,
        example=example,
        description=says,
        default=default,
        default_text=default_text,
        widget=widget,
        ends=ends,
    )


# ---------------------------------------------------------------------------------------------
# A page's state


S = TypeVar("S", bound="PageState")


@dataclass_transform(
    kw_only_default=True,
    frozen_default=True,
    field_specifiers=(slider, choice, subset, year, year_span, text, figure_id, custom),
)
class PageState:
    """A page's slice of the view: a frozen dataclass of the filters every page shares and its own
    parameters. A subclass names its page (`class BorderState(Filters, page="border")`) and becomes
    the dataclass; its fields' declarations become its Params, named after the fields."""

    page: ClassVar[str]
    _own: ClassVar[tuple[Param, ...]]

    def __init_subclass__(cls, page: str, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.page = page
        dataclass(frozen=True, kw_only=True)(cls)
        own = inspect.get_annotations(cls)
        cls._own = tuple(
            replace(item.metadata[PARAM], name=item.name, page=page) for item in fields(cls) if item.name in own
        )

    @classmethod
    def params(cls) -> tuple[Param, ...]:
        """The page's own parameters, in declaration order (the shared filters' are Filters')."""
        return cls._own

    @classmethod
    def all_params(cls) -> tuple[Param, ...]:
        """Every parameter the page's link carries: the shared filters', then its own."""
        return tuple(param for base in reversed(cls.__mro__) if "_own" in base.__dict__ for param in base._own)

    @classmethod
    def param(cls, name: str) -> Param:
        return next(param for param in cls.all_params() if param.name == name)

    @classmethod
    def defaults(cls, *names: str) -> dict[str, Any]:
        """The declared defaults of these fields, or of every field the page's Reset undoes if none is named."""
        chosen = [cls.param(name) for name in names] if names else [p for p in cls.params() if p.reset]
        return {param.name: param.default for param in chosen}

    @classmethod
    def clamped(cls, **values: float) -> dict[str, float]:
        """Numbers for the page's sliders (a preset's), each brought inside its limits and precision."""
        return {name: cls.param(name).nearest(value) for name, value in values.items()}
