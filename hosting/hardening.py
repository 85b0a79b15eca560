"""What the proxy adds for the open internet: security headers on every response, per-client limits.

One place for the values: nginx (hosting/nginx.conf.template, and so the compose configuration)
and the Kubernetes Ingress (deploy/) use the same ones, and the tests check both against these.

The Content-Security-Policy is as strict as Streamlit's front end allows, found in headless
Chromium by collecting `securitypolicyviolation` events on every page (tests/e2e/test_hosting.py):
- scripts only from the app itself, plus the one inline script in Streamlit's index.html, by its
  hash (no 'unsafe-inline', no 'unsafe-eval': Streamlit renders Vega-Lite with vega-interpreter,
  which needs no eval); 'wasm-unsafe-eval' lets the front end compile its WebAssembly (Chromium
  reports a `wasm-eval` violation without it), which runs no JavaScript from strings;
- styles 'unsafe-inline': Streamlit's components style themselves at run time (emotion);
- fonts also as data: URLs (Chromium reports `font-src` violations without it), and images, for
  the small icons the front end's widgets may inline; no blob: anywhere, as no page needed it
  (the page-language setter is a same-origin script file in a same-origin frame, not a blob:
  script: dashboard/views/language.py);
- connections ('self' covers the websocket to the same host) and everything else only to the app.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import streamlit

INDEX_HTML = Path(streamlit.__file__).parent / "static" / "index.html"
DEFAULT_FRAME_ANCESTORS = "'self'"
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=(), "
    "fullscreen=(self), clipboard-write=(self)"
)
REFERRER_POLICY = "strict-origin-when-cross-origin"


@cache
def inline_script_hashes() -> tuple[str, ...]:
    """'sha256-…' of each inline script in the installed Streamlit's index.html.

    Computed from the installed file rather than copied: a Streamlit upgrade that changes the
    script changes the policy with it (and the test that the compose/Kubernetes copies match).
    """
    scripts = re.findall(r"<script>(.*?)</script>", INDEX_HTML.read_text(), flags=re.DOTALL)
    return tuple(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'" for script in scripts
    )


def content_security_policy(frame_ancestors: str = DEFAULT_FRAME_ANCESTORS) -> str:
    """The policy, with `frame_ancestors` the origins allowed to frame the app ('self' by default)."""
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(("'self'", "'wasm-unsafe-eval'", *inline_script_hashes())),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def frame_options(frame_ancestors: str = DEFAULT_FRAME_ANCESTORS) -> str:
    """X-Frame-Options for browsers without frame-ancestors: it can only say 'self' or nobody.

    Empty (nginx then sends no header) when other origins may frame the app: the old header
    cannot name them, and every browser that knows frame-ancestors ignores it anyway.
    """
    return {"'self'": "SAMEORIGIN", "'none'": "DENY"}.get(frame_ancestors.strip(), "")


def security_headers(frame_ancestors: str = DEFAULT_FRAME_ANCESTORS) -> dict[str, str]:
    """Header -> value, as every response through the proxy carries them (empty: not sent)."""
    return {
        "Content-Security-Policy": content_security_policy(frame_ancestors),
        "X-Frame-Options": frame_options(frame_ancestors),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": REFERRER_POLICY,
        "Permissions-Policy": PERMISSIONS_POLICY,
    }


@dataclass(frozen=True)
class Limits:
    """Per client address: requests a second and the burst allowed at once, connections at once.

    Two request budgets, because a page load has two kinds of request. Measured through the
    proxy in Chromium (docs/hosting.md): a cold page load fetches 122–148 static files (the
    front end's hashed scripts, styles and fonts, cached by the browser afterwards) and 5–8
    others (the page, health, host-config, the favicon, a media file, the websocket), plus 3
    since the page sets its <html lang> (the component's index.html, which Streamlit fetches
    twice, and its script: counted in Chromium on the plain server), so 8–11. Slider moves and
    page changes travel over the websocket and make no request at all (the component's frame
    stays as it is across pages).
    - `app_*` (everything but static files): a burst of 50 covers four cold page loads at once,
      or the load benchmark's 25 viewers connecting together from one address; hundreds of
      page or API requests at once get 429.
    - `asset_*` (…/static/): a burst of 300 covers two cold page loads at once.
    - `connections`: a websocket holds one connection for a viewer's whole visit, so this is
      viewers at once per address (an office behind one address) plus their page loads.
    """

    app_rate: int = 5
    app_burst: int = 50
    asset_rate: int = 50
    asset_burst: int = 300
    connections: int = 100


DEFAULT_LIMITS = Limits()
