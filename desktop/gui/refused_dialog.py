"""Changes the hub refused (for instance an edit beyond this laptop's role): each with the hub's
reason, and a way out — drop the change and take the hub's version — so nothing waits forever."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.i18n import error_text, number
from desktop.gui.worker import NetworkCalls
from desktop.services.workspace import Workspace
from desktop.sync import client


class RefusedDialog(QDialog):
    dropped = Signal()    # a record took the hub's version: the list refreshes
    loaded = Signal()     # the table is on screen (tests wait on it)

    def __init__(self, ws: Workspace, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.actor = ws, actor
        self.changes: list[client.RefusedChange] = []
        self._note = ""       # what the last drop did, shown with the list that follows it
        self.calls = NetworkCalls(self)   # reading is local, dropping asks the hub: both off the GUI thread
        self.setWindowTitle(self.tr("Perubahan yang ditolak hub"))
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Hub menolak perubahan berikut dan menyebut alasannya. Perubahan itu tetap di laptop ini dan "
            "menunggu. Bila hub benar (misalnya data itu bukan wewenang laptop ini), batalkan perubahannya: "
            "data kembali ke versi hub."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 2, objectName="refusedTable")
        self.table.setHorizontalHeaderLabels([self.tr("No. Registrasi"), self.tr("Alasan hub")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.status = QLabel(objectName="refusedStatus")
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.drop_button = QPushButton(self.tr("Batalkan perubahan (pakai versi hub)"), clicked=self.drop,
                                       autoDefault=True)
        self.drop_button.setEnabled(False)
        bottom.addWidget(self.drop_button)
        bottom.addWidget(QPushButton(self.tr("Tutup"), clicked=self.accept))
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        self.calls.submit(client.refused_changes, self.ws, on_success=self._loaded, on_failure=self._failed)

    def _loaded(self, changes: list[client.RefusedChange]) -> None:
        self.changes = changes
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            self.table.setItem(row, 0, QTableWidgetItem(change.registration_no))
            self.table.setItem(row, 1, QTableWidgetItem(change.reason))
        self.table.resizeRowsToContents()
        if changes:                     # the first one chosen: Tab, Enter drops it without the mouse
            self.table.selectRow(0)
            self.table.setFocus()
        summary = (self.tr("Tidak ada perubahan yang ditolak hub.") if not changes
                   else self.tr("{count} perubahan ditolak hub.").format(count=number(len(changes))))
        self.status.setText(" ".join(filter(None, (self._note, summary))))
        self._note = ""
        self._selected()
        self.loaded.emit()

    def _current(self) -> client.RefusedChange | None:
        rows = self.table.selectionModel().selectedRows()
        return self.changes[rows[0].row()] if rows else None

    def _selected(self) -> None:
        change = self._current()
        self.drop_button.setEnabled(change is not None and change.on_hub and not self.calls.busy)
        if change is not None and not change.on_hub:
            self.status.setText(self.tr("Data ini belum ada di hub: perbaiki datanya, lalu sinkronkan lagi."))

    def drop(self) -> None:
        change = self._current()
        if change is None or not change.on_hub:
            return
        self.drop_button.setEnabled(False)
        self.status.setText(self.tr("Mengambil versi hub…"))
        self.calls.submit(client.drop_refused_change, self.ws, change.id, self.actor,
                          on_success=lambda _r: self._dropped(change), on_failure=self._failed)

    def _dropped(self, change: client.RefusedChange) -> None:
        self._note = self.tr("{regno}: perubahan dibatalkan, versi hub dipakai.").format(regno=change.registration_no)
        self.dropped.emit()
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        self._selected()
