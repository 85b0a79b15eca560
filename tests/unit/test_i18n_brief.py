"""The brief in Russian: the embedded font covers Cyrillic, and a Russian brief reads back as text.

pdftotext (poppler-utils) is not on this machine, so the PDF's text is read with pypdf, which
decodes it the same way, through the ToUnicode maps fpdf2 writes for its embedded fonts.
"""

import io
from dataclasses import replace

import font_source_sans_pro
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from dashboard.brief.content import Brief, Figure
from dashboard.brief.document import FONT_FILES, render_pdf
from dashboard.formatting import localized
from dashboard.formatting.language import RUSSIAN
from tests.unit.test_brief_document import tiny_png

RUSSIAN_LETTERS = {*range(0x0410, 0x0450), 0x0401, 0x0451}  # А–я, Ё, ё
TAJIK_LETTERS = {0x0492, 0x0493, 0x049A, 0x049B, 0x04B2, 0x04B3, 0x04B6, 0x04B7, 0x04E2, 0x04E3, 0x04EE, 0x04EF}
SPACES_AND_SIGNS = {0x00A0, 0x202F, 0x2212, 0x2013, 0x2014, 0x00AB, 0x00BB}  # formats and typography


def characters(path: str) -> set[int]:
    with TTFont(path, lazy=True) as font:
        return set(font.getBestCmap())


def test_the_upright_faces_cover_russian_and_tajik():
    for style in ("", "B"):
        missing = (RUSSIAN_LETTERS | TAJIK_LETTERS | SPACES_AND_SIGNS) - characters(FONT_FILES[style])
        assert not missing, (style, sorted(hex(c) for c in missing))


def test_the_italic_has_no_cyrillic_which_is_why_the_brief_falls_back_to_upright():
    italic = characters(font_source_sans_pro.font_files_ttf["SourceSansProIt"])
    assert not RUSSIAN_LETTERS & italic  # if a new release adds them, the fallback can go


SENTENCE = "Товарооборот России и Таджикистана вырос до 1,13 млрд долл. США; зеркальные данные расходятся."
BRIEF = Brief(
    title="Россия — Таджикистан: Торговля",
    made_on="2026-11-28",
    view="Годы: " + localized.year_range(2010, 2020, RUSSIAN),
    link="https://example.org/intel/tajikistan/trade?lang=ru",
    figures=(Figure("Товарооборот", localized.money(1130, RUSSIAN), basis="данные России, отчётные"),),
    paragraphs=(SENTENCE, "Ҷумҳурии Тоҷикистон: ғ, қ, ӣ, ӯ, ҳ, ҷ."),
    left_out=("Не вошёл в справку 1 график.",),
    lang=RUSSIAN,
)


def test_a_russian_brief_reads_back_as_russian_text_italic_lines_included():
    reader = PdfReader(io.BytesIO(render_pdf(BRIEF, chart_png=tiny_png)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())  # line breaks and no-break spaces as plain spaces
    assert " ".join(SENTENCE.split()) in flat
    assert "Россия — Таджикистан: Торговля" in flat
    assert "1,13 млрд долл. США" in flat
    assert "2010–2020 гг." in flat
    assert "ғ, қ, ӣ, ӯ, ҳ, ҷ" in flat
    assert "Подготовлено 28 ноября 2026 г." in flat  # CLDR's long date, not 2026-11-28
    assert "данные России, отчётные" in flat  # set in italic: the Cyrillic comes from the upright face
    assert "Не вошёл в справку 1 график." in flat  # italic too
    assert "…" not in text  # nothing was replaced as unprintable


def test_a_value_with_its_unit_stays_on_one_line_in_a_narrow_box():
    """Three boxes a row leave about 55 mm each: a range with its Russian unit must not be split
    into '1,50–1,90 млрд долл.' and 'США' on two lines."""
    value = "1,50–1,90\u00a0млрд долл.\u00a0США"  # as the Overview's turnover card writes it
    figures = tuple(Figure(label, value, basis="данные России") for label in ("Товарооборот", "Экспорт", "Импорт"))
    reader = PdfReader(io.BytesIO(render_pdf(replace(BRIEF, figures=figures), chart_png=tiny_png)))
    lines = reader.pages[0].extract_text().splitlines()
    assert sum(" ".join(line.split()) == "1,50–1,90 млрд долл. США" for line in lines) == 3, lines[:12]
