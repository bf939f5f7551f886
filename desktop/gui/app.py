"""Starting the window: open the database on the worker, sign in, show the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.gui.i18n import chosen_language, error_text, install_translator
from desktop.gui.worker import DbWorker
from desktop.paths import RESOURCES
from desktop.services.accounts import Actor, has_accounts
from desktop.services.errors import ServiceError
from desktop.services.workspace import Workspace


def make_app(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Lindung")
    app.setApplicationName("Lindung")
    app.setApplicationDisplayName("Lindung")
    install_translator(app, chosen_language(language))
    style = RESOURCES / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


log = logging.getLogger(__name__)


class AppController(QObject):
    """Owns the worker, the open workspace and the windows for one run of the app."""

    main_window_shown = Signal(object)
    dialog_shown = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path):
        super().__init__()
        self.db_path = db_path
        self.worker = DbWorker(self)
        self.ws: Workspace | None = None
        self.window = None
        self.dialog = None

    def start(self) -> None:
        from desktop.services import keys

        try:
            locked = keys.needs_password(self.db_path)
        except ServiceError as exc:
            self._open_failed(exc)
            return
        if locked:  # encrypted for its accounts: the sign-in itself unlocks it
            self._show(self._login(self._unlock_and_sign_in))
        else:
            self.worker.submit(Workspace, self.db_path, on_success=self._opened, on_failure=self._open_failed)

    def _unlock_and_sign_in(self, username: str, password: str) -> Actor:
        """On the worker: the password unwraps the database key, then signs in as usual."""
        from desktop.services import accounts, keys

        if self.ws is None:
            self.ws = Workspace(self.db_path, key=keys.unlock(self.db_path, username, password))
        return accounts.authenticate(self.ws, username, password)

    def _login(self, sign_in):
        from desktop.gui.login import LoginDialog

        return LoginDialog(sign_in, self.worker)

    def _show(self, dialog) -> None:
        self.dialog = dialog
        self.dialog.signed_in.connect(self._signed_in)
        self.dialog.rejected.connect(QApplication.instance().quit)
        self.dialog.show()
        self.dialog_shown.emit(self.dialog)

    def _opened(self, ws: Workspace) -> None:
        self.ws = ws
        self.worker.submit(has_accounts, ws, on_success=self._ask_sign_in, on_failure=self._open_failed)

    def _ask_sign_in(self, accounts_exist: bool) -> None:
        from desktop.gui.login import FirstRunDialog
        from desktop.services import accounts

        ws = self.ws
        if accounts_exist:
            self._show(self._login(lambda username, password: accounts.authenticate(ws, username, password)))
        else:
            self._show(FirstRunDialog(ws, self.worker))

    def _signed_in(self, actor: Actor) -> None:
        from desktop.gui.main_window import MainWindow

        self.window = MainWindow(self.ws, self.worker, actor)
        self.window.show()
        self.main_window_shown.emit(self.window)

    def _open_failed(self, error: BaseException) -> None:
        message = QApplication.translate("App", "Basis data {path} tidak dapat dibuka.\n{reason}").format(
            path=self.db_path, reason=error_text(error))
        self.failed.emit(message)
        QMessageBox.critical(None, "Lindung", message)
        QApplication.instance().quit()

    def shutdown(self) -> None:
        self.worker.shutdown()
        if self.ws is not None:
            from desktop.services import audit
            from desktop.services.backup import auto_backup

            try:
                info = auto_backup(self.ws.path, self.ws.key)  # one a day, the last seven kept, beside the database
                if info is not None:
                    audit.log(self.ws, audit.SYSTEM, "backup", info.path.name, {"workers": info.workers, "automatic": True})
            except Exception as exc:  # a full disk must not stop the app from closing; say what failed
                log.warning("automatic backup failed: %s", type(exc).__name__)
            self.ws.close()


def _report_unexpected(kind, exc, tb) -> None:
    """Errors nobody caught (in a slot, say): logged by type and place only, never the message,
    which may hold personal data; the window goes on."""
    from desktop.domain.redact import error_summary

    log.error("unexpected error: %s", error_summary(exc.with_traceback(tb)))


def run_gui(db: str | None = None, lang: str | None = None) -> int:
    from desktop.storage.engine import default_db_path

    app = make_app(language=lang)
    sys.excepthook = _report_unexpected
    controller = AppController(Path(db).expanduser() if db else default_db_path())
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    return app.exec()
