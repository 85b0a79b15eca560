"""Which sources a set of figures cites, how current they are, and which may be passed on.

Pure pandas: the pages' captions and downloads (views/components.py) and the Sources & data
catalogue (models/catalogue.py) share it. Nothing here is cached: a page that asks for the same
line on every rerun has it cached per data edition (cache/source_lists.sources_line).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.analytics.basis import REPORTED, Words, described
from dashboard.datasets import redistributable
from dashboard.formatting import localized
from dashboard.formatting.language import ENGLISH, Language


def cite(source_ids: Iterable[str], sources: pd.DataFrame) -> pd.DataFrame:
    """The rows of sources.csv for these ids, in first-use order."""
    ids = source_ids if isinstance(source_ids, pd.Series) else pd.Series(list(source_ids), dtype=object)
    positions = pd.Index(sources["source_id"]).get_indexer(pd.unique(ids.dropna()))
    return sources.iloc[positions[positions >= 0]]


def sources_caption(
    cited: pd.DataFrame, limit: int = 6, reach: dict[str, int] | None = None, *, lang: Language = ENGLISH
) -> str:
    """Each source once, with how current it is: its own edition and access date where a refresh
    recorded them, and the last year the chart has from it. Publishers stay as published."""
    _ = lang.gettext
    reach = reach or {}
    link = _("link")
    names = [
        f"{row.publisher} ([{link}]({row.url})){_currency(row, reach.get(row.source_id), lang)}"
        for row in cited.itertuples()
    ]
    shown = "; ".join(names[:limit])
    # Translators: the sources past the first six, listed only in the CSV
    more = _("; and {count} more (in the CSV)").format(count=len(names) - limit) if len(names) > limit else ""
    if not names:
        return _("Sources: none.")
    line = _("Sources: {sources}.").format(sources=shown + more)
    # a list ending in an abbreviation ("по 2020 г.") takes no second full stop
    return line[:-1] if line.endswith("..") else line


def currency_words(edition: Any, accessed: Any, lang: Language = ENGLISH) -> list[str]:
    """A source's own edition and its access date, as far as they are known, in words."""
    words = [str(edition)] if pd.notna(edition) and edition else []
    return words + (
        [lang.gettext("accessed {date}").format(date=localized.day(accessed, lang))]
        if pd.notna(accessed) and accessed
        else []
    )


def _currency(row: Any, last_year: int | None, lang: Language) -> str:
    """': WDI database updated 2025-10-15, accessed 2026-12-07, to 2024', or nothing to say."""
    parts = currency_words(getattr(row, "edition", None), getattr(row, "accessed_date", None), lang)
    # Translators: the last year a chart has from this source
    parts += [lang.gettext("to {year}").format(year=last_year)] if last_year else []
    return f": {', '.join(parts)}" if parts else ""


