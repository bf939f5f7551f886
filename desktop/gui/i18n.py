"""Qt translations: Bahasa Indonesia is the source language; English comes from resources/i18n."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from desktop.domain.messages import CONTEXT as VALIDATION_CONTEXT
from desktop.domain.messages import Problem
from desktop.paths import TRANSLATIONS
from desktop.services.errors import CONTEXT as SERVICE_CONTEXT
from desktop.services.errors import ServiceError, write_failed

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}


def chosen_language(explicit: str | None = None) -> str:
    """``--lang`` wins, then ``LINDUNG_LANG``, then the saved choice, then Indonesian."""
    for value in (explicit, os.environ.get("LINDUNG_LANG"), QSettings().value("ui/language", "", str)):
        if value in LANGUAGES:
            return value
    return "id"


def running_language() -> str:
    """The language the window was started in (``install_translator``'s), Indonesian by default."""
    app = QCoreApplication.instance()
    value = app.property("lindung_language") if app is not None else None
    return value if value in LANGUAGES else "id"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    app.setProperty("lindung_language", language if language in LANGUAGES else "id")
    if language == "id":
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        # Qt's own dialogs (file chooser, Yes/No, print dialog): Qt ships no Indonesian for them, so
        # resources/i18n/qtbase_id.ts carries the texts they use.
        qt_own = QTranslator(app)
        if qt_own.load("qtbase_id", str(TRANSLATIONS)):
            app.installTranslator(qt_own)
            return qt_own
        return None
    if language == "en":   # counts grouped the English way (20,000) everywhere in the English window
        QLocale.setDefault(QLocale(QLocale.Language.English))
    translator = QTranslator(app)
    if translator.load(f"lindung_{language}", str(TRANSLATIONS)):
        app.installTranslator(translator)
        return translator
    return None


def label(text: str) -> str:
    """A domain label (occupation, relationship, status …) in the UI language."""
    return QCoreApplication.translate("Labels", text)


def problem_text(problem: Problem) -> str:
    template = QCoreApplication.translate(VALIDATION_CONTEXT, problem.template)
    if template == problem.template:  # service-level problems (duplicates) carry Service templates
        template = QCoreApplication.translate(SERVICE_CONTEXT, problem.template)
    try:
        return template.format(**problem.params) if problem.params else template
    except (KeyError, IndexError, ValueError):
        return problem.message


def error_text(error: BaseException) -> str:
    if isinstance(error, OSError):   # a file being written: full disk, read-only folder, open in Excel
        error = write_failed(error)
    if isinstance(error, ServiceError):
        template = QCoreApplication.translate(SERVICE_CONTEXT, error.template)
        try:
            return template.format(**error.params) if error.params else template
        except (KeyError, IndexError, ValueError):
            return error.message
    return QCoreApplication.translate(
        "Errors", "Terjadi kesalahan tak terduga ({kind}). Data yang sudah tersimpan aman.").format(
        kind=type(error).__name__)


def number(value: int) -> str:
    """A count with the window's digit grouping: ``20.000`` in Indonesian, ``20,000`` in English."""
    return QLocale().toString(int(value))
