"""The app in Russian in a real browser: every page opens in Russian, the sidebar's switch changes
the language and nothing else, a shared Russian link reopens in Russian, and the page's
<html lang> says which language a screen reader should read it in.

The Russian titles are the catalogue's (dashboard/formatting/locale/ru/LC_MESSAGES/messages.po),
written out here so a lost translation fails.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.e2e.conftest import AppPage

pytestmark = pytest.mark.e2e

RUSSIAN_PAGES = {
    "/": "Россия и Таджикистан: главное",
    "/trade": "Торговля России и Таджикистана",
    "/products": "Товары",
    "/border": "Граница и безопасность",
    "/remittances": "Денежные переводы",
    "/scenarios": "Сценарии",
    "/partners": "Партнёры и регион",
    "/sources": "Источники и данные",
}
RUSSIAN_NAVIGATION = [
    "Обзор", "Торговля", "Товары", "Граница и безопасность", "Денежные переводы", "Сценарии",
    "Партнёры и регион", "Источники и данные",
]  # fmt: skip


def html_lang(app: AppPage, code: str) -> str:
    """<html lang> once it reads `code` (the setter runs after the page has drawn), else what it is."""
    app.page.wait_for_function("code => document.documentElement.lang === code", arg=code)
    return app.page.evaluate("document.documentElement.lang")


def query_of(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))


def link_in_sidebar(app: AppPage) -> str:
    return app.page.locator("[data-testid=stSidebar] [data-testid=stCode] code").inner_text().replace("\n", "")


def switch_language(app: AppPage, name: str) -> None:
    """A click on the sidebar's switch (its options are radios named in their own language)."""
    before = app.url
    app.page.locator("[data-testid=stSidebar]").get_by_role("radio", name=name, exact=True).click()
    app.page.wait_for_function("before => window.location.href !== before", arg=before)
    app.settle()


def main_text(app: AppPage) -> str:
    """Everything the page's body shows, once the last run's stale elements have gone."""
    app.page.wait_for_function("() => !document.querySelector('[data-stale=true]')", timeout=30_000)
    return app.page.locator("[data-testid=stMain]").inner_text()


@pytest.mark.parametrize(("path", "title"), RUSSIAN_PAGES.items())
def test_each_page_opens_in_russian(app, path, title):
    app.open(path + "?lang=ru")
    page = app.page
    assert page.get_by_role("heading", name=title, exact=True).is_visible()
    assert page.locator("[data-testid=stException]").count() == 0
    sidebar = page.locator("[data-testid=stSidebar]")
    assert sidebar.get_by_text("Фильтры для всех страниц").is_visible()
    assert sidebar.get_by_text("Ссылка на этот вид").is_visible()
    links = page.locator("[data-testid=stSidebarNavLink]").all_inner_texts()
    assert [link.split("\n")[-1] for link in links] == RUSSIAN_NAVIGATION  # after each icon's name
    assert html_lang(app, "ru") == "ru"
    assert query_of(app.url) == {"lang": "ru"}
    assert app.console_errors == []


# Each page with parameters away from their defaults, the labelled options (a `format_func`) among
# them: their labels change with the language, which once turned `units` into "US$ bn" on the way
# back to English and broke the page (dashboard/session/binding.py, bound_widget).
VIEWS_TO_SWITCH = {
    "/": "ov_cats=diplomacy,security&units=musd&reporters=russia,tajikistan",
    "/trade": "flow=tj_to_ru&years=2004..2016&proj_growth=12.5",
    "/products": "prod_focus=ru_to_tj&prod_level=2&prod_top=5",
    "/border": "years=2004..2016&units=musd&radius=150&layers=russian,coverage",
    "/remittances": "rem_others=hide&rem_russia=-33",
    "/scenarios": "sc_axis=growth&sc_ahead=2&sc_ruble=-25",
    "/partners": "pt_flow=imports&pt_countries=tjk,kgz&pt_mirror=chn&pt_top=8",
    "/sources": "reporters=russia&units=musd",
}


