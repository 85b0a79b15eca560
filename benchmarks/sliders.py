"""A slider's cost in the browser, beside the floor app's, with where the time goes.

    python -m benchmarks.sliders                          # this tree's Scenarios ruble slider
    python -m benchmarks.sliders --tree before=/tmp/base  # and another checkout's, interleaved
    python -m benchmarks.sliders --page /border --rounds 5 --moves 20

Each move is a key press on the slider, timed three ways:

- settled: the press to the address rewritten and the page settled (the script finished, no
  skeletons, every chart drawn): what `make bench` reports (benchmarks/browser.move_slider);
- last change: the press to the last change anywhere in the page's DOM, found by a
  MutationObserver once the page has been quiet for 600 ms (issue 30's measure: it sees the
  redraw that goes on after the script has finished);
- first and server: the press to the first and to the last websocket message of that move (the
  server has begun answering; it is done), so `last change − server` is what the browser spends
  after the server is done. Also the bytes those messages carried and the main thread's long
  tasks (over 50 ms) in that time. Server and browser share the machine's cores: while the
  browser draws the first elements the server is still running the script.

The floor (benchmarks/floor_app.py ?slider=1: one slider, one Altair chart) is measured the same
way in the same rounds, so a page's ratio to it is visible. The machine is shared: the targets
are measured in turns, in a different order each round, and every round is reported with the
load average it ran under. A report, never a test: timings belong here, not in asserts.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from benchmarks.browser import EXTRA_ARGS, SLIDERS, move_slider, settle
from benchmarks.floor_app import FLOOR_SLIDER
from benchmarks.stats import summary
from hosting import chromium
from hosting.process import free_port, health_url, stop, wait_for

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results" / "sliders.json"
QUIET_MS = 600
WARM_MOVES = 3  # not counted: the first moves of a page fill its caches

# Installed before any page script: the last DOM change, the last websocket message and the
# long tasks, each stamped on the page's clock, and the key press they are measured from.
PROBE = """
window.__probe = {press: 0, change: 0, first: 0, message: 0, bytes: 0, longtask: 0};
new MutationObserver(() => { window.__probe.change = performance.now(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
document.addEventListener('keydown', (e) => {
  Object.assign(window.__probe, {press: e.timeStamp, first: 0, bytes: 0, longtask: 0});
}, true);
const NativeSocket = window.WebSocket;
window.WebSocket = class extends NativeSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', (e) => {
      window.__probe.message = performance.now();
      window.__probe.first = window.__probe.first || window.__probe.message;
      window.__probe.bytes += e.data.byteLength || e.data.size || e.data.length || 0;
    });
  }
};
new PerformanceObserver((list) => {
  for (const task of list.getEntries()) {
    if (task.startTime >= window.__probe.press) window.__probe.longtask += task.duration;
  }
}).observe({type: 'longtask', buffered: false});
"""
QUIET = f"() => performance.now() - window.__probe.change >= {QUIET_MS}"
READING = (
    "() => ({last: __probe.change - __probe.press, server: __probe.message - __probe.press,"
    " first: __probe.first - __probe.press,"
    " bytes: __probe.bytes, longtask: __probe.longtask})"
)


@dataclass(frozen=True)
class Target:
    name: str
    root: Path  # the checkout it is served from
    script: str  # relative to root
    path: str  # the page, with its query
    slider: str  # the slider's label


@dataclass
class Served:
    base: str
    process: subprocess.Popen

    def cpu_ms(self) -> float:
        """The server process's CPU time so far (user + system), from /proc (Linux)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


