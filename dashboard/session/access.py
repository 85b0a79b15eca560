"""Who may use this server now: sign-in through OIDC (st.login), an allowed e-mail domain, admission.

With an `[auth]` section in Streamlit's secrets, every page asks for sign-in first; with
`[access] allowed_domains = ["example.org"]` as well, only those domains get in. Without them
the app is public. Nothing here is in the repo's secrets: a deployment brings its own file.
Behind the hosted proxy this is the second wall: the proxy's gate (hosting/gate.py) refuses a
signed-out request before it reaches Streamlit, with the same two sections.

Admission: the replica's guard (hosting/guard.py) marks a connection beyond what the replica's
memory holds as busy; such a session is told so and runs no page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError


def secrets() -> Mapping[str, Any]:
    """Streamlit's secrets, or nothing when the deployment has no secrets file."""
    try:
        return st.secrets.to_dict()
    except (FileNotFoundError, StreamlitSecretNotFoundError):
        return {}


def allowed(email: str | None, domains: list[str]) -> bool:
    """Whether an address is in one of the allowed domains (every address when none is set)."""
    if not domains:
        return True
    local, at, domain = (email or "").rpartition("@")
    return bool(local and at) and domain.lower() in {d.lower().lstrip("@") for d in domains}


ADMISSION_HEADER = "X-Rt-Admission"


def busy(headers: Mapping[str, str]) -> bool:
    """Whether the guard turned this connection away (no header: no guard, as in development)."""
    return headers.get(ADMISSION_HEADER, "admitted") == "busy"


def require_admission() -> None:
    """Stop the run with a busy notice when the replica already serves all the viewers it can."""
    if not busy(st.context.headers):
        return
    st.title("Russia–Tajikistan dashboard")
    st.warning(
        "The dashboard is serving as many viewers as it can right now. Open the link again in a minute: "
        "the view you asked for is kept in the link.",
        icon=":material/hourglass_top:",
    )
    st.stop()


def require_sign_in() -> None:
    """Stop the run with a sign-in screen unless the viewer may see the app."""
    config = secrets()
    if "auth" not in config:
        return
    if not st.user.get("is_logged_in", False):
        st.title("Russia–Tajikistan dashboard")
        st.info("This copy of the dashboard is private. Sign in to open it.", icon=":material/lock:")
        st.button("Sign in", on_click=st.login, type="primary", icon=":material/login:")
        st.caption("After signing in, open the shared link again if it pointed to a particular view.")
        st.stop()
    domains = list(config.get("access", {}).get("allowed_domains", []))
    if not allowed(st.user.get("email"), domains):
        st.title("Russia–Tajikistan dashboard")
        st.error(
            "This account is not allowed to open this copy of the dashboard. "
            "Sign in with an address of the organisation that hosts it.",
            icon=":material/block:",
        )
        st.button("Sign out", on_click=st.logout)
        st.stop()
