"""The refresh of the Partners page's two series: every economy's remittances (World Bank) and
trade by partner (IMF IMTS), against the loopback stand-in; what they write, and how they fail."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import datasets
from dashboard.refresh import imf
from tests.refresh import imts_replay
from tests.refresh.conftest import IMF_PATH, WORLD_INDICATOR, X, fingerprint, live, real, run


@pytest.fixture(autouse=True)
def no_keys(monkeypatch):
    monkeypatch.delenv(imf.KEY_VARIABLE, raising=False)


def served_world(apis) -> dict[tuple[str, int], float | None]:
    return {(r["countryiso3code"], int(r["date"])): r["value"] for page in apis.world for r in page[1]}


def test_every_economys_remittances_come_in_whole_without_aggregates_or_gaps(apis, data_dir, capsys):
    assert run(apis, data_dir, "worldbank") == 0
    world = datasets.load("wdi_remittances_world_api", live(data_dir))
    aggregates = {r["id"] for page in apis.countries for r in page[1] if r["region"]["value"] == "Aggregates"}
    assert aggregates == {"WLD", "ECS"}  # told apart by the API's region field, not a hand list
    expected = {key: v for key, v in served_world(apis).items() if v is not None and key[0] not in aggregates}
    written = {(r.iso3, int(r.year)): r.value for r in world.itertuples()}
    assert written == expected  # both pages; the aggregates and the null years left out
    assert ("KGZ", 2023) not in written and ("TKM", 2024) not in written  # a gap stays a gap
    assert world.set_index("iso3").at["KGZ", "country"] == "Kyrgyz Republic"
    assert world["flag"].isna().all()  # a new vintage does not inherit the old one's judgement
    source = datasets.load("sources", live(data_dir)).set_index("source_id").loc["wb-wdi-api-world"]
    assert source["published_date"] == apis.world[0][0]["lastupdated"]  # the database's date, not the download's
    assert source["accessed_date"] == pd.Timestamp.today().date().isoformat()
    assert source["licence"].startswith("CC BY 4.0")
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
    assert "TON" not in set(datasets.load("wdi_remittances_world_api", live(data_dir))["iso3"])
    assert "1 rows for codes not in the World Bank's country list left out (TON)" in capsys.readouterr().out


def test_a_broken_world_page_leaves_both_world_bank_files_as_they_were(apis, data_dir, capsys):
    before = fingerprint(live(data_dir))
    apis.world[1][1][0] = {"date": "2024", "value": 1.0}  # no indicator, no country
    assert run(apis, data_dir, "worldbank") == 1
    assert "missing" in capsys.readouterr().out
    assert fingerprint(live(data_dir)) == before  # wdi_api.csv too: the Tajik pull was fine, but all or nothing


def test_a_country_list_without_regions_is_refused(apis, data_dir, capsys):
    before = fingerprint(live(data_dir))
    for page in apis.countries:
        for entry in page[1]:
            del entry["region"]
    assert run(apis, data_dir, "worldbank") == 1
    assert "country list entry: missing" in capsys.readouterr().out
    assert fingerprint(live(data_dir)) == before


def imts(data_dir) -> pd.DataFrame:
    return datasets.load("trade_partners_api", live(data_dir))


def cell(rows: pd.DataFrame, reporter: str, flow: str, partner_label: str, year: int) -> pd.DataFrame:
    return rows[
        (rows["reporter_iso3"] == reporter)
        & (rows["flow"] == flow)
        & (rows["partner_label"] == partner_label)
        & (rows["year"] == year)
    ]


QUERIES = [
    f"{reporter}.{indicator}.*.A"
    for reporter in ("TJK", "KAZ", "KGZ", "UZB", "TKM", "RUS", "CHN")
    for indicator in ("XG_FOB_USD", "MG_CIF_USD")
]

def served(apis, key: str) -> dict:
    """The reply the stand-in gives for a query, as the IMF's server would send it."""
    return imts_replay.reply(imts_replay.matching(apis.imf, key), apis.imf_status_coded)


