"""The Remittances page in Russian: no English UI string left, the same numbers in Russian form."""

from tests.app.i18n_walk import english_left, visible_texts


def test_the_remittances_page_in_russian_shows_no_english(open_app, downloads):
    at = open_app("remittances", lang="ru")
    assert not at.exception
    assert downloads  # the walk reads the CSVs' headers too
    assert english_left(at, downloads) == []


def test_the_remittances_page_in_russian_writes_russian_numbers(open_app):
    at = open_app("remittances", lang="ru", units="musd")
    texts = visible_texts(at)
    # World Bank 2024: 47.9% of GDP (the English page's "47.9%")
    card = next(m for m in at.metric if m.label == "Денежные переводы, % ВВП, 2024\u202fг.")
    assert card.value == "47,9\u00a0%"
    assert any(text.startswith("**Расчёт**") for text in texts)


def test_a_scenario_in_russian_keeps_the_english_numbers(open_app):
    english = open_app("remittances", rem_russia="-100", rem_share="58", units="musd")
    russian = open_app("remittances", rem_russia="-100", rem_share="58", units="musd", lang="ru")
    assert next(m.value for m in english.metric if m.label == "Remittances, 2024 + shock") == "US$2,857m"
    # the same 2,857 in Russian: a no-break space groups thousands, "млн долл. США" after it
    assert (
        next(m.value for m in russian.metric if m.label == "Переводы, 2024\u202fг. + шок")
        == "2\u00a0857\u00a0млн\u00a0долл.\u00a0США"
    )


def test_the_presets_are_named_in_the_viewer_s_language_and_load_the_same_shock(open_app):
    """A preset's name and basis are the project's words (shock_presets.csv `label_ru`, `basis_ru`)."""
    english = open_app("remittances")
    russian = open_app("remittances", lang="ru")
    names = {button.label for button in russian.button}
    assert {"2020: закрытие границ из-за COVID-19", "2015: обвал рубля, новые миграционные правила"} <= names
    assert not names & {"2020: Covid border closures", "2015: ruble collapse and new Russian migration rules"}
    help_text = next(b.help for b in russian.button if b.label.startswith("2015:"))
    assert "Банк России: переводы из России, 2015\u202fг. к 2014\u202fг.; доля" in help_text  # not 'г..'
    assert ".." not in help_text.replace("...", "")
    # the share's note is the curators' (remittances.csv SHR-001 `note_ru`), quoting the IMF's «up to 90 percent»
    assert "Верхняя граница: «до 90" in help_text and "Upper bound" not in help_text
    english.button(key="preset_2015").click().run()
    russian.button(key="preset_2015").click().run()
    # the same shock: CBR transfers from Russia, US$1,278m in 2015 against 3,831m in 2014: -66.6%
    assert english.query_params["rem_russia"] == russian.query_params["rem_russia"] == "-66.6"


def test_a_basis_ending_in_an_abbreviation_takes_no_second_full_stop(open_app):
    """'Чьи данные: …; доля принята и для 2024 г.' — the caption's own full stop is not added again."""
    texts = visible_texts(open_app("remittances", lang="ru", rem_russia="-33").main)
    whose = [text for text in texts if text.startswith("Чьи данные:")]
    assert any(text.endswith("2024\u202fг.") for text in whose), whose[:3]
    assert not [text for text in texts if ".." in text.replace("...", "")]
