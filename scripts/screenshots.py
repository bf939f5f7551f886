"""The README's screenshots (docs/*.png), taken from the real window on a 1366x768 screen.

Run under a virtual X server of that size (the window opens maximized there, as on a volunteer's
laptop), from the checkout, with the test extra installed (it borrows the tests' file writers):

    Xvfb :16 -screen 0 1366x768x24 &
    DISPLAY=:16 .venv/bin/python scripts/screenshots.py [--workers 20000] [--out docs]

Each picture is the whole screen, grabbed with ImageMagick's ``import -window root`` once the window
has drawn what it shows. The data is made up (``lindung demo``), in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def wait(condition, timeout: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        QApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.6) -> None:
    """Let the window draw (and the lists' timers fire) before the screen is grabbed."""
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def shoot(path: Path) -> None:
    settle()
    if shutil.which("import"):
        subprocess.run(["import", "-window", "root", str(path)], check=True)
    else:   # without ImageMagick: Qt grabs the screen itself
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
    print(f"wrote {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=20_000)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        print("screenshots.py: no DISPLAY; start Xvfb :16 -screen 0 1366x768x24 and set DISPLAY=:16", file=sys.stderr)
        return 2

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.gui.app import make_app
    from desktop.gui.main_window import MainWindow
    from desktop.gui.worker import DbWorker
    from desktop.services import schools
    from desktop.services.accounts import Role, create_account
    from desktop.services.demo import add_demo_workers
    from desktop.services.workspace import Workspace

    app = make_app(["screenshots"], language="id")
    # Only now: the tests' helpers would set QT_QPA_PLATFORM=offscreen for a window not yet made.
    from tests.dapodik import make_pupils, write_dapodik_xlsx
    from tests.integration.test_import import write_messy_xlsx
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lindung-screens-") as folder:
        folder = Path(folder)
        ws = Workspace(folder / "lindung.sqlite3")
        admin = create_account(ws, "admin", "Admin Cabang", "kapal-motor-admin-1", Role.ADMIN)
        add_demo_workers(ws, args.workers, admin, seed=16)
        schools.add_school(ws, "69800001", "SD Negeri 12 Pontianak", "SD", "6171", "Ibu Rina")
        worker = DbWorker()
        window = MainWindow(ws, worker, admin)
        window.show_on_screen()
        screen = window.screen().availableGeometry()
        settle(0.3)
        if window.width() < screen.width():   # a bare X server has no window manager to maximize it
            window.showNormal()
            window.setGeometry(screen)
        wait(lambda: window._ready and len(window.schools) >= 1 and not worker.pending)
        window.activateWindow()
        shoot(out / "main-window.png")

        # The form, typed into: the NIK filled the birth date, sex and region; the desa list narrows.
        forms = []
        window.form_opened.connect(forms.append)
        window.table.setFocus()
        QTest.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        wait(lambda: forms and forms[-1].isVisible())
        form = forms[-1]
        form.activateWindow()
        wait(lambda: form.fields["nik"].hasFocus())
        for name, text in (("nik", "6171014508800001"), ("full_name", "siti aminah"), ("birth_place", "Pontianak"),
                           ("address", "Jl. Tanjungpura No. 5 RT 1/2")):
            QTest.keyClicks(form.fields[name], text)
            QTest.keyClick(form.fields[name], Qt.Key.Key_Return)
        desa = form.fields["desa_code"]
        wait(desa.hasFocus)
        QTest.keyClicks(desa, "benua")
        wait(lambda: desa.popup_visible)
        shoot(out / "enrollment-form.png")
        QTest.keyClick(desa, Qt.Key.Key_Escape)
        form.done(0)

        # Joining the branch hub from the window.
        hub = window.open_hub()
        wait(lambda: hub.link is not None)
        hub.url.setText("https://hub.baznas-kalbar.id")
        shoot(out / "hub-dialog.png")
        hub.done(0)

        # A school's messy list, and a Dapodik export.
        window.school_filter.select_data(next(s.id for s in window.schools if s.npsn == "69800001"))
        for name, path in (("import-window.png", write_messy_xlsx(folder / "ortu.xlsx")),
                           ("import-dapodik.png", write_dapodik_xlsx(folder / "daftar-pd.xlsx",
                                                                     make_pupils(ws.regions, 300, seed=5), school=""))):
            shown = []
            window.open_import()
            dialog = window.import_dialog
            dialog.preview_shown.connect(shown.append)
            dialog.load(path)
            wait(lambda: bool(shown))
            if name == "import-window.png":
                dialog.status_filter.setCurrentIndex(1)           # the rows that need work
                dialog.table.setCurrentIndex(dialog.proxy.index(0, 2))
            shoot(out / name)
            dialog.done(0)

        # The cards of the school's parents, previewed on A4 sheets.
        window.school_filter.select_data(None)
        window.search_box.setText("siti")
        window.run_search()
        wait(lambda: not worker.pending)
        window.open_print()
        printing = window.print_dialog
        pages = []
        printing.preview_ready.connect(pages.append)
        wait(lambda: printing.selected > 0)
        printing.preview()
        wait(lambda: bool(pages), timeout=600)
        shoot(out / "print-window.png")
        printing.done(0)
        window.close()
        wait(lambda: not worker.pending)
        worker.shutdown()
        ws.close()
        review(folder, out)
    app.quit()
    return 0


def review(folder: Path, out: Path) -> None:
    """One record edited on two laptops, met at the real hub on loopback, side by side."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.gui.main_window import MainWindow
    from desktop.gui.worker import DbWorker
    from desktop.services import enrollment
    from desktop.services.accounts import Role, create_account
    from desktop.services.demo import add_demo_workers
    from desktop.services.search import SearchQuery, iter_records
    from desktop.services.workspace import Workspace
    from desktop.sync import client
    from desktop.sync.review import ROWS
    from tests.hub.test_review import EDITABLE, edit
    from tests.hub.test_sync import Hub, laptop, sync

    (folder / "hub").mkdir()
    hub = Hub(folder / "hub").start()
    try:
        ws = Workspace(folder / "kantor.sqlite3")
        admin = create_account(ws, "admin", "Admin Cabang", "kapal-motor-admin-1", Role.ADMIN)
        client.register(ws, hub.url, hub.code("kantor", review=True))
        add_demo_workers(ws, 12, admin, seed=31)
        client.sync(ws, actor=admin)
        other = laptop(folder, "ketapang", hub)
        sync(other)
        target = next(iter_records(ws, SearchQuery()))
        values = {k: getattr(target, k) for k in EDITABLE}
        values["birth_date"] = values["birth_date"].strftime("%d-%m-%Y")
        enrollment.update_worker(ws, target.id, values | {"phone": "0812 1111 2222"}, admin)
        client.sync(ws, actor=admin)
        edit(other, target.id, phone="0813 3333 4444", address="Jl. Gajah Mada No. 12")
        sync(other)
        client.sync(ws, actor=admin)
        worker = DbWorker()
        window = MainWindow(ws, worker, admin)
        window.show_on_screen()
        screen = window.screen().availableGeometry()
        settle(0.3)
        if window.width() < screen.width():
            window.showNormal()
            window.setGeometry(screen)
        wait(lambda: window._ready and not worker.pending)
        opened = []
        window.review_opened.connect(opened.append)
        window.open_review()
        wait(lambda: opened and opened[0].list.count() == 1)
        dialog = opened[0]
        table = dialog.table
        phone = next(i for i, row in enumerate(ROWS) if row[0] == "phone")
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.visualRect(table.model().index(phone, 2)).center())
        shoot(out / "review-window.png")
        dialog.done(0)
        window.close()
        wait(lambda: not worker.pending)
        worker.shutdown()
        ws.close()
    finally:
        hub.stop()


if __name__ == "__main__":
    raise SystemExit(main())
