"""The brief's PDF from a known brief: its text, pages, fonts, pictures and the link back."""

import io

from pypdf import PdfReader

from dashboard.brief.content import Brief, Chart, Figure, Source
from dashboard.brief.document import plain_spec, printable, render_pdf

SPEC = {
    "data": {"values": [{"year": 2019, "v": 1.2}, {"year": 2020, "v": 1.5}]},
    "mark": "line",
    "encoding": {"x": {"field": "year", "type": "ordinal"}, "y": {"field": "v", "type": "quantitative"}},
}
BRIEF = Brief(
    title="Russia–Tajikistan: Trade",
    made_on="2026-11-28",
    view="Years 2010–2020; units musd",
    link="https://example.org/intel/tajikistan/trade?years=2010..2020&units=musd",
    figures=(Figure("Russia: total trade 2020", "US$1,234.5m", "+7.1% on 2019"), Figure("Record year", "2019")),
    paragraphs=("Formula: US$1,130m × (1 + 70.0%) = US$1,921m",),
    charts=(Chart(SPEC, "Annual trade by reporter", "Sources: IMF."),),
    sources=(Source("IMF", "Direction of Trade Statistics", "https://data.imf.org/dots"),),
    data_as_of="2025-11-27",
    left_out=("Left out of this brief: 1 chart(s) with UN Comtrade figures.",),
)


def tiny_png(spec) -> bytes:
    """A small PNG: the layout tests need a picture, not vl-convert's rendering."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (600, 300), "white").save(out, format="PNG")
    return out.getvalue()


def read(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_the_brief_holds_its_figures_text_sources_and_link_as_real_text():
    reader, text = read(render_pdf(BRIEF, chart_png=tiny_png))
    for expected in (
        "Russia–Tajikistan: Trade",
        "Years 2010–2020; units musd",
        "US$1,234.5m",
        "+7.1% on 2019",
        "Formula: US$1,130m × (1 + 70.0%) = US$1,921m",
        "Annual trade by reporter",
        "IMF: Direction of Trade Statistics",
        "Data as of 2025-11-27",
        "Left out of this brief",
    ):
        assert expected in text, expected
    assert BRIEF.link in text.replace("\n", "")
    links = [a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots", [])]
    assert BRIEF.link in links  # the link is clickable, not only printed
    assert len(reader.pages) == 1


def test_the_font_is_embedded():
    reader, _ = read(render_pdf(BRIEF, chart_png=tiny_png))
    fonts = [f.get_object() for page in reader.pages for f in page["/Resources"]["/Font"].values()]
    assert fonts and all("SourceSansPro" in str(font["/BaseFont"]) for font in fonts)
    descriptors = [font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object() for font in fonts]
    assert all("/FontFile2" in descriptor for descriptor in descriptors)  # the TrueType program is in the file


def test_a_long_source_list_is_cut_to_keep_two_pages():
    many = tuple(Source(f"Publisher {i}", "A long title " * 6, f"https://example.org/{i}") for i in range(300))
    brief = Brief(**{**BRIEF.__dict__, "sources": many, "charts": BRIEF.charts * 4})
    reader, text = read(render_pdf(brief, chart_png=tiny_png))
    assert len(reader.pages) <= 2
    assert "Sources (300)" in text and "more: every one is listed under its chart at the link below" in text
    assert BRIEF.link in text.replace("\n", "")


def test_characters_the_font_lacks_are_marked_not_dropped_silently():
    assert printable("Khovar दुशांबे x → y") == "Khovar … x → y"


def test_the_page_spec_is_drawn_with_its_data():
    """The specs the page ships carry Arrow bytes; the brief turns them back into records."""
    import pyarrow as pa

    table = pa.table({"year": [2019, 2020], "v": [1.2, float("nan")]})
    sink = io.BytesIO()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    spec = {"datasets": {"d": sink.getvalue()}, "data": {"name": "d"}, "mark": "bar", "height": "container"}
    plain = plain_spec(spec)
    assert plain["datasets"]["d"] == [{"year": 2019, "v": 1.2}, {"year": 2020, "v": None}]
    assert plain["height"] == 260 and plain["width"] == 520


def test_a_real_chart_renders_offline():
    from dashboard.brief.document import spec_to_png

    png = spec_to_png(SPEC)
    assert png.startswith(b"\x89PNG") and len(png) > 2000
