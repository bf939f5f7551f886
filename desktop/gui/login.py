"""Sign-in, and the first start that creates the admin account."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from desktop.gui.i18n import error_text
from desktop.gui.password_hint import PasswordHint
from desktop.gui.worker import DbWorker
from desktop.services import accounts
from desktop.domain.actors import Actor, Role
from desktop.services.workspace import Workspace


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def _finish_layout(dialog, layout, form, ok_text: str) -> None:
    """The form, an error line and Ok/Quit buttons wired to ``dialog._submit``/``reject``."""
    layout.addLayout(form)
    dialog.error = _error_label(dialog)
    layout.addWidget(dialog.error)
    dialog.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QApplication.translate("LoginDialog", "Keluar"))
    dialog.buttons.accepted.connect(dialog._submit)
    dialog.buttons.rejected.connect(dialog.reject)
    layout.addWidget(dialog.buttons)


class LoginDialog(QDialog):
    """Asks for a user name and password; ``sign_in(username, password) -> Actor`` runs on the
    database worker (it also unlocks the encrypted database when that is still closed)."""

    signed_in = Signal(object)  # Actor

    def __init__(self, sign_in: Callable[[str, str], Actor], worker: DbWorker, parent: QWidget | None = None,
                 last_user: str = "", recover: Callable[[dict[str, str]], tuple[Actor, str, str]] | None = None):
        super().__init__(parent)
        self.sign_in, self.worker, self.recover = sign_in, worker, recover
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Masuk"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("<b>Masuk ke Lindung</b><br>Pendaftaran pekerja rentan ke JKK + JKM (BAZNAS)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Kata sandi"), self.password)
        _finish_layout(self, layout, form, self.tr("Masuk"))
        self.checking = QLabel(self.tr("Memeriksa kata sandi…"), objectName="signInChecking")
        self.checking.setVisible(False)
        layout.insertWidget(layout.indexOf(self.error), self.checking)
        self.username.setText(last_user)
        (self.password if last_user else self.username).setFocus()
        if recover is not None:   # the recovery code, when the only admin forgot their password
            self.forgot = self.buttons.addButton(self.tr("Lupa kata sandi admin…"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
            self.forgot.setAutoDefault(False)
            self.forgot.clicked.connect(self.open_recovery)

    def open_recovery(self):
        from desktop.gui.password_dialog import PasswordDialog

        dialog = PasswordDialog(self.worker, self.recover, self.tr("Lupa kata sandi admin"), self.tr(
            "Ketik kode pemulihan laptop ini (dicatat saat Lindung pertama kali disiapkan), nama pengguna admin, dan "
            "kata sandi barunya. Semua data tetap ada. Sesudahnya kode pemulihan baru ditampilkan."),
            self.tr("Atur ulang dan masuk"), self.username.text(), recovery=True, parent=self)
        dialog.completed.connect(
            lambda result: show_recovery_code(self, result[1], result[2], lambda: self._done(result[0])))
        dialog.open()
        return dialog

    def _submit(self) -> None:
        if not self.username.text().strip() or not self.password.text():
            self._show_error(self.tr("Isi nama pengguna dan kata sandi."))
            return
        self.error.clear()              # the old error goes while the new attempt is checked
        self.error.setVisible(False)
        self.checking.setVisible(True)
        self.buttons.setEnabled(False)
        self.worker.submit(self.sign_in, self.username.text(), self.password.text(),
                           on_success=self._done, on_failure=self._failed)

    def _done(self, actor: Actor) -> None:
        self.actor = actor
        self.signed_in.emit(actor)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.checking.setVisible(False)
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self._show_error(error_text(error))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)


class FirstRunDialog(QDialog):
    """The first start on a laptop: create the admin account."""

    signed_in = Signal(object)

    def __init__(self, ws: Workspace, worker: DbWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker = ws, worker
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Mulai"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "<b>Selamat datang di Lindung.</b><br>Laptop ini belum memiliki akun, jadi datanya belum "
            "terlindungi kata sandi. Buat akun admin terlebih dahulu; admin dapat menambah akun relawan lain "
            "dari menu Akun."))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.display_name = QLineEdit()
        self.display_name.setObjectName("display_name")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Nama lengkap"), self.display_name)
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Kata sandi (min. {n})").format(n=accounts.MIN_PASSWORD), self.password)
        self.password_hint = PasswordHint(self.password, self.username, self.display_name)
        form.addRow("", self.password_hint)
        form.addRow(self.tr("Ulangi kata sandi"), self.confirm)
        _finish_layout(self, layout, form, self.tr("Buat akun admin"))

    def _submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.setText(self.tr("Kedua kata sandi tidak sama."))
            self.error.setVisible(True)
            return
        self.buttons.setEnabled(False)
        self.worker.submit(_first_admin, self.ws, self.username.text(), self.display_name.text(),
                           self.password.text(), on_success=self._created, on_failure=self._failed)

    def _created(self, result: tuple[Actor, str]) -> None:
        """The admin exists: its recovery code is shown once, then the window opens."""
        show_recovery_code(self, result[1], self.ws.device.prefix, lambda: self._done(result[0]))

    def _done(self, actor: Actor) -> None:
        self.actor = actor
        self.signed_in.emit(actor)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(error_text(error))
        self.error.setVisible(True)


def _first_admin(ws: Workspace, username: str, display_name: str, password: str) -> tuple[Actor, str]:
    """On the worker: the first admin account and the laptop's recovery code."""
    from desktop.services import recovery

    actor = accounts.create_account(ws, username, display_name, password, Role.ADMIN)
    return actor, recovery.new_code(ws, actor)


def show_recovery_code(parent: QDialog, code: str, laptop: str, then: Callable[[], None]) -> None:
    """The recovery code in a dialog of its own; ``then`` once it is closed (by any key or button)."""
    from desktop.gui.password_dialog import RecoveryCodeDialog

    dialog = RecoveryCodeDialog(code, laptop, parent)
    dialog.finished.connect(lambda _r: then())
    parent.code_dialog = dialog
    dialog.open()
