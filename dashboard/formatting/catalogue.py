"""The translated words: gettext catalogues, compiled from the .po files beside this module.

One catalogue per language, `locale/<code>/LC_MESSAGES/messages.mo`, made by `make i18n`
(pybabel extract -> update -> compile) and committed with its .po, so a fresh clone, the wheel
and the container image run without a build step; a test fails when a .mo is older in content
than its .po. English is the source language: it has no catalogue, every msgid is its English.

`python -m dashboard.formatting.catalogue` compiles them (Babel's write_mo, as `pybabel compile`
does, without its printf check, which takes the literal "% of GDP" for a "% o" placeholder: the
catalogues use brace placeholders, and tests/unit/test_i18n_catalogue.py checks them).

The .mo is read by the standard library's gettext, which takes the plural rule from the
catalogue's own Plural-Forms header: Russian's three forms (1 год, 2 года, 5 лет, 21 год) are
the translator's data, not code.
"""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

DOMAIN = "messages"
LOCALE_DIR = Path(__file__).with_name("locale")
SOURCE_LANGUAGE = "en"


def N_(message: str) -> str:
    """Marks a module-level constant for extraction and returns it unchanged (gettext's idiom
    for deferred translation): the English stays the constant, `lang.gettext(CONSTANT)` reads it
    in the viewer's language when the page is drawn."""
    return message


@cache
def template_pattern(template: str) -> re.Pattern[str]:
    """What a brace template wrote: 'different years ({first}; {second})' matches 'different years
    (2020; 2019)', each field a named group."""
    pieces = re.split(r"\{(\w+)\}", template)
    body = "".join(re.escape(piece) if i % 2 == 0 else f"(?P<{piece}>.+?)" for i, piece in enumerate(pieces))
    return re.compile(body + "$", re.DOTALL)


def from_templates(text: str, templates: Iterable[str], gettext_: Callable[[str], str]) -> str:
    """A text the code wrote in English from one of `templates` (msgids), in the language
    `gettext_` reads: the template translated, and each of its fields in turn (a field written
    from a template, or a marked word, is translated; a figure's own words pass unchanged). A text
    from no template goes through `gettext_` whole. For words worked out once in English (cached,
    written to CSVs) and shown in the viewer's language."""
    templates = tuple(templates)
    for template in templates:
        found = template_pattern(template).match(text)
        if found:
            fields = {key: from_templates(value, templates, gettext_) for key, value in found.groupdict().items()}
            return gettext_(template).format(**fields)
    return gettext_(text)


@cache
def translations(code: str) -> gettext.NullTranslations:
    """The catalogue of one language, read once per process.

    The source language, or a language without a compiled catalogue, gets NullTranslations:
    every message comes back as its English msgid (and ngettext picks by n == 1), so English
    output is exactly the code's own strings.
    """
    if code == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    path = catalogue_path(code)
    if not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as file:
        return gettext.GNUTranslations(file)


def catalogue_path(code: str, suffix: str = ".mo") -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def translated_codes() -> tuple[str, ...]:
    """The languages with a catalogue on disk (each folder under locale/ holding a .po)."""
    return tuple(sorted(p.parents[1].name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


def compiled(code: str) -> bytes:
    """The .mo for a language's .po, as bytes: what `make i18n` writes, and what the tests compare
    the committed .mo with (fuzzy entries left out, as gettext would)."""
    from babel.messages.mofile import write_mo  # the build's tools, not the app's
    from babel.messages.pofile import read_po

    with catalogue_path(code, ".po").open("rb") as file:
        catalog = read_po(file, locale=code)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all() -> None:
    for code in translated_codes():
        catalogue_path(code).write_bytes(compiled(code))
        print(f"compiled {catalogue_path(code)}")


if __name__ == "__main__":
    compile_all()
