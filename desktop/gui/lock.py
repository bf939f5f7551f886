"""Auto-lock: after some idle minutes the window hides everyone's data until the same person signs in
again. Nothing is closed or lost: open forms stay as they were (and keep their drafts)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.gui.i18n import error_text
from desktop.gui.login import _finish_layout
from desktop.gui.worker import DbWorker
from desktop.services import accounts
from desktop.domain.actors import Actor
from desktop.services.workspace import Workspace

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
          QEvent.Type.TouchBegin}


class IdleWatch(QObject):
    """Emits ``idle`` when no key, mouse or touch input reached the application for ``minutes``."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True, timeout=self.idle.emit)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self.restart()

    def restart(self) -> None:
        if self.minutes > 0:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def pause(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT and self.timer.isActive():
            self.timer.start()  # from the beginning again
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockDialog(QDialog):
    """Shown over the hidden window: the signed-in person's password opens it again."""

    unlocked = Signal()

    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor, minutes: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.actor = ws, worker, actor
        self.setWindowTitle(self.tr("Terkunci"))
        self.setMinimumWidth(400)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("<b>Lindung terkunci</b> karena tidak dipakai {minutes} menit. Data peserta "
                               "disembunyikan; pekerjaan yang terbuka tetap tersimpan.<br>Masukkan kata sandi "
                               "{name} untuk melanjutkan.").format(minutes=minutes, name=actor.display_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.password = QLineEdit(objectName="lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Kata sandi"), self.password)
        _finish_layout(self, layout, form, self.tr("Buka"))
        self.password.setFocus()

    def _submit(self) -> None:
        self.buttons.setEnabled(False)
        self.worker.submit(accounts.authenticate, self.ws, self.actor.username, self.password.text(),
                           on_success=self._done, on_failure=self._failed)

    def _done(self, _actor: Actor) -> None:
        self.unlocked.emit()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.error.setText(error_text(error))
        self.error.setVisible(True)
