"""Klaim: the claims on this laptop, open ones first and the one waiting longest first, whom each waits
on, and their progress — papers ticked as seen, documents complete, and (the branch) submitted to BPJS,
paid with its amount and date, or refused with its reason; the claim pack printed for the heir. Every step
by keyboard: the list takes the arrows, Tab walks the papers (Space ticks), the state, amount, date and
reason, and Enter records."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import claims as rules
from desktop.domain import lifecycle
from desktop.domain.actors import Actor
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import format_date, format_rupiah, parse_date, parse_rupiah
from desktop.gui.i18n import error_text
from desktop.gui.privacy import save_path
from desktop.gui.worker import DbWorker
from desktop.services import claims, permissions
from desktop.services.workspace import Workspace

COLUMNS = (QT_TRANSLATE_NOOP("ClaimsWindow", "Klaim"), QT_TRANSLATE_NOOP("ClaimsWindow", "No. Registrasi"),
           QT_TRANSLATE_NOOP("ClaimsWindow", "Nama"), QT_TRANSLATE_NOOP("ClaimsWindow", "Kejadian"),
           QT_TRANSLATE_NOOP("ClaimsWindow", "Tanggal"), QT_TRANSLATE_NOOP("ClaimsWindow", "Status"),
           QT_TRANSLATE_NOOP("ClaimsWindow", "Menunggu"), QT_TRANSLATE_NOOP("ClaimsWindow", "Hak"),
           QT_TRANSLATE_NOOP("ClaimsWindow", "Menunggu siapa"))
NEXT_STATES = (lifecycle.DOCUMENTS_COMPLETE, lifecycle.CLAIM_SUBMITTED, lifecycle.CLAIM_PAID, lifecycle.CLAIM_REFUSED)


def _claims_text(text: str) -> str:
    return QCoreApplication.translate(rules.CONTEXT, text)


class ClaimsWindow(QDialog):
    loaded = Signal()           # the list is shown (tests wait on it)
    recorded = Signal(str)      # a claim was updated (its id)

    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.actor = ws, worker, actor
        self.views: list[claims.ClaimView] = []
        self.setWindowTitle(self.tr("Klaim JKK/JKM"))
        self.resize(1150, 620)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.open_only = QCheckBox(self.tr("Hanya yang belum selesai"), objectName="claimsOpenOnly", checked=True)
        self.open_only.toggled.connect(lambda _on: self.reload())
        top.addWidget(self.open_only)
        top.addStretch(1)
        self.status = QLabel(objectName="claimsStatus")
        top.addWidget(self.status)
        layout.addLayout(top)
        self.table = QTableWidget(0, len(COLUMNS), objectName="claimsTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 2)

        below = QHBoxLayout()
        self.why = QLabel(objectName="claimsWhy", wordWrap=True)
        self.why.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        below.addWidget(self.why, 2)
        papers = QVBoxLayout()
        papers.addWidget(QLabel(self.tr("Dokumen yang sudah dilihat (Spasi mencentang):")))
        self.documents = QListWidget(objectName="claimsDocuments")
        papers.addWidget(self.documents)
        below.addLayout(papers, 2)
        form = QFormLayout()
        self.state = QComboBox(objectName="claimsState")
        self.state.addItem(self.tr("(hanya dokumen)"), None)
        branch = permissions.may(actor, permissions.Action.ADMINISTER)
        for state in NEXT_STATES:
            if state == lifecycle.DOCUMENTS_COMPLETE or branch:     # the branch records the rest
                self.state.addItem(_claims_text(rules.STATE_LABELS[state]), state)
        self.amount = QLineEdit(objectName="claimsAmount", placeholderText=self.tr("mis. 42.000.000"))
        self.paid_on = QLineEdit(objectName="claimsDate", placeholderText=self.tr("HH-BB-TTTT"))
        self.reason = QLineEdit(objectName="claimsReason")
        form.addRow(self.tr("&Status baru:"), self.state)
        form.addRow(self.tr("&Jumlah dibayar:"), self.amount)
        form.addRow(self.tr("&Tanggal dibayar:"), self.paid_on)
        form.addRow(self.tr("A&lasan ditolak:"), self.reason)
        self.record_button = QPushButton(self.tr("&Catat"), objectName="claimsRecord", default=True, autoDefault=True)
        self.record_button.clicked.connect(self.record)
        self.pack_button = QPushButton(self.tr("Cetak &lembar klaim…"), objectName="claimsPack")
        self.pack_button.clicked.connect(self.print_pack)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.pack_button)
        form.addRow(buttons)
        self.message = QLabel(objectName="claimsMessage", wordWrap=True)
        form.addRow(self.message)
        below.addLayout(form, 2)
        layout.addLayout(below, 1)
        self.state.currentIndexChanged.connect(lambda _i: self._fields())
        self._fields()
        self.reload()

    # --- the list ---------------------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        self.worker.submit(claims.claims, self.ws, self.actor, self.open_only.isChecked(),
                           on_success=lambda views: self._show(views, keep),
                           on_failure=lambda e: self.status.setText(error_text(e)))

    def _show(self, views: list[claims.ClaimView], keep: str | None) -> None:
        self.views = views
        self.table.setRowCount(len(views))
        today = self.ws.today
        for row, v in enumerate(views):
            due = format_rupiah(v.judgement.amount) if v.judgement.amount is not None else (
                v.judgement.benefit or self.tr("tidak ada"))
            waited = self.tr("{days} hari").format(days=(today - v.state.since).days) if v.state.since else "-"
            values = (v.claim[:8], v.registration_no, v.full_name, _claims_text(rules.KIND_LABELS[v.state.incident.kind]),
                      format_date(v.state.incident.day), _claims_text(rules.STATE_LABELS[v.state.state]), waited, due,
                      _claims_text(v.waits_on) if v.waits_on else "")
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.status.setText(self.tr("{n} klaim").format(n=len(views)))
        chosen = next((i for i, v in enumerate(views) if v.claim == keep), 0)
        if views:
            self.table.selectRow(chosen)
        self._selected()            # the same row chosen again changes no selection: shown afresh
        self.loaded.emit()

    def current(self) -> claims.ClaimView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.views[rows[0].row()] if rows and rows[0].row() < len(self.views) else None

    def _selected(self) -> None:
        view = self.current()
        self.documents.clear()
        enabled = view is not None and view.state.open
        for widget in (self.documents, self.state, self.record_button):
            widget.setEnabled(enabled)
        self.pack_button.setEnabled(view is not None)
        if view is None:
            self.why.setText(self.tr("Belum ada klaim. Laporkan kejadian dari daftar peserta: pilih pesertanya, "
                                     "lalu Data → Laporkan kematian/kecelakaan… (Ctrl+Shift+M)."))
            return
        lines = [reason.message for reason in view.judgement.reasons]
        lines += [d.message for d in view.judgement.deadlines]
        lines += [self.tr("Perhatian: {text}").format(text=w.message) for w in view.judgement.warnings]
        if view.state.state == lifecycle.CLAIM_PAID:
            lines.append(self.tr("Dibayar {amount} pada {day}.").format(amount=format_rupiah(view.state.amount or 0),
                                                                       day=format_date(view.state.paid_on)))
        elif view.state.state == lifecycle.CLAIM_REFUSED:
            lines.append(self.tr("Ditolak: {reason}").format(reason=view.state.reason))
        self.why.setText("\n".join(lines))
        for document in view.checklist:
            item = QListWidgetItem(_claims_text(document.label) + (f" ({_claims_text(document.when)})" if document.when else ""))
            item.setData(Qt.ItemDataRole.UserRole, document.key)
            seen = document.key in view.state.documents
            item.setCheckState(Qt.CheckState.Checked if seen else Qt.CheckState.Unchecked)
            # a paper once seen stays seen (events are facts)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags if seen else flags | Qt.ItemFlag.ItemIsUserCheckable)
            self.documents.addItem(item)
        if self.documents.count():
            self.documents.setCurrentRow(0)

    def _fields(self) -> None:
        state = self.state.currentData()
        self.amount.setEnabled(state == lifecycle.CLAIM_PAID)
        self.paid_on.setEnabled(state == lifecycle.CLAIM_PAID)
        self.reason.setEnabled(state == lifecycle.CLAIM_REFUSED)

    # --- recording --------------------------------------------------------------------------------

    def record(self) -> None:
        view = self.current()
        if view is None or not view.state.open:
            return
        ticked = [self.documents.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.documents.count())
                  if self.documents.item(i).checkState() == Qt.CheckState.Checked
                  and self.documents.item(i).data(Qt.ItemDataRole.UserRole) not in view.state.documents]
        state = self.state.currentData()
        amount = paid_on = None
        if state == lifecycle.CLAIM_PAID:
            amount, paid_on = parse_rupiah(self.amount.text()), parse_date(self.paid_on.text())
            if amount is None or paid_on is None:
                self.message.setText(self.tr("Tulis jumlah yang dibayar (mis. 42.000.000) dan tanggalnya (HH-BB-TTTT)."))
                (self.amount if amount is None else self.paid_on).setFocus()
                return
        self.message.setText(self.tr("Mencatat…"))
        self.record_button.setEnabled(False)        # once: a second Enter waits for the first
        self.worker.submit(claims.update, self.ws, self.actor, view.claim, state, amount, paid_on,
                           self.reason.text() or None, ticked, changes="workers",
                           on_success=lambda updated: self._recorded(updated.claim),
                           on_failure=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.record_button.setEnabled(True)
        self.message.setText(error_text(error))

    def _recorded(self, claim: str) -> None:
        self.message.setText(self.tr("Tercatat."))
        for widget in (self.amount, self.paid_on, self.reason):
            widget.clear()
        self.state.setCurrentIndex(0)
        self.reload(keep=claim)
        self.recorded.emit(claim)

    def ask_pack_path(self, view: claims.ClaimView):
        return save_path(self, self.ws, self.tr("Simpan lembar klaim"), f"klaim-{view.registration_no}.pdf",
                         "PDF (*.pdf)")

    def print_pack(self) -> None:
        view = self.current()
        if view is None:
            return
        path = self.ask_pack_path(view)
        if path is None:
            return
        self.worker.submit(claims.pack, self.ws, self.actor, view.claim, path,
                           on_success=lambda _pages: self.message.setText(
                               self.tr("Lembar klaim ditulis ke {path}.").format(path=path)),
                           on_failure=lambda e: self.message.setText(error_text(e)))


def claims_action(window) -> QAction:
    """The main window's menu entry (Data → Klaim JKK/JKM…, Ctrl+Shift+K): opens the window."""
    action = QAction(QCoreApplication.translate("ClaimsWindow", "Klaim JKK/JKM…"), window,
                     shortcut=QKeySequence("Ctrl+Shift+K"))
    action.triggered.connect(lambda: window._open(ClaimsWindow(window.ws, window.worker, window.actor, window)))
    action.setVisible(permissions.may(window.actor, permissions.Action.EDIT))
    return action
