"""The walk that finds English left on a page drawn in another language (issue 28).

One helper for every page's `tests/app/test_russian_<page>.py`: open the page with `lang=ru`, then

    assert english_left(at, downloads) == []

`visible_texts(at)` is every text a viewer reads or hears, main area and sidebar (or one area,
given `at.main`): headings, Markdown, captions, alerts, metric labels, values, deltas and help,
widget labels, options, placeholders and help, buttons, expanders and tabs, each table's column
headers, and in each Vega-Lite spec every title (chart, axes, legends, tooltips), subtitle, the
description (the text alternative), legend entries (a scale's domain) and constant text marks.
`csv_headers(downloads)` is the header row of every CSV the page hands out. `written_words(at,
downloads)` is what the code wrote into the data a viewer still reads: each chart dataset's and
each CSV's whose-figure, basis and reason values (`analytics.basis.shown_in`: "this dashboard",
"part-year, Jan–Sep 2024", a reporter's name), which tooltips and CSV cells show.

`english_in(text)` is what a text still holds of English: a stop-list word (" the ", " of ",
" and ", "Download", "Source"), or, as whole words, the literal part (between placeholders) of a
catalogue message that the language translates to something else. `english_left(at, downloads)`
lists every visible text and CSV header holding any, as "where: text -> [what]".

What is published stays as published (docs/i18n.md): before a text is judged, every text value
of the files in data/ (source titles, publishers, reporters' names, HS descriptions, product
names, place names, notes) is taken out, and so are Markdown link targets, addresses and file
names, plus any `allowed` text a page's test names (a publication's own name). Nothing else is
exempt: English the code writes is translated in the code, never allowed here.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any

import pandas as pd
import pyarrow as pa
from babel.messages.pofile import read_po

from dashboard import datasets
from dashboard.analytics.basis import WORDED
from dashboard.formatting import catalogue
from dashboard.formatting.language import Language

# Words no Russian sentence holds: a page in Russian showing one still shows an English string.
STOP_WORDS = (" the ", " of ", " and ", "Download", "Source")
# Elements whose text is no interface words: page styling and scripts, the link in a code box.
NOT_TEXT = frozenset({"html", "bidi_component", "component_instance", "code"})  # a component: a hidden frame
# Proto fields that hold no words a viewer reads (identifiers, addresses, formats; a chart's spec
# and a table's data are read separately).
NOT_WORDS = frozenset(
    {"id", "form_id", "key", "url", "page", "icon", "spec", "data", "datasets", "format", "css_class"}
)
# Vega-Lite keys whose strings are read: titles everywhere, subtitles, the text alternative.
SPEC_TEXT_KEYS = frozenset({"title", "subtitle", "description"})
# Parts of a spec that hold data or formats, not words the code wrote.
SPEC_DATA_KEYS = frozenset({"data", "datasets", "values", "field", "condition", "locale", "format"})
# A message's literal part must have this many letters to be looked for: "In", "to" alone would
# match any text; the stop-list covers the short words that matter.
MIN_LETTERS = 3
# Data values shorter than this are too common to take out of a sentence ("CIS" stays checked).
MIN_DATA_VALUE = 4

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
LABEL_EXPR_TEXT = re.compile(r"\?\s*'([^']*)'")  # "datum.label == 'x' ? 'shown' : …": the shown text
CODE = re.compile(r"[a-z0-9_]+")  # a data file's code ("exports", "figure"): no published text
WORD = re.compile(r"[A-Za-z]+")
CODE_SPAN = re.compile(r"`[^`\n]*`")  # Markdown code: a parameter's name, a file, a link's own text
LINK_TARGET = re.compile(r"\]\([^)]*\)")
URL = re.compile(r"https?://\S+?(?=[)\s,;]|$)")
FILE_NAME = re.compile(r"[\w./-]+\.(?:csv|pdf|geojson|json)\b")


# ---------------------------------------------------------------------------- what the page shows


def _nodes(node: Any) -> Iterator[Any]:
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _nodes(child)
    else:
        yield node


def _strings(message: Any) -> Iterator[str]:
    """Every string a proto message holds, nested messages included, identifiers excluded."""
    for field, value in message.ListFields():
        if field.name in NOT_WORDS:
            continue
        values = value if isinstance(value, Sequence) and not isinstance(value, str) else [value]
        for item in values:
            if isinstance(item, str):
                yield item
            elif hasattr(item, "ListFields"):
                yield from _strings(item)


def spec_texts(spec: Any) -> Iterator[str]:
    """The words of a Vega-Lite spec: titles (chart, axes, legends, tooltips), subtitles, the
    description, legend entries (a scale's domain) and constant text marks; its data is skipped."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in SPEC_DATA_KEYS:
                continue
            if key in SPEC_TEXT_KEYS:
                yield from _flat_strings(value)
            elif key == "labelExpr" and isinstance(value, str):  # a legend's entries, as the chart writes them
                yield from LABEL_EXPR_TEXT.findall(value)
            elif key == "scale" and isinstance(value, dict) and "labelExpr" in (spec.get("legend") or {}):
                continue  # the domain holds the data's keys; the legend shows its labelExpr's words
            elif key == "domain" and isinstance(value, list):
                yield from (item for item in value if isinstance(item, str))
            elif key == "text" and isinstance(value, dict) and isinstance(value.get("value"), str):
                yield value["value"]
            else:
                yield from spec_texts(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from spec_texts(item)


def _flat_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _flat_strings(item)
    elif isinstance(value, dict):
        for key in ("text", "subtitle"):
            if key in value:
                yield from _flat_strings(value[key])


def table_headers(node: Any) -> list[str]:
    """A table's headers as shown: the columns it shows (`column_order`), each by its configured
    label where the page gives one, else its name; and a link column's display text."""
    config = json.loads(node.proto.columns) if getattr(node.proto, "columns", "") else {}
    shown = list(getattr(node.proto, "column_order", ())) or [str(column) for column in node.value.columns]
    texts = []
    for column in shown:
        settings = config.get(column, {})
        texts.append(settings.get("label") or column)
        display = settings.get("type_config", {}).get("display_text")
        if display:
            texts.append(display)
    return texts


def _located_texts(at: Any) -> Iterator[tuple[str, str]]:
    """(element kind, text) for every text shown; `at` is an AppTest (main area and sidebar) or
    one of its areas."""
    roots = (at.main, at.sidebar) if hasattr(at, "sidebar") and hasattr(at, "main") else (at,)
    for root in roots:
        for node in _nodes(root):
            kind = getattr(node, "type", None) or "?"
            proto = getattr(node, "proto", None)
            if kind in NOT_TEXT or proto is None:
                continue
            if kind == "vega_lite_chart":
                texts: Iterable[str] = spec_texts(json.loads(proto.spec) if proto.spec else {})
                kind = "chart"
            elif kind in {"dataframe", "arrow_data_frame", "table"}:  # a table: its headers (its cells are data)
                texts = table_headers(node)
                kind = "table"
            else:
                texts = _strings(proto)
            yield from ((kind, text) for text in texts if text.strip())


def visible_texts(at: Any) -> list[str]:
    """Every text a viewer of the page reads, in page order (see the module's docstring)."""
    return [text for _, text in _located_texts(at)]


def csv_headers(downloads: Mapping[str, bytes]) -> list[tuple[str, str]]:
    """(file name, column header) for every CSV the page hands out (conftest's `downloads`)."""
    return [
        (name, column)
        for name, content in downloads.items()
        if name.endswith(".csv")
        for column in next(csv.reader(io.StringIO(content.decode("utf-8"))), [])
    ]


def _written(column: str) -> bool:
    """A column of words the code writes into a chart's or a CSV's rows (basis.shown_in's)."""
    return column in WORDED or column.endswith("reason")


def chart_words(at: Any) -> Iterator[tuple[str, str]]:
    """(column, value) for the code-written words in every chart's datasets (its tooltips)."""
    roots = (at.main, at.sidebar) if hasattr(at, "sidebar") else (at,) if at is not None else ()
    for root in roots:
        for node in _nodes(root):
            if getattr(node, "type", None) != "vega_lite_chart":
                continue
            for dataset in node.proto.datasets:
                table = pa.ipc.open_stream(dataset.data.data).read_all()
                for column in table.column_names:
                    if _written(column):
                        yield from ((column, v) for v in set(table.column(column).to_pylist()) if isinstance(v, str))


def csv_words(downloads: Mapping[str, bytes], code: str) -> Iterator[tuple[str, str, str]]:
    """(file, header, value) for the code-written words in every CSV the page hands out; its
    headers are in the language, so a column is found by its header in it (a reason's column
    keeps its name)."""
    lang = Language(code)
    written = {lang.gettext(column) for column in WORDED}
    for name, content in downloads.items():
        if not name.endswith(".csv"):
            continue
        rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
        for index, header in enumerate(rows[0] if rows else []):
            if header in written or _written(header):
                yield from ((name, header, value) for value in {row[index] for row in rows[1:] if len(row) > index})


def written_words(at: Any, downloads: Mapping[str, bytes] | None = None, code: str = "ru") -> list[tuple[str, str]]:
    """(where, value) for what the code wrote into the page's chart data and CSV cells."""
    return [
        *((f"chart data {column}", value) for column, value in chart_words(at)),
        *((f"CSV {name} {header}", value) for name, header, value in csv_words(downloads or {}, code)),
    ]


# ---------------------------------------------------------------------------- what is English


@cache
def translated_parts(code: str = "ru") -> tuple[str, ...]:
    """The literal parts (the text between placeholders) of every catalogue message the language
    translates to words of its own, longest first. A message the language spells as the English
    ("UN Comtrade", "HHI") is no English left."""
    with catalogue.catalogue_path(code, ".po").open("rb") as file:
        po = read_po(file, locale=code)
    parts: set[str] = set()
    for message in po:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or set(strings) <= set(ids):
            continue
        for english in ids:
            for chunk in PLACEHOLDER.split(english):
                part = chunk.strip(" .,:;()—–-\n")
                if _telling(part, whole=part == english) and not any(part in s for s in strings):
                    parts.add(part)
    return tuple(sorted(parts, key=len, reverse=True))


def _telling(part: str, whole: bool) -> bool:
    """Whether a message's literal part says enough to be looked for: a whole message of three
    letters or more ("CIS", "Year"), or a part between placeholders with a word of four letters
    or more ("Whose figure", not "of the", which any English text and the stop-list hold)."""
    if sum(c.isalpha() for c in part) < MIN_LETTERS:
        return False
    return whole or any(len(word) >= 4 for word in WORD.findall(part))


@cache
def _english_pattern(code: str) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(part) for part in translated_parts(code))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@cache
def published_values() -> tuple[str, ...]:
    """Every text value the data files publish, longest first: it stays as published in every
    language. A page may quote a part of a value: a title up to its first colon (an edition, "The
    World Factbook"), a claim after its label ("Claim: <the claim>"); or start a sentence with
    one, capitalised."""
    values: set[str] = set()
    for path in sorted(datasets.DATA_DIR.rglob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in frame.columns:
            for value in frame[column].unique():
                if len(value) >= MIN_DATA_VALUE and any(c.isalpha() for c in value) and not CODE.fullmatch(value):
                    parts = (value, *(part for part in value.split(": ") if len(part) >= MIN_DATA_VALUE))
                    values.update((*parts, *(part[0].upper() + part[1:] for part in parts)))  # a sentence's start
    return tuple(sorted(values, key=len, reverse=True))


@cache
def _published_pattern(allowed: tuple[str, ...]) -> re.Pattern[str]:
    texts = sorted({*published_values(), *allowed}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(text) for text in texts)})(?!\w)")


