import os
import signal
import subprocess
import sys
from pathlib import Path

from desktop.gui.main_window import MainWindow
from tests.gui.conftest import open_new_form

ROOT = Path(__file__).resolve().parents[2]


def test_half_filled_form_survives_the_app_being_killed(qtbot, ws, worker, admin):
    child = subprocess.Popen([sys.executable, str(Path(__file__).with_name("draft_child.py")), str(ws.path)],
                             cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert child.stdout.readline().strip() == "DRAFT"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)

    window = MainWindow(ws, worker, admin)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    with qtbot.waitSignal(window.form_opened, timeout=5000) as opened:
        window.new_button.click()
    form = opened.args[0]
    qtbot.waitUntil(lambda: form.banner.isVisible(), timeout=5000)
    assert "belum disimpan" in form.banner_text.text()
    form.restore_button.click()
    assert form.fields["nik"].text() == "6171014508800001"
    assert form.fields["full_name"].text() == "SITI AMINAH"
    assert form.fields["phone"].text() == "0812-3456-7890"
    assert form.fields["birth_date"].text() == "05-08-1980"


def test_draft_is_discarded_once_saved(qtbot, ws, window):
    from desktop.services import drafts

    form = open_new_form(qtbot, window)
    with qtbot.waitSignal(form.draft_saved, timeout=5000):
        form.fill(nik="6171014508800001")
    assert drafts.load_draft(ws, "admin", "new") is not None
    form.fill(full_name="Siti Aminah", birth_place="Pontianak", address="Jl. Merdeka 1", desa_code="",
              occupation="farmer", monthly_income="900000", heir_name="Ahmad", heir_relationship="child")
    form.fill(desa_code="6171011002")
    qtbot.waitUntil(lambda: form.save_button.isEnabled(), timeout=3000)
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save_button.click()
    qtbot.waitUntil(lambda: worker_idle(window), timeout=5000)
    assert drafts.load_draft(ws, "admin", "new") is None


def worker_idle(window):
    return window.worker.pending == 0


def test_first_start_creates_the_admin_then_signs_in(qtbot, tmp_path):
    from desktop.gui.app import AppController

    controller = AppController(tmp_path / "first.sqlite3")
    with qtbot.waitSignal(controller.dialog_shown, timeout=15_000) as shown:
        controller.start()
    dialog = shown.args[0]
    qtbot.addWidget(dialog)
    assert "belum memiliki akun" in dialog.findChildren(type(dialog.error))[0].text()
    dialog.display_name.setText("Admin Cabang")
    dialog.username.setText("admin")
    dialog.password.setText("kapal-motor-admin-1")
    dialog.confirm.setText("rahasia12")
    dialog.buttons.accepted.emit()
    assert "tidak sama" in dialog.error.text()
    dialog.confirm.setText("kapal-motor-admin-1")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: getattr(dialog, "code_dialog", None) is not None, timeout=15_000)
    with qtbot.waitSignal(controller.main_window_shown, timeout=15_000) as main:
        dialog.code_dialog.accept()              # the recovery code, shown once, was seen
    window = main.args[0]
    qtbot.addWidget(window)
    assert "Admin Cabang" in window.user_label.text()
    controller.shutdown()

    second = AppController(tmp_path / "first.sqlite3")
    with qtbot.waitSignal(second.dialog_shown, timeout=15_000) as shown:
        second.start()
    login = shown.args[0]
    qtbot.addWidget(login)
    login.username.setText("admin")
    login.password.setText("salah-sandi")
    login.buttons.accepted.emit()
    qtbot.waitUntil(lambda: login.error.isVisible(), timeout=10_000)
    assert "salah" in login.error.text()
    login.password.setText("kapal-motor-admin-1")
    with qtbot.waitSignal(second.main_window_shown, timeout=15_000) as main:
        login.buttons.accepted.emit()
    qtbot.addWidget(main.args[0])
    second.shutdown()
