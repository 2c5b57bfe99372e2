"""Every user-visible string is marked for translation, and the catalogues match the sources.

Two checks, both fast and deterministic: an AST scan of explorer/ui for string literals handed to
the Qt calls that show text (setText, setToolTip, QLabel, QMessageBox, addTab, name_it, ...) that
are not wrapped in a translation call, and a fresh pyside6-lupdate run over the sources compared
with the committed catalogue (a string marked but not extracted, or extracted under a context no
run-time call uses, is caught there).
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
UI = ROOT / "explorer" / "ui"
CATALOGUES = ROOT / "explorer" / "resources" / "translations"
SCRIPT = ROOT / "scripts" / "update-translations.sh"
BIN = Path(shutil.which("pyside6-lupdate") or ROOT / ".venv" / "bin" / "pyside6-lupdate").parent

TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
"""Calls whose string arguments are marked (`self.tr`, `Name.tr`, `QCoreApplication.translate`)."""

# What shows text: the positions of the arguments that are shown (None: every positional one).
SHOWN: dict[str, tuple[int, ...] | None] = {
    "setText": (0,), "setToolTip": (0,), "setStatusTip": (0,), "setWhatsThis": (0,),
    "setWindowTitle": (0,), "setPlaceholderText": (0,), "setTitle": (0,), "setSubTitle": (0,),
    "setAccessibleName": (0,), "setAccessibleDescription": (0,), "setLabelText": (0,),
    "setButtonText": (1,), "setTabText": (1,), "setTabToolTip": (1,), "setItemText": (1,),
    "setHorizontalHeaderLabels": (0,), "setVerticalHeaderLabels": (0,), "setHeaderLabels": (0,),
    "showMessage": (0,), "addTab": (1,), "insertTab": (2,), "addItem": (0,), "addItems": (0,),
    "addAction": (0,), "addMenu": (0,), "addRow": (0,), "addButton": (0,), "setSpecialValueText": (0,),
    "setSuffix": (0,), "setPrefix": (0,), "setFormat": (0,),
    "QLabel": (0,), "QPushButton": (0,), "QCheckBox": (0,), "QRadioButton": (0,), "QGroupBox": (0,),
    "QAction": (0,), "QToolButton": (0,), "QListWidgetItem": (0,), "QMenu": (0,),
    "information": (1, 2), "warning": (1, 2), "critical": (1, 2), "question": (1, 2), "about": (1, 2),
    "QMessageBox": (1, 2),
    "name_it": (1, 2), "make_action": (0, 1), "confirm": (1, 2, 3), "confirm_action": (0, 1, 2),
    "tool_button": (1,), "say": (1,), "Field": (1,), "field": (0, 2),
}
SHOWN_KEYWORDS = {"text", "toolTip", "title", "label", "placeholder", "tip", "description"}


def call_name(node: ast.Call) -> str | None:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def is_words(value: str) -> bool:
    """Text a user reads: it has a letter (unlike "—", "✕", "") and is not a URL."""
    return any(c.isalpha() for c in value) and "://" not in value


def unmarked(node: ast.AST) -> list[ast.AST]:
    """Literal text in `node` that no translation call wraps (f-strings, concatenations, lists too)."""
    if isinstance(node, ast.Call) and call_name(node) in TRANSLATING:
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node] if is_words(node.value) else []
    if isinstance(node, ast.JoinedStr):
        literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        return [node] if is_words(literal) else []
    if isinstance(node, (ast.List, ast.Tuple)):
        return [found for element in node.elts for found in unmarked(element)]
    if isinstance(node, ast.BinOp):
        return unmarked(node.left) + unmarked(node.right)
    if isinstance(node, ast.IfExp):
        return unmarked(node.body) + unmarked(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return unmarked(node.func.value)
    return []


def problems_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), str(path))
    where = path.relative_to(ROOT)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = call_name(node)
        if name in TRANSLATING:
            found += [f"{where}:{node.lineno}: {problem}" for problem in translation_call_problems(node, name)]
        elif name in SHOWN:
            positions = SHOWN[name]
            args = [a for i, a in enumerate(node.args) if positions is None or i in positions]
            args += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
            found += [f"{where}:{literal.lineno}: {name}() shows {ast.unparse(literal)} untranslated"
                      for arg in args for literal in unmarked(arg)]
    return found


def translation_call_problems(node: ast.Call, name: str) -> list[str]:
    """A translation call lupdate cannot extract as the run-time call looks it up."""
    func = node.func
    text = node.args[1 if name in ("translate", "QT_TRANSLATE_NOOP") else 0] if node.args else None
    if isinstance(text, ast.JoinedStr):
        return [f"{name}() of an f-string (translate a template, then .format() it)"]
    if name == "tr" and isinstance(func, ast.Name):
        return ["a bare tr() is filed under the empty context: use self.tr or Name.tr"]
    if name == "tr" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
            and func.value.id in ("cls", "type"):
        return ["cls.tr() is filed under the context 'cls': name the class"]
    if name == "QT_TR_NOOP":
        return ["QT_TR_NOOP is filed under the empty context: QT_TRANSLATE_NOOP(\"Class\", ...)"]
    return []


def ui_sources() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def test_every_string_the_ui_shows_is_marked_for_translation():
    problems = [problem for path in ui_sources() for problem in problems_in(path)]
    assert not problems, "\n".join(problems)


def test_the_check_finds_what_it_is_for(tmp_path):
    """The scan flags the mistakes it is there for (so a green run means something)."""
    source = tmp_path / "sample.py"
    source.write_text(
        "class View:\n"
        "    def build(self, node):\n"
        "        QLabel('Loading nodes…', self)\n"
        "        self.button.setToolTip(f'Reboot node {node}')\n"
        "        self.tabs.addTab(self.files, 'Files')\n"
        "        name_it(self.table, self.tr('Nodes'), 'One row per node')\n"
        "        self.status.setText(self.tr(f'{node} is idle'))\n"
        "        self.title.setText(tr('Node'))\n"
        "        QLabel(self.tr('Fine'), self)\n"
        "        self.status.setText('—')\n"
        "        self.status.setText(self.tr('{node} is idle').format(node=node))\n"
    )
    original = ROOT
    try:
        globals()["ROOT"] = tmp_path
        found = problems_in(source)
    finally:
        globals()["ROOT"] = original
    assert len(found) == 6, found
    assert ["Loading nodes" in found[0], "Reboot node" in found[1]] == [True, True]


def catalogue_messages(path: Path) -> dict[str, set[str]]:
    contexts: dict[str, set[str]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        contexts.setdefault(context.findtext("name") or "", set()).update(
            message.findtext("source") or "" for message in context.iter("message"))
    return contexts


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory) -> Path:
    """The catalogues as the script makes them from the sources now (into a copy)."""
    directory = tmp_path_factory.mktemp("translations")
    for committed in CATALOGUES.iterdir():
        shutil.copy(committed, directory)
    subprocess.run(["bash", str(SCRIPT)], check=True, cwd=ROOT, env={"BIN": str(BIN), "DIR": str(directory),
                                                                    "PATH": "/usr/bin:/bin"})
    return directory


def test_the_committed_catalogues_match_the_sources(fresh_catalogues):
    stale = [path.name for path in sorted(fresh_catalogues.iterdir())
             if path.read_bytes() != (CATALOGUES / path.name).read_bytes()]
    assert not stale, f"{stale} differ from what the sources give: run bash scripts/update-translations.sh"


def test_every_message_is_filed_under_a_context_the_window_translates_in(fresh_catalogues):
    """A class's name (self.tr, Name.tr: what PySide6 translates in), or a context named where the
    text is (translate("Context", ...), QT_TRANSLATE_NOOP("Context", ...), below the UI too)."""
    contexts = catalogue_messages(fresh_catalogues / "mpi_explorer_en.ts")
    trees = [ast.parse(path.read_text()) for path in sorted((ROOT / "explorer").rglob("*.py"))]
    classes = {node.name for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    named = {node.args[0].value for tree in trees for node in ast.walk(tree)
             if isinstance(node, ast.Call) and call_name(node) in ("translate", "QT_TRANSLATE_NOOP")
             and node.args and isinstance(node.args[0], ast.Constant)}
    empty = contexts.pop("", set())
    assert not empty, f"messages under the empty context (a bare tr or QT_TR_NOOP): {empty}"
    assert not set(contexts) - classes - named, "contexts that are neither a class nor named where the text is"
    assert len(contexts["TaskView"]) > 20 and len(contexts["WaitReasons"]) > 5


PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:n|L?\d+)|<[^<>]+>")
"""What a translation must carry over unchanged: str.format fields ("{pool}", "{:,}", "{s:.0f}"),
Qt's %1 / %n arguments, and HTML tags."""
ACCELERATOR = re.compile(r"&(?=[^&\s])")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def translations(path: Path) -> list[tuple[str, str, list[str]]]:
    """(context, source, its translations: one, or one per plural form) of every message of a catalogue."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            target = message.find("translation")
            texts = [form.text or "" for form in target.iter("numerusform")] or [target.text or ""]
            if target.get("type") not in ("unfinished", "vanished", "obsolete"):
                found.append((context.findtext("name") or "", message.findtext("source") or "", texts))
    return found


LANGUAGES = sorted(path for path in CATALOGUES.glob("mpi_explorer_*.ts") if path.name != "mpi_explorer_en.ts")


@pytest.mark.parametrize("catalogue", LANGUAGES, ids=lambda path: path.stem)
def test_every_translation_keeps_the_sources_placeholders(catalogue):
    """A field lost or renamed in a translation raises KeyError when the window formats it, or drops the value."""
    wrong = [f"{context}: {source!r} -> {text!r}" for context, source, texts in translations(catalogue)
             for text in texts
             if placeholders(text) != placeholders(source)
             or len(ACCELERATOR.findall(text)) != len(ACCELERATOR.findall(source))]
    assert not wrong, "\n".join(wrong)


def test_the_german_catalogue_translates_every_message():
    catalogue = CATALOGUES / "mpi_explorer_de.ts"
    translated = {(context, source) for context, source, texts in translations(catalogue) if all(texts)}
    every = {(context, source) for context, sources in catalogue_messages(catalogue).items() for source in sources}
    assert not every - translated, f"untranslated: {sorted(every - translated)}"


def test_the_placeholder_check_finds_what_it_is_for():
    assert placeholders("Pool {pool} has {count:,} nodes, %1 of %n, <b>x</b>") == sorted(
        ["{pool}", "{count:,}", "%1", "%n", "<b>", "</b>"])
    assert placeholders("Pool {pool}: {count} Knoten") != placeholders("Pool {pool}: {anzahl} Knoten")
    assert placeholders("<b>Task {task}</b>") != placeholders("<b>Task {task}")
    assert placeholders("Rank %1 silent for %2 s") != placeholders("Rang %1 still")
    assert placeholders("{s:.0f} s") != placeholders("{s} s")
