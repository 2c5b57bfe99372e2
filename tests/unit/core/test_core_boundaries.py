"""explorer.core stays plain Python: no Qt, no Azure SDK, no network, no files."""

import ast
from pathlib import Path

import pytest

import explorer.core

CORE_DIR = Path(explorer.core.__file__).parent
FORBIDDEN_MODULES = {
    "PySide6", "qasync", "azure", "aiohttp", "keyring", "platformdirs", "psutil",
    "asyncio", "socket", "ssl", "http", "urllib.request", "subprocess", "os", "pathlib", "io",
    "shutil", "tempfile", "sqlite3",
}  # fmt: skip
CORE_MODULES = sorted(CORE_DIR.glob("*.py"))


def imported_modules(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def is_forbidden(module: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in FORBIDDEN_MODULES)


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda path: path.name)
def test_core_module_imports_nothing_forbidden(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert sorted(module for module in imported_modules(tree) if is_forbidden(module)) == []
    opens = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "open"
    ]
    assert opens == [], f"{path.name} opens files at lines {opens}"


def test_core_modules_were_found():
    assert len(CORE_MODULES) > 10
