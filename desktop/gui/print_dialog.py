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

from desktop.gui.i18n import error_text
from desktop.gui.worker import DbWorker, ProgressRelay
from desktop.services import cards
from desktop.services.accounts import Actor
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


class PrintDialog(QDialog):
    counted = Signal(int, int)          # selected, already printed
    preview_ready = Signal(int)         # pages in the preview
    saved = Signal(object)              # cards.PrintResult (logged)
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
        self.setWindowTitle(self.tr("Cetak kartu peserta"))
        self.resize(1100, 700)
        self._build()
        self.finished.connect(lambda _r: self._scratch.cleanup())
        self.recount()

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        side = QVBoxLayout()
        form = QFormLayout()
        self.unprinted = QCheckBox(self.tr("Hanya yang belum pernah dicetak"), objectName="unprinted")
        self.unprinted.setChecked(True)
        self.unprinted.toggled.connect(lambda _c: self.recount())
        form.addRow(self.unprinted)
        self.layout_combo = QComboBox(objectName="layout")
        self.layout_combo.addItem(self.tr("A4, 10 kartu per lembar (tanda potong)"), "a4")
        self.layout_combo.addItem(self.tr("Satu kartu per halaman (printer kartu)"), "card")
        form.addRow(self.tr("Tata letak"), self.layout_combo)
        self.reason = QLineEdit(objectName="reprintReason")
        self.reason.setPlaceholderText(self.tr("wajib bila mencetak ulang, mis. kartu hilang"))
        form.addRow(self.tr("Alasan cetak ulang"), self.reason)
        side.addLayout(form)
        self.count_label = QLabel(objectName="printCount")
        self.count_label.setWordWrap(True)
        side.addWidget(self.count_label)
        self.message = QLabel(objectName="formError")
        self.message.setWordWrap(True)
        side.addWidget(self.message)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Batal"), clicked=self.cancel)
        side.addWidget(self.progress)
        side.addWidget(self.cancel_button)
        side.addStretch(1)
        self.preview_button = QPushButton(self.tr("Pratinjau"), clicked=self.preview)
        self.save_button = QPushButton(self.tr("Simpan PDF…"), clicked=self.save_pdf)
        self.print_button = QPushButton(self.tr("Cetak…"), objectName="saveButton", clicked=self.print_cards)
        close = QPushButton(self.tr("Tutup"), clicked=self.reject)
        for button in (self.preview_button, self.save_button, self.print_button, close):
            side.addWidget(button)
        holder = QWidget()
        holder.setLayout(side)
        holder.setFixedWidth(330)
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
        self.worker.submit(cards.count_selected, self.ws, self.query(), on_success=self._counted,
                           on_failure=self._failed)

    def _counted(self, counts: tuple[int, int]) -> None:
        self.selected, self.already_printed = counts
        text = self.tr("{count} kartu dipilih.").format(count=self.selected)
        if self.already_printed:
            text += " " + self.tr("{count} di antaranya sudah pernah dicetak: isi alasan cetak ulang.").format(
                count=self.already_printed)
        self.count_label.setText(text)
        self.reason.setEnabled(self.already_printed > 0)
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setEnabled(self.selected > 0)
        self.counted.emit(self.selected, self.already_printed)

    # ------------------------------------------------------------------ actions
    def preview(self) -> None:
        path = Path(self._scratch.name) / "pratinjau.pdf"
        self._run(path, record=False, then=self._show_preview)

    def save_pdf(self) -> None:
        from desktop.gui.privacy import save_path

        path = save_path(self, self.ws, self.tr("Simpan kartu sebagai PDF"), "kartu-peserta.pdf", "PDF (*.pdf)")
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> None:
        self._run(path, record=True, then=lambda result: self._logged(result))

    def print_cards(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Write the logged PDF, then send its pages to ``printer``."""
        path = Path(self._scratch.name) / "cetak.pdf"
        self._run(path, record=True, then=lambda result: (self._send(path, printer), self._logged(result)))

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _run(self, path: Path, record: bool, then) -> None:
        self.message.clear()
        reason = self.reason.text().strip() or None
        if record and self.already_printed and not reason:
            self.message.setText(self.tr("Isi alasan cetak ulang: {count} kartu sudah pernah dicetak.").format(
                count=self.already_printed))
            self.reason.setFocus()
            return
        self._cancel = threading.Event()
        self._set_busy(True)
        cancel = self._cancel
        self.worker.submit(cards.print_cards, self.ws, self.query(), path, self.layout_combo.currentData(),
                           self.actor, reprint_reason=reason, workers=1, record=record,
                           progress=self._relay.progressed.emit, cancelled=cancel.is_set,
                           changes="workers" if record else None,
                           on_success=lambda result: (self._set_busy(False), then(result)),
                           on_failure=lambda error: (self._set_busy(False), self._failed(error)))

    def _show_preview(self, result: cards.PrintResult) -> None:
        self.document.load(str(result.path))
        self.preview_ready.emit(self.document.pageCount())

    def _logged(self, result: cards.PrintResult) -> None:
        self.message.setText(self.tr("{count} kartu dicatat sebagai dicetak ({path}).").format(
            count=result.count, path=result.path.name))
        self.saved.emit(result)
        self.recount()

    def _send(self, path: Path, printer: QPrinter) -> None:
        """Hand the pages to the printer on a thread of their own: a large batch takes minutes and
        must neither freeze the window nor hold up the database worker."""
        self._job = _PrintJob(path, printer)
        self._job.signals.progressed.connect(self._progress)
        self._job.signals.finished.connect(self._sent)
        self.progress.setVisible(True)
        QThreadPool.globalInstance().start(self._job)

    def _sent(self, error: str) -> None:
        self.progress.setVisible(False)
        if error:
            self.message.setText(error)
            self.failed.emit(error)
        self.sent.emit(error)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        for widget in (self.preview_button, self.save_button, self.print_button, self.unprinted,
                       self.layout_combo):
            widget.setEnabled(not busy and (self.selected > 0 or widget in (self.unprinted, self.layout_combo)))

    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        self.message.setText(message)
        self.failed.emit(message)
        if isinstance(error, Cancelled):
            self.message.setText(self.tr("Dibatalkan; tidak ada yang dicatat."))
