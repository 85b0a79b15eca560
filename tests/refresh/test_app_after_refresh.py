"""The dashboard after a refresh: the views gain the refreshed series, cited and licensed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import datasets
from dashboard.refresh import comtrade
from tests.app.conftest import APP, PAGES, caption_paragraphs, chart_frames
from tests.refresh.conftest import live, run


@pytest.fixture
def refreshed(apis, data_dir, monkeypatch) -> Path:
    monkeypatch.delenv(comtrade.KEY_VARIABLE, raising=False)
    code = run(apis, data_dir, "all")
    assert code == 0
    monkeypatch.setenv("RT_DATA_DIR", str(data_dir))
    return data_dir


def open_page(page: str) -> AppTest:
    return AppTest.from_file(APP, default_timeout=60).switch_page(PAGES[page]).run()


def test_the_trade_view_gains_each_reporters_comtrade_totals(refreshed):
    at = open_page("trade")
    assert not at.exception
    written = datasets.load("trade_comtrade", live(refreshed))
    for frame, reporter, label in (
        (chart_frames(at)[0], "un_comtrade_rus", "Russia (UN Comtrade)"),
        (chart_frames(at)[1], "un_comtrade_tjk", "Tajikistan (UN Comtrade)"),
    ):
        totals = written[(written["reporter"] == reporter) & (written["flow"] == "total")]
        expected = dict(zip(totals["period_start"].str[:4].astype(int), totals["value_usd_m"] / 1000, strict=True))
        shown = frame[(frame["label"] == label) & (frame["measure"] == "total")]
        assert dict(zip(shown["year"].astype(int), shown["value"], strict=True)) == pytest.approx(expected)
    captions = " ".join(c.value for c in at.caption)
    assert "UN Comtrade (API)" in captions
    assert "left out of the CSV" in captions  # Comtrade's terms: shown and cited, never downloaded


def test_the_sources_page_offers_no_download_of_comtrade_figures(refreshed):
    at = open_page("sources")
    assert not at.exception
    labels = [b.label for b in at.get("download_button")]
    assert "Download trade_comtrade.csv" not in labels
    assert "Download wdi_api.csv" in labels  # World Bank data is CC BY 4.0: downloadable, cited
    assert "Download wdi_remittances_world_api.csv" in labels
    assert "Download trade_partners_api.csv" in labels  # the IMF allows redistribution with attribution
    assert any(c.value.startswith("Not offered for download") for c in at.caption)
    today = datasets.load("sources", live(refreshed)).set_index("source_id").at["wb-wdi-api", "published_date"]
    assert any(e.label.endswith(f"data as of {today}") for e in at.expander)


def test_the_remittances_view_uses_the_refreshed_world_bank_edition_whole(refreshed):
    at = open_page("remittances")
    assert not at.exception
    wdi = datasets.load("wdi_api", live(refreshed))
    share = wdi[wdi["indicator"] == "BX.TRF.PWKR.DT.GD.ZS"].sort_values("year").iloc[-1]
    card = next(m for m in at.metric if m.label.startswith("Remittances, % of GDP"))
    assert card.label.endswith(str(int(share["year"])))
    assert card.value == f"{share['value']:.1f}%"
    # one edition, never mixed: the World Bank line is the refreshed edition's years and values only
    accessed = pd.Timestamp(
        datasets.load("sources", live(refreshed)).set_index("source_id").at["wb-wdi-api", "published_date"]
    )
    drawn = chart_frames(at)[1]
    line = drawn[drawn["series"] == f"World Bank WDI ({accessed:%b %Y})"]
    expected = wdi[wdi["indicator"] == "BX.TRF.PWKR.DT.GD.ZS"].set_index("year")["value"]
    assert dict(zip(line["year"].astype(int), line["value"], strict=True)) == expected.to_dict()


def test_the_partners_page_shows_the_refreshed_imf_edition_whole_and_names_it(refreshed):
    at = open_page("partners")
    assert not at.exception
    imts = datasets.load("trade_partners_api", live(refreshed))
    last = int(imts["year"].max())
    accessed = datasets.load("sources", live(refreshed)).set_index("source_id").at["imf-imts-api", "published_date"]
    captions = " ".join(c.value for c in at.caption)
    assert (
        f"International Trade in Goods by partner country (IMTS), as read from the IMF's API on {accessed}" in captions
    )
    assert f"{int(imts['year'].min())}–{last}" in captions
    assert "Direction of Trade" not in captions and "1992" not in captions  # never mixed with the DOTS file
    assert any(m.label == f"Russia among Tajikistan's partners, {last}" for m in at.metric)
    # the shares drawn are the refreshed edition's years only, and Russia's match its cells
    shares = chart_frames(at)[0]
    assert set(shares["year"].astype(int)) <= set(imts["year"])
    tajik = imts[(imts["reporter_iso3"] == "TJK") & (imts["year"] == last)]
    world = tajik[tajik["partner_label"] == "World"]["value_usd_m"].sum()
    russia = tajik[tajik["partner"] == "Russia"]["value_usd_m"].sum()
    drawn = shares[(shares["series"] == "Russia") & (shares["year"] == last)]["share_pct"].item()
    assert drawn == pytest.approx(russia / world * 100)


def test_the_partners_page_ranks_remittances_on_the_refreshed_world_bank_edition(refreshed):
    at = open_page("partners")
    world = datasets.load("wdi_remittances_world_api", live(refreshed))
    year = int(world.loc[world["iso3"] == "TJK", "year"].max())
    that_year = world[world["year"] == year].sort_values("value", ascending=False)
    rank = list(that_year["iso3"]).index("TJK") + 1
    card = next(m for m in at.metric if m.label.startswith("Remittances, % of GDP: Tajikistan's rank"))
    assert card.label.endswith(str(year))
    assert card.value.endswith(f"of {len(that_year)}") and card.value.startswith(str(rank))


def test_sources_and_data_says_how_current_each_refreshed_file_is_and_why_a_try_failed(refreshed, apis, capsys):
    apis.script = [("status", 503)] * 3
    assert run(apis, refreshed, "imf") == 1  # the IMF's next try fails: the page says so and why
    at = open_page("sources")
    assert not at.exception
    captions = caption_paragraphs(at)
    updated = apis.worldbank["BX.TRF.PWKR.CD.DT"][0][0]["lastupdated"]
    today = pd.Timestamp.today().date().isoformat()
    assert any(
        c.startswith("**How current:** Data to 2025.") and f"WDI database updated {updated}, accessed {today}" in c
        for c in captions
    )
    warnings = [w.value for w in at.warning]
    assert any("failed: 127.0.0.1" in w and "HTTP 503" in w and "previous edition's" in w for w in warnings)
    assert any(c.startswith("Last refreshed ") for c in captions)  # the World Bank's try went through


def test_each_charts_sources_line_names_the_refreshed_edition_and_its_last_year(refreshed, apis):
    at = open_page("remittances")
    assert not at.exception
    updated = apis.worldbank["BX.TRF.PWKR.CD.DT"][0][0]["lastupdated"]
    captions = " ".join(c.value for c in at.caption)
    assert "World Bank (WDI API) ([link](" in captions
    assert f"WDI database updated {updated}, accessed {pd.Timestamp.today().date().isoformat()}, to 2025" in captions
