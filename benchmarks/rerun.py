"""Warm rerun time of each page under AppTest: median and p95 of repeated runs.

Run on demand (`make bench`), never in the test suite. Writes benchmarks/results/rerun.json
and prints a table. A rerun is what a viewer waits for after moving any widget.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard" / "app.py")
PAGES = {
    "overview": "views/overview.py",
    "trade": "views/trade.py",
    "products": "views/products.py",
    "border": "views/border.py",
    "remittances": "views/remittances.py",
    "sources": "views/sources.py",
}
OUT = ROOT / "benchmarks" / "results" / "rerun.json"


def time_page(page: str, runs: int) -> list[float]:
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page(PAGES[page])
    at.run()
    at.run()  # warm: caches filled, page module compiled
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        timings.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return timings


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    report = {"machine": platform.platform(), "python": platform.python_version(), "runs": args.runs, "pages": {}}
    for page in PAGES:
        timings = time_page(page, args.runs)
        report["pages"][page] = {"median_ms": round(statistics.median(timings), 1), "p95_ms": round(p95(timings), 1)}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n")
    print(f"{'page':<10}{'median ms':>12}{'p95 ms':>10}   ({args.runs} warm reruns each)")
    for page, numbers in report["pages"].items():
        print(f"{page:<10}{numbers['median_ms']:>12}{numbers['p95_ms']:>10}")
    print(f"report: {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
