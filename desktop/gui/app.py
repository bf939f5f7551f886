"""Starting the window: open the database on the worker, sign in, show the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QRawFont
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.gui.i18n import chosen_language, error_text, install_translator
from desktop.gui.worker import DbWorker
from desktop.paths import FONTS, RESOURCES
from desktop.domain.actors import Actor
from desktop.services.accounts import has_accounts
from desktop.services.errors import ServiceError
from desktop.services.workspace import Workspace

log = logging.getLogger(__name__)


# What the window must be able to draw: Indonesian words, Rupiah amounts, the dashes and the dots of
# a masked NIK, and the accents some names carry.
SAMPLE_TEXT = "Pendaftaran peserta JKK + JKM — Kabupaten Sambas, Rp 16.800; NIK 610905••••••2754; Ñoño Ümit, José"
BUNDLED_FAMILY = "DejaVu Sans"
LAST_USER_KEY = "ui/last_user"     # the sign-in offers the last user name (never a password)


def draws(font: QFont, text: str = SAMPLE_TEXT) -> bool:
    """True when ``font`` resolves to a real font on this machine with a glyph for every character."""
    family = QFontInfo(font).family()
    raw = QRawFont.fromFont(font)
    return (bool(family) and bool(raw.familyName()) and raw.isValid()
            and all(raw.supportsCharacter(ord(ch)) for ch in set(text) if not ch.isspace()))


def install_fonts(app: QApplication) -> str:
    """Register the DejaVu fonts shipped in resources/fonts; when the system's own font cannot draw
    Indonesian text (a machine with no fonts, or none with these glyphs), DejaVu Sans becomes the
    application font. Returns the family the window uses."""
    font = app.font()
    system_draws = draws(font)   # judged before ours are added, which Qt would otherwise fall back on
    families: set[str] = set()
    for path in sorted(FONTS.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    if not system_draws and BUNDLED_FAMILY in families:
        bundled = QFont(font)
        bundled.setFamilies([BUNDLED_FAMILY])
        app.setFont(bundled)
        log.info("system font cannot draw the window's text: using the bundled %s", BUNDLED_FAMILY)
        return BUNDLED_FAMILY
    return QFontInfo(font).family()


def make_app(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Lindung")
    app.setApplicationName("Lindung")
    app.setApplicationDisplayName("Lindung")
    install_fonts(app)
    install_translator(app, chosen_language(language))
    style = RESOURCES / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def _between_windows(between: bool) -> None:
    """While one window has closed and the next is not shown yet, closing the last window must not quit."""
    QApplication.instance().setQuitOnLastWindowClosed(not between)


class AppController(QObject):
    """Owns the worker, the open workspace and the windows for one run of the app."""

    main_window_shown = Signal(object)
    dialog_shown = Signal(object)
    failed = Signal(str)
    restored = Signal(object)     # the backup restored (Path)

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

        proof = None
        if self.ws is None:
            key, proof = keys.unlock_with_proof(self.db_path, username, password)
            self.ws = Workspace(self.db_path, key=key)
        return accounts.authenticate(self.ws, username, password, proof=proof)

    def _login(self, sign_in):
        from desktop.gui.login import LoginDialog

        return LoginDialog(sign_in, self.worker, last_user=QSettings().value(LAST_USER_KEY, "", str),
                           recover=self._recover)

    def _recover(self, values: dict[str, str]) -> tuple[Actor, str, str]:
        """On the worker: the recovery code opens the database (or the one already open) and sets the
        admin's new password; returns the admin, signed in, the new recovery code and the laptop's prefix."""
        from desktop.services import recovery

        ws, actor, code = recovery.recover(self.db_path, values["code"], values["username"], values["password"],
                                           ws=self.ws)
        self.ws = ws
        return actor, code, ws.device.prefix

    def _show(self, dialog) -> None:
        self.dialog = dialog
        self.dialog.signed_in.connect(self._signed_in)
        self.dialog.rejected.connect(QApplication.instance().quit)
        self.dialog.show()
        self.dialog_shown.emit(self.dialog)
        # While the password is typed, the worker loads what signing in uses (the database opens
        # without them): a sign-in waits for them only when it comes within half a second.
        from desktop.services.accounts import load_for_sign_in

        self.worker.submit(load_for_sign_in)

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
        """A password an admin reset must be replaced before the window opens."""
        from desktop.services.accounts import must_change_password

        # The sign-in dialog has closed and the next window opens when the worker answers: with no window
        # on the screen meanwhile, Qt would quit the application as its last window closed.
        _between_windows(True)
        self.worker.submit(must_change_password, self.ws, actor.username,
                           on_success=lambda must: self._must_change(actor) if must else self._open_window(actor),
                           on_failure=self._open_failed)

    def _must_change(self, actor: Actor) -> None:
        from desktop.gui.password_dialog import PasswordDialog
        from desktop.services import accounts

        ws = self.ws
        dialog = PasswordDialog(
            self.worker, lambda v: accounts.change_password(ws, actor, v["password"], None),
            QApplication.translate("App", "Ganti kata sandi"), QApplication.translate(
                "App", "Admin telah mengatur ulang kata sandi {name}. Buat kata sandi Anda sendiri sekarang; hanya Anda "
                       "yang mengetahuinya.").format(name=actor.username),
            QApplication.translate("App", "Simpan dan masuk"), actor.username, actor.display_name,
            cancel_text=QApplication.translate("App", "Keluar"))
        dialog.completed.connect(lambda _r: self._open_window(actor))
        dialog.rejected.connect(QApplication.instance().quit)
        self.dialog = dialog
        dialog.show()
        _between_windows(False)
        self.dialog_shown.emit(dialog)

    def _open_window(self, actor: Actor) -> None:
        from desktop.gui.main_window import MainWindow

        QSettings().setValue(LAST_USER_KEY, actor.username)
        self.window = MainWindow(self.ws, self.worker, actor)
        self.window.signed_out.connect(self.sign_out)
        self.window.restore_requested.connect(self.restore)
        self.window.show_on_screen()
        _between_windows(False)
        self.main_window_shown.emit(self.window)

    def _close_window(self) -> None:
        """The main window goes (its dialogs with it) without ending the app."""
        window, self.window = self.window, None
        if window is not None:
            window.idle.stop()
            window.sync.cancel()
            window.sync.auto_timer.stop()
            window.sync.retry_timer.stop()
            window.hide()
            window.deleteLater()

    def sign_out(self) -> None:
        """Back to the sign-in over the same open database (another user may sign in)."""
        from desktop.services import accounts

        self._close_window()
        ws = self.ws
        self._show(self._login(lambda username, password: accounts.authenticate(ws, username, password)))

    def restore(self, backup: Path) -> None:
        """An admin's restore from the window: the database is closed on the worker, replaced by the
        checked backup (the current one kept beside it), reopened, and everyone signs in again."""
        from desktop.services.backup import restore_workspace

        actor = self.window.actor if self.window is not None else None
        self._close_window()
        ws, db_path, key = self.ws, self.db_path, self.ws.key

        def work() -> Workspace:
            ws.close()
            restore_workspace(db_path, backup, key, actor)
            return Workspace(db_path, key=key)

        def reopened(new_ws: Workspace) -> None:
            self.ws = new_ws
            self.restored.emit(backup)
            self.sign_out()

        def failed(error: BaseException) -> None:
            # Nothing was replaced (or the copy kept beside it is complete): open what is there.
            message = QApplication.translate("App", "Cadangan tidak dipulihkan: {reason}").format(reason=error_text(error))
            self.failed.emit(message)
            QMessageBox.warning(None, QApplication.translate("App", "Pulihkan dari cadangan"), message)
            self.worker.submit(Workspace, db_path, None, key, on_success=reopened_after_failure,
                               on_failure=self._open_failed)

        def reopened_after_failure(new_ws: Workspace) -> None:
            self.ws = new_ws
            self.sign_out()

        self.worker.submit(work, on_success=reopened, on_failure=failed)

    def _open_failed(self, error: BaseException) -> None:
        message = QApplication.translate("App", "Basis data {path} tidak dapat dibuka.\n{reason}").format(
            path=self.db_path, reason=error_text(error))
        self.failed.emit(message)
        QMessageBox.critical(None, QApplication.translate("App", "Basis data tidak dapat dibuka"), message)
        _between_windows(False)
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


def quit_when_shown(controller: AppController, picture: Path) -> None:
    """For checking a build (``LINDUNG_QUIT_WHEN_SHOWN=FILE.png``): the first window that reaches the
    screen (sign-in, first-run or main window) is saved to FILE.png once drawn, named on standard
    error, and the app quits normally."""
    app = QApplication.instance()

    def shown(widget: QWidget) -> None:
        def save_and_quit() -> None:
            saved = widget.grab().save(str(picture))
            print(f"window shown: {type(widget).__name__} {widget.width()}x{widget.height()} "
                  f"font={QFontInfo(widget.font()).family()!r} saved={saved}", file=sys.stderr, flush=True)
            app.quit()

        QTimer.singleShot(0, save_and_quit)   # after the show has been processed and painted

    controller.dialog_shown.connect(shown)
    controller.main_window_shown.connect(shown)


def run_gui(db: str | None = None, lang: str | None = None) -> int:
    from desktop.storage.engine import default_db_path

    app = make_app(language=lang)
    sys.excepthook = _report_unexpected
    controller = AppController(Path(db).expanduser() if db else default_db_path())
    app.aboutToQuit.connect(controller.shutdown)
    if os.environ.get("LINDUNG_QUIT_WHEN_SHOWN"):
        quit_when_shown(controller, Path(os.environ["LINDUNG_QUIT_WHEN_SHOWN"]))
    controller.start()
    return app.exec()
