"""The replicas' guard (hosting/guard.py): what a connection may send, and what it is told.

The middleware runs around a stand-in app that records what reaches it, so each case checks
what Streamlit itself would receive or send.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Iterator
from typing import TypeVar

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.web.server.starlette.starlette_app_utils import create_signed_value

from hosting import guard
from hosting.guard import ADMISSION_HEADER, Connection, Guard, screened, without_server_details
from hosting.identity import Viewer, signed_in
from hosting.session import run_blocking  # a thread of its own: Playwright's loop may be running here

DEFERRED_ID = "0123456789abcdef0123456789abcdef"  # a deferred download's id: 32 hex digits
T = TypeVar("T")
SECRET = "a test cookie secret, long enough to sign with"


def back(**fields) -> BackMsg:
    message = BackMsg()
    for name, value in fields.items():
        if name == "clear_cache":
            message.clear_cache = value
        elif name == "query":
            message.rerun_script.query_string = value
        elif name == "deferred":
            message.backend_operation_request.deferred_file.file_id = value
        elif name == "install_skills":
            message.backend_operation_request.install_skills.SetInParent()
    return message


def test_a_viewer_cannot_clear_the_shared_caches_or_reach_the_apps_folder():
    connection = Connection(None, True)
    assert screened(back(clear_cache=True).SerializeToString(), connection) is None
    assert screened(back(install_skills=True).SerializeToString(), connection) is None
    set_run_on_save = BackMsg()
    set_run_on_save.set_run_on_save = True
    assert screened(set_run_on_save.SerializeToString(), connection) is None
    assert screened(b"\xff\xff not a message", connection) is None
    upload_urls = BackMsg()
    upload_urls.file_urls_request.request_id = "r1"  # the app has no uploader: no upload URLs either
    assert screened(upload_urls.SerializeToString(), connection) is None


def test_a_page_run_passes_unchanged():
    data = back(query="years=2000..2020&radius=200").SerializeToString()
    assert screened(data, Connection(None, True)) == data


def test_a_deferred_download_runs_only_for_the_connection_it_was_sent_to():
    data = back(deferred=DEFERRED_ID).SerializeToString()
    stranger = Connection(None, True)
    owner = Connection(None, True, {DEFERRED_ID.encode()})
    assert screened(data, stranger) is None
    assert screened(data, owner) == data


def test_the_files_a_connection_is_sent_are_its_downloads_addresses_and_deferred_ids_only():
    """Read from the messages as Streamlit writes them: a deferred download button carries its
    id in its own field, a file sent at once its /media/ address; a chart's hex-looking text
    names no file."""
    deferred = ForwardMsg()
    deferred.delta.new_element.download_button.deferred_file_id = DEFERRED_ID
    deferred.delta.new_element.download_button.url = ""
    address = f"/media/{'b' * 56}.pdf"
    ready = ForwardMsg()
    ready.delta.new_element.download_button.url = address
    chart = ForwardMsg()
    chart.delta.new_element.vega_lite_chart.spec = json.dumps({"data": {"values": [{"id": "f" * 40}]}})
    assert guard.sent_file_ids(deferred.SerializeToString()) == {DEFERRED_ID.encode()}
    assert guard.sent_file_ids(ready.SerializeToString()) == {b"b" * 56}
    assert guard.sent_file_ids(chart.SerializeToString()) == set()
    assert guard.sent_file_ids(b"not a message /media/" + b"c" * 20 + b".csv") == {b"c" * 20}


def test_a_deferred_download_sent_through_the_guard_can_then_be_asked_for_on_that_connection_only():
    deferred = ForwardMsg()
    deferred.delta.new_element.download_button.deferred_file_id = DEFERRED_ID
    middleware = Guard(Recorder(reply=deferred.SerializeToString()))
    asked = back(deferred=DEFERRED_ID).SerializeToString()

    async def ask() -> list[bytes | None]:
        connection = next(iter(middleware.connections))
        return [screened(asked, connection), screened(asked, Connection(None, True))]

    assert run_blocking(while_connected(middleware, [], ask)) == [asked, None]


def test_a_link_streamlit_would_drop_whole_becomes_one_parameter_the_app_reports():
    too_many = "&".join(f"p{i}=1" for i in range(1200))  # 1,200 parameters: Streamlit reads at most 1,000
    kept = BackMsg()
    kept.ParseFromString(screened(back(query=too_many).SerializeToString(), Connection(None, True)))
    assert kept.rerun_script.query_string == "unread_link=1200"
    at_limit = "&".join(f"p{i}=1" for i in range(1000))
    assert screened(back(query=at_limit).SerializeToString(), Connection(None, True)) is not None
    unchanged = BackMsg()
    unchanged.ParseFromString(screened(back(query=at_limit).SerializeToString(), Connection(None, True)))
    assert unchanged.rerun_script.query_string == at_limit


def test_a_new_session_is_told_no_server_path_or_versions():
    message = ForwardMsg()
    message.new_session.main_script_path = "/app/dashboard/app.py"
    environment = message.new_session.initialize.environment_info
    environment.streamlit_version, environment.python_version, environment.server_os = "1.67.0", "3.11.7", "Linux"
    message.new_session.initialize.session_id = "s1"
    cleaned = ForwardMsg()
    cleaned.ParseFromString(without_server_details(message.SerializeToString()))
    assert cleaned.new_session.main_script_path == ""
    blank = cleaned.new_session.initialize.environment_info
    assert (blank.streamlit_version, blank.python_version, blank.server_os) == ("", "", "")
    assert cleaned.new_session.initialize.session_id == "s1"


class Recorder:
    """A stand-in for Streamlit's server: records what reaches it and answers one message."""

    def __init__(self, reply: bytes = b"") -> None:
        self.scopes: list[dict] = []
        self.received: list[bytes] = []
        self.reply = reply

    async def __call__(self, scope, receive, send) -> None:
        self.scopes.append(scope)
        if scope["type"] == "http":
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"file"})
            return
        if self.reply:
            await send({"type": "websocket.send", "bytes": self.reply})
        while (message := await receive())["type"] == "websocket.receive":
            self.received.append(message["bytes"])


