"""The window's language: Qt translators for the user's locale, from the catalogues shipped as package data.

Every user-visible string is marked where it is written: `self.tr("...")` in a QObject,
`Name.tr("...")` in module-level code (`Name` a QObject class of the module or a `Texts`),
`QT_TRANSLATE_NOOP("Context", "...")` for tables translated where they are shown, and below the
UI `explorer.core.texts` (a `Text` carries its template, context and arguments; no Qt there).
Messages are templates with named fields, formatted after translation, never translated once
formatted; a count that changes the wording is two messages (one, and more than one).

`scripts/update-translations.sh` extracts them with pyside6-lupdate into
`explorer/resources/translations/*.ts` and compiles those with pyside6-lrelease into the `.qm`
files loaded here. The `.qm` files are committed: the wheel and the bundle carry them as package
data, and building either needs no Qt tools. English is the source language: it needs no catalogue.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from explorer.core.texts import Text
from explorer.resources import resource_path

log = logging.getLogger(__name__)

CATALOGUE = "mpi_explorer"
"""The catalogues' base name: `mpi_explorer_de.qm` holds the German texts."""


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the catalogue for `locale` (default: the system's) if there is one with translations,
    and then Qt's own (`qtbase_*`: the standard buttons of message boxes, the context menus of text
    fields): without ours (or with ours still untranslated), Qt's alone would make a
    window of two languages. Returns the translators installed (children of `app`, removed with
    `app.removeTranslator`)."""
    locale = locale or QLocale.system()
    installed: list[QTranslator] = []
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return installed
    for name, directory in ((CATALOGUE, translations_dir()),
                            ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if not translator.load(locale, name, "_", directory) or translator.isEmpty():
            log.debug("no %s translations for %s in %s", name, locale.name(), directory)
            translator.deleteLater()
            break
        app.installTranslator(translator)
        installed.append(translator)
        log.info("translations loaded: %s", translator.filePath())
    return installed


def translations_dir() -> str:
    return str(resource_path("translations"))


def translated(text: Text | str) -> str:
    """A text written below the UI (a wait reason, an error's action, a check's problem), in the user's
    language; a str (from the service, or translated already) is shown as it is."""
    return text if isinstance(text, str) else text.render(QCoreApplication.translate)


def error_text(error: BaseException) -> str:
    """An error's message in the user's language: a BatchLayerError's `text` (read by name: importing the
    client's errors here would load the Azure SDK before the window paints), else its English `str()`."""
    text = getattr(error, "text", None)
    return translated(text) if isinstance(text, (str, Text)) else str(error)


# Batch's state names (of tasks, jobs, pools, nodes, start tasks), marked for translation: the service
# writes them in English; the window shows them in the user's language (English: as they are).
STATE_NAMES = (
    QT_TRANSLATE_NOOP("States", "active"), QT_TRANSLATE_NOOP("States", "preparing"),
    QT_TRANSLATE_NOOP("States", "running"), QT_TRANSLATE_NOOP("States", "completed"),
    QT_TRANSLATE_NOOP("States", "disabling"), QT_TRANSLATE_NOOP("States", "disabled"),
    QT_TRANSLATE_NOOP("States", "enabling"), QT_TRANSLATE_NOOP("States", "enabled"),
    QT_TRANSLATE_NOOP("States", "terminating"), QT_TRANSLATE_NOOP("States", "deleting"),
    QT_TRANSLATE_NOOP("States", "upgrading"), QT_TRANSLATE_NOOP("States", "steady"),
    QT_TRANSLATE_NOOP("States", "resizing"), QT_TRANSLATE_NOOP("States", "stopping"),
    QT_TRANSLATE_NOOP("States", "idle"), QT_TRANSLATE_NOOP("States", "rebooting"),
    QT_TRANSLATE_NOOP("States", "reimaging"), QT_TRANSLATE_NOOP("States", "unusable"),
    QT_TRANSLATE_NOOP("States", "creating"), QT_TRANSLATE_NOOP("States", "starting"),
    QT_TRANSLATE_NOOP("States", "waitingforstarttask"), QT_TRANSLATE_NOOP("States", "starttaskfailed"),
    QT_TRANSLATE_NOOP("States", "unknown"), QT_TRANSLATE_NOOP("States", "leavingpool"),
    QT_TRANSLATE_NOOP("States", "offline"), QT_TRANSLATE_NOOP("States", "preempted"),
    QT_TRANSLATE_NOOP("States", "upgradingos"), QT_TRANSLATE_NOOP("States", "deallocated"),
    QT_TRANSLATE_NOOP("States", "deallocating"),
)


def state_text(state: str | None, unknown: str = "—") -> str:
    """A Batch state as the window shows it ("running": "Wird ausgeführt" in German); `unknown` for none."""
    return QCoreApplication.translate("States", state) if state else unknown


class Texts:
    """The translation context of module-level code: `class Formatting(Texts)`, then `Formatting.tr("Id")`.

    pyside6-lupdate files `Name.tr("...")` under the context "Name", and this translates in it
    (a bare `tr("...")` would be filed under the empty context, which no run-time call uses).
    A QObject class says the same with its own name: `FieldFeedback.tr("...")`.
    """

    @classmethod
    def tr(cls, text: str) -> str:
        return QCoreApplication.translate(cls.__name__, text)
