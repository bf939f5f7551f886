"""Auto-lock after idle minutes: data hidden, the same user's password opens it, nothing lost."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop.services import accounts
from tests.gui.conftest import open_new_form


def test_idle_window_locks_and_the_same_user_unlocks_it(qtbot, window, ws):
    form = open_new_form(qtbot, window)
    name = form.findChild(QLineEdit, "full_name")
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

    dialog.password.setText("rahasia123")
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
