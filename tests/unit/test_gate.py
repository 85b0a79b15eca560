"""The proxy's sign-in gate (hosting/gate.py): nginx's auth_request asks it about every request."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import streamlit as st
from starlette.testclient import TestClient
from streamlit import config
from streamlit.web.server.starlette.starlette_app_utils import create_signed_value

from hosting.gate import configure_streamlit, create_app, read_secrets

SECRET = "a test cookie secret, long enough to sign with"
SECRETS = {"auth": {"cookie_secret": SECRET, "client_id": "x"}, "access": {"allowed_domains": ["example.org"]}}
BASE = "/intel/tajikistan/"


def cookie(email: str, logged_in: bool = True, secret: str = SECRET) -> dict[str, str]:
    payload = json.dumps({"is_logged_in": logged_in, "email": email, "sub": email})
    return {"_streamlit_user": create_signed_value(secret, "_streamlit_user", payload).decode()}


def client(secrets: dict, cookies: dict | None = None) -> TestClient:
    return TestClient(create_app(secrets, BASE), cookies=cookies or {})


def test_without_an_auth_section_the_app_is_public():
    assert client({}).get("/check").status_code == 204


def test_a_signed_in_account_of_an_allowed_domain_passes():
    assert client(SECRETS, cookie("analyst@example.org")).get("/check").status_code == 204


def test_signed_out_forged_or_signed_out_cookies_are_refused():
    assert client(SECRETS).get("/check").status_code == 401
    assert client(SECRETS, cookie("analyst@example.org", secret="another secret")).get("/check").status_code == 401
    assert client(SECRETS, cookie("analyst@example.org", logged_in=False)).get("/check").status_code == 401


def test_an_account_outside_the_allowed_domains_is_refused_with_a_way_out():
    gate = client(SECRETS, cookie("stranger@elsewhere.net"))
    assert gate.get("/check").status_code == 403
    refused = gate.get("/refused")
    assert refused.status_code == 403
    assert f'href="{BASE}auth/logout"' in refused.text


@pytest.fixture
def streamlit_config() -> Iterator[None]:
    """Streamlit's global options and secrets as they were, after a test that sets them as the gate does.

    The secrets are read once and kept: left loaded with an [auth] section, every later test of
    the app in this process would meet the sign-in screen instead of the page.
    """
    before = {name: config.get_option(name) for name in ("server.baseUrlPath", "secrets.files")}
    yield
    for name, value in before.items():
        config.set_option(name, value)
    st.secrets._reset()


def test_a_signed_out_page_request_goes_to_streamlits_sign_in_and_anything_else_gets_401(tmp_path, streamlit_config):
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text(f'[auth]\ncookie_secret = "{SECRET}"\nclient_id = "x"\n')
    configure_streamlit(secrets_file, BASE)
    gate = client(read_secrets(secrets_file))
    page = gate.get("/signin", headers={"Accept": "text/html,application/xhtml+xml"}, follow_redirects=False)
    assert page.status_code == 302
    location = urlsplit(page.headers["location"])
    assert location.path == f"{BASE}auth/login"
    assert parse_qs(location.query)["provider"]  # Streamlit's signed provider token
    assert gate.get("/signin", headers={"Accept": "*/*"}).status_code == 401


def test_a_missing_or_empty_secrets_file_means_public(tmp_path):
    assert read_secrets(None) == {} and read_secrets(tmp_path / "none.toml") == {}
    empty = tmp_path / "empty.toml"
    empty.write_text("# public\n")
    assert read_secrets(empty) == {}