async def while_connected(middleware: Guard, headers: list, ask: Callable[[], Awaitable[T]]) -> T:
    """What `ask` finds while a connection through the guard is open, once the app has sent it its
    first message (a file's address, a deferred download); the connection closes after."""
    inbox: asyncio.Queue = asyncio.Queue()
    told = asyncio.Event()

    async def receive():
        return await inbox.get()

    async def send(message):
        told.set()

    scope = {"type": "websocket", "path": "/_stcore/stream", "headers": headers}
    owner = asyncio.create_task(middleware(scope, receive, send))
    await told.wait()
    try:
        return await ask()
    finally:
        await inbox.put({"type": "websocket.disconnect"})
        await owner


def run_websocket(middleware: Guard, messages: list[bytes], headers: list | None = None) -> list[bytes]:
    """What the viewer got back; the messages are sent, then the socket closes."""
    inbox = [{"type": "websocket.receive", "bytes": m} for m in messages] + [{"type": "websocket.disconnect"}]
    sent: list[bytes] = []

    async def receive():
        return inbox.pop(0)

    async def send(message):
        sent.append(message.get("bytes", b""))

    scope = {"type": "websocket", "path": "/_stcore/stream", "headers": headers or []}
    run_blocking(middleware(scope, receive, send))
    return sent


def http_status(middleware: Guard, path: str, headers: list | None = None) -> int:
    statuses = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    run_blocking(middleware({"type": "http", "path": path, "headers": headers or []}, receive, send))
    return statuses[0]


def test_only_a_page_run_reaches_streamlit_when_a_viewer_also_asks_to_clear_the_caches():
    app = Recorder()
    run = back(query="radius=200").SerializeToString()
    run_websocket(Guard(app), [back(clear_cache=True).SerializeToString(), run])
    assert app.received == [run]


def test_metrics_the_agent_api_and_uploads_are_not_served():
    app = Recorder()
    closed = ("/_stcore/metrics", "/intel/_stcore/metrics", "/_stcore/agent/openapi.json", "/_stcore/agent/mcp")
    uploads = ("/_stcore/upload_file/session/file", "/intel/_stcore/upload_file/s/f")
    for path in closed + uploads:
        assert http_status(Guard(app), path) == 404
    assert app.scopes == []
    assert http_status(Guard(app), "/_stcore/health") == 200


