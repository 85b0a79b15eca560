"""The formats of dashboard.formatting in the viewer's language, from CLDR through Babel.

Each function takes the `Language` last. For English it returns exactly what the existing
function in dashboard/formatting returns (the tests hold that byte for byte), so a caller can
switch to these without changing a single English screen. For any other language the digits are
the same ones English shows (rounded the same way, so switching language never changes a
number) and CLDR supplies the rest: decimal and group symbols, the percent pattern, the
compact scale words (млн, млрд), month and quarter names, the unit pattern for km. What CLDR
does not hold — the currency as statistics offices abbreviate it ("долл. США"), "гг." after a
range of years, "п. п." — comes from the catalogue, so a translator changes it, not code.

Signs are the app's own in every language: "+" for a rise, the typographic minus "−" (U+2212)
for a fall (CLDR's Russian minus is a hyphen-minus; Russian typesetting uses the dash-like
minus, as the English pages do).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from copy import copy
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from types import MappingProxyType

import pandas as pd
from babel import dates, numbers, units

from dashboard import formatting
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import ENGLISH, Language

MINUS, PLUS = "−", "+"
NBSP = "\u00a0"

QUALIFIED = {
    "approximate": N_("about {amount}"),
    "lower_bound": N_("over {amount}"),
    "upper_bound": N_("under {amount}"),
}
# CLDR's compact pattern for this power of ten holds the scale word ("0 млрд" -> "млрд")
SCALES = {"busd": 1_000_000_000, "musd": 1_000_000}


def _sign(value: float) -> str:
    return PLUS if value > 0 else MINUS if value < 0 else ""


def _unsigned(value: float, digits: int, lang: Language) -> str:
    """|value| with `digits` decimals, rounded as Python's f-string rounds (the English pages'
    rounding), grouped and pointed as CLDR says for the language."""
    return _grouped(Decimal(f"{abs(value):.{digits}f}"), lang)


def _grouped(rounded: Decimal, lang: Language) -> str:
    """An already rounded number, every decimal it has kept, in the language's symbols."""
    decimals = max(-rounded.as_tuple().exponent, 0)
    return _pattern(decimals).apply(rounded, lang.locale, decimal_quantization=False)


@cache
def _pattern(decimals: int) -> numbers.NumberPattern:
    """'#,##0.00': grouped, exactly `decimals` decimals (parsed once: parsing is most of the cost)."""
    return numbers.parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))


def _qualified(text: str, qualifier: str, lang: Language) -> str:
    pattern = QUALIFIED.get(qualifier)
    return lang.gettext(pattern).format(amount=text) if pattern else text


def number(value: float | None, lang: Language, digits: int = 0) -> str:
    """'1,357' / '1 357': a plain number, '–' if unknown."""
    if formatting.is_missing(value):
        return "–"
    return f"{MINUS if value < 0 else ''}{_unsigned(value, digits, lang)}"


def signed(value: float, lang: Language, suffix: str = "", digits: int = 1) -> str:
    """'+1.5' / '+1,5', '−8.2%' as formatting.signed; `suffix` is appended as given (English)."""
    if lang.is_source:
        return formatting.signed(value, suffix, digits)
    return f"{_sign(value)}{_unsigned(value, digits, lang)}{suffix}"


def points(value: float, lang: Language, digits: int = 1) -> str:
    """A change in percentage points: '+1.5 pts' / '+1,5 п. п.'."""
    if lang.is_source:
        return formatting.signed(value, " pts", digits)
    return lang.gettext(N_("{value} pts")).format(value=signed(value, lang, digits=digits))


def percent(value: float | None, lang: Language, qualifier: str = "exact", signed: bool = True) -> str:
    """'+47.9%' / '+47,9 %' (CLDR's percent pattern), qualified ('over', 'более')."""
    if lang.is_source:
        return formatting.percent(value, qualifier, signed)
    if formatting.is_missing(value):
        return "–"
    sign = PLUS if signed and value > 0 else MINUS if value < 0 else ""
    body = _percent_pattern(1, lang).apply(Decimal(f"{abs(value):.1f}") / 100, lang.locale)
    return _qualified(sign + body, qualifier, lang)


@cache
def scale_word(unit: str, lang: Language) -> str:
    """CLDR's short word for the unit's power of ten: 'млрд', 'млн'."""
    compact = lang.locale.compact_decimal_formats["short"]["other"][str(SCALES[unit])]
    return "".join(compact.suffix[0].split()) or "".join(compact.prefix[0].split())


