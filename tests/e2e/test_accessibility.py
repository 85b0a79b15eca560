"""WCAG 2.1 AA in a real browser: axe-core on every page at laptop and phone width, in English
and Russian, after interactions too, and the keyboard alone reaching and moving the controls.

axe-core comes inside the axe-playwright-python wheel (no download). Serious and critical
findings fail; the rules are axe's WCAG 2.0/2.1 A and AA tags.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import AppPage

pytestmark = pytest.mark.e2e

PATHS = ("/", "/trade", "/products", "/border", "/remittances", "/scenarios", "/partners", "/sources")
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def serious_findings(app: AppPage) -> list[str]:
    # what the last run left stale fades out: check the page as it stands, not mid-transition
    app.page.wait_for_function("() => !document.querySelector('[data-stale=true]')", timeout=30_000)
    app.page.wait_for_timeout(400)
    result = Axe().run(app.page, options=WCAG_AA).response
    return [
        f"{v['id']} ({v['impact']}): {node['target']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize("path", PATHS)
def test_no_serious_accessibility_finding(app, path, width, lang):
    """Each page in each language; the page says its language first (<html lang>, WCAG 3.1.1),
    so axe and a screen reader read the Russian page as Russian."""
    app.page.set_viewport_size({"width": width, "height": 900})
    app.open(f"{path}?lang={lang}")
    app.page.wait_for_function("code => document.documentElement.lang === code", arg=lang)
    assert serious_findings(app) == []


def test_no_serious_finding_after_interactions(app):
    app.open("/border?radius=150")
    slider = app.page.locator("[data-testid=stSlider]", has_text="Distance from Russia").get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")
    app.settle()
    assert serious_findings(app) == []
    app.open("/remittances")
    app.page.get_by_role("button", name="2015: ruble collapse and new Russian migration rules").click()
    app.settle()
    app.page.get_by_text("Numbers as a table").first.click()
    app.settle()
    assert serious_findings(app) == []


def test_a_screen_reader_hears_what_each_chart_shows_and_its_numbers(app):
    app.open("/partners")
    charts = app.page.locator("[data-testid=stVegaLiteChart]")
    assert charts.first.get_attribute("role") == "graphics-document"
    labels = charts.evaluate_all("charts => charts.map(c => c.getAttribute('aria-label') || '')")
    assert labels and all(labels), labels
    first = labels[0]
    assert first.startswith("Shares of Tajikistan's trade by partner over time") and "In 2020: " in first
    assert "Russia 24.6" in first


def test_page_links_show_where_the_keyboard_is(app):
    app.open("/border")
    app.page.keyboard.press("Tab")  # Streamlit's skip link
    app.page.keyboard.press("Tab")  # the first page link
    ring = app.page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert ring == "solid"


def test_the_keyboard_alone_reaches_and_moves_a_slider_with_visible_focus(app):
    app.open("/border")
    for _ in range(80):
        app.page.keyboard.press("Tab")
        focused = app.page.evaluate(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return {kind: e.type || '', label: e.getAttribute('aria-label') || e.innerText || '',"
            " ring: s.outlineStyle !== 'none' || s.boxShadow !== 'none'}; }"
        )
        if focused["kind"] == "range" and focused["label"].startswith("Distance from Russia"):
            break
    else:
        pytest.fail("no slider was reached with the Tab key")
    assert focused["ring"], "the focused slider shows no focus ring"
    app.page.keyboard.press("ArrowRight")
    app.page.wait_for_url("**radius=110**", timeout=30_000)  # the link follows the keyboard's move
    app.settle()


def test_the_map_is_readable_without_hovering(app):
    app.open("/border?radius=150")
    key = app.page.get_by_text("border within 150 km of a Russian site:")
    assert key.is_visible()  # the red stretch is named with its length, not by colour alone
    table = app.page.locator("[data-testid=stDataFrame]").first
    assert table.is_visible()  # every site and its distance, in a table under the map
