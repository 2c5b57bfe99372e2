"""The layers of design.md, enforced by reading every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "explorer"

# layer -> top-level packages it must never import
FORBIDDEN = {
    "core": ("PySide6", "pyqtgraph", "qasync", "explorer.ui", "explorer.batch", "explorer.localbatch"),
    "batch": ("PySide6", "pyqtgraph", "qasync", "explorer.ui", "explorer.localbatch"),
    "localbatch": ("PySide6", "pyqtgraph", "qasync", "explorer.ui", "explorer.batch"),
}


def imported_names(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_stay_inside_their_bounds(layer):
    offences = []
    for module in sorted((PACKAGE / layer).rglob("*.py")):
        for name in imported_names(module):
            if any(name == banned or name.startswith(banned + ".") for banned in FORBIDDEN[layer]):
                offences.append(f"{module.relative_to(PACKAGE.parent)} imports {name}")
    assert offences == []


def test_views_do_not_call_the_sdk():
    offences = [
        f"{module.relative_to(PACKAGE.parent)} imports {name}"
        for module in sorted((PACKAGE / "ui").rglob("*.py"))
        for name in imported_names(module)
        if name.startswith("azure")
    ]
    assert offences == []
