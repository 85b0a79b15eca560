"""What the page on screen shows, recorded as it is drawn, so that the brief is that view.

Every chart goes through components.show_chart/show_map and every sources line through
components' captions, so those record themselves; pages add their headline figures
(components.metric) and the sentences a reader needs (paragraph). The record is started afresh
on every run (app.py) and handed, as a snapshot, to the download button: the PDF itself is
built only when the viewer clicks.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.analytics.citations import cite, data_as_of
from dashboard.brief.content import Brief, Chart, Figure, Source
from dashboard.cache import readonly
from dashboard.cache.edition import per_edition
from dashboard.formatting.language import ENGLISH, Language

KEY = "_brief_record"
MAX_CHARTS = 4  # a page's main charts: the first ones drawn; two pages hold no more
# The record's lists, in step with the page's order; a section is a slice of each.
ITEMS = ("figures", "paragraphs", "charts", "chart_sources", "figure_sources")
Marks = tuple[int, ...]  # a length of each of ITEMS


@dataclass
class Record:
    title: str
    figures: list[Figure] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    chart_sources: list[tuple[str, ...]] = field(default_factory=list)
    withheld: list[bool] = field(default_factory=list)
    figure_sources: list[str] = field(default_factory=list)  # source ids behind the headline figures
    restricted: dict[int, tuple[str, ...]] = field(default_factory=dict)  # chart -> publishers not to pass on
    pending: int | None = None  # the chart drawn last, until its sources line (or anything else) follows
    sections: dict[str, tuple[Marks, Marks]] = field(default_factory=dict)  # in page order: where each starts, ends


def begin(title: str) -> None:
    st.session_state[KEY] = Record(title)


def _marks(record: Record) -> Marks:
    return tuple(len(getattr(record, items)) for items in ITEMS)


@contextmanager
def section(name: str, redrawn: bool) -> Iterator[None]:
    """What is recorded inside is the page's section `name`. Drawn with the page, its place in
    the record is noted; `redrawn` alone (a fragment rerun, views/redraw.py), what it records
    replaces what it recorded before, and the rest of the page's record stays as it was drawn.
    A section that stops halfway (a rerun of the whole page) changes nothing."""
    record = _record()
    if record is None:
        yield
        return
    if not redrawn:
        start = _marks(record)
        yield
        record.sections[name] = (start, _marks(record))
        record.pending = None
        return
    fresh = Record(record.title)
    st.session_state[KEY] = fresh
    try:
        yield
    finally:
        st.session_state[KEY] = record
    if name in record.sections:
        _splice(record, name, fresh)


def _splice(record: Record, name: str, fresh: Record) -> None:
    """`fresh`'s items in place of section `name`'s; the sections after it move with them."""
    start, end = record.sections[name]
    for index, items in enumerate(ITEMS):
        getattr(record, items)[start[index] : end[index]] = getattr(fresh, items)
    first, last = start[2], end[2]  # the section's charts: `restricted` is keyed by chart
    shift = len(fresh.charts) - (last - first)
    record.restricted = {
        chart + (shift if chart >= last else 0): who
        for chart, who in record.restricted.items()
        if not first <= chart < last
    } | {first + chart: who for chart, who in fresh.restricted.items()}
    moved = tuple(len(getattr(fresh, items)) - (end[i] - start[i]) for i, items in enumerate(ITEMS))
    names = list(record.sections)
    for later in names[names.index(name) + 1 :]:
        later_start, later_end = record.sections[later]
        record.sections[later] = (_moved(later_start, moved), _moved(later_end, moved))
    record.sections[name] = (start, _moved(start, _marks(fresh)))
    record.pending = None


def _moved(marks: Marks, by: Marks) -> Marks:
    return tuple(mark + step for mark, step in zip(marks, by, strict=True))


def _record() -> Record | None:
    return st.session_state.get(KEY)


def figure(label: str, value: str, note: str | None = None, source_ids: tuple[str, ...] = (), basis: str = "") -> None:
    record = _record()
    if record is not None:
        record.figures.append(Figure(label, value, note or "", basis))
        record.figure_sources.extend(source_ids)
        record.pending = None


def paragraph(text: str) -> None:
    record = _record()
    if record is not None and text:
        record.paragraphs.append(text.replace("\\$", "$"))
        record.pending = None


def chart(spec: dict[str, Any], description: str) -> None:
    record = _record()
    if record is not None:
        record.charts.append(Chart(spec, description))
        record.chart_sources.append(())
        record.pending = len(record.charts) - 1


def chart_done() -> None:
    """The last chart has no sources line of its own: what follows belongs to something else."""
    record = _record()
    if record is not None:
        record.pending = None


def cited(source_ids: tuple[str, ...], caption: str, restricted: tuple[str, ...]) -> None:
    """A sources line was drawn: it belongs to the chart drawn just before it, if any.

    A sources line under a table (not in the brief) belongs to no chart and is not cited.
    """
    record = _record()
    if record is None or record.pending is None:
        return
    index, record.pending = record.pending, None
    record.chart_sources[index] = source_ids
    record.charts[index] = replace(record.charts[index], caption=_plain(caption))
    if restricted:
        record.restricted[index] = restricted


def _plain(caption: str) -> str:
    """A sources line without its Markdown links (the PDF lists each source with its address)."""
    return re.sub(r"\s*\(\[[^\]]+\]\([^)]*\)\)", "", caption).replace("\\$", "$")  # "([link](…))" in any language


def _listed(cited: pd.DataFrame) -> tuple[Source, ...]:
    """The cited sources as the PDF lists them (columns read whole: itertuples over Arrow text
    cost about a millisecond a rerun)."""
    columns = (cited[name].tolist() for name in ("publisher", "title", "url"))
    return tuple(Source(*row) for row in zip(*columns, strict=True))


def _cited_sources(ids: tuple[str, ...], sources: pd.DataFrame) -> tuple[tuple[Source, ...], str | None]:
    """The sources these ids cite as the PDF lists them, and how current they are: worked out once
    per set of ids from the shared sources table (every rerun of a page cites the same ones)."""

    def work(table: pd.DataFrame) -> tuple[tuple[Source, ...], str | None]:
        cited = cite(ids, table)
        return _listed(cited), data_as_of(cited)

    return readonly.derived(sources, ("brief sources", ids), work)


def snapshot(link: str, view_text: str, sources: pd.DataFrame | None, lang: Language = ENGLISH) -> Brief | None:
    """The brief of what this run drew, ready to render (None when nothing was recorded), its fixed
    words in the viewer's language."""
    record = _record()
    if record is None:
        return None
    shown = [i for i in range(len(record.charts)) if i not in record.restricted][:MAX_CHARTS]
    withheld = sorted({publisher for publishers in record.restricted.values() for publisher in publishers})
    left_out = [left_out_line(len(record.restricted), ", ".join(withheld), lang)] if withheld else []
    others = len(record.charts) - len(record.restricted) - len(shown)
    if others > 0:
        left_out.append(
            lang.ngettext(
                "The page's other {count} chart(s) are at the link below.",
                "The page's other {count} chart(s) are at the link below.",
                others,
            ).format(count=others)
        )
    # withheld charts' sources first: they must be cited even when the list is cut to fit
    ids = [i for index in record.restricted for i in record.chart_sources[index]]
    ids += [*record.figure_sources, *(i for index in shown for i in record.chart_sources[index])]
    listed, as_of = _cited_sources(tuple(dict.fromkeys(ids)), sources) if sources is not None else ((), None)
    return Brief(
        title=record.title,
        made_on=date.today().isoformat(),
        view=view_text,
        link=link,
        figures=tuple(record.figures),
        paragraphs=tuple(record.paragraphs),
        charts=tuple(record.charts[index] for index in shown),
        sources=listed,
        data_as_of=as_of,
        left_out=tuple(left_out),
        lang=lang,
    )


