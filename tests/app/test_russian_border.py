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
