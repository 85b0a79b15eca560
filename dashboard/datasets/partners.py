"""Partners and region: trade by partner (IMF DOTS, and the IMF's IMTS refresh) and remittances as a share
of GDP for every economy (shipped and refreshed).
"""

from __future__ import annotations

from dataclasses import replace

from dashboard.datasets.schema import REFRESH_CAVEAT, Column, Dataset
from dashboard.formatting.catalogue import N_

# The source id rows from the IMF's API cite (refresh/imf.py writes them; the Partners page names the edition by it).
IMF_API_SOURCE = "imf-imts-api"

# Written by `python -m dashboard.refresh` from the primary sources' APIs; shipped as headers only.
# Same schemas as the curated tables, under reporters and sources of their own: nothing curated
# is ever overwritten.
TRADE_PARTNERS = Dataset(
    name="trade_partners",
    file="trade_partners.csv",
    title=N_("Trade by partner, IMF Direction of Trade Statistics"),
    caveat=(
        N_(
            "Each reporter's own customs figures to the IMF; cells marked as IMF estimates are the IMF's, often "
            "from partner data. The IMF's aggregates (World, regions, groups) are rows too and never added to "
            "countries. The series ends in 2020; a year with no cell is unknown, not zero."
        )
    ),
    description=(
        N_(
            "Annual goods trade of Tajikistan with every partner, of Kazakhstan, Kyrgyzstan, Uzbekistan and "
            "Turkmenistan with Russia, China and the world (exports FOB, imports CIF), and Russia's and China's "
            "rows with those five, in US$ million as reported to the IMF."
        )
    ),
    columns={
        "reporter_iso3": Column(allowed=frozenset({"TJK", "KAZ", "KGZ", "UZB", "TKM", "RUS", "CHN"})),
        "flow": Column(allowed=frozenset({"exports", "imports"})),
        "partner": Column(),
        "partner_label": Column(),
        "partner_kind": Column(allowed=frozenset({"country", "aggregate", "unallocated"})),
        "partner_iso3": Column(required=False, pattern=r"^[A-Z]{3}$"),
        "year": Column("integer", minimum=1940, maximum=2100),
        "value_usd_m": Column("number", minimum=0.0),
        "imf_estimate": Column(allowed=frozenset({"true", "false"})),
        "source_id": Column(),
    },
    key=("reporter_iso3", "flow", "partner_label", "year"),
)

REMITTANCES_WORLD = Dataset(
    name="wdi_remittances_world",
    file="wdi_remittances_world.csv",
    title=N_("Remittances as % of GDP, every economy (World Bank)"),
    caveat=(
        N_(
            "Economies only (no aggregates); coverage differs by year. Values judged suspect (a likely break in "
            "the source) are flagged (Nepal 2022–2024) and shown as such, never as a plain rank."
        )
    ),
    description=N_(
        "Personal remittances, received (% of GDP), World Bank WDI, for every economy with a value, 1970–2024."
    ),
    columns={
        "iso3": Column(pattern=r"^[A-Z]{3}$"),
        "country": Column(),
        "year": Column("integer", minimum=1940, maximum=2100),
        "value": Column("number", minimum=0.0),
        "flag": Column(required=False),
        "flag_ru": Column(required=False),  # the flag's reason in Russian (the project's own words)
        "source_id": Column(),
    },
    key=("iso3", "year"),
)


TRADE_PARTNERS_API = replace(
    TRADE_PARTNERS,
    name="trade_partners_api",
    file="trade_partners_api.csv",
    title=N_("Trade by partner, IMF International Trade in Goods (refreshed)"),
    description=(
        N_(
            "The same reporters, partners and flows as trade_partners.csv (exports FOB, imports CIF, US$ million), "
            "from the IMF's current edition, International Trade in Goods by partner country (IMTS), via its SDMX API."
        )
    ),
    caveat=REFRESH_CAVEAT
    + N_(
        " When present, the Partners page shows this edition whole, never mixed with the DOTS file. Partners are "
        "told apart by code: economies by ISO code, the World total by the IMF's G001; the IMF's other groups "
        "(regions, unallocated trade) are left out. A cell is marked an IMF estimate only where the IMF's STATUS "
        "says so (see docs/refresh.md)."
    ),
    may_be_empty=True,
    refresh_source="imf",
)

REMITTANCES_WORLD_API = replace(
    REMITTANCES_WORLD,
    name="wdi_remittances_world_api",
    file="wdi_remittances_world_api.csv",
    # no flag here (below), so no flag's reason in Russian either
    columns={name: column for name, column in REMITTANCES_WORLD.columns.items() if name != "flag_ru"},
    title=N_("Remittances as % of GDP, every economy, refreshed from the World Bank API"),
    description=(
        N_(
            "Personal remittances, received (% of GDP), for every economy with a value, as the World Bank's API "
            "served them on the access date; aggregates left out by the API's own region field."
        )
    ),
    caveat=REFRESH_CAVEAT
    + N_(
        " When present, the Partners page's world ranking is this edition, whole. No value is flagged: the "
        "shipped vintage's flags judged that vintage's numbers and are not carried over."
    ),
    may_be_empty=True,
    refresh_source="worldbank",
)
