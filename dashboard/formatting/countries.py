"""Country names in any language from CLDR (Babel), by ISO code: never a hand-made table.

The refresh names IMF partners with it (in English), and the pages will name countries with it in
the viewer's language.
"""

from __future__ import annotations

import re

import pycountry
from babel import Locale

from dashboard.formatting.language import Language

# Codes outside ISO 3166-1 that a publisher uses for an economy CLDR names under another code: the
# World Bank's XKX for Kosovo, which CLDR (like the EU) lists as the user-assigned XK.
USER_ASSIGNED = {"XKX": "XK"}


def country_name(iso3: str, locale: str = "en") -> str | None:
    """CLDR's name for a current ISO 3166-1 alpha-3 code, or None for any other code.

    Only current codes (pycountry's ISO 3166-1 table) count: a withdrawn one (SUN, ANT, YUG, DDR)
    would otherwise take a successor's name, and its figures would be shown as another economy's.
    """
    territories = Locale.parse(locale).territories
    if iso3 in USER_ASSIGNED:
        return territories.get(USER_ASSIGNED[iso3])
    country = pycountry.countries.get(alpha_3=iso3) if re.fullmatch(r"[A-Z]{3}", iso3) else None
    return territories.get(country.alpha_2) if country is not None else None


def country(iso3: str, lang: Language, fallback: str | None = None) -> str:
    """A country's name in the viewer's language ('TJK' -> 'Таджикистан'), else `fallback` (the
    name as the data gives it: 'World', 'Other partners') or, failing that, the code itself."""
    return country_name(iso3.upper(), lang.code) or fallback or iso3
