"""The viewer's language: a value passed down, not a global.

A rerun reads the language once from the view (the link's `lang`, see docs/i18n.md) and hands
a `Language` to whatever writes words or numbers: `lang.gettext("Trade")`, `lang.ngettext(...)`,
`localized.money(v, lang)`. It is an explicit argument rather than a context variable because

- analytics/, models/ and charts/ stay pure functions of their arguments: a test writes the same
  call with ENGLISH and RUSSIAN side by side, with nothing to set up or reset;
- every cache keys on arguments (Streamlit's caches, cache/'s decorator, lru_cache): with the
  language among them a cached sentence or chart spec cannot be served in the other language,
  whereas a context variable is invisible to a cache key;
- Streamlit runs a rerun, a fragment's rerun and a cache's computation on threads where a value
  set at the top of app.py may not be (a fragment rerun skips app.py; a thread pool copies no
  context): an argument has no such gap.

The languages are English (the source: msgids are English) plus one per catalogue under
locale/, so adding Tajik is adding its catalogue, not code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from babel import Locale

from dashboard.formatting import catalogue


@dataclass(frozen=True)
class Language:
    """One interface language, named by its code ("en", "ru"): the URL value and the page's
    `lang` attribute. Equal and hashed by code, so it is a fine cache-key argument."""

    code: str

    @cached_property
    def locale(self) -> Locale:
        """CLDR's data for the language (numbers, dates, country names), from Babel."""
        return Locale.parse(self.code)

    @property
    def name(self) -> str:
        """The language's name in itself, from CLDR ("English", "Русский"): what a switch shows,
        so a reader finds their language without reading the current one."""
        own = self.locale.get_display_name(self.code) or self.code
        return own[:1].upper() + own[1:]

    @property
    def is_source(self) -> bool:
        """English, the language the code is written in: formats keep the code's own output."""
        return self.code == catalogue.SOURCE_LANGUAGE

    def gettext(self, message: str) -> str:
        return catalogue.translations(self.code).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form for `n` by the catalogue's Plural-Forms (Russian: one, few, many)."""
        return catalogue.translations(self.code).ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """A message whose English is ambiguous, told apart by `context` ("years", "currency")."""
        return catalogue.translations(self.code).pgettext(context, message)


ENGLISH = Language(catalogue.SOURCE_LANGUAGE)
RUSSIAN = Language("ru")
DEFAULT = ENGLISH
LANGUAGES: tuple[Language, ...] = (ENGLISH, *(Language(code) for code in catalogue.translated_codes()))
BY_CODE = {language.code: language for language in LANGUAGES}


@dataclass(frozen=True)
class LinkLanguage:
    """The language a link asks for, and the text it gave if that could not be read (the page
    then says the link was repaired, as for every other garbled parameter)."""

    language: Language
    rejected: str | None = None


def primary_subtag(tag: str) -> str:
    """'ru' from 'ru', 'RU', 'ru-RU' or 'ru_RU': the part that names the language."""
    return tag.strip().replace("_", "-").split("-", 1)[0].lower()


def from_link(raw: str | None) -> LinkLanguage:
    """The link's `lang`: a missing one is the default (English); a code with a region
    (`ru-RU`) is its language; anything else is the default, and is reported."""
    if raw is None or not raw.strip():
        return LinkLanguage(DEFAULT)
    language = BY_CODE.get(primary_subtag(raw))
    return LinkLanguage(language) if language else LinkLanguage(DEFAULT, rejected=raw)


def to_link(language: Language) -> dict[str, str]:
    """The link's parameter for a language: none for the default, as for every parameter."""
    return {} if language == DEFAULT else {"lang": language.code}


def browser_suggestion(link_has_lang: bool, browser_locale: str | None, shown: Language) -> Language | None:
    """A language to offer (never to switch to) when the link names none and the browser
    prefers one we have: `st.context.locale` is navigator.language, e.g. 'ru-RU'."""
    if link_has_lang or not browser_locale:
        return None
    preferred = BY_CODE.get(primary_subtag(browser_locale))
    return preferred if preferred is not None and preferred != shown else None
