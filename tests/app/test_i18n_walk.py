"""The walk that finds English on a Russian page must itself find English, and only English."""

from tests.app.i18n_walk import english_in, spec_texts, without_published


def test_a_translated_msgid_is_found_by_its_words_between_placeholders():
    # "Whose figure: {basis}." is in the catalogue: its words are found whatever fills the field
    assert "Whose figure" in english_in("Whose figure: Tajik officials.")
    assert "Reporters" in english_in("Reporters")
    assert english_in("Отчитывающиеся стороны") == []


def test_a_msgid_is_found_as_whole_words_only():
    # "CIS" is a glossary msgid: it is not inside "CISCO", nor "Russia" inside "Russian"
    assert "CIS" not in english_in("CISCO")
    assert "Russia" not in english_in("Russian")


def test_stop_words_are_found_in_any_text():
    assert english_in("Pages of the ledger") == ["the", "of"]
    assert "Source" in english_in("Sources: МВФ")


def test_published_source_titles_links_and_addresses_are_not_counted():
    text = "Источники: IMF ([link](https://example.org/the-world-of-trade)); Data from https://a.b/of/the"
    left = without_published(text)
    assert "example.org" not in left and "a.b" not in left
    assert english_in(without_published("24.kg (2020-10-12) on Rahmon re-elected for a fifth term")) == []


def test_the_datas_own_words_are_taken_out_and_the_codes_are_not():
    # "Russian officials" is a reporter's name in data/reporters.csv; "Whose figure" is the code's
    assert english_in(without_published("Russian officials; наибольшее значение")) == []
    assert english_in(without_published("Whose figure: Russian officials")) == ["Whose figure"]
    # a value that starts a sentence is capitalised: still the data's ("the CIA World Factbook")
    assert english_in(without_published("The CIA World Factbook: 1\u00a0357 км")) == []


def test_a_specs_titles_and_description_are_read_and_its_data_is_not():
    spec = {
        "title": {"text": "Trade", "subtitle": "by reporter"},
        "description": "Annual trade",
        "data": {"values": [{"title": "a data value"}]},
        "encoding": {"y": {"field": "value", "title": "US$ bn"}, "tooltip": [{"field": "x", "title": "Year"}]},
        "layer": [{"mark": "text", "encoding": {"text": {"value": "Today"}}}],
    }
    assert sorted(spec_texts(spec)) == sorted(["Trade", "by reporter", "Annual trade", "US$ bn", "Year", "Today"])


def test_the_words_the_code_writes_into_a_csvs_cells_are_read_and_the_datas_are_not():
    """A CSV's whose-figure, basis and reason cells are the code's words (found under their Russian
    headers); an edition's title and every other column are the data's, never read."""
    from tests.app.i18n_walk import written_words

    content = (
        "год,по данным,статус показателя,выпуск,no_gap_reason,note\n"
        "2024,this dashboard,неполный год,The World Factbook,no figure,the source's own note\n"
    ).encode()
    found = dict((value, where) for where, value in written_words(None, {"x.csv": content}))
    assert set(found) == {"this dashboard", "неполный год", "no figure"}
    flagged = {value for value in found if english_in(without_published(value))}
    assert flagged == {"this dashboard", "no figure"}


def test_an_english_event_title_is_found_in_a_cell_and_a_source_quoting_one_is_not():
    """events.csv's `title` has its `title_ru`: the English is the project's, so it counts as English
    left in any text or cell; a source's title that quotes it stays as published."""
    from tests.app.i18n_walk import labels_left

    content = (
        "дата,событие,выпуск\n"
        "2014-12-16,Ruble crisis,—\n"
        "2022-06-28,Визит Путина в Душанбе,—\n"
        "2015-11,Российские военные покидают гарнизон в Кулябе,UAWire on Russian troops leave Kulob garrison\n"
    ).encode()
    left = labels_left(None, {"x.csv": content}, files=("events.csv",))
    assert left == ["CSV x.csv: 'Ruble crisis' -> ['Ruble crisis']"]


def test_a_word_the_code_writes_is_found_in_a_whole_cell_and_not_inside_other_text():
    """A page names the English of the words its code writes into its rows: a cell that is one of
    them whole is English left; the same words inside a longer text, or in Russian, are not."""
    from tests.app.i18n_walk import labels_left

    content = (
        "экономика,показатель,примечание\n"
        "Tajikistan,Импорт товаров и услуг,—\n"
        "Таджикистан,Imports of goods and services,Imports of goods and services in Tajikistan\n"
    ).encode()
    left = labels_left(
        None, {"x.csv": content}, files=("events.csv",), words=("Tajikistan", "Imports of goods and services")
    )
    assert left == [
        "CSV x.csv: 'Tajikistan' -> ['Tajikistan']",
        "CSV x.csv: 'Imports of goods and services' -> ['Imports of goods and services']",
    ]


def test_a_cell_of_words_the_code_wrote_is_found_and_a_data_value_is_not():
    """"since 1991" and a qualifier are the code's words; "approximate" (a site's coord_basis in
    security_sites.csv) and "CIS" (memberships.csv) are the data's codes, whole cells of it."""
    from tests.app.i18n_walk import cells_left

    content = (
        "годы,фигура,organization,coord_basis,запись\n"
        "since 1991,up to,CIS,approximate,с 1991\u202fг.\n"
        "с 1991\u202fг.,до,SCO,published,The same figure has been published since 2012.\n"
    ).encode()
    left = cells_left(None, {"x.csv": content})
    assert left == [
        "CSV x.csv: 'since 1991' -> ['since']",
        "CSV x.csv: 'up to' -> ['up to']",
        "CSV x.csv: 'The same figure has been published since 2012.' -> "
        "['The same', 'figure', 'has been published since']",
    ]
