"""Nothing cut off, in either language, at laptop and phone width (issue 28, item 6).

Russian labels run about a quarter longer than English ones, and already in English some card
titles ended in "…" and the Partners page's flow control ran past its column. On every page, at
1440 and 390 px, in English and Russian, the test fails when a control, a card (metric) or its
title, value or badge, a heading or a caption

- clips its text: an element that hides what overflows it (overflow other than visible, or an
  ellipsis) holds text wider than itself (scroll width beyond client width), and the full text
  is not offered on hover or focus (a `title` or `aria-label` that holds it); or
- runs past its box: the element's edge beyond its column's (or the sidebar's, or the page's).

The page's body and the sidebar are checked apart; on a phone the sidebar is folded away, so
the test opens it first, as a viewer would. Streamlit's visually
hidden inputs (one pixel wide, no visible text) are not text anyone reads, so they do not count.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import AppPage

pytestmark = pytest.mark.e2e

PATHS = ("/", "/trade", "/products", "/border", "/remittances", "/scenarios", "/partners", "/sources")

# What is checked: controls (labels, buttons, choices, sliders, tabs, expanders, links), the cards
# (metrics) and every part of them, headings and captions. Charts, tables and the link's code box
# scroll or scale by design and are not in the list.
CHECKED = (
    "[data-testid=stMetric]", "[data-testid=stButtonGroup]", "[data-testid=stSelectbox]",
    "[data-testid=stMultiSelect]", "[data-testid=stRadio]", "[data-testid=stSlider]", "[data-testid=stCheckbox]",
    "[data-testid=stToggle]", "[data-testid=stTextInput]", "[data-testid=stNumberInput]", "[data-testid=stButton]",
    "[data-testid=stDownloadButton]", "[data-testid=stPopover]", "[data-testid=stPageLink]",
    "[data-testid=stSidebarNavLink]", "[data-testid=stExpander] summary", "[role=tab]", "[data-testid=stHeading]",
    "[data-testid=stCaptionContainer]",
)  # fmt: skip

# Each problem as one line: what, where, and the widths that show it.
FIND_OVERFLOW = """
([checked, within]) => {
  const norm = t => (t || "").replace(/\\s+/g, " ").trim();
  const name = el => {
    const owner = el.closest("[data-testid]");
    return `${owner ? owner.dataset.testid : el.tagName} "${norm(el.innerText || el.value).slice(0, 90)}"`;
  };
  const shown = el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const offeredInFull = el => {  // a title or aria-label on it or around it that holds its whole text
    const full = norm(el.textContent || el.value);
    for (let node = el; node && node.getAttribute; node = node.parentElement) {
      for (const attribute of ["title", "aria-label"]) {
        if (norm(node.getAttribute(attribute)).includes(full)) return true;
      }
    }
    return false;
  };
  const problems = new Set();
  const seen = new Set();
  for (const item of document.querySelector(within).querySelectorAll(checked.join(","))) {
    if (!shown(item)) continue;
    for (const el of [item, ...item.querySelectorAll("*")]) {
      if (seen.has(el) || !shown(el)) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      const hides = style.overflowX !== "visible" || style.textOverflow === "ellipsis";
      const text = norm(el.textContent || el.value);
      if (hides && text && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1 && !offeredInFull(el)) {
        problems.add(`clipped: ${name(el)} (${el.scrollWidth} px of text in ${el.clientWidth} px)`);
      }
    }
    const holder = item.parentElement && item.parentElement.closest(
      "[data-testid=stColumn], [data-testid=stSidebarUserContent], [data-testid=stMainBlockContainer]");
    if (holder && shown(holder)) {
      const box = item.getBoundingClientRect(), room = holder.getBoundingClientRect();
      if (box.right > room.right + 1 || box.left < room.left - 1) {
        const span = b => `${Math.round(b.left)}–${Math.round(b.right)} px`;
        problems.add(`past its ${holder.dataset.testid}: ${name(item)} (${span(box)} in ${span(room)})`);
      }
    }
  }
  return [...problems];
}
"""


def overflow(app: AppPage, within: str) -> list[str]:
    """What is cut off or runs past its box in `within` as it stands (stale elements gone)."""
    app.page.wait_for_function("() => !document.querySelector('[data-stale=true]')", timeout=30_000)
    return app.page.evaluate(FIND_OVERFLOW, [list(CHECKED), within])


def open_sidebar(app: AppPage) -> None:
    """On a phone the sidebar starts folded away: open it as a viewer would."""
    expand = app.page.locator("[data-testid=stExpandSidebarButton]")
    if expand.is_visible():  # (a browser that opened it before keeps it open)
        expand.click()
    app.page.wait_for_function(SETTLED, arg="[data-testid=stSidebarUserContent]", polling=200)


# True once `selector`'s box is on screen and the same in two polls in a row: the sidebar slides in
# and its contents reflow as it widens, so it is measured where it stops.
SETTLED = """
selector => {
    const box = JSON.stringify(document.querySelector(selector).getBoundingClientRect());
    const same = box === window.__lastBox && JSON.parse(box).left >= 0;
    window.__lastBox = box;
    return same;
}
"""


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize("path", PATHS)
def test_nothing_is_cut_off(app, path, width, lang):
    app.page.set_viewport_size({"width": width, "height": 900})
    app.open(f"{path}?lang={lang}")
    found = overflow(app, "[data-testid=stMain]")
    open_sidebar(app)
    found += [f"sidebar: {problem}" for problem in overflow(app, "[data-testid=stSidebar]")]
    assert found == []


def test_the_check_sees_a_clipped_title_and_a_control_past_its_column(app):
    """The check can fail: card titles back on one line ending in "…" (Streamlit's own style, before
    components.FIT_TEXT_CSS), and a control made too wide for its column."""
    app.open("/partners")
    assert overflow(app, "[data-testid=stMain]") == []
    app.page.add_style_tag(
        content="[data-testid=stMetricLabel] .stMarkdownEllipsis,[data-testid=stMetricLabel] .stMarkdownEllipsis p"
        "{white-space:nowrap!important}"
        "[data-testid=stMetricLabel] .stMarkdownEllipsis{overflow:hidden!important;text-overflow:ellipsis!important}"
        "[data-testid=stColumn] [data-testid=stButtonGroup]{width:2000px!important}"
    )
    found = overflow(app, "[data-testid=stMain]")
    title = "Russia among Tajikistan's partners, 2020"
    assert any(problem.startswith(f'clipped: stMarkdownContainer "{title}"') for problem in found), found
    assert any(problem.startswith("past its stColumn: stButtonGroup") for problem in found), found
