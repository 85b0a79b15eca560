"""(Issue 28 in progress: the walk the Border, Remittances and Partners tests use; it takes every
text value of data/*.csv out before judging, which the shared i18n_walk does not yet do. To be
folded into i18n_walk.py.)

Walk a page opened in AppTest and find the English a Russian page still shows.

`visible_texts(at)` is every text a viewer can read: headings, Markdown and captions, metric labels,
values, deltas and help, widget labels, options and help, button and link labels, alerts, each
chart's titles (chart, axes, legends, tooltips) and each table's column headers.
`english_left(at)` is the part of them that is still English: a text holding a catalogue message
that has a Russian translation, or a word from a short stop-list no Russian sentence contains.

What the data publishes stays as published (source titles, publishers, place names, notes in a
data file): those values are taken out of a text before it is checked, so only the page's own
words are judged.

Until the shared modules' string pass (the "shell": views/components.py, views/sidebar.py,
charts/theme.py's basis lines, analytics/citations.py's sources line) is merged, the words they
add to a page are still English: `SHELL_PENDING` names them, and a page's test takes them out
with `english_left(at, owned_elsewhere=SHELL_PENDING)`. Delete it, and the argument, once that
pass is merged: every page's test then holds the whole page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

import pandas as pd
from babel.messages.pofile import read_po

from dashboard import datasets
from dashboard.analytics.basis import SHOWN_TITLES
from dashboard.formatting import catalogue, pending

# Words no Russian sentence holds: a page in Russian showing one still shows an English string.
STOP_LIST = (" the ", " of ", " and ", "Download", "Source")
# Elements whose text is no interface words: page styling and scripts, the link in a code box.
NOT_TEXT = {"html", "bidi_component", "code"}
# Proto fields that hold no words a viewer reads (identifiers, addresses, formats, the chart
# spec, read separately).
NOT_WORDS = {"id", "form_id", "key", "url", "page", "icon", "spec", "data", "datasets", "format", "css_class"}
PLACEHOLDER = re.compile(r"\{[^}]*\}")
# The shared modules' words not wrapped yet (see the module's docstring): their strings waiting in
# pending.py, the basis lines' tooltip titles, and the sources line a caption ends with.
SHELL_PENDING: tuple[str | re.Pattern, ...] = (
    *(  # a message's own words; what fills its placeholders is the page's, and is checked
        chunk
        for file in ("views/components.py", "views/sidebar.py")
        for text in pending.IN_CODE.get(file, ())
        for chunk in PLACEHOLDER.split(text)
        if sum(c.isalpha() for c in chunk) >= 3
    ),
    *SHOWN_TITLES.values(),
    re.compile(r"(?:Events: .*?)?Sources: .*$", re.DOTALL),
)


def _elements(node) -> Iterator:
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _elements(child)
    else:
        yield node


def _strings(message) -> Iterator[str]:
    """Every string a proto message holds, nested messages included, but no identifiers."""
    for field, value in message.ListFields():
        if field.name in NOT_WORDS:
            continue
        values = value if isinstance(value, Sequence) and not isinstance(value, str) else [value]
        for item in values:
            if isinstance(item, str):
                yield item
            elif hasattr(item, "ListFields"):
                yield from _strings(item)


def _titles(spec) -> Iterator[str]:
    """A chart's titles: the chart's, each axis's, legend's and tooltip's (`title` anywhere)."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "title":
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from (v for v in value if isinstance(v, str))
                elif isinstance(value, dict) and isinstance(value.get("text"), str):
                    yield value["text"]
            else:
                yield from _titles(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from _titles(item)


def visible_texts(at) -> list[str]:
    """Every text on the page (sidebar and main) a viewer can read, chart titles included; given
    `at.main` or `at.sidebar`, that area's."""
    texts: list[str] = []
    for element in _elements(getattr(at, "_tree", at)):
        kind = getattr(element, "type", None)
        proto = getattr(element, "proto", None)
        if kind in NOT_TEXT or proto is None:
            continue
        if kind == "vega_lite_chart":
            texts.extend(_titles(json.loads(proto.spec)))
            continue
        if kind == "dataframe":  # a table: its column headers (its cells are the data's)
            texts.extend(str(column) for column in element.value.columns)
            continue
        texts.extend(_strings(proto))
    return [text for text in texts if text.strip()]


@cache
def translated_messages() -> tuple[str, ...]:
    """The English literal parts of every catalogue message that has a Russian translation of its
    own (a name kept in Latin script, as "UN Comtrade", is no English left)."""
    path = catalogue.catalogue_path("ru", ".po")
    with path.open("rb") as file:
        po = read_po(file)
    parts: set[str] = set()
    for message in po:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or set(strings) <= set(ids):
            continue
        for english in ids:
            # the longest run of words between placeholders: what a page would show of it
            chunks = [chunk.strip(" .,:;()—–-") for chunk in PLACEHOLDER.split(english)]
            longest = max(chunks, key=len)
            if sum(c.isalpha() for c in longest) >= 3:
                parts.add(longest)
    return tuple(sorted(parts, key=len, reverse=True))


@cache
def published_values() -> tuple[str, ...]:
    """Text the data files publish (source titles, publishers, notes, labels, place names), longest
    first: it stays as published in every language."""
    values: set[str] = set()
    for path in datasets.DATA_DIR.glob("*.csv"):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in frame.columns:
            for value in frame[column]:
                if len(value) >= 4 and any(c.isalpha() for c in value):
                    # a page may quote a value's part after its label ("Claim in …: <the claim>")
                    values.update((value, *(part for part in value.split(": ")[1:] if len(part) >= 4)))
    values.update(("World Bank WDI",))  # the edition's name, as the World Bank writes it
    return tuple(sorted(values, key=len, reverse=True))


def _without(text: str, published: Iterable[str | re.Pattern]) -> str:
    for value in published:
        if isinstance(value, re.Pattern):
            text = value.sub(" ", text)
        elif value in text:
            text = text.replace(value, " ")
    return text


def english_left(at, published: Iterable[str] = (), owned_elsewhere: Iterable[str | re.Pattern] = ()) -> list[str]:
    """The page's texts that still hold English words: a translated message's English, or a
    stop-list word, once the data's own values (and `published`) and the words of modules whose
    pass is not merged yet (`owned_elsewhere`) are taken out."""
    keep = tuple(sorted({*published_values(), *published}, key=len, reverse=True))
    elsewhere = tuple(owned_elsewhere)
    left = []
    for text in visible_texts(at):
        words = f" {_without(_without(text, elsewhere), keep)} "
        if any(stop in words for stop in STOP_LIST) or any(
            re.search(rf"(?<![\w]){re.escape(part)}(?![\w])", words) for part in translated_messages()
        ):
            left.append(text)
    return left
