"""Optional private access: sign-in through OIDC (st.login) and an allowed e-mail domain.

With an `[auth]` section in Streamlit's secrets, every page asks for sign-in first; with
`[access] allowed_domains = ["example.org"]` as well, only those domains get in. Without them
the app is public. Nothing here is in the repo's secrets: a deployment brings its own file.
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
