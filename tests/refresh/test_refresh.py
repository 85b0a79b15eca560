"""The refresh command against a loopback stand-in for the APIs: what it writes, and how it fails."""

from __future__ import annotations

import fcntl
import os

import pandas as pd
import pytest

from dashboard import datasets
from dashboard.refresh import comtrade
from dashboard.refresh.__main__ import main
from tests.refresh.conftest import fingerprint, live, run


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv(comtrade.KEY_VARIABLE, raising=False)


def test_world_bank_pages_become_the_wdi_table_with_a_cited_source(apis, data_dir, capsys):
    assert run(apis, data_dir, "worldbank") == 0
    wdi = datasets.load("wdi_api", live(data_dir))
    served = apis.worldbank["BX.TRF.PWKR.CD.DT"]
    expected = {int(r["date"]): r["value"] for page in served for r in page[1] if r["value"] is not None}
    remittances = wdi[wdi["indicator"] == "BX.TRF.PWKR.CD.DT"].set_index("year")["value"].to_dict()
    assert remittances == expected  # both pages, and the null year left out: a gap stays a gap
    assert len(wdi) == 4 * len(expected)
    source = datasets.load("sources", live(data_dir)).set_index("source_id").loc["wb-wdi-api"]
    assert source["licence"].startswith("CC BY 4.0")
    updated = served[0][0]["lastupdated"]  # the database's own date, from the pages' metadata
    assert source["published_date"] == updated and source["edition"] == f"WDI database updated {updated}"
    assert source["accessed_date"] == pd.Timestamp.today().date().isoformat()
    # every indicator asked page by page
    pages = [(path.rsplit("/", 1)[1], q["page"]) for path, q, _ in apis.requests if path.startswith("/v2/country/TJK/")]
    assert ("SP.POP.TOTL", "2") in pages and len(pages) == 8
    out = capsys.readouterr().out
    assert "wdi_api.csv: 12 rows added, 0 changed" in out


def test_a_second_run_changes_nothing_and_curated_files_are_never_touched(apis, data_dir, capsys):
    curated = fingerprint(data_dir)
    assert run(apis, data_dir, "all") == 0
    first = fingerprint(live(data_dir))
    capsys.readouterr()
    assert run(apis, data_dir, "all") == 0
    summary = capsys.readouterr().out.split("Summary")[-1]
    refreshed = ("wdi_api.csv", "wdi_remittances_world_api.csv", "trade_comtrade.csv", "trade_partners_api.csv")
    assert summary.count("0 rows added, 0 changed, 0 removed") == len(refreshed)
    assert {f: h for f, h in fingerprint(live(data_dir)).items() if f in refreshed} == {f: first[f] for f in refreshed}
    assert fingerprint(data_dir) == curated  # the curated folder, untouched by either run
    assert "wdi.csv" not in fingerprint(live(data_dir))  # the edition holds only what the refresh wrote


def test_a_value_the_source_withdraws_goes_rather_than_being_cited_as_the_new_edition(apis, data_dir, capsys):
    assert run(apis, data_dir, "all") == 0
    for pages in apis.worldbank.values():
        pages[0][1][1]["value"] = None  # the latest year with a value: withdrawn in the next edition
    withdrawn_year = int(apis.worldbank["SP.POP.TOTL"][0][1][1]["date"])
    apis.comtrade["RUS_TOTAL"]["data"] = [r for r in apis.comtrade["RUS_TOTAL"]["data"] if r["refYear"] != 2022]
    capsys.readouterr()
    assert run(apis, data_dir, "all") == 0
    wdi = datasets.load("wdi_api", live(data_dir))
    assert withdrawn_year not in set(wdi["year"])
    trade = datasets.load("trade_comtrade", live(data_dir))
    russia_2022 = trade[(trade["reporter"] == "un_comtrade_rus") & trade["period_start"].str.startswith("2022")]
    assert russia_2022.empty  # its flows and their sum, all gone
    out = capsys.readouterr().out
    assert "wdi_api.csv: 0 rows added, 0 changed, 4 removed" in out
    assert "trade_comtrade.csv: 0 rows added, 0 changed, 3 removed" in out


def test_a_refresh_outside_the_years_asked_keeps_the_other_years(apis, data_dir):
    assert run(apis, data_dir, "comtrade") == 0
    before = datasets.load("trade_comtrade", live(data_dir))
    code = main(
        ["comtrade", "--data-dir", str(data_dir), "--comtrade-url", apis.url, "--years", "2022-2022"],
        sleep=lambda s: None,
    )
    assert code == 0
    after = datasets.load("trade_comtrade", live(data_dir))
    assert set(after["figure_id"]) == set(before["figure_id"])  # 2021 untouched, 2022 replaced by itself


