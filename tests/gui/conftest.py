import pytest

from desktop.services.accounts import Role, create_account


@pytest.fixture(autouse=True)
def indonesian_locale():
    """As the window starts in Indonesian: counts grouped 20.000 (a test in English sets its own)."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def worker(qtbot):
    from desktop.gui.worker import DbWorker

    w = DbWorker()
    yield w
    w.shutdown()


@pytest.fixture
def admin(ws):
    return create_account(ws, "admin", "Admin Cabang", "kapal-motor-admin-1", Role.ADMIN)


@pytest.fixture
def window(qtbot, ws, worker, admin):
    from desktop.gui.main_window import MainWindow

    win = MainWindow(ws, worker, admin)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.ready, timeout=10_000):
        win.show()
    return win


def open_new_form(qtbot, window):
    with qtbot.waitSignal(window.form_opened, timeout=5000) as opened:
        window.new_button.click()
    form = opened.args[0]
    qtbot.waitUntil(lambda: form.isVisible())
    form.activateWindow()       # keys and focus changes go to the active window, as on a screen
    qtbot.waitUntil(form.isActiveWindow)
    return form


@pytest.fixture(autouse=True)
def own_qsettings(tmp_path_factory):
    """QSettings of this test only (remembered folders, the last user name), never the machine's."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    yield folder
