"""Sources & data in Russian: the page's own words, the catalogue's and the data dictionary's.

The files it offers are served exactly as they are in data/ (their headers are the files' own
column names), so the walk reads the page, not those files.
"""

from tests.app.conftest import caption_paragraphs
from tests.app.i18n_walk import english_left

# Names kept as their owners write them: publications, datasets and the files' column names.
PROPER_NAMES = (
    "Russia Briefing",
    "International Trade in Goods by partner country",
    "International Trade in Goods",
    "Digital Chart of the World",
    "coord_basis",
    "source_id",
)


def test_sources_and_data_in_russian_shows_no_english(open_app):
    at = open_app("sources", lang="ru")
    assert not at.exception
    assert not english_left(at, allowed=PROPER_NAMES)


def test_sources_and_data_in_russian_reads_in_russian(open_app):
    at = open_app("sources", lang="ru")
    assert at.title[0].value == "Источники и данные"
    assert [h.value for h in at.subheader] == ["Наборы данных", "Геоданные", "Методы", "Источники"]
    summaries = [text for text in caption_paragraphs(at) if "строк" in text]
    # "1 234 строки, 1993–2020 гг., ссылается на 3 источника": Russian plurals and a no-break space
    assert summaries and all("rows" not in text for text in summaries)
    assert any("\u00a0" in text for text in summaries)
