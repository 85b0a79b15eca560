"""The app behind nginx under a path prefix, with two replicas and cookie affinity.

A real nginx (Debian's package) and real `streamlit run` replicas on loopback, driven by
headless Chromium: pages, navigation, downloads and shared links under the prefix, and a
viewer whose replica dies landing on the other one with the same view. Hardening for the open
internet: the security headers on every response, no Content-Security-Policy violation on any
page or interaction, framing only where allowed, and per-client limits that refuse a burst
(429) while the load benchmark's 25 viewers from one address and other clients are served.

Loopback is all of 127.0.0.0/8 on Linux, so a client bound to 127.0.0.2 is another address to
nginx's per-client limits: the burst comes from there while the "other viewer" uses 127.0.0.1.
"""

from __future__ import annotations

import base64
import html
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser
from streamlit.proto.BackMsg_pb2 import BackMsg

from benchmarks import load
from hosting import session
from hosting.hardening import DEFAULT_LIMITS, Limits, security_headers
from hosting.process import ROOT, free_port, health_url, start_streamlit, stop, wait_for
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
    """A new browser context on the proxied app that records Content-Security-Policy violations."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    context.add_init_script(RECORD_VIOLATIONS)
    return AppPage(context.new_page(), running.url.rstrip("/"))


# Every `securitypolicyviolation` event in the page, from before its first script runs.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
    window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${e.sample || ''}`.trim()));
"""


def violations(app: AppPage) -> list[str]:
    """The policy violations the page has seen (a single-page app: navigation keeps the list)."""
    return app.page.evaluate("window.__violations")


def move_a_slider(app: AppPage) -> None:
    """One key press on the page's first slider (the sidebar's Years on every page), then settle."""
    before = app.url
    app.page.get_by_role("slider").first.press("ArrowRight")
    app.page.wait_for_function("before => window.location.href !== before", arg=before)
    app.settle()


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/", "Russia–Tajikistan at a glance"),
        ("/trade", "Russia–Tajikistan trade"),
        ("/products", "Products"),
        ("/border", "Border & security"),
        ("/remittances", "Remittances"),
        ("/partners", "Partners & region"),
        ("/sources", "Sources & data"),
    ],
)
def test_every_page_works_under_the_path(browser, proxied, path, title):
    """Each page, a slider moved and a CSV and the brief downloaded, with no policy violation or console error."""
    app = viewer(browser, proxied)
    response = app.page.goto(app.base + path)
    app.settle()
    assert response is not None and response.status == 200
    assert security_headers_of(response.all_headers()) == security_headers()
    assert app.page.get_by_role("heading", name=title, exact=True).is_visible()
    assert app.page.locator("[data-testid=stException]").count() == 0
    assert app.url.startswith(proxied.url.rstrip("/") + path)

    move_a_slider(app)
    downloads = app.page.get_by_role("button", name=re.compile(r"^CSV: "))
    if downloads.count():
        with app.page.expect_download(timeout=60_000) as download:
            downloads.first.click()
        assert Path(download.value.path()).stat().st_size > 0
    with app.page.expect_download(timeout=60_000) as brief:
        app.page.get_by_role("button", name="Download brief (PDF)").click()
    assert Path(brief.value.path()).read_bytes().startswith(b"%PDF")
    assert violations(app) == []
    assert app.console_errors == []


def test_the_page_says_its_language_under_the_policy(browser, proxied):
    """<html lang> follows the view's language through the proxy, with the policy as strict as it is.

    The setter (dashboard/views/language.py) is a script file from the app itself: no inline
    script, no blob: URL. Russian from the link, English again after the sidebar's switch.
    """
    app = viewer(browser, proxied).open("/border?lang=ru&radius=150")
    app.page.wait_for_function("() => document.documentElement.lang === 'ru'")
    before = app.url
    app.page.locator("[data-testid=stSidebar]").get_by_role("radio", name="English", exact=True).click()
    app.page.wait_for_function("before => window.location.href !== before", arg=before)
    app.settle()
    app.page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert app.url == proxied.url.rstrip("/") + "/border?radius=150"
    assert violations(app) == []
    assert app.console_errors == []


