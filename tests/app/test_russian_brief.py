"""The brief in Russian, read back from the PDF (issue 28): Cyrillic text a reader can select and
search, no English UI word, numbers as Russian statistics write them.

pdftotext (poppler-utils) is not on the development machine; the PDF is read with pypdf
(conftest.pdf_text), which decodes the text through the same ToUnicode maps a reader's viewer and
pdftotext use.
"""

import re

import pytest

from tests.app.conftest import pdf_text
from tests.app.i18n_walk import english_in, without_published

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
ENGLISH_NUMBER = re.compile(r"\d,\d{3}\b|\b\d+\.\d+\b")  # "1,357" or "47.9": English grouping or decimals
RUSSIAN_NUMBER = re.compile(r"\d[\u00a0\u202f ]\d{3}\b|\b\d+,\d+\b")  # "1 357", "47,9"


def brief_body(pdf: bytes) -> str:
    """The brief's own words, one line: everything before the sources it lists (whose titles are
    published as they are, in their language, and break across the PDF's lines)."""
    text = pdf_text(pdf)
    assert "Источники (" in text
    return " ".join(text.split("Источники (")[0].split())


# Every page's brief. Products' own words hold no number (its figures are the charts' and the
# sources' dates), and Sources & data's brief is its title and settings alone (it has no chart).
@pytest.mark.parametrize(
    ("page", "numbers"),
    [
        ("overview", True),
        ("trade", True),
        ("products", False),
        ("border", True),
        ("remittances", True),
        ("scenarios", True),
        ("partners", True),
        ("sources", False),
    ],
)
def test_the_brief_in_russian_reads_in_russian(open_app, downloads, page, numbers):
    at = open_app(page, lang="ru")
    assert not at.exception
    body = brief_body(downloads[f"brief-{page}.pdf"])
    assert len(CYRILLIC.findall(body)) > (200 if page != "sources" else 80)  # extracted, not lost to a font
    assert "РОССИЯ — ТАДЖИКИСТАН · СПРАВКА" in body
    own = without_published(body)
    assert english_in(own) == []
    assert ENGLISH_NUMBER.findall(own) == []
    assert bool(RUSSIAN_NUMBER.search(own)) == numbers


def test_the_check_finds_english_and_english_numbers_in_a_brief():
    own = without_published("Чьи данные: Whose figure 1,357 km; 47.9% of GDP")
    assert english_in(own) and ENGLISH_NUMBER.findall(own) == ["1,357", "47.9"]
    assert not ENGLISH_NUMBER.findall("1\u00a0357 км; 47,9\u00a0% ВВП; 2020–2024 гг.")