def test_connections_past_the_limit_are_marked_busy_and_a_viewer_cannot_claim_admission(monkeypatch):
    monkeypatch.setenv("RT_MAX_SESSIONS", "1")
    app = Recorder()
    middleware = Guard(app)
    held = Connection(None, True)
    middleware.connections.add(held)  # one viewer already connected
    run_websocket(middleware, [], headers=[(ADMISSION_HEADER, b"admitted")])
    assert dict(app.scopes[-1]["headers"])[ADMISSION_HEADER] == b"busy"
    assert [k for k, _ in app.scopes[-1]["headers"]].count(ADMISSION_HEADER) == 1
    middleware.connections.discard(held)  # that viewer left
    run_websocket(middleware, [])
    assert dict(app.scopes[-1]["headers"])[ADMISSION_HEADER] == b"admitted"


def cookie_header(payload: dict) -> list[tuple[bytes, bytes]]:
    value = create_signed_value(SECRET, "_streamlit_user", json.dumps(payload))
    return [(b"cookie", b"_streamlit_user=" + value)]


ANALYST = {"is_logged_in": True, "email": "analyst@example.org", "sub": "analyst"}
COLLEAGUE = {"is_logged_in": True, "email": "colleague@example.org", "sub": "colleague"}


@pytest.fixture
def sign_in_on(monkeypatch) -> Iterator[None]:
    monkeypatch.setattr(guard, "sign_in_on", lambda: True)
    monkeypatch.setattr(guard, "get_cookie_secret", lambda: SECRET)
    yield


async def status_of(middleware: Guard, path: str, headers: list) -> int:
    got = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        if message["type"] == "http.response.start":
            got.append(message["status"])

    await middleware({"type": "http", "path": path, "headers": headers}, receive, send)
    return got[0]


def test_a_download_is_served_only_to_the_account_it_was_sent_to(sign_in_on):
    path = f"/media/{'a' * 56}.csv"
    middleware = Guard(Recorder(reply=path.encode()))  # Streamlit sends the owner the file's address
    askers = [ANALYST, COLLEAGUE, None, {**ANALYST, "is_logged_in": False}]

    async def ask() -> list[int]:
        return [await status_of(middleware, path, cookie_header(who) if who else []) for who in askers]

    assert run_blocking(while_connected(middleware, cookie_header(ANALYST), ask)) == [200, 403, 403, 403]
    # once the owner's connection is gone, nobody gets the file
    assert http_status(middleware, path, cookie_header(ANALYST)) == 403


def test_the_sign_in_cookie_is_read_with_streamlits_signature():
    good = cookie_header(ANALYST)[0][1].decode().split("=", 1)[1]
    assert signed_in({"_streamlit_user": good}, SECRET) == Viewer("analyst", "analyst@example.org")
    assert signed_in({"_streamlit_user": good}, "another secret of the same length, or not") is None
    forged = good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")
    assert signed_in({"_streamlit_user": forged}, SECRET) is None
    assert signed_in({}, SECRET) is None
    assert signed_in({"_streamlit_user": good}, "") is None


def test_a_message_on_its_way_out_is_read_once_for_both_checks():
    """`sent`, what the guard does to every message Streamlit sends: a session's first message
    loses the server's details, a download's id is noted, and anything else passes as it was."""
    connection = Connection(None, True)
    first = ForwardMsg()
    first.new_session.initialize.environment_info.streamlit_version = "1.67.0"
    first.new_session.main_script_path = "/app/dashboard/app.py"
    told = ForwardMsg()
    told.ParseFromString(guard.sent(first.SerializeToString(), connection))
    assert (told.new_session.main_script_path, told.new_session.initialize.environment_info.streamlit_version) == (
        "",
        "",
    )
    download = ForwardMsg()
    download.delta.new_element.download_button.deferred_file_id = DEFERRED_ID
    assert guard.sent(download.SerializeToString(), connection) == download.SerializeToString()
    assert connection.file_ids == {DEFERRED_ID.encode()}
    chart = ForwardMsg()
    chart.delta.new_element.vega_lite_chart.spec = json.dumps({"title": "Streamlit 1.67.0"})  # a version in a text
    assert guard.sent(chart.SerializeToString(), connection) == chart.SerializeToString()
    assert guard.sent(b"\xff\xff not a message", connection) == b"\xff\xff not a message"
