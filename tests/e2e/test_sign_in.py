"""Private access: with OIDC settings in the secrets, strangers see a sign-in screen and nothing else.

A real `streamlit run` whose secrets point at a small OIDC provider on loopback
(tests/e2e/oidc_provider.py): no outside identity service.
"""

from __future__ import annotations

import http.client
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import websockets
from playwright.sync_api import Browser

from dashboard import navigation
from hosting.process import free_port, health_url, start_streamlit, stop, wait_for
from hosting.serve import NGINX, Cluster, cluster
from hosting.session import run_blocking
from tests.e2e.conftest import AppPage
from tests.e2e.oidc_provider import CLIENT_ID, CLIENT_SECRET, Provider

pytestmark = pytest.mark.e2e
PREFIX = "/intel/tajikistan/"


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    running = Provider()
    yield running
    running.close()


def write_secrets(path: Path, redirect_uri: str, provider: Provider) -> Path:
    """A deployment's secrets: sign-in through the test provider, and one allowed domain."""
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "{redirect_uri}"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{provider.metadata_url}"\n'
        "\n[access]\n"
        'allowed_domains = ["example.org"]\n'
    )
    return path


@pytest.fixture(scope="module")
def private_server(provider: Provider, tmp_path_factory) -> Iterator[str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    secrets_file = write_secrets(
        tmp_path_factory.mktemp("secrets") / "secrets.toml", f"{base}/oauth2callback", provider
    )
    process = start_streamlit(port, secrets_file=secrets_file)
    wait_for(health_url(port), process=process)
    yield base
    stop(process)


def visitor(browser: Browser, base: str) -> AppPage:
    return AppPage(browser.new_context(viewport={"width": 1440, "height": 1000}).new_page(), base)


def sign_in(app: AppPage) -> None:
    app.page.get_by_role("button", name="Sign in").click()
    app.page.wait_for_url(re.compile(re.escape(app.base) + r"/?(\?.*)?$"), timeout=30_000)
    app.settle()


def test_a_signed_out_viewer_sees_only_the_sign_in_screen(browser, private_server):
    app = visitor(browser, private_server).open("/border?radius=200")
    assert app.page.get_by_role("button", name="Sign in").is_visible()
    assert app.page.get_by_text("This copy of the dashboard is private").is_visible()
    assert app.page.locator("[data-testid=stMetric]").count() == 0
    assert app.page.locator("[data-testid=stVegaLiteChart]").count() == 0
    assert app.page.locator("[data-testid=stSidebarNavLink]").count() == 0
    assert app.page.get_by_text("Filters for every page").count() == 0


def test_a_signed_in_viewer_sees_the_page_the_link_points_to(browser, private_server, provider):
    provider.user = {"email": "analyst@example.org", "name": "Test Analyst"}
    app = visitor(browser, private_server).open("/border?radius=200")
    sign_in(app)
    assert app.page.locator("[data-testid=stSidebarNavLink]").count() == len(navigation.PAGES)
    app.open("/border?radius=200")
    handle = app.page.locator("[data-testid=stSlider]", has_text="Distance from Russia").get_by_role("slider")
    assert handle.input_value() == "200"
    assert app.page.locator("[data-testid=stMetric]", has_text="Border within 200 km").count() == 1


def test_an_account_outside_the_allowed_domains_is_kept_out(browser, private_server, provider):
    provider.user = {"email": "stranger@elsewhere.net", "name": "Stranger"}
    app = visitor(browser, private_server).open("/trade")
    sign_in(app)
    app.open("/trade")
    assert app.page.get_by_text("This account is not allowed").is_visible()
    assert app.page.locator("[data-testid=stMetric]").count() == 0
    assert app.page.locator("[data-testid=stSidebarNavLink]").count() == 0


@dataclass
class Private:
    """The hosted setup with sign-in on: two replicas, nginx and the gate, one secrets file."""

    running: Cluster
    origin: str  # http://127.0.0.1:PORT


@pytest.fixture(scope="module")
def private_cluster(provider: Provider, tmp_path_factory) -> Iterator[Private]:
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: `make test` installs Debian's nginx")
    port = free_port()
    folder = tmp_path_factory.mktemp("private-cluster")
    secrets_file = write_secrets(folder / "secrets.toml", f"http://127.0.0.1:{port}{PREFIX}oauth2callback", provider)
    with cluster(replicas=2, port=port, base_path=PREFIX, secrets_file=secrets_file) as running:
        yield Private(running, f"http://127.0.0.1:{port}")


def test_sign_in_works_behind_the_proxy_with_two_replicas(browser, provider, private_cluster):
    provider.user = {"email": "analyst@example.org", "name": "Test Analyst"}
    running = private_cluster.running
    app = visitor(browser, running.url.rstrip("/"))
    app.page.goto(running.url + "border?radius=200")  # signed out: the proxy sends the browser to sign in
    app.page.wait_for_url(re.compile(re.escape(running.url) + r"(\?.*)?$"), timeout=30_000)
    app.settle()
    app.open("/border?radius=200")
    handle = app.page.locator("[data-testid=stSlider]", has_text="Distance from Russia").get_by_role("slider")
    assert handle.input_value() == "200"
    assert app.url.startswith(running.url)


def signed_in_viewer(browser: Browser, provider: Provider, running: Cluster, email: str) -> AppPage:
    """A browser signed in as `email` through the proxy, on the Overview."""
    provider.user = {"email": email, "name": email.split("@")[0]}
    app = visitor(browser, running.url.rstrip("/"))
    app.page.goto(running.url)
    app.page.wait_for_url(re.compile(re.escape(running.url) + r"(\?.*)?$"), timeout=30_000)
    return app.settle()


def download_url(app: AppPage) -> str:
    with app.page.expect_download() as download:
        app.page.get_by_role("button", name=re.compile(r"^CSV: ")).first.click()
    return download.value.url


def fetch(url: str, cookies: dict[str, str] | None = None, accept: str = "*/*") -> tuple[int, str, str]:
    """(status, Location, body) of a GET without following redirects, as a script would send it."""
    headers = {"Accept": accept}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers)
    response = connection.getresponse()
    answer = (response.status, response.getheader("Location") or "", response.read().decode("utf-8", "replace"))
    connection.close()
    return answer


