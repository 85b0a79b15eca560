"""Page building blocks shared by every page: charts with their sources, KPIs, data errors."""

from __future__ import annotations

import hashlib
import itertools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitDuplicateElementKey

from dashboard import datasets
from dashboard.analytics.citations import (
    Citing,
    cite,
    cited_ids,
    cited_reach,
    data_as_of,
    sources_caption,
    with_citation,
    withheld_rows,
)
from dashboard.brief import collect
from dashboard.cache import arrow_tables, readonly, source_lists, specs
from dashboard.charts.theme import ON_CANVAS
from dashboard.datasets import DataError
from dashboard.formatting import markdown_text, vega
from dashboard.formatting.catalogue import N_
from dashboard.formatting.csv_columns import header
from dashboard.formatting.language import Language

__all__ = ["cite", "citing", "data_as_of", "sources_caption", "with_citation", "withheld_rows"]  # re-exported for pages

T = TypeVar("T")
LOG = logging.getLogger(__name__)


# Fit the width only: with Streamlit's default ("fit"), a chart's height also has to hold its
# legends and axis titles, and a chart with a legend underneath keeps a sliver of plot.
FIT_WIDTH = {"type": "fit-x", "contains": "padding"}


def show_chart(chart: dict[str, Any], description: str, data: pd.DataFrame | None = None, *, lang: Language) -> None:
    """A chart as wide as its column, with the plot as tall as its spec says, its numbers and
    dates in the viewer's language (the spec's Vega locale).

    Its description, with the key numbers of `data` (the chart's own rows), is what a screen
    reader announces for it.
    """
    # the spec's description is the chart's accessible name (vega-embed sets it as aria-label);
    # passing alt as well would only make Streamlit log that one overrides the other, every draw
    text = description if data is None else specs.chart_description(description, data, lang)
    spec = vega.localized_spec({"autosize": FIT_WIDTH, "usermeta": ON_CANVAS, **chart, "description": text}, lang)
    st.vega_lite_chart(spec=dict(spec), theme=None, width="stretch")
    collect.chart(dict(vega.localized_spec(chart, lang)), description)


# A map frame keeps the map's shape at every width; the map fills it (height "container").
# Static CSS keyed to the frame's container class: no data reaches it.
MAP_FRAME_CSS = (
    "<style>[class*='st-key-map-frame-'] [data-testid='stVegaLiteChart']"
    "{aspect-ratio: 4 / 3; max-height: 620px; min-height: 240px;}"
    # On a phone the legend under the map takes a third of a 4:3 frame: make the frame square.
    "@media (max-width: 640px) {[class*='st-key-map-frame-'] [data-testid='stVegaLiteChart']"
    "{aspect-ratio: 1 / 1;}}</style>"
)


# Static CSS (no data reaches it) for what Streamlit's theme cannot set: captions (some of which
# Streamlit fades with opacity) in a grey of 5.9:1, their links at 7:1 (faded, they were 3:1),
# and a visible focus ring on the page links, which otherwise only change their background.
ACCESSIBILITY_CSS = (
    "<style>[data-testid='stCaptionContainer']{opacity:1;color:#5F6670;}"
    "[data-testid='stCaptionContainer'] a{color:#1A56A0;}"
    "[data-testid='stSidebarNavLink']:focus-visible,a:focus-visible{outline:2px solid #14171A;outline-offset:2px;}"
    "</style>"
)


# Static CSS (no data reaches it) so that nothing is cut off in either language (Russian runs about
# a quarter longer; tests/e2e/test_overflow.py). Streamlit ends a card's title, value and badge and
# a page link's text in "…" on one line, and lays a segmented control's options in one row that
# runs past a narrow column. Here titles, badges and links wrap at their spaces, and a control's
# options take a second row. A card's value wraps too, but an amount is one unbreakable word in
# Russian ("1,50 млрд долл. США", joined by no-break spaces as Russian typesetting wants), about
# nine times as wide as its font is tall: so the value's font also shrinks with its card, at most
# 11% of the card's width (a 200 px card: 22 px), never above Streamlit's 2.25rem, and never
# breaks inside a word (what still did not fit would be clipped, and the test would say so).
FIT_TEXT_CSS = (
    "<style>[data-testid='stMetric'] .stMarkdownEllipsis,[data-testid='stMetric'] .stMarkdownEllipsis p,"
    "[data-testid='stPageLink-NavLink'] span,[data-testid='stPageLink-NavLink'] p"
    "{white-space:normal;overflow:visible;text-overflow:clip;}"
    "[data-testid='stMetric'] > div{container-type:inline-size;}"
    "[data-testid='stMetricValue']{font-size:min(2.25rem,11cqi);}"
    "[data-testid='stMetricValue'] *{overflow-wrap:normal;word-break:normal;}"
    "[data-testid='stButtonGroup'] > div{flex-wrap:wrap;}"
    "</style>"
)


