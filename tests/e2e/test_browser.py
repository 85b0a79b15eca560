"""The app in a real browser: pages draw, nothing errors, and a copied link restores the view."""

import csv
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.app.conftest import pdf_text

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("path", "title", "charts"),
    [
        ("/", "Russia–Tajikistan at a glance", 3),
        ("/trade", "Russia–Tajikistan trade", 7),
        ("/products", "Products", 8),  # published shares, growth and values each way; trend; coverage
        ("/border", "Border & security", 4),
        ("/remittances", "Remittances", 6),
        ("/scenarios", "Scenarios", 8),  # result in US$ and % of GDP; three scatters; three track records
        ("/partners", "Partners & region", 7),
        ("/sources", "Sources & data", 0),
    ],
)
def test_page_draws_without_errors(app, path, title, charts):
    app.open(path)
    page = app.page
    assert page.get_by_role("heading", name=title, exact=True).is_visible()
    assert page.locator("[data-testid=stVegaLiteChart]").count() == charts
    assert page.locator("[data-testid=stException]").count() == 0
    assert app.console_errors == []


def test_sidebar_shows_filters_and_the_link_on_every_page(app):
    for path in ("/", "/trade", "/products", "/border", "/remittances", "/partners", "/sources"):
        app.open(path)
        sidebar = app.page.locator("[data-testid=stSidebar]")
        assert sidebar.get_by_text("Filters for every page").is_visible()
        assert sidebar.get_by_text("Link to this view").is_visible()


def test_navigation_keeps_the_filters_in_the_address_bar(app):
    app.open("/trade?years=2004..2016&units=musd")
    app.page.locator("[data-testid=stSidebarNavLink]", has_text="Sources & data").click()
    app.page.wait_for_url(re.compile(r"/sources"))
    app.settle()
    assert app.url.endswith("/sources?years=2004..2016&units=musd")


def test_a_copied_link_opens_the_same_view_in_another_session(app, new_session):
    app.open("/trade")
    handle = app.page.locator("[data-testid=stSlider]", has_text="Growth for the whole year").get_by_role("slider")
    handle.focus()
    for _ in range(25):
        handle.press("ArrowRight")
    app.page.wait_for_url(re.compile(r"proj_growth="))
    app.settle()
    app.page.locator("[data-testid=stSidebar] label", has_text="US$ m").click()
    app.page.wait_for_url(re.compile(r"units=musd"))
    app.settle()
    link = app.page.locator("[data-testid=stSidebar] [data-testid=stCode] code").inner_text().replace("\n", "")
    assert link == app.url
    projected = app.page.locator("[data-testid=stMetric]", has_text="Projected").inner_text()
    growth = handle.input_value()
    assert float(growth) == 19.5  # 25 steps of 0.1 from the default +17.0%

    other = new_session().open(link.removeprefix(app.base))
    assert other.url == link
    other_handle = other.page.locator("[data-testid=stSlider]", has_text="Growth for the whole year").get_by_role(
        "slider"
    )
    assert other_handle.input_value() == growth
    assert other.page.locator("[data-testid=stMetric]", has_text="Projected").inner_text() == projected
    checked = other.page.locator("[data-testid=stSidebar] label:has(input[type=radio]:checked)")
    assert checked.inner_text().strip() == "US$ m"


def test_a_garbled_link_shows_a_warning_not_an_error(app):
    app.open("/trade?years=%3Cscript%3Ealert(1)%3C/script%3E&proj_growth=lots")
    alerts = app.page.locator("[data-testid=stAlertContainer]")
    assert alerts.filter(has_text="years").count() == 1
    assert alerts.filter(has_text="proj_growth").count() == 1
    assert app.page.locator("script", has_text="alert(1)").count() == 0
    assert "years=" not in app.url
    assert app.console_errors == []


def test_the_map_draws_the_region_and_follows_the_radius(app):
    app.open("/border?radius=200")
    chart = app.page.locator("[data-testid=stVegaLiteChart]").first
    box = chart.bounding_box()
    assert box["height"] > 400 and box["width"] > 600
    handle = app.page.locator("[data-testid=stSlider]", has_text="Distance from Russia").get_by_role("slider")
    assert handle.input_value() == "200"
    handle.focus()
    handle.press("ArrowRight")
    app.page.wait_for_url(re.compile(r"radius=210"))
    app.settle()
    assert app.page.locator("[data-testid=stMetric]", has_text="Border within 210 km").count() == 1
    assert app.console_errors == []


@pytest.mark.parametrize("width", [1440, 390])
def test_the_overview_reads_at_laptop_and_phone_width(app, width):
    app.page.set_viewport_size({"width": width, "height": 900})
    app.open("/")
    cards = app.page.locator("[data-testid=stMetric]")
    assert cards.count() == 7
    assert cards.first.inner_text().startswith("Bilateral trade")  # reading order survives stacking
    assert app.page.evaluate("document.documentElement.scrollWidth") <= width  # nothing pushes the page sideways
    for index in range(cards.count()):
        box = cards.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
    app.page.get_by_role("link", name="Details").first.click()
    app.page.wait_for_url(re.compile(r"/trade"))
    app.settle()
    assert app.page.get_by_role("heading", name="Russia–Tajikistan trade", exact=True).is_visible()
    assert app.console_errors == []


