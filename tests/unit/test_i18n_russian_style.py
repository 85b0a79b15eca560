"""The Russian house style (docs/i18n.md, "Review"), held on every Russian string the project writes:
the catalogue's translations and the data's own Russian words (every `*_ru` column of data/*.csv
and scripts/ru/*.csv). Each rule is one a translator can break without noticing on screen: a plain
space that lets "2024" and "г." fall on two lines, a Latin "FOB" where Russian statistics write
"ФОБ", a second Russian word for a term the glossary names once.

Each rule is checked against the strings the review found wrong, so a rule that stops finding
them fails too."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from dashboard.formatting import catalogue

ROOT = Path(__file__).resolve().parents[2]
NB, NNB = "\u00a0", "\u202f"  # CLDR "ru": the group separator and the space before %; the space in "2024 г."

# (name, pattern, what to write instead): a match is a fault
RULES: list[tuple[str, re.Pattern[str], str]] = [
    ("year", re.compile(r"[\d}][ \u00a0]гг?\."), "a year and г./гг. joined by U+202F, as CLDR writes '2024 г.'"),
    ("group", re.compile(r"(?<![\d,.])\d{1,3}[ \u202f]\d{3}(?!\d)"), "thousands grouped by U+00A0 (1 357)"),
    ("percent", re.compile(r"[\d}][ \u202f]?%"), "U+00A0 before % (47,9 %)"),
    ("points", re.compile(r"п\.[ \u202f]?п\.|[\d}][ \u202f]п\.\u00a0п\."), "'п.\u00a0п.' after U+00A0"),
    (
        "money",
        re.compile(r"долл\.[ \u202f]?США|(млн|млрд|тыс\.)[ \u202f]долл|[\d}][ \u202f](млн|млрд|тыс\.)"),
        "'1,2\u00a0млн', 'млн\u00a0долл.\u00a0США' with U+00A0, as localized.money writes them",
    ),
    ("dash", re.compile(r" [-–] "), "an em dash between words ( — ); an en dash only in ranges (2020–2024)"),
    ("range", re.compile(r"\b\d{4}[-—]\d{4}\b|\d ?— ?\d"), "an en dash in a range of years or numbers"),
    ("quotes", re.compile(r"[\"“”„']"), "Russian quotes «…»"),
    ("iso date", re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), "a date as Russian writes it (29 июня 2022 г.)"),
    ("level", re.compile(r"\{level\}-|%-н|-процентн"), "'интервал 90 %', not '90 %-ный интервал'"),
    (
        "latin",
        re.compile(r"\b(IMF|FOB|CIF|World Bank|World Development Indicators|Direction of Trade|International Trade)\b"),
        "МВФ, ФОБ, СИФ, Всемирный банк, Показатели мирового развития (WDI), статистика направлений торговли",
    ),
    ("turnover", re.compile(r"внешнеторгов|во внешней торговле", re.IGNORECASE), "товарооборот (the glossary's term)"),
    (
        "yo",
        re.compile(r"\b(еще|ее|партнер|отчет|расчет|учет|объем|протяженн|приведен|включен|сохранен)", re.IGNORECASE),
        "ё where Russian has it (ещё, партнёр, отчётные, расчёт, протяжённость)",
    ),
    ("plural", re.compile(r"\w\((ов|а|и|ей)\)"), "ngettext's three forms, never 'партнёр(ов)'"),
]

CODE_SPAN = re.compile(r"`[^`]*`")


def faults(text: str) -> list[str]:
    """The rules a Russian string breaks, code spans (commands, file names) left out."""
    text = CODE_SPAN.sub("", text)
    return [name for name, pattern, _ in RULES if pattern.search(text)]


def catalogue_strings() -> list[tuple[str, str]]:
    with catalogue.catalogue_path("ru", ".po").open("rb") as file:
        po = read_po(file, locale="ru")
    found = []
    for message in po:
        if not message.id:
            continue
        msgid = message.id[0] if message.pluralizable else message.id
        for text in message.string if message.pluralizable else (message.string,):
            found.append((msgid, text))
    return found


def data_strings() -> list[tuple[str, str]]:
    """Every value of a `*_ru` column: data/ as the app reads it, scripts/ru as curation writes it."""
    found = []
    for path in sorted([*ROOT.glob("data/*.csv"), *ROOT.glob("scripts/ru/*.csv")]):
        with path.open(encoding="utf-8", newline="") as file:
            reader = csv.DictReader(file)
            columns = [c for c in reader.fieldnames or [] if c.endswith("_ru")]
            if not columns:
                continue
            values = {row[c] for row in reader for c in columns if row[c]}
        found += [(f"{path.relative_to(ROOT)}", value) for value in sorted(values)]
    return found


def test_the_catalogue_keeps_the_russian_house_style():
    broken = [(msgid, text, faults(text)) for msgid, text in catalogue_strings() if faults(text)]
    assert broken == []


def test_the_datas_russian_words_keep_the_russian_house_style():
    broken = [(where, text, faults(text)) for where, text in data_strings() if faults(text)]
    assert broken == []


def test_there_are_russian_strings_to_check():
    assert len(catalogue_strings()) > 1000
    assert {where.split("/")[0] for where, _ in data_strings()} == {"data", "scripts"}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # what the review found (before → after in docs/i18n.md)
        ("Доля, 2019 г.", "year"),  # a plain space: "2019" and "г." on two lines
        ("IMF DOTS охватывает 1993–2020 гг.", "latin"),
        ("Экспорт — в ценах FOB, импорт — CIF.", "latin"),
        ("Все числа взяты из World Development Indicators Всемирного банка", "latin"),
        ("с 90\u00a0%-ным интервалом прогноза", "level"),
        ("90-процентные интервалы по t-распределению", "level"),
        ("Доля России во внешней торговле Таджикистана", "turnover"),
        ("Во внешнеторговом обороте Таджикистана", "turnover"),
        ("знаков . _ - (не более 24)", "dash"),
        ("Утверждение Russia Briefing (2022-06-29): …", "iso date"),
        ("Учения 201-й базы с участием 1 000 военных", "group"),
        ("(10 000 — один товар)", "group"),
        ("Константа (Россия 0 %, рубль без изменений)", "percent"),
        ("изменение, п. п.", "points"),
        ("база, млн долл. США", "money"),
        ("в России работают 1,2 млн таджиков", "money"),
        # what a translator might write next
        ("2020-2024", "range"),
        ("2020 — 2024", "range"),
        ('статья "Russia Briefing"', "quotes"),
        ("еще 5 партнеров", "yo"),
        ("5 партнёр(ов)", "plural"),
    ],
)
def test_each_rule_finds_what_it_is_for(text, rule):
    assert rule in faults(text)


@pytest.mark.parametrize(
    "text",
    [
        f"Товарооборот, 2024{NNB}г.",
        f"1{NB}357 км; 47,9{NB}% ВВП; 2020–2024{NNB}гг.",
        f"+1,5{NB}п.{NB}п.; 5,30{NB}млрд{NB}долл.{NB}США",
        "Россия — Таджикистан: «Russia Briefing», МВФ (DOTS), ФОБ, СИФ",
        "2009, 2015, 2020 и 2022",
        "выполните `make refresh SOURCE=baci` (см. docs/refresh.md)",  # a command stays as typed
        "NAME:GROWTH,RUBLE,MIGRANTS[,YEARS AHEAD]",
    ],
)
def test_the_house_style_itself_passes(text):
    assert faults(text) == []
