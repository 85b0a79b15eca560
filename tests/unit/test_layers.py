"""The layering docs/architecture.md promises, read from the document itself and held by the code.

The flow (data -> datasets -> analytics -> models -> charts -> views), the pure helpers any layer
may use, the modules that may import Streamlit, the modules that keep an lru_cache and the module
tree are all parsed from docs/architecture.md, so the document and the code cannot drift apart:
a new import that points back up, a module missing from the tree, or a tree entry with no module
behind it fails here. No layer has a standing exception.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "dashboard"
DOC = ROOT / "docs" / "architecture.md"
PURE = ("analytics", "charts", "models")  # packages that must import without Streamlit


@cache
def doc() -> str:
    return DOC.read_text()


def dotted(path: str) -> str:
    """`analytics/` -> 'analytics', `cache/readonly.py` -> 'cache.readonly', `datasets.py` -> 'datasets'."""
    return path.strip("`").removesuffix("/").removesuffix(".py").replace("/", ".")


def flow() -> list[str]:
    """The layers in the documented order, after data/: ['datasets', 'analytics', 'models', 'charts', 'views']."""
    line = re.search(r"^Data flows one way: (.+?)\.?$", doc(), re.MULTILINE)
    assert line, "docs/architecture.md no longer states the flow"
    steps = [dotted(step.strip()) for step in line.group(1).split("→")]
    assert steps[0] == "data", steps
    return steps[1:]


def helpers() -> set[str]:
    """The pure helpers any layer may use, as the document names them."""
    line = re.search(r"^Pure helpers any layer may use: (.+?)\.(?:\s|$)", doc(), re.MULTILINE)
    assert line, "docs/architecture.md no longer names the pure helpers"
    return {dotted(name) for name in re.findall(r"`([^`]+)`", line.group(1))}


def modules_of(layer: str) -> list[Path]:
    """A layer's files: a package's modules, or a top-level module's one file."""
    folder = PACKAGE / layer
    if folder.is_dir():
        return sorted(path for path in folder.glob("*.py") if path.stem != "__init__")
    return [PACKAGE / f"{layer}.py"]


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


def within(name: str, allowed: set[str]) -> bool:
    return any(name == a or name.startswith(a + ".") for a in allowed)


def test_the_document_states_the_flow_and_its_helpers():
    assert flow() == ["datasets", "analytics", "models", "charts", "views"]
    assert helpers() == {"formatting", "cache.readonly"}


@pytest.mark.parametrize("layer", flow()[:-1])  # views are the top: they may use every layer below
def test_no_arrow_points_back_up(layer):
    layers = flow()
    below = set(layers[: layers.index(layer)]) | helpers() | {layer}
    for path in modules_of(layer):
        stray = {name for name in project_imports(path) if not within(name, below)}
        assert not stray, f"{path.relative_to(ROOT)} imports {sorted(stray)}, not below it in docs/architecture.md"


def test_the_pure_layers_run_without_streamlit():
    modules = [f"dashboard.{layer}.{path.stem}" for layer in PURE for path in modules_of(layer)]
    modules += [f"dashboard.{name}" for name in ("datasets", "formatting", "navigation")]
    modules += [f"dashboard.session.{name}" for name in ("params", "readers", "pages", "state")]
    modules += [f"dashboard.{name}" for name in helpers()]
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False", "a pure module imports streamlit"


def imports_streamlit(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "streamlit" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "streamlit":
            return True
    return False


def named_paths(sentence_pattern: str) -> set[Path]:
    """The files a sentence of the document names in backticks (a package stands for its modules)."""
    sentence = re.search(sentence_pattern, doc(), re.DOTALL)
    assert sentence, f"docs/architecture.md no longer has {sentence_pattern!r}"
    paths = set()
    for name in re.findall(r"`([^`]+)`", sentence.group(0)):
        target = PACKAGE / name
        paths |= set(modules_of(name.removesuffix("/"))) if name.endswith("/") else {target}
    return paths


def every_module() -> set[Path]:
    return {path for path in PACKAGE.rglob("*.py") if path.stem != "__init__"}


def test_only_the_modules_the_document_names_import_streamlit():
    named = named_paths(r"only\s+`cache/edition\.py`.*? do\.")
    importing = {path for path in every_module() if imports_streamlit(path)}
    assert importing == named, (
        f"import Streamlit but are not named: {sorted(str(p.relative_to(ROOT)) for p in importing - named)}; "
        f"named but do not: {sorted(str(p.relative_to(ROOT)) for p in named - importing)}"
    )


def uses_lru_cache(path: Path) -> bool:
    """Whether a module takes functools' lru_cache (or cache): imported by name or used as functools.x."""
    caches = {"lru_cache", "cache"}
    for node in ast.walk(ast.parse(path.read_text())):
        imported = isinstance(node, ast.ImportFrom) and node.module == "functools"
        if imported and any(alias.name in caches for alias in node.names):
            return True
        attribute = isinstance(node, ast.Attribute) and node.attr in caches
        if attribute and isinstance(node.value, ast.Name) and node.value.id == "functools":
            return True
    return False


def test_only_the_lookups_the_document_names_keep_a_functools_cache():
    named = named_paths(r"a few pure lookups of fixed things keep.*?are the only ones\.")
    named = {path for path in named if path.suffix == ".py"}
    assert {path for path in every_module() if uses_lru_cache(path)} == named


def documented_tree() -> set[str]:
    """The files and packages the document's tree lists under dashboard/, as paths relative to it."""
    block = re.search(r"^```\n(data/.*?)^```", doc(), re.MULTILINE | re.DOTALL)
    assert block, "docs/architecture.md no longer has its module tree"
    entries, stack, inside = set(), [], False
    for line in block.group(1).splitlines():
        match = re.match(r"^( *)(\S+)", line)
        if not match or not (match.group(2).endswith(".py") or match.group(2).endswith("/")):
            continue  # a description carried onto the next line
        indent, name = len(match.group(1)), match.group(2)
        if indent == 0:
            inside = name == "dashboard/"
            stack = []
            continue
        if not inside:
            continue
        stack = [(level, part) for level, part in stack if level < indent]
        path = "".join(part for _, part in stack) + name
        entries.add(path)
        if name.endswith("/"):
            stack.append((indent, name))
    return entries


def test_the_documented_tree_lists_exactly_the_modules_that_exist():
    actual = {str(path.relative_to(PACKAGE)) for path in every_module()}
    actual |= {
        f"{path.relative_to(PACKAGE)}/" for path in PACKAGE.rglob("*") if path.is_dir() and any(path.glob("*.py"))
    }
    documented = documented_tree()
    assert documented == actual, (
        f"in the code, not the tree: {sorted(actual - documented)}; in the tree, not the code: "
        f"{sorted(documented - actual)}"
    )


def test_the_top_level_holds_at_most_twelve_modules():
    entries = [p for p in PACKAGE.iterdir() if p.suffix == ".py" and p.stem != "__init__"]
    packages = [p for p in PACKAGE.iterdir() if p.is_dir() and p.name not in {"static", "__pycache__"}]
    assert len(entries) + len(packages) <= 12, sorted(p.name for p in entries + packages)
