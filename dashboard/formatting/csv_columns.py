"""The column names of the CSVs (and "Numbers as a table") a page hands out, in the viewer's
language: a reader of a Russian page gets Russian headers. The values stay as they are.

Most names are marked here with the context "CSV column", which keeps a header apart from the same
English word in a sentence ("published", "record"); the commonest ones are plain msgids
(`views.components.CSV_COLUMNS`), and a page may mark its own with N_.
"""

from __future__ import annotations

from dashboard.formatting.language import Language

CONTEXT = "CSV column"


def pgettext(context: str, message: str) -> str:
    """Marks a header for the catalogue (Babel extracts pgettext calls with their context)."""
    return message


COLUMNS = (
    pgettext("CSV column", "actual"),
    pgettext("CSV column", "base_pct_gdp"),
    pgettext("CSV column", "base_usd_m"),
    pgettext("CSV column", "base_year"),
    pgettext("CSV column", "change_pct"),
    pgettext("CSV column", "change_pts"),
    pgettext("CSV column", "change_usd_m"),
    pgettext("CSV column", "cited_as"),
    pgettext("CSV column", "claim_id"),
    pgettext("CSV column", "claimed"),
    pgettext("CSV column", "claimed_qualifier"),
    pgettext("CSV column", "coef"),
    pgettext("CSV column", "coord_basis"),
    pgettext("CSV column", "country_iso3"),
    pgettext("CSV column", "country_name"),
    pgettext("CSV column", "direction"),
    pgettext("CSV column", "distance_to_border_km"),
    pgettext("CSV column", "episode"),
    pgettext("CSV column", "figure"),
    pgettext("CSV column", "figure_id"),
    pgettext("CSV column", "flag"),
    pgettext("CSV column", "flagged"),
    pgettext("CSV column", "flow"),
    pgettext("CSV column", "from_elsewhere_usd_m"),
    pgettext("CSV column", "from_russia_usd_m"),
    pgettext("CSV column", "gap_pct"),
    pgettext("CSV column", "gdp_effect_pct"),
    pgettext("CSV column", "gdp_effect_usd_m"),
    pgettext("CSV column", "gdp_usd_m"),
    pgettext("CSV column", "growth_pct"),
    pgettext("CSV column", "growth_qualifier"),
    pgettext("CSV column", "hac_lags"),
    pgettext("CSV column", "high"),
    pgettext("CSV column", "high_pts"),
    pgettext("CSV column", "hs_codes"),
    pgettext("CSV column", "hs_description"),
    pgettext("CSV column", "hs_level"),
    pgettext("CSV column", "id"),
    pgettext("CSV column", "indicator"),
    pgettext("CSV column", "inside"),
    pgettext("CSV column", "iso3"),
    pgettext("CSV column", "kind"),
    pgettext("CSV column", "label"),
    pgettext("CSV column", "lat"),
    pgettext("CSV column", "length_km"),
    pgettext("CSV column", "lon"),
    pgettext("CSV column", "low"),
    pgettext("CSV column", "low_pts"),
    pgettext("CSV column", "measure"),
    pgettext("CSV column", "measure_label"),
    pgettext("CSV column", "mention"),
    pgettext("CSV column", "multiplier"),
    pgettext("CSV column", "n"),
    pgettext("CSV column", "name"),
    pgettext("CSV column", "new_from_russia_usd_m"),
    pgettext("CSV column", "new_pct_gdp"),
    pgettext("CSV column", "new_total_usd_m"),
    pgettext("CSV column", "no_gap_reason"),
    pgettext("CSV column", "no_ratio_reason"),
    pgettext("CSV column", "note"),
    pgettext("CSV column", "organization"),
    pgettext("CSV column", "parts"),
    pgettext("CSV column", "pass_through_pct"),
    pgettext("CSV column", "pct_of_published"),
    pgettext("CSV column", "period"),
    pgettext("CSV column", "period_end"),
    pgettext("CSV column", "period_start"),
    pgettext("CSV column", "period_type"),
    pgettext("CSV column", "predicted"),
    pgettext("CSV column", "product_id"),
    pgettext("CSV column", "product_name"),
    pgettext("CSV column", "published"),
    pgettext("CSV column", "published_by"),
    pgettext("CSV column", "published_km"),
    pgettext("CSV column", "publisher"),
    pgettext("CSV column", "r2"),
    pgettext("CSV column", "rank"),
    pgettext("CSV column", "record"),
    pgettext("CSV column", "reference_id"),
    pgettext("CSV column", "remittance_growth"),
    pgettext("CSV column", "remittances_pts"),
    pgettext("CSV column", "remittances_usd_m"),
    pgettext("CSV column", "resolution"),
    pgettext("CSV column", "role"),
    pgettext("CSV column", "rub_per_usd"),
    pgettext("CSV column", "rub_per_usd_before"),
    pgettext("CSV column", "ruble_change"),
    pgettext("CSV column", "ruble_change_pct"),
    pgettext("CSV column", "russia_change_pct"),
    pgettext("CSV column", "russia_growth"),
    pgettext("CSV column", "russia_share_pct"),
    pgettext("CSV column", "se"),
    pgettext("CSV column", "series"),
    pgettext("CSV column", "share_from"),
    pgettext("CSV column", "share_of"),
    pgettext("CSV column", "share_pct"),
    pgettext("CSV column", "share_qualifier"),
    pgettext("CSV column", "site_id"),
    pgettext("CSV column", "slope"),
    pgettext("CSV column", "slope_high"),
    pgettext("CSV column", "slope_low"),
    pgettext("CSV column", "status"),
    pgettext("CSV column", "subject"),
    pgettext("CSV column", "supported"),
    pgettext("CSV column", "term_label"),
    pgettext("CSV column", "themes"),
    pgettext("CSV column", "value_qualifier"),
    pgettext("CSV column", "what"),
    pgettext("CSV column", "when"),
    pgettext("CSV column", "world_usd_m"),
    pgettext("CSV column", "year_label"),
    pgettext("CSV column", "yoy_growth_pct"),
)


def header(column: str, lang: Language) -> str:
    """A column's name as the viewer's language writes it; a name the catalogue does not know stays."""
    shown = lang.pgettext(CONTEXT, column)
    return shown if shown != column else lang.gettext(column)
