"""The window says why a new password is refused, and how long a locked account must wait."""

import datetime as dt

from desktop.domain import clock


def _start(qtbot, path):
    from desktop.gui.app import AppController

    controller = AppController(path)
    with qtbot.waitSignal(controller.dialog_shown, timeout=15_000) as shown:
        controller.start()
    dialog = shown.args[0]
    qtbot.addWidget(dialog)
    return controller, dialog


def _submit(qtbot, dialog, password):
    dialog.password.setText(password)
    dialog.error.setVisible(False)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.buttons.isEnabled(), timeout=10_000)
    return dialog.error.text()


def test_login_says_how_long_a_locked_account_must_wait(qtbot, ws, admin, monkeypatch):
    now = [dt.datetime(2026, 11, 24, 8, 0)]
    monkeypatch.setattr(clock, "utcnow", lambda: now[0])
    controller, login = _start(qtbot, ws.path)       # the database is encrypted: the sign-in opens it
    login.username.setText("admin")
    for _ in range(4):
        assert _submit(qtbot, login, "salah-sandi") == "Nama pengguna atau kata sandi salah."
    assert "dikunci 1 menit" in _submit(qtbot, login, "salah-sandi")
    now[0] += dt.timedelta(seconds=15)
    text = _submit(qtbot, login, "kapal-motor-admin-1")            # the right password, too early
    assert "dikunci sementara" in text and "Coba lagi dalam 1 menit" in text
    assert controller.window is None and login.isVisible()
    now[0] += dt.timedelta(minutes=1)
    login.password.setText("kapal-motor-admin-1")
    with qtbot.waitSignal(controller.main_window_shown, timeout=15_000) as main:
        login.buttons.accepted.emit()
    qtbot.addWidget(main.args[0])
    controller.shutdown()


def test_first_start_refuses_a_common_password_and_says_why(qtbot, tmp_path):
    controller, dialog = _start(qtbot, tmp_path / "first.sqlite3")
    assert "(min. 10)" in " ".join(label.text() for label in dialog.findChildren(type(dialog.error)))
    dialog.display_name.setText("Admin Cabang")
    dialog.username.setText("admin")
    dialog.confirm.setText("sayangku123")
    assert "mudah ditebak: terdiri dari kata atau nama yang umum" in _submit(qtbot, dialog, "sayangku123")
    dialog.confirm.setText("pendek")
    assert "terlalu pendek: paling sedikit 10 karakter" in _submit(qtbot, dialog, "pendek")
    assert controller.window is None
    dialog.password.setText("kapal-motor-di-kapuas")
    dialog.confirm.setText("kapal-motor-di-kapuas")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: getattr(dialog, "code_dialog", None) is not None, timeout=15_000)
    with qtbot.waitSignal(controller.main_window_shown, timeout=15_000) as main:
        dialog.code_dialog.accept()              # the recovery code, shown once, was seen
    qtbot.addWidget(main.args[0])
    controller.shutdown()


def test_accounts_dialog_says_why_a_password_is_refused(qtbot, ws, worker, admin):
    from desktop.gui.accounts_dialog import AccountsDialog

    dialog = AccountsDialog(ws, worker, admin)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    dialog.display_name.setText("Rina")
    dialog.username.setText("rina")
    for password, reason in (("rina12345", "terlalu pendek: paling sedikit 10 karakter"),
                             ("bismillah123", "mudah ditebak: terdiri dari kata atau nama yang umum"),
                             ("1234567890", "terlalu umum: termasuk kata sandi yang paling sering dipakai"),
                             ("abcdefghij", "mudah ditebak: urutan huruf atau angka")):
        dialog.password.setText(password)
        dialog.message.clear()
        dialog.add_button.click()
        qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
        assert reason in dialog.message.text()
    dialog.password.setText("kebun-sawit-sanggau")
    dialog.confirm.setText("kebun-sawit-sanggau")   # the form asks for it twice
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=5000)
    assert "dibuat" in dialog.message.text()


def test_the_new_password_field_says_why_while_it_is_typed(qtbot, tmp_path):
    """The first start's form judges the password at each keystroke, with the reason in Indonesian."""
    controller, dialog = _start(qtbot, tmp_path / "first.sqlite3")
    hint = dialog.password_hint
    dialog.display_name.setText("Rina Wati")
    dialog.username.setText("rina")
    assert hint.text() == ""
    for typed, reason in (("aaaaaaaaaa", "mudah ditebak: huruf, angka atau kata yang diulang-ulang"),
                          ("0123456789", "mudah ditebak: urutan huruf atau angka"),
                          ("Sungai Raya 2026", "mudah ditebak: terdiri dari kata atau nama yang umum"),
                          ("rina wati 1990", "mudah ditebak: memuat nama Anda"),
                          ("kapal", "terlalu pendek: paling sedikit 10 karakter")):
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, typed)
        assert reason in hint.text() and hint.property("severity") == "error", (typed, hint.text())
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "kapal motor di kapuas")
    assert hint.text() == "Kata sandi cukup kuat." and hint.property("severity") == "ok"
    dialog.username.setText("kapal motor di kapuas")     # the names count as they change too
    assert "tidak boleh sama dengan nama pengguna" in hint.text()
    controller.shutdown()


def test_the_accounts_dialog_hint_follows_the_password(qtbot, ws, worker, admin):
    from desktop.gui.accounts_dialog import AccountsDialog

    dialog = AccountsDialog(ws, worker, admin)
    qtbot.addWidget(dialog)
    dialog.display_name.setText("Budi")
    dialog.username.setText("budi")
    qtbot.keyClicks(dialog.password, "1111111111")
    assert "diulang-ulang" in dialog.password_hint.text()
    dialog.password.setText("jendela biru mangga terbang")
    assert dialog.password_hint.property("severity") == "ok"


SIGN_IN_AND_OPEN = r"""
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from desktop.gui.app import AppController, make_app

app = make_app()
controller = AppController(Path(sys.argv[1]))
seen = []

def dialog(d):
    d.username.setText("admin")
    d.password.setText(sys.argv[2])
    d._submit()

def window(w):
    seen.append("window")
    QTimer.singleShot(0, app.quit)

controller.dialog_shown.connect(dialog)
controller.main_window_shown.connect(window)
QTimer.singleShot(60_000, app.quit)     # a bound, never reached when the window opens
controller.start()
app.exec()
controller.shutdown()
print(json.dumps(seen), flush=True)
"""


def test_signing_in_opens_the_window_in_the_real_event_loop(ws, admin):
    """Between the sign-in dialog closing and the window opening (after the worker's answer) no window is
    shown: the application used to quit there, as its last window had closed, before the window opened.
    pytest-qt runs no event loop of its own, so this runs the app's in a process of its own."""
    import os
    import subprocess
    import sys

    ws.close()
    proc = subprocess.run([sys.executable, "-c", SIGN_IN_AND_OPEN, str(ws.path), "kapal-motor-admin-1"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == '["window"]'
