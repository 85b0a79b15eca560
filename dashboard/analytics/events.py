"""Placing dated events on a yearly time axis, and their titles in the viewer's language."""

from __future__ import annotations

import pandas as pd

from dashboard.datasets import in_language
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import LANGUAGES, Language

# The kinds of event (events.csv's `category`), as the Overview's filter and every events table name them.
CATEGORY_NAMES = {
    "diplomacy": N_("Diplomacy"),
    "economy": N_("Economy"),
    "migration": N_("Migration"),
    "politics": N_("Politics"),
    "security": N_("Security"),
}


def category_words(categories: pd.Series, lang: Language) -> pd.Series:
    """Each event's kind in another language ('security' -> 'Безопасность'); English lists the
    data's own word, as it always has."""
    if lang.is_source:
        return categories
    return categories.map(lambda code: lang.gettext(CATEGORY_NAMES.get(code, code)))


def decimal_year(date: str) -> float:
    """'2014-12-16' -> 2014.95; '2008-12' -> 2008.92 (month start); '2008' -> 2008.0."""
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return float(year)
    start = pd.Timestamp(year=year, month=parts[1], day=parts[2] if len(parts) == 3 else 1)
    days_in_year = 366 if start.is_leap_year else 365
    return year + (start.day_of_year - 1) / days_in_year


def events_on_axis(events: pd.DataFrame, theme: str) -> pd.DataFrame:
    """Events tagged with `theme`, in date order, with their position `x` in decimal years and a number `n`."""
    tagged = events[events["themes"].str.split(";").apply(lambda themes: theme in themes)]
    placed = tagged.assign(x=tagged["date"].map(decimal_year)).sort_values("x", ignore_index=True)
    return placed.assign(n=range(1, len(placed) + 1))


def events_between(events: pd.DataFrame, years: tuple[int, int]) -> pd.DataFrame:
    """Events that fall inside a year range (the last year counted to its end)."""
    return events[events["x"].between(years[0], years[1] + 1, inclusive="left")]


def titled_in(events: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The events with `title` in the viewer's language (events.csv's `title_ru`, chosen by
    `datasets.in_language`) and the translation columns gone: a page lists, draws, numbers and
    hands out as CSV one title per event, and an English page is exactly what it was before the
    data had `title_ru`. Every path that shows events passes them through here once."""
    translations = [f"title_{other.code}" for other in LANGUAGES if f"title_{other.code}" in events.columns]
    titled = events if lang.is_source else events.assign(title=in_language(events, "title", lang))
    return titled.drop(columns=translations)
