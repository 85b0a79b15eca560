"""The Overview in Russian: no English UI string left, the same figures, and the language switch."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, pdf_text, url
from tests.app.i18n_walk import english_left


@pytest.fixture(scope="module")
def russian_overview():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "ru"
    return at.run()


def test_the_overview_in_russian_shows_no_english(open_app, downloads):
    at = open_app("overview", lang="ru")
    assert not at.exception
    assert "events.csv" in downloads  # the walk reads the CSV's headers too
    assert not english_left(at, downloads)


def test_the_overview_in_russian_reads_in_russian(russian_overview):
    at = russian_overview
    assert at.title[0].value == "Россия и Таджикистан: главное"
    assert [m.label for m in at.metric][-1] == "Таджикско-афганская граница"
    assert at.metric[-1].value == "1\u00a0357 км"
    narrative = at.markdown[0].value
    assert narrative.startswith("Товарооборот России и Таджикистана в 2024\u202fг. составил")


def test_switching_language_changes_words_only(open_app):
    at = open_app("overview", lang="ru", units="musd", ov_cats="economy")
    switch = at.segmented_control(key="w_lang")
    assert switch.options == ["English", "Русский"] and switch.value == "ru"
    assert switch.label == "Language · Язык"
    russian_cards = [m.value for m in at.metric]
    at = switch.set_value("en").run()
    assert not at.exception
    assert url(at) == {"units": "musd", "ov_cats": "economy"}  # the language alone went back to the default
    assert at.title[0].value == "Russia–Tajikistan at a glance"
    english_cards = [m.value for m in at.metric]
    # the same figures: only the digits' separators and the words differ
    digits = [[c for c in text if c.isdigit()] for text in russian_cards]
    assert digits == [[c for c in text if c.isdigit()] for text in english_cards]


def test_the_overview_brief_in_russian_has_russian_headings(open_app, downloads):
    at = open_app("overview", lang="ru")
    assert not at.exception
    text = " ".join(pdf_text(downloads["brief-overview.pdf"]).split())
    assert "РОССИЯ — ТАДЖИКИСТАН · СПРАВКА" in text
    assert "Россия — Таджикистан: Обзор" in text
    assert "Товарооборот России и Таджикистана в 2024" in text  # the page's own sentence
    # the data's date as Russian writes a date (CLDR's long date: "12 октября 2025 г.")
    assert re.search(r"Источники \(\d+\)\. Данные на \d{1,2} [а-я]+ \d{4}\s?г\.", text)
    assert "Этот вид:" in text and "Chart" not in text and "Sources (" not in text


def test_the_units_radio_follows_the_language(open_app):
    """A switch of language gives the Units radio its labels in the new language, on a new widget
    (a browser keeps showing a radio's old labels when only the labels change), the unit kept."""
    at = open_app("overview", lang="ru", units="musd")
    russian = at.radio(key="w_units-ru")
    # CLDR's "млн" and the catalogue's "долл. США", with no-break spaces
    assert russian.options == ["млрд\u00a0долл.\u00a0США", "млн\u00a0долл.\u00a0США"] and russian.value == "musd"
    at = at.segmented_control(key="w_lang").set_value("en").run()
    english = at.radio(key="w_units")
    assert english.options == ["US$ bn", "US$ m"] and english.value == "musd"
    assert not [radio for radio in at.sidebar.radio if radio.key == "w_units-ru"]