def test_imf_partner_trade_becomes_the_partners_table_in_us_dollar_millions(apis, data_dir, capsys):
    assert run(apis, data_dir, "imf") == 0
    rows = imts(data_dir)
    # the server's strings in US dollars, to US$ million by hand: "1234567890" is 1,234.56789
    assert cell(rows, "TJK", "exports", "World", 2023)["value_usd_m"].item() == 1234.56789
    assert cell(rows, "TJK", "exports", "Russia", 2023)["value_usd_m"].item() == 150.000001  # to the dollar
    assert cell(rows, "RUS", "exports", "Tajikistan", 2024)["value_usd_m"].item() == 1400.0
    assert set(rows["reporter_iso3"]) == {"TJK", "KAZ", "KGZ", "UZB", "TKM", "RUS", "CHN"}
    # partners by code: ISO 3166 alpha-3 named from CLDR, G001 the world, the IMF's groups left out
    kinds = rows.drop_duplicates("partner_label").set_index("partner_label")
    assert kinds.at["World", "partner_kind"] == "aggregate" and pd.isna(kinds.at["World", "partner_iso3"])
    assert kinds.at["Russia", "partner_kind"] == "country" and kinds.at["Russia", "partner_iso3"] == "RUS"
    assert kinds.at["Türkiye", "partner_iso3"] == "TUR" and kinds.at["Kazakhstan", "partner"] == "Kazakhstan"
    assert not rows["partner_label"].str.fullmatch(r"[A-Z0-9]{3,5}").any()  # never a bare code
    assert {"GX170", "SUN", "ANT"}.isdisjoint(set(rows["partner_label"]) | set(rows["partner"]))
    assert cell(rows, "TJK", "exports", "Russia", 1991).empty  # the USSR's figure is not Russia's
    assert cell(rows, "RUS", "exports", "Türkiye", 2024).empty  # Russia's rows: the five and the world only
    assert cell(rows, "TJK", "exports", "China", 2025).empty  # a null value: a gap stays a gap
    assert len(cell(rows, "TJK", "exports", "China", 2024)) == 1
    # STATUS "E" is the IMF's estimate mark; every other cell is as reported
    estimated = rows[rows["imf_estimate"] == "true"]
    marked = estimated[["reporter_iso3", "flow", "partner", "year"]].itertuples(index=False, name=None)
    assert list(marked) == [("TJK", "imports", "Russia", 2024)]
    # one query per reporter and flow, every partner: single codes and * only
    assert [path.removeprefix(IMF_PATH) for path, _, _ in apis.requests] == QUERIES
    assert all("sdmx.data+json" in headers["Accept"] for _, _, headers in apis.requests)
    source = datasets.load("sources", live(data_dir)).set_index("source_id").loc["imf-imts-api"]
    assert "Source: IMF, International Trade in Goods (by partner country)" in source["licence"]
    assert source["accessed_date"] == pd.Timestamp.today().date().isoformat()
    out = capsys.readouterr().out
    assert "trade_partners_api.csv: 24 rows added" in out
    assert "3 counterpart codes that are not economies today left out (ANT, GX170, SUN)" in out


def test_an_uncoded_status_with_its_text_inline_marks_the_same_estimate(apis, data_dir):
    apis.imf_status_coded = False  # STATUS with no values listed: "E" sits in the observation itself
    assert run(apis, data_dir, "imf") == 0
    estimated = imts(data_dir).query("imf_estimate == 'true'")
    assert list(estimated[["reporter_iso3", "flow", "partner", "year"]].itertuples(index=False, name=None)) == [
        ("TJK", "imports", "Russia", 2024)
    ]


def test_the_real_cpi_reply_is_read_as_the_server_sent_it():
    """The recording itself (recorded/real/), not a copy of it: periods as {value}, codes as {id}
    alone, a coded attribute by position and an uncoded one inline."""
    answer = real("imf_sdmx3_CPI_USA_data.json")
    structure = answer["data"]["structures"][0]
    periods = [imf.code_of(v) for v in structure["dimensions"]["observation"][0]["values"]]
    assert periods == ["2026-M03", "2026-M04"]
    assert [imf.code_of(d["values"][0]) for d in structure["dimensions"]["series"]] == ["USA", "CPI", "_T", "IX", "M"]
    attributes = {a.id: a for a in imf._attributes(structure["attributes"]["observation"])}
    observation = answer["data"]["dataSets"][0]["series"]["0:0:0:0:0"]["observations"]["0"]
    assert observation[0] == "151.4352997287388"  # a string, as the server writes values
    assert attributes["DERIVATION_TYPE"].read(observation[2]) == "O"  # coded: position 0 of its values
    assert attributes["REFERENCE_PERIOD"].read(observation[3]) == "2010A"  # uncoded: the text itself
    assert attributes["STATUS"].codes is None and attributes["STATUS"].read(observation[4]) is None


def test_the_real_empty_reply_is_no_rows_not_an_error():
    empty = imts_replay.empty()
    assert imf.parse(empty, {"TJK"}).rows == []
    assert real("imf_sdmx3_CPI_empty.json")["data"]["dataSets"] == [{"structure": 0, "action": "Replace"}]


