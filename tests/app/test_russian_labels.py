"""Names the data gives as labels, in the viewer's language (issue 28): the Border map's site
labels (security_sites.csv `short_name_ru`), the reporters named in "Whose figure"
(reporters.csv `label_ru`) and the events' titles (events.csv `title_ru`); English keeps the
data's English labels."""

import csv
import io

import pyarrow as pa
import pytest

from dashboard import datasets
from tests.app.conftest import pdf_text
from tests.app.i18n_walk import labels_left

NNBSP = "\u202f"  # CLDR's narrow no-break space in "2008 г."
EVENTS = ("events.csv",)


def map_labels(at) -> set[str]:
    """The site labels the Border map draws (its sites' `label` column)."""
    (chart,) = [chart for chart in at.get("vega_lite_chart") if "geoshape" in chart.proto.spec]
    labels = set()
    for dataset in chart.proto.datasets:
        table = pa.ipc.open_stream(dataset.data.data).read_all()
        if "site_id" in table.column_names and "label" in table.column_names:
            labels |= {label for label in table.column("label").to_pylist() if label}
    return labels


def test_the_russian_map_labels_its_sites_in_russian_and_the_english_map_in_english(open_app):
    sites = datasets.load("security_sites").dropna(subset=["short_name"]).set_index("site_id")
    russian_sites = sites[sites["kind"].str.startswith("russian")]
    russian = map_labels(open_app("border", lang="ru"))
    assert set(russian_sites["short_name_ru"]) <= russian
    assert "Душанбе, штаб 201-й базы" in russian and "Dushanbe, 201st base HQ" not in russian
    english = map_labels(open_app("border"))
    assert set(russian_sites["short_name"]) <= english and not english & set(sites["short_name_ru"])


def test_every_layers_labels_are_russian(open_app):
    at = open_app("border", lang="ru", layers="russian,ranges,china,crossings,cities")
    sites = datasets.load("security_sites").set_index("site_id")
    assert "Нижний Пяндж" in map_labels(at)  # Panji Poyon, as Russian names the crossing
    assert not map_labels(at) & set(sites["short_name"].dropna())


def test_whose_figure_names_the_reporter_in_russian(open_app):
    """The Trade cards' reporters are the latest figures' (Russian and Tajik officials today); the
    projection's card names its base's and its growth's reporter."""
    russian = [c.value for c in open_app("trade", lang="ru").caption if c.value.startswith("Чьи данные: ")]
    english = [c.value for c in open_app("trade").caption if c.value.startswith("Whose figure: ")]
    assert len(russian) == len(english) == 5
    assert russian[0].startswith("Чьи данные: Официальные лица России;")
    assert russian[2].startswith("Чьи данные: Официальные лица Таджикистана;")
    assert english[0].startswith("Whose figure: Russian officials;")
    assert "Официальные лица России" in russian[4] and "Russian officials" in english[4]


def test_the_distances_table_and_the_maps_key_name_the_sites_in_russian(open_app):
    at = open_app("border", lang="ru")
    table = next(t for t in at.dataframe if "Объект" in t.value.columns and "До границы, км" in t.value.columns)
    names = set(table.value["Объект"])
    assert {"Нижний Пяндж", "Душанбе, штаб 201-й базы", "Станция «Окно»"} <= names
    assert not names & set(datasets.load("security_sites")["short_name"].dropna())
    key = " ".join(m.value for m in at.markdown)
    assert "Куляб, до 2015\u202fг." in key and "Kulob" not in key
    english = open_app("border")
    table = next(t for t in english.dataframe if "To the border, km" in t.value.columns)
    assert "Panji Poyon" in set(table.value["Site"])
    assert "faded: Kulob, vacated 2015" in " ".join(m.value for m in english.markdown)


def test_the_overviews_cards_name_the_reporters_in_russian(open_app):
    at = open_app("overview", lang="ru")
    whose = " ".join(c.value for c in at.caption if c.value.startswith("Чьи данные: "))
    assert "Официальные лица России" in whose and "Russian officials" not in whose
    narrative = next(m.value for m in at.markdown if m.value.startswith("Товарооборот России"))
    assert "(по данным: Официальные лица России)" in narrative
    english = open_app("overview")
    assert any("Russian officials" in c.value for c in english.caption if c.value.startswith("Whose figure: "))


def test_the_distances_table_writes_russian_numbers_and_statuses(open_app):
    """Panji Poyon's 0.3 km reads "0,3"; its status "active" reads "действует" (English keeps both)."""
    at = open_app("border", lang="ru")
    table = next(t for t in at.dataframe if "До границы, км" in t.value.columns).value.set_index("Объект")
    assert table.loc["Нижний Пяндж", "До границы, км"] == "0,3"
    assert table.loc["Нижний Пяндж", "Статус"] == "действует"
    assert table.loc["Куляб, до 2015\u202fг.", "Статус"] == "закрыт"
    english = open_app("border")
    table = next(t for t in english.dataframe if "To the border, km" in t.value.columns).value.set_index("Site")
    assert table.loc["Panji Poyon", "To the border, km"] == 0.3 and table.loc["Panji Poyon", "Status"] == "active"


