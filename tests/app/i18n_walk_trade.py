"""Walk a page opened in AppTest and list the English left on it (issue 28's string pass).

`visible_texts(at)` collects what a reader sees or hears: headings, Markdown, captions, alerts,
metrics (label, value, delta, help), widgets (label, help, placeholder, options as shown),
buttons, expanders, table column headers, and each chart's titles, legend entries (scale
domains) and text alternative. `english_left(at)` returns those that still hold English: a text
that is an English message of the catalogue with a Russian translation, that contains a run of
two words or more of one (the text between its placeholders), or that contains one of
`STOP_WORDS`. `english_in(texts)` does the same
for texts found elsewhere (a CSV's header row).

Data stay as published (source titles, reporters' names, product descriptions, event titles):
every text cell of the files in data/ that could trip the checks is taken out of a text before
it is checked, and so are link targets.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import pandas as pd
from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from dashboard import datasets
from dashboard.formatting import catalogue

STOP_WORDS = (" the ", " of ", " and ", "Download", "Source")

# English still written by the shared modules of the shell's string pass, as regular expressions a
# page's test passes as `ignore` until that pass is merged (then this list, and its uses, go).
SHELL_PENDING = (
    r"Download brief \(PDF\)",  # views/components.py
    r"This view on at most two A4 pages[^.]*\.",
    r"Numbers as a table",
    r"The numbers behind the chart above, as rows",
    r"Whose figure: ",
    r"CSV: ",
    r"Sources?: ",  # analytics/citations.py
    r"; and \d+ more \(in the CSV\)",
    r"Data as of",
    r"Events: ",  # formatting.event_key
    r"^(Reported by|Basis|Edition|Year)$",  # charts/theme.py basis_tooltips
    r"Years \d{4}–\d{4}\.|In \d{4}: |; and \d+ more",  # charts/describe.py
)
LINK = re.compile(r"\]\([^)]*\)|https?://\S+")
WORD = re.compile(r"\w+")


@cache
def translated_msgids() -> tuple[str, ...]:
    """The English messages the Russian catalogue translates (the singular and plural of each)."""
    with catalogue.catalogue_path("ru", ".po").open("rb") as file:
        po = read_po(file, locale="ru")
    ids: set[str] = set()
    for message in po:
        if not message.id or not message.string:
            continue
        translated = message.string if isinstance(message.string, tuple) else (message.string,)
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        for msgid in english:
            if any(translated) and msgid not in translated:  # a msgid spelt the same in Russian is no leak
                ids.add(msgid)
    return tuple(sorted(ids, key=len, reverse=True))


def _phrases(msgid: str) -> list[str]:
    """The literal runs of a message between its placeholders, three words or more each."""
    return [part.strip(" .,;:") for part in re.split(r"\{[^}]*\}", msgid) if len(WORD.findall(part)) >= 2]


@cache
def _leak_phrases() -> tuple[str, ...]:
    phrases = {phrase for msgid in translated_msgids() for phrase in _phrases(msgid)}
    return tuple(sorted(phrases, key=len, reverse=True))


@cache
def _data_values() -> tuple[str, ...]:
    """Text cells of data/ that could pass for interface English: they are data, kept as published."""
    values: set[str] = set()
    for path in sorted(datasets.DATA_DIR.rglob("*.csv")):
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, UnicodeDecodeError):
            continue
        for column in frame.columns:
            values.update(v for v in frame[column].unique() if isinstance(v, str) and re.search(r"[A-Za-z]", v))
    exact = set(translated_msgids())
    phrases = _leak_phrases()
    risky = {
        v for v in values if v in exact or any(word in f" {v} " for word in STOP_WORDS) or any(p in v for p in phrases)
    }
    return tuple(sorted(risky, key=len, reverse=True))


def _without_data(text: str) -> str:
    text = LINK.sub("]", text)
    for value in _data_values():
        if value in text:
            text = text.replace(value, " ")
    return text


def english_in(texts: Iterable[str], ignore: Iterable[str] = ()) -> list[str]:
    """The texts still holding interface English, each as 'what: text'. `ignore` holds regular
    expressions for English another part of the app still writes (taken out before checking)."""
    patterns = [re.compile(pattern) for pattern in ignore]
    exact = set(translated_msgids())
    left = []
    for text in texts:
        plain = _without_data(text)
        for pattern in patterns:
            plain = pattern.sub(" ", plain)
        bare = plain.replace("**", "").replace("*", "").strip(" .:")
        if bare in exact:
            left.append(f"message {bare!r}: {text}")
            continue
        phrase = next((p for p in _leak_phrases() if p in plain), None)
        if phrase:
            left.append(f"message part {phrase!r}: {text}")
            continue
        word = next((w for w in STOP_WORDS if w in f" {plain} "), None)
        if word:
            left.append(f"word {word!r}: {text}")
    return left


def _spec_texts(spec: Any) -> Iterator[str]:
    """A Vega-Lite spec's titles (chart, axes, legends, tooltips), legend entries and description."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("title", "description") and isinstance(value, str):
                yield value
            elif key in ("title", "domain") and isinstance(value, list):  # a multi-line title, a legend's entries
                yield from (v for v in value if isinstance(v, str))
            elif key != "datasets":
                yield from _spec_texts(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from _spec_texts(item)


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def _element_texts(node: Any) -> Iterator[str]:
    proto = getattr(node, "proto", None)
    kind = getattr(node, "type", "")
    if kind == "vega_lite_chart":
        yield from _spec_texts(json.loads(proto.spec))
        return
    if kind == "arrow_data_frame" or kind == "dataframe":
        yield from (str(column) for column in node.value.columns)
        return
    if kind == "metric":
        yield from (proto.label, proto.body, proto.delta, proto.help)
        return
    if kind == "expandable" or hasattr(proto, "expandable"):
        label = getattr(getattr(proto, "expandable", None), "label", "")
        if label:
            yield label
    for field in ("body", "label", "help", "placeholder"):
        value = getattr(proto, field, None)
        if isinstance(value, str) and value:
            yield value
    options = getattr(proto, "options", None)
    if options is not None:
        for option in options:
            yield option if isinstance(option, str) else getattr(option, "content", "") or getattr(option, "label", "")


def visible_texts(at: AppTest, sidebar: bool = True) -> list[str]:
    """Every text a reader of the app as opened sees or hears, page and sidebar, in page order."""
    texts: list[str] = []
    for root in (at.main, at.sidebar) if sidebar else (at.main,):
        for node in _nodes(root):
            texts.extend(text for text in _element_texts(node) if isinstance(text, str) and text.strip())
    return texts


def english_left(at: AppTest, ignore: Iterable[str] = (), sidebar: bool = True) -> list[str]:
    """The visible texts still holding interface English (see `english_in`); `sidebar=False`
    checks the page alone."""
    return english_in(visible_texts(at, sidebar), ignore)


def csv_headers(files: dict[str, bytes]) -> list[str]:
    """The column headers of every CSV a page hands out (conftest's `downloads`)."""
    return [
        header
        for name, content in files.items()
        if name.endswith(".csv")
        for header in next(csv.reader(io.StringIO(content.decode("utf-8"))), [])
    ]
