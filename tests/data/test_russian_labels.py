"""The project's own labels have their Russian form in the data (issue 28): each reporter's
`label_ru`, each map label's `short_name_ru`, each event's `title_ru` and the curators' notes
(`note_ru`, `description_ru`; data/README.md), checked like any other column."""

import shutil

import pandas as pd
import pytest

from dashboard import datasets
from dashboard.analytics.events import titled_in
from dashboard.datasets import DataError, in_language, words_in_language
from dashboard.formatting.language import ENGLISH, RUSSIAN


def test_every_reporter_has_a_russian_label_in_cyrillic_or_its_latin_publication_name():
    reporters = datasets.load("reporters")
    assert reporters["label_ru"].str.len().gt(0).all()
    # Cyrillic in each, but a publication whose name stays in Latin script (glossary: Russia Briefing)
    cyrillic = reporters["label_ru"].str.contains(r"[а-яА-ЯёЁ]")
    assert cyrillic.all(), reporters.loc[~cyrillic, "label_ru"].tolist()
    assert reporters.set_index("reporter").loc["tajikistan_statistics", "label_ru"] == "Агентство по статистике РТ"


def test_every_map_label_has_its_russian_form_and_no_other_site_does():
    sites = datasets.load("security_sites")
    assert (sites["short_name"].isna() == sites["short_name_ru"].isna()).all()
    labelled = sites.dropna(subset=["short_name"]).set_index("site_id")
    assert len(labelled) == 17
    assert labelled.loc["ru201_dushanbe", "short_name_ru"] == "Душанбе, штаб 201-й базы"  # glossary: 201-я база
    assert labelled.loc["city_kulob", "short_name_ru"] == "Куляб"  # glossary: Куляб
    assert labelled.loc["city_kunduz", "name_ru"] == "Кундуз"  # every site's full name too (map tooltips, CSVs)


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(datasets.DATA_DIR, target)
    return target


def test_a_map_label_without_its_russian_form_names_the_file_and_column(data_copy):
    path = data_copy / "security_sites.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[0, "short_name_ru"] = ""
    frame.to_csv(path, index=False)
    with pytest.raises(DataError) as caught:
        datasets.load("security_sites", data_copy)
    assert (caught.value.file, caught.value.column) == ("security_sites.csv", "short_name_ru")


@pytest.mark.parametrize(
    ("table", "row", "column"),
    [
        ("reporters", 3, "label_ru"),
        ("events", 2, "title_ru"),
        ("claims", 1, "subject_ru"),
        ("border_references", 0, "cited_as_ru"),
        ("shock_presets", 1, "label_ru"),
        ("shock_presets", 0, "basis_ru"),
        # optional columns, translated exactly where the English is given (a reference's parts, its note)
        ("border_references", 1, "parts_ru"),
        ("border_references", 0, "note_ru"),
        # the curators' notes and descriptions (tests/data/test_russian_notes.py)
        ("remittances", 0, "note_ru"),
        ("trade_published", 5, "note_ru"),
        ("trade_context", 0, "note_ru"),
        ("products", 2, "note_ru"),
        ("troop_estimates", 1, "note_ru"),
        ("memberships", 3, "note_ru"),
        ("security_sites", 4, "description_ru"),
        ("security_sites", 7, "name_ru"),
        ("reporters", 2, "description_ru"),
    ],
)
def test_a_row_without_its_russian_label_names_the_file_row_and_column(data_copy, table, row, column):
    path = data_copy / f"{table}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[row, column] = ""
    frame.to_csv(path, index=False)
    with pytest.raises(DataError) as caught:
        datasets.load(table, data_copy)
    # the file's row number: its header is line 1, the frame's first row line 2
    assert (caught.value.file, caught.value.row, caught.value.column) == (f"{table}.csv", row + 2, column)