# A card's value must stay whole: Russian amounts are one unbreakable string ("20,64 млрд долл.
# США", no-break spaces), and a browser left to itself broke it inside a word ("СШ|А"). Its font
# follows the card's width (FIT_TEXT_CSS) and, here, its length: a value of up to n characters
# gets at most 100 / (0.6 n) % of the card's width per em (0.6 em: a wide average character of the
# app's font), so it fits on its line. Static CSS, keyed to the metric's container class.
VALUE_WIDTHS = tuple(range(12, 45, 4))


def value_width(value: str) -> int:
    """The smallest of VALUE_WIDTHS that holds `value` (the longest for anything longer)."""
    return next((width for width in VALUE_WIDTHS if len(value) <= width), VALUE_WIDTHS[-1])


FIT_VALUE_CSS = (
    "<style>[data-testid='stMetricValue'],[data-testid='stMetricValue'] *{overflow-wrap:normal;word-break:normal;}"
    + "".join(
        f"[class*='st-key-fit-{width}-'] [data-testid='stMetricValue']"
        f"{{font-size:min(2.25rem,11cqi,{100 / (0.6 * width):.2f}cqi);}}"
        for width in VALUE_WIDTHS
    )
    + "</style>"
)


def accessibility_styles() -> None:
    """The app's own CSS for contrast, focus and text that fits (WCAG 1.4.3, 2.4.7, 1.4.10)."""
    st.html(ACCESSIBILITY_CSS + FIT_TEXT_CSS + FIT_VALUE_CSS)


def show_map(chart: dict[str, Any], description: str, key: str, *, lang: Language) -> None:
    """A map whose height follows its width, so it fills a phone screen as well as a laptop's."""
    st.html(MAP_FRAME_CSS)
    spec = dict(vega.localized_spec({"usermeta": ON_CANVAS, **chart}, lang))
    with st.container(key=f"map-frame-{key}"):
        st.vega_lite_chart(spec=spec, theme=None, width="stretch", height="stretch", alt=description)
    collect.chart(spec, description)


def chart_with_sources(
    chart: dict[str, Any],
    data: pd.DataFrame,
    sources: pd.DataFrame,
    file_name: str,
    description: str,
    note: str = "",
    *,
    lang: Language,
) -> None:
    """A chart, the line that says where its numbers come from, a CSV of those numbers, and the
    same numbers as a table on the page for whoever cannot read the chart (built only when asked)."""
    show_chart(chart, description, data, lang=lang)
    sources_and_download(data, sources, file_name, note, lang=lang)
    numbers_as_table(data, file_name, lang=lang)


def table(frame: pd.DataFrame, **options: Any) -> None:
    """`st.dataframe` of a frame; a shared frame goes as the Arrow table made from it once
    (cache/arrow_tables.py), so a rerun does not convert the same rows again."""
    st.dataframe(arrow_tables.for_dataframe(frame), **options)


def numbers_as_table(data: pd.DataFrame, name: str, *, lang: Language) -> None:
    """A switch that shows the chart's numbers as a table, without downloading a file."""
    _ = lang.gettext
    if st.toggle(_("Numbers as a table"), key=f"table_{name}", help=_("The numbers behind the chart above, as rows")):
        st.dataframe(csv_headers(data, lang), hide_index=True, width="stretch")


def sources_line(data: pd.DataFrame, sources: pd.DataFrame | None, note: str = "", *, lang: Language) -> None:
    """The caption under a chart: where its numbers come from and how current they are."""
    if sources is None:
        st.caption(note)
    else:
        _cited_caption(data, sources, note, lang)


def citing(
    ids: tuple[str, ...],
    sources: pd.DataFrame,
    reach: tuple[tuple[str, int], ...] = (),
    *,
    lang: Language,
) -> Citing:
    """The sources line for these ids, worked out once per data edition (`sources` is that edition's
    sources table, which every page model holds: the cached line reads the same one)."""
    return source_lists.sources_line(ids, reach, lang)


