"""Everything in the window: joining the hub (against the real hub process), schools, programme
settings, backup and restore, signing out and in as someone else; only what a role may do is offered."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.gui.main_window import MainWindow
from desktop.services import audit, enrollment, schools
from desktop.services.accounts import SYSTEM, Role, create_account
from desktop.sync import client
from tests.conftest import make_raw
from tests.hub.test_sync import BACKENDS, Hub


def _menu(window, title):
    return next(a for a in window.menuBar().actions() if a.text() == title)


@pytest.mark.parametrize("backend", BACKENDS)
def test_sync_before_joining_opens_the_join_dialog_and_joins_the_real_hub(qtbot, window, ws, tmp_path, backend):
    enrollment.enroll(ws, make_raw(), SYSTEM)
    hub = Hub(tmp_path, backend).start()
    try:
        with qtbot.waitSignal(window.dialog_opened, timeout=5000) as opened:
            window.start_sync()                    # F9 on a laptop that never joined a hub
        dialog = opened.args[0]
        qtbot.waitUntil(lambda: dialog.link is not None, timeout=5000)
        assert "belum terdaftar" in dialog.state.text() and "lindung register" not in dialog.state.text()

        dialog.url.setText(hub.url)
        dialog.code.setText("KODE-SALAH-123")
        with qtbot.waitSignal(dialog.failed, timeout=20_000) as refused:
            dialog.join_button.click()
        assert "ditolak" in refused.args[0] and dialog.message.property("severity") == "error"
        assert client.hub_link(ws).url is None

        dialog.code.setText(hub.code("jendela-admin"))
        with qtbot.waitSignal(window.sync.finished, timeout=30_000) as synced:   # joined, then synced at once
            dialog.join_button.click()
        report, error = synced.args
        assert error is None and report.pushed == 1 and len(hub.records()) == 1
        assert dialog.message.property("severity") == "ok" and hub.url in dialog.message.text()
        qtbot.waitUntil(lambda: dialog.link is not None and dialog.link.url == hub.url, timeout=5000)
        assert "belum terdaftar" not in window.sync.label.text()

        dialog.auto_minutes.setValue(15)
        with qtbot.waitSignal(window.worker.changed, timeout=5000):
            dialog.auto_button.click()
        qtbot.waitUntil(lambda: window.sync.auto_timer.isActive(), timeout=5000)
        assert window.sync.auto_timer.interval() == 15 * 60_000
    finally:
        hub.stop()


def test_a_volunteer_pressing_sync_unregistered_is_told_who_can_join(qtbot, ws, worker, admin, monkeypatch):
    volunteer = create_account(ws, "ani", "Ani", "kapal-motor-ani-12", Role.VOLUNTEER, by=admin)
    window = MainWindow(ws, worker, volunteer)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text, *a: said.append(text))
    window.start_sync()
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert "Minta admin" in said[0] and "lindung register" not in said[0]
    assert not _menu(window, "&Pengaturan").isVisible()
    assert [a.isVisible() for a in window.menuBar().actions()] == [True, False, True, True]


def test_admin_adds_and_corrects_a_school(qtbot, window, ws):
    with qtbot.waitSignal(window.dialog_opened, timeout=5000) as opened:
        window.open_schools()
    dialog = opened.args[0]
    qtbot.waitSignal(dialog.loaded, timeout=5000).wait()
    dialog.npsn.setText("69800001")
    dialog.name.setText("sd negeri 12 pontianak")
    dialog.level.setCurrentIndex(dialog.level.findData("SD"))
    dialog.kabupaten.setFocus()
    qtbot.keyClicks(dialog.kabupaten, "pontianak kota")
    dialog.kabupaten.settle()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 1).text() == "SD NEGERI 12 PONTIANAK"
    assert dialog.table.item(0, 3).text() == "Kota Pontianak"
    assert dialog.message.property("severity") == "ok"
    qtbot.waitUntil(lambda: window.school_filter.count() == 2, timeout=5000)   # the main window knows it

    dialog.table.selectRow(0)
    assert dialog.npsn.isReadOnly() and dialog.save_button.text() == "Simpan perubahan"
    dialog.coordinator.setText("Bu Rina")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    assert schools.list_schools(ws)[0].coordinator == "Bu Rina"
    assert [e.subject for e in audit.entries(ws, window.actor, 5)][:2] == ["sekolah 69800001"] * 2

    dialog.start_new()
    dialog.npsn.setText("123")
    with qtbot.waitSignal(window.worker.busy_changed, timeout=5000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.property("severity") == "error", timeout=5000)
    assert "NPSN harus 8 digit" in dialog.message.text()


def test_admin_changes_the_programme_settings(qtbot, window, ws):
    dialog = window.open_settings()
    qtbot.waitUntil(lambda: dialog.max_age.value() == 65, timeout=5000)
    dialog.max_age.setValue(60)
    dialog.lock_minutes.setValue(5)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    assert ws.policy.max_age == 60 and dialog.message.property("severity") == "ok"
    qtbot.waitUntil(lambda: window.idle.minutes == 5, timeout=5000)          # the window locks sooner now
    dialog.min_age.setValue(61)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.message.property("severity") == "error", timeout=5000)
    assert "Umur minimal harus lebih kecil" in dialog.message.text() and ws.policy.min_age == 15


@pytest.fixture
def settings_here(tmp_path):
    """QSettings of this test only (the last user name), not the machine's."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    before = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("LindungTest")
    QCoreApplication.setApplicationName("LindungTest")
    yield
    QCoreApplication.setOrganizationName(before[0])
    QCoreApplication.setApplicationName(before[1])
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


