"""The view a link opens: reading a link into each page's state, and writing a page's link back.

The URL contract is the pages' declarations (session/pages/, one class per page, made of
session/params.py's calls; docs/url-contract.md's table is generated from them). A parameter
absent from the URL means its default; a value that cannot be used is replaced by the default
(or clamped into range) and reported back as a Repair, so the page can tell the viewer their link
was corrected.

A link is read when the session opens, all but the year parameters of pages (the shared years
filter is read against the trade data's years); a page's year parameters are read the first time
that page asks for its view, against its own data's years. Until then they are kept as the link
gave them, so a page whose data could not be loaded still writes its part of the link back
unchanged. Pure: no Streamlit here (session/binding.py keeps the state in the session and the
address bar).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from dashboard.formatting import localized
from dashboard.formatting.language import Language
from dashboard.session.pages import STATES
from dashboard.session.pages.filters import Filters
from dashboard.session.pages.trade import MIRROR_FLOWS as MIRROR_FLOWS  # models/trade.py builds one gap per flow
from dashboard.session.params import PageState, Param, Range, Repair, S, Years
from dashboard.session.unread_link import UNREAD_LINK

PARAMS = tuple(param for state in STATES for param in state.params())  # each parameter once, in the docs' order
PARAM_BY_NAME = {param.name: param for param in PARAMS}
STATE_OF_PAGE = {state.page: state for state in STATES}



@dataclass(frozen=True)
class Bounds:
    """The years the shared filters are read against: the trade data's (cache.shared.year_bounds).

    The Partners page passes its own data's years when it reads its view."""

    year_min: int = 1993
    year_max: int = 2025

    @property
    def years(self) -> Years:
        return (self.year_min, self.year_max)


class UnreadLink(Repair):
    """A link too long for the server to read at all: said, rather than opening the defaults silently."""

    def message(self, lang: Language) -> str:
        if not self.given.isdigit():
            count = lang.gettext("too many")
        else:
            count = f"{int(self.given):,}" if lang.is_source else localized.number(int(self.given), lang)
        return lang.gettext(
            "This link has {count} parameters, more than the server reads (at most 1,000 parameters and "
            "512 Ki characters), so none of it could be used: showing the default view. "
            "Open the view again and copy its share link, which is short."
        ).format(count=count)


@dataclass(frozen=True)
class ViewState:
    """Everything a link must carry to reopen the same view, for every page a session has read.

    `link` is what the session was opened with (one text per parameter); `values` holds the
    values read so far by parameter name (names are one namespace, as in the URL), `read` their
    names."""

    link: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, Any] = field(default_factory=dict)
    read: frozenset[str] = frozenset()

    def has_read(self, state: type[PageState]) -> bool:
        return all(param.name in self.read for param in state.all_params())

    def of(self, state: type[S]) -> S:
        """The page's slice of the view (its page must have been read)."""
        return state(**{param.name: self.values[param.name] for param in state.all_params()})

    def changed(self, **changes: Any) -> ViewState:
        unknown = set(changes) - set(self.values)
        if unknown:
            raise KeyError(f"not a parameter of a page read so far: {sorted(unknown)}")
        return replace(self, values={**self.values, **changes})


def state_of(page: str) -> type[PageState]:
    """The state class of a page (navigation's name); a page with no parameters of its own reads the filters."""
    return STATE_OF_PAGE.get(page, Filters)


def _last_text(raw: str | list[str]) -> str:
    """A repeated parameter counts by its last value; anything but text reads as empty."""
    text = raw[-1] if isinstance(raw, list) else raw
    return text if isinstance(text, str) else ""


def open_link(query: Mapping[str, str | list[str]], years: Years) -> tuple[ViewState, list[Repair]]:
    """A session's view from the link it was opened with: every parameter read but the pages' year
    parameters (the shared years filter against the trade data's `years`), which are kept as
    given until their page reads them with its own data's years."""
    link = {name: _last_text(raw) for name, raw in query.items() if name != UNREAD_LINK}
    repairs: list[Repair] = []
    if UNREAD_LINK in query:
        repairs.append(UnreadLink(UNREAD_LINK, _last_text(query[UNREAD_LINK]), "the default view", "could not be read"))
    now = [param for param in PARAMS if not param.own_data]
    state, read = _read(ViewState(link=link), now, years)
    return state, repairs + read


def read_page(state: ViewState, page: type[PageState], years: Years | None = None) -> tuple[ViewState, list[Repair]]:
    """Read what is left of `page`'s part of the link (its year parameters), against `years`, the
    first and last year of the page's own data."""
    return _read(state, [param for param in page.all_params() if param.name not in state.read], years)


def _read(state: ViewState, params: list[Param], years: Years | None) -> tuple[ViewState, list[Repair]]:
    values: dict[str, Any] = {}
    repairs: list[Repair] = []
    for param in params:
        values[param.name], repair = param.read(state.link.get(param.name), years)
        if repair is not None:
            repairs.append(repair)
    read = state.read | {param.name for param in params}
    return replace(state, values={**state.values, **values}, read=read), repairs


def read_link(query: Mapping[str, str | list[str]], years: Mapping[str, Years]) -> tuple[ViewState, list[Repair]]:
    """Every page of a link read at once, each against its data's years (`years` by page name,
    '' for the filters): what a session does page by page, for the tests and the docs."""
    state, repairs = open_link(query, years[""])
    for page in STATES:
        state, found = read_page(state, page, years.get(page.page))
        repairs += found
    return state, repairs


def to_query(state: ViewState, page: type[PageState], years: Years) -> dict[str, str]:
    """The URL parameters of a page's view: only values that differ from the default, in the
    declarations' order (`years`: the data's, the shared filter's default).

    Parameters of other pages are left out so that each link carries only what its page uses; a
    value of a page not read yet is written back as the link gave it."""
    query = {}
    for param in page.all_params():
        if param.name not in state.read:
            if param.name in state.link:
                query[param.name] = state.link[param.name]
            continue
        value = state.values[param.name]
        if value is None or value == param.default_for(years):
            continue
        query[param.name] = param.dump(value)
    return query


def view_in_words(state: ViewState, query: Mapping[str, str], lang: Language) -> str:
    """'Years 2010–2020; radius 150': the filters and settings of a view, for a printed brief, in
    the viewer's language ('Годы: 2010–2020; radius 150'). The other settings are named as the
    link names them (a reader can find them in it); the language is the brief's own, not listed."""
    first, last = state.values["years"]
    parts = [lang.gettext("Years {first}–{last}").format(first=first, last=last)]
    parts += [f"{name} {value}" for name, value in query.items() if name not in ("years", "lang")]
    if len(parts) > 1:
        return "; ".join(parts)
    return lang.gettext("{years}; every other setting at its default").format(years=parts[0])


def slider_range(name: str) -> Range:
    """The limits and step of the slider that sets `name` (a KeyError for a parameter without one)."""
    limits = PARAM_BY_NAME[name].range
    if limits is None:
        raise KeyError(f"{name} is not set by a slider")
    return limits
