"""The Overview's sentences and cards in Russian, worked out by hand from CLDR "ru" and the
catalogue: no-break spaces (U+00A0) in numbers and units, U+202F before "г.", decimal commas,
the country declined in the sentence ("по данным России"), and three plural forms."""

import pandas as pd
import pytest

from dashboard.analytics import overview
from dashboard.formatting.language import RUSSIAN
from dashboard.models.overview import events_note
from tests.unit.test_overview_analytics import BACKBONE, REFERENCES, SIDES

NBSP, NNBSP = "\u00a0", "\u202f"
BN = f"{NBSP}млрд{NBSP}долл.{NBSP}США"


def test_the_trade_card_in_russian_gives_the_range_once_with_its_unit():
    card = overview.trade_headline(SIDES, RUSSIAN)
    assert card.label == f"Товарооборот, 2024{NNBSP}г."
    assert card.value == f"1,50–1,90{BN}"  # 1 500 and 1 900 US$ m, both in billions
    assert card.change == f"+7,1{NBSP}% (Россия)"  # Russia's 7.1% growth, on its own figures


def test_the_trade_sentence_declines_each_country():
    sides = overview.trade_sides(SIDES)
    cards = {"trade": overview.trade_headline(SIDES, RUSSIAN)}
    assert overview.narrative(cards, sides, "", RUSSIAN) == [
        f"Товарооборот России и Таджикистана в 2024{NNBSP}г. составил 1,50{BN} по данным России "
        f"и 1,90{BN} по данным Таджикистана."
    ]


def test_the_remittances_card_in_russian():
    card = overview.remittances_headline(BACKBONE, RUSSIAN)
    assert card.label == f"Денежные переводы, % ВВП, 2024{NNBSP}г."
    assert card.value == f"45,5{NBSP}%"
    assert card.change == f"+7,5{NBSP}п.{NBSP}п. к 2023{NNBSP}г."  # 45.5 − 38.0


def test_the_border_card_in_russian():
    card = overview.border_headline(REFERENCES, 1246.0, RUSSIAN)
    assert card.label == "Таджикско-афганская граница"
    assert card.value == f"1{NBSP}357 км"
    assert card.change == f"по данным: CIA World Factbook; на карте — 1{NBSP}246 км"


def test_the_migrants_card_in_russian_counts_its_estimates():
    counts = pd.DataFrame({"year": [2024, 2024], "value": [1_200_000.0, 1_500_000.0], "source_id": ["a", "b"]})
    card = overview.migrants_headline(counts, RUSSIAN)
    assert (card.value, card.change) == (f"1,2–1,5{NBSP}млн", "2 оценки")


@pytest.mark.parametrize(
    ("listed", "rows", "expected"),
    [
        (1, 21, "1 событие; в CSV — все сообщения о них (21 строка) с источниками."),
        (2, 5, "2 события; в CSV — все сообщения о них (5 строк) с источниками."),
        (5, 2, "5 событий; в CSV — все сообщения о них (2 строки) с источниками."),
        (21, 1, "21 событие; в CSV — все сообщения о них (1 строка) с источниками."),
    ],
)
def test_the_events_note_takes_russian_plural_forms(listed, rows, expected):
    assert events_note(listed, rows, RUSSIAN) == expected


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "1 сообщение"), (2, "2 сообщения"), (5, "5 сообщений"), (21, "21 сообщение")]
)
def test_a_count_of_reports_in_russian(count, expected):
    assert RUSSIAN.ngettext("{count} report", "{count} reports", count).format(count=count) == expected
