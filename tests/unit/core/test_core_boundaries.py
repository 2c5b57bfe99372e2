"""explorer.core opens no files (its imports are held by the import-linter contracts)."""

import ast
from pathlib import Path

import pytest

import explorer.core

CORE_MODULES = sorted(Path(explorer.core.__file__).parent.rglob("*.py"))


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda path: str(path.relative_to(path.parents[1])))
def test_core_module_opens_no_files(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    opens = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "open"
    ]
    assert opens == [], f"{path.name} opens files at lines {opens}"


def test_core_modules_were_found():
    assert len(CORE_MODULES) > 20
