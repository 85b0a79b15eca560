"""Numbers and periods formatted in one place, so every page reads the same."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.formatting.catalogue import N_

UNITS = {"busd": ("US$ bn", 1000.0), "musd": ("US$ m", 1.0)}  # display label, US$ m per unit

QUALIFIER_WORDS = {"exact": "", "approximate": "about ", "lower_bound": "over ", "upper_bound": "under "}

# English names, marked for the catalogue: a page shows them through `lang.gettext`.
FLOW_LABELS = {
    "total": N_("Total trade"),
    "ru_to_tj": N_("Russia → Tajikistan"),
    "tj_to_ru": N_("Tajikistan → Russia"),
    "balance": N_("Balance (Russia's surplus)"),
}

SIDE_LABELS = {"russia": N_("Russia"), "tajikistan": N_("Tajikistan"), "other": N_("Media & unattributed")}
EVENTS_LEAD = N_("Events: ")


def event_key(events: pd.DataFrame) -> str:
    """'Events: 1 Ruble crisis (2014-12-16); 2 …' for the numbered markers on a time axis."""
    items = [f"{row.n} {row.title} ({row.date})" for row in events.itertuples()]
    return EVENTS_LEAD + "; ".join(items) + "." if items else ""


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def unit_label(unit: str) -> str:
    return UNITS[unit][0]


def in_unit(value_usd_m: float, unit: str) -> float:
    return value_usd_m / UNITS[unit][1]


def money(value_usd_m: float | None, unit: str = "auto", qualifier: str = "exact") -> str:
    """US$ amount from a value in US$ million: 'US$1.13bn', 'over US$860m', or '–' if unknown.

    'auto' picks bn from 1,000 m up, which is how the sources themselves quote these figures.
    """
    if is_missing(value_usd_m):
        return "–"
    if unit == "auto":
        unit = "busd" if abs(value_usd_m) >= 1000 else "musd"
    sign = "−" if value_usd_m < 0 else ""
    amount = abs(value_usd_m) / UNITS[unit][1]
    if unit == "busd":
        text = f"{amount:.2g}bn" if 0 < amount < 0.1 else f"{amount:,.2f}bn"
    else:
        text = f"{amount:,.0f}m" if amount >= 100 else f"{amount:,.1f}m"
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{sign}US${text}"


def percent(value: float | None, qualifier: str = "exact", signed: bool = True) -> str:
    if is_missing(value):
        return "–"
    sign = "+" if signed and value > 0 else "−" if value < 0 else ""
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{sign}{abs(value):,.1f}%"


def signed(value: float, suffix: str = "", digits: int = 1) -> str:
    """'+1.5 pts', '−8.2%': a signed number with a typographic minus, as everywhere else."""
    text = f"{abs(value):,.{digits}f}"
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return f"{sign}{text}{suffix}"


def km(value: float) -> str:
    """'1,357 km', '1,344.15 km': a length as precise as it was published, no trailing zeros."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} km"


def period_label(period_type: str, start: str, end: str) -> str:
    """'2022', 'Q1 2022', 'H1 2024', 'Jan–Apr 2022' from a published period."""
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    if period_type == "year":
        return str(s.year)
    if period_type == "quarter":
        return f"Q{(s.month - 1) // 3 + 1} {s.year}"
    if period_type == "half":
        return f"H{1 if s.month == 1 else 2} {s.year}"
    if s.month == e.month:
        return f"{MONTHS[s.month - 1]} {s.year}"
    return f"{MONTHS[s.month - 1]}–{MONTHS[e.month - 1]} {s.year}"


def period_labels(rows: pd.DataFrame) -> list[str]:
    """period_label for each row of a frame with period_type, period_start and period_end."""
    columns = (rows["period_type"], rows["period_start"], rows["period_end"])
    return [period_label(*period) for period in zip(*columns, strict=True)]


def markdown_text(text: str) -> str:
    """Plain text safe to hand to st.markdown: a pair of 'US$' would otherwise open LaTeX."""
    return text.replace("$", r"\$")
