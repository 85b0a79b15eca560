"""What a brief holds: the page's figures, sentences, charts, sources and the link back.

Plain data, cheap to import: the page records into it on every run (collect.py), while the PDF
library, the chart renderer and the font load only when a viewer asks for a brief (document.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dashboard.formatting.language import ENGLISH, Language


@dataclass(frozen=True)
class Figure:
    """A headline number as the page showed it."""

    label: str
    value: str
    note: str = ""
    basis: str = ""  # whose figure and on what basis, as the card said it


@dataclass(frozen=True)
class Chart:
    """A chart as the page drew it: its Vega-Lite spec and what it shows, in words."""

    spec: dict[str, Any]
    description: str
    caption: str = ""  # the sources line under it


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    url: str


@dataclass(frozen=True)
class Brief:
    title: str
    made_on: str  # YYYY-MM-DD
    view: str  # the filters and settings, in words
    link: str  # reopens exactly this view
    figures: tuple[Figure, ...] = ()
    paragraphs: tuple[str, ...] = ()
    charts: tuple[Chart, ...] = ()
    sources: tuple[Source, ...] = ()
    data_as_of: str | None = None
    left_out: tuple[str, ...] = field(default=())  # lines saying what was withheld and why
    lang: Language = ENGLISH  # the language of its fixed labels and headings (the page's own words come in it)