def security_headers_of(headers: dict[str, str]) -> dict[str, str]:
    """The security headers among `headers` (names in any case), as hardening.security_headers names them."""
    lower = {name.lower(): value for name, value in headers.items()}
    return {name: lower.get(name.lower(), "") for name in security_headers()}


def test_the_policy_is_enforced_and_a_violation_would_be_seen(browser, proxied):
    """The check above can fail: an injected inline script is blocked, and the event recorded."""
    app = viewer(browser, proxied).open("/")
    ran = app.page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__injected = 1';"
        " document.head.appendChild(s); return window.__injected === 1 }"
    )
    assert ran is False
    app.page.wait_for_function("() => window.__violations.length > 0")
    assert violations(app)[0].startswith("script-src-elem blocked inline")


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
    assert violations(app) == [] and violations(other) == []
    assert app.console_errors == []


def test_every_response_carries_the_security_headers_errors_included(proxied):
    """The page, a static file, health, nginx's redirect and its 404, and no version in Server."""
    base = urlsplit(proxied.url)
    script = re.search(r'src="\./(static/js/[^"]+)"', get(proxied.url).body).group(1)
    answers = {
        "page": get(proxied.url),
        "static file": get(proxied.url + script),
        "health": get(proxied.url + "_stcore/health"),
        "redirect to the app": get(f"http://{base.netloc}/"),
        "nginx's own 404": get(f"http://{base.netloc}/not-the-app"),
    }
    assert {what: answer.status for what, answer in answers.items()} == {
        "page": 200, "static file": 200, "health": 200, "redirect to the app": 302, "nginx's own 404": 404,
    }  # fmt: skip
    for what, answer in answers.items():
        assert security_headers_of(answer.headers) == security_headers(), what
        assert answer.headers["Server"] == "nginx", what  # server_tokens off: no version
    assert "nginx/" not in answers["nginx's own 404"].body


def test_a_burst_from_one_address_is_refused_while_other_viewers_are_served(proxied):
    """Hundreds of requests at once from 127.0.0.2 get 429; a viewer at 127.0.0.1 is not slowed out.

    The page (the app's own budget) and a static path (the assets' budget, larger because a
    page load fetches ~140 files) are both limited. The counts are bounded: every request is
    answered, by a replica or by nginx's 429.
    """
    base = urlsplit(proxied.url)
    other_viewer: list[int] = []
    with ThreadPoolExecutor(max_workers=BURST_CONCURRENCY) as pool:
        pages = pool.map(lambda _: get(proxied.url, source="127.0.0.2"), range(300))
        assets = pool.map(lambda _: get(proxied.url + "static/no-such-file.js", source="127.0.0.2"), range(600))
        for _ in range(5):  # meanwhile, another viewer
            other_viewer += [get(proxied.url).status, get(proxied.url + "_stcore/health").status]
        pages, assets = list(pages), list(assets)
    page_counts = Counter(answer.status for answer in pages)
    asset_counts = Counter(answer.status for answer in assets)
    assert set(page_counts) == {200, 429} and page_counts[429] >= 100, page_counts
    assert set(asset_counts) == {200, 429} and asset_counts[429] >= 100, asset_counts  # Streamlit answers any path
    assert page_counts[200] >= DEFAULT_LIMITS.app_burst  # the burst allowance itself is served
    refused = next(answer for answer in pages if answer.status == 429)
    assert security_headers_of(refused.headers) == security_headers()
    assert other_viewer == [200] * 10
    assert get(f"http://{base.netloc}{base.path}_stcore/health").status == 200


BURST_CONCURRENCY = 32


def test_the_load_benchmarks_25_viewers_from_one_address_are_never_limited(proxied):
    """benchmarks/load.py's viewers, all from 127.0.0.1 at once, each visiting every page."""
    tally, _ = session.run_blocking(load.viewers(proxied.url.rstrip("/"), 25, 1))
    assert tally.errors == []
    assert len(tally.latencies_ms) == 25 * (len(session.PAGES) + 2)


