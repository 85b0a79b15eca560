"""The app runs with Streamlit's "magic" off (.streamlit/config.toml: it costs a syntax-tree
rewrite of every page whenever Streamlit compiles it). Magic would have written a bare
expression to the page; with it off such a line shows nothing, so none may exist."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VIEWS = sorted((ROOT / "dashboard" / "views").glob("*.py"))
SCRIPTS = [ROOT / "dashboard" / "app.py", ROOT / "hosting" / "app.py", *VIEWS]
NOT_SHOWN = (ast.Call, ast.Yield, ast.YieldFrom, ast.Await)  # what magic never wrote either


def bare_expressions(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for index, statement in enumerate(body):
            if not isinstance(statement, ast.Expr) or isinstance(statement.value, NOT_SHOWN):
                continue
            value = statement.value
            docstring = index == 0 and isinstance(value, ast.Constant) and isinstance(value.value, str)
            if not docstring:
                lines.append(statement.lineno)
    return lines


def test_magic_is_off_in_the_served_configuration():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["magicEnabled"] is False


def test_no_script_has_a_bare_expression_that_magic_would_have_shown():
    found = {str(path.relative_to(ROOT)): bare_expressions(ast.parse(path.read_text())) for path in SCRIPTS}
    assert {path: lines for path, lines in found.items() if lines} == {}


def test_the_check_finds_a_bare_expression():
    assert bare_expressions(ast.parse('"""doc"""\nx = 1\nx\nst.write(x)\n"not a docstring"\n')) == [3, 5]
