"""The layering docs/architecture.md promises: data -> datasets -> analytics -> models -> charts ->
views, no arrow back up, and the pure layers free of Streamlit (testable with pytest alone)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "dashboard"
PURE = ("analytics", "charts", "models")
PURE_MODULES = (
    "datasets",
    "formatting",
    "navigation",
    "session.params",
    "session.readers",
    "session.pages",
    "session.state",
    "cache.readonly",
    "cache.memo",
)
# what each layer may import from the project (besides its own package and the pure helpers)
ALLOWED = {
    "analytics": {"datasets", "formatting", "cache.memo"},
    "charts": {"formatting", "analytics"},
    "models": {"datasets", "formatting", "analytics", "charts", "cache.readonly", "session.state"},  # state: pure
}


def modules_of(package: str) -> list[str]:
    return sorted(
        f"dashboard.{package}.{path.stem}" for path in (PACKAGE / package).glob("*.py") if path.stem != "__init__"
    )


def project_imports(path: Path) -> set[str]:
    """The dashboard modules a file imports, as dotted names without the `dashboard.` prefix."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dashboard"):
            base = node.module.removeprefix("dashboard").lstrip(".")
            # `from dashboard import datasets` names a module; `from dashboard.x import y` names x
            names |= {base} if base else {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            names |= {a.name.removeprefix("dashboard.") for a in node.names if a.name.startswith("dashboard.")}
    return names


def test_the_pure_layers_run_without_streamlit():
    modules = [m for package in PURE for m in modules_of(package)] + [f"dashboard.{m}" for m in PURE_MODULES]
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False", "a pure module imports streamlit"


@pytest.mark.parametrize("package", PURE)
def test_no_arrow_points_back_up(package):
    for path in (PACKAGE / package).glob("*.py"):
        outside = {name for name in project_imports(path) if not name.startswith(package)}
        allowed = ALLOWED[package]
        stray = {name for name in outside if not any(name == a or name.startswith(a + ".") for a in allowed)}
        assert not stray, f"{path.relative_to(ROOT)} imports {sorted(stray)}"


def test_the_top_level_holds_at_most_twelve_modules():
    entries = [p for p in PACKAGE.iterdir() if p.suffix == ".py" and p.stem != "__init__"]
    packages = [p for p in PACKAGE.iterdir() if p.is_dir() and p.name not in {"static", "__pycache__"}]
    assert len(entries) + len(packages) <= 12, sorted(p.name for p in entries + packages)
