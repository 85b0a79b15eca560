"""Concurrent viewers as websocket clients speaking Streamlit's own protocol.

Each client is one viewer session. It asks for every page in turn, as the browser does on
navigation, then moves the Border page's radius slider 5 times. An action's latency is from
sending the request to the server's "script finished" message. Errors are exception elements,
runs that do not finish successfully, and timeouts.

Twenty-five headless browsers on a 2-core machine mostly measure the browsers: they compete
with the server for the same cores. A websocket client costs the server exactly what a browser
does, and costs the machine next to nothing.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

PAGES = ("", "trade", "products", "border", "remittances", "sources")
SLIDER_LABEL = "Distance from Russia"
TIMEOUT_S = 120


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Viewer:
    def __init__(self, base: str) -> None:
        self.url = base.replace("http://", "ws://") + "/_stcore/stream"
        self.origin = base
        self.sliders: dict[str, tuple[str, float]] = {}  # label -> (widget id, value)

    async def run(self, tally: Tally, moves: int) -> None:
        try:
            async with websockets.connect(
                self.url, subprotocols=["streamlit"], origin=self.origin, max_size=None
            ) as socket:
                for page in PAGES:
                    await self.act(socket, tally, page, [])
                await self.act(socket, tally, "border", [])
                widget, value = next(v for label, v in self.sliders.items() if label.startswith(SLIDER_LABEL))
                for step in range(1, moves + 1):
                    state = {"id": widget, "double_array_value": {"data": [value + 10 * step]}}
                    await self.act(socket, tally, "border", [state])
        except Exception as error:  # a benchmark counts failures rather than stopping at the first
            tally.errors.append(f"{type(error).__name__}: {error}".splitlines()[0])

    async def act(self, socket, tally: Tally, page: str, widgets: list[dict]) -> None:
        message = BackMsg()
        message.rerun_script.page_name = page
        for state in widgets:
            widget = message.rerun_script.widget_states.widgets.add()
            widget.id = state["id"]
            widget.double_array_value.data.extend(state["double_array_value"]["data"])
        start = time.perf_counter()
        await socket.send(message.SerializeToString())
        while True:
            raw = await asyncio.wait_for(socket.recv(), TIMEOUT_S)
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                if element.WhichOneof("type") == "exception":
                    tally.errors.append(f"exception on /{page}: {element.exception.message[:80]}")
                if element.WhichOneof("type") == "slider":
                    slider = element.slider
                    current = slider.value if slider.set_value else slider.default  # value is sent only when set
                    self.sliders[slider.label] = (slider.id, current[0])
            if kind == "script_finished":
                if forward.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                if forward.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    tally.errors.append(f"/{page} finished with status {forward.script_finished}")
                tally.latencies_ms.append((time.perf_counter() - start) * 1000)
                return


async def viewers(base: str, count: int, moves: int) -> tuple[Tally, float]:
    tally = Tally()
    start = time.perf_counter()
    await asyncio.gather(*(Viewer(base).run(tally, moves) for _ in range(count)))
    return tally, time.perf_counter() - start
