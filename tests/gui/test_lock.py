"""Auto-lock after idle minutes: data hidden, the same user's password opens it, nothing lost."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop.services import accounts
from tests.gui.conftest import open_new_form


def test_idle_window_locks_and_the_same_user_unlocks_it(qtbot, window, ws):
    # The window reads the lock minutes in the background: wait for that answer, or it could restart
    # the idle timer after this test shortened it (and the lock would never come).
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=10_000)
    form = open_new_form(qtbot, window)
    name = form.findChild(QLineEdit, "full_name")
    # The half-typed form is kept as a draft; waiting for it also means no autosave is still to come
    # when the test ends and the database worker stops.
    with qtbot.waitSignal(form.draft_saved, timeout=10_000):
        qtbot.keyClicks(name, "Siti Aminah")
    assert window.idle.minutes == accounts.DEFAULT_LOCK_MINUTES and window.idle.timer.isActive()

    with qtbot.waitSignal(window.locked_changed, timeout=5000):
        window.idle.timer.start(10)            # as if the minutes had passed
    dialog = window.lock_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not window.centralWidget().isVisible() and not form.isVisible()
    assert any("Admin Cabang" in label.text() for label in dialog.findChildren(QLabel))
    assert not window.menuBar().isEnabled()

    dialog.password.setText("salah-sekali")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "salah" in dialog.error.text() and window.locked

    dialog.password.setText("kapal-motor-admin-1")
    with qtbot.waitSignal(window.locked_changed, timeout=10_000) as opened:
        dialog._submit()
    assert opened.args == [False]
    assert window.centralWidget().isVisible() and form.isVisible()
    assert name.text() == "Siti Aminah"          # the half-typed form is as it was
    assert window.idle.timer.isActive()


def test_lock_minutes_are_an_admin_setting(ws, admin):
    import pytest

    from desktop.services.accounts import Actor, Role
    from desktop.services.errors import PermissionDenied

    accounts.set_lock_minutes(ws, 3, admin)
    assert accounts.lock_minutes(ws) == 3
    volunteer = Actor("ani", "Ani", Role.VOLUNTEER)
    with pytest.raises(PermissionDenied):
        accounts.set_lock_minutes(ws, 0, volunteer)


def test_saving_personal_data_outside_the_data_folder_asks_first(qtbot, window, ws, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.gui.privacy import confirm_outside

    assert confirm_outside(window, ws, ws.exports_dir / "kartu.pdf")   # inside: no question asked
    seen = []

    def answer(button):
        def click():
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                seen.append(box.text())
                box.button(button).click()
            else:
                QTimer.singleShot(20, click)
        QTimer.singleShot(0, click)

    usb = tmp_path.parent / (tmp_path.name + "-usb") / "kartu.pdf"   # beside the data folder, not in it
    answer(QMessageBox.StandardButton.No)
    assert confirm_outside(window, ws, usb) is False
    answer(QMessageBox.StandardButton.Yes)
    assert confirm_outside(window, ws, usb) is True
    assert len(seen) == 2 and "data pribadi" in seen[0] and str(usb) in seen[0]