def left_out_line(charts: int, publishers: str, lang: Language) -> str:
    """What the brief leaves out because its publisher's terms forbid passing it on."""
    # Translators: the English keeps "chart(s)" for every count; Russian needs its three forms
    return lang.ngettext(
        "Left out of this brief: {count} chart(s) with {publishers} figures, whose publisher's terms forbid "
        "passing them on; the sources are cited below and the charts are at the link.",
        "Left out of this brief: {count} chart(s) with {publishers} figures, whose publisher's terms forbid "
        "passing them on; the sources are cited below and the charts are at the link.",
        charts,
    ).format(count=charts, publishers=publishers)


def cached_png(spec: dict[str, Any]) -> bytes:
    """A chart's picture, rendered once per distinct spec (a brief asked for twice renders nothing again)."""
    key = hashlib.sha256(json.dumps(spec, sort_keys=True, default=_bytes_digest).encode()).hexdigest()
    return chart_png(key, spec)


@per_edition(max_entries=64)  # keyed by the spec's digest: the spec itself is not hashed again
def chart_png(key: str, _spec: dict[str, Any]) -> bytes:
    from dashboard.brief.document import spec_to_png  # the renderer loads on the first click

    return spec_to_png(_spec)


def _bytes_digest(value: object) -> str:
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    raise TypeError(f"not JSON: {type(value).__name__}")


def pdf_bytes(brief: Brief) -> bytes:
    """The brief's PDF. fpdf2, vl-convert and the font are loaded here, on the first click, so a
    server whose viewers never ask for a brief never holds them in memory."""
    from dashboard.brief.document import render_pdf

    return render_pdf(brief, chart_png=cached_png)