def _cited_caption(data: pd.DataFrame, sources: pd.DataFrame, note: str, lang: Language) -> Citing:
    ids, reach = readonly.derived(data, "cited", _cited)  # a shared frame's, worked out once
    summary = citing(ids, sources, reach, lang=lang)
    caption = " ".join(part for part in (note, summary.caption) if part)
    st.caption(caption)
    collect.cited(ids, caption, tuple(publisher for publisher, _ in summary.restricted))
    return summary


def _cited(data: pd.DataFrame) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...]]:
    """The ids a chart's rows cite, and the last year each has."""
    return cited_ids(data), cited_reach(data)


def withheld_note(count: int, links: str, lang: Language) -> str:
    """The note under a CSV some of whose figures may not be passed on."""
    # Translators: Russian needs all three forms (1 показатель, 2 показателя, 5 показателей).
    return lang.ngettext(
        "{count} figure is left out of the CSV: its publisher's terms forbid passing it on. "
        "Get it from the publisher: {links}.",
        "{count} figures are left out of the CSV: their publisher's terms forbid passing them on. "
        "Get them from the publisher: {links}.",
        count,
    ).format(count=count, links=links)


# The column names most CSVs share (citations, how a figure stands, the usual measures): shown
# in the viewer's language as the CSV's and the table's headers. The pages' other columns are
# marked in formatting/csv_columns.py (or N_ in a page's module).
CSV_COLUMNS = (
    N_("source_id"),
    N_("source_publisher"),
    N_("source_url"),
    N_("source_licence"),
    N_("reported_by"),
    N_("basis"),
    N_("edition"),
    N_("year"),
    N_("value"),
    N_("value_usd_m"),
    N_("value_text"),
    N_("unit"),
    N_("side"),
    N_("pct_gdp"),
    N_("segment"),
    N_("qualifier"),
    N_("date"),
    N_("category"),
    N_("title"),
    N_("event_id"),
)