def test_the_map_fills_a_phone_screen_without_an_empty_frame(app):
    app.page.set_viewport_size({"width": 390, "height": 900})
    app.open("/border")
    frame = app.page.locator("[class*=st-key-map-frame-border] [data-testid=stVegaLiteChart]")
    box = frame.bounding_box()
    content = app.page.locator("[data-testid=stMainBlockContainer]").bounding_box()
    assert box["width"] >= content["width"] - 40  # as wide as the column
    assert 0.9 * box["width"] <= box["height"] <= 1.1 * box["width"]  # square, not a strip in a tall box
    assert app.page.evaluate("document.documentElement.scrollWidth") <= 390
    assert app.console_errors == []


def test_every_overview_card_names_its_sources_with_links(app):
    """A number's source is one hover and one click away: the card's help lists its sources with links."""
    known = {row["url"] for row in csv.DictReader((Path(__file__).parents[2] / "data" / "sources.csv").open())}
    app.open("/")
    cards = app.page.locator("[data-testid=stMetric]")
    assert cards.count() == 7
    for index in range(cards.count()):
        cards.nth(index).locator("[data-testid=stTooltipHoverTarget]").hover()
        tooltip = app.page.locator("[data-testid=stTooltipContent]").last
        tooltip.wait_for(state="visible")
        links = [a.get_attribute("href") for a in tooltip.locator("a").all()]
        assert links and set(links) <= known, cards.nth(index).inner_text()
        app.page.mouse.move(0, 0)
        tooltip.wait_for(state="hidden")


def test_the_projection_base_is_labelled_in_the_unit_chosen(app):
    """A selectbox whose labels change keeps the chosen option's old text unless it is redrawn."""
    app.open("/trade")
    base = app.page.locator("[data-testid=stSelectbox]", has_text="Previous full year")
    chosen = base.locator("input").first  # holds the chosen option's text
    assert re.match(r"US\$[\d.]+bn, ", chosen.input_value())
    app.page.locator("[data-testid=stSidebar] label", has_text="US$ m").click()
    app.page.wait_for_url(re.compile(r"units=musd"))
    app.settle()
    assert re.match(r"US\$[\d,]+m, ", chosen.input_value())
    assert app.console_errors == []


def test_the_brief_downloads_as_a_pdf_of_exactly_this_view(app):
    """An executive clicks once and gets the view as a PDF, with a link that reopens it."""
    app.open("/border?radius=150&years=2010..2020")
    with app.page.expect_download() as download:
        app.page.get_by_role("button", name="Download brief (PDF)").click()
    assert download.value.suggested_filename == "brief-border.pdf"
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and len(PdfReader(io.BytesIO(pdf)).pages) <= 2
    text = " ".join(pdf_text(pdf).split())
    assert "Russia–Tajikistan: Border & security" in text
    assert "Border within 150 km" in text  # the radius chosen, not the default
    link = app.base + "/border?years=2010..2020&radius=150"
    assert link in text.replace(" ", "")
    assert app.console_errors == []


def test_a_scenario_link_reopens_the_drivers_the_result_and_the_named_scenarios(app, new_session):
    app.open("/scenarios?sc_growth=-3&sc_ruble=-25&sc_saved=Deep%20cut:-3,-25,0")
    handle = app.page.locator("[data-testid=stSlider]", has_text="Ruble against the US$").get_by_role("slider")
    handle.focus()
    for _ in range(5):
        handle.press("ArrowLeft")
    app.page.wait_for_url(re.compile(r"sc_ruble=-25.5"))
    app.settle()
    link = app.page.locator("[data-testid=stSidebar] [data-testid=stCode] code").inner_text().replace("\n", "")
    assert link == app.url and "sc_saved=Deep" in link
    result = app.page.locator("[data-testid=stMetric]", has_text="Tajikistan, 2025").inner_text()

    other = new_session().open(link.removeprefix(app.base))
    other_handle = other.page.locator("[data-testid=stSlider]", has_text="Ruble against the US$").get_by_role("slider")
    assert float(other_handle.input_value()) == -25.5
    assert other.page.locator("[data-testid=stMetric]", has_text="Tajikistan, 2025").inner_text() == result
    assert other.page.get_by_text("Deep cut", exact=True).first.is_visible()
    assert other.console_errors == []


