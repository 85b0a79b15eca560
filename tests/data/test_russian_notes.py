"""The curators' notes and descriptions in Russian (issue 28): each row's `note_ru` or
`description_ru`, written by scripts/curate.py from scripts/ru (data/README.md), beside the English
a Russian page would otherwise show in a tooltip, a preset's help or a CSV."""

import csv
import importlib.util
import io
from pathlib import Path

import pandas as pd
import pytest

from dashboard import datasets
from dashboard.datasets import DataError
from dashboard.refresh.comtrade import _figure

ROOT = Path(__file__).resolve().parents[2]
NB = "\u00a0"

# (table, the column translated): every table whose curators wrote words of their own
NOTES = [
    ("remittances", "note"),
    ("trade_published", "note"),
    ("trade_context", "note"),
    ("products", "note"),
    ("troop_estimates", "note"),
    ("memberships", "note"),
    ("security_sites", "description"),
    ("reporters", "description"),
]


def curation():
    spec = importlib.util.spec_from_file_location("curate", ROOT / "scripts" / "curate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("table", sorted(path.name for path in (ROOT / "scripts" / "ru").glob("*.csv")))
def test_each_translated_file_is_what_the_curation_writes_from_scripts_ru(table):
    """The data file without its Russian columns, given them again by curate.py's `with_russian`
    and written as curate.py writes, is the file byte for byte: the Russian words in data/ are
    scripts/ru's, in the column and quoting the next curation will write."""
    curate = curation()
    with open(ROOT / "scripts" / "ru" / table, newline="") as fh:
        russian = next(csv.reader(fh))[1:]
    text = (ROOT / "data" / table).read_text()
    rows = [{k: v for k, v in row.items() if k not in russian} for row in csv.DictReader(io.StringIO(text))]
    out = io.StringIO()
    written = curate.with_russian(rows, table, required=True)
    writer = csv.DictWriter(out, fieldnames=list(written[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(written)
    assert out.getvalue() == text


@pytest.mark.parametrize(("table", "column"), NOTES)
def test_every_note_has_its_russian_in_cyrillic_and_no_row_without_one_has_it(table, column):
    frame = datasets.load(table)
    given = frame[column].notna()
    assert given.sum() > 0
    assert (frame[f"{column}_ru"].notna() == given).all()
    russian = frame.loc[given, f"{column}_ru"]
    assert russian.str.contains(r"[а-яё]").all(), russian[~russian.str.contains(r"[а-яё]")].tolist()


def test_a_quotation_stays_the_source_s_words_in_russian_quotes():
    """The preset's help quotes the source: 'up to 90 percent' is «до 90 %» (U+00A0 before %)."""
    remittances = datasets.load("remittances").set_index("figure_id")
    assert remittances.loc["SHR-001", "note"].startswith("Upper bound: 'up to 90 percent' of remittance volume")
    assert remittances.loc["SHR-001", "note_ru"] == (
        f"Верхняя граница: «до 90{NB}%» объёма переводов — из России, далее Казахстан и Белоруссия."
    )


def test_the_russian_notes_keep_the_figures_names_and_ids_as_russian_writes_them():
    published = datasets.load("trade_published").set_index("figure_id")["note_ru"]
    # 1,352m and +321m / +23.7% as Russian writes them (CLDR ru); the ministry kept as named
    assert published["RUTJ-033"].startswith(f"Торгпредство со ссылкой на официальную статистику: 1{NB}352{NB}млн")
    assert f"+23,7{NB}%" in published["RUTJ-033"] and "МИД Таджикистана" in published["RUTJ-033"]
    # the article's projection stays marked as one, as the English shouts it
    assert published["RUTJ-052"].startswith("ПРОГНОЗ, а не факт")
    memberships = datasets.load("memberships").set_index(["organization", "country_iso3", "since_year"])["note_ru"]
    assert (
        memberships.loc[("CSTO", "UZB", 2006)]
        == "Вернулся в 2006\u202fг. и вновь вышел в 2012\u202fг.; не член ни в 2022\u202fг., ни сейчас."
    )
    sites = datasets.load("security_sites").set_index("site_id")["description_ru"]
    assert sites["city_kulob"].startswith("Город на востоке Хатлонской области")  # glossary: Хатлонская область


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    target.mkdir()
    for path in datasets.DATA_DIR.glob("*.csv"):
        (target / path.name).write_bytes(path.read_bytes())
    return target


def test_a_russian_note_on_a_row_without_an_english_one_names_the_file_row_and_column(data_copy):
    """Translated: a translation exactly where the English is given, not only never missing."""
    path = data_copy / "trade_context.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = int((frame["note"] == "").to_numpy().nonzero()[0][0])
    frame.loc[row, "note_ru"] = "Примечание без английского"
    frame.to_csv(path, index=False)
    with pytest.raises(DataError) as caught:
        datasets.load("trade_context", data_copy)
    assert (caught.value.file, caught.value.row, caught.value.column) == ("trade_context.csv", row + 2, "note_ru")


def test_the_comtrade_refresh_s_table_needs_no_russian_note(data_copy):
    """trade_comtrade.csv is written by the refresh with its own English note and no note_ru: its
    schema is trade_published's without that column or its check, so a refreshed file still loads."""
    comtrade, published = datasets.DATASETS["trade_comtrade"], datasets.DATASETS["trade_published"]
    row = _figure("un_comtrade_rus", "russia", 2023, "ru_to_tj", 1234.5, "RUS exports (FOB)")
    row["source_id"] = "russia-briefing-2022-06-29"  # a source this folder lists (an edition lists the API's)
    # as the refresh's store writes a table: the schema's columns, in its order
    pd.DataFrame([row]).reindex(columns=list(comtrade.columns)).to_csv(data_copy / "trade_comtrade.csv", index=False)
    loaded = datasets.load("trade_comtrade", data_copy)
    assert loaded["note"].tolist() == ["UN Comtrade, RUS exports (FOB)"]
    assert loaded["value_usd_m"].tolist() == [1234.5]
    assert list(comtrade.columns) == [c for c in published.columns if c != "note_ru"]
