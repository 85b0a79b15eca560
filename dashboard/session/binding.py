"""Keeps the ViewState in the Streamlit session and in the address bar.

The session holds one ViewState. The link is read once, when a viewer opens it (a page's year
parameters when the page first asks for its view, against its own data's years); widgets are
seeded from it on every run and write back to it through their on_change callback; after the
page has run, the URL is rewritten from it. This is the only module that reads or writes query
parameters. Streamlit's own `bind="query-params"` drops an invalid value silently and forgets a
page's values when the viewer switches page, so this module does the binding itself (see
docs/url-contract.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from dashboard.formatting import localized
from dashboard.formatting.language import Language
from dashboard.formatting.localized import PLAIN, Shown
from dashboard.session.pages.filters import Filters
from dashboard.session.params import Repair, S, Years
from dashboard.session.state import Bounds, ViewState, open_link, read_page, slider_range, state_of, to_query

VIEW_KEY = "view_state"
REPAIRS_KEY = "view_repairs"


def open_view(bounds: Bounds) -> Filters:
    """The shared filters; the first time a session asks, its link is taken from the URL and read
    (the years filter against the trade data's years)."""
    if VIEW_KEY not in st.session_state:
        query = {key: st.query_params.get_all(key) for key in st.query_params}
        view, repairs = open_link(query, bounds.years)
        st.session_state[VIEW_KEY] = view
        st.session_state[REPAIRS_KEY] = repairs
    return current_view(Filters)


def current_view(page: type[S], years: Years | None = None) -> S:
    """The page's slice of the session's view. The first time a page asks, its year parameters are
    read from the link against `years`, the first and last year of the page's own data."""
    view: ViewState = st.session_state[VIEW_KEY]
    if not view.has_read(page):
        view, repairs = read_page(view, page, years)
        st.session_state[VIEW_KEY] = view
        st.session_state[REPAIRS_KEY] = [*st.session_state.get(REPAIRS_KEY, []), *repairs]
    return view.of(page)


def take_repairs() -> list[Repair]:
    """Link values that were corrected, reported once (app.py shows them above the page)."""
    return st.session_state.pop(REPAIRS_KEY, [])


def report_repair(repair: Repair, lang: Language) -> None:
    """Let a page report a value it could only check against the data (e.g. a figure id)."""
    st.warning(repair.message(lang), icon=":material/link_off:")


def update_view(**changes: Any) -> None:
    """Set parameters of pages already read (a widget's callback, a preset, a reset); a page
    reads the result with current_view."""
    st.session_state[VIEW_KEY] = st.session_state[VIEW_KEY].changed(**changes)


def bound_widget(
    widget: Callable[..., Any],
    name: str,
    value: Any,
    *args: Any,
    to_view: Callable[[Any], Any] = lambda v: v,
    resets: tuple[str, ...] = (),
    labels_from: str = "",
    labels_in_every_language: bool = False,
    then: Callable[[], None] | None = None,
    **kwargs: Any,
) -> Any:
    """Draw `widget` showing `value`, and store the viewer's changes in view field `name`.

    `resets` names fields that go back to their data default when this one changes (a new
    projection year has its own base and growth). `labels_from` is what the option labels are
    written in (a unit): the widget gets a key per value of it, because a browser keeps showing
    the chosen option's old label when only the labels change.

    The language is one such thing for every widget whose options are labelled (a
    `format_func`), so those get a key per language too. Without it the browser keeps the
    chosen option's label in the language just left and sends it back on the next rerun, which
    Streamlit cannot map to an option any more: switching Russian -> English turned `units`
    into "US$ bn" and broke every page (tests/e2e/test_languages.py). English keeps the plain
    key. `labels_in_every_language` is for a widget whose labels are the same in every
    language (the language switch itself: each language in its own name).

    `then` runs after the view is stored (views/redraw.whole_page: the change shows beyond the
    control's section).
    """
    language = st.session_state[VIEW_KEY].of(Filters).language
    in_language = "format_func" in kwargs and not labels_in_every_language and not language.is_source
    suffixes = [part for part in (labels_from, language.code if in_language else "") if part]
    key = "-".join([f"w_{name}", *suffixes])
    # Seed only when the view and the widget disagree (a link, a reset, a button): writing the
    # same value back on every run would make the browser reset a slider the viewer is moving.
    if key not in st.session_state or st.session_state[key] != value:
        st.session_state[key] = value

    def store() -> None:
        update_view(**{name: to_view(st.session_state[key])}, **dict.fromkeys(resets))
        if then is not None:
            then()

    return widget(*args, key=key, on_change=store, **kwargs)


def bound_slider(name: str, value: float, label: str, shown: Shown = PLAIN, **kwargs: Any) -> Any:
    """A slider for view field `name` with the limits and step its page declares, so
    the widget offers exactly the values a link may carry; a value from elsewhere (the data's
    latest growth figure) is brought inside them. `shown` says what its numbers are.

    The browser formats a number slider's thumb and ends with a printf format, which knows no
    language ("+0.0%" on a Russian page). So in a language whose numbers read differently, the
    slider is a select slider over the same values (`Range.grid`: the view still stores the same
    float or int, a link still carries the same number) labelled in the language ("+0,0 %"), and
    its arrow keys step through them one by one, as the number slider's step does. English keeps
    the number slider, unchanged; so does a slider whose numbers read the same in the language
    (the top N, the radius in km).
    """
    limits = slider_range(name)
    lang = st.session_state[VIEW_KEY].of(Filters).language
    grid = limits.grid()
    labels = localized.slider_labels(grid, shown, limits.digits, lang)
    if labels is None:
        widget_args = {**limits.widget_args(), "format": shown.printf(limits.digits)}
        return bound_widget(st.slider, name, limits.clamp(value), label, **widget_args, **kwargs)
    return bound_widget(
        st.select_slider, name, limits.on_grid(value), label, options=grid, format_func=labels.__getitem__, **kwargs
    )


def sync_url(bounds: Bounds, page: str) -> dict[str, str]:
    """Rewrite the address bar from the view, so it always links to what is on screen."""
    query = to_query(st.session_state[VIEW_KEY], state_of(page), bounds.years)
    if {key: st.query_params.get(key) for key in st.query_params} != query:
        st.query_params.from_dict(query)
    return query


def view_now() -> ViewState:
    """The whole view as it stands after the page has run (for the brief's words)."""
    return st.session_state[VIEW_KEY]
