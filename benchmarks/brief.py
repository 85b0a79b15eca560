"""How long a page's brief takes to build once the viewer clicks: median of repeated builds.

Each page is run under AppTest in its default view; the download button's callable (what a
click runs) is then timed. "first" is a click before any chart was rendered for a brief (the
chart pictures are drawn then); "again" is a later click on the same view (pictures reused,
the PDF laid out afresh). `python -m benchmarks.brief` prints both per page.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import streamlit
from streamlit.testing.v1 import AppTest

from benchmarks.rerun import APP, PAGES
from benchmarks.stats import p95
from dashboard.brief import collect


def brief_builder(page: str) -> Callable[[], bytes]:
    """What a click on the page's brief button runs, for the page's default view."""
    captured: dict[str, Callable[[], bytes]] = {}
    real = streamlit.download_button

    def capture(label, data, *args, **kwargs):
        if kwargs.get("key") == "brief_pdf":
            captured["build"] = data
        return real(label, data, *args, **kwargs)

    streamlit.download_button = capture
    try:
        AppTest.from_file(APP, default_timeout=120).switch_page(PAGES[page]).run()
    finally:
        streamlit.download_button = real
    return captured["build"]


def measure(runs: int = 5) -> dict[str, dict[str, float]]:
    result = {}
    for page in PAGES:
        build = brief_builder(page)
        first, again = [], []
        for _ in range(runs):
            collect.chart_png.clear()
            started = time.perf_counter()
            build()
            first.append(time.perf_counter() - started)
            started = time.perf_counter()
            build()
            again.append(time.perf_counter() - started)
        result[page] = {
            "first_s": round(statistics.median(first), 2),
            "first_p95_s": round(p95(first), 2),
            "again_s": round(statistics.median(again), 2),
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for page, n in measure(args.runs).items():
        print(f"{page:<12} first click {n['first_s']:>5} s (p95 {n['first_p95_s']})   again {n['again_s']:>5} s")


if __name__ == "__main__":
    main()