def with_citation(data: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The numbers behind a chart with each row's source spelled out, for the CSV download."""
    if "source_id" not in data.columns:
        return data
    cited = sources[["source_id", "publisher", "url", "licence"]].rename(
        columns={"publisher": "source_publisher", "url": "source_url", "licence": "source_licence"}
    )
    return data.merge(cited, on="source_id", how="left")


def data_as_of(cited: pd.DataFrame) -> str | None:
    """The newest publication or access date among the sources cited: how current the numbers are."""
    # a plain pass: the brief asks on every rerun of every page, and dropna/astype/max on the
    # Arrow text column cost about a millisecond
    dated = [str(value) for value in cited["published_date"].tolist() if not pd.isna(value)]
    return max(dated) if dated else None


def withheld_rows(data: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """The rows whose source may not be redistributed (UN Comtrade): shown, never downloaded."""
    if "source_id" not in data.columns:
        return pd.Series(False, index=data.index)
    restricted = set(sources.loc[~redistributable(sources), "source_id"])
    return data["source_id"].isin(restricted)


def cited_reach(data: pd.DataFrame) -> tuple[tuple[str, int], ...]:
    """Each cited source's last year in a chart's numbers (none without a year column).

    A plain pass over two columns: every chart asks on every rerun, and a groupby costs ten times more.
    """
    if "source_id" not in data.columns or "year" not in data.columns:
        return ()
    last: dict[str, int] = {}
    for source, year in zip(data["source_id"].tolist(), data["year"].tolist(), strict=True):
        if isinstance(source, str) and pd.notna(year):
            last[source] = max(last.get(source, int(year)), int(year))
    return tuple(last.items())


def cited_ids(data: pd.DataFrame) -> tuple[str, ...]:
    """The source ids a frame cites, in first-use order (none when it has no source_id column)."""
    if "source_id" not in data.columns:
        return ()
    return tuple(dict.fromkeys(value for value in data["source_id"].tolist() if isinstance(value, str)))


@dataclass(frozen=True)
class Citing:
    """What a chart's sources line says, and which of its sources may not be passed on."""

    caption: str  # "Sources: …. Data as of …."
    restricted: tuple[tuple[str, str], ...]  # (publisher, url) of each source whose terms forbid sharing


def citing(
    ids: tuple[str, ...], sources: pd.DataFrame, reach: tuple[tuple[str, int], ...] = (), *, lang: Language = ENGLISH
) -> Citing:
    """The sources line for these ids (and the last year the chart has from each)."""
    cited = cite(ids, sources)
    as_of = data_as_of(cited)
    as_of_text = " " + lang.gettext("Data as of {date}.").format(date=localized.day(as_of, lang)) if as_of else ""
    caption = sources_caption(cited, reach=dict(reach), lang=lang) + as_of_text
    restricted = cited[~redistributable(cited)]
    return Citing(caption, tuple(zip(restricted["publisher"], restricted["url"], strict=True)))


def edition_words(source_ids: pd.Series, sources: pd.DataFrame) -> pd.Series:
    """Each row's edition in plain words, from the source it cites: the edition a refresh recorded;
    else the publisher and the date it published ("TASS, 2024-01-23"); else, undated, the title up
    to its first colon ("Direction of Trade Statistics (DOTS)", "The World Factbook"). Empty where
    nothing is cited."""
    # Plain lists, not pandas row lookups and frame filters: pages ask on every slider move, and
    # the pandas way cost several milliseconds a call over the sources table's Arrow text
    rows = _first_rows(sources, EDITION_COLUMNS)
    words = {source_id: _edition_word(*rows[source_id]) for source_id in set(source_ids.dropna()) if source_id in rows}
    return pd.Series([words.get(value, "") for value in source_ids.tolist()], index=source_ids.index, dtype=object)


EDITION_COLUMNS = ("publisher", "edition", "published_date", "title")


def _first_rows(sources: pd.DataFrame, columns: tuple[str, ...]) -> dict[str, tuple]:
    """Each source id's values in `columns` (None for a column the table lacks), from its first
    row where an id repeats: plain lists, as edition words and publishers read them."""
    nothing = [None] * len(sources)
    values = [sources[name].tolist() if name in sources.columns else nothing for name in columns]
    rows: dict[str, tuple] = {}
    for source_id, *row in zip(sources["source_id"].tolist(), *values, strict=True):
        rows.setdefault(source_id, tuple(row))
    return rows


def _edition_word(publisher: object, edition: object, published: object, title: object) -> str:
    if isinstance(edition, str) and edition:
        return f"{publisher}, {edition}"
    if isinstance(published, str) and published:
        return str(publisher) if published in str(publisher) else f"{publisher}, {published}"
    return str(title).split(": ")[0]


def _text(value: object) -> str:
    """A looked-up text, or "" where there is none (an unknown id, an empty cell)."""
    return "" if value is None or pd.isna(value) else str(value)


def publishers(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Each row's source's publisher: whose figure a published row is."""
    by_id = _first_rows(sources, ("publisher",))
    cited = rows["source_id"].tolist()
    return pd.Series([_text(by_id.get(value, (None,))[0]) for value in cited], index=rows.index, dtype=object)


def as_published(rows: pd.DataFrame, sources: pd.DataFrame, year: Words = "year") -> pd.DataFrame:
    """Rows a source published, said so in `basis.described`'s columns: its publisher's, 'reported',
    of its edition, for its year (None: figures for no year)."""
    return described(rows, publishers(rows, sources), REPORTED, edition_words(rows["source_id"], sources), year)
