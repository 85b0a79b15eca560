"""The brief as a PDF: what a page showed, laid out on at most two A4 pages.

Pure Python, no Streamlit: `render_pdf(brief)` takes what the page recorded (collect.py) and
returns the PDF's bytes. fpdf2 lays out the page: pure Python, it embeds a subset of a TrueType
font so every word stays real, searchable text, and it has no system dependency (reportlab
would do as well, with a larger API than two pages need). Charts are the page's own Vega-Lite
specs rendered offline by vl-convert (no browser, no network) at three times screen
resolution; fpdf2's SVG reader cannot read Vega's SVG, so they are high-resolution PNGs.
The font is Source Sans Pro, the dashboard's own, from the font-source-sans-pro package (SIL
Open Font Licence 1.1: may be embedded and redistributed). Its upright faces cover Cyrillic,
Russian and Tajik letters alike; its italics have no Cyrillic at all, so a Cyrillic character in
an italic line is set in the upright face (fpdf2's fallback font) rather than dropped.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable
from typing import Any

import font_source_sans_pro
import pyarrow as pa
import vl_convert
from fontTools.ttLib import TTFont
from fpdf import FPDF

from dashboard.brief.content import Brief, Chart, Figure
from dashboard.formatting import localized
from dashboard.formatting.language import Language

FONT = "SourceSans"
UPRIGHT = "SourceSansUpright"  # the fallback for what the italic lacks (Cyrillic)
FONT_FILES = {
    "": font_source_sans_pro.font_files_ttf["SourceSansPro"],
    "B": font_source_sans_pro.font_files_ttf["SourceSansProSemibold"],
    "I": font_source_sans_pro.font_files_ttf["SourceSansProIt"],
}
INK, MUTED, RULE, ACCENT = (31, 41, 51), (95, 103, 115), (214, 218, 224), (179, 38, 30)
PAGE_W, MARGIN = 210.0, 14.0
CONTENT_W = PAGE_W - 2 * MARGIN
MAX_PAGES = 2
CHART_SCALE = 3  # pixels per CSS pixel: sharp when printed
# How the charts are printed, tried in turn (each with fewer sources listed before the next):
# full width with their captions first; a brief whose words run longer (Russian's run about a
# quarter longer than English) gets smaller charts, and at last charts without their captions
# (each caption's sources are in the closing list), before it would need a third page.
LAYOUTS = ((1.0, True), (0.85, True), (0.7, True), (0.85, False))

vl_convert.register_font_directory(font_source_sans_pro.font_directory)


class TooLong(ValueError):
    """The brief does not fit on two pages even with its sources cut short."""


def render_pdf(brief: Brief, chart_png: Any = None) -> bytes:
    """The brief's PDF: at most two A4 pages, sources shortened if that is what it takes."""
    render_chart = chart_png or spec_to_png
    images = [render_chart(chart.spec) for chart in brief.charts]
    for chart_scale, captions in LAYOUTS:
        for shown_sources in _source_counts(len(brief.sources)):
            pdf = _layout(brief, images, shown_sources, chart_scale, captions)
            if pdf.pages_count <= MAX_PAGES:
                return bytes(pdf.output())
    raise TooLong(f"'{brief.title}' needs more than {MAX_PAGES} pages")


def _source_counts(total: int) -> Iterable[int]:
    yield total
    for count in (24, 16, 10, 6, 3, 0):
        if count < total:
            yield count


def spec_to_png(spec: dict[str, Any]) -> bytes:
    """A chart spec as the page ships it (tables as Arrow bytes) rendered to PNG, offline."""
    return vl_convert.vegalite_to_png(plain_spec(spec), scale=CHART_SCALE)