def unit_label(unit: str, lang: Language) -> str:
    """'US$ bn' / 'млрд долл. США': the units a chart's axis and the Units control name."""
    if lang.is_source:
        return formatting.unit_label(unit)
    return f"{scale_word(unit, lang)}{NBSP}{lang.pgettext('currency', 'US$')}"


def money(value_usd_m: float | None, lang: Language, unit: str = "auto", qualifier: str = "exact") -> str:
    """'US$1.13bn' / '1,13 млрд долл. США', from a value in US$ million; '–' if unknown.

    The same unit choice ('auto': bn from 1,000 m) and the same digits as formatting.money.
    """
    if lang.is_source:
        return formatting.money(value_usd_m, unit, qualifier)
    if formatting.is_missing(value_usd_m):
        return "–"
    if unit == "auto":
        unit = "busd" if abs(value_usd_m) >= 1000 else "musd"
    amount = abs(value_usd_m) / formatting.UNITS[unit][1]
    if unit == "busd" and 0 < amount < 0.1:
        rounded = Decimal(f"{amount:.2g}")  # two significant digits, as English (0.053, 0.0002)
    else:
        rounded = Decimal(f"{amount:.{2 if unit == 'busd' else 0 if amount >= 100 else 1}f}")
    text = f"{MINUS if value_usd_m < 0 else ''}{_grouped(rounded, lang)}{NBSP}{unit_label(unit, lang)}"
    return _qualified(text, qualifier, lang)


def share(fraction: float, lang: Language) -> str:
    """A whole-number share of one: '90%' / '90 %' (an interval's level)."""
    if lang.is_source:
        return f"{fraction:.0%}"
    return numbers.format_percent(fraction, locale=lang.locale)


def km(value: float, lang: Language) -> str:
    """'1,357 km' / '1 357 км': as precise as published (up to two decimals, no trailing zeros),
    in CLDR's short unit pattern for kilometres."""
    if lang.is_source:
        return formatting.km(value)
    rounded = Decimal(f"{value:.2f}").normalize()
    return units.format_unit(rounded, "length-kilometer", length="short", format="#,##0.##", locale=lang.locale)


def year_range(start: int, end: int, lang: Language) -> str:
    """'2020–2024' / '2020–2024 гг.'; one year alone: '2024' / '2024 г.'."""
    if lang.is_source:
        return str(start) if start == end else f"{start}–{end}"
    if start == end:
        return lang.pgettext("year", "{year}").format(year=start)
    span = dates.format_interval(date(start, 1, 1), date(end, 1, 1), "y", locale=lang.locale)
    return lang.pgettext("years", "{years}").format(years=span)


def period_label(period_type: str, start: str, end: str, lang: Language) -> str:
    """'Q1 2022' / '1-й кв. 2022 г.', 'H1 2024' / '1-е полугодие 2024 г.', 'Jan–Apr 2022' /
    'янв. – апр. 2022 г.': a published period in CLDR's quarter, month and interval formats."""
    if lang.is_source:
        return formatting.period_label(period_type, start, end)
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    if period_type == "year":
        return year_range(s.year, s.year, lang)
    if period_type == "quarter":
        return dates.format_skeleton("yQQQ", s.date(), locale=lang.locale)
    if period_type == "half":
        half = 1 if s.month == 1 else 2
        return lang.pgettext("half-year", "H{half} {year}").format(half=half, year=s.year)
    if s.month == e.month:
        return dates.format_skeleton("yMMM", s.date(), locale=lang.locale)
    return dates.format_interval(s.date(), e.date(), "yMMM", locale=lang.locale)


def years(count: int, lang: Language) -> str:
    """'1 year', '5 years' / '1 год', '2 года', '5 лет', '21 год': the catalogue's plural rule."""
    return lang.ngettext("{count} year", "{count} years", count).format(count=number(count, lang))


def event_key(events: pd.DataFrame, lang: Language) -> str:
    """`formatting.event_key` in the language: 'Events: 1 Ruble crisis (2014-12-16); …' /
    'События: 1 Рублёвый кризис (16 дек. 2014 г.); …'. The titles come as the caller gives them
    (`analytics.events.titled_in` puts them in the language); the dates are ISO in English, as
    the language writes them otherwise (`partial_date`)."""
    if lang.is_source:
        return formatting.event_key(events)
    dated = events.assign(date=[partial_date(str(when), lang) for when in events["date"]])
    key = formatting.event_key(dated)
    return key.replace(formatting.EVENTS_LEAD, lang.gettext(formatting.EVENTS_LEAD), 1) if key else ""


