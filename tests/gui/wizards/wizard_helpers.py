"""Driving wizards in tests: open them registered with qtbot, read the messages beside fields."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard


def next_enabled(wizard: QWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def finish_enabled(wizard: QWizard) -> bool:
    return wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def messages(page, key: str) -> list[str]:
    """The messages shown beside field ``key`` of ``page``."""
    return page.feedback[key].texts()


def fix_buttons(page, key: str) -> dict[str, object]:
    return {button.text(): button for button in page.feedback[key].fix_buttons}
