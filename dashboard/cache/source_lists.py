"""The sources behind what a page shows, kept between reruns: a chart's sources line, and the
Sources & data page's catalogue and its lists of sources."""

from __future__ import annotations

import pyarrow as pa
from streamlit import dataframe_util

from dashboard.analytics import citations
from dashboard.cache.edition import data_dir, per_edition
from dashboard.cache.tables import dataset
from dashboard.formatting.language import ENGLISH, Language
from dashboard.models.catalogue import Entry, build_catalogue


@per_edition(max_entries=1024)
def sources_line(
    ids: tuple[str, ...], reach: tuple[tuple[str, int], ...] = (), lang: Language = ENGLISH
) -> citations.Citing:
    """A chart's sources line for these ids (and the last year it has from each), in the viewer's
    language: every chart asks on every rerun, nearly always with ids it has asked for before."""
    return citations.citing(ids, dataset("sources"), reach, lang=lang)


@per_edition(max_entries=8)
def catalogue(lang: Language) -> tuple[list[Entry], list[Entry]]:
    """The Sources & data page's entries: tables, then geometry, in the viewer's language."""
    return build_catalogue(data_dir(), lang)


@per_edition(max_entries=64)
def listed_sources(file: str | None, lang: Language) -> pa.Table:
    """A list of sources as the Sources page shows it, in Arrow as st.dataframe would convert it
    (the page draws some twenty of them on every rerun): the whole list, or the sources one
    data file cites. The rows stay as published; a missing date says so in the viewer's language."""
    if file is None:
        sources = dataset("sources")
    else:
        tables, geometry = catalogue(lang)
        sources = next(entry.cited for entry in (*tables, *geometry) if entry.dataset.file == file)
    listed = sources.assign(published_date=sources["published_date"].fillna(lang.gettext("undated")))
    return dataframe_util.convert_pandas_df_to_arrow_table(listed, preserve_index=False)