@pytest.mark.parametrize(("path", "query"), VIEWS_TO_SWITCH.items())
def test_the_switch_changes_the_language_and_nothing_else(app, path, query):
    app.open(f"{path}?{query}")
    english = query_of(app.url)
    assert english == dict(parse_qsl(query))  # the link as given: every value is valid
    text_in_english = main_text(app)
    assert html_lang(app, "en") == "en"

    switch_language(app, "Русский")
    assert query_of(app.url) == {**english, "lang": "ru"}
    assert urlsplit(app.url).path == path
    assert app.page.get_by_role("heading", name=RUSSIAN_PAGES[path], exact=True).is_visible()
    assert html_lang(app, "ru") == "ru"
    assert link_in_sidebar(app) == app.url
    assert app.page.locator("[data-testid=stException]").count() == 0

    switch_language(app, "English")
    assert query_of(app.url) == english
    assert html_lang(app, "en") == "en"
    assert main_text(app) == text_in_english  # back in English, the page is exactly as it was
    assert app.console_errors == []


def test_a_slider_keeps_its_value_through_the_switch(app):
    app.open("/border?radius=150&lang=ru")
    radius = app.page.locator("[data-testid=stSlider]").filter(has_text="Расстояние от действующих российских")
    assert radius.get_by_role("slider").input_value() == "150"
    switch_language(app, "English")
    radius = app.page.locator("[data-testid=stSlider]", has_text="Distance from Russia")
    assert radius.get_by_role("slider").input_value() == "150"
    assert query_of(app.url) == {"radius": "150"}


def test_a_russian_slider_reads_russian_numbers_and_steps_as_the_english_one(app):
    """The thumb says "+0,0 %" (CLDR "ru"), a screen reader hears the same (aria-valuetext), an
    arrow key moves one step of 0.1, the link carries the same number as in English, and back in
    English the slider is the number slider it was, on that value."""
    app.open("/scenarios?lang=ru")
    ruble = app.page.locator("[data-testid=stSlider]").filter(has_text="Курс рубля к доллару США")
    handle = ruble.get_by_role("slider")
    assert ruble.get_by_test_id("stSliderThumbValue").inner_text() == "+0,0\u00a0%"
    assert handle.get_attribute("aria-valuetext") == "+0,0\u00a0%"
    handle.focus()
    handle.press("ArrowLeft")
    app.page.wait_for_url(re.compile(r"sc_ruble=-0\.1"))
    app.settle()
    assert ruble.get_by_test_id("stSliderThumbValue").inner_text() == "\u22120,1\u00a0%"
    switch_language(app, "English")
    assert query_of(app.url) == {"sc_ruble": "-0.1"}
    english = app.page.locator("[data-testid=stSlider]", has_text="Ruble against the US$").get_by_role("slider")
    assert english.input_value() == "-0.1"
    assert app.console_errors == []


def test_the_language_is_kept_across_pages(app):
    app.open("/trade?lang=ru&units=musd")
    app.page.locator("[data-testid=stSidebarNavLink]", has_text="Партнёры и регион").click()
    app.page.wait_for_url(re.compile(r"/partners\?"))
    app.settle()
    assert query_of(app.url) == {"units": "musd", "lang": "ru"}
    assert app.page.get_by_role("heading", name="Партнёры и регион", exact=True).is_visible()
    assert html_lang(app, "ru") == "ru"
    assert app.console_errors == []


def test_a_shared_russian_link_reopens_in_russian(app, new_session):
    app.open("/remittances?lang=ru&rem_russia=-33")
    link = link_in_sidebar(app)
    assert query_of(link) == {"rem_russia": "-33", "lang": "ru"}
    cards = app.page.locator("[data-testid=stMetric]").all_inner_texts()

    other = new_session().open(link.removeprefix(app.base))
    assert other.url == link
    assert other.page.get_by_role("heading", name="Денежные переводы", exact=True).is_visible()
    assert html_lang(other, "ru") == "ru"
    assert other.page.locator("[data-testid=stMetric]").all_inner_texts() == cards
    assert other.console_errors == []
