"""Chart specs and the words in them: each chart's Vega-Lite spec built once per distinct input
(per_edition, frames keyed by content), its text alternative, and the data's names (a reporter's,
a partner's) in the viewer's language, as a chart's tooltips, a card and a CSV show them.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd
from streamlit import dataframe_util

from dashboard import datasets
from dashboard.analytics.basis import shown_in
from dashboard.analytics.partners import NAMES as PARTNER_NAMES
from dashboard.analytics.partners import name_in
from dashboard.cache.arrow_specs import for_streamlit
from dashboard.cache.edition import per_edition
from dashboard.cache.readonly import derived
from dashboard.cache.tables import dataset
from dashboard.charts.describe import text_alternative
from dashboard.formatting.language import ENGLISH, Language


def named_in(frame: pd.DataFrame, column: str, lang: Language) -> pd.DataFrame:
    """The frame with the reporters' labels in `column` as `lang` names them (`reporter_names`): a
    card's "whose figure" words are written from them. One name per reporter in every language,
    so figures compare alike."""
    if lang.is_source:
        return frame
    names = reporter_names(lang)
    return frame.assign(**{column: frame[column].map(lambda name: names.get(name, name))})


def frame_key(frame: pd.DataFrame) -> bytes:
    """A DataFrame's cache key: the digest of its pickle, which holds its values, dtypes, index
    and column names. About eight times faster than its CSV text (the previous key) and than
    Streamlit's default for the small mixed-type frames the charts take, and paid on every rerun.
    Two equal frames laid out differently in memory only miss the cache; they never collide.
    A shared (frozen) frame, which most charts are drawn from, is digested once (readonly.derived)."""
    return derived(frame, "digest", _digest)


def _digest(frame: pd.DataFrame) -> bytes:
    return hashlib.sha256(pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)).digest()


BY_CONTENT = {pd.DataFrame: frame_key}


def chart_spec(builder: Callable[..., alt.TopLevelMixin], *args: Any) -> dict[str, Any]:
    """The Vega-Lite spec of `builder(*args)`, built once per distinct input.

    Building an Altair chart and serialising it costs far more than drawing it, and a rerun
    mostly asks for charts it has built before. Schema validation is skipped here because
    tests/unit/test_chart_schema.py validates every builder's output.
    """
    return _spec(f"{builder.__module__}.{builder.__qualname__}", builder, *args)


@per_edition(max_entries=512, hash_funcs=BY_CONTENT)
def _spec(name: str, _builder: Callable[..., alt.TopLevelMixin], *args: Any) -> dict[str, Any]:
    return for_streamlit(_builder(*_words_in_language(args)).to_dict(validate=False))


def _words_in_language(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """A chart builder's arguments with the words the code wrote into its frames (whose figure,
    its basis, a reason; `basis.shown_in`) in the chart's language, the builder's last argument:
    the tooltips read them. Done once per spec, inside its cache."""
    lang = args[-1] if args and isinstance(args[-1], Language) else None
    if lang is None:
        return args
    return tuple(words_in(arg, lang) if isinstance(arg, pd.DataFrame) else arg for arg in args)


def words_in(frame: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """`basis.shown_in` with the data's names in the language (the reporters' `label_ru`), the
    rows' own reporter `label` included, and the data's translated columns (a note's `note_ru`)
    as the tooltip's one column in the language: no chart carries another language's words."""
    frame = datasets.words_in_language(frame, lang)
    if lang.is_source:
        return frame
    shown = shown_in(frame, lang, reporter_names(lang))
    return named_in(shown, "label", lang) if "label" in shown.columns else shown


@per_edition(max_entries=8)
def reporter_names(lang: Language) -> dict[str, str]:
    """Each reporter's label (reporters.csv) -> its label in `lang` (`datasets.in_language`), and
    each partner economy's English name -> CLDR's: the names a figure's words carry."""
    if lang.is_source:
        return {}
    reporters = dataset("reporters")
    names = dict(zip(reporters["label"], datasets.in_language(reporters, "label", lang), strict=True))
    return {**{english: name_in(iso3, english, lang) for iso3, english in PARTNER_NAMES.items()}, **names}


def chart_spec_for_rows(builder: Callable[..., alt.TopLevelMixin], frame: pd.DataFrame, *args: Any) -> dict[str, Any]:
    """`chart_spec(builder, frame, *args)` for a frame whose rows change on every slider move
    (a scenario's result): the spec is built once per set of columns and arguments, from the
    frame's empty head, and only the rows are swapped in. For builders whose layers all read
    the one frame and whose encodings do not depend on its values (explicit scale domains);
    tests/unit/test_scenarios_charts.py checks the swapped spec equals one built with the rows."""
    template = chart_spec(builder, frame.iloc[0:0], *args)
    names = list(template.get("datasets", {}))
    if len(names) != 1:
        return chart_spec(builder, frame, *args)
    rows = _words_in_language((frame, *args))[0]
    return {**template, "datasets": {names[0]: dataframe_util.convert_anything_to_arrow_bytes(rows)}}


@per_edition(max_entries=512, hash_funcs=BY_CONTENT)
def chart_description(description: str, data: pd.DataFrame, lang: Language = ENGLISH) -> str:
    """A chart's text alternative with the key numbers of its rows (charts.describe), worked out
    once per description, rows and language (the rows' names, a reporter's, in that language)."""
    return text_alternative(description, data if lang.is_source else words_in(data, lang), lang=lang)
