"""Vega-Lite's number and date formats in the viewer's language: a d3 locale built from CLDR.

A chart's axis labels, tooltips and text marks are formatted in the browser (and by vl-convert
for the brief) with d3-format and d3-time-format patterns (",.1f", "%b %Y"). Those follow the
locale in the spec's own `config.locale` ({"number": ..., "time": ...}, Vega-Lite's Config.locale).
It travels with the spec, so one call covers both renderers: Streamlit's st.vega_lite_chart
passes the spec's config to vega-embed untouched (it strips `usermeta.embedOptions` down to the
theme, renderer and padding, so vega-embed's own formatLocale option is not available there),
and vl-convert reads the same config (its format_locale argument is not needed).

English charts get no locale: Vega's default is en-US, and the English specs stay byte for byte
what they were. Every symbol and name below comes from CLDR through Babel (the Russian group
separator is CLDR's no-break space U+00A0, the same as d3's own ru-RU file); only the currency,
which CLDR abbreviates "$" where Russian statistics write "долл. США", comes from the catalogue.
d3's SI prefixes ("~s": k, M, G) have no locale: a chart in another language should not use them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from copy import deepcopy
from functools import cache
from typing import Any

from dashboard.formatting.language import Language
from dashboard.formatting.localized import MINUS, NBSP

# CLDR (LDML) date-pattern fields -> d3-time-format directives
LDML_TO_D3 = {
    "yyyy": "%Y", "yy": "%y", "y": "%Y",
    "MMMM": "%B", "MMM": "%b", "MM": "%m", "M": "%-m",
    "dd": "%d", "d": "%-d",
    "EEEE": "%A", "EEE": "%a", "E": "%a",
    "HH": "%H", "H": "%-H", "hh": "%I", "h": "%-I",
    "mm": "%M", "ss": "%S", "a": "%p",
}  # fmt: skip
LDML_FIELD = re.compile(r"'([^']*)'|(yyyy|yy|y|MMMM|MMM|MM|M|dd|d|EEEE|EEE|E|HH|H|hh|h|mm|ss|a)")
SUNDAY_FIRST = (6, 0, 1, 2, 3, 4, 5)  # Babel numbers weekdays from Monday = 0; d3 lists them from Sunday


def d3_pattern(ldml: str) -> str:
    """'dd.MM.y' -> '%d.%m.%Y', "d MMM y 'г'." -> '%-d %b %Y г.': a CLDR pattern as d3 reads it."""

    def field(match: re.Match[str]) -> str:
        literal, token = match.groups()
        return literal.replace("%", "%%") if literal is not None else LDML_TO_D3[token]

    return LDML_FIELD.sub(field, ldml)


def number_locale(lang: Language) -> dict[str, Any]:
    symbols = lang.locale.number_symbols["latn"]
    percent = lang.locale.percent_formats[None]
    grouping = lang.locale.decimal_formats[None].grouping
    return {
        "decimal": symbols["decimal"],
        "thousands": symbols["group"],
        "grouping": [grouping[0]],
        "currency": ["", NBSP + lang.pgettext("currency", "US$")],
        "minus": MINUS,
        # the percent pattern's own spacing ("#,##0 %": a no-break space before the sign)
        "percent": percent.suffix[0] or symbols["percentSign"],
    }


def time_locale(lang: Language) -> dict[str, Any]:
    data = lang.locale
    date = d3_pattern(data.date_formats["short"].pattern)
    time = d3_pattern(data.time_formats["medium"].pattern)
    days, short_days = data.days["format"]["wide"], data.days["format"]["abbreviated"]
    # month names stand alone on an axis ("январь", "янв."), not inside a date ("января")
    months, short_months = data.months["stand-alone"]["wide"], data.months["stand-alone"]["abbreviated"]
    periods = data.day_periods["format"]["abbreviated"]
    return {
        "dateTime": str(data.datetime_formats["medium"]).format(time, date),
        "date": date,
        "time": time,
        "periods": [periods["am"], periods["pm"]],
        "days": [days[i] for i in SUNDAY_FIRST],
        "shortDays": [short_days[i] for i in SUNDAY_FIRST],
        "months": [months[i] for i in range(1, 13)],
        "shortMonths": [short_months[i] for i in range(1, 13)],
    }


def d3_locale(lang: Language) -> dict[str, Any] | None:
    """Vega-Lite's `config.locale` for the language; None for English (Vega's default).
    A fresh copy each call: a spec that carries it may be changed by its caller."""
    return None if lang.is_source else deepcopy(_built_locale(lang))


@cache
def _built_locale(lang: Language) -> dict[str, Any]:
    return {"number": number_locale(lang), "time": time_locale(lang)}


def localized_spec(spec: Mapping[str, Any], lang: Language) -> Mapping[str, Any]:
    """The spec with the language's number and date formats in its config (a new dict: the
    spec given may be a shared, frozen one). English specs come back as they were."""
    locale = d3_locale(lang)
    if locale is None:
        return spec
    return {**spec, "config": {**spec.get("config", {}), "locale": locale}}
