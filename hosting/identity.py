"""Who a request comes from: Streamlit's own signed sign-in cookie, checked with Streamlit's code.

Streamlit signs the `_streamlit_user` cookie (itsdangerous, salted with the cookie's name, the
`[auth] cookie_secret` as key) when the provider signs a viewer in, and splits a large one into
chunks. The proxy's gate (hosting/gate.py) and the replicas' guard (hosting/guard.py) read it
with the same functions Streamlit's websocket uses, so all three agree on who is signed in.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import cookie_parser
from streamlit.auth_util import get_cookie_with_chunks
from streamlit.web.server.starlette.starlette_app_utils import decode_signed_value

USER_COOKIE = "_streamlit_user"


@dataclass(frozen=True)
class Viewer:
    """A signed-in account: `key` (issuer's subject, or the e-mail) tells two accounts apart."""

    key: str
    email: str


def cookies_of(headers: Mapping[str, str] | list[tuple[bytes, bytes]]) -> dict[str, str]:
    """The cookies of a request's headers (an ASGI header list or a mapping)."""
    if isinstance(headers, Mapping):
        return cookie_parser(headers.get("cookie", ""))
    raw = b"; ".join(value for name, value in headers if name.lower() == b"cookie")
    return cookie_parser(raw.decode("latin-1"))


def signed_in(cookies: Mapping[str, str], secret: str) -> Viewer | None:
    """The account the cookie was signed for, or None: no cookie, a forged or expired one."""
    if not secret:
        return None

    def single(name: str) -> bytes | None:
        value = cookies.get(name)
        return None if value is None else decode_signed_value(secret, name, value.encode("latin-1"))

    try:
        raw = get_cookie_with_chunks(single, USER_COOKIE)
        payload: dict[str, Any] = json.loads(raw) if raw else {}
    except (ValueError, TypeError):
        return None
    if not payload.get("is_logged_in"):
        return None
    email = str(payload.get("email") or "")
    key = str(payload.get("sub") or email)
    return Viewer(key, email) if key else None
