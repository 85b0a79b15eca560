"""The proxy's first wall: nginx asks this gate about every request before it reaches Streamlit.

    python -m hosting.gate --port 8090 --base-path /intel/tajikistan/ --secrets /srv/rt/secrets.toml

nginx's `auth_request` sends each request's headers here (hosting/nginx.conf.template); only the
health check and the sign-in flow itself (`auth/login`, `oauth2callback`, `auth/logout`) skip
it. The gate reads the deployment's own secrets file, the one the replicas read, so one setting
turns sign-in on for both walls:

- no `[auth]` section: the app is public and every request passes (204);
- a valid Streamlit sign-in cookie (signed with `[auth] cookie_secret`; hosting/identity.py)
  for an address in `[access] allowed_domains` (every address when none is set): 204;
- signed in with another domain: 403, and nginx shows the gate's refusal page (sign out);
- no cookie, a forged or an expired one: 401. A page request is then sent to the provider
  (`auth/login` with Streamlit's own signed provider token); anything else (the websocket,
  /media/, /_stcore/*, static files) gets the 401.

Why not oauth2-proxy: it is a Go program that neither Debian nor PyPI packages, and it would
add a second sign-in cookie and session beside Streamlit's. The gate checks Streamlit's own
cookie with Streamlit's own code (itsdangerous), so a viewer signs in once, and the replicas
(Streamlit's st.user, hosting/guard.py) and the gate agree on who that is.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from dashboard.session.access import allowed
from hosting.identity import cookies_of, signed_in
from hosting.serve import normalised

REFUSED_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>Not allowed</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; padding: 0 1em; color: #14171A">
<h1>Russia–Tajikistan dashboard</h1>
<p>This account is not allowed to open this copy of the dashboard. Sign in with an address of the
organisation that hosts it.</p>
<p><a href="{base}auth/logout">Sign out</a></p></body></html>"""


def read_secrets(path: Path | None) -> dict[str, Any]:
    """The deployment's secrets, or none (a public app) when there is no file or it is empty."""
    if path is None or not path.is_file():
        return {}
    return tomllib.loads(path.read_text())


def create_app(secrets: dict[str, Any], base: str) -> Starlette:
    """The gate for the app at `base`, configured by the deployment's `secrets`."""
    auth = secrets.get("auth") or {}
    cookie_secret = str(auth.get("cookie_secret", ""))
    domains = list((secrets.get("access") or {}).get("allowed_domains", []))

    async def check(request: Request) -> Response:
        if not auth:
            return Response(status_code=204)
        viewer = signed_in(cookies_of(request.headers), cookie_secret)
        if viewer is None:
            return Response(status_code=401)
        if not allowed(viewer.email, domains):
            return Response(status_code=403)
        return Response(status_code=204, headers={"X-Auth-User": viewer.email})

    async def sign_in(request: Request) -> Response:
        if request.method == "GET" and "text/html" in request.headers.get("accept", ""):
            return RedirectResponse(login_url(), status_code=302)
        return PlainTextResponse("Sign in first.", status_code=401)

    async def refused(request: Request) -> Response:
        return HTMLResponse(REFUSED_PAGE.format(base=base), status_code=403)

    every = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    return Starlette(
        routes=[
            Route("/check", check, methods=every),
            Route("/signin", sign_in, methods=every),
            Route(f"{base}_rt_signin", sign_in, methods=every),  # the Kubernetes Ingress's auth-signin
            Route("/refused", refused, methods=every),
        ]
    )


def login_url() -> str:
    """Where Streamlit's own `st.login()` would send the browser: auth/login with a fresh provider token."""
    from streamlit.user_info import generate_login_redirect_url

    return generate_login_redirect_url("default")


def configure_streamlit(secrets_file: Path | None, base: str) -> None:
    """Streamlit's config as the replicas have it, for its sign-in helpers (the provider token)."""
    from streamlit import config

    config.set_option("server.baseUrlPath", base.strip("/"))
    if secrets_file is not None:
        config.set_option("secrets.files", [str(secrets_file)])


def main(argv: list[str] | None = None) -> int:
    import uvicorn

    parser = argparse.ArgumentParser(prog="python -m hosting.gate", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--base-path", default="/intel/tajikistan/")
    parser.add_argument("--secrets", type=Path, help="the deployment's secrets.toml (the replicas' own)")
    args = parser.parse_args(argv)
    base = normalised(args.base_path)
    configure_streamlit(args.secrets, base)
    app = create_app(read_secrets(args.secrets), base)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
