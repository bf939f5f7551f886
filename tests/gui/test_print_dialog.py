"""Printing cards from the window: preview in Qt's PDF viewer, save, print, re-print with a reason."""

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
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
    with qtbot.waitSignal(dialog.pdf_written, timeout=20_000):
        dialog.save_to(out)
    assert len(PdfReader(out).pages) == 4
    assert cards.list_batches(ws) == []           # saving a PDF is not printing …
    assert dialog.mark_button.isVisible() and "Belum dicatat" in dialog.message.text()
    assert dialog.message.property("severity") == "ok"      # … and a success is not said in red
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.mark_button.click()                # … until the user says the file was printed
    assert [b.card_count for b in cards.list_batches(ws)] == [12]
    assert not dialog.mark_button.isVisible()
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
    with qtbot.waitSignals([dialog.sent, dialog.saved], timeout=30_000, order="strict"):
        dialog.print_to(printer)                  # logged once the pages reached the printer
    assert len(PdfReader(printed).pages) == 24   # one card per page, front and back
    batches = cards.list_batches(ws)
    assert (batches[0].card_count, batches[0].reprint_reason, batches[0].layout) == (
        12, "kartu rusak terkena banjir", "card")


def test_a_reprint_asks_its_reason_before_the_file_name_and_names_are_unique(qtbot, window, ws, monkeypatch):
    from desktop.gui.print_dialog import unique_name

    add_demo_workers(ws, 3, SYSTEM, seed=9)
    dialog = open_print(qtbot, window)
    asked = []
    monkeypatch.setattr("desktop.gui.files._ask", lambda parent, title, start, *a, **k: (asked.append(start), "")[1])
    dialog.save_pdf()
    assert Path(asked[0]).name == f"kartu-{ws.today:%Y-%m-%d}-3.pdf"     # unique by default: date, count
    with qtbot.waitSignal(dialog.pdf_written, timeout=20_000):
        dialog.save_to(ws.exports_dir / Path(asked[0]).name)
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.mark_printed()
    assert unique_name(ws.exports_dir, ws.today, 3).name == f"kartu-{ws.today:%Y-%m-%d}-3-2.pdf"

    dialog.unprinted.setChecked(False)
    qtbot.waitUntil(lambda: dialog.already_printed == 3, timeout=5000)
    asked.clear()
    dialog.save_pdf()                             # a re-print: the reason first, no file dialog yet
    assert asked == [] and "Isi alasan cetak ulang" in dialog.message.text()
    assert dialog.message.property("severity") == "error"


def test_a_large_preview_counts_sheets_and_can_be_cancelled(qtbot, window, ws, monkeypatch):
    import reports.cards

    monkeypatch.setattr(reports.cards, "PART_CARDS", 20)    # progress after every 2 sheets
    add_demo_workers(ws, 60, SYSTEM, seed=10)
    dialog = open_print(qtbot, window)
    formats = []
    dialog._relay.progressed.connect(lambda done, total: (formats.append(dialog.progress.format()), dialog.cancel()))
    with qtbot.waitSignal(dialog.failed, timeout=30_000):
        dialog.preview()
    assert formats[0] == "2 / 6 lembar"          # 20 of 60 cards: 2 of 6 A4 sheets
    assert "Dibatalkan" in dialog.message.text() and cards.list_batches(ws) == []
    assert dialog.preview_button.isEnabled()


def test_nothing_is_cut_off(qtbot, window, ws):
    add_demo_workers(ws, 2, SYSTEM, seed=11)
    dialog = open_print(qtbot, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    combo = dialog.layout_combo
    for i in range(combo.count()):
        assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.itemText(i)) + 20
    reason = dialog.reason
    assert reason.width() >= reason.fontMetrics().horizontalAdvance(reason.placeholderText()) + 8


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


def test_the_school_filter_shows_whole_school_names(qtbot, window, ws):
    from desktop.services.schools import add_school

    add_school(ws, "69800002", "Madrasah Ibtidaiyah Swasta Nurul Huda Sungai Kakap", "MI", "6112")
    window._load_schools()
    qtbot.waitUntil(lambda: window.school_filter.count() == 2, timeout=5000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    combo = window.school_filter
    longest = combo.fontMetrics().horizontalAdvance(combo.itemText(1))
    combo.setFocus()
    qtbot.keyClicks(combo, "nurul")
    qtbot.waitUntil(lambda: combo.popup_visible, timeout=2000)
    assert combo.list.width() >= longest                  # the typed list shows the whole name
    qtbot.keyClick(combo, Qt.Key.Key_Escape)
    combo.showPopup()
    assert combo.view().width() >= longest                # and so does the full list
    combo.hidePopup()
