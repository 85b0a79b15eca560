"""Sources & data says how current each file is, and how its last refresh went, in words."""

import pandas as pd

from dashboard import datasets
from dashboard.formatting.language import ENGLISH
from dashboard.models.catalogue import currency, last_try, last_year


def test_a_files_currency_names_each_sources_edition_and_the_last_year():
    cited = pd.DataFrame(
        {
            "publisher": ["World Bank (WDI API)", "IMF"],
            "edition": ["WDI database updated 2025-10-15", None],
            "accessed_date": ["2026-12-07", None],
        }
    )
    assert (
        currency(cited, 2024, ENGLISH)
        == "Data to 2024. World Bank (WDI API): WDI database updated 2025-10-15, accessed 2026-12-07."
    )
    assert currency(cited.iloc[1:], None, ENGLISH) == ""


def test_the_last_year_comes_from_years_or_period_ends():
    assert last_year(pd.DataFrame({"year": [2019, 2023]})) == 2023
    assert last_year(pd.DataFrame({"period_end": ["2021-12-31", "2024-06-30"]})) == 2024
    assert last_year(pd.DataFrame({"value": [1]})) is None


def test_a_failed_try_is_said_with_its_reason_and_a_curated_file_says_nothing():
    imf = datasets.DATASETS["trade_partners_api"]
    failed = {"imf": {"tried": "2026-12-07T05:30:12+00:00", "error": "api.imf.org answered HTTP 503"}}
    assert last_try(imf, failed, ENGLISH) == (
        "The last refresh try, 2026-12-07 05:30 UTC, failed: api.imf.org answered HTTP 503. "
        "The figures shown are the previous edition's.",
        True,
    )
    assert last_try(imf, {"imf": {"tried": "2026-12-07T05:30:12+00:00", "error": None}}, ENGLISH) == (
        "Last refreshed 2026-12-07 05:30 UTC.",
        False,
    )
    assert last_try(imf, {}, ENGLISH) == ("Not refreshed yet on this deployment.", False)
    assert last_try(datasets.DATASETS["trade_dots"], failed, ENGLISH) == ("", False)
