"""The proxy's security headers and limits as rendered into nginx.conf (no nginx needed here).

tests/e2e/test_hosting.py runs the same configuration in a real nginx and a real browser.
"""

from __future__ import annotations

import re

from hosting.hardening import (
    DEFAULT_LIMITS,
    INDEX_HTML,
    Limits,
    content_security_policy,
    inline_script_hashes,
    security_headers,
)
from hosting.serve import render_config

PORTAL = "https://portal.example.org"


def added_headers(config: str) -> dict[str, str]:
    """add_header name -> value in a rendered nginx.conf; every one must be sent on errors too."""
    found = re.findall(r'^\s*add_header (\S+) "?(.*?)"? always;$', config, flags=re.MULTILINE)
    assert len(found) == len(re.findall(r"^\s*add_header ", config, flags=re.MULTILINE))  # none without `always`
    return dict(found)


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_the_script_policy_allows_only_the_apps_files_and_the_one_inline_script_by_hash():
    scripts = directives(content_security_policy())["script-src"].split()
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert len(inline_script_hashes()) == INDEX_HTML.read_text().count("<script>") == 1
    assert scripts == ["'self'", "'wasm-unsafe-eval'", *inline_script_hashes()]


def test_the_policy_names_every_kind_of_source_and_nothing_outside_the_app():
    policy = directives(content_security_policy())
    assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert not any(re.search(r"https?:|\*", value) for value in policy.values())


def test_the_rendered_config_sends_every_header_always_and_hides_the_version():
    config = render_config("/tmp/x", "127.0.0.1:8080", "/intel/tajikistan/", ["127.0.0.1:9001"], "127.0.0.1:9002")
    headers = added_headers(config)
    assert {name: headers[name] for name in security_headers()} == security_headers()
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert re.search(r"^\s*server_tokens off;$", config, flags=re.MULTILINE)


def test_an_intranet_portal_can_be_allowed_to_frame_the_app():
    config = render_config("/tmp/x", "80", "/intel/tajikistan/", ["a:1"], "g:2", frame_ancestors=f"'self' {PORTAL}")
    headers = added_headers(config)
    assert directives(headers["Content-Security-Policy"])["frame-ancestors"] == f"'self' {PORTAL}"
    assert headers["X-Frame-Options"] == ""  # nginx sends no empty header; the old one cannot name a portal


def test_the_limits_are_rendered_per_client_address_with_429():
    config = render_config("/tmp/x", "80", "/app/", ["a:1"], "g:2", limits=Limits(app_rate=7, connections=9))
    assert "zone=app:10m rate=7r/s" in config
    assert f"zone=assets:10m rate={DEFAULT_LIMITS.asset_rate}r/s" in config
    assert config.count("$binary_remote_addr") == 3
    assert "limit_req_status 429;" in config and "limit_conn_status 429;" in config
    assert "limit_conn per_client 9;" in config
    assert f"limit_req zone=app burst={DEFAULT_LIMITS.app_burst} nodelay;" in config
    static = re.search(r"location /app/static/ \{(.*?)\}", config, flags=re.DOTALL).group(1)
    assert f"limit_req zone=assets burst={DEFAULT_LIMITS.asset_burst} nodelay;" in static
