"""The Scenarios page's numbers in words, one way in every section: a change, a share of GDP, a
value with its interval, and what a year further ahead assumes."""

from __future__ import annotations

from collections.abc import Callable

from dashboard.analytics import scenarios as sc
from dashboard.formatting import localized
from dashboard.formatting.language import Language
from dashboard.models.scenarios import ScenariosModel, horizon_label


def change(value: float, lang: Language) -> str:
    """A signed change in %: '+5.0%' / '+5,0 %'."""
    return localized.signed(value, lang, "%") if lang.is_source else localized.percent(value, lang)


def percent(value: float, lang: Language) -> str:
    """A share of GDP: '47.9%' / '47,9 %'."""
    return f"{value:.1f}%" if lang.is_source else localized.percent(value, lang, signed=False)


def interval_text(mean: float, low: float, high: float, fmt: Callable[[float], str], lang: Language) -> str:
    """'US$4,579m (90%: US$1,215m to US$7,944m)': a value and its interval, one way everywhere."""
    return lang.gettext("{value} ({level}: {low} to {high})").format(
        value=fmt(mean), level=localized.share(sc.LEVEL, lang), low=fmt(low), high=fmt(high)
    )


def horizon_words(model: ScenariosModel, years_ahead: int, lang: Language) -> str:
    """The assumption a year further ahead rests on, in plain words."""
    _ = lang.gettext
    first, chosen = horizon_label(model, 1, lang), horizon_label(model, years_ahead, lang)
    record = _("The record links each year's change in remittances to the same year's Russian growth and ruble.")
    if years_ahead == 1:
        return record + " " + _("The drivers are {year}'s changes on the year before.").format(year=chosen)
    return (
        record
        + " "
        + _(
            "For {year}, the drivers are taken as the same change in every year from {first} to {year}, "
            "and their effects add up year on year. The interval widens with each year: it allows for each year's "
            "own surprise and for the uncertainty of the estimate, which repeats every year."
        ).format(year=chosen, first=first)
    )