def without_published(text: str, allowed: Iterable[str] = ()) -> str:
    """The text with what stays as published taken out: the data's values, `allowed`, Markdown
    link targets and code spans (a link's parameter and the value it held), addresses and file names."""
    text = URL.sub(" ", LINK_TARGET.sub("]", CODE_SPAN.sub(" ", text)))
    text = FILE_NAME.sub(" ", text)
    text = _published_pattern(tuple(allowed)).sub(" ", text)
    return text.replace("**", "").replace("\\", "")


def english_in(text: str, code: str = "ru") -> list[str]:
    """The stop-list words and translated messages' English a text (already without what is
    published) still holds."""
    padded = f" {text} "
    return [word.strip() for word in STOP_WORDS if word in padded] + _english_pattern(code).findall(text)


def english_left(
    at: Any, downloads: Mapping[str, bytes] | None = None, allowed: Iterable[str] = (), code: str = "ru"
) -> list[str]:
    """Every visible text and CSV header still holding English, as "where: text -> [what]";
    empty when the page speaks the language."""
    allowed = tuple(allowed)
    texts = [
        *_located_texts(at),
        *((f"CSV {name}", header) for name, header in csv_headers(downloads or {})),
        *written_words(at, downloads, code),
    ]
    left = []
    for where, text in texts:
        english = english_in(without_published(text, allowed), code)
        if english:
            left.append(f"{where}: {text!r} -> {english}")
    return left