def _sign_in(qtbot, controller, dialog, username, password):
    dialog.username.setText(username)
    dialog.password.setText(password)
    with qtbot.waitSignal(controller.main_window_shown, timeout=20_000) as shown:
        dialog._submit()
    window = shown.args[0]
    qtbot.waitUntil(lambda: window.model.total is not None and window._ready, timeout=10_000)
    return window


def test_backup_restore_sign_out_and_switch_user_in_the_window(qtbot, tmp_path, settings_here):
    from desktop.gui.app import AppController
    from desktop.services.workspace import Workspace

    db = tmp_path / "lindung.sqlite3"
    ws = Workspace(db)
    admin = create_account(ws, "admin", "Admin Cabang", "kapal-motor-admin-1", Role.ADMIN)
    create_account(ws, "ani", "Ani", "kapal-motor-ani-12", Role.VOLUNTEER, by=admin)
    enrollment.enroll(ws, make_raw(), admin)
    ws.close()

    controller = AppController(db)
    dialogs = []
    controller.dialog_shown.connect(dialogs.append)
    controller.start()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10_000)
    window = _sign_in(qtbot, controller, dialogs[-1], "admin", "kapal-motor-admin-1")
    assert window.isMaximized()                 # the test screen is smaller than 1400x860
    assert window.model.total == 1

    backup = tmp_path / "cadangan.sqlite3"
    with qtbot.waitSignal(window.backup_written, timeout=20_000) as written:
        window.backup(backup)
    assert written.args[0].workers == 1 and backup.exists()
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.worker.submit(enrollment.enroll, window.ws, make_raw(nik="6171010708750002", sex="L",
                                                                    birth_date="07-08-1975"), window.actor,
                             changes="workers")
    assert window.model.total == 2

    with qtbot.waitSignal(controller.restored, timeout=30_000):
        window.restore(backup, confirmed=True)
    qtbot.waitUntil(lambda: len(dialogs) == 2, timeout=10_000)
    again = dialogs[-1]
    assert again.username.text() == "admin"              # the last user, remembered
    window = _sign_in(qtbot, controller, again, "admin", "kapal-motor-admin-1")
    assert window.model.total == 1                       # as the backup had it
    kept = list(tmp_path.glob("lindung.sqlite3.sebelum-pulih-*"))
    assert len(kept) == 1                                # the data before the restore is kept beside it

    window.sign_out()
    qtbot.waitUntil(lambda: len(dialogs) == 3, timeout=10_000)
    assert not window.isVisible()
    window = _sign_in(qtbot, controller, dialogs[-1], "ani", "kapal-motor-ani-12")
    assert window.actor.username == "ani" and not window.backup_action.isEnabled()
    controller.shutdown()


