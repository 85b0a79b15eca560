"""The Border & security page in Russian: no English UI string left, the same figures in Russian form."""

from tests.app.i18n_walk import english_left, visible_texts

NBSP = "\u00a0"


def test_the_border_page_in_russian_shows_no_english(open_app, downloads):
    at = open_app("border", lang="ru")
    assert not at.exception
    assert downloads  # the walk reads the CSVs' headers too
    assert english_left(at, downloads) == []


def test_every_map_layer_in_russian_shows_no_english(open_app, downloads):
    at = open_app("border", lang="ru", layers="russian,crossings,cities,rivers,coverage", radius="50")
    assert not at.exception
    assert downloads  # the walk reads the CSVs' headers too
    assert english_left(at, downloads) == []


def test_the_border_figures_read_in_russian(open_app):
    at = open_app("border", lang="ru")
    card = next(m for m in at.metric if m.label == "Таджикско-афганская граница")
    # the CIA World Factbook's 1,357 km, grouped with a no-break space as CLDR "ru" writes it
    assert card.value == f"1{NBSP}357 км"
    texts = visible_texts(at.main)
    # the article's 7,000 troops, checked against the published figures
    assert any("7\u00a0000" in text and "подтверждается" in text for text in texts)
    assert "До границы, км" in texts  # the distances table's header


def test_the_map_names_the_countries_in_russian(open_app):
    """The country names drawn on the map are data values only in English; in Russian they are
    CLDR's names, by ISO code (Казахстан, not Kazakhstan)."""
    import pyarrow as pa

    at = open_app("border", lang="ru")
    (chart,) = [chart for chart in at.get("vega_lite_chart") if "geoshape" in chart.proto.spec]
    drawn = set()
    for dataset in chart.proto.datasets:
        table = pa.ipc.open_stream(dataset.data.data).read_all()
        if "label_lon" in table.column_names:
            drawn |= set(table.column("name").to_pylist())
    assert drawn == {
        *("Афганистан", "Китай", "Казахстан", "Киргизия"),
        *("Пакистан", "Таджикистан", "Туркменистан", "Узбекистан"),
    }


def test_the_article_s_claims_and_the_reference_lengths_read_in_russian(open_app, downloads):
    """The claims' subjects, amounts and dates, and the reference sources' names and parts, are the
    project's words: Russian on a Russian page (data's `*_ru` columns, ngettext), the same numbers."""
    russian = " ".join(visible_texts(open_app("border", lang="ru").main))
    said = "Russia Briefing (Dezan Shira & Associates) (29 июня 2022\u202fг.) —"  # CLDR's long date
    assert f"**Российские военнослужащие на 201-й базе**: {said} 7\u00a0000 военнослужащих;" in russian
    assert f"**Объекты 201-й базы**: {said} 3 объекта;" in russian  # ngettext: 3 -> объекта
    assert f"**Протяжённость таджикско-афганской границы**: {said} 1\u00a0357 км;" in russian
    parts = "1\u00a0135,3 км по рекам; 189,85 км по суше; 19 км по озеру"
    assert f"МИД Таджикистана: 1\u00a0344,15 км ({parts})" in russian
    (listed,) = [frame.value for frame in open_app("border", lang="ru").dataframe if "Участки" in frame.value.columns]
    assert listed.iloc[:, 0].tolist()[:2] == ["CIA World Factbook", "МИД Таджикистана"]
    assert f"1{NBSP}344,15 км" in listed.iloc[:, 1].tolist() and parts in listed["Участки"].tolist()
    references = downloads["border_references.csv"].decode("utf-8")
    assert "cited_as_ru" not in references and "МИД Таджикистана" in references
    english = " ".join(visible_texts(open_app("border").main))
    assert "(2022-06-29) says 7,000 personnel — :green[holds]" in english
    assert "(2022-06-29) says 3 facilities — :red[no longer holds]" in english
    assert "Tajikistan's foreign ministry gives 1,344.15 km (1,135.3 km along rivers" in english


def test_the_events_table_names_each_kind_in_russian(open_app):
    at = open_app("border", lang="ru")
    (events,) = [frame.value for frame in at.dataframe if "Категория" in frame.value.columns]
    assert set(events["Категория"]) <= {"Дипломатия", "Экономика", "Миграция", "Политика", "Безопасность"}
    assert "Безопасность" in set(events["Категория"])
