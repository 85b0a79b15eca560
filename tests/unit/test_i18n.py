"""The viewer's language: Russian formats worked out by hand from CLDR "ru", English ones byte for
byte as dashboard.formatting writes them, the link's `lang`, page titles, and Vega-Lite's locale.

CLDR "ru" as Babel ships it (checked in its data, not copied from the code): group separator
U+00A0 (no-break space; the narrow U+202F is CLDR's for French, and for the space in "2022 г."),
decimal ",", percent pattern "#,##0 %" with U+00A0 before the sign, the short unit pattern
"{0} км" with an ordinary space, compact scale words "млн", "млрд".
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import vl_convert
from hypothesis import given
from hypothesis import strategies as st

from dashboard import formatting, navigation
from dashboard.formatting import localized, vega
from dashboard.formatting.countries import country
from dashboard.formatting.language import (
    DEFAULT,
    ENGLISH,
    LANGUAGES,
    RUSSIAN,
    Language,
    browser_suggestion,
    from_link,
    to_link,
)

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (localized.km(1357, RUSSIAN), "1\u00a0357 км"),
        (localized.km(1344.15, RUSSIAN), "1\u00a0344,15 км"),
        (localized.km(1344.1, RUSSIAN), "1\u00a0344,1 км"),
        (localized.number(1234567.891, RUSSIAN, 2), "1\u00a0234\u00a0567,89"),
        (localized.percent(47.9, RUSSIAN), "+47,9\u00a0%"),
        (localized.percent(47.9, RUSSIAN, signed=False), "47,9\u00a0%"),
        (localized.percent(-15, RUSSIAN, "upper_bound"), "менее −15,0\u00a0%"),
        (localized.percent(70, RUSSIAN, "lower_bound"), "более +70,0\u00a0%"),
        (localized.money(5300, RUSSIAN), "5,30\u00a0млрд\u00a0долл.\u00a0США"),
        (localized.money(1130, RUSSIAN), "1,13\u00a0млрд\u00a0долл.\u00a0США"),
        (localized.money(1714.9, RUSSIAN, "musd"), "1\u00a0715\u00a0млн\u00a0долл.\u00a0США"),
        (localized.money(72.5, RUSSIAN, "musd", "approximate"), "около 72,5\u00a0млн\u00a0долл.\u00a0США"),
        (localized.money(-181.6, RUSSIAN, "musd"), "−182\u00a0млн\u00a0долл.\u00a0США"),
        (localized.money(53, RUSSIAN, "busd"), "0,053\u00a0млрд\u00a0долл.\u00a0США"),
        (localized.money(None, RUSSIAN), "–"),
        (localized.unit_label("busd", RUSSIAN), "млрд\u00a0долл.\u00a0США"),
        (localized.unit_label("musd", RUSSIAN), "млн\u00a0долл.\u00a0США"),
        (localized.year_range(2020, 2024, RUSSIAN), "2020–2024\u202fгг."),
        (localized.year_range(2024, 2024, RUSSIAN), "2024\u202fг."),
        (localized.points(1.5, RUSSIAN), "+1,5\u00a0п.\u00a0п."),
        (localized.points(-3.25, RUSSIAN, digits=2), "−3,25\u00a0п.\u00a0п."),
        (localized.signed(-8.2, RUSSIAN), "−8,2"),
        (localized.period_label("quarter", "2022-01-01", "2022-03-31", RUSSIAN), "1-й кв. 2022\u202fг."),
        (localized.period_label("half", "2024-07-01", "2024-12-31", RUSSIAN), "2-е полугодие 2024\u202fг."),
        (localized.period_label("month", "2022-01-01", "2022-04-30", RUSSIAN), "янв. – апр. 2022\u202fг."),
        (localized.period_label("year", "2023-01-01", "2023-12-31", RUSSIAN), "2023\u202fг."),
    ],
)
def test_russian_formats_follow_cldr(text, expected):
    assert text == expected


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "1 год"), (2, "2 года"), (5, "5 лет"), (11, "11 лет"), (21, "21 год"), (22, "22 года")]
)
def test_russian_plural_forms_come_from_the_catalogue(count, expected):
    assert localized.years(count, RUSSIAN) == expected


def test_english_plural_forms():
    assert [localized.years(n, ENGLISH) for n in (1, 2, 21)] == ["1 year", "2 years", "21 years"]


# English through the new functions is exactly what the pages show today
ENGLISH_CASES = [
    (localized.money, formatting.money, (1130,), ("auto", "exact")),
    (localized.money, formatting.money, (1500,), ("busd", "lower_bound")),
    (localized.money, formatting.money, (53,), ("busd", "exact")),
    (localized.money, formatting.money, (-181.6,), ("musd", "exact")),
    (localized.money, formatting.money, (None,), ("auto", "exact")),
    (localized.percent, formatting.percent, (70,), ("lower_bound", True)),
    (localized.percent, formatting.percent, (-15,), ("upper_bound", False)),
    (localized.km, formatting.km, (1344.15,), ()),
    (localized.unit_label, formatting.unit_label, ("musd",), ()),
    (localized.period_label, formatting.period_label, ("half", "2024-01-01", "2024-06-30"), ()),
    (localized.period_label, formatting.period_label, ("month", "2022-01-01", "2022-04-30"), ()),
]


@pytest.mark.parametrize(("new", "old", "args", "options"), ENGLISH_CASES)
def test_english_is_byte_for_byte_the_existing_format(new, old, args, options):
    assert new(*args, ENGLISH, *options) == old(*args, *options)


def test_english_signed_points_and_ranges_are_what_the_pages_write_today():
    assert localized.points(1.5, ENGLISH) == formatting.signed(1.5, " pts") == "+1.5 pts"
    assert localized.signed(-8.2, ENGLISH, "%") == "−8.2%"
    assert localized.year_range(2020, 2024, ENGLISH) == "2020–2024"  # as views write f"{first}–{last}"
    assert localized.year_range(2024, 2024, ENGLISH) == "2024"


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def shown_number(text: str) -> float:
    """The magnitude a text shows, in either language ('US$6.2e-05bn', '0,000062 млрд', '−US$1,715m')."""
    plain = text.replace(NBSP, "")
    plain = plain.replace(",", "") if re.search(r"[A-Za-z]", plain.replace("e-", "")) else plain.replace(",", ".")
    return float(re.search(r"\d+(?:\.\d+)?(?:e-?\d+)?", plain).group())


values = st.floats(min_value=-1e7, max_value=1e7, allow_nan=False, allow_infinity=False)


@given(values, st.sampled_from(["auto", "busd", "musd"]))
def test_switching_language_never_changes_a_money_figure(value, unit):
    english, russian = formatting.money(value, unit), localized.money(value, RUSSIAN, unit)
    assert shown_number(russian) == shown_number(english)
    assert russian.startswith("−") == english.startswith("−")


@given(values)
def test_switching_language_never_changes_a_percent_or_a_length(value):
    assert digits(localized.percent(value, RUSSIAN)) == digits(formatting.percent(value))
    assert digits(localized.km(abs(value), RUSSIAN)) == digits(formatting.km(abs(value)))
    assert digits(localized.points(value, RUSSIAN)) == digits(formatting.signed(value, " pts"))


@pytest.mark.parametrize(
    ("raw", "language", "rejected"),
    [
        (None, ENGLISH, None),
        ("", ENGLISH, None),
        ("ru", RUSSIAN, None),
        ("RU", RUSSIAN, None),
        (" ru-RU ", RUSSIAN, None),
        ("ru_RU", RUSSIAN, None),
        ("en", ENGLISH, None),
        ("en-GB", ENGLISH, None),
        ("de", ENGLISH, "de"),
        ("<script>", ENGLISH, "<script>"),
    ],
)
def test_the_links_lang_parameter(raw, language, rejected):
    chosen = from_link(raw)
    assert (chosen.language, chosen.rejected) == (language, rejected)


def test_only_a_language_other_than_the_default_is_written_to_the_link():
    assert DEFAULT == ENGLISH
    assert to_link(ENGLISH) == {}
    assert to_link(RUSSIAN) == {"lang": "ru"}
    for language in LANGUAGES:  # what is written reads back as the same language
        assert from_link(to_link(language).get("lang")).language == language


@pytest.mark.parametrize(
    ("link_has_lang", "browser", "shown", "offered"),
    [
        (False, "ru-RU", ENGLISH, RUSSIAN),
        (False, "ru", ENGLISH, RUSSIAN),
        (True, "ru-RU", ENGLISH, None),  # the link decided: nothing to offer
        (False, "en-US", ENGLISH, None),
        (False, "ru-RU", RUSSIAN, None),
        (False, "de-DE", ENGLISH, None),  # no German catalogue
        (False, None, ENGLISH, None),  # AppTest and clients that send no locale
    ],
)
def test_the_browsers_language_is_offered_never_imposed(link_has_lang, browser, shown, offered):
    assert browser_suggestion(link_has_lang, browser, shown) == offered


def test_languages_are_named_in_themselves_from_cldr():
    assert [language.name for language in LANGUAGES] == ["English", "Русский"]
    assert Language("ru") == RUSSIAN and hash(Language("ru")) == hash(RUSSIAN)  # fine as a cache key


# Page titles: the English code and the glossary's Russian (../shared/i18n/GLOSSARY-ru.md)
TITLES = {
    "overview": ("Overview", "Обзор"),
    "trade": ("Trade", "Торговля"),
    "products": ("Products", "Товары"),
    "border": ("Border & security", "Граница и безопасность"),
    "remittances": ("Remittances", "Денежные переводы"),
    "scenarios": ("Scenarios", "Сценарии"),
    "partners": ("Partners & region", "Партнёры и регион"),
    "sources": ("Sources & data", "Источники и данные"),
}


def test_page_titles_in_both_languages():
    assert {page.name for page in navigation.PAGES} == set(TITLES)
    for page in navigation.PAGES:
        english, russian = TITLES[page.name]
        assert page.title == page.title_in(ENGLISH) == english  # the app, tests and benchmarks read .title
        assert page.title_in(RUSSIAN) == russian


def test_country_names_come_from_cldr():
    assert country("TJK", RUSSIAN) == "Таджикистан"
    assert country("kgz", RUSSIAN) == "Киргизия"  # CLDR's Russian name (the URL's codes are lower-case)
    assert country("TJK", ENGLISH) == "Tajikistan"
    assert country("SUN", RUSSIAN, fallback="USSR") == "USSR"  # a withdrawn code takes no successor's name
    assert country("WLD", RUSSIAN) == "WLD"
    assert country("XKX", RUSSIAN, fallback="Kosovo") == "Косово"  # the World Bank's code, CLDR's XK


SPEC = {
    "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
    "data": {"values": [{"month": "2021-01-01", "v": 1500000.25}, {"month": "2021-03-01", "v": -250.5}]},
    "mark": "bar",
    "encoding": {
        "x": {"field": "month", "type": "ordinal", "timeUnit": "yearmonth", "axis": {"format": "%b %Y"}},
        "y": {"field": "v", "type": "quantitative", "axis": {"format": ",.1f", "values": [-250.5, 1500000.25]}},
    },
}


def axis_labels(spec) -> list[str]:
    svg = vl_convert.vegalite_to_svg(json.dumps(spec))
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def test_a_chart_in_russian_formats_numbers_and_months_by_cldr():
    """vl-convert (the brief's renderer) reads the spec's own config.locale, as vega-embed does."""
    labels = axis_labels(vega.localized_spec(SPEC, RUSSIAN))
    assert "1\u00a0500\u00a0000,3" in labels  # toFixed(1) takes the larger of two equally near: ,3
    assert "−250,5" in labels
    assert {"янв. 2021", "март 2021"} <= set(labels)


def test_an_english_chart_is_left_as_it_was():
    assert vega.localized_spec(SPEC, ENGLISH) is SPEC
    labels = axis_labels(SPEC)
    assert "1,500,000.3" in labels and "Jan 2021" in labels


def test_the_locale_is_a_valid_vega_lite_config_and_the_spec_given_is_not_changed():
    import altair as alt

    before = json.dumps(SPEC, sort_keys=True)
    spec = vega.localized_spec({**SPEC, "config": {"view": {"stroke": None}}}, RUSSIAN)
    alt.Chart.from_dict(spec)  # validates against Vega-Lite's schema (Config.locale)
    assert spec["config"]["view"] == {"stroke": None}  # the spec's own config kept
    assert json.dumps(SPEC, sort_keys=True) == before
    number = spec["config"]["locale"]["number"]
    assert (number["decimal"], number["thousands"], number["percent"]) == (",", NBSP, NBSP + "%")


def test_the_formatting_package_stays_free_of_streamlit():
    modules = ["catalogue", "countries", "glossary", "language", "localized", "vega"]
    code = "import sys\n" + "".join(f"import dashboard.formatting.{m}\n" for m in modules)
    code += "print('streamlit' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
