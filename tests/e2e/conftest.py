"""A real `streamlit run` on a free loopback port, driven by Debian's headless Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from hosting import chromium
from hosting.chromium import CHROMIUM
from hosting.process import free_port, health_url, start_streamlit, stop, wait_for

PROBE = re.compile(r"/[a-z_-]+/_stcore/(health|host-config)$")


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[str]:
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "streamlit.log"  # a file: a pipe nobody reads would fill up
    with log.open("w") as output:
        process = start_streamlit(port, output=output)
        try:
            wait_for(health_url(port), process=process)
        except RuntimeError as error:
            raise RuntimeError(f"{error}\n{log.read_text()}") from None
        yield f"http://127.0.0.1:{port}"
        stop(process)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()


class AppPage:
    """A browser tab on the app that records console errors and waits the way Streamlit's suite does."""

    def __init__(self, page: Page, base: str):
        self.page, self.base = page, base
        self._console: list[str] = []
        self.failed_requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self._console.append(m.text))
        page.on("pageerror", lambda e: self._console.append(f"page error: {e}"))
        page.on("response", lambda r: r.status >= 400 and self.failed_requests.append(r.url))
        page.on("requestfailed", lambda r: self.failed_requests.append(r.url))

    @property
    def console_errors(self) -> list[str]:
        """Console errors, less the 404s of Streamlit's own base-path probe.

        Opened at /sources, the front end first asks /sources/_stcore/health and host-config
        to find the server's base path, gets 404 and retries at /. Any other failed request
        or console error counts.
        """
        unexplained = [u for u in self.failed_requests if not PROBE.search(u)]
        errors = [m for m in self._console if not m.startswith("Failed to load resource")]
        return errors + unexplained

    def open(self, path: str = "/") -> AppPage:
        self.page.goto(self.base + path)
        return self.settle()

    def settle(self) -> AppPage:
        """Connected, script finished, no skeletons, and every chart drawn."""
        self.page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]")
        self.page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=30_000)
        self.page.wait_for_function(
            "() => !document.querySelector('[data-testid=stSkeleton]') && "
            "[...document.querySelectorAll('[data-testid=stVegaLiteChart]')]"
            ".every(c => c.querySelector('canvas, svg'))",
            timeout=30_000,
        )
        return self

    @property
    def url(self) -> str:
        return self.page.evaluate("window.location.href")


@pytest.fixture
def app(browser: Browser, server: str) -> Iterator[AppPage]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    yield AppPage(context.new_page(), server)
    context.close()


@pytest.fixture
def new_session(browser: Browser, server: str):
    """Another viewer: a separate browser context, sharing nothing with the first."""
    contexts = []

    def make() -> AppPage:
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        contexts.append(context)
        return AppPage(context.new_page(), server)

    yield make
    for context in contexts:
        context.close()
