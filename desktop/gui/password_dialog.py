"""New passwords in the window: a user changes their own (menu Akun, or at once after signing in with
a password an admin reset), an admin resets another account's, and the recovery code resets a
forgotten admin password from the sign-in. Every new password is typed twice and judged as it is typed
(PasswordHint); the work runs on the database worker. The recovery code made at setup is shown once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from desktop.gui.i18n import error_text
from desktop.gui.password_hint import PasswordHint
from desktop.gui.worker import DbWorker
from desktop.services import accounts


def _secret() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PasswordDialog(QDialog):
    """Asks for a new password twice (and, as the case needs, the old one, or the recovery code and the
    admin's name); ``work(values) -> result`` runs on the worker, ``completed`` carries its result."""

    completed = Signal(object)   # the result of the work

    def __init__(self, worker: DbWorker, work: Callable[[dict[str, str]], Any], title: str, intro: str,
                 ok_text: str, username: str = "", display_name: str = "", old: bool = False,
                 recovery: bool = False, cancel_text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.worker, self.work = worker, work
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.code = QLineEdit(objectName="recoveryCode") if recovery else None
        self.username = QLineEdit(username, objectName="username")
        self.display_name = QLineEdit(display_name)
        self.old = _secret() if old else None
        self.password, self.confirm = _secret(), _secret()
        self.password.setObjectName("newPassword")
        self.confirm.setObjectName("confirmPassword")
        if self.code is not None:
            self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX")
            form.addRow(self.tr("Kode pemulihan"), self.code)
            form.addRow(self.tr("Nama pengguna admin"), self.username)
        if self.old is not None:
            form.addRow(self.tr("Kata sandi lama"), self.old)
        form.addRow(self.tr("Kata sandi baru (min. {n})").format(n=accounts.MIN_PASSWORD), self.password)
        self.hint = PasswordHint(self.password, self.username, self.display_name)
        form.addRow("", self.hint)
        form.addRow(self.tr("Ulangi kata sandi baru"), self.confirm)
        layout.addLayout(form)
        self.error = QLabel(objectName="formError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text or self.tr("Batal"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        first = self.code if self.code is not None else self.old if self.old is not None else self.password
        first.setFocus()

    def values(self) -> dict[str, str]:
        return {"code": self.code.text() if self.code is not None else "", "username": self.username.text(),
                "old": self.old.text() if self.old is not None else "", "password": self.password.text()}

    def _submit(self) -> None:
        if self.code is not None and (not self.code.text().strip() or not self.username.text().strip()):
            self._fail_with(self.tr("Isi kode pemulihan dan nama pengguna admin."), self.code)
            return
        if self.password.text() != self.confirm.text():
            self._fail_with(self.tr("Kedua kata sandi baru tidak sama. Ketik lagi."), self.confirm)
            return
        self.error.setVisible(False)
        self.buttons.setEnabled(False)
        self.worker.submit(self.work, self.values(), on_success=self._done, on_failure=self._failed)

    def _done(self, result: Any) -> None:
        self.completed.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._fail_with(error_text(error), self.password)

    def _fail_with(self, text: str, focus: QLineEdit) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        focus.setFocus()
        focus.selectAll()


class RecoveryCodeDialog(QDialog):
    """The recovery code, shown once: to be written on paper and kept at the branch office."""

    def __init__(self, code: str, laptop: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.laptop = laptop      # the laptop's registration-number prefix: which laptop the code opens
        self.setWindowTitle(self.tr("Kode pemulihan"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Tulis kode pemulihan ini di kertas dan simpan di kantor cabang, terpisah dari laptop. Kode ini hanya "
            "ditampilkan sekali. Bila kata sandi admin terlupa, kode ini mengatur ulang kata sandinya tanpa "
            "kehilangan data (di layar Masuk: Lupa kata sandi admin)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code = QLabel(code, objectName="recoveryCode")
        # large, in a fixed-width font (style.qss): copied by hand without doubt
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.code)
        layout.addWidget(QLabel(self.tr("Laptop {laptop} (awalan No. Registrasi)").format(laptop=laptop),
                                alignment=Qt.AlignmentFlag.AlignCenter))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sudah saya catat"))
        self.print_button = buttons.addButton(self.tr("Cetak…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(lambda: self.print_code())
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()

    def print_code(self, printer=None) -> bool:
        """The code on paper, with the laptop it opens and what to do with it; ``printer`` chosen in the
        print dialog unless given. True once sent."""
        from html import escape

        from PySide6.QtCore import QDate, QLocale
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return False
        advice = self.tr("Simpan lembar ini di kantor cabang, terpisah dari laptop. Bila kata sandi admin terlupa: di "
                         "layar Masuk pilih Lupa kata sandi admin, lalu ketik kode ini.")
        laptop = self.tr("Laptop {laptop} (awalan No. Registrasi)").format(laptop=self.laptop)
        title = self.tr("Kode pemulihan Lindung")
        page = QTextDocument()
        page.setHtml(
            f"<h2>{escape(title)}</h2>"
            f"<p>{escape(laptop)}<br>"
            f"{escape(QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat))}</p>"
            f"<p style='font-family: monospace; font-size: 22pt; font-weight: bold'>{escape(self.code.text())}</p>"
            f"<p>{escape(advice)}</p>")
        page.print_(printer)
        return True
