"""Debian's headless Chromium, launched the way the browser tests and the benchmarks drive the app.

It runs as root on a closed network: without these flags it needs a sandbox it cannot have,
and floods the log with refused connections to Google's update and sync services.
"""

from __future__ import annotations

import os

from playwright.sync_api import Browser, Playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def launch(playwright: Playwright, *extra_args: str) -> Browser:
    """Debian's Chromium (no downloaded browser), headless, with the flags above."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *extra_args])