def test_a_new_imf_pull_replaces_the_last_one_whole(apis, data_dir, capsys):
    assert run(apis, data_dir, "imf") == 0
    del apis.imf[("TJK", X, "G001")]  # the IMF withdraws Tajikistan's exports to the world
    capsys.readouterr()
    assert run(apis, data_dir, "imf") == 0
    assert cell(imts(data_dir), "TJK", "exports", "World", 2023).empty
    assert "0 rows added, 0 changed, 2 removed" in capsys.readouterr().out


def test_a_dimension_given_once_for_the_data_set_is_read_as_documented(apis, data_dir):
    assert run(apis, data_dir, "imf") == 0
    expected = imts(data_dir)
    replies = []
    for key in QUERIES:  # FREQUENCY (one value, "A") moved out of every series key
        reply = served(apis, key)
        if "series" not in reply["data"]["dataSets"][0]:
            replies.append(("json", reply))  # nothing matched: the empty reply as it is
            continue
        dimensions = reply["data"]["structures"][0]["dimensions"]
        dimensions["dataSet"] = [dimensions["series"].pop()]
        for dataset in reply["data"]["dataSets"]:
            dataset["series"] = {k.rsplit(":", 1)[0]: v for k, v in dataset.get("series", {}).items()}
        replies.append(("json", reply))
    apis.script = replies
    assert run(apis, data_dir, "imf") == 0
    pd.testing.assert_frame_equal(imts(data_dir), expected)


def test_a_reply_without_a_status_marks_no_estimate_and_says_so(apis, data_dir, capsys):
    replies = []
    for key in QUERIES:
        reply = served(apis, key)
        reply["data"]["structures"][0]["attributes"]["observation"] = []
        for series in reply["data"]["dataSets"][0].get("series", {}).values():
            series["observations"] = {t: obs[:1] for t, obs in series["observations"].items()}
        replies.append(("json", reply))
    apis.script = replies
    assert run(apis, data_dir, "imf") == 0
    assert set(imts(data_dir)["imf_estimate"]) == {"false"}
    assert "declare no STATUS: no cell marked an estimate (not known)" in capsys.readouterr().out


def malformed(apis) -> dict:
    reply = served(apis, QUERIES[0])
    return {**reply, "data": {**reply["data"], "dataSets": [["not", "an", "object"]]}}


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (lambda apis: ("body", b"<html>Service Unavailable</html>"), "not JSON"),
        (lambda apis: ("json", {"errors": [{"code": 404, "title": "No results"}]}), "not an SDMX-JSON data message"),
        (lambda apis: ("json", {"data": {"dataSets": []}}), "no structure"),
        (lambda apis: ("json", malformed(apis)), "malformed"),
        (lambda apis: ("status", 404), "HTTP 404"),
    ],
)
def test_a_malformed_imf_reply_leaves_data_untouched(apis, data_dir, capsys, reply, message):
    before = fingerprint(live(data_dir))
    apis.script = [reply(apis)]
    assert run(apis, data_dir, "imf") == 1
    assert message in capsys.readouterr().out
    assert fingerprint(live(data_dir)) == before


def test_an_imf_series_key_outside_its_dimensions_is_refused(apis, data_dir, capsys):
    before = fingerprint(live(data_dir))
    reply = served(apis, QUERIES[0])
    series = reply["data"]["dataSets"][0]["series"]
    series["9:0:0:0"] = series.pop(next(iter(series)))
    apis.script = [("json", reply)]
    assert run(apis, data_dir, "imf") == 1
    assert "unexpected IMF series key '9:0:0:0'" in capsys.readouterr().out
    assert fingerprint(live(data_dir)) == before


def test_an_imf_server_error_is_retried_then_leaves_data_untouched(apis, data_dir, capsys):
    before = fingerprint(live(data_dir))
    apis.script = [("status", 503)] * 3
    sleeps: list[float] = []
    assert run(apis, data_dir, "imf", sleeps=sleeps) == 1
    assert sleeps == [2.0, 4.0]
    assert "HTTP 503" in capsys.readouterr().out
    assert fingerprint(live(data_dir)) == before


def test_a_negative_imf_value_is_refused(apis, data_dir, capsys):
    before = fingerprint(live(data_dir))
    apis.imf[("TJK", X, "G001")]["2023"] = ("-5", None)
    assert run(apis, data_dir, "imf") == 1
    assert "unexpected IMF value for 2023: '-5'" in capsys.readouterr().out
    assert fingerprint(live(data_dir)) == before


def test_the_subscription_key_goes_in_the_header_when_set(apis, data_dir, monkeypatch):
    monkeypatch.setenv(imf.KEY_VARIABLE, "imf-test-key")
    assert run(apis, data_dir, "imf") == 0
    assert {headers.get("Ocp-Apim-Subscription-Key") for _, _, headers in apis.requests} == {"imf-test-key"}
