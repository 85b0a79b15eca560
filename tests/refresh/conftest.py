"""A loopback stand-in for the World Bank, UN Comtrade and IMF APIs that answers as they do.

Replies follow what the live services were recorded sending (tests/refresh/recorded/README.md:
the recordings themselves are in recorded/real/, and the IMF's IMTS replies are built from the
same server's recorded CPI reply by imts_replay.py). Like the services, the stand-in refuses a
period list on the keyless Comtrade preview with HTTP 400 and a JSON body, answers 404 to an
unknown path, and gives the IMF's empty data set when no series matches. The values are test
data and only ever land in a temporary copy of data/ and its editions.
"""

from __future__ import annotations

import hashlib
import json
import os
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
from tests.refresh import imts_replay

RECORDED = Path(__file__).parent / "recorded"
ISO = {"643": "RUS", "762": "TJK"}
WORLD_INDICATOR = "BX.TRF.PWKR.DT.GD.ZS"
IMF_PATH = "/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/"


def recorded(name: str) -> Any:
    return json.loads((RECORDED / name).read_text())


def real(name: str) -> Any:
    """A reply recorded from the live service (recorded/real/, provenance in its README)."""
    return json.loads((RECORDED / "real" / name).read_text())


# Test values for IMTS, in US dollars as the server writes them: (reporter, indicator, counterpart)
# -> {year: (value, STATUS)}. GX170 stands for one of the IMF's group codes (a region).
X, M = "XG_FOB_USD", "MG_CIF_USD"
IMTS_CELLS: imts_replay.Cells = {
    ("TJK", X, "G001"): {"2023": ("1234567890", None), "2024": ("1300000000", None)},
    ("TJK", X, "RUS"): {"2023": ("150000001", None), "2024": ("160000000", None)},
    ("TJK", X, "CHN"): {"2024": ("300000000", None), "2025": (None, None)},
    ("TJK", X, "TUR"): {"2024": ("420000000", None)},
    ("TJK", X, "GX170"): {"2024": ("90000000", None)},
    ("TJK", X, "SUN"): {"1991": ("5000000", None)},  # a withdrawn code: not today's Russia
    ("TJK", X, "ANT"): {"2009": ("100000", None)},  # withdrawn, split among three successors
    ("TJK", M, "G001"): {"2023": ("4000000000", None), "2024": ("4500000000", None)},
    ("TJK", M, "RUS"): {"2023": ("1100000000", None), "2024": ("1250000000", "E")},
    ("TJK", M, "CHN"): {"2024": ("1500000000", None)},
    ("KAZ", X, "G001"): {"2024": ("80000000000", None)},
    ("KAZ", X, "RUS"): {"2024": ("9000000000", None)},
    ("KGZ", X, "G001"): {"2024": ("3000000000", None)},
    ("KGZ", X, "RUS"): {"2024": ("700000000", None)},
    ("UZB", X, "G001"): {"2024": ("26000000000", None)},
    ("UZB", X, "RUS"): {"2024": ("3000000000", None)},
    ("TKM", X, "G001"): {"2024": ("10000000000", None)},
    ("TKM", X, "CHN"): {"2024": ("8000000000", None)},
    ("RUS", X, "TJK"): {"2024": ("1400000000", None)},
    ("RUS", M, "TJK"): {"2024": ("170000000", None)},
    ("RUS", X, "G001"): {"2024": ("430000000000", None)},
    ("RUS", X, "TUR"): {"2024": ("30000000000", None)},  # Russia with a partner no page draws
    ("CHN", X, "TJK"): {"2024": ("3500000000", None)},
    ("CHN", X, "KAZ"): {"2024": ("25000000000", None)},
}


@dataclass
class FakeApis:
    """Routes like the real APIs; `script` replies come first, one per request, in order."""

    worldbank: dict[str, list[Any]] = field(
        default_factory=lambda: json.loads((RECORDED / "worldbank_pages.json").read_text())
    )
    comtrade: dict[str, Any] = field(default_factory=lambda: json.loads((RECORDED / "comtrade.json").read_text()))
    countries: list[Any] = field(default_factory=lambda: recorded("worldbank_countries.json"))
    world: list[Any] = field(default_factory=lambda: recorded("worldbank_world.json"))
    imf: imts_replay.Cells = field(default_factory=lambda: {k: dict(v) for k, v in IMTS_CELLS.items()})
    imf_status_coded: bool = True  # the IMF sends STATUS coded (a position) or uncoded (its text inline)
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
            if kind == "refusal":  # (status, JSON body): a 4xx that says why
                return value[0], {}, json.dumps(value[1]).encode()
        if path == "/v2/country":
            return 200, {}, json.dumps(self.countries[int(query.get("page", "1")) - 1]).encode()
        if path == f"/v2/country/all/indicator/{WORLD_INDICATOR}":
            return 200, {}, json.dumps(self.world[int(query.get("page", "1")) - 1]).encode()
        if path.startswith(IMF_PATH) and imts_replay.well_formed(path.removeprefix(IMF_PATH)):
            cells = imts_replay.matching(self.imf, path.removeprefix(IMF_PATH))
            return 200, {}, json.dumps(imts_replay.reply(cells, self.imf_status_coded)).encode()
        if path.startswith("/v2/country/TJK/indicator/"):
            pages = self.worldbank.get(path.rsplit("/", 1)[1])
            if pages is None:
                return 200, {}, (RECORDED / "worldbank_error.json").read_bytes()
            return 200, {}, json.dumps(pages[int(query.get("page", "1")) - 1]).encode()
        if path in ("/public/v1/preview/C/A/HS", "/data/v1/get/C/A/HS"):
            return self.comtrade_reply(path, query)
        return 404, {}, b"not found"


    def comtrade_reply(self, path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """The records of the periods asked; the keyless preview refuses a list of periods."""
        periods = query.get("period", "").split(",")
        if path.startswith("/public/") and len(periods) > 1:
            refusal = {"statusCode": 400, "message": "period: multiple values are not supported by the public preview"}
            return 400, {}, json.dumps(refusal).encode()
        answer = dict(self.comtrade[f"{ISO[query['reporterCode']]}_{query['cmdCode']}"])
        if isinstance(answer.get("data"), list):
            answer["data"] = [r for r in answer["data"] if str(r.get("refYear")) in periods]
            answer["count"] = len(answer["data"])
        return 200, {}, json.dumps(answer).encode()


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


def live(data_dir: Path) -> Path:
    """The folder a reader of data_dir loads: its current edition (editions/ beside it), or itself."""
    return datasets.live_folder(data_dir)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file a folder holds itself (links not followed) and its hash: 'unchanged' means exactly this."""
    found = {}
    for top, _, files in os.walk(folder):  # os.walk does not descend into linked folders
        for name in files:
            path = Path(top) / name
            if not path.is_symlink():
                found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(sorted(found.items()))


def command_line(apis, data_dir, *args: str, retries: int = 2) -> list[str]:
    """The refresh's arguments against the stand-in APIs and a copy of data/."""
    return [
        *args,
        *("--data-dir", str(data_dir), "--worldbank-url", f"{apis.url}/v2", "--comtrade-url", apis.url),
        *("--imf-url", f"{apis.url}/sdmx/3.0", "--years", "2021-2022", "--timeout", "2", "--retries", str(retries)),
    ]


def run(apis, data_dir, *args: str, sleeps: list[float] | None = None) -> int:
    """The refresh command against the stand-in APIs and a copy of data/; the backoff waits it
    would sleep are collected in `sleeps` instead."""
    waits = sleeps if sleeps is not None else []
    return main(command_line(apis, data_dir, *args), sleep=waits.append)