class PortalPage(BaseHTTPRequestHandler):
    """An intranet portal that embeds the app: GET /?app=URL is a page with URL in an iframe."""

    def do_GET(self) -> None:
        if not (app := html.escape(parse_qs(urlsplit(self.path).query).get("app", [""])[0])):
            self.send_error(404)  # the favicon
            return
        body = f'<iframe src="{app}" onload="this.dataset.loaded=1" width="1200" height="900"></iframe>'.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def portal() -> Iterator[str]:
    """The portal's origin: loopback too (Chromium keeps public sites from framing loopback at
    all, which would hide what the policy does), on a port of its own, so another origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PortalPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def embeddable(portal: str) -> Iterator[Cluster]:
    """One replica behind nginx configured as an intranet might: the portal may frame the app."""
    with cluster(replicas=1, base_path=PREFIX, warm=False, frame_ancestors=f"'self' {portal}") as running:
        yield running


def framed_by_the_portal(browser: Browser, running: Cluster, portal: str) -> AppPage:
    """The portal's page with the app in an iframe, once the iframe has loaded (or been refused)."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = AppPage(context.new_page(), portal)
    page.page.goto(f"{portal}/?{urlencode({'app': running.url})}")
    page.page.wait_for_function("() => document.querySelector('iframe').dataset.loaded")
    return page


def test_another_site_cannot_frame_the_app(browser, proxied, portal):
    """Chromium refuses the frame (frame-ancestors 'self') and shows its error page in it instead."""
    page = framed_by_the_portal(browser, proxied, portal)
    assert page.page.frames[1].url.startswith("chrome-error://")


def test_an_allowed_portal_frames_the_app(browser, embeddable, portal):
    """The same portal, allowed by the frame-ancestors option: the app runs inside its frame."""
    page = framed_by_the_portal(browser, embeddable, portal)
    app_frame = page.page.frame_locator("iframe")
    app_frame.locator("[data-testid=stApp][data-test-script-state=notRunning]").wait_for(timeout=60_000)
    assert app_frame.locator("[data-testid=stSidebarNavLink]").count() > 0
    assert page.page.frames[1].url.startswith(embeddable.url)
    headers = get(embeddable.url).headers
    assert f"frame-ancestors 'self' {portal}" in headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in headers  # it cannot name the portal; frame-ancestors does


def test_connections_beyond_the_limit_are_refused_per_address():
    """Websockets hold their connection: the fourth from one address gets 429, another address 101.

    Three connections per address (the real limit, 100, in three keeps the test short).
    """
    with cluster(replicas=1, base_path=PREFIX, warm=False, limits=Limits(connections=3)) as running:
        refused_while_three_held(running.url)


def refused_while_three_held(url: str) -> None:
    held = [open_websocket(url, "127.0.0.3") for _ in range(3)]
    try:
        assert [status for status, _ in held] == [101, 101, 101]
        refused, extra = open_websocket(url, "127.0.0.3")
        extra.close()
        assert refused == 429
        other, connection = open_websocket(url, "127.0.0.4")
        connection.close()
        assert other == 101
    finally:
        for _, connection in held:
            connection.close()


def open_websocket(url: str, source: str) -> tuple[int, socket.socket]:
    """A websocket handshake to the app's stream from `source`: the status, and the open connection."""
    parts = urlsplit(url)
    connection = socket.create_connection((parts.hostname, parts.port), timeout=30, source_address=(source, 0))
    connection.sendall(
        (
            f"GET {parts.path}_stcore/stream HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}\r\n"
            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: streamlit\r\n"
            f"Origin: {parts.scheme}://{parts.netloc}\r\n\r\n"
        ).encode()
    )
    status_line = connection.makefile("rb").readline().decode()
    return int(status_line.split()[1]), connection


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str


