"""data/wdi_macro.csv: the data pack's macro/README.md transcription checks, run on the curated file.

Pinned to the shipped data on purpose: these check the file itself against the pack's own
anchors and against the other WDI files of the same edition.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from dashboard import datasets

MACRO = datasets.load("wdi_macro")


def cell(indicator: str, iso3: str, year: int) -> float:
    rows = MACRO[(MACRO["indicator"] == indicator) & (MACRO["iso3"] == iso3) & (MACRO["year"] == year)]
    assert len(rows) == 1, (indicator, iso3, year)
    return float(rows["value"].iloc[0])


def test_the_file_has_the_packs_1601_rows_one_source_and_no_repeated_key():
    assert len(MACRO) == 1601
    assert set(MACRO["source_id"]) == {"wdi-2025"}
    assert not MACRO.duplicated(["indicator", "iso3", "year"]).any()
    assert MACRO.groupby("iso3").size().to_dict() == {"RUS": 355, "TJK": 295, "KGZ": 343, "UZB": 266, "KAZ": 342}


@pytest.mark.parametrize(
    ("indicator", "iso3", "first", "last", "rows"),
    [
        ("PA.NUS.FCRF", "RUS", 1993, 2023, 29),  # no 1994–1995, and no 2024 rate
        ("PA.NUS.FCRF", "UZB", 1995, 2024, 18),  # no 2001–2012
        ("BX.TRF.PWKR.CD.DT", "TJK", 2002, 2024, 23),
        ("BX.TRF.PWKR.CD.DT", "UZB", 2005, 2024, 20),
        ("NE.IMP.GNFS.ZS", "TJK", 1993, 2023, 31),
        ("SI.POV.DDAY", "TJK", 1999, 2024, 10),  # survey years only
    ],
)
def test_coverage_is_the_readmes_and_gaps_stay_gaps(indicator, iso3, first, last, rows):
    years = MACRO[(MACRO["indicator"] == indicator) & (MACRO["iso3"] == iso3)]["year"]
    assert (years.min(), years.max(), len(years)) == (first, last, rows)


def test_remittances_over_gdp_reproduce_the_stored_share_to_five_decimals():
    wide = MACRO.pivot_table(index=["iso3", "year"], columns="indicator", values="value")
    both = wide.dropna(subset=["BX.TRF.PWKR.CD.DT", "NY.GDP.MKTP.CD", "BX.TRF.PWKR.DT.GD.ZS"])
    computed = 100 * both["BX.TRF.PWKR.CD.DT"] / both["NY.GDP.MKTP.CD"]
    assert both.groupby("iso3").size().to_dict() == {"TJK": 23, "KGZ": 32, "UZB": 20, "RUS": 31, "KAZ": 30}
    assert (computed - both["BX.TRF.PWKR.DT.GD.ZS"]).abs().max() < 5e-6


def test_tajikistan_equals_wdi_csv_of_the_same_edition():
    tjk = MACRO[MACRO["iso3"] == "TJK"].set_index(["indicator", "year"])["value"]
    wdi = datasets.load("wdi").set_index(["indicator", "year"])["value"]
    for indicator, years in {"BX.TRF.PWKR.CD.DT": 23, "BX.TRF.PWKR.DT.GD.ZS": 23, "NY.GDP.MKTP.CD": 35}.items():
        ours = tjk.xs(indicator)
        assert len(ours) == years
        pd.testing.assert_series_equal(ours, wdi.xs(indicator).loc[ours.index], check_names=False)
    population = tjk.xs("SP.POP.TOTL")
    assert len(population) == 35 and population.equals(wdi.xs("SP.POP.TOTL").loc[population.index])


def test_every_share_equals_the_world_file_of_the_same_edition():
    shares = MACRO[MACRO["indicator"] == "BX.TRF.PWKR.DT.GD.ZS"].set_index(["iso3", "year"])["value"]
    world = datasets.load("wdi_remittances_world").set_index(["iso3", "year"])["value"]
    assert len(shares) == 136
    assert shares.equals(world.loc[shares.index])


@pytest.mark.parametrize(
    ("indicator", "iso3", "year", "value"),
    [
        ("NY.GDP.MKTP.KD.ZG", "RUS", 2009, -7.79999),
        ("NY.GDP.MKTP.KD.ZG", "RUS", 2015, -1.97272),
        ("NY.GDP.MKTP.KD.ZG", "RUS", 2020, -2.65365),
        ("PA.NUS.FCRF", "RUS", 2014, 38.37821),
        ("PA.NUS.FCRF", "RUS", 2015, 60.93765),
        ("PA.NUS.FCRF", "RUS", 2022, 68.48494),
        ("PA.NUS.FCRF", "TJK", 2015, 6.16312),
        ("BX.TRF.PWKR.CD.DT", "TJK", 2009, 1565736892.45999),
        ("BX.TRF.PWKR.CD.DT", "TJK", 2022, 5345546873.54599),
    ],
)
def test_the_readmes_anchors(indicator, iso3, year, value):
    assert cell(indicator, iso3, year) == value


def test_a_negative_level_is_refused(tmp_path):
    for name in ("wdi_macro.csv", "sources.csv"):
        shutil.copy(datasets.DATA_DIR / name, tmp_path / name)
    path = tmp_path / "wdi_macro.csv"
    text = path.read_text().replace(
        "NY.GDP.MKTP.CD,GDP (current US$),RUS,1990,", "NY.GDP.MKTP.CD,GDP (current US$),RUS,1990,-", 1
    )
    path.write_text(text)
    with pytest.raises(datasets.DataError, match="cannot be negative"):
        datasets.load("wdi_macro", tmp_path)
