"""Readers know the article the project grew from as "Russia Briefing, 29 June 2022": no word a
viewer can read or download calls it a "seed" (our word for it among ourselves).

Every page is walked as AppTest sees it: every element's text, labels, help and chart specs,
every table and chart dataset cell, and every CSV a download button hands out. Product names
such as OEC's "Seed oils" (HS 1512) are names of goods and stay.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pandas as pd
import pyarrow as pa
import pytest
from google.protobuf.json_format import MessageToDict

from tests.app.conftest import PAGES, pdf_text

# "seed" as a word of ours, but not goods: "seed oils", "cotton-seed", "oilseeds", "sun-flower seed"
INTERNAL_WORD = re.compile(r"(?<![a-z-])(?<!flower )seeds?(?![a-z])(?!\s+oils?)(?!-oil)", re.IGNORECASE)


def offending(texts: Iterator[str]) -> list[str]:
    return sorted({text[:160] for text in texts if INTERNAL_WORD.search(text)})


def strings_in(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def arrow_cells(data: bytes) -> Iterator[str]:
    yield from frame_cells(pa.ipc.open_stream(data).read_all().to_pandas())


def frame_cells(frame: pd.DataFrame) -> Iterator[str]:
    yield from (str(column) for column in frame.columns)
    for column in frame.columns:
        yield from (str(v) for v in frame[column].dropna().unique())


def elements(node) -> Iterator[object]:
    children = getattr(node, "children", None)
    if children is None:
        yield node
        return
    for child in children.values():
        yield from elements(child)


def visible_text(at) -> Iterator[str]:
    """Every string the page hands the browser: text, labels, help, options, specs and table cells."""
    for element in elements(at._tree):
        proto = getattr(element, "proto", None)
        if proto is None:
            continue
        yield from strings_in(MessageToDict(proto))
        if getattr(element, "type", None) == "vega_lite_chart":
            for dataset in proto.datasets:
                yield from arrow_cells(dataset.data.data)
            if proto.HasField("data"):
                yield from arrow_cells(proto.data.data)
        if getattr(element, "type", None) == "arrow_data_frame":
            yield from frame_cells(element.value)


VIEWS = [(page, {}) for page in PAGES] + [
    ("trade", {"reporters": "russia,tajikistan,other", "years": "1993..2025", "proj_year": "2022"}),
    ("border", {"years": "1990..2026"}),
    ("remittances", {"years": "1990..2026"}),
]


@pytest.mark.parametrize(("page", "query"), VIEWS, ids=[f"{p}-{'-'.join(q) or 'default'}" for p, q in VIEWS])
def test_no_viewer_reads_the_word(open_app, downloads, page, query):
    at = open_app(page, **query)
    assert not at.exception
    assert offending(visible_text(at)) == []
    csvs = {name: content for name, content in downloads.items() if name.endswith(".csv")}
    assert csvs, "the page hands out no CSV"  # every page has at least one
    for name, content in csvs.items():
        assert offending(frame_cells(pd.read_csv(io.BytesIO(content), dtype=str))) == [], name
    brief = next(content for name, content in downloads.items() if name.endswith(".pdf"))
    assert offending(iter(pdf_text(brief).splitlines())) == []


def test_the_walk_finds_the_word_where_it_is():
    """The walker is not blind: it sees the word in text and in chart data, and spares product names."""
    assert offending(
        iter(
            ["The seed article says", "Seed Oils (OEC name)", "cotton-seed oil", "Sun-flower seed, safflower", "seeds"]
        )
    ) == [
        "The seed article says",
        "seeds",
    ]
    frame = pa.Table.from_pandas(pd.DataFrame({"label": ["Seed article (Russia Briefing)"]}))
    sink = io.BytesIO()
    with pa.ipc.new_stream(sink, frame.schema) as writer:
        writer.write_table(frame)
    assert offending(arrow_cells(sink.getvalue())) == ["Seed article (Russia Briefing)"]
