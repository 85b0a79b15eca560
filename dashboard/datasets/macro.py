"""Macro series for Russia and four Central Asian economies, the scenario model's inputs."""

from __future__ import annotations

import pandas as pd

from dashboard.datasets.schema import Column, Dataset, Problem, first_problem
from dashboard.formatting.catalogue import N_

MACRO_ECONOMIES = frozenset({"RUS", "TJK", "KGZ", "UZB", "KAZ"})
MACRO_SIGNED = frozenset({"NY.GDP.MKTP.KD.ZG", "FP.CPI.TOTL.ZG"})  # growth rates: the only series that may fall below 0
MACRO_INDICATORS = MACRO_SIGNED | frozenset(
    {
        "NY.GDP.MKTP.CD",
        "PA.NUS.FCRF",
        "BX.TRF.PWKR.CD.DT",
        "BX.TRF.PWKR.DT.GD.ZS",
        "BM.TRF.PWKR.CD.DT",
        "NE.IMP.GNFS.ZS",
        "NE.CON.PRVT.ZS",
        "SI.POV.DDAY",
        "SP.POP.TOTL",
    }
)


def _levels_not_negative(df: pd.DataFrame) -> Problem | None:
    """A level, share or count below zero is a transcription slip; growth rates may be negative."""
    negative = ~df["indicator"].isin(MACRO_SIGNED) & (df["value"] < 0)
    return first_problem(negative, "value", "a level or share cannot be negative")


def _one_name_per_indicator(df: pd.DataFrame) -> Problem | None:
    """Each code keeps WDI's one published name, so a tooltip never names a series two ways."""
    names = df.groupby("indicator")["indicator_name"].transform("nunique")
    return first_problem(names > 1, "indicator_name", "an indicator code carries two different names")


WDI_MACRO = Dataset(
    name="wdi_macro",
    file="wdi_macro.csv",
    title=N_("World Bank macro series: Russia and four Central Asian economies"),
    caveat=(
        N_(
            "One vintage of World Development Indicators (October 2025). The ruble has no 2024 rate; Kyrgyzstan's "
            "2023–2024 remittances are round numbers (probably estimates); 1990s values jump and are not used by "
            "the scenario model; poverty exists only for survey years."
        )
    ),
    description=(
        N_(
            "Real GDP growth, GDP (US$), official exchange rate, remittances received (US$, % of GDP) and paid, "
            "imports and household consumption (% of GDP), inflation, poverty and population for Russia, "
            "Tajikistan, Kyrgyzstan, Uzbekistan and Kazakhstan, 1990–2024, values as stored."
        )
    ),
    columns={
        "indicator": Column(allowed=MACRO_INDICATORS),
        "indicator_name": Column(),
        "iso3": Column(allowed=MACRO_ECONOMIES),
        "year": Column("integer", minimum=1960, maximum=2100),
        "value": Column("number"),
        "source_id": Column(),
    },
    key=("indicator", "iso3", "year"),
    checks=(_levels_not_negative, _one_name_per_indicator),
)