def charts_sent(frames: list[bytes], charts_seen: set[str] | None = None) -> int:
    """How many charts the server sent in these websocket frames. A full run sends a chart the
    browser already holds, unchanged, as a reference to its copy (Streamlit's message cache:
    `ref_hash`); given the hashes of every chart seen so far, those count too."""
    sent = 0
    for frame in frames:
        message = ForwardMsg()
        message.ParseFromString(frame)
        if message.WhichOneof("type") == "ref_hash":
            sent += charts_seen is not None and message.ref_hash in charts_seen
            continue
        element = message.delta.new_element if message.WhichOneof("type") == "delta" else None
        if element is not None and element.WhichOneof("type") == "vega_lite_chart":
            sent += 1
            if charts_seen is not None and message.hash:
                charts_seen.add(message.hash)
    return sent


def shared_link(app) -> str:
    """The sidebar's link to this view, as a viewer would copy it."""
    return app.page.locator("[data-testid=stSidebar] [data-testid=stCode] code").inner_text().replace("\n", "")


def test_a_scenario_control_redraws_its_section_alone_and_the_link_and_brief_follow(app, new_session):
    """A driver moved reruns the drivers' section alone: the two result charts are resent, not the
    six that do not depend on it; the address, the share link and the brief are this view's, and
    the numbers a full run's."""
    frames: list[bytes] = []
    app.page.on("websocket", lambda socket: socket.on("framereceived", lambda frame: frames.append(frame)))
    app.open("/scenarios?sc_growth=-3&sc_saved=Deep%20cut:-3,-25,0")
    seen: set[str] = set()
    assert charts_sent(frames, seen) == 8  # the first run draws every chart
    charts = app.page.locator("[data-testid=stVegaLiteChart]")
    handle = app.page.locator("[data-testid=stSlider]", has_text="Ruble against the US$").get_by_role("slider")
    handle.focus()
    frames.clear()
    handle.press("ArrowLeft")
    app.page.wait_for_url(re.compile(r"sc_ruble=-0.1"))
    app.settle()
    assert charts_sent(frames, seen) == 2 and charts.count() == 8  # the scatters and track records stay drawn
    link = shared_link(app)
    assert link == app.url == app.base + "/scenarios?sc_growth=-3&sc_ruble=-0.1&sc_saved=Deep+cut%3A-3%2C-25%2C0"
    tajikistan = app.page.locator("[data-testid=stMetric]", has_text="Tajikistan, 2025")
    value = tajikistan.locator("[data-testid=stMetricValue]").inner_text()
    assert app.page.get_by_text("Deep cut", exact=True).first.is_visible()  # the compared scenarios stay

    with app.page.expect_download() as download:
        app.page.get_by_role("button", name="Download brief (PDF)").click()
    text = " ".join(pdf_text(Path(download.value.path()).read_bytes()).split())
    assert f"Tajikistan, 2025 {value}" in text  # the moved driver's result, not the page's first
    assert link in text.replace(" ", "")

    other = new_session().open(link.removeprefix(app.base))  # a full run of the same view
    assert other.page.locator("[data-testid=stMetric]", has_text="Tajikistan, 2025").inner_text() == (
        tajikistan.inner_text()
    )

    frames.clear()
    axis = app.page.locator("[data-testid=stButtonGroup]", has_text="Russia's growth")
    axis.get_by_text("Russia's growth", exact=True).click()
    app.page.wait_for_url(re.compile(r"sc_axis=growth"))
    app.settle()
    assert charts_sent(frames, seen) == 3  # the scatters alone
    link = shared_link(app)
    assert link == app.url and "sc_ruble=-0.1" in link

    frames.clear()
    app.page.locator("[data-testid=stButtonGroup]", has_text="2027").get_by_text("2026", exact=True).click()
    app.page.wait_for_url(re.compile(r"sc_ahead=2"))
    app.settle()
    assert charts_sent(frames, seen) == 8  # the year reruns the whole page (the heading says what it assumes)
    assert app.page.get_by_role("heading", name="Drivers: each year to 2026").is_visible()
    assert app.page.locator("[data-testid=stMetric]", has_text="Tajikistan, 2026").count() == 1
    assert shared_link(app) == app.url

    frames.clear()
    app.page.get_by_role("button", name=re.compile(r"^As in 2015")).click()  # the drivers' section alone
    app.page.wait_for_url(re.compile(r"sc_growth=-2"))
    app.settle()
    assert charts_sent(frames, seen) == 2
    assert float(app.page.locator("[data-testid=stSlider]", has_text="Russia's real GDP").get_by_role(
        "slider").input_value()) == -2.0  # fmt: skip
    link = shared_link(app)
    assert link == app.url and "sc_axis=growth" in link and "sc_saved=Deep" in link

    frames.clear()
    app.page.locator("[data-testid=stSidebar] label", has_text="US$ m").click()  # a filter reruns the whole page
    app.page.wait_for_url(re.compile(r"units=musd"))
    app.settle()
    assert charts_sent(frames, seen) == 8
    link = shared_link(app)
    assert link == app.url and "sc_growth=-2" in link and "sc_axis=growth" in link
    assert app.console_errors == []
