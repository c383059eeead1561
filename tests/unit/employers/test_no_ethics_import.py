"""The employers service does not import the ethics service: its dry run asks ethics over HTTP, and the flag
messages come from the kernel. So an employers deploy does not carry the rules version, and its web
processes do not train the text classifier at import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import employers

PACKAGE = Path(employers.__file__).resolve().parent
ROOT = PACKAGE.parent


def imported_modules(tree: ast.AST) -> list[str]:
    """Every module an ``import`` or ``from ... import`` in ``tree`` names (at any depth, also in functions)."""
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in
              ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant)):
            names.append(str(node.args[0].value))
    return names


def is_ethics(module: str) -> bool:
    return module == "ethics" or module.startswith("ethics.")


def test_the_walk_finds_ethics_imports_of_every_form():
    source = ("import ethics.engine\nfrom ethics.rules import messages\n"
              "def f():\n    import importlib\n    return importlib.import_module('ethics')\n")
    assert [m for m in imported_modules(ast.parse(source)) if is_ethics(m)] == ["ethics.engine", "ethics.rules",
                                                                                 "ethics"]
    assert not any(is_ethics(m) for m in imported_modules(ast.parse("import ethical\nfrom services import x\n")))


def test_no_employers_module_imports_ethics():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 10
    offending = {str(path.relative_to(ROOT)): found for path in modules
                 if (found := [m for m in imported_modules(ast.parse(path.read_text(), str(path))) if is_ethics(m)])}
    assert offending == {}


def test_the_employers_processes_load_no_ethics_module():
    code = ("import sys, employers.app, employers.worker\n"
            "print(sorted(m for m in sys.modules if m == 'ethics' or m.startswith('ethics.')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
