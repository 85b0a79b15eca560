"""A chart's sources line: which sources, how current, and which may not be passed on."""

import pandas as pd

from dashboard.analytics.citations import cited_ids, cited_reach, citing
from dashboard.datasets import NOT_REDISTRIBUTABLE


def sources_table(licence_b: str = "CC BY 4.0") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": ["a", "b", "c"],
            "publisher": ["IMF", "UN Comtrade", "World Bank"],
            "url": ["https://imf.org", "https://comtrade.un.org", "https://worldbank.org"],
            "published_date": ["2025-10-01", "2026-03-02", None],
            "licence": ["CC BY 4.0", licence_b, "CC BY 4.0"],
        }
    )


def test_ids_come_in_first_use_order_without_gaps_or_repeats():
    data = pd.DataFrame({"source_id": ["c", "a", None, "c", "a"], "value": range(5)})
    assert cited_ids(data) == ("c", "a")
    assert cited_ids(pd.DataFrame({"value": [1]})) == ()


def test_the_line_names_each_source_once_with_its_newest_date():
    line = citing(("c", "a", "b"), sources_table())
    assert line.caption == (
        "Sources: World Bank ([link](https://worldbank.org)); IMF ([link](https://imf.org)); "
        "UN Comtrade ([link](https://comtrade.un.org)). Data as of 2026-03-02."
    )
    assert line.restricted == ()
    assert citing((), sources_table()).caption == "Sources: none."


def test_sources_that_may_not_be_passed_on_are_named_with_their_link():
    table = sources_table(f"{NOT_REDISTRIBUTABLE}: terms of use")
    assert citing(("a", "b"), table).restricted == (("UN Comtrade", "https://comtrade.un.org"),)
    assert citing(("a",), table).restricted == ()


def test_a_new_sources_table_is_never_answered_from_the_old_ones_memo():
    first = sources_table()
    assert citing(("b",), first).restricted == ()
    changed = sources_table(f"{NOT_REDISTRIBUTABLE}: terms of use")
    assert citing(("b",), changed).restricted == (("UN Comtrade", "https://comtrade.un.org"),)


def test_a_refreshed_source_says_its_own_edition_access_date_and_the_charts_last_year():
    table = sources_table().assign(edition=[None, None, "WDI database updated 2025-10-15"])
    table = table.assign(accessed_date=[None, None, "2026-12-07"])
    line = citing(("c", "a"), table, (("c", 2024), ("a", 2020)))
    assert line.caption == (
        "Sources: World Bank ([link](https://worldbank.org)): WDI database updated 2025-10-15, accessed 2026-12-07, "
        "to 2024; IMF ([link](https://imf.org)): to 2020. Data as of 2025-10-01."
    )


def test_a_charts_reach_is_each_sources_last_year():
    data = pd.DataFrame({"source_id": ["a", "b", "a", None], "year": [2019, 2024, 2020, 2030]})
    assert cited_reach(data) == (("a", 2020), ("b", 2024))
    assert cited_reach(data.drop(columns="year")) == ()
