"""One command for every performance number: `make bench` (or `python -m benchmarks.run`).

Writes benchmarks/results/report.json and prints each measure beside its budget. The budgets
are for this project's 2-core machine, medians unless said otherwise. Never part of the test
suite: timings belong in a report, not in asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from benchmarks import brief, browser, rerun, sliders

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results" / "report.json"
PERFORMANCE = ROOT / "docs" / "performance.md"  # the budget table, under <!-- bench -->
HOSTING = ROOT / "docs" / "hosting.md"  # the load table, under <!-- hosting-load -->
MAP_PAGE = "border"
MB = 1024 * 1024
MET = {True: "yes", False: "**no**", None: "–"}


def budgets(report: dict) -> list[tuple[str, str, str, bool | None]]:
    """(measure, value, budget, met) for the table; met is None for a measure without a budget."""
    rows = []
    for page, n in report["rerun"].items():
        limit = 200 if page == MAP_PAGE else 100
        rows.append(
            (
                f"warm rerun, {page}",
                f"{n['median_ms']} ms (p95 {n['p95_ms']}, {n['ratio_to_floor']}x floor)",
                f"≤ {limit} ms",
                n["median_ms"] <= limit,
            )
        )
    b = report["browser"]
    rows.append(
        ("cold start to first chart", f"{b['cold_start_s']['median']} s", "≤ 2.0 s", b["cold_start_s"]["median"] <= 2)
    )
    rows += slider_rows(report["sliders"]["all"])
    for path, n in b["interaction_ms"].items():
        rows.append(
            (
                f"slider to settled (script done, charts drawn), {path}",
                f"{n['median_ms']} ms (p95 {n['p95_ms']})",
                "(earlier runs' measure)",
                None,
            )
        )
    rows.append(("server RSS, one viewer", f"{b['rss_one_viewer_mb']} MB", "≤ 300 MB", b["rss_one_viewer_mb"] <= 300))
    rows.append(
        (
            f"RSS per further viewer ({b['extra_viewers']})",
            f"{b['rss_per_extra_viewer_mb']} MB",
            "≤ 10 MB",
            b["rss_per_extra_viewer_mb"] <= 10,
        )
    )
    for key, setup in (("concurrent", "hosted: 2 replicas + nginx"), ("concurrent_one_process", "one process")):
        c = b[key]
        rows.append(
            (
                f"{c['viewers']} concurrent viewers, {c['actions']} actions, {setup}",
                f"{throughput(c):.1f} actions/s, p50 {c['median_ms']} ms, p95 {c['p95_ms']} ms, {c['errors']} errors",
                "≥ 60 actions/s, p95 ≤ 500 ms, 0 errors" if key == "concurrent" else "(for comparison)",
                throughput(c) >= 60 and c["p95_ms"] <= 500 and c["errors"] == 0 if key == "concurrent" else None,
            )
        )
    for page, n in report.get("brief", {}).items():
        rows.append(
            (f"brief build, {page}", f"{n['first_s']} s (again {n['again_s']} s)", "≤ 3 s", n["first_s"] <= 3)
        )
    for path, size in b["bytes_per_page"].items():
        rows.append((f"bytes sent, {path}", f"{size / 1024:,.0f} KB", "≤ 1 MB (all websocket bytes)", size <= MB))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30, help="warm reruns per page")
    parser.add_argument("--viewers", type=int, default=25, help="concurrent browser sessions")
    parser.add_argument(
        "--write-readme",
        action="store_true",
        help="put this run's tables into the docs: the budget table into docs/performance.md, "
        "the load table into docs/hosting.md (the README links to both)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    report = {
        "machine": platform.platform(),
        "cpus": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "rerun": rerun.measure(args.runs),
        "browser": browser.measure(viewers=args.viewers),
        "brief": brief.measure(),
        "sliders": sliders.measure_pages(),
    }
    table = budgets(report)
    report["budgets"] = [{"measure": m, "value": v, "budget": b, "met": ok} for m, v, b, ok in table]
    report["seconds"] = round(time.perf_counter() - started)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n")
    print(budget_table(table))
    print(f"\nreport: {OUT.relative_to(ROOT)} ({report['seconds']} s)")
    if args.write_readme:
        PERFORMANCE.write_text(between(PERFORMANCE.read_text(), "bench", budget_table(table)))
        HOSTING.write_text(between(HOSTING.read_text(), "hosting-load", load_table(report["browser"])))
        print(f"{PERFORMANCE.relative_to(ROOT)} and {HOSTING.relative_to(ROOT)}: their tables now show this run")


SLIDER_MEDIAN_MS, SLIDER_P95_MS, SLIDER_FLOOR_RATIO = 120, 200, 2.5


def slider_rows(measured: dict[str, dict]) -> list[tuple[str, str, str, bool | None]]:
    """Each page's slider, key press to the last change anywhere on the page (benchmarks/sliders.py),
    beside the floor app measured in the same run, so the ratio can be judged."""
    floor = measured["floor"]
    rows = [
        (
            "slider to last change, floor app (one slider, one chart)",
            f"{floor['last_median_ms']} ms (p95 {floor['last_p95_ms']})",
            "(the floor)",
            None,
        )
    ]
    for path, n in measured.items():
        if path == "floor":
            continue
        rows.append(
            (
                f"slider to last change, {path}",
                f"{n['last_median_ms']} ms (p95 {n['last_p95_ms']}; {n['last_ratio_to_floor']}x floor)",
                f"≤ {SLIDER_MEDIAN_MS} ms, p95 ≤ {SLIDER_P95_MS}, ≤ {SLIDER_FLOOR_RATIO}x floor",
                n["last_median_ms"] <= SLIDER_MEDIAN_MS
                and n["last_p95_ms"] <= SLIDER_P95_MS
                and n["last_ratio_to_floor"] <= SLIDER_FLOOR_RATIO,
            )
        )
    return rows


def throughput(load: dict) -> float:
    """Actions a second the setup served under the concurrent load."""
    return load["actions"] / load["wall_s"]


def budget_table(rows: list[tuple[str, str, str, bool | None]]) -> str:
    lines = ["| measure | value | budget | met |", "|---|---|---|---|"]
    return "\n".join(lines + [f"| {m} | {v} | {b} | {MET[met]} |" for m, v, b, met in rows])


def load_table(browser: dict) -> str:
    """The 25-viewer load on the hosted setup and on one process, for docs/hosting.md."""
    lines = ["| setup | actions | wall | throughput | p50 | p95 | errors |", "|---|---|---|---|---|---|---|"]
    for key, setup in (("concurrent", "2 replicas behind nginx"), ("concurrent_one_process", "1 process")):
        c = browser[key]
        lines.append(
            f"| {setup} | {c['actions']} | {c['wall_s']} s | {throughput(c):.1f} actions/s "
            f"| {c['median_ms'] / 1000:.2f} s | {c['p95_ms'] / 1000:.2f} s | {c['errors']} |"
        )
    return "\n".join(lines)


def between(text: str, marker: str, table: str) -> str:
    """`text` with what lies between <!-- marker:start --> and <!-- marker:end --> replaced by `table`."""
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    head, rest = text.split(start, 1)
    return f"{head}{start}\n{table}\n{end}{rest.split(end, 1)[1]}"


if __name__ == "__main__":
    main()