@pytest.mark.parametrize("page", ["trade", "overview", "remittances", "border"])
def test_no_english_event_title_is_left_on_a_russian_page(open_app, downloads, page):
    """Every text, table cell, chart datum (the markers' tooltips) and CSV cell of the page."""
    at = open_app(page, lang="ru")
    assert not at.exception
    assert downloads
    assert labels_left(at, downloads, files=EVENTS) == []


def test_the_trade_charts_event_key_and_markers_read_russian(open_app):
    key = f"События: 1 Мировой финансовый кризис (дек. 2008{NNBSP}г.); 2 Рублёвый кризис (16 дек. 2014{NNBSP}г.);"
    russian = open_app("trade", lang="ru")
    keys = [c.value for c in russian.caption if c.value.startswith("События: ")]
    assert len(keys) == 2 and all(k.startswith(key) for k in keys)
    assert f"«Талибан» занимает Кабул (15 авг. 2021{NNBSP}г.)" in keys[0] and "Taliban" not in keys[0]
    titles = set()
    for chart in russian.get("vega_lite_chart"):
        for dataset in chart.proto.datasets:
            table = pa.ipc.open_stream(dataset.data.data).read_all()
            if "n" in table.column_names and "title" in table.column_names:
                titles |= set(table.column("title").to_pylist())
    assert {"Мировой финансовый кризис", "Россия вторгается в Украину"} <= titles
    english = [c.value for c in open_app("trade").caption if c.value.startswith("Events: ")]
    assert english[0].startswith("Events: 1 Global financial crisis (2008-12); 2 Ruble crisis (2014-12-16);")


def test_the_overviews_timeline_and_its_csv_title_the_events_in_russian(open_app, downloads):
    at = open_app("overview", lang="ru")
    table = next(t.value for t in at.dataframe if "title" in t.value.columns and "source_publisher" in t.value.columns)
    titles = set(table["title"])
    assert {"Саммит ОДКБ в Душанбе", "Россия вторгается в Украину"} <= titles
    assert not titles & {"CSTO summit in Dushanbe", "Russia invades Ukraine"}
    rows = list(csv.reader(io.StringIO(downloads["events.csv"].decode("utf-8"))))
    assert "title_ru" not in rows[0] and any("Саммит ОДКБ в Душанбе" in row for row in rows[1:])


def test_the_english_overview_keeps_its_titles_and_its_csvs_columns(open_app, downloads):
    """events.csv's columns as before `title_ru`, then the columns that say whose each row is."""
    at = open_app("overview")
    table = next(t.value for t in at.dataframe if "title" in t.value.columns and "source_publisher" in t.value.columns)
    assert "CSTO summit in Dushanbe" in set(table["title"])
    header = next(csv.reader(io.StringIO(downloads["events.csv"].decode("utf-8"))))
    assert header[:6] == ["event_id", "date", "title", "category", "themes", "source_id"]
    assert "title_ru" not in header


def test_the_remittances_claim_is_quoted_in_russian(open_app):
    russian = " ".join(m.value for m in open_app("remittances", lang="ru").markdown)
    assert "говорится: «COVID и другие ограничения сократили денежные переводы за последние два года»" in russian
    english = " ".join(m.value for m in open_app("remittances").markdown)
    assert "says: “COVID and other restrictions reduced remittances over the past two years”" in english


def test_the_border_events_list_titles_the_events_in_russian(open_app, downloads):
    at = open_app("border", lang="ru")
    table = next(t.value for t in at.dataframe if "Событие" in t.value.columns)
    assert "Саммит ОДКБ в Душанбе" in set(table["Событие"])
    english = open_app("border")
    table = next(t.value for t in english.dataframe if "Event" in t.value.columns)
    assert "CSTO summit in Dushanbe" in set(table["Event"])


def test_the_russian_trade_brief_numbers_the_events_in_russian(open_app, downloads):
    open_app("trade", lang="ru")
    text = " ".join(pdf_text(downloads["brief-trade.pdf"]).split())  # the PDF's lines and narrow spaces
    assert "События: 1 Мировой финансовый кризис (дек. 2008 г.); 2 Рублёвый кризис (16 дек. 2014 г.);" in text
    assert "Global financial crisis" not in text


@pytest.mark.parametrize("page", ["trade", "overview", "remittances", "partners", "products", "border", "scenarios"])
def test_no_english_reporter_or_event_label_is_left_on_a_russian_page(open_app, downloads, page):
    """Every label the data translates (reporters, sites, events), in every text, table cell, chart
    datum and CSV cell: the projection's bars and its base choices once named the reporter in English."""
    at = open_app(page, lang="ru")
    assert not at.exception
    assert labels_left(at, downloads) == []
