"""The tables every other file refers to: the sources it cites, the reporters it names, the dated events."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from dashboard.datasets.schema import Column, Dataset
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language

SOURCES = Dataset(
    name="sources",
    file="sources.csv",
    title=N_("Sources"),
    description=N_("Every publication a figure in data/ cites: publisher, title, link, date, licence."),
    columns={
        "source_id": Column(pattern=r"^[a-z0-9][a-z0-9-]*$"),
        "publisher": Column(),
        "title": Column(),
        "url": Column(pattern=r"^https?://\S+$"),
        "published_date": Column("date", required=False),
        "licence": Column(),
        # how current a refreshed source is, in the source's own terms (its release or last update) and
        # when it was fetched; curated sources say it in their title and published_date
        "edition": Column(required=False, may_be_absent=True),
        "accessed_date": Column("date", required=False, may_be_absent=True),
    },
    key=("source_id",),
    cites_sources=False,
)

# The refresh's own source rows, beside the curated list so that a new release of the app (new
# curated sources) and a refreshed edition never overwrite each other: load("sources") reads both.
SOURCES_REFRESH = replace(
    SOURCES,
    name="sources_refresh",
    file="sources_refresh.csv",
    title=N_("Sources of the refreshed files"),
    description=N_("The source rows a refresh writes: the API or release, its own edition and the access date."),
    may_be_empty=True,
    refresh_source="all",
)

REPORTERS = Dataset(
    name="reporters",
    file="reporters.csv",
    title=N_("Reporters"),
    description=N_("Who publishes trade figures, which side's statistics they speak for, and how."),
    columns={
        "reporter": Column(pattern=r"^[a-z_]+$"),
        "label": Column(),
        "label_ru": Column(),
        "side": Column(allowed=frozenset({"russia", "tajikistan", "other"})),
        "kind": Column(allowed=frozenset({"statistics", "statement", "media"})),
        "description": Column(),
        "description_ru": Column(),  # our description in Russian, written here by hand
    },
    key=("reporter",),
    cites_sources=False,
)


EVENTS = Dataset(
    name="events",
    file="events.csv",
    title=N_("Key events"),
    description=N_("Dated events, each with its source: markers on time axes and the Overview's timeline."),
    columns={
        "event_id": Column(pattern=r"^[a-z0-9-]+$"),
        "date": Column("partial_date"),
        "title": Column(),
        "title_ru": Column(),
        "category": Column(allowed=frozenset({"economy", "migration", "security", "politics", "diplomacy"})),
        "themes": Column(),
        "source_id": Column(),
    },
    key=("event_id",),
)


def in_language(frame: pd.DataFrame, column: str, lang: Language) -> pd.Series:
    """A column of the project's own words (a reporter's label, a map label, an event's title) in
    the viewer's language: its `<column>_<code>` translation where the data gives one (`label_ru`,
    `short_name_ru`, `title_ru`; data/README.md), else the column as it is. The one place that chooses."""
    translated = f"{column}_{lang.code}"
    if lang.is_source or translated not in frame.columns:
        return frame[column]
    return frame[translated].where(frame[translated].notna(), frame[column])


TRANSLATION = re.compile(r"(?P<column>.+)_(?P<code>[a-z]{2})")


def translations(frame: pd.DataFrame) -> list[str]:
    """The frame's translation columns: `<column>_<code>` beside its `<column>` (`title_ru`)."""
    return [
        name
        for name in frame.columns
        if (match := TRANSLATION.fullmatch(str(name))) is not None and match["column"] in frame.columns
    ]


def with_translations(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """`frame[columns]` with each chosen column's translations beside it (`note` brings `note_ru`),
    so the words reach the chart or CSV that shows them in the reader's language."""
    wanted = set(columns)
    carried = [name for name in translations(frame) if TRANSLATION.fullmatch(name)["column"] in wanted]  # type: ignore[index]
    return frame[[*columns, *carried]]


def words_in_language(frame: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The frame as a reader gets it (a CSV): each translated column in the viewer's language, and no
    translation columns, so one language's file never carries another's words."""
    columns = translations(frame)
    if not columns:
        return frame
    chosen = {TRANSLATION.fullmatch(name)["column"] for name in columns}  # type: ignore[index]
    return frame.assign(**{column: in_language(frame, column, lang) for column in chosen}).drop(columns=columns)
