"""A small OpenID Connect provider on loopback, for signing in without any outside service.

It signs in whoever it is told to (`provider.user`) as soon as the browser arrives at its
authorization endpoint, then answers the code exchange with an RS256-signed ID token that
carries the client's nonce. Discovery, authorization, token and JWKS endpoints only: what
Streamlit's st.login (Authlib) uses.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from joserfc import jwt
from joserfc.jwk import RSAKey

CLIENT_ID = "rt-dashboard"
CLIENT_SECRET = "test-only-client-secret"


class Provider:
    def __init__(self) -> None:
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-key"})
        self.user = {"email": "analyst@example.org", "name": "Test Analyst"}
        self.codes: dict[str, dict[str, Any]] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def metadata(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "code_challenge_methods_supported": ["S256"],
        }

    def authorize(self, query: dict[str, str]) -> str:
        """Sign the configured user in at once: the redirect back with a fresh code."""
        code = secrets.token_urlsafe(16)
        self.codes[code] = {"nonce": query.get("nonce"), "user": dict(self.user)}
        back = {"code": code, "state": query.get("state", "")}
        return f"{query['redirect_uri']}?{urllib.parse.urlencode(back)}"

    def token(self, form: dict[str, str]) -> dict[str, Any]:
        grant = self.codes.pop(form.get("code", ""), None)
        if grant is None:
            raise KeyError("unknown code")
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "sub": grant["user"]["email"],
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 600,
            "nonce": grant["nonce"],
            **grant["user"],
        }
        id_token = jwt.encode({"alg": "RS256", "kid": "test-key"}, claims, self.key)
        return {
            "access_token": secrets.token_urlsafe(16),
            "token_type": "Bearer",
            "expires_in": 600,
            "id_token": id_token,
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def _send(self, status: int, body: dict | None = None, location: str | None = None) -> None:
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                payload = json.dumps(body or {}).encode()
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:
                parts = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(parts.query))
                if parts.path == "/.well-known/openid-configuration":
                    self._send(200, provider.metadata())
                elif parts.path == "/jwks":
                    self._send(200, {"keys": [provider.key.as_dict(private=False)]})
                elif parts.path == "/authorize":
                    self._send(302, location=provider.authorize(query))
                else:
                    self._send(404, {"error": "not_found"})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                if urllib.parse.urlsplit(self.path).path != "/token":
                    self._send(404, {"error": "not_found"})
                    return
                try:
                    self._send(200, provider.token(form))
                except KeyError:
                    self._send(400, {"error": "invalid_grant"})

            def log_message(self, *args: Any) -> None:
                pass

        return Handler
