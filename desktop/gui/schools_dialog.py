"""Schools whose pupils' parents are enrolled: the list, a new school, a correction (admins)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.gui.i18n import error_text
from desktop.gui.widgets import SearchCombo
from desktop.gui.worker import DbWorker
from desktop.services import schools
from desktop.domain.actors import Actor
from desktop.domain.records import SchoolInfo
from desktop.services.workspace import Workspace


class SchoolsDialog(QDialog):
    loaded = Signal(list)     # SchoolInfo on screen
    saved = Signal(object)    # SchoolInfo added or changed

    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.actor = ws, worker, actor
        self.items: list[SchoolInfo] = []
        self.editing: SchoolInfo | None = None
        self.setWindowTitle(self.tr("Sekolah"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5, objectName="schoolTable")
        self.table.setHorizontalHeaderLabels([self.tr("NPSN"), self.tr("Nama sekolah"), self.tr("Jenjang"),
                                              self.tr("Kabupaten/Kota"), self.tr("Koordinator")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)

        self.heading = QLabel(objectName="schoolHeading")
        layout.addWidget(self.heading)
        form = QFormLayout()
        self.npsn = QLineEdit(objectName="schoolNpsn")
        self.npsn.setMaxLength(8)
        self.npsn.setPlaceholderText(self.tr("8 digit"))
        self.name = QLineEdit(objectName="schoolName")
        self.level = SearchCombo(objectName="schoolLevel")
        for level in schools.LEVELS:
            self.level.addItem(level, level)
        self.kabupaten = SearchCombo(objectName="schoolKabupaten", hint=self.tr("ketik untuk mencari, atau ↓"))
        self.kabupaten.addItem(self.tr("— pilih —"), "")
        self.kabupaten.add_kabupaten(ws.regions.kabupaten())
        self.coordinator = QLineEdit(objectName="schoolCoordinator")
        self.coordinator.setPlaceholderText(self.tr("nama koordinator sekolah, boleh kosong"))
        form.addRow(self.tr("NPSN"), self.npsn)
        form.addRow(self.tr("Nama sekolah"), self.name)
        form.addRow(self.tr("Jenjang"), self.level)
        form.addRow(self.tr("Kabupaten/Kota"), self.kabupaten)
        form.addRow(self.tr("Koordinator"), self.coordinator)
        layout.addLayout(form)
        self.message = QLabel(objectName="formMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Sekolah baru"), clicked=self.start_new)
        self.save_button = QPushButton(objectName="saveButton", clicked=self.save)
        close = QPushButton(self.tr("Tutup"), clicked=self.accept)
        for button in (self.new_button, self.save_button, close):
            button.setAutoDefault(False)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.start_new()
        self.reload()

    def reload(self) -> None:
        self.worker.submit(schools.list_schools, self.ws, on_success=self._loaded, on_failure=self._failed)

    def _loaded(self, items: list[SchoolInfo]) -> None:
        self.items = items
        self.table.blockSignals(True)
        self.table.setRowCount(len(items))
        for row, info in enumerate(items):
            values = (info.npsn, info.name, info.level, self.ws.regions.name(info.kabupaten_code), info.coordinator)
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.blockSignals(False)
        if self.editing is not None:
            row = next((i for i, s in enumerate(items) if s.npsn == self.editing.npsn), -1)
            if row >= 0:
                self.table.selectRow(row)
        self.loaded.emit(items)

    def start_new(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.heading.setText(self.tr("<b>Sekolah baru</b>"))
        self.save_button.setText(self.tr("Tambah sekolah"))
        self.npsn.setReadOnly(False)
        for edit in (self.npsn, self.name, self.coordinator):
            edit.clear()
        self.level.setCurrentIndex(0)
        self.kabupaten.select_data("")
        self.npsn.setFocus()

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        info = self.items[rows[0].row()]
        self.editing = info
        self.heading.setText(self.tr("<b>Ubah {name}</b> (NPSN tetap)").format(name=info.name))
        self.save_button.setText(self.tr("Simpan perubahan"))
        self.npsn.setText(info.npsn)
        self.npsn.setReadOnly(True)
        self.name.setText(info.name)
        self.level.setCurrentIndex(max(self.level.findData(info.level), 0))
        self.kabupaten.select_data(info.kabupaten_code)
        self.coordinator.setText(info.coordinator)

    def save(self) -> None:
        self.kabupaten.settle()
        args = (self.npsn.text(), self.name.text(), self.level.currentData(), self.kabupaten.currentData() or "",
                self.coordinator.text())
        if self.editing is None:
            self.worker.submit(schools.add_school, self.ws, *args, actor=self.actor, on_success=self._saved,
                               on_failure=self._failed, changes="schools")
        else:
            self.worker.submit(schools.update_school, self.ws, *args, self.actor, on_success=self._saved,
                               on_failure=self._failed, changes="schools")

    def _saved(self, info: SchoolInfo) -> None:
        added = self.editing is None
        self.editing = info
        text = self.tr("Sekolah {name} (NPSN {npsn}) ditambahkan.") if added else \
            self.tr("Sekolah {name} (NPSN {npsn}) diubah.")
        self._say(text.format(name=info.name, npsn=info.npsn))
        self.saved.emit(info)
        self.reload()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("severity", "error" if error else "ok")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _failed(self, error: BaseException) -> None:
        self._say(error_text(error), error=True)
