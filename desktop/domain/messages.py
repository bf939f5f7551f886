"""Validation messages that explain themselves in Indonesian and can be translated by Qt.

Every message template is written in Bahasa Indonesia (the source language) and wrapped in
``QT_TRANSLATE_NOOP`` so that ``pyside6-lupdate`` extracts it into the translation files; the GUI
translates the template with ``QCoreApplication.translate(CONTEXT, template)`` and then fills in
the parameters.  The domain itself never imports Qt.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

CONTEXT = "Validation"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name recognised by lupdate
    """Mark ``text`` for extraction by lupdate; returns it unchanged."""
    return text


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a second look) with one field."""

    field: str
    template: str
    params: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    severity: Severity = Severity.ERROR

    @property
    def message(self) -> str:
        return self.template.format(**self.params) if self.params else self.template

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:  # pragma: no cover - convenience
        return f"{self.field}: {self.message}"


def error(field_name: str, template: str, **params: object) -> Problem:
    return Problem(field_name, template, params, Severity.ERROR)


def warning(field_name: str, template: str, **params: object) -> Problem:
    return Problem(field_name, template, params, Severity.WARNING)


def errors_of(problems) -> list[Problem]:
    return [p for p in problems if p.is_error]


def warnings_of(problems) -> list[Problem]:
    return [p for p in problems if not p.is_error]
