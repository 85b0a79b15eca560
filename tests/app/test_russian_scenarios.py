"""The Scenarios page in Russian: no English UI string left, the same figures in Russian form."""

from tests.app.i18n_walk import english_left, visible_texts

NB = "\u00a0"


def test_the_scenarios_page_in_russian_shows_no_english(open_app, downloads):
    at = open_app("scenarios", lang="ru")
    assert not at.exception
    assert "scenario_coefficients.csv" in downloads  # the walk reads the CSVs' headers too
    assert english_left(at, downloads) == []


def test_three_years_ahead_named_scenarios_and_the_other_axis_in_russian_show_no_english(open_app, downloads):
    at = open_app("scenarios", lang="ru", sc_ahead="3", sc_saved="Deep cut:-3,-25,0;Mild:-1,-5,0,2", sc_axis="growth")
    assert not at.exception
    assert "scenario_compare.csv" in downloads
    assert english_left(at, downloads) == []


def test_the_scenarios_page_reads_in_russian_with_the_same_figures(open_app):
    at = open_app("scenarios", lang="ru")
    assert at.title[0].value == "Сценарии"
    # WDI: Russia 2015 −1.97272% → −2.0; the ruble 38.37821 → 60.93765 per US$ → −37.0% (English
    # "As in 2015: Russia −2.0%, ruble −37.0%"): a decimal comma and a no-break space before %
    preset = at.button(key="sc_preset_2015")
    assert preset.label == f"Как в 2015 г.: Россия −2,0{NB}%, рубль −37,0{NB}%"
    # the economies by CLDR's Russian names; the headings in Russian plural forms
    cards = [m.label for m in at.metric]
    assert cards == ["Таджикистан, 2025", "Киргизия, 2025", "Узбекистан, 2025"]
    assert at.subheader[1].value == f"Денежные переводы на следующий год (2025) с 90{NB}%-ным интервалом прогноза"
    # the coefficients' table: its headers in Russian, the 90% level as CLDR "ru" writes it
    assert f"90{NB}%-ный интервал" in list(at.dataframe[0].value.columns)


def test_years_ahead_take_russian_plural_forms(open_app):
    # 2 and 3 years ahead: "на 2 года вперёд", not "лет" (the catalogue's plural forms)
    at = open_app("scenarios", lang="ru", sc_ahead="2")
    assert at.subheader[1].value.startswith("Денежные переводы на 2 года вперёд (2026)")
    assert "Факторы: каждый год по 2026" in visible_texts(at.main)
