"""Qt translations: Bahasa Indonesia is the source language; English comes from resources/i18n."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTime, QTranslator

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
        params = dict(error.params)
        cause = error.__cause__ or error.__context__    # "raise … from None" keeps it as the context
        if cause is not None and params.get("reason") == type(cause).__name__:   # a class name: said in words
            params["reason"] = _cause_words(cause) or params["reason"]
        try:
            return template.format(**params) if params else template
        except (KeyError, IndexError, ValueError):
            return error.message
    # The kind of error (a Python class name) is in the log, not in the Indonesian window.
    return QCoreApplication.translate(
        "Errors", "Terjadi kesalahan tak terduga. Data yang sudah tersimpan aman. Coba lagi; bila terulang, "
                  "laporkan ke admin cabang beserta waktunya ({time}).").format(
        time=QTime.currentTime().toString("HH:mm"))


def _cause_words(cause: BaseException) -> str:
    """Why something failed, as the ``{reason}`` inside a longer message (a service names the Python class)."""
    import httpx

    if isinstance(cause, httpx.TimeoutException):
        return QCoreApplication.translate("Errors", "tidak ada jawaban")
    if isinstance(cause, httpx.ConnectError):
        return QCoreApplication.translate("Errors", "jaringan putus atau hub mati")
    if isinstance(cause, httpx.HTTPError):
        return QCoreApplication.translate("Errors", "sambungan terputus")
    if isinstance(cause, PermissionError):
        return QCoreApplication.translate("Errors", "tidak ada izin membacanya")
    if isinstance(cause, OSError):
        return QCoreApplication.translate("Errors", "tidak terbaca dari disk")
    if isinstance(cause, ValueError):
        return QCoreApplication.translate("Errors", "isinya tidak sah")
    return ""


def link_words(error: BaseException) -> str:
    """Why the hub could not be reached, in words (``hub tidak menjawab``), when ``error`` is a failed
    link (or was raised from one); "" otherwise."""
    import httpx

    cause = error if isinstance(error, httpx.HTTPError) else error.__cause__
    if isinstance(cause, httpx.TimeoutException):
        return QCoreApplication.translate("Errors", "hub tidak menjawab")
    if isinstance(cause, httpx.ConnectError):
        return QCoreApplication.translate("Errors", "hub tidak dapat dihubungi")
    if isinstance(cause, httpx.HTTPError):
        return QCoreApplication.translate("Errors", "sambungan ke hub terputus")
    status = getattr(error, "params", {}).get("status") if isinstance(error, ServiceError) else None
    if status is not None:
        return QCoreApplication.translate("Errors", "hub menjawab dengan galat {status}").format(status=status)
    return ""


def number(value: int) -> str:
    """A count with the window's digit grouping: ``20.000`` in Indonesian, ``20,000`` in English."""
    return QLocale().toString(int(value))