@contextmanager
def served(target: Target) -> Iterator[Served]:
    """`streamlit run` of the target's script from its own checkout, with that checkout's config
    (.streamlit/config.toml: the hosted profile)."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(target.root)}  # the floor imports dashboard from its checkout
    command = [
        sys.executable, "-m", "streamlit", "run", target.script,
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=target.root, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, env=env)
    try:
        wait_for(health_url(port), process=process)
        yield Served(f"http://127.0.0.1:{port}", process)
    finally:
        stop(process)


def quiet(page: Page) -> None:
    page.wait_for_function(QUIET, polling=50, timeout=30_000)


def one_move(page: Page, label: str, key: str) -> dict[str, float]:
    quiet(page)
    settled = move_slider(page, label, key)
    quiet(page)
    return {"settled": settled, **page.evaluate(READING)}


# Trace events of the page's main thread, by what they are: its script, and the browser's own
# work of drawing what the script changed.
SCRIPT = {"FunctionCall", "EventDispatch", "TimerFire", "HandlePostMessage", "RunMicrotasks", "FireAnimationFrame"}
DRAWING = {"UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit", "UpdateLayerTree"}
TASKS = {"RunTask", "ThreadControllerImpl::RunTask"}


def main_thread_cpu(trace: bytes) -> dict[str, float]:
    """CPU time (the events' thread durations, not their wall time) of the page's main thread:
    all its tasks, its script and its drawing (style, layout, paint, layers), in ms."""
    events = json.loads(trace)["traceEvents"]
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("name") == "thread_name"}
    counts = collections.Counter(
        (e["pid"], e["tid"]) for e in events if names.get((e["pid"], e["tid"])) == "CrRendererMain"
    )
    main = counts.most_common(1)[0][0]
    totals = {"all": 0.0, "script": 0.0, "drawing": 0.0}
    for event in events:
        if (event["pid"], event["tid"]) != main or event.get("ph") != "X" or "tdur" not in event:
            continue
        for kind, names_of_kind in (("all", TASKS), ("script", SCRIPT), ("drawing", DRAWING)):
            if event["name"] in names_of_kind:
                totals[kind] += event["tdur"] / 1000
    return totals


def measure_target(browser: Browser, served_at: Served, target: Target, moves: int, trace: bool) -> dict:
    """`moves` counted moves (after a few that warm the page), with the CPU each cost the server
    and, traced, the page's main thread."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    context.add_init_script(PROBE)
    page = context.new_page()
    page.goto(served_at.base + target.path)
    settle(page)
    keys = ["ArrowRight" if i % 2 == 0 else "ArrowLeft" for i in range(WARM_MOVES + moves)]
    for key in keys[:WARM_MOVES]:
        one_move(page, target.slider, key)
    if trace:
        browser.start_tracing(page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline"])
    cpu_before = served_at.cpu_ms()
    readings = [one_move(page, target.slider, key) for key in keys[WARM_MOVES:]]
    cost = {"server_cpu_per_move_ms": round((served_at.cpu_ms() - cpu_before) / moves, 1)}
    if trace:
        main_cpu = main_thread_cpu(browser.stop_tracing())
        cost |= {f"page_{kind}_cpu_per_move_ms": round(ms / moves, 1) for kind, ms in main_cpu.items()}
    context.close()
    return {"readings": readings, "cost": cost}


def digest(readings: list[dict[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for measure in ("settled", "last", "first", "server"):
        values = [r[measure] for r in readings]
        out |= {f"{measure}_{k}": v for k, v in summary(values).items()}
    out["browser_after_server_median_ms"] = round(statistics.median(r["last"] - r["server"] for r in readings), 1)
    out["longtask_median_ms"] = round(statistics.median(r["longtask"] for r in readings), 1)
    out["kb_per_move_median"] = round(statistics.median(r["bytes"] for r in readings) / 1024, 1)
    return out


def run(targets: list[Target], rounds: int, moves: int, trace: bool) -> dict:
    report: dict = {"moves_per_round": moves, "quiet_ms": QUIET_MS, "rounds": []}
    every: dict[str, list[dict[str, float]]] = {t.name: [] for t in targets}
    costs: dict[str, list[dict[str, float]]] = {t.name: [] for t in targets}
    with ExitStack() as stack, sync_playwright() as p:
        servers = {t.name: stack.enter_context(served(t)) for t in targets}
        browser = chromium.launch(p, *EXTRA_ARGS)
        for number in range(rounds):
            order = targets[number % len(targets) :] + targets[: number % len(targets)]
            this_round: dict = {"load_average": round(os.getloadavg()[0], 2), "order": [t.name for t in order]}
            for target in order:
                measured = measure_target(browser, servers[target.name], target, moves, trace)
                every[target.name] += measured["readings"]
                costs[target.name].append(measured["cost"])
                this_round[target.name] = digest(measured["readings"]) | measured["cost"]
            report["rounds"].append(this_round)
            print(json.dumps(this_round), flush=True)
        browser.close()
    report["all"] = {
        name: digest(readings) | {key: statistics.median(c[key] for c in costs[name]) for key in costs[name][0]}
        for name, readings in every.items()
    }
    floor = report["all"].get("floor")
    if floor:
        for numbers in report["all"].values():
            numbers["last_ratio_to_floor"] = round(numbers["last_median_ms"] / floor["last_median_ms"], 2)
    return report


def measure_pages(rounds: int = 2, moves: int = 10) -> dict:
    """Every page's slider (benchmarks/browser.SLIDERS) beside the floor's, in one run: what
    `make bench` reports as "slider to last change" (issue 30's budgets)."""
    targets = [Target("floor", ROOT, "benchmarks/floor_app.py", "/?slider=1", FLOOR_SLIDER)]
    targets += [Target(path, ROOT, "hosting/app.py", path, label) for path, (label, _) in SLIDERS.items()]
    return run(targets, rounds, moves, trace=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", default="/scenarios", help="a page with a slider in benchmarks/browser.SLIDERS")
    parser.add_argument("--query", default="", help="the page's query, e.g. sc_ahead=3")
    parser.add_argument("--tree", action="append", default=[], help="NAME=PATH: another checkout to measure too")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--moves", type=int, default=15, help="counted moves per target and round")
    parser.add_argument("--no-trace", action="store_true", help="leave out the page's CPU (a Chromium trace)")
    args = parser.parse_args()
    label, _ = SLIDERS[args.page]
    path = args.page + (f"?{args.query}" if args.query else "")
    targets = [Target("floor", ROOT, "benchmarks/floor_app.py", "/?slider=1", FLOOR_SLIDER)]
    targets.append(Target("this", ROOT, "hosting/app.py", path, label))
    for tree in args.tree:
        name, _, where = tree.partition("=")
        targets.append(Target(name, Path(where).resolve(), "hosting/app.py", path, label))
    started = time.perf_counter()
    report = {"page": path, "slider": label, **run(targets, args.rounds, args.moves, not args.no_trace)}
    report["seconds"] = round(time.perf_counter() - started)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report["all"], indent=2))


if __name__ == "__main__":
    main()