def get(url: str, source: str = "127.0.0.1") -> Answer:
    """One GET on a fresh connection from `source` (another loopback address is another client)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30, source_address=(source, 0))
    try:
        connection.request("GET", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        return Answer(response.status, dict(response.getheaders()), response.read().decode(errors="replace"))
    finally:
        connection.close()


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


def test_a_link_the_server_cannot_read_says_so_instead_of_opening_the_defaults(browser, proxied):
    """1,200 parameters: Streamlit reads none of them; the viewer is told, through the proxy."""
    app = viewer(browser, proxied)
    app.open("/border?" + "&".join(f"radius={100 + i % 50}" for i in range(1200)))
    notice = app.page.get_by_text("This link has 1,200 parameters, more than the server reads")
    assert notice.is_visible()
    assert "radius" not in app.url  # the default view, as the notice says


def test_a_link_too_long_for_the_proxy_is_refused_with_a_reason(proxied):
    """Past 32 KB nginx cannot read the request line at all: a 414 that says why, not a bare error."""
    answer = get(proxied.url + "border?" + "&".join(f"radius={100 + i % 50}" for i in range(5000)))  # 55 KB
    assert answer.status == 414
    assert "This link is longer than the server reads (32 KB)" in answer.body
    assert security_headers_of(answer.headers) == security_headers()


@pytest.fixture
def replica(tmp_path) -> Iterator[tuple[str, Path]]:
    """One hosted replica (hosting/app.py, the guard around Streamlit) and its log, admitting two."""
    port, log = free_port(), tmp_path / "replica.log"
    with log.open("w") as output:
        process = start_streamlit(port, output=output, max_sessions=2)
        try:
            wait_for(health_url(port), process=process)
            yield f"http://127.0.0.1:{port}", log
        finally:
            stop(process)


def test_the_hosted_server_keeps_its_caches_and_tells_no_paths_or_versions(replica):
    base, log = replica

    async def clear_then_run() -> session.Run:
        async with session.session(base) as socket:
            first = await session.run_page(socket, "")
            message = BackMsg()
            message.clear_cache = True
            await socket.send(message.SerializeToString())
            await session.run_page(socket, "trade")
            return first

    first = session.run_blocking(clear_then_run())
    assert first.finished
    assert first.new_session is not None and first.new_session.main_script_path == ""
    environment = first.new_session.initialize.environment_info
    assert (environment.streamlit_version, environment.python_version, environment.server_os) == ("", "", "")
    assert "dropped a clear_cache message from a viewer" in log.read_text()


def test_a_full_replica_tells_the_next_viewer_it_is_busy(replica):
    base, _ = replica

    async def three_viewers() -> tuple[list[session.Run], session.Run]:
        async with session.session(base) as one, session.session(base) as two:
            runs = [await session.run_page(one, ""), await session.run_page(two, "")]
            async with session.session(base) as three:
                runs.append(await session.run_page(three, "trade"))
        async with session.session(base) as later:  # the first two have left
            return runs, await session.run_page(later, "trade")

    runs, later = session.run_blocking(three_viewers())
    busy = "The dashboard is serving as many viewers as it can right now"
    assert [any(busy in text for text in run.warnings) for run in runs] == [False, False, True]
    assert all(run.finished for run in runs)
    assert not any(busy in text for text in later.warnings) and later.finished


def test_at_the_admission_limit_100_viewers_leave_the_replica_alive_within_its_memory_limit():
    """The Deployment's limit and admission (deploy/), 100 viewers at once on one replica."""
    limit_mib, max_sessions = deployed_memory_limit_and_admission()
    (row,) = load.memory([100], moves=1, max_sessions=max_sessions)
    assert row["alive"] and row["errors"] == 0
    assert row["served"] == max_sessions and row["busy"] == 100 - max_sessions
    assert row["peak_mib"] < limit_mib


def deployed_memory_limit_and_admission() -> tuple[float, int]:
    """(memory limit in MiB, RT_MAX_SESSIONS) of the app container in deploy/deployment.yaml."""
    deployment = yaml.safe_load((ROOT / "deploy" / "deployment.yaml").read_text())
    container = next(c for c in deployment["spec"]["template"]["spec"]["containers"] if c["name"] == "dashboard")
    limit = container["resources"]["limits"]["memory"]
    assert limit.endswith("Mi")
    env = {item["name"]: item["value"] for item in container["env"]}
    return float(limit[:-2]), int(env["RT_MAX_SESSIONS"])
