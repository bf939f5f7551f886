"""Passwords in the window, by keyboard: the add-account form asks twice, an admin resets a volunteer's
password and the volunteer must choose their own at the next sign-in, a user changes their own from
the menu, and the recovery code shown once at the first start resets a forgotten admin password from
the sign-in, with the data all there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.services import accounts, enrollment
from desktop.services.accounts import Role, create_account
from tests.conftest import make_raw
from tests.gui.test_window_admin import _sign_in, settings_here  # noqa: F401  (fixture)


def keys(*items) -> None:
    """Text typed into, and keys pressed on, whatever has the focus."""
    for item in items:
        widget = QApplication.focusWidget()
        assert widget is not None
        if isinstance(item, str):
            QTest.keyClicks(widget, item)
        else:
            QTest.keyClick(widget, item)


TAB, ENTER = Qt.Key.Key_Tab, Qt.Key.Key_Return


def _active(qtbot, widget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=5000)


def test_reset_by_admin_and_the_new_password_chosen_at_sign_in(qtbot, tmp_path, settings_here):  # noqa: F811
    from desktop.gui.app import AppController
    from desktop.services.workspace import Workspace

    db = tmp_path / "lindung.sqlite3"
    ws = Workspace(db)
    admin = create_account(ws, "admin", "Admin Cabang", "kapal-motor-admin-1", Role.ADMIN)
    enrollment.enroll(ws, make_raw(), admin)
    ws.close()
    controller = AppController(db)
    dialogs = []
    controller.dialog_shown.connect(dialogs.append)
    controller.start()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10_000)
    window = _sign_in(qtbot, controller, dialogs[-1], "admin", "kapal-motor-admin-1")

    manage = window.manage_accounts()
    _active(qtbot, manage)
    manage.display_name.setFocus()
    keys("Ani Rahayu", TAB, "ani", TAB, TAB, "sapi-perahu-ani-12", TAB, "sapi-perahu-ani-21")
    assert QApplication.focusWidget() is manage.confirm       # the repeated password, under the first
    manage.add_button.click()
    assert "tidak sama" in manage.message.text()               # not made with a mistyped password
    manage.confirm.clear()
    keys("sapi-perahu-ani-12")
    manage.add_button.click()
    qtbot.waitUntil(lambda: manage.list.count() == 2, timeout=10_000)

    manage.list.setFocus()
    manage.list.setCurrentRow(next(i for i in range(2) if manage.list.item(i).text().startswith("ani")))
    reset = manage.reset_selected()
    _active(qtbot, reset)
    keys("gajah-lampu-sementara-7", TAB, "gajah-lampu-sementara-7", ENTER)
    qtbot.waitUntil(lambda: "diatur ulang" in manage.message.text(), timeout=10_000)
    manage.close()

    window.sign_out()
    qtbot.waitUntil(lambda: len(dialogs) == 2, timeout=10_000)
    login = dialogs[-1]
    login.username.setText("ani")
    login.password.setText("gajah-lampu-sementara-7")
    login._submit()
    qtbot.waitUntil(lambda: len(dialogs) == 3, timeout=10_000)
    forced = dialogs[-1]                                       # no window until her own password is set
    assert controller.window is None and "mengatur ulang" in forced.findChildren(type(login.error))[0].text()
    _active(qtbot, forced)
    keys("kopi-hujan-jembatan-4", TAB, "kopi-hujan-jembatan-4")
    with qtbot.waitSignal(controller.main_window_shown, timeout=20_000) as shown:
        keys(ENTER)
    assert shown.args[0].actor.username == "ani"
    assert not accounts.must_change_password(controller.ws, "ani")
    assert accounts.authenticate(controller.ws, "ani", "kopi-hujan-jembatan-4").username == "ani"
    controller.shutdown()


def test_a_user_changes_their_own_password_from_the_menu(qtbot, window, ws):
    dialog = window.change_password()
    _active(qtbot, dialog)
    keys("salah-kata-sandi-lama", TAB, "kapal-motor-baru-22", TAB, "kapal-motor-baru-22", ENTER)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.error.text() == "Kata sandi lama salah." and dialog.isVisible()
    dialog.old.setText("kapal-motor-admin-1")
    dialog.confirm.setFocus()
    with qtbot.waitSignal(dialog.completed, timeout=10_000):
        keys(ENTER)
    assert accounts.authenticate(ws, "admin", "kapal-motor-baru-22").username == "admin"
    assert window.statusBar().currentMessage() == "Kata sandi diganti."


def test_forgotten_admin_password_recovered_at_sign_in_with_the_code_shown_at_setup(
        qtbot, tmp_path, settings_here):  # noqa: F811
    from desktop.gui.app import AppController
    from desktop.gui.password_dialog import RecoveryCodeDialog

    db = tmp_path / "lindung.sqlite3"
    controller = AppController(db)
    dialogs = []
    controller.dialog_shown.connect(dialogs.append)
    controller.start()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10_000)
    first = dialogs[-1]
    _active(qtbot, first)
    first.display_name.setFocus()
    keys("Admin Cabang", TAB, "admin", TAB, "kapal-motor-admin-1", TAB, "kapal-motor-admin-1", ENTER)
    qtbot.waitUntil(lambda: isinstance(getattr(first, "code_dialog", None), RecoveryCodeDialog), timeout=20_000)
    shown_code = first.code_dialog
    code = shown_code.code.text()
    assert len(code) == 24 and controller.window is None       # the window waits until it was seen
    _active(qtbot, shown_code)
    with qtbot.waitSignal(controller.main_window_shown, timeout=20_000) as opened:
        keys(ENTER)
    window = opened.args[0]
    qtbot.waitUntil(lambda: window.model.total is not None and window._ready, timeout=10_000)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.worker.submit(enrollment.enroll, window.ws, make_raw(), window.actor, changes="workers")
    assert window.model.total == 1
    window.sign_out()
    controller.shutdown()

    # Another day, the admin has forgotten the password: the app starts on the locked database.
    controller = AppController(db)
    dialogs = []
    controller.dialog_shown.connect(dialogs.append)
    controller.start()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10_000)
    login = dialogs[-1]
    recovering = login.open_recovery()
    _active(qtbot, recovering)
    keys("AAAA-BBBB-CCCC-DDDD-EEEE", TAB, TAB, "pisang-goreng-senja-31", TAB, "pisang-goreng-senja-31", ENTER)
    qtbot.waitUntil(recovering.error.isVisible, timeout=10_000)
    assert "Kode pemulihan salah" in recovering.error.text()
    recovering.code.setFocus()
    recovering.code.selectAll()
    keys(code.lower().replace("-", " "))
    recovering.confirm.setFocus()
    keys(ENTER)
    qtbot.waitUntil(lambda: isinstance(getattr(login, "code_dialog", None), RecoveryCodeDialog), timeout=20_000)
    fresh = login.code_dialog.code.text()
    assert fresh != code
    _active(qtbot, login.code_dialog)
    with qtbot.waitSignal(controller.main_window_shown, timeout=20_000) as opened:
        keys(ENTER)
    window = opened.args[0]
    qtbot.waitUntil(lambda: window.model.total is not None and window._ready, timeout=10_000)
    assert window.actor.username == "admin" and window.model.total == 1   # signed in, the data all there
    controller.shutdown()


def test_the_recovery_code_prints_with_the_laptop_it_opens(qtbot, window, ws, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from desktop.gui.password_dialog import RecoveryCodeDialog
    from desktop.services import recovery

    code = recovery.new_code(ws, window.actor)
    dialog = RecoveryCodeDialog(code, ws.device.prefix, window)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "kode.pdf"))
    assert dialog.print_code(printer)
    text = " ".join(PdfReader(tmp_path / "kode.pdf").pages[0].extract_text().split())
    assert code in text and ws.device.prefix in text and "Lupa kata sandi admin" in text
