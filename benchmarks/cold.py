"""Cold start, taken apart: where the seconds from `streamlit run` to the Overview's first chart go.

    python -m benchmarks.cold                          # this tree, 5 launches
    python -m benchmarks.cold --tree before=/tmp/base  # and another checkout's, interleaved
    python -m benchmarks.cold --runs 7 --floor          # beside the floor app (one chart, no data)

Each launch is `make bench`'s cold start (benchmarks/browser.cold_start: a fresh `streamlit run
hosting/app.py`, a fresh process with nothing cached, timed from the launch to the first chart
drawn in a headless Chromium that was already open), with the milestones in between:

- health: the server answers its health check (Python, Streamlit and hosting/app.py imported);
- first chart: the Overview's first chart drawn (the budget's measure);
- settled: the whole Overview drawn (script finished, every chart drawn);
- server CPU: the server process's CPU time (user + system, /proc) at the first chart, which
  is less noisy than the wall clock on a shared machine.

The trees are launched in turns, in a different order each round, with the load average noted.
A report, never a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from benchmarks.browser import EXTRA_ARGS, FIRST_CHART, settle
from hosting import chromium
from hosting.process import free_port, health_url, stop, wait_for

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results" / "cold.json"


@dataclass(frozen=True)
class Tree:
    name: str
    root: Path  # the checkout it is served from
    script: str = "hosting/app.py"  # relative to root


def cpu_s(pid: int) -> float:
    """A process's CPU time so far (user + system), from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_launch(browser: Browser, tree: Tree) -> dict[str, float]:
    """Seconds from launching the tree's server to each milestone, and the server's CPU."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(tree.root)}
    command = [
        sys.executable, "-m", "streamlit", "run", tree.script,
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
    ]  # fmt: skip
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=tree.root, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, env=env)
    try:
        wait_for(health_url(port), process=process)
        health = time.perf_counter() - start
        health_cpu = cpu_s(process.pid)
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_function(FIRST_CHART, timeout=60_000)
        first = time.perf_counter() - start
        first_cpu = cpu_s(process.pid)
        settle(page, 60_000)
        settled = time.perf_counter() - start
        page.close()
        return {
            "health_s": health,
            "first_chart_s": first,
            "settled_s": settled,
            "cpu_at_health_s": health_cpu,
            "cpu_at_first_chart_s": first_cpu,
        }
    finally:
        stop(process)


def run(trees: list[Tree], runs: int) -> dict:
    readings: dict[str, list[dict[str, float]]] = {t.name: [] for t in trees}
    rounds = []
    with sync_playwright() as p:
        browser = chromium.launch(p, *EXTRA_ARGS)
        for number in range(runs):
            order = trees[number % len(trees) :] + trees[: number % len(trees)]
            this_round: dict = {"load_average": round(os.getloadavg()[0], 2)}
            for tree in order:
                reading = one_launch(browser, tree)
                readings[tree.name].append(reading)
                this_round[tree.name] = {k: round(v, 2) for k, v in reading.items()}
            rounds.append(this_round)
            print(json.dumps(this_round), flush=True)
        browser.close()
    medians = {
        name: {key: round(statistics.median(r[key] for r in rs), 2) for key in rs[0]} for name, rs in readings.items()
    }
    return {"runs": runs, "rounds": rounds, "medians": medians}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tree", action="append", default=[], help="NAME=PATH: another checkout to launch too")
    parser.add_argument("--runs", type=int, default=5, help="launches per tree")
    parser.add_argument("--floor", action="store_true", help="launch the floor app too (one chart, no data)")
    args = parser.parse_args()
    trees = [Tree("this", ROOT)]
    if args.floor:
        trees.append(Tree("floor", ROOT, "benchmarks/floor_app.py"))
    for tree in args.tree:
        name, _, where = tree.partition("=")
        trees.append(Tree(name, Path(where).resolve()))
    report = run(trees, args.runs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report["medians"], indent=2))


if __name__ == "__main__":
    main()
