"""Concurrent viewers as websocket clients speaking Streamlit's own protocol.

Each client is one viewer session. It asks for every page in turn, as the browser does on
navigation, then moves the Border page's radius slider 5 times as a browser does (the slider's
own section reruns alone: a fragment run). An action's latency is from sending the request to
the server's "script finished" message. Errors are exception elements,
runs that do not finish successfully, and timeouts.

Twenty-five headless browsers on a 2-core machine mostly measure the browsers: they compete
with the server for the same cores. A websocket client costs the server exactly what a browser
does, and costs the machine next to nothing. The protocol itself is hosting/session.py.

Memory and admission (`python -m benchmarks.load --viewers 25 50 100`): one warmed replica,
its resident memory sampled every 20 ms while N viewers run at once; the peak, less the warmed
RSS, over N is what one concurrent viewer costs. With `--max-sessions` the replica's guard
admits that many and tells the rest it is busy (hosting/guard.py); the run reports how many
were told so and whether the replica was still alive at the end. docs/hosting.md has the numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.stats import summary
from hosting.process import free_port, health_url, start_streamlit, stop, wait_for
from hosting.session import PAGES, Run, run_blocking, run_page, session, warm

SLIDER_LABEL = "Distance from Russia"
BUSY = "serving as many viewers as it can"


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    busy: int = 0  # viewers told the replica is full


async def viewer(base: str, tally: Tally, moves: int) -> None:
    try:
        async with session(base) as socket:
            first = await run_page(socket, PAGES[0])
            if any(BUSY in text for text in first.warnings):
                tally.busy += 1
                return
            for page in PAGES:
                await timed(socket, tally, page)
            border = await timed(socket, tally, "border")
            label = next(label for label in border.sliders if label.startswith(SLIDER_LABEL))
            widget, value = border.sliders[label]
            for step in range(1, moves + 1):  # as a browser moves it: the slider's own section reruns
                await timed(socket, tally, "border", [(widget, value + 10 * step)], border.fragments.get(label, ""))
    except Exception as error:  # a benchmark counts failures rather than stopping at the first
        tally.errors.append(f"{type(error).__name__}: {error}".splitlines()[0])


async def timed(socket, tally: Tally, page: str, widgets: list[tuple[str, float]] = (), fragment: str = "") -> Run:
    start = time.perf_counter()
    run = await run_page(socket, page, widgets, fragment)
    tally.latencies_ms.append((time.perf_counter() - start) * 1000)
    tally.errors += [f"exception on /{page}: {message}" for message in run.exceptions]
    if not run.finished:
        tally.errors.append(f"/{page} did not finish successfully")
    return run


async def viewers(base: str, count: int, moves: int) -> tuple[Tally, float]:
    tally = Tally()
    start = time.perf_counter()
    await asyncio.gather(*(viewer(base, tally, moves) for _ in range(count)))
    return tally, time.perf_counter() - start


def rss_mib(pid: int) -> float:
    """A process's resident memory now, MiB (Linux's /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


async def peak_rss(pid: int, done: asyncio.Event) -> float:
    """The highest RSS seen, sampled every 20 ms until `done`."""
    peak = rss_mib(pid)
    while not done.is_set():
        peak = max(peak, rss_mib(pid))
        await asyncio.sleep(0.02)
    return peak


async def measured(base: str, pid: int, count: int, moves: int) -> tuple[Tally, float, float]:
    """(tally, wall seconds, peak RSS MiB) of `count` viewers at once on the replica `pid`."""
    done = asyncio.Event()
    sampler = asyncio.create_task(peak_rss(pid, done))
    tally, wall = await viewers(base, count, moves)
    done.set()
    return tally, wall, await sampler


def memory(counts: list[int], moves: int, max_sessions: int | None) -> list[dict]:
    """Per count: warmed and peak RSS, MiB per viewer, latency, busy notices, survival.

    One fresh replica per count, so each peak starts from the same warmed state.
    """
    rows = []
    for count in counts:
        port = free_port()
        process = start_streamlit(port, max_sessions=max_sessions or 100_000)
        try:
            wait_for(health_url(port), process=process)
            base = f"http://127.0.0.1:{port}"
            run_blocking(warm(base))
            warmed = rss_mib(process.pid)
            tally, wall, peak = run_blocking(measured(base, process.pid, count, moves))
            served = count - tally.busy
            rows.append(
                {
                    "viewers": count,
                    "served": served,
                    "busy": tally.busy,
                    "warmed_mib": round(warmed, 1),
                    "peak_mib": round(peak, 1),
                    "mib_per_viewer": round((peak - warmed) / max(served, 1), 2),
                    **summary(tally.latencies_ms),
                    "wall_s": round(wall, 1),
                    "errors": len(tally.errors),
                    "alive": process.poll() is None,
                }
            )
        finally:
            stop(process)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, nargs="+", default=[25, 50, 100])
    parser.add_argument("--moves", type=int, default=5)
    parser.add_argument("--max-sessions", type=int, help="the guard's admission limit (default: none)")
    args = parser.parse_args()
    rows = memory(args.viewers, args.moves, args.max_sessions)
    print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
