"""The catalogues against the code: every message the code marks is translated, with the same
placeholders, the compiled .mo is the .po's, and the strings waiting for the string pass are
still the code's own words."""

from __future__ import annotations

import ast
import re
import string
import tomllib
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_keywords
from babel.messages.pofile import read_po

from dashboard.formatting import catalogue
from dashboard.formatting.language import LANGUAGES, RUSSIAN
from dashboard.views import components

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "dashboard"
OTHER_LANGUAGES = [language.code for language in LANGUAGES if not language.is_source]


def code_messages() -> dict[tuple[str | None, str], str | tuple[str, ...]]:
    """What `make i18n` would extract today, with pyproject.toml's mapping: (context, msgid) -> id."""
    mappings = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["babel"]["mappings"]
    method_map = [(mapping["pattern"], mapping["method"]) for mapping in mappings]
    options = {m["pattern"]: {"keywords": parse_keywords(m.get("keywords", "").split())} for m in mappings}
    found = {}
    extracted = extract_from_dir(PACKAGE, method_map, options, keywords=DEFAULT_KEYWORDS)
    for _file, _line, message, _comments, context in extracted:
        key = message[0] if isinstance(message, tuple) else message
        found[(context, key)] = message
    return found


CODE = code_messages()


def catalog(code: str):
    with catalogue.catalogue_path(code, ".po").open("rb") as file:
        return read_po(file, locale=code)


def template():
    with (catalogue.LOCALE_DIR / f"{catalogue.DOMAIN}.pot").open("rb") as file:
        return read_po(file)


def entries(po) -> dict[tuple[str | None, str], object]:
    return {(m.context, m.id[0] if m.pluralizable else m.id): m for m in po if m.id}


def test_the_code_marks_messages_and_russian_has_a_catalogue():
    assert len(CODE) > 50
    assert "ru" in OTHER_LANGUAGES


def test_the_template_holds_exactly_what_the_code_marks():
    """A string wrapped or changed without `make i18n` leaves the template behind."""
    assert set(entries(template())) == set(CODE), "run `make i18n` and translate what is new"


def lacking(po, marked) -> tuple[list, list]:
    """The messages the code marks that a catalogue lacks, and those it holds untranslated (an
    empty string, one plural form empty, or a fuzzy guess)."""
    held = entries(po)
    missing = [key for key in marked if key not in held]
    untranslated = [
        key
        for key, message in held.items()
        if key in marked and (message.fuzzy or not all(message.string if message.pluralizable else [message.string]))
    ]
    return missing, untranslated


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_message_the_code_marks_is_translated(code):
    missing, untranslated = lacking(catalog(code), CODE)
    assert not missing, f"not in the {code} catalogue (run `make i18n`): {missing}"
    assert not untranslated, f"no {code} translation (or a fuzzy one) for: {untranslated}"


def test_the_translation_check_catches_a_missing_an_empty_a_fuzzy_and_a_half_plural_message():
    po = Catalog(locale="ru")
    po.add("Years", "Годы")
    po.add("Reset", "")
    po.add("Source", "Источник", flags=["fuzzy"])
    po.add(("{count} year", "{count} years"), ("{count} год", "", "{count} лет"))
    marked = {(None, "Years"), (None, "Reset"), (None, "Source"), (None, "{count} year"), (None, "Units")}
    missing, untranslated = lacking(po, marked)
    assert missing == [(None, "Units")]
    assert sorted(untranslated) == [(None, "Reset"), (None, "Source"), (None, "{count} year")]


def brace_fields(text: str) -> list[str]:
    return sorted(field for _, field, _, _ in string.Formatter().parse(text) if field is not None)


# printf placeholders as code would use them: %(name)s, %s, %d, %.1f, %%; "% of GDP" (a space
# after %) is text, not a placeholder
PRINTF = re.compile(r"%(?:\([\w]*\))?[-#0+]?(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrs%]")


def printf_fields(text: str) -> list[str]:
    return sorted(PRINTF.findall(text))


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_translations_keep_the_placeholders(code):
    """A translation must format with the same fields: a missing one drops a number, an extra one
    raises KeyError on the page."""
    wrong = []
    for message in catalog(code):
        if not message.id:
            continue
        ids = message.id if message.pluralizable else (message.id,)
        strings = message.string if message.pluralizable else (message.string,)
        expected_braces = sorted(set().union(*(brace_fields(i) for i in ids)))
        expected_printf = printf_fields(ids[-1])
        for text in strings:
            if sorted(set(brace_fields(text))) != expected_braces or printf_fields(text) != expected_printf:
                wrong.append((ids[0], text))
    assert not wrong, wrong


def test_the_placeholder_check_catches_a_dropped_or_renamed_field():
    assert brace_fields("{count} figures") != brace_fields("{n} показателей")
    assert brace_fields("US${amount}") != brace_fields("долл. США")
    assert printf_fields("%(count)d figures") != printf_fields("%(count)s показателей")
    assert printf_fields("remittances as % of GDP") == printf_fields("денежные переводы, % ВВП") == []


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_the_committed_mo_is_compiled_from_the_po(code):
    """A .po edited without `make i18n` would leave the app reading the old translations."""
    assert catalogue.catalogue_path(code).read_bytes() == catalogue.compiled(code), "run `make i18n`"


