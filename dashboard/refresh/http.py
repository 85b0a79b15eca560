"""JSON over HTTP with timeouts, retries and backoff, on the standard library alone.

Two GET endpoints with JSON bodies do not need a client library: urllib gives full control of
timeouts and retries, and the tests serve recorded responses from a loopback server.
"""

from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
USER_AGENT = "russia-tajikistan-dashboard refresh (+https://github.com/)"


class FetchError(RuntimeError):
    """A request that did not give usable JSON, with a message a person can act on."""


@dataclass
class JsonClient:
    """GETs JSON; retries rate limits, server errors, timeouts and refused connections.

    The wait doubles from `backoff_s` on each attempt, or follows the server's Retry-After.
    """

    timeout_s: float = 30.0
    retries: int = 4
    backoff_s: float = 2.0
    sleep: Callable[[float], None] = time.sleep
    log: Callable[[str], None] = print
    requests: int = field(default=0, init=False)

    def get(
        self,
        url: str,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout_s: float | None = None,
    ) -> Any:
        """The JSON body of a GET; `timeout_s` overrides the client's for a query known to be slow."""
        full = f"{url}?{urllib.parse.urlencode(params)}" if params else url
        request = urllib.request.Request(full, headers={"User-Agent": USER_AGENT, **(headers or {})})
        for attempt in range(self.retries + 1):
            self.requests += 1
            try:
                with urllib.request.urlopen(request, timeout=timeout_s or self.timeout_s) as response:
                    body = response.read()
            except urllib.error.HTTPError as error:
                if error.code not in RETRY_STATUSES or attempt == self.retries:
                    why = said(error)
                    raise FetchError(
                        f"{_host(url)} answered HTTP {error.code} {error.reason}" + (f": {why}" if why else "")
                    ) from error
                self._wait(attempt, f"HTTP {error.code}", error.headers.get("Retry-After"))
                continue
            except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException) as error:
                reason = getattr(error, "reason", error)
                if attempt == self.retries or isinstance(reason, socket.gaierror):  # no DNS: offline, not busy
                    raise FetchError(f"cannot reach {_host(url)}: {reason}") from error
                self._wait(attempt, f"no answer ({reason})", None)
                continue
            try:
                return json.loads(body)
            except ValueError as error:
                raise FetchError(f"{_host(url)} sent a reply that is not JSON ({len(body)} bytes)") from error
        raise AssertionError("unreachable")

    def _wait(self, attempt: int, why: str, retry_after: str | None) -> None:
        delay = self.backoff_s * 2**attempt
        if retry_after and retry_after.strip().isdigit():
            delay = min(float(retry_after), 60.0)
        self.log(f"  {why}; retrying in {delay:g} s ({attempt + 1}/{self.retries})")
        self.sleep(delay)


def said(error: urllib.error.HTTPError, limit: int = 300) -> str:
    """What a refusal's body says (the services explain a 4xx there): its JSON message, else its text."""
    try:
        body = error.read()
    except (OSError, http.client.HTTPException):
        return ""
    text = body.decode("utf-8", "replace").strip()
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if isinstance(parsed, dict):  # JSON says why in a field, or not at all
        text = "; ".join(str(parsed[k]) for k in ("message", "error", "detail", "title") if parsed.get(k))
    elif parsed is not None:
        text = ""
    return " ".join(text.split())[:limit]


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url
