"""Issue 28, where files go: choosers open in the user's Documents (then where that kind of file was last
chosen), never the program's folder; a written file is offered to be opened, or its folder."""

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.gui.test_membership_window import open_membership


@pytest.fixture
def documents(tmp_path, monkeypatch):
    home = tmp_path / "rumah"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    return home / "Documents"


def chooser_answers(monkeypatch, answer: Path):
    """The file chooser, answered with ``answer`` when saving (cancelled when opening); where each opened is kept."""
    opened = []
    monkeypatch.setattr("desktop.gui.files._ask", lambda parent, title, start, filter_, save: (
        opened.append(Path(start)), str(answer) if save else "")[1])
    return opened


def test_report_chooser_opens_in_documents_remembers_its_folder_and_offers_the_file(
        qtbot, window, ws, documents, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    reports = tmp_path / "laporan-desember"
    reports.mkdir()
    opened = chooser_answers(monkeypatch, reports / "ringkasan.pdf")
    with qtbot.waitSignal(window.report_written, timeout=20_000):
        window.report_summary()
    assert opened == [documents / "ringkasan-kepesertaan.pdf"]       # Documents, not the program's folder
    assert len(PdfReader(reports / "ringkasan.pdf").pages) >= 1

    offer = window.file_offer
    assert offer.isVisible() and offer.label.text() == "Tersimpan: ringkasan.pdf"
    shown = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: shown.append(url.toLocalFile()) or True)
    offer.open_folder.click()
    offer.open_file.click()
    assert shown == [str(reports), str(reports / "ringkasan.pdf")]

    with qtbot.waitSignal(window.report_written, timeout=20_000):
        window.report_summary()
    assert opened[-1] == reports / "ringkasan-kepesertaan.pdf"       # remembered for reports

    kep = open_membership(qtbot, window)                            # another kind: still Documents
    dialog = kep.open_answer()
    dialog.choose_file()
    assert opened[-1] == documents and opened[-1] != ws.exports_dir
    dialog.reject()
    kep.close()


def test_a_cards_pdf_is_offered_to_open_and_starts_in_the_data_folder(qtbot, window, ws, documents, monkeypatch):
    from desktop.services.accounts import SYSTEM
    from desktop.services.demo import add_demo_workers
    from tests.gui.test_print_dialog import open_print

    add_demo_workers(ws, 2, SYSTEM, seed=9)
    dialog = open_print(qtbot, window)
    target = ws.exports_dir / "kartu-uji.pdf"
    opened = chooser_answers(monkeypatch, target)
    with qtbot.waitSignal(dialog.pdf_written, timeout=20_000):
        dialog.save_pdf()
    assert opened[0].parent == ws.exports_dir                      # personal data: inside the data folder
    assert dialog.file_offer.isVisible() and dialog.file_offer.path == target
    assert dialog.mark_button.hasFocus()                           # the offer does not take the next step's focus


def test_the_chooser_writes_sizes_as_the_window_does_not_kib(qtbot, tmp_path, monkeypatch):
    """The file chooser's Size column: ``200,0 kB`` (204.800 bytes) in the Indonesian window, not Qt's ``200,00 KiB``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QTreeView

    from desktop.gui import files

    (tmp_path / "daftar.xlsx").write_bytes(b"x" * 204_800)
    seen = []

    def look():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        view = dialog.findChild(QTreeView, "treeView")
        model = view.model()

        def sizes():
            root = view.rootIndex()
            return [model.index(r, 1, root).data() for r in range(model.rowCount(root))]
        qtbot.waitUntil(lambda: any(sizes()), timeout=5000)
        seen.extend(sizes())
        dialog.reject()

    QTimer.singleShot(0, look)
    assert files._ask(None, "Pilih", str(tmp_path), "Excel (*.xlsx)", save=False) == ""
    assert seen == ["200,0 kB"], seen