def csv_headers(frame: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The frame with its column names in the viewer's language (English: unchanged), and the
    words the code wrote into it (whose figure, its basis, a reason: `specs.words_in`). The
    values as published stay as published; a translated column (`subject_ru`) gives its
    `subject` in the viewer's language and is not a column of its own."""
    frame = datasets.words_in_language(frame, lang)
    if lang.is_source:
        return frame
    return specs.words_in(frame, lang).rename(columns={column: header(column, lang) for column in frame.columns})


def reporter_name(label: str, lang: Language) -> str:
    """A reporter's label (reporters.csv) as the viewer's language names it (its `label_ru`)."""
    return specs.reporter_names(lang).get(label, label)


def sources_and_download(
    data: pd.DataFrame, sources: pd.DataFrame, file_name: str, note: str = "", *, lang: Language
) -> None:
    """The sources line under a chart or table, and the CSV of its numbers with their citations.

    The CSV is only built when the viewer clicks: most reruns never need it.
    """
    summary = _cited_caption(data, sources, note, lang)
    shared = data
    if summary.restricted:
        withheld = withheld_rows(data, sources)
        links = ", ".join(f"[{publisher}]({url})" for publisher, url in summary.restricted)
        st.caption(withheld_note(int(withheld.sum()), links, lang))
        shared = data[~withheld]
        if shared.empty:
            return  # nothing left that may be passed on
    st.download_button(
        lang.gettext("CSV: {file_name}").format(file_name=file_name),
        lambda: csv_headers(with_citation(shared, sources), lang).to_csv(index=False).encode("utf-8"),
        file_name=file_name,
        mime="text/csv",
        key=f"dl_{file_name}",
        icon=":material/download:",
        on_click="ignore",  # a download changes nothing on the page: no rerun
    )


def metric(
    where: Any,
    label: str,
    value: str,
    delta: str | None = None,
    source_ids: tuple[str, ...] = (),
    basis: str = "",
    *,
    lang: Language,
    moves: bool = False,
    **kwargs: Any,
) -> None:
    """A headline number, drawn and noted for the page's brief (with the sources behind it, if given).

    `basis` says whose figure it is and on what basis, under the number and in the brief: a
    number without it says more than it knows. A card whose number `moves` with a slider in its
    section is known by its label alone, so the browser updates it in place on a move instead of
    removing it and drawing a new one (its box is keyed by what it shows otherwise).
    """
    what = label if moves else f"{label}|{value}|{delta}|{basis}"
    fitted_box(where, what, value).metric(label, value, delta=delta, **kwargs)
    if basis:
        # a basis ending in an abbreviation ('… 2024 г.') takes no second full stop
        whose = lang.gettext("Whose figure: {basis}.").format(basis=basis.removesuffix("."))
        where.caption(markdown_text(whose))
    collect.figure(label, value, delta, source_ids, basis)


def fitted_box(where: Any, what: str, value: str) -> Any:
    """A container whose key's class sizes `value` to its length (FIT_VALUE_CSS). The key is a
    hash of what the card shows, so a rerun keeps the element; the same card twice on a page
    (Products' two directions can agree) takes the next free number."""
    digest = hashlib.sha1(what.encode()).hexdigest()[:12]
    for occurrence in itertools.count():
        try:
            return where.container(key=f"fit-{value_width(value)}-{digest}-{occurrence}")
        except StreamlitDuplicateElementKey:  # raised before anything is drawn or registered
            continue
    raise AssertionError("unreachable")


def say(text: str) -> None:
    """A sentence the reader needs, on the page and in its brief (Markdown bold dropped there)."""
    st.markdown(text)
    collect.paragraph(text.replace("**", ""))


def brief_button(
    slot: Any, link: str, view_text: str, file_name: str, sources: pd.DataFrame | None, *, lang: Language
) -> None:
    """The page's brief as a PDF, one click away: built only when the viewer clicks."""
    _ = lang.gettext
    brief = collect.snapshot(link, view_text, sources, lang)
    if brief is None:
        return
    with slot:
        st.download_button(
            _("Download brief (PDF)"),
            lambda: collect.pdf_bytes(brief),
            file_name=file_name,
            mime="application/pdf",
            key="brief_pdf",
            icon=":material/picture_as_pdf:",
            on_click="ignore",
            help=_("This view on at most two A4 pages: its headline numbers, main charts, sources and a link back."),
        )


# Errors that mean a fault in our code, not in a data file (a DataError names its file instead).
CODE_FAULTS = (ArithmeticError, AssertionError, AttributeError, LookupError, NameError, TypeError, ValueError)


def our_side(what: str, lang: Language) -> str:
    """What a viewer is told when our code failed: ours, logged, and nothing about data files.
    `what` is already in the viewer's language."""
    # Translators: {what} is a phrase such as "this page's figures", in the genitive in Russian
    return lang.gettext(
        "Something went wrong on our side while preparing {what}; it has been logged for us to fix"
    ).format(what=what)


def model_or_error(load: Callable[[], T], *, lang: Language) -> T | None:
    """A page's data model, or None after telling the viewer what failed (the page then stops).

    A data file that fails its checks is named; a fault in our code is logged with its traceback
    and the viewer told it is ours, never dressed up as a data error. Optional files that were
    corrupt and left out (the model's `set_aside`) are named in a warning; the page still draws.
    """
    _ = lang.gettext
    try:
        model = load()
    except DataError as error:
        data_error(error, lang=lang)
        return None
    except CODE_FAULTS:
        LOG.exception("building a page's model failed")
        st.error(our_side(_("this page's figures"), lang) + _(". Other pages still work."), icon=":material/error:")
        return None
    for note in set_aside(model):
        st.warning(_("{note}. The rest of the page is shown.").format(note=note), icon=":material/warning:")
    return model


def set_aside(model: Any) -> tuple[str, ...]:
    """The optional files a model left out because they could not be read (see cache.tables.optional)."""
    return tuple(getattr(model, "set_aside", ()))


def data_error(error: DataError, *, lang: Language) -> None:
    """The page's data cannot be used: say which file and where, and nothing more (the check's
    own message, which names the row and column, stays as the checks write it)."""
    _ = lang.gettext
    st.error(
        _("This page cannot be shown: **data/{file}** failed its checks. {error}").format(file=error.file, error=error)
        + "\n\n"
        + _("Other pages that do not use this file still work; the Sources & data page lists every dataset's status."),
        icon=":material/error:",
    )


def no_data(message: str) -> None:
    st.info(message, icon=":material/info:")


def change_style(change: float | None) -> dict[str, str]:
    """Arrow and colour for a metric's change, from the number itself.

    Streamlit reads the sign from the delta text, and ours starts with a qualifier ("over") or a
    typographic minus, so without this a fall would show as a green rise.
    """
    if change is None or change == 0:
        return {"delta_color": "off", "delta_arrow": "off"}
    return (
        {"delta_color": "green", "delta_arrow": "up"} if change > 0 else {"delta_color": "red", "delta_arrow": "down"}
    )
