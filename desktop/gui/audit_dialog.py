"""The admin's view of the audit log: who did what and when, newest first, and whether the hash chain
still holds (an entry changed or removed afterwards is named in red)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.contributions import Fund
from desktop.domain.labels import CONTEXT as FIELDS_CONTEXT
from desktop.domain.labels import FIELD_LABELS
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.gui.i18n import error_text, label, number
from desktop.gui.widgets import SearchCombo
from desktop.gui.worker import DbWorker
from desktop.services import audit
from desktop.domain.actors import Actor
from desktop.services.workspace import Workspace

COLUMNS = (QT_TRANSLATE_NOOP("AuditDialog", "Waktu"), QT_TRANSLATE_NOOP("AuditDialog", "Pengguna"),
           QT_TRANSLATE_NOOP("AuditDialog", "Tindakan"), QT_TRANSLATE_NOOP("AuditDialog", "Tentang"),
           QT_TRANSLATE_NOOP("AuditDialog", "Rincian"))


def _local(at: str) -> str:
    moment = dt.datetime.fromisoformat(at.rstrip("Z")).replace(tzinfo=dt.UTC).astimezone()
    return moment.strftime("%d-%m-%Y %H:%M:%S")


def _shown_values(details: dict) -> dict:
    """Counts and rupiah grouped as the window writes them (20.000), a fund by its label."""
    shown = {}
    for key, value in details.items():
        if isinstance(value, int) and not isinstance(value, bool) and key not in ("answer", "batch"):
            value = number(value)
        elif key == "fund" and value in {f.value for f in Fund}:
            value = label(Fund(value).label)
        shown[key] = value
    return shown


def _label(key: str) -> str:
    if key in audit.DETAIL_LABELS:
        return QCoreApplication.translate("Audit", audit.DETAIL_LABELS[key])
    if key in FIELD_LABELS:
        return QCoreApplication.translate(FIELDS_CONTEXT, FIELD_LABELS[key])
    return key


class AuditDialog(QDialog):
    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.actor = ws, worker, actor
        self.view: audit.AuditView | None = None
        self.setWindowTitle(self.tr("Catatan audit"))
        self.resize(1100, 560)
        layout = QVBoxLayout(self)
        self.verdict = QLabel(self.tr("Memeriksa rantai hash…"), objectName="auditVerdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Tindakan:")))
        self.action_filter = SearchCombo(objectName="auditAction", hint=self.tr("Semua"))
        self.action_filter.addItem(self.tr("Semua"), None)
        for action in audit.ACTIONS:
            self.action_filter.addItem(QCoreApplication.translate("Audit", audit.ACTION_LABELS[action]), action)
        self.action_filter.currentIndexChanged.connect(lambda _i: self.reload())
        top.addWidget(self.action_filter)
        top.addStretch(1)
        layout.addLayout(top)
        self.table = QTableWidget(0, len(COLUMNS), objectName="auditTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.note = QLabel(self.tr("Isi data pribadi tidak dicatat di sini: perubahan nama, NIK, alamat dan "
                                   "telepon hanya disebut sebagai (diubah). Catatan ikut dikirim ke hub saat "
                                   "sinkronisasi."))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.worker.submit(audit.audit_view, self.ws, self.actor, 1000, self.action_filter.currentData(),
                           on_success=self._show, on_failure=lambda e: self.verdict.setText(error_text(e)))

    def _show(self, view: audit.AuditView) -> None:
        self.view = view
        verdict = view.verdict
        if verdict.intact:
            self.verdict.setStyleSheet("color: #1b5e20;")
            self.verdict.setText(self.tr("Rantai hash utuh: {count} catatan, tidak ada yang diubah atau dihapus.")
                                 .format(count=number(verdict.entries)))
        else:
            self.verdict.setStyleSheet("color: #b71c1c; font-weight: bold;")
            self.verdict.setText(self.tr("PERINGATAN: catatan #{id} telah diubah, dihapus atau dipindah sesudah "
                                         "ditulis. Laporkan ke admin cabang.").format(id=verdict.first_broken))
        self.table.setRowCount(len(view.entries))
        for row, e in enumerate(view.entries):
            values = (_local(e.at), e.actor, QCoreApplication.translate("Audit", audit.ACTION_LABELS[e.action]),
                      e.subject, audit.describe(_shown_values(e.details), label=_label, words=label))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, e.id)
                self.table.setItem(row, column, item)
