"""The Scenarios page in Russian: no English UI string left, the same figures in Russian form."""

import csv
import io

from dashboard.analytics.scenarios import ECONOMIES, SECOND_ROUND
from dashboard.charts.scenarios import BACKTEST_COLORS, RESULT_COLORS
from dashboard.formatting.csv_columns import header as csv_header
from dashboard.formatting.language import RUSSIAN
from dashboard.models.scenarios import CURRENT, TERM_LABELS
from tests.app.i18n_walk import english_left, labels_left, visible_texts

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
    assert preset.label == f"Как в 2015\u202fг.: Россия −2,0{NB}%, рубль −37,0{NB}%"
    # the economies by CLDR's Russian names; the headings in Russian plural forms
    cards = [m.label for m in at.metric]
    assert cards == ["Таджикистан, 2025", "Киргизия, 2025", "Узбекистан, 2025"]
    assert at.subheader[1].value == f"Денежные переводы на следующий год (2025) с интервалом прогноза 90{NB}%"
    # the coefficients' table: its headers in Russian, the 90% level as CLDR "ru" writes it
    assert f"интервал 90{NB}%" in list(at.dataframe[0].value.columns)


def test_years_ahead_take_russian_plural_forms(open_app):
    # 2 and 3 years ahead: "на 2 года вперёд", not "лет" (the catalogue's plural forms)
    at = open_app("scenarios", lang="ru", sc_ahead="2")
    assert at.subheader[1].value.startswith("Денежные переводы на 2 года вперёд (2026)")
    assert "Факторы: каждый год по 2026" in visible_texts(at.main)


# The English of the words the page's code writes into its rows, charts' data and CSVs
CODE_WORDS = (
    *ECONOMIES.values(),
    *SECOND_ROUND.values(),
    *TERM_LABELS.values(),
    *RESULT_COLORS,
    *BACKTEST_COLORS,
    CURRENT,
)


def test_no_english_word_the_code_wrote_is_left_in_the_scenarios_rows_and_csvs(open_app, downloads):
    """Every CSV, table cell and chart datum of the page, and the events it quotes: the economies,
    the second round's measures, the estimates' terms, the current scenario's name and the 2022
    events' titles were English on the Russian page."""
    at = open_app("scenarios", lang="ru", sc_ahead="2", sc_saved="Deep cut:-3,-25,0")
    assert not at.exception
    assert {"scenario_second_round.csv", "scenario_coefficients.csv", "scenario_compare.csv"} <= set(downloads)
    assert labels_left(at, downloads, words=CODE_WORDS) == []
    second = list(csv.reader(io.StringIO(downloads["scenario_second_round.csv"].decode("utf-8"))))
    measure = second[0].index(csv_header("measure", RUSSIAN))
    assert {row[measure] for row in second[1:]} == {"Импорт товаров и услуг", "Потребление домохозяйств"}
    assert {row[0] for row in second[1:]} == {"Текущий"}  # the scenario's column: the drivers set now
    terms = list(csv.reader(io.StringIO(downloads["scenario_coefficients.csv"].decode("utf-8"))))
    term = terms[0].index(csv_header("term_label", RUSSIAN))
    assert f"Константа (Россия 0{NB}%, рубль без изменений)" in {row[term] for row in terms[1:]}


def test_the_english_scenarios_csvs_keep_their_words(open_app, downloads):
    open_app("scenarios", sc_ahead="2")
    second = list(csv.reader(io.StringIO(downloads["scenario_second_round.csv"].decode("utf-8"))))
    assert second[0][:3] == ["scenario", "economy", "measure"]
    assert {tuple(row[:3]) for row in second[1:]} == {
        ("Current", economy, measure)
        for economy in ("Tajikistan", "Kyrgyzstan", "Uzbekistan")
        for measure in ("Imports of goods and services", "Household consumption")
    }


def test_what_broke_in_2022_is_quoted_with_the_language_s_marks(open_app):
    """The sources' words are quoted: «…» in Russian, “…” in English."""
    russian = [text for text in visible_texts(open_app("scenarios", lang="ru").main) if text.startswith("- 2022")]
    english = [text for text in visible_texts(open_app("scenarios").main) if text.startswith("- 2022")]
    assert russian and english
    assert "«" in russian[0] and "“" not in russian[0]
    assert "“" in english[0] and "«" not in english[0]
