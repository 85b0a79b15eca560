"""Installs are reproducible: the environment running the tests is the one requirements.lock pins.

`make run`, `make test` (CI) and the Dockerfile install with the lock as pip constraints, so a
fresh clone gets the versions the suite passed with; this fails when the two drift apart.
"""

import re
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def pins() -> dict[str, str]:
    lines = (ROOT / "requirements.lock").read_text().splitlines()
    found = (re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s;]+)", line.strip()) for line in lines)
    return {normalise(m.group(1)): m.group(2) for m in found if m}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_direct_dependency_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    names = {normalise(re.split(r"[\[<>=!~ ;]", requirement, maxsplit=1)[0]) for requirement in wanted}
    assert names <= set(pins()), names - set(pins())


def test_the_environment_is_the_locked_one():
    drift = {
        name: (version, metadata.version(name)) for name, version in pins().items() if metadata.version(name) != version
    }
    assert drift == {}
