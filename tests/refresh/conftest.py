"""A loopback stand-in for the World Bank, UN Comtrade and IMF APIs, serving recorded replies.

Replies are in the APIs' documented formats (tests/refresh/recorded/README.md says which
documentation each follows); their values are test data and only ever land in a temporary copy
of data/.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from dashboard import datasets
from dashboard.refresh.__main__ import main

RECORDED = Path(__file__).parent / "recorded"
ISO = {"643": "RUS", "762": "TJK"}
WORLD_INDICATOR = "BX.TRF.PWKR.DT.GD.ZS"
IMF_PATH = "/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/"


def recorded(name: str) -> Any:
    return json.loads((RECORDED / name).read_text())


@dataclass
class FakeApis:
    """Routes like the real APIs; `script` replies come first, one per request, in order."""

    worldbank: dict[str, list[Any]] = field(
        default_factory=lambda: json.loads((RECORDED / "worldbank_pages.json").read_text())
    )
    comtrade: dict[str, Any] = field(default_factory=lambda: json.loads((RECORDED / "comtrade.json").read_text()))
    countries: list[Any] = field(default_factory=lambda: recorded("worldbank_countries.json"))
    world: list[Any] = field(default_factory=lambda: recorded("worldbank_world.json"))
    imf: dict[str, Any] = field(default_factory=lambda: recorded("imf_imts.json"))
    script: list[tuple[str, Any]] = field(default_factory=list)
    requests: list[tuple[str, dict[str, str], dict[str, str]]] = field(default_factory=list)
    url: str = ""

    def reply(self, path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if self.script:
            kind, value = self.script.pop(0)
            if kind == "status":
                return value, {}, b"{}"
            if kind == "limited":
                return 429, {"Retry-After": str(value)}, b"{}"
            if kind == "sleep":
                time.sleep(value)
            if kind == "body":
                return 200, {}, value
            if kind == "json":
                return 200, {}, json.dumps(value).encode()
        if path == "/v2/country":
            return 200, {}, json.dumps(self.countries[int(query.get("page", "1")) - 1]).encode()
        if path == f"/v2/country/all/indicator/{WORLD_INDICATOR}":
            return 200, {}, json.dumps(self.world[int(query.get("page", "1")) - 1]).encode()
        if path.startswith(IMF_PATH) and path.removeprefix(IMF_PATH) in self.imf:
            return 200, {}, json.dumps(self.imf[path.removeprefix(IMF_PATH)]).encode()
        if path.startswith("/v2/country/TJK/indicator/"):
            pages = self.worldbank.get(path.rsplit("/", 1)[1])
            if pages is None:
                return 200, {}, (RECORDED / "worldbank_error.json").read_bytes()
            return 200, {}, json.dumps(pages[int(query.get("page", "1")) - 1]).encode()
        if path in ("/public/v1/preview/C/A/HS", "/data/v1/get/C/A/HS"):
            return 200, {}, json.dumps(self.comtrade[f"{ISO[query['reporterCode']]}_{query['cmdCode']}"]).encode()
        return 404, {}, b"not found"


@pytest.fixture
def apis() -> Iterator[FakeApis]:
    fake = FakeApis()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parts.query))
            fake.requests.append((parts.path, query, dict(self.headers)))
            status, headers, body = fake.reply(parts.path, query)
            try:
                self.send_response(status)
                for name, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(datasets.DATA_DIR, folder)
    return folder


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under a folder and its hash: 'unchanged' means exactly this."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run(apis, data_dir, *args: str, sleeps: list[float] | None = None) -> int:
    """The refresh command against the stand-in APIs and a copy of data/; the backoff waits it
    would sleep are collected in `sleeps` instead."""
    waits = sleeps if sleeps is not None else []
    return main(
        [
            *args,
            "--data-dir",
            str(data_dir),
            "--worldbank-url",
            f"{apis.url}/v2",
            "--comtrade-url",
            apis.url,
            "--imf-url",
            f"{apis.url}/sdmx/3.0",
            "--years",
            "2021-2022",
            "--timeout",
            "2",
            "--retries",
            "2",
        ],
        sleep=waits.append,
    )
