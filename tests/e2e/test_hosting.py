"""The app behind nginx under a path prefix, with two replicas and cookie affinity.

A real nginx (Debian's package) and real `streamlit run` replicas on loopback, driven by
headless Chromium: pages, navigation, downloads and shared links under the prefix, and a
viewer whose replica dies landing on the other one with the same view.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from hosting.process import ROOT, free_port, health_url, stop, wait_for
from hosting.serve import NGINX, Cluster, cluster
from tests.e2e.conftest import AppPage

pytestmark = pytest.mark.e2e
PREFIX = "/intel/tajikistan/"
WHICH_REPLICA = "() => fetch('" + PREFIX + "_stcore/health').then(r => r.headers.get('X-Replica'))"


@pytest.fixture(scope="module")
def proxied() -> Iterator[Cluster]:
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: `make test` installs Debian's nginx")
    with cluster(replicas=2, base_path=PREFIX) as running:
        yield running


def viewer(browser: Browser, running: Cluster) -> AppPage:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    return AppPage(context.new_page(), running.url.rstrip("/"))


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/", "Russia–Tajikistan at a glance"),
        ("/trade", "Russia–Tajikistan trade"),
        ("/products", "Products"),
        ("/border", "Border & security"),
        ("/remittances", "Remittances"),
        ("/sources", "Sources & data"),
    ],
)
def test_every_page_works_under_the_path(browser, proxied, path, title):
    app = viewer(browser, proxied).open(path)
    assert app.page.get_by_role("heading", name=title, exact=True).is_visible()
    assert app.page.locator("[data-testid=stException]").count() == 0
    assert app.url.startswith(proxied.url.rstrip("/") + path)
    assert app.console_errors == []


def test_navigation_shared_links_and_downloads_keep_the_prefix(browser, proxied):
    app = viewer(browser, proxied).open("/trade?years=2004..2016&units=musd")
    app.page.locator("[data-testid=stSidebarNavLink]", has_text="Border & security").click()
    app.page.wait_for_url(re.compile(re.escape(PREFIX) + r"border\?years=2004..2016&units=musd"))
    app.settle()
    link = app.page.locator("[data-testid=stSidebar] [data-testid=stCode] code").inner_text().replace("\n", "")
    assert link == app.url and link.startswith(proxied.url)

    other = viewer(browser, proxied)
    other.page.goto(link)
    other.settle()
    assert other.url == link
    years = other.page.locator("[data-testid=stSidebar] [data-testid=stSlider]", has_text="Years")
    assert "2004" in years.inner_text() and "2016" in years.inner_text()

    with app.page.expect_download() as download:
        app.page.get_by_role("button", name=re.compile(r"^CSV: ")).first.click()
    path = download.value.path()
    assert download.value.url.startswith(proxied.url)
    header = Path(path).read_text().splitlines()[0]
    assert "source_publisher" in header
    assert app.console_errors == []


def test_a_viewer_whose_replica_dies_lands_on_the_other_with_the_same_view(browser):
    with cluster(replicas=2, base_path=PREFIX) as running:
        first = viewer(browser, running).open("/border?radius=200")
        mine = running.replica_for(first.page.evaluate(WHICH_REPLICA))
        # a second viewer on the other replica: it must not notice anything
        second = next(
            v
            for v in (viewer(browser, running).open("/trade") for _ in range(12))
            if running.replica_for(v.page.evaluate(WHICH_REPLICA)) != mine
        )
        running.replicas[mine].kill()
        running.replicas[mine].wait()

        # the front end reconnects; nginx sends it to the surviving replica, which builds the view from the URL
        first.page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]", timeout=60_000)
        first.settle()
        assert running.replica_for(first.page.evaluate(WHICH_REPLICA)) != mine
        assert "radius=200" in first.url
        handle = first.page.locator("[data-testid=stSlider]", has_text="Distance from Russia").get_by_role("slider")
        assert handle.input_value() == "200"
        assert first.page.locator("[data-testid=stMetric]", has_text="Border within 200 km").count() == 1

        growth = second.page.locator("[data-testid=stSlider]", has_text="Growth for the whole year").get_by_role(
            "slider"
        )
        growth.focus()
        growth.press("ArrowRight")
        second.page.wait_for_url(re.compile(r"proj_growth="))
        second.settle()
        assert second.page.locator("[data-testid=stException]").count() == 0


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_takes_nginx_and_every_replica_down(stop_signal):
    """`kill` or a service manager's SIGTERM, like Ctrl-C, must not leave nginx or a replica behind."""
    port = free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "hosting.serve", "--replicas", "2", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        replicas = [int(p) for p in re.findall(r"\d+", serve.stdout.readline().split("ports", 1)[1])]
        wait_for(health_url(port, PREFIX), 60)
        assert len(replicas) == 2 and all(answers(health_url(r, PREFIX)) for r in replicas)
        serve.send_signal(stop_signal)
        assert serve.wait(timeout=30) == 0
        assert not answers(health_url(port, PREFIX))
        assert not any(answers(health_url(r, PREFIX)) for r in replicas)
    finally:
        stop(serve)


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


@pytest.mark.parametrize("phase", ["starting", "warming"])
def test_a_stop_signal_during_start_up_leaves_nothing_behind(phase):
    """SIGTERM before the launcher is ready, while replicas start or are being warmed."""
    serve = subprocess.Popen(
        [sys.executable, "-m", "hosting.serve", "--replicas", "2", "--port", str(free_port())],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        replicas = wait_for_children(serve.pid, 2)
        if phase == "warming":  # both replicas up: the warm-up has started, nginx has not
            for port in (int(re.search(r"--server\.port\x00(\d+)", cmdline(pid)).group(1)) for pid in replicas):
                wait_for(health_url(port, PREFIX), 60)
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=40) == 0
        for pid in replicas:  # gone, not left running under init
            assert wait_until_gone(pid), f"replica {pid} still running after the launcher stopped"
    finally:
        stop(serve)


def children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_text()


def wait_for_children(pid: int, count: int, deadline_s: float = 30) -> list[int]:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        found = [child for child in children(pid) if "streamlit" in cmdline(child)]
        if len(found) == count:
            return found
        time.sleep(0.05)
    raise AssertionError(f"the launcher did not start {count} replicas in {deadline_s} s")


def wait_until_gone(pid: int, deadline_s: float = 30) -> bool:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        status = Path(f"/proc/{pid}/status")
        if not status.exists() or "\nState:\tZ" in status.read_text():
            return True
        time.sleep(0.1)
    return False
