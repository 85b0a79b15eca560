"""The filters every page shares, in the sidebar: years, whose figures, units."""

from __future__ import annotations

from dashboard.formatting import UNITS as UNIT_SCALES
from dashboard.formatting.language import BY_CODE, DEFAULT, LANGUAGES, Language, from_link
from dashboard.session.params import PageState, Years, choice, custom, subset, year_span
from dashboard.session.readers import NOT_ONE_OF, Invalid

SIDES = ("russia", "tajikistan", "other")
UNITS = tuple(UNIT_SCALES)
LANGUAGE_CODES = tuple(language.code for language in LANGUAGES)


def read_language(text: str, years: Years | None) -> str:
    """`ru`, `RU` or `ru-RU` read as Russian (what a browser or a person types); anything else is
    English, reported like every garbled parameter."""
    link = from_link(text)
    if link.rejected is not None:
        raise Invalid(NOT_ONE_OF.format(options=", ".join(LANGUAGE_CODES)))
    return link.language.code


class Filters(PageState, page=""):
    """Read against the trade data's years, when a session opens its link."""

    years: Years = year_span(within="the data", example=(2000, 2020), says="Years shown on every chart")
    reporters: tuple[str, ...] = subset(
        SIDES,
        noun="reporter",
        empty=False,
        widget="multiselect",
        example=("russia", "tajikistan"),
        says="Whose figures are shown: each country's own statistics and officials, or media and unattributed figures",
    )
    units: str = choice(
        UNITS, default="busd", widget="radio", example="musd", says="Units for values: US$ billion or US$ million"
    )
    lang: str = custom(
        parse=read_language,
        dump=str,
        fmt=" or ".join(LANGUAGE_CODES) + " (a region, as in ru-RU, is read as its language)",
        default=DEFAULT.code,
        default_text=DEFAULT.code,
        example=LANGUAGE_CODES[-1],
        says="Interface language: words, number formats and the brief (docs/i18n.md)",
        ends=lambda years: (LANGUAGE_CODES[0], LANGUAGE_CODES[-1]),
        widget="segmented_control",
    )

    @property
    def language(self) -> Language:
        """The interface language the page writes in: passed down to whatever writes words or numbers."""
        return BY_CODE[self.lang]
