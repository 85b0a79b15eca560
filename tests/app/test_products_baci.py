"""The Products page with a BACI table in the data folder (a small file these tests write: made-up
values in BACI's layout, never real figures), and without one (the shipped data)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard import datasets
from dashboard.formatting.language import ENGLISH
from dashboard.models.products import baci_table, build_products_model
from tests.app.conftest import chart_frames, url
from tests.app.test_whose_figure import shows_a_figure, tooltips

# direction, year, hs6, value in US$ thousand, quantity in tonnes ("" = BACI's NA)
ROWS = [
    ("ru_to_tj", 2021, "271019", "200000", "300000"),
    ("ru_to_tj", 2021, "151211", "50000", "40000"),
    ("ru_to_tj", 2022, "271019", "300000", "350000"),
    ("ru_to_tj", 2023, "271019", "400000", "410000"),
    ("ru_to_tj", 2023, "271012", "50000", "40000"),
    ("ru_to_tj", 2023, "151211", "100000", ""),
    ("ru_to_tj", 2023, "721420", "80000", "120000"),
    ("ru_to_tj", 2023, "100199", "120000", "500000"),
    ("ru_to_tj", 2023, "870323", "200000", "9000"),
    ("tj_to_ru", 2021, "520100", "10000", "6000"),
    ("tj_to_ru", 2022, "520100", "15000", "8000"),
    ("tj_to_ru", 2022, "081310", "8000", "2000"),
    ("tj_to_ru", 2023, "520512", "30000", "9000"),
    ("tj_to_ru", 2023, "520100", "20000", "11000"),
    ("tj_to_ru", 2023, "081310", "10000", "2500"),
    ("tj_to_ru", 2023, "080620", "5000", "1500"),
]


def write_baci(folder: Path) -> None:
    """A BACI table and its source row in a copy of data/, as `python -m dashboard.refresh baci` writes them."""
    frame = pd.DataFrame(ROWS, columns=["direction", "year", "hs6", "value_usd_k", "quantity_t"]).assign(
        source_id="cepii-baci"
    )
    frame.to_csv(folder / "baci_products.csv", index=False)
    # BACI's own wording for one code (an HS92 description), which the page prefers to today's nomenclature
    pd.DataFrame({"hs6": ["271019"], "description": ["Petroleum oils, other (test wording)"]}).assign(
        source_id="cepii-baci"
    ).to_csv(folder / "baci_product_codes.csv", index=False)
    with open(folder / "sources.csv", "a") as fh:
        fh.write(
            "cepii-baci,CEPII (BACI),Test table in BACI's layout (made-up values),https://example.invalid/baci.zip,"
            "2026-01-01,Licence Ouverte / Etalab 2.0: cite CEPII BACI; Gaulier & Zignago (2010)\n"
        )


@pytest.fixture
def with_baci(data_copy):
    write_baci(data_copy)
    return data_copy


def test_baci_fills_both_panels_with_values_and_shares(open_app, with_baci):
    at = open_app("products")
    assert not at.exception
    assert at.selectbox(key="w_prod_year").value == 2023  # the latest BACI year
    assert any("reconciles Russia's and Tajikistan's declarations" in c.value for c in at.caption)
    assert not any("make refresh SOURCE=baci" in i.value for i in at.info)
    frames = chart_frames(at)
    russia = frames[0]
    assert russia["hs"].tolist() == ["2710", "8703", "1001", "1512", "7214"]
    assert russia["share_text"].tolist()[:2] == ["47.4%", "21.1%"]  # of 950m, computed from BACI
    assert russia["value_usd_m"].iloc[0] == pytest.approx(450.0)  # US$ thousand published, shown in US$ m
    tops = [m.value for m in at.metric if m.label == "Top 3 headings' share"]
    assert tops == ["81.1%", "92.3%"]  # Russia → Tajikistan: (450 + 200 + 120) of 950m; the other way 60 of 65m
    assert any("Every HS6 product, Russia → Tajikistan, 2023: 6 products" in c.value for c in at.caption)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "CSV: baci_hs6_ru_to_tj_2023.csv" in labels and "CSV: baci_hs6_tj_to_ru_2023.csv" in labels


def test_the_article_s_named_flows_show_their_values(open_app, with_baci):
    at = open_app("products")
    named = next(t.value for t in at.dataframe if "Named as" in t.value.columns)
    petroleum = named[named["HS"] == "2710"].iloc[0]
    assert petroleum["Value 2023"] == "US$450m" and petroleum["Rank among headings"] == "1"
    assert named[named["HS"] == "0813"].iloc[0]["Share of the direction"] == "15.4%"  # 10 of 65m
    assert set(named["HS"]) == {"2710", "1512", "7214", "5205", "5201", "0813"}


def test_concentration_over_years_and_product_trends(open_app, with_baci):
    at = open_app("products")
    frames = chart_frames(at)
    concentration = next(f for f in frames if "hhi" in f.columns)
    assert sorted(set(concentration["year"])) == [2021, 2022, 2023]
    one = concentration[(concentration["direction"] == "tj_to_ru") & (concentration["year"] == 2021)]
    assert one["hhi"].iloc[0] == pytest.approx(10_000)  # one heading: all of the direction
    trends = next(f for f in frames if "product" in f.columns and "segment" in f.columns)
    petroleum = trends[(trends["hs"] == "2710")]
    assert petroleum["year"].tolist() == [2021, 2022, 2023]
    seed_oils = trends[trends["hs"] == "1512"]
    assert seed_oils["year"].tolist() == [2021, 2023]  # no 2022 row: a gap, never a zero
    assert seed_oils["segment"].nunique() == 2  # so the line breaks there


def test_search_picks_the_products_followed(open_app, with_baci):
    at = open_app("products", prod_q="cotton")
    trends = next(f for f in chart_frames(at) if "product" in f.columns and "segment" in f.columns)
    assert set(trends["hs"]) == {"5205", "5201", "1512"}  # 1512 is sunflower, safflower or cotton-seed oil


def test_hs6_level_shows_products(open_app, with_baci):
    at = open_app("products", prod_level="6")
    top = chart_frames(at)[0]
    assert top["hs"].tolist()[:2] == ["271019", "870323"]
    assert top["description"].iloc[0] == "Petroleum oils, other (test wording)"
    assert top["description"].iloc[1].startswith("Vehicles")  # no BACI wording: the WCO nomenclature's
    assert any(m.label == "Top 3 products' share" for m in at.metric)
    assert url(at) == {"prod_level": "6"}


def test_the_hs6_download_keeps_values_as_published_and_missing_quantities_empty(with_baci):
    names = ("products", "product_breakdown", "reporters", "sources", "baci_products", "baci_product_codes")
    model = build_products_model(*(datasets.load(name, with_baci) for name in names))
    table = baci_table(model, "ru_to_tj", 2023, ENGLISH)
    assert table["hs6"].tolist()[0] == "271019" and table["value_usd_thousand"].iloc[0] == pytest.approx(400000)
    assert table.set_index("hs6")["quantity_tonnes"].isna()["151211"]
    assert table["hs_description"].iloc[0] == "Petroleum oils, other (test wording)"


def test_without_baci_the_page_draws_what_is_published(open_app):
    at = open_app("products")
    assert not at.exception
    assert [i.value for i in at.info] == [i.value for i in at.info if "make refresh SOURCE=baci" in i.value]
    assert len(at.info) == 1  # one line on how to get the full table, not a notice per panel
    frames = chart_frames(at)
    shares = pd.concat([f for f in frames if "base" in f.columns and (f["text"].str.endswith("%")).all()])
    bound = shares[shares["product_name"].str.startswith("Mineral products") & (shares["qualifier"] == "lower_bound")]
    assert bound["text"].tolist() == ["over 40%"]  # the news statement, marked as a lower bound
    growth = shares[shares["base"] == "the same period a year before"]
    assert {"+62%", "+200%", "+11.5%"} <= set(growth["text"])
    assert any("Jan–Sep 2024" in label or "January" in label for label in growth["label"])
    assert not any("Product breakdown" in m.value for m in at.markdown)


def test_with_baci_every_csv_and_tooltip_says_whose_each_figure_is(open_app, with_baci, downloads):
    """BACI's values are CEPII's; the shares and concentration worked out from them are this dashboard's."""
    at = open_app("products")
    csvs = {name: pd.read_csv(io.BytesIO(data)) for name, data in downloads.items() if name.endswith(".csv")}
    assert any(name.startswith("baci_hs6_") for name in csvs) and any(name.startswith("concentration") for name in csvs)
    for name, frame in csvs.items():
        assert {"reported_by", "basis", "edition", "year"} <= set(frame.columns), name
    hs6 = next(frame for name, frame in csvs.items() if name.startswith("baci_hs6_ru_to_tj"))
    assert set(hs6["reported_by"]) == {"CEPII BACI (reconciled from both countries' declarations)"}
    assert set(hs6["edition"]) == {"CEPII (BACI), 2026-01-01"}  # the test source's publisher and date
    concentration = next(frame for name, frame in csvs.items() if name.startswith("concentration"))
    assert set(concentration["reported_by"]) == {"this dashboard"}
    specs = [json.loads(e.proto.spec) for e in at.main if getattr(e, "type", None) == "vega_lite_chart"]
    figures = [tooltip for spec in specs for tooltip, _ in tooltips(spec) if shows_a_figure(tooltip)]
    assert len(figures) >= 4  # top products, sections, concentration, trends
    assert all({"Reported by", "Basis", "Edition"} <= {item.get("title") for item in tip} for tip in figures)
