"""Backing up and restoring from the window's menu, by keyboard only: the menu, the Indonesian file
chooser, the question before a restore; a real backup file written, the data changed, the backup
restored through the app (the database closed, replaced and reopened), the data read back."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.services import enrollment
from desktop.services.accounts import Role, create_account
from tests.conftest import make_raw
from tests.gui.test_window_admin import _sign_in, settings_here  # noqa: F401  (fixture)


def when_shown(kind, act, timeout_ms: int = 10_000) -> list:
    """Call ``act(widget)`` once a modal ``kind`` (a file chooser, a question) is the active window,
    from the window's own event loop (the dialog runs its own loop while the test waits for it)."""
    done: list = []
    timer = QTimer(interval=20)
    left = [timeout_ms // 20]

    def poll() -> None:
        left[0] -= 1
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible() and not widget.isActiveWindow():
            widget.activateWindow()       # as a window manager does with a new dialog
        elif isinstance(widget, kind) and widget.isVisible():
            timer.stop()
            done.append(widget)
            act(widget)
        elif left[0] <= 0:
            timer.stop()

    timer.timeout.connect(poll)
    timer.start()
    done.append(timer)   # kept alive while it polls
    return done


def type_path(path):
    def act(chooser: QFileDialog) -> None:
        edit = QApplication.focusWidget()
        assert edit is not None and chooser.isAncestorOf(edit)   # the name field has the focus
        QTest.keyClicks(edit, str(path))
        QTest.keyClick(edit, Qt.Key.Key_Return)
    return act


def answer_yes(box: QMessageBox) -> None:
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert QApplication.focusWidget() is not yes     # "No" is the default: Enter alone changes nothing
    for _ in range(4):
        if QApplication.focusWidget() is yes:
            break
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is yes
    QTest.keyClick(yes, Qt.Key.Key_Space)


def settings_entry(qtbot, window, text: str) -> None:
    """Alt+P opens Pengaturan; the arrow keys go down to ``text``; Enter chooses it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=5000)
    menu = QApplication.activePopupWidget()
    for _ in range(len(menu.actions()) + 1):
        if menu.activeAction() is not None and menu.activeAction().text() == text:
            break
        QTest.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction().text() == text
    QTest.keyClick(menu, Qt.Key.Key_Return)


def test_backup_and_restore_from_the_menu_by_keyboard(qtbot, tmp_path, settings_here):  # noqa: F811
    from desktop.gui.app import AppController
    from desktop.services.workspace import Workspace

    db = tmp_path / "data" / "lindung.sqlite3"
    db.parent.mkdir()
    ws = Workspace(db)
    admin = create_account(ws, "admin", "Admin Cabang", "kapal-motor-admin-1", Role.ADMIN)
    enrollment.enroll(ws, make_raw(), admin)
    ws.close()

    controller = AppController(db)
    dialogs, failures = [], []
    controller.dialog_shown.connect(dialogs.append)
    controller.failed.connect(failures.append)
    controller.start()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10_000)
    window = _sign_in(qtbot, controller, dialogs[-1], "admin", "kapal-motor-admin-1")

    backup = tmp_path / "flashdisk" / "cadangan-senin.sqlite3"
    backup.parent.mkdir()
    chooser = when_shown(QFileDialog, type_path(backup))
    errors = when_shown(QMessageBox, lambda box: (errors.append(box.text()), box.reject()))
    with qtbot.waitSignal(window.backup_written, timeout=10_000) as written:
        settings_entry(qtbot, window, "Cadangkan data…")
    errors[0].stop()
    assert errors == [errors[0]]                             # no error box
    assert len(chooser) == 2                                 # the file chooser was shown and answered
    assert written.args[0].workers == 1 and backup.stat().st_size > 0
    qtbot.waitUntil(lambda: "Cadangan 1 peserta disimpan" in window.statusBar().currentMessage(), timeout=5000)

    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.worker.submit(enrollment.enroll, window.ws, make_raw(nik="6171010708750002", sex="L",
                                                                    birth_date="07-08-1975"), window.actor,
                             changes="workers")
    assert window.model.total == 2

    chooser = when_shown(QFileDialog, type_path(backup))
    question = when_shown(QMessageBox, answer_yes)
    with qtbot.waitSignal(controller.restored, timeout=30_000):
        settings_entry(qtbot, window, "Pulihkan dari cadangan…")
    assert len(chooser) == 2 and len(question) == 2 and not failures
    qtbot.waitUntil(lambda: len(dialogs) == 2, timeout=10_000)
    window = _sign_in(qtbot, controller, dialogs[-1], "admin", "kapal-motor-admin-1")
    assert window.model.total == 1                            # as the backup had it
    assert len(list(db.parent.glob("lindung.sqlite3.sebelum-pulih-*"))) == 1
    controller.shutdown()
