"""The refresh's readers against replies recorded from the live services (recorded/real/, with
where each was recorded in its README), not replies written to fit them. Expected values are the
recordings' own, read here with nothing but json."""

from __future__ import annotations

import pytest

from dashboard.refresh import comtrade, worldbank
from tests.refresh.conftest import live, real, run


def test_a_world_bank_page_as_served_gives_every_non_null_value():
    meta, rows = worldbank.parse_page(real("worldbank_indicator_JPN-USA_full.json"), "GDP")
    assert meta["pages"] == 3 and meta["lastupdated"] == "2021-05-25"
    found = worldbank.observations(rows, "NY.GDP.MKTP.CD", None)
    recorded = [r for r in rows if r["value"] is not None]
    assert rows[0]["value"] is None and len(found) == len(recorded) == len(rows) - 1  # 2020 for Japan: a gap
    assert [(f["iso3"], f["year"], f["value"]) for f in found] == [
        (r["countryiso3code"], int(r["date"]), float(r["value"])) for r in recorded
    ]


def test_a_world_bank_page_whose_per_page_is_text_is_read():
    meta, rows = worldbank.parse_page(real("worldbank_indicator_JPN-USA_page1_of_2.json"), "GDP")
    assert meta["pages"] == 2 and len(rows) == 2


def test_an_unknown_indicator_is_a_refusal_sent_with_http_200():
    said = real("worldbank_error_120.json")[0]["message"][0]["value"]
    with pytest.raises(worldbank.ResponseError) as refused:
        worldbank.parse_page(real("worldbank_error_120.json"), "GDP")
    assert str(refused.value) == f"the World Bank refused GDP: {said}"


def test_aggregates_come_from_the_country_lists_region_even_with_a_trailing_space():
    meta, listed = worldbank.parse_page(real("worldbank_countries_page1.json"), "the country list")
    assert meta["per_page"] == "2"  # text, not a number, as served
    assert [r["region"]["value"] for r in listed] == ["Latin America & Caribbean ", "South Asia"]
    assert worldbank.split_regions(listed) == ({"ABW", "AFG"}, set())
    euu = real("worldbank_country_EUU_aggregate.json")[1][0]
    assert euu["region"] == {"id": "NA", "iso2code": "NA", "value": "Aggregates"}


def test_the_all_economies_page_starts_with_aggregates_and_reads_whole():
    meta, rows = worldbank.parse_page(real("worldbank_indicator_all_page1.json"), "all")
    found = worldbank.observations(rows, "NY.GDP.MKTP.CD", None)
    assert rows[0]["countryiso3code"] == "ARB" and int(meta["pages"]) == 323
    assert len(found) == sum(r["value"] is not None for r in rows)


def test_a_keyed_comtrade_reply_as_served_gives_its_primary_values():
    answer = real("comtrade_data_v1_get_CHN_2010.json")
    records = comtrade.parse(answer, 156, frozenset({32, 276}))
    assert [(r["year"], r["partner"], r["flow"], r["value"]) for r in records] == [
        (row["refYear"], row["partnerCode"], row["flowCode"], row["primaryValue"]) for row in answer["data"]
    ]


def test_an_empty_comtrade_reply_is_no_records():
    assert comtrade.parse(real("comtrade_empty.json"), 643) == []


def test_a_refused_key_shows_what_comtrade_said(apis, data_dir, capsys, monkeypatch):
    bodies = real("comtrade_error_bodies_reconstructed.json")
    monkeypatch.setenv(comtrade.KEY_VARIABLE, "expired-key")
    apis.script = [("refusal", (401, bodies["http_401"]))]
    assert run(apis, data_dir, "comtrade") == 1
    out = capsys.readouterr().out
    assert "HTTP 401" in out and "Access denied due to invalid subscription key" in out
    assert live(data_dir) == data_dir  # no edition made


def test_a_rate_limit_body_is_retried_like_the_status(apis, data_dir, monkeypatch):
    bodies = real("comtrade_error_bodies_reconstructed.json")
    monkeypatch.delenv(comtrade.KEY_VARIABLE, raising=False)
    apis.script = [("refusal", (429, bodies["http_429"]))]
    sleeps: list[float] = []
    assert run(apis, data_dir, "comtrade", sleeps=sleeps) == 0
    assert sleeps == [2.0]
