"""The strength of a new password, said under its field while it is typed (services.accounts.check_password)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop.gui.i18n import error_text
from desktop.services import accounts
from desktop.services.errors import ServiceError


class PasswordHint(QLabel):
    """A line under a new-password field: why the password typed so far would be refused (the same
    reason, in the same words, as when the account is made), or that it will do. Judged on the window's
    thread at each change of the password or of the names it must not resemble: a few milliseconds a
    keystroke (about 50 at most, for a long repeated one), 0.1 s more once for loading the word lists."""

    def __init__(self, password: QLineEdit, username: QLineEdit, display_name: QLineEdit,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("formMessage")
        self.setWordWrap(True)
        self.password, self.username, self.display_name = password, username, display_name
        for edit in (password, username, display_name):
            edit.textChanged.connect(lambda _text: self.refresh())

    def refresh(self) -> None:
        text = self.password.text()
        if not text:
            self._say("", "")
            return
        try:
            accounts.check_password(text, self.username.text(), self.display_name.text())
        except ServiceError as error:
            self._say(error_text(error), "error")
        else:
            self._say(self.tr("Kata sandi cukup kuat."), "ok")

    def _say(self, text: str, severity: str) -> None:
        self.setText(text)
        self.setProperty("severity", severity)
        self.style().unpolish(self)
        self.style().polish(self)