def test_sign_in_says_it_is_checking_and_clears_the_old_error(qtbot, worker):
    import threading

    from desktop.gui.login import LoginDialog
    from desktop.services.errors import AuthenticationFailed

    release = threading.Event()

    def slow_refusal(username, password):
        release.wait(10)
        raise AuthenticationFailed("Nama pengguna atau kata sandi salah.")

    dialog = LoginDialog(slow_refusal, worker, last_user="ani")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.username.text() == "ani" and dialog.focusWidget() is dialog.password
    dialog._show_error("galat lama")
    dialog.password.setText("salah")
    dialog._submit()
    assert dialog.checking.isVisible() and not dialog.error.isVisible() and dialog.error.text() == ""
    release.set()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert not dialog.checking.isVisible() and "salah" in dialog.error.text()


def test_window_titles_say_the_app_name_once(qtbot, window, ws, worker, admin):
    """Qt adds the application's name to every title: the titles themselves do not repeat it."""
    from desktop.gui.login import FirstRunDialog, LoginDialog

    form_opened = []
    window.form_opened.connect(form_opened.append)
    window.new_enrollment()
    shown = [window, form_opened[0], window.open_hub(), window.open_schools(), window.open_settings(),
             window.manage_accounts(), window.open_audit(), LoginDialog(lambda u, p: None, worker),
             FirstRunDialog(ws, worker)]
    for widget in shown:
        assert "Lindung" not in widget.windowTitle(), widget.windowTitle()
    for dialog in shown[1:]:
        if isinstance(dialog, QDialog):
            dialog.done(0)


def test_the_review_window_says_there_is_nothing_to_review(qtbot, window, ws, tmp_path):
    hub = Hub(tmp_path).start()
    try:
        client.register(ws, hub.url, hub.code("kantor", review=True))
        with qtbot.waitSignal(window.review_opened, timeout=5000) as opened:
            window.open_review()
        dialog = opened.args[0]
        with qtbot.waitSignal(dialog.loaded, timeout=20_000):
            pass
        assert dialog.pages.currentWidget() is dialog.empty and "Tidak ada yang perlu ditinjau" in dialog.empty.text()
        assert not dialog.table.isVisible()          # no grid headed 1 2 3 4
    finally:
        hub.stop()


def test_the_audit_log_says_labels_not_codes(qtbot, window, ws, admin):
    create_account(ws, "ani", "Ani", "kapal-motor-ani-12", Role.VOLUNTEER, by=admin)
    dialog = window.open_audit()
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10_000)
    details = [dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())]
    assert "peran: Relawan" in details and not any("volunteer" in d for d in details)
    dialog.done(0)


def test_backup_path_default_is_in_the_data_folder(qtbot, window, ws, monkeypatch):
    offered = []
    monkeypatch.setattr("desktop.gui.files._ask", lambda parent, title, start, *a, **k: (offered.append(Path(start)), "")[1])
    window.backup()
    assert offered[0].parent == ws.path.parent / "cadangan" and offered[0].suffix == ".sqlite3"


def test_work_that_ends_after_its_window_closed_is_dropped_quietly(qtbot, worker):
    """A sign-out or restore closes the window while its database work runs: the answer goes nowhere,
    what changed is still announced."""
    import threading

    import shiboken6
    from PySide6.QtCore import QObject

    class Owner(QObject):
        def done(self, _result):
            raise AssertionError("answered to a window already closed")

    gate = threading.Event()
    owner = Owner()
    with qtbot.waitSignal(worker.changed, timeout=5000) as changed:
        worker.submit(gate.wait, 5, on_success=owner.done, changes="workers")
        shiboken6.delete(owner)
        gate.set()
    assert changed.args == ["workers"]
