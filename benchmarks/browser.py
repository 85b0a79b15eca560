"""What a viewer in a browser waits for, measured against a real `streamlit run` on loopback.

- cold start: launching the server to the first page's charts drawn in headless Chromium;
- interaction: a slider moved with the keyboard to the page settled again (URL rewritten,
  script finished, charts drawn), per page with a slider;
- bytes: everything the server sends over the websocket for one page view (chart specs and
  their data are nearly all of it);
- memory: the server's resident set after one viewer has visited every page, and its growth
  per further viewer;
- concurrency: N viewers at once, each visiting every page and moving a slider 5 times, as
  websocket clients (benchmarks/load.py): 25 Chromiums on 2 cores measure the browsers. Measured
  on the hosted setup (two replicas behind nginx, hosting/serve.py), and on one process alone for
  comparison: one Python process runs one page at a time, whatever the cores.

Debian's Chromium, headless, as the tests use it. Run through `benchmarks/run.py`.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from benchmarks import load
from benchmarks.stats import summary
from dashboard import navigation
from hosting import chromium, session
from hosting.process import free_port, health_url, start_streamlit, stop, wait_for
from hosting.serve import cluster

# /dev/shm is small in containers; the benchmark keeps more pages open than the tests do.
EXTRA_ARGS = ("--disable-dev-shm-usage",)
# The hosted setup on this 2-core machine: one replica per core behind nginx.
REPLICAS = 2
BASE_PATH = "/intel/tajikistan/"
PAGES = tuple(f"/{page.path}" for page in navigation.PAGES)
# page -> (the slider's label text, the URL parameter it writes)
SLIDERS = {
    "/trade": ("Growth for the whole year", "proj_growth"),
    "/products": ("Top products in a breakdown", "prod_top"),
    "/border": ("Distance from Russia", "radius"),
    "/remittances": ("Change in remittances from Russia", "rem_russia"),
    "/scenarios": ("Ruble against the US$", "sc_ruble"),
    "/partners": ("Largest partners drawn", "pt_top"),
}
SETTLED = (
    "() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState === 'notRunning'"
    " && document.querySelector('[data-testid=stApp]')?.dataset.testConnectionState === 'CONNECTED'"
    " && !document.querySelector('[data-testid=stSkeleton]')"
    " && [...document.querySelectorAll('[data-testid=stVegaLiteChart]')].every(c => c.querySelector('canvas, svg'))"
)
FIRST_CHART = (
    "() => !!document.querySelector('[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg')"
)


@dataclass
class Server:
    process: subprocess.Popen
    base: str

    def rss_mb(self) -> float:
        """Resident memory of the server process, from /proc (Linux)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS for the server")


@contextmanager
def server() -> Iterator[Server]:
    """A server of the app, healthy; stopped on exit."""
    port = free_port()
    process = start_streamlit(port)
    try:
        wait_for(health_url(port), process=process)
        yield Server(process, f"http://127.0.0.1:{port}")
    finally:
        stop(process)


def settle(page: Page, timeout_ms: int = 30_000) -> None:
    page.wait_for_function(SETTLED, timeout=timeout_ms)


def cold_start(runs: int) -> list[float]:
    """Seconds from launching the server to the first page's first chart drawn."""
    timings = []
    with sync_playwright() as p:
        browser = chromium.launch(p, *EXTRA_ARGS)
        for _ in range(runs):
            start = time.perf_counter()
            with server() as s:
                page = browser.new_page()
                page.goto(s.base + "/")
                page.wait_for_function(FIRST_CHART, timeout=60_000)
                timings.append(time.perf_counter() - start)
                page.close()
        browser.close()
    return timings


def move_slider(page: Page, label: str, key: str = "ArrowRight") -> float:
    """Milliseconds from a key press on the slider to the page settled with the new value (the
    address changes with it: the value appears, changes, or goes when it is back at its default)."""
    handle = page.locator("[data-testid=stSlider]", has_text=label).get_by_role("slider").first
    handle.focus()
    before = page.evaluate("window.location.search")
    start = time.perf_counter()
    handle.press(key)
    page.wait_for_function(f"() => window.location.search !== {before!r}")
    settle(page)
    return (time.perf_counter() - start) * 1000


def single_viewer(base: str, srv: Server, moves: int, extra_viewers: int) -> dict:
    """Bytes per page, interaction latency, and memory with one and with more viewers."""
    result: dict = {"bytes_per_page": {}, "interaction_ms": {}}
    with sync_playwright() as p:
        browser = chromium.launch(p, *EXTRA_ARGS)
        for path in PAGES:
            context = browser.new_context(viewport={"width": 1440, "height": 1000})
            page = context.new_page()
            received: list[int] = []
            page.on("websocket", lambda ws, out=received: ws.on("framereceived", lambda data: out.append(len(data))))
            page.goto(base + path)
            settle(page)
            page.wait_for_timeout(500)
            settle(page)
            result["bytes_per_page"][path] = sum(received)
            if path in SLIDERS:
                label, _ = SLIDERS[path]
                # back and forth, so a slider near its end (top 5 of 3..10) never runs out of room
                keys = ["ArrowRight" if i % 2 == 0 else "ArrowLeft" for i in range(moves)]
                timings = [move_slider(page, label, key) for key in keys]
                result["interaction_ms"][path] = summary(timings)
            context.close()
        result["rss_one_viewer_mb"] = round(srv.rss_mb(), 1)
        contexts = []
        for _ in range(extra_viewers):
            context = browser.new_context()
            page = context.new_page()
            for path in PAGES:
                page.goto(base + path)
                settle(page)
            contexts.append(context)
        rss_after = srv.rss_mb()
        result["rss_after_extra_viewers_mb"] = round(rss_after, 1)
        result["extra_viewers"] = extra_viewers
        result["rss_per_extra_viewer_mb"] = round((rss_after - result["rss_one_viewer_mb"]) / extra_viewers, 2)
        for context in contexts:
            context.close()
        browser.close()
    return result


def measure(cold_runs: int = 5, moves: int = 10, extra_viewers: int = 10, viewers: int = 25) -> dict:
    cold = cold_start(cold_runs)
    report: dict = {
        "cold_start_s": {"median": round(statistics.median(cold), 2), "max": round(max(cold), 2), "runs": cold_runs}
    }
    with server() as srv:
        report.update(single_viewer(srv.base, srv, moves, extra_viewers))
    with cluster(replicas=REPLICAS, base_path=BASE_PATH) as hosted:  # each replica warmed before nginx starts
        report["concurrent"] = concurrent(hosted.url.rstrip("/"), viewers)
        report["concurrent"]["setup"] = f"{REPLICAS} replicas behind nginx (python -m hosting.serve)"
    with server() as srv:
        assert not session.run_blocking(session.warm(srv.base)), (
            "a page failed while warming"
        )  # warmed as hosting.serve does
        report["concurrent_one_process"] = concurrent(srv.base, viewers) | {"rss_after_mb": round(srv.rss_mb(), 1)}
    return report


def concurrent(base: str, viewers: int) -> dict:
    """N viewers at once, each visiting every page and moving the map's radius 5 times."""
    tally, wall = asyncio.run(load.viewers(base, viewers, 5))
    return {
        "viewers": viewers,
        "client": "websocket (Streamlit protocol)",
        "actions": len(tally.latencies_ms),
        **summary(tally.latencies_ms),
        "errors": len(tally.errors),
        "error_samples": tally.errors[:5],
        "wall_s": round(wall, 1),
    }
