"""The replicas' own wall: what a connection may ask of the server, whoever it is.

An ASGI middleware around Streamlit's server (hosting/app.py mounts it with st.App). The proxy's
gate (hosting/gate.py) keeps strangers out; this keeps everyone, signed in or not, to their own
session, and holds even where the proxy is not ours (an Ingress, a port opened by mistake):

- **Server-wide actions are not messages a viewer may send.** Of the websocket messages
  (BackMsg), only those a viewer's own session needs pass: run a page, stop it, the heartbeat,
  and the two backend operations the app uses (a deferred download, a table chunk). Clearing
  the shared caches, run-on-save, git information, debug disconnects, upload URLs (the app has
  no uploader: nobody may put files into the server's memory) and the skills-install operation
  (which writes into the app's folder) are dropped and logged.
- **A download belongs to the session that made it.** A deferred download runs only for the
  connection it was sent to. A file under /media/ is served, with sign-in on, only to an
  account that has a live connection to which this replica sent that file's address.
- **No metrics, no agent API, no uploads, no versions.** /_stcore/metrics, /_stcore/agent/* and
  /_stcore/upload_file/* answer 404;
  the session's first message loses the server's file path and its Streamlit, Python and OS
  versions.
- **Admission.** At most `RT_MAX_SESSIONS` connections at once are admitted; the next one
  is marked busy (a header the app reads: dashboard/session/access.py shows a notice and
  runs nothing), so a replica never takes on more viewers than its memory holds.
- **An over-long link says so.** Streamlit drops a query string past its limits (1,000
  parameters, 512 Ki characters) without a word; the guard replaces it with one parameter,
  `unread_link=<parameters>`, that the app turns into a notice.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.secrets import secrets_singleton
from streamlit.runtime.state.query_params import sanitize_query_string
from streamlit.web.server.server_util import get_cookie_secret

from dashboard.session.unread_link import UNREAD_LINK
from hosting.identity import Viewer, cookies_of, signed_in

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOG = logging.getLogger("hosting.guard")
ALLOWED_MESSAGES = {"rerun_script", "stop_script", "app_heartbeat", "backend_operation_request"}
ALLOWED_OPERATIONS = {"deferred_file", "dataframe_chunk"}
CLOSED_PATHS = re.compile(r"/_stcore/(metrics|agent|upload_file)(/|$)")
MEDIA_PATH = re.compile(r"/media/([0-9a-f]{16,})(\.[A-Za-z0-9]+)?$")
# a file's address in what a connection is sent (a download button's url, the favicon)
SENT_MEDIA = re.compile(rb"/media/([0-9a-f]{16,})")
ADMISSION_HEADER = b"x-rt-admission"
DEFAULT_MAX_SESSIONS = 80


def max_sessions() -> int:
    """Sessions a replica admits at once: RT_MAX_SESSIONS, else the measured default (docs/hosting.md)."""
    try:
        return max(1, int(os.environ.get("RT_MAX_SESSIONS", DEFAULT_MAX_SESSIONS)))
    except ValueError:
        return DEFAULT_MAX_SESSIONS


def sign_in_on() -> bool:
    """Whether the deployment's secrets ask for sign-in (an [auth] section)."""
    return secrets_singleton.load_if_toml_exists() and bool(secrets_singleton.get("auth"))


@dataclass(eq=False)
class Connection:
    """One websocket: who it is, whether it was admitted, and the file ids it has been sent."""

    viewer: Viewer | None
    admitted: bool
    file_ids: set[bytes] = field(default_factory=set)


class Guard:
    """ASGI middleware: see the module's docstring."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.connections: set[Connection] = set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await self.websocket(scope, receive, send)
        elif scope["type"] == "http" and CLOSED_PATHS.search(scope["path"]):
            await refuse(send, 404, b"Not found")
        elif scope["type"] == "http" and (media := MEDIA_PATH.search(scope["path"])) and not self.owns(scope, media):
            await refuse(send, 403, b"This download belongs to another session.")
        else:
            await self.app(scope, receive, send)

    def viewer(self, scope: Scope) -> Viewer | None:
        return signed_in(cookies_of(scope["headers"]), get_cookie_secret()) if sign_in_on() else None

    def owns(self, scope: Scope, media: re.Match[str]) -> bool:
        """With sign-in on: whether the requester's account was sent this file on a live connection."""
        if not sign_in_on():
            return True
        viewer = self.viewer(scope)
        file_id = media.group(1).encode()
        return viewer is not None and any(c.viewer == viewer and file_id in c.file_ids for c in self.connections)

    async def websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        admitted = sum(c.admitted for c in self.connections) < max_sessions()
        connection = Connection(self.viewer(scope), admitted)
        headers = [(k, v) for k, v in scope["headers"] if k.lower() != ADMISSION_HEADER]
        headers.append((ADMISSION_HEADER, b"admitted" if admitted else b"busy"))
        self.connections.add(connection)

        async def checked_receive() -> Message:
            while True:
                message = await receive()
                data = message.get("bytes")
                if message["type"] != "websocket.receive" or data is None:
                    return message
                kept = screened(data, connection)
                if kept is not None:
                    return {**message, "bytes": kept}

        async def checked_send(message: Message) -> None:
            data = message.get("bytes")
            if message["type"] == "websocket.send" and data is not None:
                message = {**message, "bytes": sent(data, connection)}
            await send(message)

        try:
            await self.app({**scope, "headers": headers}, checked_receive, checked_send)
        finally:
            self.connections.discard(connection)


