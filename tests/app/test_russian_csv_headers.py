"""Every CSV a Russian page hands out has its column names in Russian (issue 28: "CSV column
headers"); the English page's CSVs keep their names. Values are checked elsewhere (i18n_walk)."""

import csv
import io
import re

import pytest

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
SYMBOLS = {"R²"}  # a statistic's symbol reads the same in Russian


def headers(downloads: dict[str, bytes]) -> dict[str, list[str]]:
    return {
        name: next(csv.reader(io.StringIO(content.decode("utf-8"))))
        for name, content in downloads.items()
        if name.endswith(".csv")
    }


@pytest.mark.parametrize(
    ("page", "query"),
    [
        ("overview", {}),
        ("trade", {}),
        ("products", {}),
        ("border", {}),
        ("remittances", {}),
        ("scenarios", {}),
        ("partners", {}),
        ("partners", {"pt_flow": "imports", "pt_mirror": "chn"}),
    ],
)
def test_every_csv_header_on_a_russian_page_is_russian(open_app, downloads, page, query):
    at = open_app(page, lang="ru", **query)
    assert not at.exception
    found = headers(downloads)
    assert found  # the page hands out CSVs
    english = {
        (name, column)
        for name, columns in found.items()
        for column in columns
        if not CYRILLIC.search(column) and column not in SYMBOLS
    }
    assert english == set()
    twice = {name: columns for name, columns in found.items() if len(set(columns)) != len(columns)}
    assert twice == {}  # two columns never take one Russian name


def test_the_english_csvs_keep_their_column_names(open_app, downloads):
    open_app("remittances")
    shock = headers(downloads)["remittance_shock.csv"]
    assert {"base_year", "new_total_usd_m", "gdp_effect_pct", "source_id"} <= set(shock)


def test_a_header_is_known_by_its_csv_context_apart_from_the_same_word_in_a_sentence():
    from dashboard.formatting.csv_columns import header
    from dashboard.formatting.language import ENGLISH, RUSSIAN

    assert header("published", RUSSIAN) == "опубликовано"
    assert header("record", RUSSIAN) == "сверка с данными"  # not "по данным", reported_by's header
    assert header("source_id", RUSSIAN) == "код источника"  # a shared column, a plain msgid
    assert header("no_such_column", RUSSIAN) == "no_such_column"
    assert header("published", ENGLISH) == "published"
