"""Concurrent viewers as websocket clients speaking Streamlit's own protocol.

Each client is one viewer session. It asks for every page in turn, as the browser does on
navigation, then moves the Border page's radius slider 5 times. An action's latency is from
sending the request to the server's "script finished" message. Errors are exception elements,
runs that do not finish successfully, and timeouts.

Twenty-five headless browsers on a 2-core machine mostly measure the browsers: they compete
with the server for the same cores. A websocket client costs the server exactly what a browser
does, and costs the machine next to nothing. The protocol itself is hosting/session.py.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from hosting.session import PAGES, run_page, session

SLIDER_LABEL = "Distance from Russia"


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


async def viewer(base: str, tally: Tally, moves: int) -> None:
    try:
        async with session(base) as socket:
            sliders: dict[str, tuple[str, float]] = {}
            for page in (*PAGES, "border"):
                sliders.update(await timed(socket, tally, page))
            widget, value = next(v for label, v in sliders.items() if label.startswith(SLIDER_LABEL))
            for step in range(1, moves + 1):
                await timed(socket, tally, "border", [(widget, value + 10 * step)])
    except Exception as error:  # a benchmark counts failures rather than stopping at the first
        tally.errors.append(f"{type(error).__name__}: {error}".splitlines()[0])


async def timed(socket, tally: Tally, page: str, widgets: list[tuple[str, float]] = ()) -> dict:
    start = time.perf_counter()
    run = await run_page(socket, page, widgets)
    tally.latencies_ms.append((time.perf_counter() - start) * 1000)
    tally.errors += [f"exception on /{page}: {message}" for message in run.exceptions]
    if not run.finished:
        tally.errors.append(f"/{page} did not finish successfully")
    return run.sliders


async def viewers(base: str, count: int, moves: int) -> tuple[Tally, float]:
    tally = Tally()
    start = time.perf_counter()
    await asyncio.gather(*(viewer(base, tally, moves) for _ in range(count)))
    return tally, time.perf_counter() - start
