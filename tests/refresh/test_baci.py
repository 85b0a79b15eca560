"""`python -m dashboard.refresh baci` against a small archive in BACI's layout, served from loopback.

The archive is built here (test data, never real figures): yearly CSVs with columns t,i,j,k,v,q,
the country and product code tables, rows for other country pairs that must be dropped, and a
value with NA quantity. The stand-in server honours Range requests, so resuming is tested too.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import datasets
from dashboard.refresh import baci
from dashboard.refresh.__main__ import main
from dashboard.refresh.http import FetchError
from tests.app.conftest import APP, PAGES, chart_frames
from tests.refresh.conftest import fingerprint, live

RELEASE = "V202601"  # the newest release the stand-in's BACI page lists
# CEPII's BACI page as the stand-in serves it: links to each revision's zip, the superseded release
# beside the current one. No copy of the real page was recorded: only the link names, which the
# refresh reads, follow CEPII's (BACI_<revision>_<release>.zip).
PAGE = f"""<html><body><h1>BACI</h1><ul>
<li><a href="/DATA_DOWNLOAD/baci/data/BACI_HS92_V202501.zip">HS92 (1995-2023), V202501</a></li>
<li><a href="/DATA_DOWNLOAD/baci/data/BACI_HS92_{RELEASE}.zip">HS92 (1995-2024)</a></li>
<li><a href="/DATA_DOWNLOAD/baci/data/BACI_HS22_{RELEASE}.zip">HS22 (2022-2024)</a></li>
</ul></body></html>"""
COUNTRIES = (
    "country_code,country_name,country_iso2,country_iso3\n"
    "4,Afghanistan,AF,AFG\n643,Russian Federation,RU,RUS\n762,Tajikistan,TJ,TJK\n860,Uzbekistan,UZ,UZB\n"
)
YEARS = {
    2022: (
        "t,i,j,k,v,q\n"
        "2022,643,762,271019,  152340.118,  230110.500\n"  # refined petroleum, Russia -> Tajikistan
        "2022,643,762,151211,   20110.002,           NA\n"  # a value with no quantity
        "2022,762,643,520100,    9001.5,       4500.25\n"  # raw cotton, Tajikistan -> Russia
        "2022,643,860,271019,   99999.999,     1000\n"  # Russia -> Uzbekistan: dropped
        "2022,4,762,080610,      12.0,          3.0\n"  # Afghanistan -> Tajikistan: dropped
        "2022,762,860,520100,     500.0,       100.0\n"  # Tajikistan -> Uzbekistan: dropped
        "2022,762,643,9999AA,      40.0,            \n"  # not specified by kind; a blank quantity
    ),
    2023: (
        "t,i,j,k,v,q\n"
        "2023,643,762,10121,     250.0,        12.5\n"  # written without its leading zero
        "2023,762,643,081310,    3100.75,      600.0\n"
        "2023,860,643,081310,     777.0,        77.0\n"  # Uzbekistan -> Russia: dropped
    ),
}
PRODUCTS = (
    'code,description\n"010121","Horses: live, pure-bred breeding animals"\n"271019","Petroleum oils"\n'
    '"9999AA","Commodities not specified according to kind"\n'
)


def build_archive(years: dict[int, str] = YEARS, countries: str = COUNTRIES, revision: str = "HS92") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for year, text in years.items():
            archive.writestr(f"BACI_{revision}_Y{year}_{RELEASE}.csv", text)
        archive.writestr(f"country_codes_{RELEASE}.csv", countries)
        archive.writestr(f"product_codes_{revision}_{RELEASE}.csv", PRODUCTS)
        archive.writestr(f"Readme_{RELEASE}.txt", "test archive, made-up values")
    return buffer.getvalue()


@dataclass
class Cepii:
    """Serves the archive at /baci/BACI_HS92_V202501.zip with Range support; can cut a reply short."""

    archive: bytes = field(default_factory=build_archive)
    cut_after: list[int] = field(default_factory=list)  # per request, in order: send only this many bytes
    requests: list[dict[str, str]] = field(default_factory=list)
    url: str = ""


@pytest.fixture
def cepii() -> Iterator[Cepii]:
    served = Cepii()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.requests.append(dict(self.headers))
            if self.path == "/baci/page":
                body = PAGE.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            if self.path != f"/baci/BACI_HS92_{RELEASE}.zip":  # superseded releases are gone
                self.send_error(404)
                return
            body, status = served.archive, 200
            start = 0
            if (wanted := self.headers.get("Range", "")).startswith("bytes="):
                start = int(wanted.removeprefix("bytes=").split("-")[0])
                body, status = body[start:], 206
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            if status == 206:
                self.send_header("Content-Range", f"bytes {start}-{len(served.archive) - 1}/{len(served.archive)}")
            self.end_headers()
            cut = served.cut_after.pop(0) if served.cut_after else None
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body if cut is None else body[:cut])
            if cut is not None:
                self.close_connection = True

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    served.url = f"http://127.0.0.1:{server.server_address[1]}/baci"
    yield served
    server.shutdown()
    server.server_close()


def refresh(cepii: Cepii, data_dir: Path, downloads: Path, *extra: str) -> int:
    return main(
        [
            "baci",
            "--data-dir",
            str(data_dir),
            "--baci-url",
            cepii.url,
            "--baci-page",
            f"{cepii.url}/page",
            *extra,
            "--download-dir",
            str(downloads),
            "--timeout",
            "2",
            "--retries",
            "2",
        ],
        sleep=lambda seconds: None,
    )


def test_only_the_pair_is_kept_both_ways_as_published_and_cited(cepii, data_dir, tmp_path, capsys):
    before = fingerprint(live(data_dir))
    assert refresh(cepii, data_dir, tmp_path / "downloads") == 0
    rows = datasets.load("baci_products", live(data_dir))
    got = {
        (r.direction, int(r.year), r.hs6): (r.value_usd_k, None if pd.isna(r.quantity_t) else r.quantity_t)
        for r in rows.itertuples()
    }
    assert got == {
        ("ru_to_tj", 2022, "271019"): (152340.118, 230110.5),
        ("ru_to_tj", 2022, "151211"): (20110.002, None),  # NA stays a gap, never a zero
        ("tj_to_ru", 2022, "520100"): (9001.5, 4500.25),
        ("ru_to_tj", 2023, "010121"): (250.0, 12.5),
        ("tj_to_ru", 2023, "081310"): (3100.75, 600.0),
        ("tj_to_ru", 2022, "9999AA"): (40.0, None),  # kept as not specified by kind, not an abort
    }
    text = (live(data_dir) / "baci_products.csv").read_text()
    assert "ru_to_tj,2022,151211,20110.002,,cepii-baci" in text  # the value's text as published
    source = datasets.load("sources", live(data_dir)).set_index("source_id").loc["cepii-baci"]
    assert "Etalab 2.0" in source["licence"] and "Gaulier & Zignago (2010)" in source["licence"]
    assert "HS92" in source["title"] and RELEASE in source["title"] and "2022–2023" in source["title"]
    assert source["url"] == f"{cepii.url}/BACI_HS92_{RELEASE}.zip"
    assert source["edition"] == f"release {RELEASE} (2026-01)" and source["published_date"] == "2026-01-01"
    assert source["accessed_date"] == pd.Timestamp.today().date().isoformat()
    assert fingerprint(data_dir) == before  # the curated folder is never written
    changed = {f for f, h in fingerprint(live(data_dir)).items() if before.get(f) != h}
    assert changed == {"baci_products.csv", "baci_product_codes.csv", "sources_refresh.csv", "edition.json"}
    names = datasets.load("baci_product_codes", live(data_dir)).set_index("hs6")["description"].to_dict()
    assert names == {
        "010121": "Horses: live, pure-bred breeding animals",
        "271019": "Petroleum oils",
        "9999AA": "Commodities not specified according to kind",
    }  # codes kept only
    assert list((tmp_path / "downloads").iterdir()) == []  # the archive is deleted after use
    out = capsys.readouterr().out
    assert f"newest HS92 release listed by CEPII is {RELEASE}" in out  # not the superseded V202501
    assert "BACI 2022: 4 Russia–Tajikistan rows kept of 7" in out
    assert "baci_products.csv: 6 rows added, 0 changed, 0 removed, 6 in all, years 2022–2023" in out
    assert "3 codes without a description in BACI's product table" in out
    assert "1 rows of trade not specified by kind (non-numeric codes) kept as such" in out


def test_a_second_release_replaces_the_first_whole(cepii, data_dir, tmp_path, capsys):
    assert refresh(cepii, data_dir, tmp_path / "downloads") == 0
    cepii.archive = build_archive({2023: YEARS[2023]})
    capsys.readouterr()
    assert refresh(cepii, data_dir, tmp_path / "downloads") == 0
    assert set(datasets.load("baci_products", live(data_dir))["year"]) == {2023}
    assert "0 rows added, 0 changed, 4 removed" in capsys.readouterr().out


def test_a_truncated_archive_leaves_data_byte_identical_and_is_not_kept(cepii, data_dir, tmp_path, capsys):
    cepii.archive = build_archive()[:-200]  # whole as far as HTTP knows, but the zip's directory is cut off
    before = fingerprint(live(data_dir))
    assert refresh(cepii, data_dir, tmp_path / "downloads") == 1
    assert fingerprint(live(data_dir)) == before
    assert list((tmp_path / "downloads").iterdir()) == []  # the next run starts over
    out = capsys.readouterr().out
    assert "baci" in out and "FAILED" in out and "not a whole zip archive" in out and "unchanged" in out


def test_a_broken_connection_resumes_where_it_stopped(cepii, data_dir, tmp_path):
    cepii.cut_after = [300]
    assert refresh(cepii, data_dir, tmp_path / "downloads") == 0
    assert cepii.requests[2].get("Range") == "bytes=300-"  # after the page and the cut first try
    assert len(datasets.load("baci_products", live(data_dir))) == 6


def test_a_download_cut_on_every_try_is_kept_for_the_next_run(cepii, data_dir, tmp_path, capsys):
    cepii.cut_after = [100, 100, 100]  # the first try and both retries stop early
    before = fingerprint(live(data_dir))
    assert refresh(cepii, data_dir, tmp_path / "downloads") == 1
    assert fingerprint(live(data_dir)) == before
    part = tmp_path / "downloads" / f"BACI_HS92_{RELEASE}.zip.part"
    assert part.stat().st_size == 300
    assert "kept in" in capsys.readouterr().out
    assert refresh(cepii, data_dir, tmp_path / "downloads") == 0  # the next run resumes at 300 bytes
    assert cepii.requests[-1].get("Range") == "bytes=300-"
    assert len(datasets.load("baci_products", live(data_dir))) == 6


def test_the_pair_is_found_by_iso3_in_baci_s_own_table(tmp_path):
    countries = COUNTRIES.replace("643,Russian", "644,Russian")  # a release that numbered Russia differently
    years = {2022: "t,i,j,k,v,q\n2022,644,762,271019,1.0,2.0\n2022,643,762,271019,5.0,6.0\n"}
    path = tmp_path / "a.zip"
    path.write_bytes(build_archive(years, countries))
    rows, _, scanned = baci.extract(path, "HS92", log=lambda line: None)
    assert [(r["direction"], r["value_usd_k"]) for r in rows] == [("ru_to_tj", "1.0")] and scanned == 2


@pytest.mark.parametrize(
    ("years", "message"),
    [
        ({2022: "t,i,j,k,v\n2022,643,762,271019,1.0\n"}, "expected columns t,i,j,k,v,q"),
        ({2022: "t,i,j,k,v,q\n2022,643,762,271019,-1.0,2\n"}, "negative"),
        ({2022: "t,i,j,k,v,q\n2022,643,762,271019,NA,2\n"}, "no value in column v"),
        ({2022: "t,i,j,k,v,q\n2021,643,762,271019,1.0,2\n"}, "year '2021' in the file for 2022"),
    ],
)
def test_an_archive_not_shaped_as_documented_fails_with_its_reason(tmp_path, years, message):
    path = tmp_path / "a.zip"
    path.write_bytes(build_archive(years))
    with pytest.raises(baci.ArchiveError, match=message):
        baci.extract(path, "HS92", log=lambda line: None)


def test_the_shipped_files_are_headers_only():
    assert datasets.load("baci_products").empty and datasets.load("baci_product_codes").empty


def test_one_download_at_a_time_per_folder(cepii, data_dir, tmp_path, capsys):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    held = os.open(downloads, os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)  # another refresh is downloading into this folder
        before = fingerprint(live(data_dir))
        assert refresh(cepii, data_dir, downloads) == 1
        assert fingerprint(live(data_dir)) == before and cepii.requests == []
    finally:
        os.close(held)
    assert "another refresh" in capsys.readouterr().out


def test_one_refresh_turns_the_products_page_into_full_panels(cepii, data_dir, tmp_path, monkeypatch):
    assert refresh(cepii, data_dir, tmp_path / "downloads") == 0
    monkeypatch.setenv("RT_DATA_DIR", str(data_dir))
    at = AppTest.from_file(APP, default_timeout=60).switch_page(PAGES["products"]).run()
    assert not at.exception
    assert at.selectbox(key="w_prod_year").value == 2023
    top = chart_frames(at)[0]
    assert top["hs"].tolist() == ["0101"] and top["share_text"].tolist() == ["100.0%"]  # the one 2023 heading
    assert top["value_usd_m"].tolist() == pytest.approx([0.25])  # 250 (US$ thousand) as BACI published it
    captions = " ".join(c.value for c in at.caption)
    assert "CEPII (BACI)" in captions and "reconciles" in captions
    labels = [b.proto.label for b in at.get("download_button")]
    assert "CSV: baci_hs6_ru_to_tj_2023.csv" in labels  # Etalab 2.0: BACI's rows may be passed on


def test_a_pinned_release_is_fetched_without_asking_the_page(cepii, data_dir, tmp_path):
    assert refresh(cepii, data_dir, tmp_path / "downloads", "--baci-release", RELEASE) == 0
    assert len(cepii.requests) == 1  # the archive alone


def test_a_superseded_release_that_is_gone_says_so(cepii, data_dir, tmp_path, capsys):
    before = fingerprint(live(data_dir))
    assert refresh(cepii, data_dir, tmp_path / "downloads", "--baci-release", "V202501") == 1
    assert fingerprint(live(data_dir)) == before and live(data_dir) == data_dir  # no edition made
    out = capsys.readouterr().out
    assert f"cannot download {cepii.url}/BACI_HS92_V202501.zip: 127.0.0.1:" in out and "answered HTTP 404" in out


def test_the_newest_release_is_read_from_the_page_per_revision():
    assert baci.newest_release(PAGE, "HS92") == RELEASE
    assert baci.newest_release(PAGE, "HS22") == RELEASE
    with pytest.raises(FetchError, match="lists no HS17 archive"):
        baci.newest_release(PAGE, "HS17")
    assert baci.release_month("V202601") == "2026-01" and baci.release_month("V2026") is None


def test_product_codes_as_third_party_copies_show_them():
    # recorded/real/baci_HS17_Y2017_V202301_rows_as_displayed.csv: a code that lost its leading zero
    recorded = Path(__file__).parent / "recorded" / "real" / "baci_HS17_Y2017_V202301_rows_as_displayed.csv"
    codes = [line.split(",")[3] for line in recorded.read_text().splitlines()[1:] if line.strip()]
    assert [baci.product_code(code, "recorded", 2) for code in codes] == [
        "130120",
        "130190",
        "401031",
        "071320",  # 71320 as displayed
        "080212",
    ]
    assert baci.product_code("9999AA", "BACI_HS92_Y2022_V202601.csv", 9) == "9999AA"
    with pytest.raises(baci.ArchiveError, match="line 9: 'petrol' is not an HS6 code"):
        baci.product_code("petrol", "BACI_HS92_Y2022_V202601.csv", 9)