# ---------------------------------------------------------------------------- the data's own labels


# Columns the data translates (the curators' notes, `note_ru` / `description_ru`) that no page shows:
# their Russian is in data/ for the page that first shows them. A page that starts showing one
# carries its `_ru` too (datasets.with_translations) and takes it out of here, and the walk then
# holds that page to it.
NOT_YET_CARRIED = frozenset(
    {
        ("trade_context.csv", "note"),
        ("security_sites.csv", "description"),
        ("reporters.csv", "description"),
    }
)


@cache
def untranslated_labels(code: str = "ru", files: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The English of every label the data translates itself (a column with its `<column>_<code>`
    beside it: an event's `title`, a reporter's `label`, a map's `short_name`; data/README.md),
    where the translation differs, longest first. Unlike a publisher's words these are the
    project's, so a page in the language that shows one still shows English."""
    labels: set[str] = set()
    for path in sorted(datasets.DATA_DIR.glob("*.csv")):
        if files is not None and path.name not in files:
            continue
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in frame.columns:
            translated = f"{column}_{code}"
            if translated in frame.columns and (path.name, column) not in NOT_YET_CARRIED:
                differs = (frame[column] != frame[translated]) & (frame[column] != "")
                labels.update(frame.loc[differs, column])
    return tuple(sorted(labels, key=len, reverse=True))


def _cells(at: Any, downloads: Mapping[str, bytes]) -> Iterator[tuple[str, str]]:
    """(where, text) for every text cell the page shows or hands out: its tables' cells, its
    charts' data (tooltips, text marks) and its CSVs' cells."""
    roots = (at.main, at.sidebar) if hasattr(at, "sidebar") else (at,)
    for root in roots:
        for node in _nodes(root):
            kind = getattr(node, "type", None)
            if kind in {"dataframe", "arrow_data_frame", "table"}:
                frame = node.value
                for column in frame.columns:
                    yield from ((f"table {column}", v) for v in frame[column].unique() if isinstance(v, str))
            elif kind == "vega_lite_chart":
                for dataset in node.proto.datasets:
                    table = pa.ipc.open_stream(dataset.data.data).read_all()
                    for column in table.column_names:
                        values = set(table.column(column).to_pylist())
                        yield from ((f"chart data {column}", v) for v in values if isinstance(v, str))
    for name, content in downloads.items():
        if name.endswith(".csv"):
            for row in list(csv.reader(io.StringIO(content.decode("utf-8"))))[1:]:
                yield from ((f"CSV {name}", cell) for cell in row)


def labels_left(
    at: Any,
    downloads: Mapping[str, bytes] | None = None,
    code: str = "ru",
    files: tuple[str, ...] | None = None,
    words: Iterable[str] = (),
) -> list[str]:
    """Every text, table cell, chart datum and CSV cell of the page that holds, in English, a
    label the data translates (`untranslated_labels`), as "where: text -> [label]"; empty when
    the page names them all in the language. `words` are the English of labels the page's code
    writes into its rows (an economy, a measure, an estimate's term): a cell, datum or CSV cell
    that is one of them whole is English left too."""
    labels, published = _label_patterns(code, files)
    cells = list(_cells(at, downloads or {}))
    written = frozenset(words)
    return [
        f"{where}: {text!r} -> {found}"
        for where, text in [*_located_texts(at), *cells]
        if (found := labels.findall(published.sub(" ", text)))
    ] + [f"{where}: {text!r} -> {[text]}" for where, text in cells if text in written]


@cache
def data_values() -> frozenset[str]:
    """Every text value of the data files exactly as it is, codes included ("approximate",
    "personnel", "CIS"): a cell holding one is the data's, in any language."""
    values: set[str] = set()
    for path in sorted(datasets.DATA_DIR.rglob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in frame.columns:
            values.update(frame[column].unique())
    return frozenset(values)


def cells_left(
    at: Any, downloads: Mapping[str, bytes] | None = None, allowed: Iterable[str] = (), code: str = "ru"
) -> list[str]:
    """Every table cell, chart datum and CSV cell still holding English the code wrote (a
    qualifier, "since 1991", a record's sentence), as "where: text -> [what]": `english_in` on
    each cell that is not wholly a data value, after what is published is taken out (and `allowed`,
    a publication's own text the data files do not hold, such as the WCO's HS descriptions)."""
    allowed, values = tuple(allowed), data_values()
    return [
        f"{where}: {text!r} -> {found}"
        for where, text in _cells(at, downloads or {})
        if text not in values and (found := english_in(without_published(text, allowed), code))
    ]


@cache
def _label_patterns(code: str, files: tuple[str, ...] | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The labels' pattern, and the pattern of every other published text (not a label, nor a part
    of one), which stays as it is even where it quotes a label (a source's title "UAWire on
    Russian troops leave Kulob garrison")."""
    labels = untranslated_labels(code, files)
    others = [text for text in published_values() if not any(text in label for label in labels)]  # nor a part
    return tuple(re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, texts))})(?!\w)") for texts in (labels, others))
