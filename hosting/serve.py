"""N Streamlit replicas behind nginx on loopback, under a path, with session affinity.

    python -m hosting.serve --replicas 2 --port 8080 --base-path /intel/tajikistan/

Each replica is a plain `streamlit run` with the hosted profile (.streamlit/config.toml) and
`--server.baseUrlPath`; nginx (Debian's package) routes each viewer to one replica by a cookie
and, when that replica is gone, to another. A viewer's view lives in the URL, so a reconnect to
another replica opens the same view.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import string
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from hosting import session
from hosting.hardening import DEFAULT_FRAME_ANCESTORS, DEFAULT_LIMITS, Limits, security_headers
from hosting.process import free_port, health_url, start_gate, start_streamlit, stop, wait_for

TEMPLATE = Path(__file__).with_name("nginx.conf.template")
NGINX = os.environ.get("NGINX", shutil.which("nginx") or "/usr/sbin/nginx")


class Template(string.Template):
    delimiter = "@"  # nginx's own variables start with $


def normalised(base_path: str) -> str:
    """'/intel/tajikistan/' whatever slashes it was given with."""
    parts = [p for p in base_path.split("/") if p]
    return "/" + "/".join(parts) + "/" if parts else "/"


def render_config(
    prefix: Path | str,
    listen: str,
    base: str,
    servers: list[str],
    gate: str,
    frame_ancestors: str = DEFAULT_FRAME_ANCESTORS,
    limits: Limits = DEFAULT_LIMITS,
) -> str:
    """nginx.conf for replicas at `servers` ('host:port'), served at `listen` under `base`.

    `gate`: the sign-in gate's 'host:port' (hosting/gate.py), asked about every request.

    `frame_ancestors`: the origins allowed to show the app in a frame (an intranet portal that
    embeds it), in CSP syntax, e.g. "'self' https://portal.example.org"; only the app by default.
    `limits`: per client address (hosting/hardening.py says why the defaults are what they are).
    """
    lines = "\n".join(f"        server {server} max_fails=1 fail_timeout=10s;" for server in servers)
    headers = security_headers(frame_ancestors)
    return Template(TEMPLATE.read_text()).substitute(
        prefix=prefix,
        listen=listen,
        base=base,
        servers=lines,
        gate=gate,
        csp=headers["Content-Security-Policy"],
        frame_options=headers["X-Frame-Options"],
        referrer=headers["Referrer-Policy"],
        permissions=headers["Permissions-Policy"],
        **asdict(limits),
    )


# The compose example's nginx.conf: the same template, for services dashboard-1 and dashboard-2.
COMPOSE_CONFIG = Path(__file__).with_name("compose-nginx.conf")
COMPOSE_SERVERS = ["dashboard-1:8501", "dashboard-2:8501"]
COMPOSE_GATE = "gate:8090"


def compose_config(frame_ancestors: str = DEFAULT_FRAME_ANCESTORS) -> str:
    return render_config("/tmp", "80", "/intel/tajikistan/", COMPOSE_SERVERS, COMPOSE_GATE, frame_ancestors)


@dataclass
class Cluster:
    url: str  # the proxy's address of the app, with the base path
    replicas: dict[int, subprocess.Popen]  # port -> process
    nginx: subprocess.Popen

    def replica_for(self, upstream: str) -> int:
        """The replica port from nginx's X-Replica header ('127.0.0.1:PORT')."""
        return int(upstream.rsplit(":", 1)[1])


@contextmanager
def cluster(
    replicas: int = 2,
    port: int | None = None,
    base_path: str = "/intel/tajikistan/",
    secrets_file: Path | None = None,
    warm: bool = True,
    frame_ancestors: str = DEFAULT_FRAME_ANCESTORS,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Cluster]:
    """Replicas and nginx started, healthy through the proxy; all stopped on exit.

    With `warm`, each replica opens every page once before nginx sends it anyone, so no viewer
    waits for a replica to load the data and build the charts (about 2 s of a cold start here).
    """
    base = normalised(base_path)
    port = port or free_port()
    prefix = Path(tempfile.mkdtemp(prefix="rt-nginx-"))
    for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / folder).mkdir()
    # every replica reads the same secrets: a sign-in cookie one replica signs is valid on all
    processes = {p: start_streamlit(p, base, secrets_file) for p in (free_port() for _ in range(replicas))}
    gate_port = free_port()
    gate = start_gate(gate_port, base, secrets_file)
    nginx = None
    try:
        wait_for(f"http://127.0.0.1:{gate_port}/check", process=gate, ok=(204, 401))
        for replica, process in processes.items():
            wait_for(health_url(replica, base), process=process)
        if warm:
            warm_replicas([f"http://127.0.0.1:{replica}{base}" for replica in processes])
        servers = [f"127.0.0.1:{replica}" for replica in processes]
        (prefix / "nginx.conf").write_text(
            render_config(prefix, f"127.0.0.1:{port}", base, servers, f"127.0.0.1:{gate_port}", frame_ancestors, limits)
        )
        nginx = subprocess.Popen(
            [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        url = f"http://127.0.0.1:{port}{base}"
        wait_for(f"{url}_stcore/health", 20)
        yield Cluster(url, processes, nginx)
    finally:
        if nginx is not None:
            stop(nginx)
        stop(gate)
        for process in processes.values():
            stop(process)
        shutil.rmtree(prefix, ignore_errors=True)


def warm_replicas(bases: list[str]) -> None:
    """Every replica warmed at once; a page that fails is reported, and the replica still serves."""

    async def warm_all() -> list[list[str]]:
        return await asyncio.gather(*(session.warm(base) for base in bases), return_exceptions=True)

    for base, outcome in zip(bases, session.run_blocking(warm_all()), strict=True):
        problems = [f"{type(outcome).__name__}: {outcome}"] if isinstance(outcome, BaseException) else outcome
        for problem in problems:
            print(f"warming {base}: {problem} (the replica still serves)", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hosting.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--base-path", default="/intel/tajikistan/")
    parser.add_argument("--secrets", type=Path, help="a secrets.toml for every replica (sign-in, API keys)")
    parser.add_argument("--no-warm", action="store_true", help="let the first viewers load each replica's data")
    parser.add_argument(
        "--frame-ancestors",
        default=DEFAULT_FRAME_ANCESTORS,
        help="origins allowed to frame the app, CSP syntax (default: %(default)s; e.g. \"'self' https://portal.example.org\")",
    )
    parser.add_argument("--write-compose-config", action="store_true", help=f"rewrite {COMPOSE_CONFIG.name} and exit")
    args = parser.parse_args(argv)
    if args.write_compose_config:
        COMPOSE_CONFIG.write_text(compose_config(args.frame_ancestors))
        return 0
    if not Path(NGINX).exists():
        print(f"nginx not found at {NGINX}: install Debian's package (apt-get install nginx)", file=sys.stderr)
        return 1
    # SIGTERM (`kill`, a service manager) ends the run the way Ctrl-C does, from the first
    # moment: cluster() then stops nginx and every replica, even mid-start or mid-warm-up.
    signal.signal(signal.SIGTERM, stop_running)
    try:
        with cluster(
            args.replicas, args.port, args.base_path, args.secrets, not args.no_warm, args.frame_ancestors
        ) as running:
            print(f"{len(running.replicas)} replicas on ports {', '.join(map(str, running.replicas))}")
            print(f"open {running.url}  (Ctrl-C stops everything)", flush=True)
            while True:
                signal.pause()
    except KeyboardInterrupt:
        return 0


def stop_running(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