def test_the_project_s_wording_in_the_data_has_its_russian_form():
    """The article's claims as we worded them, the reference lengths' names and parts, the presets'
    names and bases: Russian written by hand, as the glossary has it."""
    claims = datasets.load("claims").set_index("claim_id")["subject_ru"]
    assert claims["rb-border"] == "Протяжённость таджикско-афганской границы"
    assert claims["rb-troops"] == "Российские военнослужащие на 201-й базе"  # glossary: 201-я база
    references = datasets.load("border_references").set_index("reference_id")
    assert references.loc["tj-mfa", "cited_as_ru"] == "МИД Таджикистана"
    # the ministry's parts as Russian writes numbers (CLDR ru: 1 135,3)
    assert references.loc["tj-mfa", "parts_ru"] == "1\u00a0135,3 км по рекам; 189,85 км по суше; 19 км по озеру"
    presets = datasets.load("shock_presets").set_index("preset_id")
    assert presets.loc["2020", "label_ru"] == "2020: закрытие границ из-за COVID-19"
    assert presets.loc["2015", "basis_ru"].startswith("Банк России:")  # glossary: Central Bank of Russia


def test_a_reader_s_table_has_each_translated_column_in_its_language_and_no_translation_column():
    """A CSV in one language never carries another's words (datasets.words_in_language)."""
    references = datasets.load("border_references")
    english, russian = words_in_language(references, ENGLISH), words_in_language(references, RUSSIAN)
    columns = ["reference_id", "cited_as", "length_km", "parts", "source_id", "note"]
    assert list(english.columns) == list(russian.columns) == columns
    assert english["cited_as"].tolist() == ["the CIA World Factbook", "Tajikistan's foreign ministry"]
    assert russian["cited_as"].tolist() == ["CIA World Factbook", "МИД Таджикистана"]
    assert pd.isna(russian["parts"].iloc[0])  # no parts given, in any language
    assert russian["length_km"].tolist() == english["length_km"].tolist() == [1357, 1344.15]
    plain = pd.DataFrame({"title": ["a"], "value": [1]})
    assert words_in_language(plain, RUSSIAN) is plain  # nothing to choose: the frame itself


def test_the_language_chooses_the_label_in_one_place():
    sites = datasets.load("security_sites").set_index("site_id").loc[["ru201_bokhtar", "range_lyaur"]]
    assert in_language(sites, "short_name", ENGLISH).tolist()[0] == "Bokhtar, 201st base"
    russian = in_language(sites, "short_name", RUSSIAN)
    assert russian.iloc[0] == "Бохтар, 201-я база" and pd.isna(russian.iloc[1])  # no label, in any language


def test_every_event_has_a_russian_title_in_cyrillic():
    events = datasets.load("events")
    assert len(events) == 95
    assert events["title_ru"].str.strip().str.len().gt(0).all()
    cyrillic = events["title_ru"].str.contains(r"[а-яА-ЯёЁ]")
    assert cyrillic.all(), events.loc[~cyrillic, "title_ru"].tolist()
    # names as Russian writes them, the glossary's terms: worked out by hand
    by_id = events.set_index("event_id")["title_ru"]
    assert by_id["ev-2008-12"] == "Мировой финансовый кризис"
    assert by_id["ev-2022-06-28"] == "Визит Путина в Душанбе"
    assert by_id["sec-2021-09-16-csto-summit-in-d"] == "Саммит ОДКБ в Душанбе"  # glossary: ОДКБ


def test_an_events_title_is_chosen_in_one_place_and_only_one_title_is_left():
    """English keeps events.csv's columns as they were before `title_ru` (its CSVs unchanged);
    Russian has the Russian title in `title`."""
    events = datasets.load("events").set_index("event_id").loc[["ev-2008-12", "ev-2022-06-28"]]
    english, russian = titled_in(events, ENGLISH), titled_in(events, RUSSIAN)
    assert list(english.columns) == list(russian.columns) == ["date", "title", "category", "themes", "source_id"]
    assert english["title"].tolist() == ["Global financial crisis", "Putin visits Dushanbe"]
    assert russian["title"].tolist() == ["Мировой финансовый кризис", "Визит Путина в Душанбе"]
    assert russian["date"].tolist() == english["date"].tolist() == ["2008-12", "2022-06-28"]