def plain_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with its Arrow datasets turned back into records, sized for a printed page."""
    datasets = {
        name: (_records(data) if isinstance(data, bytes) else data) for name, data in spec.get("datasets", {}).items()
    }
    plain = {**spec, "datasets": datasets} if datasets else dict(spec)
    plain["autosize"] = {"type": "fit", "contains": "padding"}
    plain.setdefault("width", 520)
    if not isinstance(plain.get("width"), int | float):
        plain["width"] = 520
    if plain.get("height") in (None, "container"):
        plain["height"] = 260
    return plain


def _records(data: bytes) -> list[dict[str, Any]]:
    rows = pa.ipc.open_stream(data).read_all().to_pylist()
    return [{k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()} for row in rows]


def _font_characters(path: str) -> frozenset[int]:
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


FONT_CHARACTERS = _font_characters(FONT_FILES[""])
ITALIC_CHARACTERS = _font_characters(FONT_FILES["I"])


def italic_or_upright(text: str) -> str:
    """The style for a line meant in italics: italic if its face has every character, else upright.
    The italic has no Cyrillic: a line that mixes the upright fallback's Cyrillic with the italic's
    Latin comes out of fpdf2 with the Latin undecodable (a reader's copy-paste, a screen reader and
    a search find garbage), so a Russian line is set upright, whole."""
    return "I" if all(ord(ch) in ITALIC_CHARACTERS or ch.isspace() for ch in text) else ""


def printable(text: str) -> str:
    """The text with any run of characters the font lacks (a title in Devanagari) shown as '…'."""
    kept = "".join(ch if ord(ch) in FONT_CHARACTERS or ch == "\n" else "\0" for ch in text)
    return re.sub("\0+", "…", kept)


class _Page(FPDF):
    def __init__(self, brief: Brief) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.brief = brief
        for style, path in FONT_FILES.items():
            self.add_font(FONT, style, path)
        self.add_font(UPRIGHT, "", FONT_FILES[""])
        self.set_fallback_fonts([UPRIGHT], exact_match=False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=14)
        self.set_title(brief.title)
        self.set_author(brief.lang.gettext("Russia–Tajikistan dashboard"))
        self.set_creator(brief.lang.gettext("Russia–Tajikistan dashboard"))
        self.set_lang(brief.lang.code)  # the document's language, for screen readers

    def normalize_text(self, text: str) -> str:
        return super().normalize_text(printable(text))

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*MUTED)
        page = self.brief.lang.gettext("page {number}").format(number=self.page_no())
        made_on = localized.day(self.brief.made_on, self.brief.lang)
        self.cell(0, 4, f"{self.brief.title} · {made_on} · {page}", align="R")


def _layout(
    brief: Brief, images: list[bytes], shown_sources: int, chart_scale: float = 1.0, captions: bool = True
) -> FPDF:
    pdf = _Page(brief)
    pdf.add_page()
    _header(pdf, brief)
    _figures(pdf, brief.figures, brief.lang)
    _paragraphs(pdf, brief.paragraphs)
    _charts(pdf, brief.charts, images, chart_scale, captions)
    _closing(pdf, brief, shown_sources)
    return pdf


def _header(pdf: FPDF, brief: Brief) -> None:
    pdf.set_text_color(*ACCENT)
    pdf.set_font(FONT, "B", 8.5)
    _ = brief.lang.gettext
    pdf.cell(0, 5, _("RUSSIA–TAJIKISTAN DASHBOARD · BRIEF"), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_text_color(*INK)
    pdf.set_font(FONT, "B", 19)
    pdf.multi_cell(0, 8.5, brief.title, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(*MUTED)
    made = _("Made {date} · {view}").format(date=localized.day(brief.made_on, brief.lang), view=brief.view)
    pdf.multi_cell(0, 4.4, made, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(2)


def _figures(pdf: FPDF, figures: tuple[Figure, ...], lang: Language) -> None:
    if not figures:
        return
    per_row = 3 if len(figures) != 4 else 2
    width = (CONTENT_W - (per_row - 1) * 3) / per_row
    for start in range(0, len(figures), per_row):
        row = figures[start : start + per_row]
        top = pdf.get_y()
        heights = []
        for i, figure in enumerate(row):
            x = MARGIN + i * (width + 3)
            heights.append(_figure_box(pdf, figure, x, top, width, lang))
        pdf.set_y(top + max(heights) + 3)


def _figure_box(pdf: FPDF, figure: Figure, x: float, top: float, width: float, lang: Language) -> float:
    pdf.set_xy(x + 2.5, top + 2)
    pdf.set_font(FONT, "", 8)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(width - 5, 3.8, figure.label, new_x="LEFT", new_y="NEXT", align="L")
    pdf.set_font(FONT, "B", _value_size(pdf, figure.value, width - 5))
    pdf.set_text_color(*INK)
    pdf.multi_cell(width - 5, 6.5, figure.value, new_x="LEFT", new_y="NEXT", align="L")
    if figure.note:
        pdf.set_font(FONT, "", 8)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(width - 5, 3.8, figure.note, new_x="LEFT", new_y="NEXT", align="L")
    if figure.basis:
        whose = lang.gettext("Whose figure: {basis}").format(basis=figure.basis)
        pdf.set_font(FONT, italic_or_upright(whose), 7)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(width - 5, 3.4, whose, new_x="LEFT", new_y="NEXT", align="L")
    height = pdf.get_y() - top + 2
    pdf.set_draw_color(*RULE)
    pdf.rect(x, top, width, height)
    return height


def _value_size(pdf: FPDF, value: str, width: float, largest: float = 15, smallest: float = 11) -> float:
    """The largest bold size at which a figure's value fits its box on one line: a value is one
    amount with its unit ('1,50–1,90 млрд долл. США'), and broken over two lines it reads as two.
    A value too long even at `smallest` wraps at its ordinary spaces."""
    size = largest
    while size > smallest:
        pdf.set_font(FONT, "B", size)
        if pdf.get_string_width(value) <= width - 2 * pdf.c_margin:  # multi_cell keeps a margin each side
            break
        size -= 0.5
    return size


def _paragraphs(pdf: FPDF, paragraphs: tuple[str, ...]) -> None:
    pdf.set_text_color(*INK)
    pdf.set_font(FONT, "", 10)
    for text in paragraphs:
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(1.5)


def _charts(
    pdf: FPDF, charts: tuple[Chart, ...], images: list[bytes], scale: float = 1.0, captions: bool = True
) -> None:
    """Two charts a row (one when alone), each with its title and sources line; `scale` shrinks
    the images (not the words) and `captions=False` leaves the lines out, for a brief that would
    not fit otherwise."""
    width = (CONTENT_W - 6) / 2
    for start in range(0, len(charts), 2):
        pair = list(zip(charts[start : start + 2], images[start : start + 2], strict=True))
        w = CONTENT_W if len(pair) == 1 else width
        image_w = (min(w, 120) if len(pair) == 1 else w) * scale
        heights = [_image_height(image, image_w) for _, image in pair]
        needed = max(heights) + 16
        if pdf.get_y() + needed > pdf.h - 14:
            pdf.add_page()
        top = pdf.get_y()
        bottoms = []
        for i, ((chart, image), height) in enumerate(zip(pair, heights, strict=True)):
            x = MARGIN + i * (width + 6)
            pdf.set_xy(x, top)
            pdf.set_font(FONT, "B", 9.5)
            pdf.set_text_color(*INK)
            pdf.multi_cell(w, 4.4, chart.description, new_x="LEFT", new_y="NEXT", align="L")
            pdf.image(io.BytesIO(image), x=x, y=pdf.get_y() + 1, w=image_w)
            pdf.set_xy(x, pdf.get_y() + 1 + height + 1)
            if chart.caption and captions:
                pdf.set_font(FONT, "", 7.5)
                pdf.set_text_color(*MUTED)
                pdf.multi_cell(w, 3.4, chart.caption, new_x="LEFT", new_y="NEXT", align="L")
            bottoms.append(pdf.get_y())
        pdf.set_xy(MARGIN, max(bottoms) + 3)


def _image_height(image: bytes, width_mm: float) -> float:
    from PIL import Image

    with Image.open(io.BytesIO(image)) as picture:
        return width_mm * picture.height / picture.width


def _closing(pdf: FPDF, brief: Brief, shown_sources: int) -> None:
    if pdf.get_y() > pdf.h - 40:
        pdf.add_page()
    pdf.set_draw_color(*RULE)
    pdf.line(MARGIN, pdf.get_y(), PAGE_W - MARGIN, pdf.get_y())
    pdf.ln(2)
    for line in brief.left_out:
        pdf.set_font(FONT, italic_or_upright(line), 8.5)
        pdf.set_text_color(*INK)
        pdf.multi_cell(0, 4, line, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font(FONT, "B", 9)
    pdf.set_text_color(*INK)
    _ = brief.lang.gettext
    as_of = (
        " " + _("Data as of {date}.").format(date=localized.day(brief.data_as_of, brief.lang))
        if brief.data_as_of
        else ""
    )
    heading = _("Sources ({count}).").format(count=len(brief.sources)) + as_of
    pdf.multi_cell(0, 4.4, heading, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font(FONT, "", 7.5)
    pdf.set_text_color(*MUTED)
    for source in brief.sources[:shown_sources]:
        pdf.multi_cell(
            0, 3.4, f"{source.publisher}: {source.title}. {source.url}", new_x="LMARGIN", new_y="NEXT", align="L"
        )
    if shown_sources < len(brief.sources):
        more = len(brief.sources) - shown_sources
        said = _("… and {count} more: every one is listed under its chart at the link below.").format(count=more)
        pdf.multi_cell(0, 3.4, said, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(1.5)
    pdf.set_font(FONT, "B", 9)
    pdf.set_text_color(*INK)
    this_view = _("This view: ")
    pdf.cell(pdf.get_string_width(this_view) + 1, 4.4, this_view)
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(*ACCENT)
    pdf.multi_cell(0, 4.4, brief.link, link=brief.link, new_x="LMARGIN", new_y="NEXT", align="L")