def test_russian_has_three_plural_forms_and_each_plural_message_all_three():
    po = catalog("ru")
    assert po.num_plurals == 3
    assert "n%10==1 && n%100!=11" in po.plural_forms
    for message in po:
        if message.id and message.pluralizable:
            assert len(message.string) == 3 and all(message.string), message.id


@pytest.mark.parametrize(
    ("count", "start"),
    [(1, "1 показатель не вошёл"), (2, "2 показателя не вошли"), (5, "5 показателей не вошли"),
     (21, "21 показатель не вошёл"), (112, "112 показателей")],
)  # fmt: skip
def test_a_plural_sentence_in_russian(count, start):
    assert components.withheld_note(count, "[IMF](https://imf.org)", RUSSIAN).startswith(start)


def code_strings(path: Path) -> list[str]:
    """Every string the file writes, an f-string's fields as \\0 (implicit concatenation joined)."""
    texts = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            texts.append(node.value)
        elif isinstance(node, ast.JoinedStr):
            parts = [v.value if isinstance(v, ast.Constant) else "\0" for v in node.values]
            texts.append("".join(parts))
    return texts


def as_pattern(msgid: str) -> re.Pattern[str]:
    """'CSV: {file_name}' -> matches the code's f"CSV: {file_name}" or f"CSV: {page.title}"."""
    pieces = re.split(r"\{\w+\}", msgid)
    return re.compile("\0".join(re.escape(piece) for piece in pieces))


# What a Streamlit call shows: its first arguments and these keywords.
SHOWN_BY = {
    "title", "header", "subheader", "caption", "markdown", "info", "warning", "error", "success", "button",
    "toggle", "expander", "radio", "selectbox", "multiselect", "slider", "select_slider", "checkbox",
    "text_input", "number_input", "pills", "segmented_control", "download_button", "link_button", "metric",
    "tabs", "popover", "write", "text",
}  # fmt: skip
SHOWN_KEYWORDS = ("label", "help", "body", "placeholder")
# Views whose string pass is still to do (issue 28: Scenarios); empty once every page speaks Russian.
NOT_YET_WRAPPED: tuple[str, ...] = ()


def unwrapped_words(path: Path) -> list[str]:
    """The English words a view hands straight to Streamlit, not through gettext: a string literal
    (or an f-string's literal part) holding a word, as an argument of a call that shows it."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SHOWN_BY):
            continue
        shown = [*node.args, *(k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS)]
        for argument in shown:
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                literal = argument.value
            elif isinstance(argument, ast.JoinedStr):
                literal = "".join(v.value for v in argument.values if isinstance(v, ast.Constant))
            else:
                continue
            if re.search(r"[A-Za-z]{2,}", re.sub(r"`[^`]*`|\b[\w/]+\.(?:py|csv)\b", "", literal)):
                found.append(f"{path.name}:{node.lineno}: {literal!r}")
    return found


def test_every_view_wraps_what_it_shows():
    """No view hands Streamlit an English literal: every shown string goes through the language
    (the strings that once waited in formatting/pending.py are all wrapped; it is gone)."""
    views = [PACKAGE / "app.py", *sorted((PACKAGE / "views").glob("*.py"))]
    left = [w for path in views if str(path.relative_to(PACKAGE)) not in NOT_YET_WRAPPED for w in unwrapped_words(path)]
    assert left == []
    assert not (PACKAGE / "formatting" / "pending.py").exists()


def test_the_unwrapped_check_finds_a_literal_and_the_views_not_yet_wrapped_still_have_one(tmp_path):
    view = tmp_path / "view.py"
    view.write_text('st.caption("Sources")\nst.caption(_("Sources"))\nst.markdown(f"**{x}** — `data/{y}`")\n')
    assert unwrapped_words(view) == ["view.py:1: 'Sources'"]
    for file in NOT_YET_WRAPPED:  # an entry goes when its page is wrapped
        assert unwrapped_words(PACKAGE / file)


# The glossary (../shared/i18n/GLOSSARY-ru.md), copied by hand: the catalogue must say the same
GLOSSARY = {
    "Overview": "Обзор",
    "Border & security": "Граница и безопасность",
    "Partners & region": "Партнёры и регион",
    "Sources & data": "Источники и данные",
    "Download brief (PDF)": "Скачать справку (PDF)",
    "Download CSV": "Скачать CSV",
    "Numbers as a table": "Данные в виде таблицы",
    "Reset": "Сбросить",
    "Years": "Годы",
    "Units": "Единицы",
    "mirror statistics": "зеркальная статистика",
    "share of trade": "доля в товарообороте",
    "part-year": "неполный год",
    "prediction interval": "интервал прогноза",
    "association, not causation": "статистическая связь, а не причинность",
    "201st Military Base": "201-я российская военная база",
    "border crossing": "пункт пропуска",
    "CSTO": "ОДКБ",
    "EAEU": "ЕАЭС",
    "Kulob": "Куляб",
    "Panj": "Пяндж",
    "Wakhan corridor": "Ваханский коридор",
    "Central Bank of Russia": "Банк России",
}


def test_the_catalogue_uses_the_glossarys_terms():
    po = entries(catalog("ru"))
    assert {english: po[(None, english)].string for english in GLOSSARY} == GLOSSARY
