"""The refresh of the Partners page's two series: every economy's remittances (World Bank) and
trade by partner (IMF IMTS), against the loopback stand-in; what they write, and how they fail."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import datasets
from dashboard.refresh import imf
from tests.refresh.conftest import IMF_PATH, WORLD_INDICATOR, fingerprint, recorded, run

REPLY = recorded("imf_imts.json")["RUS+CHN.XG_FOB_USD+MG_CIF_USD.TJK+KAZ+KGZ+UZB+TKM+G001.A"]


@pytest.fixture(autouse=True)
def no_keys(monkeypatch):
    monkeypatch.delenv(imf.KEY_VARIABLE, raising=False)


def served_world(apis) -> dict[tuple[str, int], float | None]:
    return {(r["countryiso3code"], int(r["date"])): r["value"] for page in apis.world for r in page[1]}


def test_every_economys_remittances_come_in_whole_without_aggregates_or_gaps(apis, data_dir, capsys):
    assert run(apis, data_dir, "worldbank") == 0
    world = datasets.load("wdi_remittances_world_api", data_dir)
    aggregates = {r["id"] for page in apis.countries for r in page[1] if r["region"]["value"] == "Aggregates"}
    assert aggregates == {"WLD", "ECS"}  # told apart by the API's region field, not a hand list
    expected = {key: v for key, v in served_world(apis).items() if v is not None and key[0] not in aggregates}
    written = {(r.iso3, int(r.year)): r.value for r in world.itertuples()}
    assert written == expected  # both pages; the aggregates and the null years left out
    assert ("KGZ", 2023) not in written and ("TKM", 2024) not in written  # a gap stays a gap
    assert world.set_index("iso3").at["KGZ", "country"] == "Kyrgyz Republic"
    assert world["flag"].isna().all()  # a new vintage does not inherit the old one's judgement
    source = datasets.load("sources", data_dir).set_index("source_id").loc["wb-wdi-api-world"]
    assert source["published_date"] == pd.Timestamp.today().date().isoformat()
    assert source["licence"].startswith("CC BY 4.0") and "accessed" in source["title"]
    # one paged query for all economies, and the country list paged too
    asked = [(path, q["page"]) for path, q, _ in apis.requests if not path.startswith("/v2/country/TJK/")]
    assert asked == [
        ("/v2/country", "1"),
        ("/v2/country", "2"),
        (f"/v2/country/all/indicator/{WORLD_INDICATOR}", "1"),
        (f"/v2/country/all/indicator/{WORLD_INDICATOR}", "2"),
    ]
    assert "wdi_remittances_world_api.csv: 8 rows added" in capsys.readouterr().out


def test_a_code_missing_from_the_country_list_is_left_out_and_said(apis, data_dir, capsys):
    apis.countries[1][1] = [c for c in apis.countries[1][1] if c["id"] != "TON"]
    assert run(apis, data_dir, "worldbank") == 0
    assert "TON" not in set(datasets.load("wdi_remittances_world_api", data_dir)["iso3"])
    assert "1 rows for codes not in the World Bank's country list left out (TON)" in capsys.readouterr().out


def test_a_broken_world_page_leaves_both_world_bank_files_as_they_were(apis, data_dir, capsys):
    before = fingerprint(data_dir)
    apis.world[1][1][0] = {"date": "2024", "value": 1.0}  # no indicator, no country
    assert run(apis, data_dir, "worldbank") == 1
    assert "missing" in capsys.readouterr().out
    assert fingerprint(data_dir) == before  # wdi_api.csv too: the Tajik pull was fine, but all or nothing


def test_a_country_list_without_regions_is_refused(apis, data_dir, capsys):
    before = fingerprint(data_dir)
    for page in apis.countries:
        for entry in page[1]:
            del entry["region"]
    assert run(apis, data_dir, "worldbank") == 1
    assert "country list entry: missing" in capsys.readouterr().out
    assert fingerprint(data_dir) == before


def imts(data_dir) -> pd.DataFrame:
    return datasets.load("trade_partners_api", data_dir)


def cell(rows: pd.DataFrame, reporter: str, flow: str, partner_label: str, year: int) -> pd.DataFrame:
    return rows[
        (rows["reporter_iso3"] == reporter)
        & (rows["flow"] == flow)
        & (rows["partner_label"] == partner_label)
        & (rows["year"] == year)
    ]


def test_imf_partner_trade_becomes_the_partners_table_in_us_dollar_millions(apis, data_dir, capsys):
    assert run(apis, data_dir, "imf") == 0
    rows = imts(data_dir)
    reply = apis.imf["TJK+KAZ+KGZ+UZB+TKM.XG_FOB_USD+MG_CIF_USD..A"]
    series = reply["data"]["dataSets"][0]["series"]["0:0:0:0"]  # TJK exports to G001 (World)
    world_2023 = float(series["observations"]["0"][0])
    assert cell(rows, "TJK", "exports", "World", 2023)["value_usd_m"].item() == pytest.approx(world_2023 / 1e6)
    assert set(rows["reporter_iso3"]) == {"TJK", "KAZ", "KGZ", "UZB", "TKM", "RUS", "CHN"}
    assert set(rows.loc[rows["reporter_iso3"].isin(["RUS", "CHN"]), "partner_label"]) == {
        "World",
        "Tajikistan, Rep. of",
        "Kazakhstan, Rep. of",
        "Kyrgyz Rep.",
        "Uzbekistan, Rep. of",
        "Turkmenistan",
    }
    kinds = rows.drop_duplicates("partner_label").set_index("partner_label")
    # the codelist: alpha-3 codes are economies, the IMF's group codes are aggregates
    assert kinds.at["World", "partner_kind"] == "aggregate"
    assert kinds.at["Emerging and Developing Europe", "partner_kind"] == "aggregate"
    assert kinds.at["Russian Federation", "partner_kind"] == "country"
    assert (
        kinds.at["Russian Federation", "partner"] == "Russia"
        and kinds.at["Russian Federation", "partner_iso3"] == "RUS"
    )
    assert kinds.at["Türkiye, Rep. of", "partner_iso3"] == "TUR"
    assert cell(rows, "TJK", "exports", "China, P.R.: Mainland", 2025).empty  # a null value: a gap stays a gap
    assert len(cell(rows, "TJK", "exports", "China, P.R.: Mainland", 2024)) == 1
    # OBS_STATUS "E" is the IMF's estimate mark; every other cell is as reported
    estimated = rows[rows["imf_estimate"] == "true"]
    marked = estimated[["reporter_iso3", "flow", "partner", "year"]].itertuples(index=False, name=None)
    assert list(marked) == [("TJK", "imports", "Russia", 2024)]
    # one SDMX-JSON query per reporter group, asking for JSON in the documented key order
    paths = [path for path, _, _ in apis.requests]
    assert paths == [
        f"{IMF_PATH}TJK+KAZ+KGZ+UZB+TKM.XG_FOB_USD+MG_CIF_USD..A",
        f"{IMF_PATH}RUS+CHN.XG_FOB_USD+MG_CIF_USD.TJK+KAZ+KGZ+UZB+TKM+G001.A",
    ]
    assert all("sdmx.data+json" in headers["Accept"] for _, _, headers in apis.requests)
    source = datasets.load("sources", data_dir).set_index("source_id").loc["imf-imts-api"]
    assert "Source: IMF, International Trade in Goods (by partner country)" in source["licence"]
    assert source["published_date"] == pd.Timestamp.today().date().isoformat()
    assert "trade_partners_api.csv" in capsys.readouterr().out


def test_a_new_imf_pull_replaces_the_last_one_whole(apis, data_dir, capsys):
    assert run(apis, data_dir, "imf") == 0
    series = apis.imf["TJK+KAZ+KGZ+UZB+TKM.XG_FOB_USD+MG_CIF_USD..A"]["data"]["dataSets"][0]["series"]
    del series["0:0:0:0"]  # the IMF withdraws Tajikistan's exports to the world
    capsys.readouterr()
    assert run(apis, data_dir, "imf") == 0
    assert cell(imts(data_dir), "TJK", "exports", "World", 2023).empty
    assert "0 rows added, 0 changed, 3 removed" in capsys.readouterr().out


def test_a_dimension_given_once_for_the_data_set_is_read_as_documented(apis, data_dir):
    assert run(apis, data_dir, "imf") == 0
    expected = imts(data_dir)
    for reply in apis.imf.values():  # FREQUENCY (one value, "A") moved out of every series key
        dimensions = reply["data"]["structures"][0]["dimensions"]
        dimensions["dataSet"] = [dimensions["series"].pop()]
        for dataset in reply["data"]["dataSets"]:
            dataset["series"] = {k.rsplit(":", 1)[0]: v for k, v in dataset["series"].items()}
    assert run(apis, data_dir, "imf") == 0
    pd.testing.assert_frame_equal(imts(data_dir), expected)


def test_a_reply_without_an_observation_status_marks_no_estimate_and_says_so(apis, data_dir, capsys):
    for reply in apis.imf.values():
        reply["data"]["structures"][0]["attributes"]["observation"] = []
        for series in reply["data"]["dataSets"][0]["series"].values():
            series["observations"] = {t: obs[:1] for t, obs in series["observations"].items()}
    assert run(apis, data_dir, "imf") == 0
    assert set(imts(data_dir)["imf_estimate"]) == {"false"}
    assert "declares no OBS_STATUS" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (("body", b"<html>Service Unavailable</html>"), "not JSON"),
        (("json", {"errors": [{"code": 404, "title": "No results"}]}), "not an SDMX-JSON data message"),
        (("json", {"data": {"dataSets": []}}), "no structure"),
        (("json", {**REPLY, "data": {**REPLY["data"], "dataSets": [["not", "an", "object"]]}}), "malformed"),
        (("status", 404), "HTTP 404"),
    ],
)
def test_a_malformed_imf_reply_leaves_data_untouched(apis, data_dir, capsys, reply, message):
    before = fingerprint(data_dir)
    apis.script = [reply]
    assert run(apis, data_dir, "imf") == 1
    assert message in capsys.readouterr().out
    assert fingerprint(data_dir) == before


def test_an_imf_series_key_outside_its_dimensions_is_refused(apis, data_dir, capsys):
    before = fingerprint(data_dir)
    series = apis.imf["TJK+KAZ+KGZ+UZB+TKM.XG_FOB_USD+MG_CIF_USD..A"]["data"]["dataSets"][0]["series"]
    series["9:0:0:0"] = series.pop("0:0:0:0")
    assert run(apis, data_dir, "imf") == 1
    assert "unexpected IMF series key '9:0:0:0'" in capsys.readouterr().out
    assert fingerprint(data_dir) == before


def test_an_imf_server_error_is_retried_then_leaves_data_untouched(apis, data_dir, capsys):
    before = fingerprint(data_dir)
    apis.script = [("status", 503)] * 3
    sleeps: list[float] = []
    assert run(apis, data_dir, "imf", sleeps=sleeps) == 1
    assert sleeps == [2.0, 4.0]
    assert "HTTP 503" in capsys.readouterr().out
    assert fingerprint(data_dir) == before


def test_a_negative_imf_value_is_refused(apis, data_dir, capsys):
    before = fingerprint(data_dir)
    series = apis.imf["TJK+KAZ+KGZ+UZB+TKM.XG_FOB_USD+MG_CIF_USD..A"]["data"]["dataSets"][0]["series"]
    series["0:0:0:0"]["observations"]["0"][0] = "-5"
    assert run(apis, data_dir, "imf") == 1
    assert "unexpected IMF value" in capsys.readouterr().out
    assert fingerprint(data_dir) == before


def test_the_subscription_key_goes_in_the_header_when_set(apis, data_dir, monkeypatch):
    monkeypatch.setenv(imf.KEY_VARIABLE, "imf-test-key")
    assert run(apis, data_dir, "imf") == 0
    assert {headers.get("Ocp-Apim-Subscription-Key") for _, _, headers in apis.requests} == {"imf-test-key"}
