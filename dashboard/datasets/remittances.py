"""Remittances: the World Bank's series for Tajikistan (shipped and refreshed), every published remittance,
migration and ruble figure, and the historical shocks the scenario can load.
"""

from __future__ import annotations

from dataclasses import replace

from dashboard.datasets.schema import REFRESH_CAVEAT, Column, Dataset
from dashboard.formatting.catalogue import N_

WDI_INDICATORS = frozenset({"BX.TRF.PWKR.CD.DT", "BX.TRF.PWKR.DT.GD.ZS", "NY.GDP.MKTP.CD", "SP.POP.TOTL"})

WDI = Dataset(
    name="wdi",
    file="wdi.csv",
    title=N_("World Bank indicators for Tajikistan"),
    caveat=N_("One vintage of World Development Indicators (October 2025); later editions revise past years."),
    description=(
        N_(
            "Personal remittances received (current US$ and % of GDP), GDP (current US$) and population, "
            "World Development Indicators, October 2025 edition, values as stored."
        )
    ),
    columns={
        "indicator": Column(allowed=WDI_INDICATORS),
        "year": Column("integer", minimum=1960, maximum=2100),
        "value": Column("number", minimum=0.0),
        "source_id": Column(),
    },
    key=("indicator", "year"),
)

REMITTANCE_INDICATORS = frozenset(
    {
        "remittances_received_usd_million",
        "remittances_pct_gdp",
        "transfers_from_russia_usd_million",
        "share_from_russia_pct",
        "migrants_in_russia_count",
        "work_patents_issued_count",
        "gdp_usd_million",
        "population_million",
        "rub_per_usd_avg",
        "other",
    }
)

REMITTANCES = Dataset(
    name="remittances",
    file="remittances.csv",
    title=N_("Remittance, migration and exchange-rate figures"),
    caveat=(
        N_(
            "Migrant counts mix departures and stock estimates; the National Bank of Tajikistan stopped "
            "publishing remittance data in 2013; Russian transfer figures have gaps (none for 2020, 2022, 2023)."
        )
    ),
    description=(
        N_(
            "Every published figure on money sent home to Tajikistan, transfers from Russia, migrant counts and "
            "the ruble, one row per source and vintage (never averaged)."
        )
    ),
    columns={
        "figure_id": Column(pattern=r"^[A-Z]{2,3}-\d{3}$"),
        "indicator": Column(allowed=REMITTANCE_INDICATORS),
        "year": Column("integer", minimum=1990, maximum=2100),
        "value": Column("number"),
        "unit": Column(
            allowed=frozenset({"usd_million", "persons", "pct", "rub", "tjs_per_usd", "pct_change", "million_persons"})
        ),
        "published": Column("partial_date", required=False),
        "source_id": Column(),
        "note": Column(),
        "note_ru": Column(),  # the curators' note in Russian (scripts/ru, curate.py)
    },
    key=("figure_id",),
)

PRESETS = Dataset(
    name="shock_presets",
    file="shock_presets.csv",
    title=N_("Historical shocks for the scenario"),
    description=N_("Which published figures give the size of each historical shock the remittance scenario can load."),
    columns={
        "preset_id": Column(pattern=r"^[a-z0-9-]+$"),
        "label": Column(),
        "label_ru": Column(),  # the project's names and bases for its presets, in Russian (curate.py)
        "change_figure_id": Column(),
        "base_figure_id": Column(required=False),
        "applies_to": Column(allowed=frozenset({"russia", "all"})),
        "share_figure_id": Column(required=False),
        "basis": Column(),
        "basis_ru": Column(),
    },
    key=("preset_id",),
    cites_sources=False,
)


WDI_API = replace(
    WDI,
    name="wdi_api",
    file="wdi_api.csv",
    title=N_("World Bank indicators for Tajikistan, refreshed from the API"),
    description=N_("The same four indicators as wdi.csv, as the World Bank's API served them on the access date."),
    caveat=REFRESH_CAVEAT + N_(" When present, the Remittances page's World Bank line is this newer edition, whole."),
    may_be_empty=True,
    refresh_source="worldbank",
)
