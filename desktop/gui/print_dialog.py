"""Printing membership cards: choose, preview (Qt's PDF module), save or send to a printer.

The cards are the ones the main window shows (its search and filters), by default only those never
printed. A preview is not logged; saving or printing logs the batch, and re-printing cards asks for
a reason first. All PDF work runs on the database worker with progress and cancel.
"""

from __future__ import annotations

import tempfile
import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QRunnable, QSize, QThreadPool, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QVBoxLayout, QWidget,
)

from desktop.gui.files import FileOffer
from desktop.gui.i18n import error_text, number
from desktop.gui.widgets import SearchCombo
from desktop.gui.worker import DbWorker, ProgressRelay
from desktop.services import cards
from desktop.domain.actors import Actor
from desktop.domain.enrollment import Status
from desktop.services.search import SearchQuery
from desktop.services.spreadsheets import Cancelled
from desktop.services.workspace import Workspace


class _JobSignals(QObject):
    progressed = Signal(int, int)
    finished = Signal(str)      # empty when every page reached the printer, else the reason


class _PrintJob(QRunnable):
    """Renders each page of a PDF at the printer's resolution (at most 600 dpi) onto its page."""

    def __init__(self, path: Path, printer: QPrinter):
        super().__init__()
        self.path, self.printer, self.signals = path, printer, _JobSignals()

    def run(self) -> None:
        document = QPdfDocument()
        document.load(str(self.path))
        painter = QPainter()
        if not painter.begin(self.printer):
            self.signals.finished.emit(QCoreApplication.translate("PrintDialog", "Printer tidak dapat dibuka."))
            return
        try:
            dpi = min(self.printer.resolution(), 600)
            pages = document.pageCount()
            for index in range(pages):
                if index:
                    self.printer.newPage()
                target = painter.viewport()
                size = document.pagePointSize(index)
                scale = min(target.width() / size.width(), target.height() / size.height())
                image = document.render(index, QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72)))
                painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
                self.signals.progressed.emit(index + 1, pages)
        finally:
            painter.end()
            document.close()
        self.signals.finished.emit("")


def _counts(ws: Workspace, query: SearchQuery) -> tuple[int, int, int]:
    """(cards selected, of which printed before, of which without a KPJ number): a card carries the KPJ
    only once BPJS activated its holder (active, or active with the coverage run out)."""
    from desktop.services.search import count

    selected, printed = cards.count_selected(ws, query)
    if query.status in (Status.ACTIVE.value, Status.ENDED.value) or query.expiring_days is not None:
        return selected, printed, 0
    if query.status is not None:
        return selected, printed, selected
    with_kpj = sum(count(ws, replace(query, status=status)) for status in (Status.ACTIVE.value, Status.ENDED.value))
    return selected, printed, selected - with_kpj


def unique_name(folder: Path, today, count: int) -> Path:
    """``kartu-2026-11-30-41.pdf`` (the date and the number of cards), ``…-41-2.pdf`` when taken."""
    stem = f"kartu-{today:%Y-%m-%d}-{count}"
    path, n = folder / f"{stem}.pdf", 2
    while path.exists():
        path, n = folder / f"{stem}-{n}.pdf", n + 1
    return path


