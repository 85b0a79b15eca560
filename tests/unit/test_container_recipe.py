"""The container recipe, checked as far as a machine without a container engine can.

No image is built here (there is no Docker daemon and no registry): these tests check what the
Dockerfile and the compose example promise, and the health check runs for real in
tests/e2e/test_health_check.py.
"""

import re
from pathlib import Path

import yaml

from hosting import health
from hosting.serve import COMPOSE_CONFIG, COMPOSE_SERVERS, compose_config

ROOT = Path(__file__).resolve().parents[2]


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) per Dockerfile instruction, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def test_the_image_is_slim_runs_as_a_user_and_checks_its_health():
    steps = instructions()
    kinds = [kind for kind, _ in steps]
    assert steps[0][0] == "FROM" and steps[0][1].endswith("-slim")
    user_at = kinds.index("USER")
    assert steps[user_at][1] not in ("root", "0")
    assert all(kind != "RUN" for kind in kinds[user_at:])  # nothing runs as root after the switch
    assert kinds.index("CMD") > user_at
    healthcheck = next(args for kind, args in steps if kind == "HEALTHCHECK")
    assert "hosting.health" in healthcheck
    assert "--server.baseUrlPath" in next(args for kind, args in steps if kind == "CMD")


def test_everything_the_image_copies_exists_and_no_secret_is_copied():
    copies = [args.split() for kind, args in instructions() if kind == "COPY"]
    sources = [part for args in copies for part in args[:-1] if not part.startswith("--")]
    assert sources and all((ROOT / source).exists() for source in sources)
    assert not any("secrets" in source for source in sources)
    assert ".streamlit/secrets.toml" in (ROOT / ".dockerignore").read_text().split()


def test_the_compose_proxy_config_is_the_tested_template_for_its_services():
    assert COMPOSE_CONFIG.read_text() == compose_config()  # rewrite: python -m hosting.serve --write-compose-config
    compose = (ROOT / "compose.yaml").read_text()
    for server in COMPOSE_SERVERS:
        assert f"  {server.split(':')[0]}: *dashboard" in compose
    assert "./hosting/compose-nginx.conf:/etc/nginx/nginx.conf:ro" in compose


def test_the_health_check_follows_the_base_path():
    assert health.health_url("8501", "") == "http://127.0.0.1:8501/_stcore/health"
    assert health.health_url("8501", "/intel/tajikistan/") == "http://127.0.0.1:8501/intel/tajikistan/_stcore/health"


def test_compose_refreshes_into_the_editions_volume_the_replicas_read():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    editions = re.search(r"^ENV RT_EDITIONS_DIR=(\S+)$", (ROOT / "Dockerfile").read_text(), re.MULTILINE).group(1)
    services = compose["services"]
    for name in ("dashboard-1", "dashboard-2"):
        assert f"editions:{editions}:ro" in services[name]["volumes"]
    refresh = services["refresh"]
    assert refresh["command"] == ["python", "-m", "dashboard.refresh", "all"]
    assert f"editions:{editions}" in refresh["volumes"] and refresh["profiles"] == ["refresh"]
    assert "editions" in compose["volumes"]
    # the curated data is the same folder at the same path for both, which every edition links back to
    assert "./data:/app/data:ro" in refresh["volumes"] and "./data:/app/data:ro" in services["dashboard-1"]["volumes"]
