"""HTTP for the refresh: one requests session whose retries are urllib3's Retry, for the APIs' JSON
and for BACI's archive alike.

The policy, in one place (Backoff): a rate limit, a server error, a timeout or a refused
connection is retried, waiting 2, 4, 8 … s or what the server's Retry-After asks (at most a
minute); a name that does not resolve fails at once (offline is not a busy server); a refusal
(4xx) is not retried, and what its body says is shown. Every wait goes through the client's
`sleep` and is logged, so the tests collect the waits instead of sleeping them.
"""

from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import MaxRetryError, NameResolutionError
from urllib3.util.retry import Retry

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
USER_AGENT = "russia-tajikistan-dashboard refresh (+https://github.com/)"
MAX_RETRY_AFTER_S = 60.0


class FetchError(RuntimeError):
    """A request that did not give a usable answer, with a message a person can act on."""


class Refused(FetchError):
    """The server answered with an error status (after any retries): `status` says which."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class Backoff(Retry):
    """urllib3's Retry with the refresh's waits, its log, and no retry when a name does not resolve."""

    def __init__(
        self,
        *args: Any,
        sleeper: Callable[[float], None] = time.sleep,
        log: Callable[[str], None] = print,
        counted: Callable[[], None] = lambda: None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.sleeper, self.log, self.counted = sleeper, log, counted

    def new(self, **changes: Any) -> Backoff:
        made = super().new(**changes)
        made.sleeper, made.log, made.counted = self.sleeper, self.log, self.counted
        return made

    def increment(self, method: str | None = None, url: str | None = None, *args: Any, **kwargs: Any) -> Backoff:
        error = kwargs.get("error")
        if isinstance(error, NameResolutionError):
            raise MaxRetryError(kwargs.get("_pool"), url or "", error) from error
        self.counted()
        return super().increment(method, url, *args, **kwargs)

    def get_backoff_time(self) -> float:
        """2, 4, 8 … s after the 1st, 2nd, 3rd … failure in a row (urllib3's own starts at 0)."""
        failures = len(self.history)
        return 0.0 if failures == 0 else min(self.backoff_max, self.backoff_factor * 2 ** (failures - 1))

    def sleep(self, response: Any = None) -> None:
        after = response.headers.get("Retry-After") if response is not None else None
        delay = (
            min(float(after), MAX_RETRY_AFTER_S) if after and after.strip().isdigit() else self.get_backoff_time()
        )
        last = self.history[-1] if self.history else None
        why = f"HTTP {last.status}" if last is not None and last.status else f"no answer ({last.error if last else ''})"
        self.log(f"  {why}; retrying in {delay:g} s ({len(self.history)}/{self.total})")
        self.sleeper(delay)


@dataclass
class HttpClient:
    """GETs through one session; see Backoff for what is retried and how long it waits."""

    timeout_s: float = 30.0
    retries: int = 4
    backoff_s: float = 2.0
    sleep: Callable[[float], None] = time.sleep
    log: Callable[[str], None] = print
    requests: int = field(default=0, init=False)

    def backoff(self) -> Backoff:
        """The retry state for one request, or for one download resumed across broken connections
        (baci.Downloader counts those breaks on it)."""
        return Backoff(
            total=self.retries,
            connect=self.retries,
            read=self.retries,
            status=self.retries,
            other=0,
            allowed_methods=frozenset({"GET"}),
            status_forcelist=RETRY_STATUSES,
            backoff_factor=self.backoff_s,
            raise_on_status=False,  # the last answer comes back, to be reported with its body
            respect_retry_after_header=True,
            sleeper=lambda seconds: self.sleep(seconds),
            log=lambda line: self.log(line),
            counted=self._count,
        )

    def _count(self) -> None:
        self.requests += 1

    def session(self) -> requests.Session:
        session = requests.Session()
        session.headers["User-Agent"] = USER_AGENT
        adapter = HTTPAdapter(max_retries=self.backoff())
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        return session

    def response(
        self,
        url: str,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout_s: float | None = None,
        stream: bool = False,
    ) -> requests.Response:
        """The answer to a GET, after the retries; a FetchError when there is none or it is a refusal."""
        self.requests += 1
        session = self.session()
        try:
            answer = session.get(
                url, params=params, headers=dict(headers or {}), timeout=timeout_s or self.timeout_s, stream=stream
            )
        except requests.RequestException as error:
            session.close()
            raise FetchError(f"cannot reach {_host(url)}: {_reason(error)}") from error
        if not stream:  # a streamed body is read by the caller, through this session's connection
            session.close()
        if answer.status_code >= 400:
            why = said(answer)
            session.close()
            raise Refused(
                f"{_host(url)} answered HTTP {answer.status_code} {answer.reason}" + (f": {why}" if why else ""),
                answer.status_code,
            )
        return answer

    def get(
        self,
        url: str,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout_s: float | None = None,
    ) -> Any:
        """The JSON body of a GET; `timeout_s` overrides the client's for a query known to be slow."""
        answer = self.response(url, params, headers, timeout_s)
        try:
            return json.loads(answer.content)
        except ValueError as error:
            raise FetchError(f"{_host(url)} sent a reply that is not JSON ({len(answer.content)} bytes)") from error


def said(answer: requests.Response, limit: int = 300) -> str:
    """What a refusal's body says (the services explain a 4xx there): its JSON message, else its text."""
    text = answer.text.strip()
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if isinstance(parsed, dict):  # JSON says why in a field, or not at all
        text = "; ".join(str(parsed[k]) for k in ("message", "error", "detail", "title") if parsed.get(k))
    elif parsed is not None:
        text = ""
    return " ".join(text.split())[:limit]


def _reason(error: requests.RequestException) -> str:
    """The innermost cause, without urllib3's pool and object addresses."""
    cause: Any = error.args[0] if error.args else error
    cause = getattr(cause, "reason", cause)
    text = str(cause)
    if "timed out" in text.lower():
        return "timed out"
    return text.split(": ", 1)[-1] if isinstance(cause, Exception) and ": " in text else text


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url
