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


def names(requirements: list[str]) -> set[str]:
    return {normalise(re.split(r"[\[<>=!~ ;]", requirement, maxsplit=1)[0]) for requirement in requirements}


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def curation_only() -> set[str]:
    """The `curate` extra is installed by `make curate` alone, never by `make test` (CI)."""
    return names(project()["optional-dependencies"]["curate"])


def test_every_direct_dependency_is_pinned():
    extras = project()["optional-dependencies"]
    wanted = names([*project()["dependencies"], *extras["test"], *extras["curate"]])
    assert wanted <= set(pins()), wanted - set(pins())


def installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def test_the_environment_is_the_locked_one():
    drift = {
        name: (version, installed(name))
        for name, version in pins().items()
        if installed(name) != version and not (name in curation_only() and installed(name) is None)
    }
    assert drift == {}
