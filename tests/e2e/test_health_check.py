"""The container's health check against a real server: healthy when up, unhealthy when not."""

import os
import subprocess
import sys
import urllib.parse

import pytest

from hosting.process import ROOT, free_port

pytestmark = pytest.mark.e2e


def check(port: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "PORT": str(port), "BASE_URL_PATH": ""}
    return subprocess.run([sys.executable, "-m", "hosting.health"], cwd=ROOT, env=env, capture_output=True, timeout=30)


def test_a_running_server_is_healthy(server):
    assert check(urllib.parse.urlsplit(server).port).returncode == 0


def test_no_server_is_unhealthy():
    result = check(free_port())
    assert result.returncode == 1
    assert b"unhealthy" in result.stderr
