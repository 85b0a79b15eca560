"""The Products page with the shipped data (gaps said plainly) and with a full breakdown fixture."""

import shutil
from pathlib import Path

import pytest

from dashboard import datasets
from dashboard.models.products import GET_BACI
from tests.app.conftest import PAGES, chart_frames, url

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "product_breakdown_full.csv"


@pytest.fixture
def with_breakdown(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(datasets.DATA_DIR, folder)
    shutil.copy(FIXTURE, folder / "product_breakdown.csv")
    with open(folder / "sources.csv", "a") as fh:
        fh.write("test-fixture,Test fixture,Made-up breakdown (not real data),https://example.invalid/,,test data\n")
    with open(folder / "reporters.csv", "a") as fh:
        # reporter, label, label_ru, side, kind, description, description_ru
        fh.write("test_fixture,Test fixture,Тестовый источник,other,statistics,Made-up reporter,Выдуманный источник\n")
    monkeypatch.setenv("RT_DATA_DIR", str(folder))
    return folder


def test_shipped_data_names_products_and_says_what_is_missing(open_app):
    at = open_app("products")
    assert not at.exception
    assert [s.value for s in at.subheader][:2] == ["Russia → Tajikistan", "Tajikistan → Russia"]
    tables = [t.value for t in at.dataframe]
    named = tables[0]
    assert "2710" in set(named["HS"]) and named["Official HS description"].str.contains("Petroleum oils").any()
    assert [i.value for i in at.info] == [GET_BACI]  # how to get the full table, said once


def test_the_year_defaults_to_the_latest_breakdown(open_app, with_breakdown):
    at = open_app("products")
    assert at.selectbox(key="w_prod_year").value == 2023  # 2025 has figures but no breakdown


def test_search_filters_both_panels(open_app):
    at = open_app("products", prod_q="cotton")
    tables = [t.value for t in at.dataframe]
    products = " ".join(" ".join(t.astype(str).to_numpy().ravel()) for t in tables)
    assert "Cotton" in products and "Petroleum" not in products
    assert url(at)["prod_q"] == "cotton"


def test_full_breakdown_fills_the_panels(open_app, with_breakdown):
    at = open_app("products", prod_year="2023", prod_top="4")
    assert not at.exception
    bars = chart_frames(at)[0]
    assert bars["hs"].tolist() == ["2710", "1512", "1001", "7214"]  # equal values in code order
    assert bars["share_text"].tolist()[:2] == ["50.0%", "20.0%"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Top 3 headings' share"] == "80.0%" and metrics["Concentration (HHI)"] == "3,150"
    # the partial Tajik breakdown shows values, never shares or concentration
    assert len([m for m in at.metric if m.label.startswith("Top 3")]) == 1
    assert any("Reported by Test fixture." in c.value for c in at.caption)  # the reporter's label, not its id


def test_top_n_and_level_change_the_bars(open_app, with_breakdown):
    at = open_app("products", prod_year="2023")
    at.slider(key="w_prod_top").set_value(3).run()
    assert len(chart_frames(at)[0]) == 3
    next(b for b in at.get("button_group") if b.key == "w_prod_level").set_value("2").run()
    assert chart_frames(at)[0]["hs"].tolist() == ["27", "15", "10"]
    assert any(m.label == "Top 3 chapters' share" for m in at.metric)
    assert url(at) == {"prod_year": "2023", "prod_top": "3", "prod_level": "2"}


def test_focus_on_one_direction(open_app):
    at = open_app("products", prod_focus="tj_to_ru")
    assert next(s.value for s in at.subheader) == "Tajikistan → Russia"
    assert "Russia → Tajikistan" not in [s.value for s in at.subheader]


def test_bad_product_parameters(open_app):
    at = open_app("trade", prod_top="99", prod_level="7", prod_q="<script>")
    warnings = " ".join(w.value for w in at.warning)
    assert "`prod_top`" in warnings and "`prod_level`" in warnings and "`prod_q`" in warnings
    at.switch_page(PAGES["products"]).run()
    assert at.slider(key="w_prod_top").value == 25
    assert at.text_input(key="w_prod_q").value == "script"
    assert not at.exception


def test_a_headings_table_asked_for_at_hs6_is_shown_and_named_as_headings(open_app, with_breakdown):
    """The fixture, like a UN Comtrade refresh, has four-digit headings: HS6 cannot be made of them."""
    at = open_app("products", prod_year="2023", prod_level="6")
    bars = chart_frames(at)[0]
    assert set(bars["hs_level"]) == {"HS4"} and bars["hs"].str.len().eq(4).all()
    assert set(bars["reported_by"]) == {"Test fixture"}
    labels = {m.label for m in at.metric}
    assert "Top 3 headings' share" in labels and "Top 3 products' share" not in labels
    help_text = next(m.help for m in at.metric if m.label == "Concentration (HHI)")
    assert "over HS headings" in help_text
    assert any("goes down to 4-digit HS headings only: shown as headings, not HS6" in c.value for c in at.caption)
    whose = [c.value for c in at.caption if c.value.startswith("Whose figure: ")]
    assert whose and "Test fixture's complete breakdown at HS4" in whose[0]
