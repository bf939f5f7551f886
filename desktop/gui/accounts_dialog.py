"""Admins add volunteer, coordinator and printer accounts for a shared laptop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget,
)

from desktop.gui.i18n import error_text, label
from desktop.gui.password_hint import PasswordHint
from desktop.gui.widgets import SearchCombo
from desktop.gui.worker import DbWorker
from desktop.services import accounts, schools
from desktop.domain.actors import ROLE_LABELS, Actor, Role
from desktop.services.errors import ServiceError
from desktop.domain.records import SchoolInfo
from desktop.services.workspace import Workspace


class AccountsDialog(QDialog):
    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.actor = ws, worker, actor
        self.setWindowTitle(self.tr("Kelola akun"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Akun di laptop ini:")))
        self.list = QListWidget()
        layout.addWidget(self.list)
        layout.addWidget(QLabel(self.tr("<b>Tambah akun</b>")))
        form = QFormLayout()
        self.display_name = QLineEdit()
        self.username = QLineEdit()
        self.role = SearchCombo(objectName="accountRole", hint=self.tr("ketik untuk mencari, atau ↓"))
        for role in (Role.VOLUNTEER, Role.COORDINATOR, Role.PRINTER, Role.ADMIN):
            self.role.add_choice(label(ROLE_LABELS[role]), role.value)
        self.school = SearchCombo(objectName="accountSchool", hint=self.tr("ketik nama atau NPSN sekolah"))
        self.school.addItem(self.tr("— bukan koordinator sekolah —"), None)
        self.role.currentIndexChanged.connect(lambda _i: self._role_changed())
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Nama lengkap"), self.display_name)
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Peran"), self.role)
        form.addRow(self.tr("Sekolah"), self.school)
        form.addRow(self.tr("Kata sandi (min. {n})").format(n=accounts.MIN_PASSWORD), self.password)
        self.password_hint = PasswordHint(self.password, self.username, self.display_name)
        form.addRow("", self.password_hint)
        self.confirm = QLineEdit(objectName="confirmPassword")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Ulangi kata sandi"), self.confirm)
        layout.addLayout(form)
        self.message = QLabel(objectName="formMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        self.add_button = buttons.addButton(self.tr("Tambah akun"), QDialogButtonBox.ButtonRole.ActionRole)
        self.add_button.clicked.connect(self._add)
        self.reset_button = buttons.addButton(self.tr("Atur ulang kata sandi…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.reset_button.clicked.connect(self.reset_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._role_changed()
        self._reload()
        self.worker.submit(schools.list_schools, self.ws, on_success=self._schools_loaded)

    def _say(self, text: str, error: bool = False) -> None:
        """Green when it worked, red only when it did not."""
        self.message.setText(text)
        self.message.setProperty("severity", "error" if error else "ok")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _schools_loaded(self, items: list[SchoolInfo]) -> None:
        self.school.add_schools(items, value=lambda info: info.npsn, with_npsn=True)

    def _role_changed(self) -> None:
        coordinator = self.role.currentData() == Role.COORDINATOR.value
        self.school.setEnabled(coordinator)
        if not coordinator:
            self.school.setCurrentIndex(0)

    def _reload(self) -> None:
        self.worker.submit(accounts.list_accounts, self.ws, on_success=self._show)

    def _show(self, items: list[Actor]) -> None:
        self.list.clear()
        for item in items:
            school = f", {item.school_npsn}" if item.school_npsn else ""
            self.list.addItem(f"{item.username} — {item.display_name} ({label(ROLE_LABELS[item.role])}{school})")
            self.list.item(self.list.count() - 1).setData(Qt.ItemDataRole.UserRole, item)

    def reset_selected(self):
        """A temporary password for the chosen account; its owner must replace it at the next sign-in."""
        from desktop.gui.password_dialog import PasswordDialog

        item = self.list.currentItem()
        target: Actor | None = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if target is None:
            self._say(self.tr("Pilih dulu akunnya di daftar."), error=True)
            self.list.setFocus()
            return None
        dialog = PasswordDialog(
            self.worker, lambda v: accounts.reset_password(self.ws, target.username, v["password"], self.actor),
            self.tr("Atur ulang kata sandi"), self.tr(
                "Kata sandi sementara untuk {name}. Berikan kepadanya secara langsung; ia wajib menggantinya dengan "
                "kata sandinya sendiri saat masuk berikutnya.").format(name=target.username),
            self.tr("Atur ulang"), target.username, target.display_name, parent=self)
        dialog.completed.connect(lambda _r: self._say(self.tr("Kata sandi {name} diatur ulang; ia wajib menggantinya saat "
                                                         "masuk berikutnya.").format(name=target.username)))
        dialog.open()
        return dialog

    def _add(self) -> None:
        try:   # why the password is refused comes first (as the hint under it says), then the mismatch
            accounts.check_password(self.password.text(), self.username.text(), self.display_name.text())
        except ServiceError:
            pass   # said again, with the other reasons, when the account is refused
        else:
            if self.password.text() != self.confirm.text():
                self._say(self.tr("Kedua kata sandi tidak sama. Ketik lagi."), error=True)
                self.confirm.setFocus()
                self.confirm.selectAll()
                return
        self.worker.submit(accounts.create_account, self.ws, self.username.text(), self.display_name.text(),
                           self.password.text(), Role(self.role.currentData()), by=self.actor,
                           school_npsn=self.school.currentData(),
                           on_success=self._added, on_failure=lambda e: self._say(error_text(e), error=True),
                           changes="accounts")

    def _added(self, actor: Actor) -> None:
        self._say(self.tr("Akun {name} dibuat.").format(name=actor.username))
        for edit in (self.display_name, self.username, self.password, self.confirm):
            edit.clear()
        self._reload()
