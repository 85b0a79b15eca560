"""Private access: with OIDC settings in the secrets, strangers see a sign-in screen and nothing else.

A real `streamlit run` whose secrets point at a small OIDC provider on loopback
(tests/e2e/oidc_provider.py): no outside identity service.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from dashboard import navigation
from hosting.process import free_port, health_url, start_streamlit, stop, wait_for
from hosting.serve import NGINX, cluster
from tests.e2e.conftest import AppPage
from tests.e2e.oidc_provider import CLIENT_ID, CLIENT_SECRET, Provider

pytestmark = pytest.mark.e2e


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


def test_sign_in_works_behind_the_proxy_with_two_replicas(browser, provider, tmp_path):
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: `make test` installs Debian's nginx")
    provider.user = {"email": "analyst@example.org", "name": "Test Analyst"}
    port = free_port()
    prefix = "/intel/tajikistan/"
    secrets_file = write_secrets(tmp_path / "secrets.toml", f"http://127.0.0.1:{port}{prefix}oauth2callback", provider)
    with cluster(replicas=2, port=port, base_path=prefix, secrets_file=secrets_file) as running:
        app = visitor(browser, running.url.rstrip("/")).open("/border?radius=200")
        assert app.page.locator("[data-testid=stMetric]").count() == 0
        sign_in(app)
        app.open("/border?radius=200")
        handle = app.page.locator("[data-testid=stSlider]", has_text="Distance from Russia").get_by_role("slider")
        assert handle.input_value() == "200"
        assert app.url.startswith(running.url)
