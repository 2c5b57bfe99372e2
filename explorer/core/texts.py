"""Texts written below the UI for the window to show in the user's language: no Qt here.

The client says why a task waits, or what a failed request was, and the checks what is wrong
with a spec (`explorer.core.checks`), in English; the window translates. A `Text` keeps the template apart from its arguments, so the UI looks the template
up in its catalogue before it fills the arguments in (`explorer.ui.translation.translated`);
`str()` is the English, for logs and for callers without a catalogue.

Templates are marked where they are written, `Text.of(QT_TRANSLATE_NOOP("WaitReasons", "..."), pool=...)`:
pyside6-lupdate reads source text, not imports, so the function here under Qt's name is extracted
like Qt's own. Unlike Qt's it returns a `Template`, the text with its context, so the context is
written once and the UI translates in the context lupdate filed it under. Arguments may be Texts
themselves (translated in turn) or tuples of Texts (joined with ", ").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Union

Translate = Callable[[str, str], str]
"""(context, source text) -> the text in the user's language."""


@dataclass(frozen=True)
class Template:
    context: str
    text: str
    """A `str.format` template with named fields: `"Pool {pool} is being deleted."`."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> Template:  # noqa: N802 - the name pyside6-lupdate extracts
    """`text`, marked for translation under `context`."""
    return Template(context, text)


Argument = Union[str, int, "Text", tuple["Text", ...]]


@dataclass(frozen=True)
class Text:
    template: Template
    arguments: tuple[tuple[str, Argument], ...] = ()

    @classmethod
    def of(cls, template: Template, **arguments: Argument) -> Text:
        return cls(template, tuple(arguments.items()))

    @classmethod
    def joined(cls, parts: Sequence[Text | str], separator: str = " ") -> Text:
        """Texts (or strings already in the user's language) shown one after the other: sentences, list
        items. The template is no message (no catalogue has it), so it reads the same in every language."""
        fields = {f"part{index}": part for index, part in enumerate(parts)}
        return cls(Template("", separator.join(f"{{{name}}}" for name in fields)), tuple(fields.items()))

    def render(self, translate: Translate) -> str:
        """The text with `translate` applied to its template and to every Text among its arguments."""
        values = {name: _render(value, translate) for name, value in self.arguments}
        return translate(self.template.context, self.template.text).format(**values)

    def __str__(self) -> str:
        return self.render(lambda _context, text: text)


def _render(value: Argument, translate: Translate) -> object:
    if isinstance(value, Text):
        return value.render(translate)
    if isinstance(value, tuple):
        return ", ".join(part.render(translate) for part in value)
    return value


class TextError(Exception):
    """An error whose message may be a `Text`: `text` keeps it for the window to show in the user's language
    (`explorer.ui.translation.error_text`), `str()` is the English, for logs. A base beside the kind of error
    it is (`ValueError`, `OSError`, ...)."""

    def __init__(self, text: str | Text = "") -> None:
        super().__init__(str(text))
        self.text = text