def cookies_of(app: AppPage) -> dict[str, str]:
    return {cookie["name"]: cookie["value"] for cookie in app.page.context.cookies()}


def test_a_stranger_gets_nothing_but_the_sign_in_flow_and_the_health_check(browser, provider, private_cluster):
    running = private_cluster.running
    member = signed_in_viewer(browser, provider, running, "analyst@example.org")
    csv = download_url(member)
    assert urlsplit(csv).path.startswith(f"{PREFIX}media/") and csv.endswith(".csv")
    script = re.search(r'src="\./(static/js/[^"]+)"', fetch(running.url, cookies_of(member))[2]).group(1)
    # the member's replica, by its affinity cookie, and any value a stranger might pick
    for affinity in (cookies_of(member)["rt_affinity"], "anything"):
        stranger = {"rt_affinity": affinity}
        for path in (
            "",
            "border?radius=200",
            script,
            "_stcore/host-config",
            "_stcore/stream",
            urlsplit(csv).path[len(PREFIX) :],
        ):
            status, location, body = fetch(running.url + path, stranger)
            assert status == 401 and body == "Sign in first.", path
            status, location, body = fetch(running.url + path, stranger, accept="text/html")
            assert status == 302 and urlsplit(location).path == f"{PREFIX}auth/login", path
        for path in ("_stcore/metrics", "_stcore/agent/openapi.json"):
            assert fetch(running.url + path, stranger)[0] == 404, path
    assert fetch(running.url + "_stcore/health")[:3:2] == (200, "ok")
    # the member: host-config (the front end needs it) and the page, but no metrics or agent API either
    assert fetch(running.url + "_stcore/host-config", cookies_of(member))[0] == 200
    assert fetch(running.url + "border?radius=200", cookies_of(member), accept="text/html")[0] == 200
    for path in ("_stcore/metrics", "_stcore/agent/openapi.json"):
        assert fetch(running.url + path, cookies_of(member))[0] == 404, path
    status, location, _ = fetch(running.url + "auth/login?provider=x")
    assert status in (302, 400)  # Streamlit's own sign-in endpoint answers; a forged token goes nowhere


def test_a_download_belongs_to_the_account_that_made_it(browser, provider, private_cluster):
    running = private_cluster.running
    owner = signed_in_viewer(browser, provider, running, "analyst@example.org")
    csv = download_url(owner)
    colleague = signed_in_viewer(browser, provider, running, "colleague@example.org")
    on_owners_replica = {**cookies_of(colleague), "rt_affinity": cookies_of(owner)["rt_affinity"]}
    assert fetch(csv, cookies_of(owner))[0] == 200
    assert "source_publisher" in fetch(csv, cookies_of(owner))[2].splitlines()[0]
    status, _, body = fetch(csv, on_owners_replica)
    assert status == 403 and "source_publisher" not in body


def test_a_signed_out_websocket_is_refused_at_the_proxy(private_cluster):
    url = private_cluster.running.url.replace("http://", "ws://") + "_stcore/stream"

    async def connect() -> int:
        try:
            async with websockets.connect(url, subprotocols=["streamlit"], origin=private_cluster.origin):
                return 101
        except websockets.InvalidStatus as refused:
            return refused.response.status_code

    assert run_blocking(connect()) == 401  # Playwright's event loop runs in this thread


def test_an_account_outside_the_allowed_domains_is_refused_at_the_proxy(browser, provider, private_cluster):
    running = private_cluster.running
    provider.user = {"email": "stranger@elsewhere.net", "name": "Stranger"}
    app = visitor(browser, running.url.rstrip("/"))
    app.page.goto(running.url)
    app.page.wait_for_selector("text=This account is not allowed", timeout=30_000)
    for path in ("", "_stcore/host-config", "_stcore/stream"):
        assert fetch(running.url + path, cookies_of(app))[0] == 403, path
    assert app.page.get_by_role("link", name="Sign out").get_attribute("href") == f"{PREFIX}auth/logout"