def test_a_second_refresh_refuses_before_fetching_while_one_writes(apis, data_dir, capsys):
    root = datasets.editions_root(data_dir)
    root.mkdir()
    held = os.open(root / ".lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(held, fcntl.LOCK_EX)  # another refresh is running
    try:
        before = fingerprint(live(data_dir))
        assert run(apis, data_dir, "worldbank") == 1
        assert f"another refresh is writing {root}" in capsys.readouterr().err
        assert apis.requests == []  # refused before asking anything
        assert fingerprint(live(data_dir)) == before
    finally:
        os.close(held)


def test_comtrade_preview_gives_both_reporters_flows_and_their_sum(apis, data_dir, capsys):
    assert run(apis, data_dir, "comtrade") == 0
    rows = datasets.load("trade_comtrade", live(data_dir)).set_index("figure_id")
    served = apis.comtrade["RUS_TOTAL"]["data"]
    exports_2022 = next(r["primaryValue"] for r in served if r["refYear"] == 2022 and r["flowCode"] == "X")
    imports_2022 = next(r["primaryValue"] for r in served if r["refYear"] == 2022 and r["flowCode"] == "M")
    assert rows.at["CT-RUS-2022-rutotj", "value_usd_m"] == exports_2022 / 1e6
    assert rows.at["CT-RUS-2022-tjtoru", "value_usd_m"] == imports_2022 / 1e6
    assert rows.at["CT-RUS-2022-total", "value_usd_m"] == (exports_2022 + imports_2022) / 1e6
    assert set(rows["reporter"]) == {"un_comtrade_rus", "un_comtrade_tjk"}
    assert set(rows.loc[rows["reporter"] == "un_comtrade_tjk", "basis"]) == {"tajikistan"}
    # the preview, without a key: no key header, no HS4 query, and the summary says so
    assert all(path.startswith("/public/") and "Ocp-Apim-Subscription-Key" not in h for path, _, h in apis.requests)
    assert {q["cmdCode"] for _, q, _ in apis.requests} == {"TOTAL"}
    out = capsys.readouterr().out
    assert "public preview" in out and "HS4 products skipped" in out
    assert datasets.load("comtrade_products", live(data_dir)).empty
    licence = datasets.load("sources", live(data_dir)).set_index("source_id").at["un-comtrade-api", "licence"]
    assert licence.startswith("Not redistributable")


def test_with_a_key_comtrade_adds_hs4_headings_marked_complete_only_when_they_add_up(apis, data_dir, monkeypatch):
    monkeypatch.setenv(comtrade.KEY_VARIABLE, "test-key")
    assert run(apis, data_dir, "comtrade") == 0
    assert all(path == "/data/v1/get/C/A/HS" for path, _, _ in apis.requests)
    assert {h.get("Ocp-Apim-Subscription-Key") for _, _, h in apis.requests} == {"test-key"}
    products = datasets.load("comtrade_products", live(data_dir))
    exports = products[products["direction"] == "ru_to_tj"]
    served = [r for r in apis.comtrade["RUS_AG4"]["data"] if r["flowCode"] == "X"]
    assert sorted(exports["hs4"]) == sorted(r["cmdCode"] for r in served)
    total = next(
        r["primaryValue"] for r in apis.comtrade["RUS_TOTAL"]["data"] if (r["refYear"], r["flowCode"]) == (2022, "X")
    )
    assert (exports["complete"] == "true").all() == (
        abs(sum(r["primaryValue"] for r in served) - total) <= 0.01 * total
    )
    imports = products[products["direction"] == "tj_to_ru"]
    assert (imports["complete"] == "false").all()  # 90 of 120 reported: values, never shares


def test_without_a_network_the_run_fails_cleanly(data_dir, capsys):
    before = fingerprint(live(data_dir))
    code = main(
        [
            "all",
            "--data-dir",
            str(data_dir),
            "--worldbank-url",
            "http://127.0.0.1:9/v2",
            "--comtrade-url",
            "http://127.0.0.1:9",
            "--imf-url",
            "http://127.0.0.1:9",
            "--retries",
            "1",
            "--timeout",
            "1",
        ],
        sleep=lambda s: None,
    )
    assert code == 1
    out = capsys.readouterr().out
    assert out.count("FAILED") == 3 and "cannot reach 127.0.0.1:9" in out
    assert fingerprint(live(data_dir)) == before


def test_a_timeout_is_retried_then_reported(apis, data_dir, capsys):
    before = fingerprint(live(data_dir))
    apis.script = [("sleep", 3.0)] * 3
    assert run(apis, data_dir, "worldbank") == 1
    assert "timed out" in capsys.readouterr().out
    assert fingerprint(live(data_dir)) == before


def test_rate_limits_and_server_errors_are_retried_with_backoff(apis, data_dir):
    apis.script = [("limited", 0), ("status", 503)]
    sleeps: list[float] = []
    assert run(apis, data_dir, "comtrade", sleeps=sleeps) == 0
    assert sleeps == [0.0, 4.0]  # Retry-After: 0 honoured, then the doubled backoff (2 s, 4 s, ...)
    assert not datasets.load("trade_comtrade", live(data_dir)).empty


def test_a_server_that_keeps_failing_gives_up_and_keeps_the_data(apis, data_dir, capsys):
    before = fingerprint(live(data_dir))
    apis.script = [("status", 500)] * 3
    assert run(apis, data_dir, "worldbank") == 1
    assert "HTTP 500" in capsys.readouterr().out
    assert fingerprint(live(data_dir)) == before


@pytest.mark.parametrize(
    ("source", "reply", "message"),
    [
        ("worldbank", ("body", b"<html>Service Unavailable</html>"), "not JSON"),
        ("comtrade", ("body", b'{"data": [ {"refYear": 20'), "not JSON"),
        ("worldbank", ("json", {"page": 1}), "envelope"),
        ("worldbank", ("json", [{"pages": 1}, [{"date": "2024", "value": 1.0}]]), "missing"),
        ("comtrade", ("json", {"count": 1, "data": [{"refYear": 2022, "reporterCode": 643}]}), "missing"),
        ("comtrade", ("json", {"results": []}), "no 'data' list"),
        (
            "worldbank",
            ("json", [{"message": [{"id": "120", "value": "The provided parameter value is not valid"}]}]),
            "refused",
        ),
        ("comtrade", ("json", {"data": [], "error": "Invalid reporterCode"}), "refused the query"),
    ],
)
def test_malformed_or_changed_replies_fail_with_a_message(apis, data_dir, capsys, source, reply, message):
    before = fingerprint(live(data_dir))
    apis.script = [reply]
    assert run(apis, data_dir, source) == 1
    assert message in capsys.readouterr().out
    assert fingerprint(live(data_dir)) == before


def test_an_empty_result_is_a_failure_not_an_empty_table(apis, data_dir, capsys):
    before = fingerprint(live(data_dir))
    apis.worldbank = {k: [[{**pages[0][0], "pages": 1}, None]] for k, pages in apis.worldbank.items()}
    apis.comtrade = {k: apis.comtrade["EMPTY"] for k in apis.comtrade}
    apis.imf = {}  # the IMF's empty data set for every query
    assert run(apis, data_dir, "all") == 1
    out = capsys.readouterr().out
    assert "no values for Tajikistan" in out and "no Russia–Tajikistan trade" in out
    assert "no partner trade" in out
    assert fingerprint(live(data_dir)) == before


def test_a_reply_that_breaks_the_schema_is_not_written(apis, data_dir, capsys):
    before = fingerprint(live(data_dir))
    page = apis.worldbank["BX.TRF.PWKR.DT.GD.ZS"][0]
    page[1][1]["value"] = -5.0  # a negative share of GDP: the wdi schema refuses it
    assert run(apis, data_dir, "worldbank") == 1
    assert "wdi_api.csv" in capsys.readouterr().out
    assert fingerprint(live(data_dir)) == before


@pytest.mark.parametrize("bad", [["--years", "2024-2000"], ["--years", "recent"], ["--retries", "-1"]])
def test_bad_options_are_a_usage_error(data_dir, bad):
    with pytest.raises(SystemExit) as stop:
        main(["comtrade", *bad, "--data-dir", str(data_dir)])
    assert stop.value.code == 2


def test_a_name_that_does_not_resolve_fails_at_once_without_retrying(data_dir, capsys):
    sleeps: list[float] = []
    code = main(
        ["worldbank", "--data-dir", str(data_dir), "--worldbank-url", "http://api.example.invalid/v2"],
        sleep=sleeps.append,
    )
    assert code == 1
    assert sleeps == []  # offline is not a busy server: no backoff to sit through
    assert "cannot reach api.example.invalid" in capsys.readouterr().out


def test_the_keyless_preview_is_asked_one_year_at_a_time_and_a_key_asks_them_together(apis, data_dir, monkeypatch):
    assert run(apis, data_dir, "comtrade") == 0
    assert [q["period"] for _, q, _ in apis.requests] == ["2021", "2022", "2021", "2022"]
    apis.requests.clear()
    monkeypatch.setenv(comtrade.KEY_VARIABLE, "test-key")
    assert run(apis, data_dir, "comtrade") == 0
    assert {q["period"] for _, q, _ in apis.requests} == {"2021,2022"}


def test_a_period_list_on_the_preview_is_refused_and_the_reason_shown(apis, data_dir, capsys, monkeypatch):
    monkeypatch.setattr(comtrade, "PREVIEW_PERIODS_PER_QUERY", 12)  # what the code did before
    assert run(apis, data_dir, "comtrade") == 1
    out = capsys.readouterr().out
    assert "HTTP 400" in out and "multiple values are not supported by the public preview" in out


def test_the_summary_says_which_years_each_reporter_returned(apis, data_dir, capsys):
    served = apis.comtrade["RUS_TOTAL"]
    apis.comtrade["RUS_TOTAL"] = {**served, "data": [r for r in served["data"] if r["refYear"] != 2022]}
    assert run(apis, data_dir, "comtrade") == 0
    out = capsys.readouterr().out
    assert "RUS returned 2021 (1 of 2 years asked had none); TJK returned 2021–2022" in out
