"""The one typed wrapper over QSettings: window layout, last selection, wizard memory.

Everything is kept in one INI file (by default in the user config dir; tests give a
temp path). A schema version guards against a future layout being misread: settings
written by a newer version are cleared, and the window starts from defaults, rather than
half-understood. Never store a
secret here: keys go through `explorer.client.connecting.credentials`.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
THEMES = ("system", "light", "dark")


def default_settings_path() -> Path:
    return Path(platformdirs.user_config_dir("mpi-explorer")) / "settings.ini"


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else default_settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        version = self._qsettings.value("schema_version")
        if version is not None and int(version) > SCHEMA_VERSION:
            log.warning("settings %s are from a newer version (%s); starting from defaults", self.path, version)
            self._qsettings.clear()
        self._qsettings.setValue("schema_version", SCHEMA_VERSION)

    # --- layout ------------------------------------------------------------------

    def geometry(self, window: str) -> QByteArray | None:
        return self._bytes(f"windows/{window}/geometry")

    def set_geometry(self, window: str, state: QByteArray) -> None:
        self._qsettings.setValue(f"windows/{window}/geometry", state)

    def window_state(self, window: str) -> QByteArray | None:
        return self._bytes(f"windows/{window}/state")

    def set_window_state(self, window: str, state: QByteArray) -> None:
        self._qsettings.setValue(f"windows/{window}/state", state)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, state: QByteArray) -> None:
        self._qsettings.setValue(f"splitters/{name}", state)

    def table_state(self, name: str) -> QByteArray | None:
        """A table's column widths as the user left them (QHeaderView.saveState)."""
        return self._bytes(f"tables/{name}")

    def set_table_state(self, name: str, state: QByteArray) -> None:
        self._qsettings.setValue(f"tables/{name}", state)

    # --- what the user was looking at ------------------------------------------------

    def last_selection(self) -> dict[str, str] | None:
        """e.g. {"kind": "task", "job_id": "...", "task_id": "..."}, as the navigator saved it."""
        value = self._json("navigation/last_selection")
        return value if isinstance(value, dict) else None

    def set_last_selection(self, selection: dict[str, str] | None) -> None:
        self._set_json("navigation/last_selection", selection)

    @property
    def theme(self) -> str:
        value = str(self._qsettings.value("appearance/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"theme must be one of {', '.join(THEMES)}, not {value!r}")
        self._qsettings.setValue("appearance/theme", value)

    @property
    def follow_output(self) -> bool:
        return str(self._qsettings.value("output/follow", "true")).lower() == "true"

    @follow_output.setter
    def follow_output(self, value: bool) -> None:
        self._qsettings.setValue("output/follow", "true" if value else "false")

    @property
    def notify_task_end(self) -> bool:
        """Say (a desktop notification) when a task opened or submitted in this session ends."""
        return str(self._qsettings.value("notifications/task_end", "true")).lower() == "true"

    @notify_task_end.setter
    def notify_task_end(self, value: bool) -> None:
        self._qsettings.setValue("notifications/task_end", "true" if value else "false")

    # --- wizards -------------------------------------------------------------------

    def wizard_values(self, wizard: str, pool_id: str | None = None) -> dict[str, Any]:
        """The values last submitted with `wizard` on `pool_id` (or on any pool)."""
        value = self._json(f"wizards/{wizard}/{_key(pool_id)}")
        return value if isinstance(value, dict) else {}

    def set_wizard_values(self, wizard: str, pool_id: str | None, values: dict[str, Any]) -> None:
        self._set_json(f"wizards/{wizard}/{_key(pool_id)}", values)

    def sync(self) -> None:
        self._qsettings.sync()

    # --- plumbing ------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _json(self, key: str) -> Any:
        raw = self._qsettings.value(key)
        if raw is None:
            return None
        try:
            return json.loads(str(raw))
        except ValueError:
            log.warning("ignoring unreadable setting %s", key)
            return None

    def _set_json(self, key: str, value: Any) -> None:
        if value is None:
            self._qsettings.remove(key)
        else:
            self._qsettings.setValue(key, json.dumps(value, sort_keys=True))


def _key(pool_id: str | None) -> str:
    """QSettings treats '/' as a group separator; Batch ids never contain one, but '*' means 'any pool'."""
    return (pool_id or "*").replace("/", "_")
