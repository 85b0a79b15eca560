"""Streamlit processes on loopback: start one, wait until it answers, stop it.

One place for what the replica launcher (hosting/serve.py), the browser tests and the
benchmarks all do: the same command line, the same health wait, the same shutdown.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_streamlit(
    port: int,
    base_path: str = "",
    secrets_file: Path | None = None,
    output: int | IO | None = subprocess.DEVNULL,
    max_sessions: int | None = None,
) -> subprocess.Popen:
    """`streamlit run` of the app on 127.0.0.1:port with the project's hosted profile.

    `base_path` serves it under a path (behind a proxy); `secrets_file` gives it a deployment's
    secrets (sign-in); `output=subprocess.PIPE` keeps its log for a failure message;
    `max_sessions` sets the guard's admission limit (RT_MAX_SESSIONS; hosting/guard.py).
    """
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "hosting" / "app.py"),
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
    ]  # fmt: skip
    if base_path.strip("/"):
        command += ["--server.baseUrlPath", base_path.strip("/")]
    if secrets_file is not None:
        command += ["--secrets.files", str(secrets_file)]
    env = {**os.environ, "RT_MAX_SESSIONS": str(max_sessions)} if max_sessions else None
    return subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, text=True, env=env)


def start_gate(port: int, base_path: str, secrets_file: Path | None = None) -> subprocess.Popen:
    """The proxy's sign-in gate (hosting/gate.py) on 127.0.0.1:port, reading the replicas' secrets."""
    command = [sys.executable, "-m", "hosting.gate", "--port", str(port), "--base-path", base_path]
    if secrets_file is not None:
        command += ["--secrets", str(secrets_file)]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, text=True)


def health_url(port: int | str, base_path: str = "") -> str:
    base = base_path.strip("/")
    return f"http://127.0.0.1:{port}/{base + '/' if base else ''}_stcore/health"


def wait_for(
    url: str, deadline_s: float = 60, process: subprocess.Popen | None = None, ok: tuple[int, ...] = (200,)
) -> None:
    """Until `url` answers (200, or a status in `ok`); a RuntimeError when it does not in time or
    `process` exits first.

    On failure the process is stopped and its log, if it was kept, goes into the message.
    """
    end = time.monotonic() + deadline_s
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status in ok:
                    return
        except urllib.error.HTTPError as error:
            if error.code in ok:
                return
        except OSError:
            pass
        exited = process is not None and process.poll() is not None
        if exited or time.monotonic() > end:
            log = ""
            if process is not None:
                stop(process)
                log = process.stdout.read() if process.stdout else ""
            why = "the server exited" if exited else f"no answer within {deadline_s:.0f} s"
            raise RuntimeError(f"{url}: {why}\n{log}".rstrip())
        time.sleep(0.1)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
