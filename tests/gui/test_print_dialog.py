"""Printing cards from the window: preview in Qt's PDF viewer, save, print, re-print with a reason."""

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from desktop.services import cards
from desktop.services.accounts import SYSTEM
from desktop.services.demo import add_demo_workers


def open_print(qtbot, window):
    with qtbot.waitSignal(window.print_opened, timeout=5000) as opened:
        window.print_button.click()
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.selected > 0, timeout=5000)
    return dialog


def test_preview_save_print_and_reprint_reason(qtbot, window, ws, tmp_path):
    add_demo_workers(ws, 12, SYSTEM, seed=6)
    window.run_search()
    qtbot.waitUntil(lambda: window.model.total == 12, timeout=5000)
    dialog = open_print(qtbot, window)
    assert "12 kartu dipilih." in dialog.count_label.text()

    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000) as ready:
        dialog.preview_button.click()
    assert ready.args == [4]                      # two A4 sheets: fronts and backs
    assert cards.list_batches(ws) == []           # a preview is not a print

    out = tmp_path / "kartu.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.save_to(out)
    assert len(PdfReader(out).pages) == 4
    assert [b.card_count for b in cards.list_batches(ws)] == [12]
    qtbot.waitUntil(lambda: dialog.selected == 0, timeout=5000)   # nothing left unprinted

    dialog.unprinted.setChecked(False)
    qtbot.waitUntil(lambda: dialog.already_printed == 12, timeout=5000)
    assert "sudah pernah dicetak" in dialog.count_label.text() and dialog.reason.isEnabled()
    dialog.save_to(tmp_path / "lagi.pdf")       # no reason: refused before anything is written
    assert "Isi alasan cetak ulang" in dialog.message.text()
    assert not (tmp_path / "lagi.pdf").exists()

    dialog.reason.setText("kartu rusak terkena banjir")
    dialog.layout_combo.setCurrentIndex(1)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(printed))
    with qtbot.waitSignals([dialog.saved, dialog.sent], timeout=30_000):
        dialog.print_to(printer)
    assert len(PdfReader(printed).pages) == 24   # one card per page, front and back
    batches = cards.list_batches(ws)
    assert (batches[0].card_count, batches[0].reprint_reason, batches[0].layout) == (
        12, "kartu rusak terkena banjir", "card")


def test_reports_from_the_menu(qtbot, window, ws, tmp_path):
    add_demo_workers(ws, 5, SYSTEM, seed=7)
    out = tmp_path / "ringkasan.pdf"
    with qtbot.waitSignal(window.report_written, timeout=20_000):
        window.report_summary(out)
    assert "Ringkasan kepesertaan" in PdfReader(out).pages[0].extract_text()
    out = tmp_path / "iuran.pdf"
    with qtbot.waitSignal(window.report_written, timeout=20_000):
        window.report_contributions(out, months=6)
    assert "Kewajiban iuran BAZNAS" in PdfReader(out).pages[0].extract_text()
