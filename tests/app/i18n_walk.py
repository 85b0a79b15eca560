"""The walk that finds English left on a page drawn in another language (issue 28).

One helper for every page's `test_russian_<page>.py`: open the page with `lang=ru`, then

    assert not english_left(at, downloads)

It gathers every visible text of the rendered page (AppTest's element tree, main area and
sidebar: markdown, captions, headings, metric labels, values, deltas and help, alerts, widget
labels, help texts and options, expander and tab labels, and in each Vega-Lite spec every
`title` (chart, axes, legends, tooltips), the `description` (the text alternative) and constant
text marks), plus the header row of every CSV the page's download buttons hand out, and reports
each text that still contains

- an English msgid of the catalogue that has a translation in that language (whole words, the
  msgid's placeholders matching anything), or
- a word from a small stop-list of English (" the ", " of ", " and ", "Download", "Source").

Published text stays as published (docs/i18n.md): before checking, the walk removes every source
title, publisher and address of data/sources.csv, Markdown link targets and bare URLs, and any
`allowed` text a page passes (a dataset's file name, say). What remains must be the language's own.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from dashboard import datasets
from dashboard.formatting import catalogue

STOP_WORDS = (" the ", " of ", " and ", "Download", "Source")

# Proto fields that hold words a viewer reads (everything else is ids, keys, formats, data).
TEXT_FIELDS = frozenset({"label", "help", "body", "options", "content", "placeholder", "delta", "caption", "text"})
# Vega-Lite keys whose string values are read: titles everywhere, the text alternative.
SPEC_TEXT_KEYS = frozenset({"title", "subtitle", "description"})
# Parts of a spec that hold data, not words the code wrote.
SPEC_DATA_KEYS = frozenset({"data", "datasets", "values", "field", "scale", "condition", "locale"})

MIN_LETTERS_AROUND_PLACEHOLDERS = 6
FILE_NAME = re.compile(r"[\w./-]+\.(?:csv|pdf|geojson|json)\b")  # a file's name is its name in any language
URL = re.compile(r"https?://\S+?(?=[)\s,;]|$)")
MARKDOWN_LINK_TARGET = re.compile(r"\]\([^)]*\)")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@cache
def translated_msgids(code: str = "ru") -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The msgids a language translates (to something other than the English), each with the
    pattern that finds it in a text: whole words, placeholders matching any text."""
    with catalogue.catalogue_path(code, ".po").open("rb") as file:
        catalog = read_po(file, locale=code)
    found = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for msgid in ids:
            literal = PLACEHOLDER.sub("", msgid)
            if msgid in strings or not re.search(r"[A-Za-z]{2}", literal):
                continue
            if literal != msgid and len(re.findall(r"[A-Za-z]", literal)) < MIN_LETTERS_AROUND_PLACEHOLDERS:
                continue  # "to {year}", "In {year}: ": any "to" would match; the stop-list covers them
            found.append((msgid, _pattern(msgid)))
    return tuple(found)


def _pattern(msgid: str) -> re.Pattern[str]:
    literal_parts = [re.escape(part.strip()) for part in PLACEHOLDER.split(msgid)]
    body = r".*?".join(part for part in literal_parts if part)
    start = r"(?<![A-Za-z])" if re.match(r"\W*[A-Za-z]", msgid) else ""
    end = r"(?![A-Za-z])" if re.search(r"[A-Za-z]\W*$", msgid) else ""
    return re.compile(start + body + end)


@cache
def published_texts() -> tuple[str, ...]:
    """What stays as its publisher wrote it: source titles, publishers and addresses, longest
    first so a title is removed before a publisher's name inside it."""
    sources = datasets.load("sources")
    texts = {str(value) for column in ("title", "publisher", "url") for value in sources[column].dropna()}
    return tuple(sorted(texts, key=len, reverse=True))


def _strings(message: Any) -> Iterator[str]:
    """Every string of a proto message in a field a viewer reads, however deep."""
    for field, value in message.ListFields():
        values = value if isinstance(value, Sequence) and not isinstance(value, str) else [value]
        for item in values:
            if isinstance(item, str):
                if field.name in TEXT_FIELDS and item:
                    yield item
            elif hasattr(item, "ListFields"):
                yield from _strings(item)


def spec_texts(spec: Any) -> Iterator[str]:
    """The words of a Vega-Lite spec: titles (chart, axis, legend, tooltip), the description,
    and constant text marks; the data it carries is skipped."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in SPEC_DATA_KEYS:
                continue
            if key in SPEC_TEXT_KEYS:
                yield from _flat_strings(value)
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


def visible_texts(at: AppTest) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the rendered page shows, main area and sidebar."""
    for area in (at.main, at.sidebar):
        for node in area:
            kind = getattr(node, "type", "?")
            proto = getattr(node, "proto", None)
            if proto is None or kind in {"code", "html", "arrow_data_frame", "dataframe"}:
                continue
            if kind == "vega_lite_chart":
                spec = json.loads(proto.spec) if proto.spec else {}
                for text in spec_texts(spec):
                    yield "chart", text
                continue
            for text in _strings(proto):
                yield kind, text


def csv_headers(downloads: Mapping[str, bytes]) -> Iterator[tuple[str, str]]:
    """(file name, column header) for every CSV the page hands out."""
    for name, content in downloads.items():
        if name.endswith(".csv"):
            header = next(csv.reader(io.StringIO(content.decode("utf-8"))), [])
            for column in header:
                yield f"CSV {name}", column


def without_published(text: str, allowed: Iterable[str] = ()) -> str:
    """The text with what stays as published removed (sources, link targets, addresses, `allowed`)."""
    text = MARKDOWN_LINK_TARGET.sub("]", text)
    for published in (*sorted(allowed, key=len, reverse=True), *published_texts()):
        text = text.replace(published, " ")
    text = FILE_NAME.sub(" ", URL.sub(" ", text))
    return text.replace("**", "").replace("\\", "")


def english_in(text: str, code: str = "ru") -> list[str]:
    """The English msgids and stop-list words a text still contains."""
    padded = f" {text} "
    found = [word.strip() for word in STOP_WORDS if word in padded]
    found += [msgid for msgid, pattern in translated_msgids(code) if pattern.search(text)]
    return found


def english_left(
    at: AppTest, downloads: Mapping[str, bytes] | None = None, allowed: Iterable[str] = (), code: str = "ru"
) -> list[str]:
    """Every visible text (and CSV header) still in English, as "where: text -> [what]": empty
    when the page speaks the language."""
    allowed = tuple(allowed)
    texts = [*visible_texts(at), *csv_headers(downloads or {})]
    left = []
    for where, text in texts:
        english = english_in(without_published(text, allowed), code)
        if english:
            left.append(f"{where}: {text!r} -> {english}")
    return left
