"""Conflicts and possible duplicates waiting at the hub, both versions side by side.

The coordinator clicks the value to keep in each row (or takes one side whole); the "Hasil" column
shows the record that will be stored. A conflict is settled with that result; a duplicate pair is
merged into the record whose registration number is kept, or closed as two different people.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QMessageBox, QPushButton, QSplitter, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.domain.enrollment import Occupation, Relationship, Sex, Status
from desktop.domain.text import format_date
from desktop.gui.i18n import error_text, label, number
from desktop.gui.widgets import SearchCombo
from desktop.gui.worker import NetworkCalls
from desktop.domain.actors import Actor
from desktop.services.workspace import Workspace
from desktop.sync import review
from desktop.sync.review import LEFT, RIGHT, ROWS, ReviewItem

DIFFERENT = QColor("#fff3c4")
CHOSEN = QColor("#d8f0d2")
LEFT_COLUMN, RIGHT_COLUMN, RESULT_COLUMN = 1, 2, 3


def _date(value: Any) -> str:
    try:
        return format_date(dt.date.fromisoformat(str(value)[:10])) if value else ""
    except ValueError:
        return str(value)


def _enum(kind, value: Any) -> str:
    member = kind.parse(value) if value else None
    return label(member.label) if member is not None else str(value or "")


class ReviewDialog(QDialog):
    settled = Signal()   # something changed at the hub: the window syncs to bring it here
    loaded = Signal()    # the list is on screen (tests wait on it)

    def __init__(self, ws: Workspace, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.actor = ws, actor
        self.items: list[ReviewItem] = []
        self.choices: dict[str, str] = {}
        self._message = ""
        self.calls = NetworkCalls(self)
        self.calls.busy_changed.connect(self._busy)
        self.setWindowTitle(self.tr("Tinjau konflik dan data ganda"))
        self._build()
        self.reload()

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel(objectName="reviewSummary")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        self.reload_button = QPushButton(self.tr("Muat ulang"), clicked=self.reload)
        top.addWidget(self.reload_button)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget(objectName="reviewList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        self.list.currentRowChanged.connect(self._show)
        splitter.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        self.heading = QLabel(objectName="reviewHeading")
        self.heading.setWordWrap(True)
        right_layout.addWidget(self.heading)
        self.hint = QLabel(self.tr("Klik nilai yang benar di kolom kiri atau kanan; baris kuning berbeda. "
                                   "Kolom Hasil menunjukkan data yang akan disimpan."))
        self.hint.setWordWrap(True)
        right_layout.addWidget(self.hint)
        self.table = QTableWidget(len(ROWS), 4, objectName="reviewTable")
        self.table.setHorizontalHeaderLabels([self.tr("Isian"), "", "", self.tr("Hasil")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (LEFT_COLUMN, RIGHT_COLUMN, RESULT_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.cellClicked.connect(self._clicked)
        right_layout.addWidget(self.table, 1)

        sides = QHBoxLayout()
        self.all_left = QPushButton(clicked=lambda: self._take_all(LEFT))
        self.all_right = QPushButton(clicked=lambda: self._take_all(RIGHT))
        sides.addWidget(self.all_left)
        sides.addWidget(self.all_right)
        sides.addStretch(1)
        right_layout.addLayout(sides)

        actions = QHBoxLayout()
        self.keep_label = QLabel(self.tr("No. Registrasi yang dipertahankan:"))
        self.keep = SearchCombo(objectName="reviewKeep")
        self.keep.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.keep.currentIndexChanged.connect(lambda _i: self._fill())
        actions.addWidget(self.keep_label)
        actions.addWidget(self.keep)
        actions.addStretch(1)
        self.dismiss_button = QPushButton(self.tr("Bukan orang yang sama"), objectName="reviewDismiss",
                                          clicked=self.dismiss)
        self.dismiss_button.setToolTip(self.tr("Tutup pasangan ini tanpa mengubah data (misalnya NIK salah satunya "
                                               "sudah diperbaiki)."))
        self.apply_button = QPushButton(objectName="reviewApply", clicked=self.apply)
        self.apply_button.setDefault(True)
        actions.addWidget(self.dismiss_button)
        actions.addWidget(self.apply_button)
        right_layout.addLayout(actions)
        splitter.addWidget(right)
        splitter.setSizes([300, 880])
        # Nothing to review (or not loaded yet): one sentence, not an empty grid headed 1 2 3 4.
        self.empty = QLabel(objectName="reviewEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setText(self.tr("Mengambil dari hub…"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(splitter)
        layout.addWidget(self.pages, 1)

        bottom = QHBoxLayout()
        self.status = QLabel(objectName="reviewStatus")
        bottom.addWidget(self.status, 1)
        bottom.addWidget(QPushButton(self.tr("Tutup"), clicked=self.accept))
        layout.addLayout(bottom)
        self._show(-1)

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        self.status.setText(self.tr("Mengambil dari hub…"))
        self.calls.submit(review.load_review, self.ws, self.actor, on_success=self._loaded, on_failure=self._failed)

    def _loaded(self, found: review.Review) -> None:
        self.items = found.items
        locale = QLocale()
        if self.items:
            self.summary.setText(self.tr("{conflicts} konflik dan {duplicates} kemungkinan data ganda menunggu di hub; "
                                         "{mine} dapat Anda selesaikan.").format(
                conflicts=locale.toString(found.open_conflicts), duplicates=locale.toString(found.open_duplicates),
                mine=locale.toString(len(self.items))))
        else:
            self.summary.setText(self.tr("Tidak ada konflik atau data ganda yang perlu Anda tinjau."))
            self.empty.setText(self.tr("Tidak ada yang perlu ditinjau: semua konflik dan data ganda yang dapat Anda "
                                       "selesaikan sudah selesai."))
        self.pages.setCurrentWidget(self.pages.widget(1) if self.items else self.empty)
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.items:
            self.list.addItem(QListWidgetItem(self._title(item)))
        self.list.blockSignals(False)
        self.status.setText(self._message)
        self._message = ""
        self.list.setCurrentRow(0 if self.items else -1)
        self._show(self.list.currentRow())
        self.loaded.emit()

    def _title(self, item: ReviewItem) -> str:
        if item.kind == "conflict":
            return self.tr("Konflik: {name}\n{regno} · diubah juga di {device}").format(
                name=item.left["full_name"], regno=item.left["registration_no"], device=item.source)
        return self.tr("Data ganda: {a} / {b}\nNIK {nik}").format(
            a=item.left["full_name"], b=item.right["full_name"], nik=item.left["nik"][:6] + "…" + item.left["nik"][-4:])

    # ------------------------------------------------------------------ one item
    @property
    def current(self) -> ReviewItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show(self, _row: int) -> None:
        item = self.current
        for widget in (self.table, self.all_left, self.all_right, self.apply_button, self.dismiss_button, self.hint):
            widget.setEnabled(item is not None)
        duplicate = item is not None and item.kind == "duplicate"
        for widget in (self.keep_label, self.keep, self.dismiss_button):
            widget.setVisible(duplicate)
        if item is None:
            self.heading.setText("")
            self.table.clearContents()
            self.apply_button.setText(self.tr("Simpan hasil"))
            self.all_left.setText(self.tr("Semua dari kiri"))
            self.all_right.setText(self.tr("Semua dari kanan"))
            return
        if item.kind == "conflict":
            left, right = self.tr("Versi di hub"), self.tr("Versi dari {device}").format(device=item.source)
            self.heading.setText(self.tr("<b>{name}</b> ({regno}) diubah di dua tempat sekaligus. Pilih isian yang "
                                         "benar.").format(name=item.left["full_name"],
                                                          regno=item.left["registration_no"]))
            self.apply_button.setText(self.tr("Simpan hasil"))
        else:
            left = self.tr("Data {regno}").format(regno=item.left["registration_no"])
            right = self.tr("Data {regno}").format(regno=item.right["registration_no"])
            self.heading.setText(self.tr("NIK yang sama didaftarkan dua kali. Jika orangnya sama, gabungkan: satu "
                                         "data dipertahankan dengan isian pilihan Anda, yang lain dihapus."))
            self.apply_button.setText(self.tr("Gabungkan"))
            self.keep.clear()
            for record in (item.left, item.right):
                self.keep.addItem(f"{record['registration_no']} — {record['full_name']}", record["id"])
        self.all_left.setText(self.tr("Semua dari kiri"))
        self.all_right.setText(self.tr("Semua dari kanan"))
        self.table.setHorizontalHeaderLabels([self.tr("Isian"), left, right, self.tr("Hasil")])
        self.choices = {}
        self._fill()

    def _text(self, key: str, record: dict[str, Any]) -> str:
        get, regions = record.get, self.ws.regions
        if key == "birth_date":
            return _date(get("birth_date"))
        if key == "sex":
            return _enum(Sex, get("sex"))
        if key == "region":
            return ", ".join(n for n in (regions.name(get("desa_code")), regions.name(get("kecamatan_code")),
                                         regions.name(get("kabupaten_code"))) if n)
        if key == "occupation":
            text = _enum(Occupation, get("occupation"))
            return f"{text} ({get('occupation_other')})" if get("occupation_other") else text
        if key == "monthly_income":
            income = get("monthly_income")
            return "" if income is None else "Rp " + number(income)
        if key == "heir_relationship":
            return _enum(Relationship, get("heir_relationship"))
        if key == "school":
            parts = [get("school_npsn") or "", get("pupil_name") or "", get("pupil_class") or ""]
            return " · ".join(p for p in parts if p) or "—"
        if key == "coverage":
            return f"{_date(get('coverage_start'))} – {_date(get('coverage_end'))}"
        if key == "status":
            text = _enum(Status, get("status"))
            return f"{text}: {get('deleted_reason')}" if get("deleted_reason") else text
        return str(get(key) or "—")

    def _fill(self) -> None:
        item = self.current
        if item is None:
            return
        differing = set(item.differing())
        base = self._base()
        bold = QFont(self.font())
        bold.setBold(True)
        result = review.combined(item, self.choices, base)
        for row, (key, name, _fields) in enumerate(ROWS):
            chosen = self.choices.get(key, base)
            cells = [QCoreApplication.translate("Fields", name), self._text(key, item.left),
                     self._text(key, item.right), self._text(key, result)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if key in differing:
                    cell.setFont(bold)
                    if column in (LEFT_COLUMN, RIGHT_COLUMN):
                        side = LEFT if column == LEFT_COLUMN else RIGHT
                        cell.setBackground(QBrush(CHOSEN if side == chosen else DIFFERENT))
                        if side == chosen:
                            cell.setText("✓ " + text)
                self.table.setItem(row, column, cell)

    def _base(self) -> str:
        """The side rows not chosen come from: for a merge, the record kept; for a conflict, the hub."""
        item = self.current
        if item is not None and item.kind == "duplicate" and self.keep.currentData() == item.right["id"]:
            return RIGHT
        return LEFT

    def _clicked(self, row: int, column: int) -> None:
        if column in (LEFT_COLUMN, RIGHT_COLUMN) and self.current is not None:
            self.choices[ROWS[row][0]] = LEFT if column == LEFT_COLUMN else RIGHT
            self._fill()

    def _take_all(self, side: str) -> None:
        self.choices = {key: side for key, _n, _f in ROWS}
        self._fill()

    # ------------------------------------------------------------------ settling
    def apply(self) -> None:
        item = self.current
        if item is None:
            return
        record = review.combined(item, self.choices, self._base())
        if item.kind == "conflict":
            self.calls.submit(review.resolve_conflict, self.ws, self.actor, item, record,
                              on_success=lambda _r: self._done(self.tr("Konflik diselesaikan.")),
                              on_failure=self._failed)
            return
        keep = self.keep.currentData()
        kept = item.left if keep == item.left["id"] else item.right
        gone = item.right if kept is item.left else item.left
        answer = QMessageBox.question(self, self.tr("Gabungkan data"), self.tr(
            "Pertahankan {kept} dan hapus {gone}? Kartu dengan nomor {gone} tidak berlaku lagi.").format(
            kept=kept["registration_no"], gone=gone["registration_no"]))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.calls.submit(review.merge_duplicate, self.ws, self.actor, item, keep, record,
                          on_success=lambda _r: self._done(self.tr("Data digabungkan.")),
                          on_failure=self._failed)

    def dismiss(self) -> None:
        item = self.current
        if item is not None and item.kind == "duplicate":
            self.calls.submit(review.dismiss_duplicate, self.ws, self.actor, item,
                              on_success=lambda _r: self._done(self.tr("Pasangan ditutup.")),
                              on_failure=self._failed)

    def _done(self, message: str) -> None:
        self.settled.emit()
        self._message = message
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        if not self.items:
            self.empty.setText(error_text(error))

    def _busy(self, busy: bool) -> None:
        for widget in (self.apply_button, self.dismiss_button, self.reload_button):
            widget.setEnabled(not busy and (widget is self.reload_button or self.current is not None))