class PrintDialog(QDialog):
    counted = Signal(int, int)          # selected, already printed
    preview_ready = Signal(int)         # pages in the preview
    pdf_written = Signal(object)        # cards.PrintResult of a saved PDF (not logged yet)
    saved = Signal(object)              # cards.PrintResult logged as printed
    sent = Signal(str)                  # pages handed to the printer ("" or the reason it failed)
    failed = Signal(str)

    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor, query: SearchQuery,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.actor, self.base_query = ws, worker, actor, query
        self._scratch = tempfile.TemporaryDirectory(prefix="lindung-pratinjau-")
        self._cancel: threading.Event | None = None
        self._relay = ProgressRelay(self)
        self._relay.progressed.connect(self._progress)
        self.selected = self.already_printed = 0
        self.unlogged: cards.PrintResult | None = None   # a saved PDF waiting for "it was printed"
        self._busy = False
        self.setWindowTitle(self.tr("Cetak kartu peserta"))
        self.resize(1100, 700)
        self._build()
        self.finished.connect(lambda _r: self._scratch.cleanup())
        self.recount()

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        side = QVBoxLayout()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)   # captions above: nothing is cut off
        self.unprinted = QCheckBox(self.tr("Hanya yang belum pernah dicetak"), objectName="unprinted")
        self.unprinted.setChecked(True)
        self.unprinted.toggled.connect(lambda _c: self.recount())
        form.addRow(self.unprinted)
        self.layout_combo = SearchCombo(objectName="layout")
        self.layout_combo.addItem(self.tr("A4, 10 kartu per lembar (tanda potong)"), "a4")
        self.layout_combo.addItem(self.tr("Satu kartu per halaman (printer kartu)"), "card")
        self.layout_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        form.addRow(self.tr("Tata letak"), self.layout_combo)
        self.reason = QLineEdit(objectName="reprintReason")
        self.reason.setPlaceholderText(self.tr("wajib bila mencetak ulang, mis. kartu hilang"))
        form.addRow(self.tr("Alasan cetak ulang"), self.reason)
        side.addLayout(form)
        self.count_label = QLabel(objectName="printCount")
        self.count_label.setWordWrap(True)
        side.addWidget(self.count_label)
        self.message = QLabel(objectName="formMessage")
        self.message.setWordWrap(True)
        side.addWidget(self.message)
        self.mark_button = QPushButton(self.tr("Sudah tercetak: catat kartu ini"), objectName="markPrinted",
                                       clicked=self.mark_printed)
        self.mark_button.setToolTip(self.tr("Kartu dicatat sebagai dicetak baru setelah PDF-nya benar-benar dicetak"))
        self.mark_button.setVisible(False)
        side.addWidget(self.mark_button)
        self.file_offer = FileOffer(self)     # the saved PDF: open it (to print it elsewhere), or its folder
        side.addWidget(self.file_offer)
        self.progress = QProgressBar(objectName="printProgress")
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Batal"), clicked=self.cancel)
        side.addWidget(self.progress)
        side.addWidget(self.cancel_button)
        side.addStretch(1)
        self.preview_button = QPushButton(self.tr("Pratinjau"), clicked=self.preview)
        self.save_button = QPushButton(self.tr("Simpan PDF…"), clicked=self.save_pdf)
        self.save_button.setToolTip(self.tr("Menyimpan PDF belum berarti mencetak: kartu dicatat setelah Anda "
                                            "menandai PDF-nya sudah dicetak"))
        self.print_button = QPushButton(self.tr("Cetak…"), objectName="saveButton", clicked=self.print_cards)
        close = QPushButton(self.tr("Tutup"), clicked=self.reject)
        for button in (self.preview_button, self.save_button, self.print_button, close):
            side.addWidget(button)
        holder = QWidget(objectName="printSide")
        holder.setLayout(side)
        widest = max(self.layout_combo.sizeHint().width(), self.reason.fontMetrics().horizontalAdvance(
            self.reason.placeholderText()) + 24, 330)
        holder.setFixedWidth(widest + 24)
        layout.addWidget(holder)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self, objectName="pdfPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        self._set_busy(False)

    # ------------------------------------------------------------------ selection
    def query(self) -> SearchQuery:
        # Every filter of the list (status, ending soon, its day), only the unprinted choice is this dialog's.
        return replace(self.base_query, unprinted=self.unprinted.isChecked())

    def recount(self) -> None:
        self.worker.submit(_counts, self.ws, self.query(), on_success=self._counted, on_failure=self._failed)

    def _counted(self, counts: tuple[int, int, int]) -> None:
        self.selected, self.already_printed, without_kpj = counts
        text = self.tr("{count} kartu dipilih.").format(count=number(self.selected))
        if without_kpj:   # their card carries the registration number; it is printed again once BPJS answers
            text += " " + (self.tr("Belum ada yang punya nomor KPJ") if without_kpj == self.selected else self.tr(
                "{count} di antaranya belum punya nomor KPJ").format(count=number(without_kpj))) + self.tr(
                ": kartunya memuat nomor registrasi Lindung, dan dapat dicetak ulang setelah BPJS mengirim KPJ.")
        if self.already_printed:
            text += " " + self.tr("{count} di antaranya sudah pernah dicetak: isi alasan cetak ulang.").format(
                count=number(self.already_printed))
        self.count_label.setText(text)
        self.reason.setEnabled(self.already_printed > 0)
        self._set_busy(self._busy)
        self.counted.emit(self.selected, self.already_printed)

    # ------------------------------------------------------------------ actions
    def _reason_missing(self) -> bool:
        """A re-print asks for its reason before anything else (the file name, the printer)."""
        if self.already_printed and not self.reason.text().strip():
            self._say(self.tr("Isi alasan cetak ulang: {count} kartu sudah pernah dicetak.").format(
                count=number(self.already_printed)), error=True)
            self.reason.setFocus()
            return True
        return False

    def preview(self) -> None:
        path = Path(self._scratch.name) / "pratinjau.pdf"
        self._run(path, then=self._show_preview)

    def save_pdf(self) -> None:
        from desktop.gui.privacy import save_path

        if self._reason_missing():
            return
        default = unique_name(self.ws.exports_dir, self.ws.today, self.selected)
        path = save_path(self, self.ws, self.tr("Simpan kartu sebagai PDF"), default.name, "PDF (*.pdf)")
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> None:
        """Write the cards to ``path``; they are logged once the user says the file was printed."""
        if self._reason_missing():
            return
        self._run(path, then=self._pdf_saved)

    def _pdf_saved(self, result: cards.PrintResult) -> None:
        self.unlogged = result
        self._say(self.tr("{count} kartu disimpan ke {path}. Belum dicatat sebagai dicetak: setelah PDF ini "
                          "dicetak, tekan \"Sudah tercetak\".").format(count=number(result.count), path=result.path.name))
        self.mark_button.setVisible(True)
        self.mark_button.setEnabled(True)
        self.mark_button.setFocus()
        self.file_offer.offer(result.path)
        self.pdf_written.emit(result)

    def mark_printed(self) -> None:
        """The user confirms the saved PDF went through the printer: its cards are logged."""
        if self.unlogged is None:
            return
        result, self.unlogged = self.unlogged, None
        self.mark_button.setEnabled(False)
        self._log(result)

    def print_cards(self) -> None:
        if self._reason_missing():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Write the PDF, send its pages to ``printer``, and log the cards once they got there."""
        if self._reason_missing():
            return
        path = Path(self._scratch.name) / "cetak.pdf"
        self._run(path, then=lambda result: self._send(result, printer))

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _run(self, path: Path, then) -> None:
        self.message.clear()
        self._cancel = threading.Event()
        self._sheets = (lambda n: -(-n // 10)) if self.layout_combo.currentData() == "a4" else (lambda n: n)
        self._unit = self.tr("lembar") if self.layout_combo.currentData() == "a4" else self.tr("kartu")
        self._set_busy(True)
        cancel = self._cancel
        self.worker.submit(cards.print_cards, self.ws, self.query(), path, self.layout_combo.currentData(),
                           self.actor, reprint_reason=self.reason.text().strip() or None, workers=1, record=False,
                           progress=self._relay.progressed.emit, cancelled=cancel.is_set,
                           on_success=lambda result: (self._set_busy(False), then(result)),
                           on_failure=lambda error: (self._set_busy(False), self._failed(error)))

    def _log(self, result: cards.PrintResult) -> None:
        self.worker.submit(cards.log_printed, self.ws, result, self.actor, self.reason.text().strip() or None,
                           changes="workers", on_success=self._logged, on_failure=self._failed)

    def _show_preview(self, result: cards.PrintResult) -> None:
        self.document.load(str(result.path))
        self.preview_ready.emit(self.document.pageCount())

    def _logged(self, result: cards.PrintResult) -> None:
        self.mark_button.setVisible(False)
        self._say(self.tr("{count} kartu dicatat sebagai dicetak ({path}).").format(
            count=number(result.count), path=result.path.name))
        self.saved.emit(result)
        self.recount()

    def _send(self, result: cards.PrintResult, printer: QPrinter) -> None:
        """Hand the pages to the printer on a thread of their own: a large batch takes minutes and
        must neither freeze the window nor hold up the database worker."""
        self._job = _PrintJob(result.path, printer)
        self._job.signals.progressed.connect(self._printer_progress)
        self._job.signals.finished.connect(lambda error: self._sent(result, error))
        self.progress.setVisible(True)
        QThreadPool.globalInstance().start(self._job)

    def _sent(self, result: cards.PrintResult, error: str) -> None:
        self.progress.setVisible(False)
        if error:
            self._say(error, error=True)
            self.failed.emit(error)
        else:
            self._log(result)      # the pages reached the printer: now they are printed
        self.sent.emit(error)

    def _progress(self, done: int, total: int) -> None:
        """Cards written, shown as sheets (A4) or cards done out of all."""
        done, total = self._sheets(done), self._sheets(total)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{done} / {total} {unit}").format(
            done=number(done), total=number(total), unit=self._unit))

    def _printer_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("ke printer: halaman {done} / {total}").format(
            done=number(done), total=number(total)))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("menyiapkan…"))
        for widget in (self.preview_button, self.save_button, self.print_button):
            widget.setEnabled(not busy and self.selected > 0)
        for widget in (self.unprinted, self.layout_combo):
            widget.setEnabled(not busy)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("severity", "error" if error else "ok")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self._say(self.tr("Dibatalkan; tidak ada yang dicatat."))
            self.failed.emit(self.message.text())
            return
        message = error_text(error)
        self._say(message, error=True)
        self.failed.emit(message)
