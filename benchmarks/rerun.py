"""Warm rerun time of each page under AppTest, against a floor app with as many charts.

Median and p95 of repeated runs with the caches warm; the floor (benchmarks/floor_app.py) draws
the same number of charts from precomputed specs, so page / floor is what our code adds. Run on
demand (`make bench`), never in the test suite. A rerun is what a viewer waits for after
moving any widget.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit.testing.v1.app_test as app_test
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest

from benchmarks.stats import summary
from dashboard import navigation

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard" / "app.py")
PAGES = {page.name: page.script for page in navigation.PAGES}
FLOOR = str(ROOT / "benchmarks" / "floor_app.py")
OUT = ROOT / "benchmarks" / "results" / "rerun.json"


@contextmanager
def one_script_cache() -> Iterator[None]:
    """AppTest with one script cache for every run, as a server has.

    AppTest compiles the app's and the page's scripts afresh on every run (a new ScriptCache
    each time, about 20 ms here); a server compiles each once per process and keeps the
    bytecode. Sharing one makes a timed rerun what a viewer's rerun costs the server.
    """
    shared = ScriptCache()
    original = app_test.ScriptCache
    app_test.ScriptCache = lambda: shared
    try:
        yield
    finally:
        app_test.ScriptCache = original


def timed_reruns(at: AppTest, runs: int) -> list[float]:
    at.run()
    at.run()  # warm: caches filled, page module compiled
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        timings.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return timings


def chart_count(at: AppTest) -> int:
    return sum(getattr(element, "type", None) == "vega_lite_chart" for element in at.main)


def time_page(page: str, runs: int) -> tuple[list[float], int]:
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page(PAGES[page])
    timings = timed_reruns(at, runs)
    return timings, chart_count(at)


def time_floor(charts: int, runs: int) -> list[float]:
    at = AppTest.from_file(FLOOR, default_timeout=120)
    at.query_params["charts"] = str(charts)
    return timed_reruns(at, runs)


def measure(runs: int) -> dict[str, dict[str, float]]:
    """Per page: median and p95 of warm reruns, its chart count, and the floor's for as many charts."""
    with one_script_cache():
        return {page: measure_page(page, runs) for page in PAGES}


def measure_page(page: str, runs: int) -> dict[str, float]:
    timings, charts = time_page(page, runs)
    floor = time_floor(charts, runs)
    return {
        **summary(timings),
        "charts": charts,
        "floor_median_ms": round(statistics.median(floor), 1),
        "ratio_to_floor": round(statistics.median(timings) / statistics.median(floor), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    report = {"machine": platform.platform(), "python": platform.python_version(), "runs": args.runs}
    report["pages"] = measure(args.runs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n")
    print(f"{'page':<12}{'median ms':>10}{'p95 ms':>9}{'charts':>8}{'floor ms':>10}{'ratio':>7}   ({args.runs} runs)")
    for page, n in report["pages"].items():
        print(
            f"{page:<12}{n['median_ms']:>10}{n['p95_ms']:>9}{n['charts']:>8}"
            f"{n['floor_median_ms']:>10}{n['ratio_to_floor']:>7}"
        )
    print(f"report: {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
