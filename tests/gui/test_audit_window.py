"""The admin's audit window: who did what, and a warning when the chain was broken."""

from PySide6.QtGui import QAction

from desktop.gui.main_window import MainWindow
from desktop.services import enrollment
from desktop.services.accounts import Role, create_account
from tests.conftest import make_raw
from tests.rawdb import connect


def _action(window, text):
    return next(a for a in window.findChildren(QAction) if a.text() == text)


def test_admin_sees_the_log_and_a_broken_chain(qtbot, window, ws, admin):
    enrollment.enroll(ws, make_raw(), admin)
    assert _action(window, "Catatan audit…").isEnabled()
    dialog = window.open_audit()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10_000)
    assert "Rantai hash utuh: 2 catatan" in dialog.verdict.text()
    rows = [[dialog.table.item(r, c).text() for c in range(5)] for r in range(dialog.table.rowCount())]
    assert [r[1:3] for r in rows] == [["admin", "tambah"], ["admin", "tambah"]]
    assert rows[0][3] == "1 peserta" and rows[1][3] == "akun admin"
    assert "Siti" not in " ".join(" ".join(r) for r in rows)

    connection = connect(ws.path, ws.key)
    connection.execute("UPDATE audit_log SET actor = 'orang-lain' WHERE id = 1")
    connection.commit()
    connection.close()
    dialog.view = None
    dialog.action_filter.setCurrentIndex(dialog.action_filter.findData("create"))   # reloads
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10_000)
    assert "PERINGATAN: catatan #1" in dialog.verdict.text()
    assert dialog.table.item(1, 1).text() == "orang-lain"


def test_only_admins_open_it(qtbot, ws, worker, admin):
    volunteer = create_account(ws, "ani", "Ani", "kapal-motor-ani-1", Role.VOLUNTEER, by=admin)
    win = MainWindow(ws, worker, volunteer)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.ready, timeout=10_000):
        win.show()
    assert not _action(win, "Catatan audit…").isEnabled()
