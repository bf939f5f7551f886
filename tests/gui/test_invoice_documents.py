"""The batch invoice from the window: printed as issued, and when BPJS's answer has changed its figures,
a box with a button that issues the credit note referring to it (read back from the PDF)."""

from pypdf import PdfReader
from PySide6.QtWidgets import QPushButton

from desktop.services import membership, reporting
from desktop.services.accounts import SYSTEM
from tests.integration.test_documents import RINA, answer, enroll_three


def text(path):
    return " ".join(PdfReader(path).pages[0].extract_text().split())


def test_the_window_prints_the_invoice_as_issued_and_issues_its_credit_note(qtbot, window, ws, tmp_path):
    enroll_three(ws)
    batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM).number
    first = tmp_path / "tagihan.pdf"
    with qtbot.waitSignal(window.report_written, timeout=20_000):
        window.report_invoice(batch, first)
    [invoice] = reporting.issued_documents(ws, SYSTEM)
    assert f"Nomor dokumen: {invoice.number}" in text(first)
    assert window.invoice_box is None                       # nothing changed: no box

    assert answer(ws, tmp_path / "jawaban.csv", f"'{RINA};;;Data ahli waris tidak lengkap").refused == 1
    again = tmp_path / "lagi.pdf"
    with qtbot.waitSignal(window.report_written, timeout=20_000):
        window.report_invoice(batch, again)
    qtbot.waitUntil(lambda: window.invoice_box is not None and window.invoice_box.isVisible(), timeout=5000)
    assert f"berubah sejak {invoice.number}" in window.invoice_box.text()
    assert "Total kewajiban: Rp" in text(again) and f"Nomor dokumen: {invoice.number}" in text(again)

    correction = tmp_path / "nota-kredit.pdf"
    window._report_path = lambda _default, personal=False: correction
    with qtbot.waitSignal(window.report_written, timeout=20_000):
        window.invoice_box.findChild(QPushButton, "reissueButton").click()
    note = reporting.issued_documents(ws, SYSTEM)[-1]
    assert (note.kind, note.refers_to) == ("credit_note", invoice.number)
    assert f"Mengoreksi {invoice.number}" in text(correction) and "Nota kredit" in text(correction)