def partial_date(text: str, lang: Language) -> str:
    """A date as precise as its source gave it (an event's: YYYY, YYYY-MM or YYYY-MM-DD): as given
    in English, in CLDR's words in another language ('2008 г.', 'дек. 2008 г.', '16 дек. 2014 г.');
    a text that is no such date, as it is."""
    if lang.is_source:
        return text
    try:
        parts = [int(part) for part in text.split("-")]
        when = date(*parts, *[1] * (3 - len(parts)))
    except (TypeError, ValueError):
        return text
    if len(parts) == 1:
        return year_range(when.year, when.year, lang)
    return dates.format_skeleton("yMMM" if len(parts) == 2 else "yMMMd", when, locale=lang.locale)


@dataclass(frozen=True)
class Shown:
    """What a slider's numbers are, for its thumb and ends: a percentage or a plain number, with
    a sign or without. Its decimals are the slider's step's (session.readers.Range.digits)."""

    percent: bool = False
    signed: bool = False

    def printf(self, digits: int) -> str | None:
        """The English thumb as Streamlit's printf format ('%+.1f%%'); None for a whole number
        shown plainly (Streamlit's own default)."""
        if not (self.percent or self.signed or digits):
            return None
        return f"%{'+' if self.signed else ''}.{digits}f{'%%' if self.percent else ''}"


PLAIN, PERCENT, SIGNED_PERCENT = Shown(), Shown(percent=True), Shown(percent=True, signed=True)


def slider_value(value: float, shown: Shown, digits: int, lang: Language) -> str:
    """A slider's value as its thumb shows it: '+0.0%' (what the printf format gives in the
    browser) / '+0,0 %' (CLDR's percent pattern). A signed value shows '+' at zero, as printf's
    '%+' does; a fall has the typographic minus in a language other than English."""
    if lang.is_source:
        return (shown.printf(digits) or "%d") % value
    rounded = Decimal(f"{abs(value):.{digits}f}")
    sign = MINUS if value < 0 else PLUS if shown.signed else ""
    if shown.percent:
        return sign + _percent_pattern(digits, lang).apply(rounded / 100, lang.locale)
    return sign + _grouped(rounded, lang)


@cache
def slider_labels(values: tuple[float, ...], shown: Shown, digits: int, lang: Language) -> Mapping[float, str] | None:
    """Each value a slider offers as the language writes it, or None when every one reads as in
    English (a plain whole number below a thousand). Worked out once per slider and language: a
    slider offers up to 3,001 values. Read-only: the one mapping serves every session."""
    labels = {value: slider_value(value, shown, digits, lang) for value in values}
    if all(label == slider_value(value, shown, digits, ENGLISH) for value, label in labels.items()):
        return None
    return MappingProxyType(labels)


@cache
def _percent_pattern(digits: int, lang: Language) -> numbers.NumberPattern:
    """CLDR's percent pattern for the language ("#,##0 %") with exactly `digits` decimals."""
    pattern = copy(lang.locale.percent_formats[None])
    pattern.frac_prec = (digits, digits)
    return pattern


ENGLISH_PERIOD = re.compile(
    r"^(?:Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<first>[A-Z][a-z]{2})(?:–(?P<last>[A-Z][a-z]{2}))?) (?P<year>\d{4})$"
)


def period_in(english: str, lang: Language) -> str | None:
    """A period `formatting.period_label` wrote in English ('Jan–Sep 2024', 'Q1 2022', 'H1 2024'),
    in `lang` by CLDR ('янв. – сент. 2024 г.'); None for a text that is no such period. For words
    worked out once in English (a figure's basis, a reason, cached and written to CSVs) and shown
    in the viewer's language."""
    found = ENGLISH_PERIOD.match(english)
    if not found:
        return None
    year = int(found["year"])
    if found["quarter"]:
        month = 3 * int(found["quarter"]) - 2
        return period_label("quarter", f"{year}-{month:02d}-01", f"{year}-{month + 2:02d}-01", lang)
    if found["half"]:
        month = 1 if found["half"] == "1" else 7
        return period_label("half", f"{year}-{month:02d}-01", f"{year}-{month + 5:02d}-01", lang)
    months = formatting.MONTHS
    if found["first"] not in months or (found["last"] and found["last"] not in months):
        return None
    first = months.index(found["first"]) + 1
    last = months.index(found["last"]) + 1 if found["last"] else first
    return period_label("month", f"{year}-{first:02d}-01", f"{year}-{last:02d}-01", lang)


def day(iso: str, lang: Language) -> str:
    """A date the data gives as YYYY-MM-DD: as given in English ('2025-10-12'), CLDR's long date
    in another language ('12 октября 2025 г.'); a text that is no such date, as it is."""
    if lang.is_source:
        return iso
    try:
        when = date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return dates.format_date(when, "long", locale=lang.locale)
