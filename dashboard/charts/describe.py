"""A chart's text alternative: what it shows and its key numbers for the view on screen.

Screen readers announce it (the spec's description); it is written from the chart's own data,
so it changes with the filters as the chart does. Pure pandas, no Streamlit.
"""

from __future__ import annotations

import pandas as pd

from dashboard.formatting import localized
from dashboard.formatting.language import Language

# The first of these a frame has is what the chart measures, and what it is measured for.
VALUE_COLUMNS = ("share_pct", "value_usd_m", "value", "pct_gdp", "value_bn", "change_pct", "length_km", "estimate")
LABEL_COLUMNS = ("series", "partner", "reported_by", "reporter", "side", "measure_label", "label", "country", "what")
MAX_ITEMS = 6


def text_alternative(description: str, data: pd.DataFrame | None, *, lang: Language) -> str:
    """'Shares of … . Years 1993–2020. In 2020: Russia 24.6; Kazakhstan 23.0; …'"""
    text = description.rstrip(". ") + "."
    if data is None or data.empty:
        return text
    value = next((c for c in VALUE_COLUMNS if c in data.columns and pd.api.types.is_numeric_dtype(data[c])), None)
    label = next((c for c in LABEL_COLUMNS if c in data.columns), None)
    years = pd.to_numeric(data["year"], errors="coerce").dropna() if "year" in data.columns else pd.Series(dtype=float)
    if len(years):
        first, last = int(years.min()), int(years.max())
        years_text = lang.gettext("Years {first}–{last}.").format(first=first, last=last)
        text += " " + (years_text if first != last else f"{first}.")
    if value is None:
        return text
    rows = data.dropna(subset=[value])
    if len(years):
        rows = rows[pd.to_numeric(rows["year"], errors="coerce") == rows["year"].max()]
    items = []
    for _, row in rows.head(MAX_ITEMS).iterrows():
        # a label the code wrote ("this dashboard") is a msgid; the data's own names pass unchanged
        name = f"{lang.gettext(str(row[label]))} " if label is not None and pd.notna(row[label]) else ""
        number = f"{row[value]:,.1f}" if lang.is_source else localized.number(row[value], lang, 1)
        items.append(f"{name}{number}")
    if items:
        when = lang.gettext("In {year}: ").format(year=int(rows["year"].max())) if len(years) and len(rows) else ""
        more = lang.gettext("; and {count} more").format(count=len(rows) - MAX_ITEMS) if len(rows) > MAX_ITEMS else ""
        text += f" {when}{'; '.join(items)}{more}."
    return text