def screened(data: bytes, connection: Connection) -> bytes | None:
    """A viewer's message as the server may see it, or None to drop it."""
    message = BackMsg()
    try:
        message.ParseFromString(data)
    except Exception:  # protobuf's DecodeError: Streamlit would log and ignore it too
        return None
    kind = message.WhichOneof("type")
    if kind not in ALLOWED_MESSAGES:
        LOG.warning("dropped a %s message from a viewer", kind)
        return None
    if kind == "backend_operation_request":
        operation = message.backend_operation_request
        what = operation.WhichOneof("payload")
        if what not in ALLOWED_OPERATIONS:
            LOG.warning("dropped a %s operation from a viewer", what)
            return None
        if what == "deferred_file" and operation.deferred_file.file_id.encode() not in connection.file_ids:
            LOG.warning("dropped a deferred download of another session")
            return None
    if kind == "rerun_script" and unread(message.rerun_script.query_string):
        fields = message.rerun_script.query_string.count("&") + 1
        message.rerun_script.query_string = f"{UNREAD_LINK}={fields}"
        return message.SerializeToString()
    return data


def sent(data: bytes, connection: Connection) -> bytes:
    """A message on its way to a viewer: the files it gives the connection noted, and a session's
    first message without the server's details. Read once: every message a session is sent passes
    here (about 1,400 a viewer's visit of every page), chart specs of a few hundred KB included."""
    message = parsed(data)
    connection.file_ids.update(sent_file_ids(data, message))
    if message is not None and message.WhichOneof("type") == "new_session":
        return without_server_details(data, message)
    return data


def parsed(data: bytes) -> ForwardMsg | None:
    """The message, or None for bytes the front end could not read either."""
    message = ForwardMsg()
    try:
        message.ParseFromString(data)
    except Exception:  # protobuf's DecodeError
        return None
    return message


def sent_file_ids(data: bytes, message: ForwardMsg | None = None) -> set[bytes]:
    """The files a message gives its connection: each /media/ address in it, and a deferred
    download's id (`message`: the bytes already parsed).

    A search for hex runs over all of a message cost about 9 ms per 200 KB, some 10% of a loaded
    server's time. A literal search for the address and reading the message's kind (protobuf's
    parse keeps a spec's text as it is) cost a few hundredths of that.
    """
    ids = set(SENT_MEDIA.findall(data))
    message = parsed(data) if message is None else message
    if message is None:
        return ids
    if message.WhichOneof("type") == "delta" and message.delta.WhichOneof("type") == "new_element":
        element = message.delta.new_element
        if element.WhichOneof("type") == "download_button" and element.download_button.deferred_file_id:
            ids.add(element.download_button.deferred_file_id.encode())
    return ids


def unread(query_string: str) -> bool:
    """Whether Streamlit would drop this query string whole (its own limits, its own check)."""
    return bool(query_string) and not sanitize_query_string(query_string)


def without_server_details(data: bytes, message: ForwardMsg | None = None) -> bytes:
    """A session's first message without the server's path and versions (other messages unchanged;
    `message`: the bytes already parsed, and changed here)."""
    if message is None:
        message = ForwardMsg()
        message.ParseFromString(data)
    if message.WhichOneof("type") != "new_session":
        return data
    message.new_session.main_script_path = ""
    # blanked, not removed: the front end reads the message's fields (and reloads only when a
    # version it was told before changes, which a blank never does)
    environment = message.new_session.initialize.environment_info
    environment.streamlit_version = environment.python_version = environment.server_os = ""
    environment.has_display = False
    return message.SerializeToString()


async def refuse(send: Send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": body})
