"""The browserless viewer session that warms replicas and drives the load benchmark, against a real server."""

import pytest

from dashboard.session.pages.border import BorderState
from hosting.session import PAGES, run_blocking, run_page, session, warm

pytestmark = pytest.mark.e2e
RADIUS = "Distance from Russia's active sites, km"


def test_warming_opens_every_page_cleanly(server):
    assert run_blocking(warm(server)) == []
    assert len(PAGES) == 8  # navigation.PAGES, the Scenarios page included


def test_a_page_run_reports_its_sliders_and_takes_new_values(server):
    async def visit() -> tuple:
        async with session(server) as socket:
            first = await run_page(socket, "border")
            widget, value = first.sliders[RADIUS]
            moved = await run_page(socket, "border", [(widget, value + 50)])
            return first, moved

    first, moved = run_blocking(visit())
    assert first.finished and not first.exceptions
    assert first.sliders[RADIUS][1] == BorderState.radius
    assert moved.finished and not moved.exceptions
    assert f"radius={BorderState.radius + 50}" in moved.query  # the view followed the slider into the address
