"""Import a school's parent list: choose the file and school, map columns, preview, correct, commit.

All reading, checking and saving runs on the database worker; the window shows progress and can
cancel. The rows appear in the preview as they are checked, a chunk at a time, with the count so far. Nothing is saved until the coordinator presses the commit button, and the commit is one
transaction.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QDialog, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QProgressBar, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from desktop.domain.importing import HEADERS, IMPORT_FIELDS, REQUIRED_FIELDS
from desktop.domain.enrollment import Occupation, Relationship, Sex
from desktop.domain.phone import display_phone
from desktop.domain.text import format_date
from desktop.gui.cell_sizes import CellSizer
from desktop.gui.files import choose_open, choose_save
from desktop.gui.i18n import error_text, label, number, problem_text
from desktop.gui.widgets import SearchCombo
from desktop.gui.worker import DbWorker, ProgressRelay
from desktop.services import importing
from desktop.domain.actors import Actor
from desktop.services.errors import CONTEXT as SERVICE_CONTEXT
from desktop.services.importing import (
    DUPLICATE, ERROR, NOT_ELIGIBLE, SKIPPED, VALID, WARNING, ImportPreview, SchoolNeeded,
)
from desktop.domain.records import SchoolInfo
from desktop.services.spreadsheets import Cancelled
from desktop.services.workspace import Workspace

FILE_FILTER = "Lembar kerja (*.xlsx *.xls *.ods *.csv)"
_STATUS_COLOURS = {VALID: "#e8f5ec", WARNING: "#fff4d6", ERROR: "#fde8e6", DUPLICATE: "#eceff6",
                   NOT_ELIGIBLE: "#efe8f5", SKIPPED: "#f0f0f0"}


_SIZED_ROWS = 50   # the first rows a column is sized on (all 10,000 would hold up the window)


class PreviewModel(QAbstractTableModel):
    """Rows of the preview: row number, status, reasons, then the mapped columns (editable); only the rows
    of the statuses wanted (``set_wanted``), in file order.

    The filter is the model's own rather than a QSortFilterProxyModel's, and ``index`` is answered here:
    each cell the view paints is then one call into Python per role, not four (the proxy's mapping and
    the base class's bounds check ask ``rowCount`` and ``columnCount`` again). While the worker thread
    checks the rest of a file, every such call waits for the interpreter: see benchmarks/NOTES.md."""

    cell_edited = Signal(int, str, str, str)   # spreadsheet row number, person ("" or ayah/ibu/wali), field, text

    def __init__(self, parent: QObject | None = None, regions=None):
        super().__init__(parent)
        self.regions = regions
        self.preview: ImportPreview | None = None
        self.fields: list[str] = []
        self.editable = True      # not while rows are being checked: the preview is not final yet
        self.wanted: set[str] | None = None    # the statuses shown; None: every row
        self._shown: list[int] = []            # with a filter: the preview's row indexes shown, in order
        self._rows, self._columns = 0, 0
        self._status_text = {VALID: self.tr("Valid"), WARNING: self.tr("Peringatan"), ERROR: self.tr("Ditolak"),
                             DUPLICATE: self.tr("Ganda"), NOT_ELIGIBLE: self.tr("Tidak memenuhi syarat"),
                             SKIPPED: self.tr("Dilewati")}

    def _matching(self, rows, start: int = 0) -> list[int]:
        wanted = self.wanted
        return [i for i in range(start, len(rows)) if rows[i].status in wanted]

    def _count(self) -> None:
        if self.preview is None:
            self._rows, self._columns = 0, 0
        else:
            self._rows = len(self._shown) if self.wanted is not None else len(self.preview.rows)
            self._columns = 3 + len(self.fields)

    def set_wanted(self, wanted: set[str] | None) -> None:
        self.beginResetModel()
        self.wanted = wanted
        self._shown = self._matching(self.preview.rows) if wanted is not None and self.preview is not None else []
        self._count()
        self.endResetModel()

    def set_preview(self, preview: ImportPreview) -> None:
        self.beginResetModel()
        self.preview = preview
        self.fields = preview.fields
        self._shown = self._matching(preview.rows) if self.wanted is not None else []
        self._count()
        self.endResetModel()

    def replace_preview(self, preview: ImportPreview) -> None:
        """Same rows, new content (after a correction, after saving): the rows that changed are refreshed,
        the scroll position kept."""
        old = self.preview
        if old is None or len(preview.rows) != len(old.rows) or preview.fields != self.fields:
            self.set_preview(preview)
            return
        changed = [i for i, (before, after) in enumerate(zip(old.rows, preview.rows)) if before is not after]
        if self.wanted is not None and any((old.rows[i].status in self.wanted) != (preview.rows[i].status in self.wanted)
                                           for i in changed):
            self.set_preview(preview)   # a row comes into or goes out of the filter
            return
        self.preview = preview
        lines = [line for line in map(self.view_row, changed) if line >= 0]   # those on the table
        if lines:
            self.dataChanged.emit(self.index(lines[0], 0), self.index(lines[-1], self._columns - 1))

    def grow(self, preview: ImportPreview) -> None:
        """The same file's preview with more rows checked (the rows before stay as they were): the new
        rows are added at the end, the rest of the table left alone."""
        old = 0 if self.preview is None else len(self.preview.rows)
        if self.preview is None or preview.fields != self.fields or len(preview.rows) < old:
            self.set_preview(preview)
            return
        added = self._matching(preview.rows, old) if self.wanted is not None else range(old, len(preview.rows))
        self.preview = preview
        if not added:
            return
        self.beginInsertRows(QModelIndex(), self._rows, self._rows + len(added) - 1)
        if self.wanted is not None:
            self._shown += added
        self._count()
        self.endInsertRows()

    def set_preview_empty(self) -> None:
        self.beginResetModel()
        self.preview = None
        self.fields = []
        self._shown = []
        self._count()
        self.endResetModel()

    def row_at(self, view_row: int):
        """The preview's row on line ``view_row`` of the table."""
        return self.preview.rows[self._shown[view_row] if self.wanted is not None else view_row]

    def view_row(self, row_index: int) -> int:
        """The line of the table showing the preview's row ``row_index``; -1 when filtered out."""
        if self.wanted is None:
            return row_index
        found = bisect.bisect_left(self._shown, row_index)
        return found if found < len(self._shown) and self._shown[found] == row_index else -1

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        if parent.isValid() or not (0 <= row < self._rows and 0 <= column < self._columns):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._columns

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < 3:
            return (self.tr("Baris"), self.tr("Status"), self.tr("Keterangan"))[section]
        field = self.fields[section - 3]
        return self.tr("Sekolah") if field == "school" else HEADERS[field]

    def row_reasons(self, row) -> str:
        return " ".join(importing.row_reasons(row, problem_text))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.preview is None:
            return None
        row = self.row_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self.display(row, column) if column < 3 else row.text(self.fields[column - 3])
        if role == Qt.ItemDataRole.BackgroundRole and column in (1, 2):
            return QBrush(QColor(_STATUS_COLOURS[row.status]))
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return "\n".join(importing.row_reasons(row, problem_text)) or None
        if role == Qt.ItemDataRole.ToolTipRole and column >= 3:
            read = self.read_as(row, self.fields[column - 3])
            if read is not None:
                return self.tr("Tertulis: {typed}\nDibaca: {read}").format(typed=row.text(self.fields[column - 3]),
                                                                         read=read)
        if role == Qt.ItemDataRole.UserRole:
            return row.status
        return None

    def display(self, row, column: int) -> int | str:
        """What a cell shows: a cell of the file as typed, with how it was read when that differs."""
        if column == 0:
            return row.number
        if column == 1:
            return self._status_text[row.status]
        if column == 2:
            return self.row_reasons(row)
        field = self.fields[column - 3]
        typed = row.text(field)
        read = self.read_as(row, field)
        if field == "sex" and typed.strip().upper() in ("L", "P"):
            read = None        # the column's own letters: nothing to explain
        if read is not None and _plain(read) != _plain(typed):
            return f"{typed} → {read}" if typed else f"→ {read}"
        return typed

    def read_as(self, row, field: str) -> str | None:
        """How the import read a cell (a checked row's value, as the window writes it), or None."""
        e = row.enrollment
        if e is None:
            return None
        regions = self.regions
        if field in ("desa", "kecamatan", "kabupaten"):
            code = getattr(e, f"{field}_code")
            return regions.name(code) if regions is not None and code else None
        if field == "birth_date":
            return format_date(e.birth_date)
        if field == "sex":
            member = Sex.parse(e.sex)
            return label(member.label) if member else e.sex
        if field == "occupation":
            member = Occupation.parse(e.occupation)
            text = label(member.label) if member else e.occupation
            return f"{text} ({e.occupation_other})" if e.occupation_other else text
        if field == "heir_relationship":
            member = Relationship.parse(e.heir_relationship)
            return label(member.label) if member else e.heir_relationship
        if field in ("phone", "heir_phone"):
            return display_phone(getattr(e, field))
        if field == "monthly_income":
            return number(e.monthly_income)
        if field in ("nik", "no_kk", "full_name", "birth_place", "address", "heir_name", "pupil_name", "pupil_class"):
            value = getattr(e, field)
            return "" if value is None else str(value)
        return None

    def flags(self, index):
        base = super().flags(index)
        if self.editable and index.isValid() and index.column() >= 3 and self.fields[index.column() - 3] not in ("origin", "school"):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() < 3 or self.preview is None:
            return False
        row = self.row_at(index.row())
        field = self.fields[index.column() - 3]
        if str(value) == row.text(field) or field in ("origin", "school"):
            return False
        self.cell_edited.emit(row.number, row.person, field, str(value))
        return True


def _plain(text: str) -> str:
    """Letters and digits only, lower case: "siti aminah" was read as "SITI AMINAH", not changed."""
    return re.sub(r"[^0-9a-z]", "", (text or "").lower())


class _CheckedRelay(QObject):
    """Hands the preview of the rows checked so far from the worker thread to the GUI thread (queued)."""

    checked = Signal(object)


class ImportDialog(QDialog):
    """The coordinator's import screen."""

    preview_shown = Signal(object)     # ImportPreview on screen (after reading, remapping or correcting)
    school_needed = Signal(str)        # a Dapodik file whose school must be chosen before its rows are checked
    committed = Signal(int)            # how many were enrolled
    failed = Signal(str)
    busy_changed = Signal(bool)
    rows_checked = Signal(int, int)    # rows checked and shown so far, rows in the file (while checking)

    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor, schools: list[SchoolInfo],
                 default_school: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.actor = ws, worker, actor
        self.preview: ImportPreview | None = None
        self._cancel: threading.Event | None = None
        self._relay = ProgressRelay(self)
        self._relay.progressed.connect(self._progress)
        self._checked_relay = _CheckedRelay(self)
        self._checked_relay.checked.connect(self._show_checked)
        self._total = 0           # rows of the file being checked
        self._growing = False     # rows of the current check are on the table
        self._latest: ImportPreview | None = None   # rows checked, not on the table yet
        self._counts: Counter = Counter()            # statuses of the rows on the table
        # Rows checked arrive every chunk; the table takes the latest at most four times a second: each
        # update is work on the GUI thread, which shares the interpreter with the worker checking.
        self._checked_timer = QTimer(self, singleShot=True, interval=250, timeout=self._apply_checked)
        self.setWindowTitle(self.tr("Impor daftar orang tua siswa"))
        self.resize(1240, 680)
        self._build(schools, default_school)
        self._set_busy(False)
        (self.browse_button if default_school else self.school_combo).setFocus()

    # ------------------------------------------------------------------ construction
    def _build(self, schools: list[SchoolInfo], default_school: str | None) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        # The school first: it decides the households' kabupaten/kota and the saved column layout.
        top.addWidget(QLabel(self.tr("1. Sekolah")))
        self.school_combo = SearchCombo(objectName="importSchool", hint=self.tr("ketik nama atau NPSN sekolah"))
        self.school_combo.addItem(self.tr("— tanpa sekolah —"), None)
        self.school_combo.add_schools(schools, value=lambda school: school.npsn, with_npsn=True)
        if default_school:
            self.school_combo.select_data(default_school)
        self.school_combo.setMinimumContentsLength(26)
        self.school_combo.currentIndexChanged.connect(lambda _i: self.reload())
        top.addWidget(self.school_combo, 2)
        top.addWidget(QLabel(self.tr("2. Berkas")))
        self.path_edit = QLineEdit(objectName="importPath")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("Pilih berkas .xlsx, .xls, .ods atau .csv"))
        top.addWidget(self.path_edit, 3)
        self.browse_button = QPushButton(self.tr("Pilih berkas…"), clicked=self.choose_file)
        top.addWidget(self.browse_button)
        self.template_button = QPushButton(self.tr("Templat kosong…"), clicked=self.save_template)
        self.template_button.setToolTip(self.tr("Simpan templat impor resmi (.xlsx) untuk diisi sekolah"))
        top.addWidget(self.template_button)
        layout.addLayout(top)

        self.mapping_box = QGroupBox(self.tr("Kolom di berkas → isian Lindung"))
        self.mapping_box.setCheckable(True)
        self.mapping_box.setChecked(False)
        self.mapping_box.toggled.connect(self._show_mapping)
        grid = QGridLayout(self.mapping_box)
        self.mapping_combos: dict[str, SearchCombo] = {}
        self._mapping_widgets: list[QWidget] = []
        for i, field in enumerate(IMPORT_FIELDS):
            caption = QLabel(HEADERS[field] + (" *" if field in REQUIRED_FIELDS else ""))
            combo = SearchCombo(objectName=f"map_{field}", hint=self.tr("— tidak ada —"))
            combo.setMinimumContentsLength(14)
            combo.activated.connect(lambda _i: self.apply_mapping())
            grid.addWidget(caption, i // 4, (i % 4) * 2)
            grid.addWidget(combo, i // 4, (i % 4) * 2 + 1)
            self.mapping_combos[field] = combo
            self._mapping_widgets += [caption, combo]
        layout.addWidget(self.mapping_box)
        self._show_mapping(False)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar(objectName="importProgress")
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Batal"), clicked=self.cancel)
        # Their place is kept while they are hidden: showing them does not move the table, which would
        # then be laid out and painted again while the worker runs (benchmarks/NOTES.md).
        for widget in (self.progress, self.cancel_button):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)

        self.source_label = QLabel(objectName="importSource")
        self.source_label.setWordWrap(True)
        self.source_label.setVisible(False)
        layout.addWidget(self.source_label)

        summary_row = QHBoxLayout()
        self.summary = QLabel(objectName="importSummary")
        self.summary.setWordWrap(True)
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(QLabel(self.tr("Tampilkan")))
        self.status_filter = SearchCombo(objectName="importFilter", hint=self.tr("Semua baris"))
        self.status_filter.addItem(self.tr("Semua baris"), None)
        self.status_filter.addItem(self.tr("Perlu diperbaiki (ditolak/ganda)"), {ERROR, DUPLICATE})
        self.status_filter.addItem(self.tr("Dengan peringatan"), {WARNING})
        self.status_filter.addItem(self.tr("Siap disimpan"), {VALID, WARNING})
        self.status_filter.addItem(self.tr("Valid"), {VALID})
        self.status_filter.addItem(self.tr("Ditolak"), {ERROR})
        self.status_filter.addItem(self.tr("Ganda"), {DUPLICATE})
        self.status_filter.addItem(self.tr("Tidak memenuhi syarat"), {NOT_ELIGIBLE})
        self.status_filter.addItem(self.tr("Dilewati"), {SKIPPED})
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.model.set_wanted(self.status_filter.currentData()))
        summary_row.addWidget(self.status_filter)
        layout.addLayout(summary_row)

        self.model = PreviewModel(self, self.ws.regions)
        self.model.cell_edited.connect(self.correct_cell)
        self.table = QTableView(objectName="importTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._sizer = CellSizer(self.table, self)
        self.table.selectionModel().currentChanged.connect(lambda current, _previous: self._show_detail(current))
        self.table.setWordWrap(True)
        # The reasons wrap whole: the rows on screen take the height their text needs (measuring all
        # 10,000 rows at once would hold up the window).
        self._fit_timer = QTimer(self, singleShot=True, interval=30, timeout=self._fit_rows)
        self.table.verticalScrollBar().valueChanged.connect(lambda _v: self._fit_timer.start())
        header.sectionResized.connect(lambda column, _old, _new: self._fit_timer.start() if column == 2 else None)
        self.model.modelReset.connect(self._fit_timer.start)
        # A reset (another filter, another file) takes the current row without telling the selection.
        self.model.modelReset.connect(lambda: self._show_detail(self.table.currentIndex()))
        self.model.dataChanged.connect(lambda *_a: self._fit_timer.start())
        layout.addWidget(self.table, 1)
        self.detail = QLabel(objectName="importDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        hint = QLabel(self.tr("Klik dua kali sel untuk memperbaikinya; baris itu langsung diperiksa ulang."),
                      objectName="fieldHint")
        layout.addWidget(hint)

        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Ekspor baris ditolak…"), clicked=self.export_rejected)
        self.export_button.setToolTip(self.tr("Simpan baris yang tidak bisa didaftarkan, dengan kolom "
                                              "Keterangan, untuk diperbaiki lalu diimpor lagi"))
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Tutup"), clicked=self.reject)
        self.commit_button = QPushButton(self.tr("Simpan data valid"), objectName="saveButton", clicked=self.commit)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.commit_button)
        layout.addLayout(buttons)

    def _fit_rows(self) -> None:
        """The rows in view (and the next) as tall as their wrapped texts (``cell_sizes``)."""
        view, model = self.table, self.model
        first = view.rowAt(0)
        if first < 0:
            return
        last = view.rowAt(view.viewport().height() - 1)
        last = model.rowCount() - 1 if last < 0 else last
        lines = range(first, min(last + 2, model.rowCount()))
        widths = [view.columnWidth(c) for c in range(model.columnCount())]
        texts = [[str(model.display(row, c)) for c in range(len(widths))] for row in map(model.row_at, lines)]
        for line, height in zip(lines, self._sizer.row_heights(widths, texts)):
            view.setRowHeight(line, height)

    def _show_mapping(self, shown: bool) -> None:
        for widget in self._mapping_widgets:
            widget.setVisible(shown)

    # ------------------------------------------------------------------ actions
    def choose_file(self) -> None:
        path = choose_open(self, "import", self.tr("Pilih daftar orang tua"), FILE_FILTER)
        if path:
            self.load(Path(path))

    def load(self, path: Path, mapping: dict[str, int] | None = None) -> None:
        self.path_edit.setText(str(path))
        self._run(importing.read_import, self.ws, path, self.school_combo.currentData(), mapping,
                  on_success=self._show_preview, label=self.tr("Membaca dan memeriksa {name}…").format(name=path.name))

    def reload(self) -> None:
        if self.path_edit.text():
            self.load(Path(self.path_edit.text()))

    def apply_mapping(self) -> None:
        if self.preview is None:
            return
        mapping = {f: combo.currentData() for f, combo in self.mapping_combos.items()
                   if combo.currentData() is not None}
        self._run(importing.remap, self.ws, self.preview, mapping, on_success=self._show_preview,
                  label=self.tr("Memeriksa ulang dengan kolom baru…"))

    def correct_cell(self, row_number: int, person: str, field: str, text: str) -> None:
        if self.preview is None:
            return
        self.worker.submit(importing.correct, self.ws, self.preview, row_number, field, text, person,
                           on_success=self._show_corrected, on_failure=self._failed)

    def commit(self) -> None:
        if self.preview is None or not self.preview.committable:
            return
        self._run(importing.commit_import, self.ws, self.preview, self.actor, on_success=self._committed,
                  label=self.tr("Menyimpan {count} data…").format(count=number(len(self.preview.committable))),
                  changes="workers", with_progress=False)

    def export_rejected(self) -> None:
        if self.preview is None or not self.preview.rejected:
            return
        from desktop.gui.privacy import save_path

        path = save_path(self, self.ws, self.tr("Simpan baris ditolak"), self.preview.path.stem + "-ditolak.xlsx",
                         "Excel (*.xlsx)")
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        self.worker.submit(importing.export_rejected, self.ws, self.preview, path, self.actor, on_failure=self._failed,
                           on_success=lambda n: self._say(
                               self.tr("{count} baris ditolak disimpan ke {path}.").format(count=number(n), path=path)))

    def _say(self, text: str) -> None:
        """A success, said plainly (never in the red of an error)."""
        self.summary.setText(text)
        self.summary.setProperty("severity", "ok")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)

    def save_template(self) -> None:
        path = choose_save(self, "import", self.tr("Simpan templat impor"), "templat-lindung.xlsx", "Excel (*.xlsx)")
        if path:
            self.worker.submit(importing.write_template, self.ws, Path(path), on_failure=self._failed)

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)

    # ------------------------------------------------------------------ background plumbing
    def _run(self, fn, *args, on_success, label: str, changes: str | None = None, with_progress: bool = True):
        self._cancel = threading.Event()
        self._set_busy(True, label)
        kwargs = {"cancel": self._cancel}
        if with_progress:
            kwargs["progress"] = self._relay.progressed.emit
            kwargs["checked"] = self._checked_relay.checked.emit
        self._total, self._growing = 0, False
        self.worker.submit(fn, *args, **kwargs, changes=changes,
                           on_success=lambda result: (self._set_busy(False), on_success(result)),
                           on_failure=lambda error: (self._set_busy(False), self._failed(error)))

    def _progress(self, done: int, total: int) -> None:
        self._total = total
        # Painted with the next paint of the window, not at once (QProgressBar.setValue repaints
        # synchronously whenever the bar moves).
        self.progress.setUpdatesEnabled(False)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setUpdatesEnabled(True)

    def _show_checked(self, preview: ImportPreview) -> None:
        """Rows checked so far: the first ones on the table at once, later ones with the next update."""
        if self._cancel is None:   # the check ended (or failed) before this chunk got here
            return
        self._latest = preview
        if not self._growing:
            self._apply_checked()
        elif not self._checked_timer.isActive():
            self._checked_timer.start()

    def _apply_checked(self) -> None:
        """The rows checked so far on the table, and how they stand; the final preview replaces them."""
        preview, self._latest = self._latest, None
        if preview is None or self._cancel is None:
            return
        if not self._growing:
            self._growing = True
            self._counts = Counter()
            self._show_source(preview)
            self.model.set_preview(preview)
            self._size_columns()
            self._counts.update(row.status for row in preview.rows)
        else:
            shown = self.model.rowCount()
            self.model.grow(preview)
            self._counts.update(row.status for row in preview.rows[shown:])
        counts = self._counts
        done, total = len(preview.rows), max(self._total, len(preview.rows))
        values = dict(total=number(total), done=number(done), valid=number(counts[VALID]),
                      warning=number(counts[WARNING]), error=number(counts[ERROR]), duplicate=number(counts[DUPLICATE]))
        if preview.dapodik is not None:
            text = self.tr("Memeriksa {done} dari {total} orang: {valid} siap disimpan, {warning} dengan "
                           "peringatan, {error} ditolak, {duplicate} ganda, {not_eligible} tidak memenuhi "
                           "syarat…").format(not_eligible=number(counts[NOT_ELIGIBLE]), **values)
        else:
            text = self.tr("Memeriksa {done} dari {total} baris: {valid} siap disimpan, {warning} dengan "
                           "peringatan, {error} ditolak, {duplicate} ganda…").format(**values)
        self.summary.setText(text)
        self.rows_checked.emit(done, total)

    def _stop_growing(self) -> bool:
        """The check's rows no longer come (it ended or failed); whether some were on the table."""
        self._checked_timer.stop()
        self._latest = None
        grown, self._growing = self._growing, False
        return grown

    def _set_busy(self, busy: bool, label: str = "") -> None:
        self.model.editable = not busy
        if not busy and self.cancel_button.hasFocus():
            self.table.setFocus()   # the work is done: on to the rows it gave (Batal is about to be hidden)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.progress.setFormat(label + "  %v / %m")
            self.summary.setText(label)
            self.summary.setProperty("severity", "")
            self.summary.style().polish(self.summary)
        held = (self.browse_button, self.school_combo, self.mapping_box, self.commit_button, self.export_button,
                self.template_button)
        focused = QApplication.focusWidget()
        if busy and focused is not None and any(w is focused or w.isAncestorOf(focused) for w in held):
            # The button pressed is about to be disabled: the focus goes to Batal (Esc/Enter cancels),
            # not to the table, which would be painted again while the worker runs.
            self.cancel_button.setFocus()
        for widget in held:
            widget.setEnabled(not busy)
        if not busy:
            self._cancel = None
            self._update_buttons()
        self.busy_changed.emit(busy)

    def _update_buttons(self) -> None:
        ready = len(self.preview.committable) if self.preview else 0
        self.commit_button.setText(self.tr("Simpan {count} data valid").format(count=number(ready)))
        self.commit_button.setEnabled(ready > 0)
        self.export_button.setEnabled(bool(self.preview and self.preview.rejected))

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        sized = self._stop_growing()   # the columns were sized when the first rows came
        self._show_source(preview)
        self._fill_mapping(preview)
        if sized:   # the rows on the table are the first of these: the rest are added below them
            self.model.grow(preview)
        else:
            self.model.set_preview(preview)
        self._after_change()
        if not sized:
            self._size_columns()
        if preview.unmapped_required:
            self.mapping_box.setChecked(True)

    def _size_columns(self) -> None:
        """Each column as wide as its header and the text of its first rows (at most 240 pixels); the
        reasons (column 2) wrap in 380 (``cell_sizes``)."""
        model = self.model
        count = model.columnCount()
        rows = [model.row_at(line) for line in range(min(model.rowCount(), _SIZED_ROWS))]
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(count)]
        columns = [[str(model.display(row, c)) for row in rows] if c != 2 else [] for c in range(count)]
        for column, width in enumerate(self._sizer.column_widths(headers, columns)):
            self.table.setColumnWidth(column, 380 if column == 2 else width if column < 2 else min(width + 8, 240))

    def _show_source(self, preview: ImportPreview) -> None:
        """Say what kind of file this is: a Dapodik export is read by its own layout, not mapped."""
        self._mark_school(False)
        source = preview.dapodik
        self.mapping_box.setVisible(source is None)
        split = self._split_text(preview)
        if preview.ignored_sheets:     # the other sheets of the workbook, named with why they were not read
            sheets = self.tr("Lembar dibaca: {sheet}.").format(sheet=preview.sheet) + " " + " ".join(
                QCoreApplication.translate(SERVICE_CONTEXT, reason).format(sheet=name)
                for name, reason in preview.ignored_sheets)
            split = (split + " " + sheets) if split else sheets
        if source is None:
            self.source_label.setText(split)
            self.source_label.setVisible(bool(split))
            return
        self.mapping_box.setChecked(False)
        text = (self.tr("Berkas EMIS: {pupils} siswa, {people} orang tua/wali") if source.kind == "EMIS" else
                self.tr("Berkas Dapodik: {pupils} siswa, {people} orang tua/wali")).format(
            pupils=number(source.pupils), people=number(source.people))
        if source.school_name:
            text += " (" + source.school_name + ")"
        text += ". " + self.tr("Setiap siswa memberi ayah, ibu dan wali; tanggal lahir, jenis kelamin dan tempat lahir "
                               "diambil dari NIK, kabupaten/kota dari sekolah ({kabupaten}).").format(
            kabupaten=source.kabupaten or "—")
        self.source_label.setText(text + (" " + split if split else ""))
        self.source_label.setVisible(True)

    def _split_text(self, preview: ImportPreview) -> str:
        """A foundation's list: how many people each school it names has, and what is not enrolled."""
        if preview.split is None:
            return ""
        known, unknown, missing = preview.by_school()
        parts = [self.tr("{school} (NPSN {npsn}): {people} orang").format(school=name, npsn=npsn, people=number(people))
                 for npsn, name, people, _ready in known]
        parts += [self.tr("\"{school}\": {people} orang, sekolah belum terdaftar").format(
            school=named, people=number(people)) for named, people in unknown]
        text = self.tr("Daftar ini menyebut {count} sekolah; setiap baris masuk ke sekolah yang disebutnya: "
                       "{schools}.").format(count=number(len(known) + len(unknown)), schools="; ".join(parts))
        if unknown:
            text += " " + self.tr("Sekolah yang belum terdaftar: admin menambahkannya dulu (Pengaturan → "
                                  "Sekolah…), lalu impor berkas ini lagi; yang sudah terdaftar tetap dapat disimpan.")
        if missing:
            text += " " + self.tr("{count} baris tidak menyebut sekolahnya dan tidak didaftarkan.").format(
                count=number(len(missing)))
        if self.school_combo.currentData():
            text += " " + self.tr("Pilihan sekolah di atas tidak dipakai untuk daftar ini.")
        return text

    def _mark_school(self, needed: bool) -> None:
        self.school_combo.setProperty("invalid", needed)
        self.school_combo.style().unpolish(self.school_combo)
        self.school_combo.style().polish(self.school_combo)

    def _show_corrected(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.replace_preview(preview)
        self._after_change()
        self._show_detail(self.table.currentIndex())

    def _show_detail(self, index) -> None:
        """Every reason of the current row in full, below the table."""
        if not index.isValid() or self.model.preview is None:
            self.detail.clear()
            return
        row = self.model.row_at(index.row())
        reasons = importing.row_reasons(row, problem_text)
        where = str(row.number) + (f" ({row.person})" if row.person else "")
        self.detail.setText(self.tr("Baris {row}: {reasons}").format(
            row=where, reasons=" ".join(reasons)) if reasons else self.tr("Baris {row}: siap disimpan.").format(
            row=where))

    def _after_change(self) -> None:
        preview = self.preview
        self._update_buttons()
        if preview.unmapped_required:
            missing = ", ".join(HEADERS[f] for f in preview.unmapped_required)
            self.summary.setText(self.tr("Kolom {columns} tidak dikenali. Pilih kolomnya di bagian "
                                         "\"Kolom di berkas\" di atas.").format(columns=missing))
        elif preview.dapodik is not None:
            self.summary.setText(self.tr(
                "{total} orang: {valid} siap disimpan, {warning} dengan peringatan, {error} ditolak, "
                "{duplicate} ganda, {not_eligible} tidak memenuhi syarat, {skipped} dilewati.").format(
                total=number(len(preview.rows)), valid=number(preview.count(VALID)), warning=number(preview.count(WARNING)),
                error=number(preview.count(ERROR)), duplicate=number(preview.count(DUPLICATE)),
                not_eligible=number(preview.count(NOT_ELIGIBLE)), skipped=number(preview.count(SKIPPED))))
        else:
            self.summary.setText(self.tr(
                "{total} baris: {valid} siap disimpan, {warning} dengan peringatan, {error} ditolak, "
                "{duplicate} ganda.").format(
                total=number(len(preview.rows)), valid=number(preview.count(VALID)), warning=number(preview.count(WARNING)),
                error=number(preview.count(ERROR)), duplicate=number(preview.count(DUPLICATE))))
        self.preview_shown.emit(preview)

    def _fill_mapping(self, preview: ImportPreview) -> None:
        for field, combo in self.mapping_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— tidak ada —"), None)
            for index, header in enumerate(preview.headers):
                combo.addItem(header or self.tr("(kolom {n} tanpa judul)").format(n=index + 1), index)
            combo.setCurrentIndex(max(combo.findData(preview.mapping.get(field)), 0)
                                  if field in preview.mapping else 0)
            combo.blockSignals(False)
            combo.select_data(combo.currentData())

    def _committed(self, result: importing.ImportResult) -> None:
        self.preview = result.preview
        self.model.replace_preview(result.preview)   # the same rows; those found enrolled meanwhile changed
        left = len(result.preview.rejected)
        self.commit_button.setEnabled(False)
        self.commit_button.setText(self.tr("Tersimpan"))
        self.export_button.setEnabled(left > 0)
        self.summary.setText(self.tr("{count} peserta didaftarkan. {left} baris tidak didaftarkan; "
                                     "ekspor untuk diperbaiki.").format(count=number(result.accepted), left=number(left))
                             if left else self.tr("{count} peserta didaftarkan.").format(count=number(result.accepted)))
        self.committed.emit(result.accepted)
        # Kept for exporting the rejected rows. Saving again is harmless: the commit re-checks every
        # NIK inside its transaction, so rows just saved count as already enrolled.

    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        if self._stop_growing():   # a check cancelled or failed midway: its rows go, the preview before it stays
            if self.preview is not None:
                self.model.set_preview(self.preview)
            else:
                self.model.set_preview_empty()
        if isinstance(error, SchoolNeeded):
            # Nothing was checked yet: choosing the school (the combo reloads the file) checks the rows.
            self.preview = None
            self.model.set_preview_empty()
            self._update_buttons()
            self.source_label.setText(message)
            self.source_label.setVisible(True)
            self.mapping_box.setVisible(False)
            self.summary.setText(self.tr("Pilih sekolah asal berkas ini di kolom Sekolah di atas."))
            self.summary.setProperty("severity", "error")
            self.summary.style().polish(self.summary)
            self._mark_school(True)
            self.school_combo.setFocus()
            self.school_needed.emit(message)
            return
        self.summary.setText(message)
        self.summary.setProperty("severity", "ok" if isinstance(error, Cancelled) else "error")
        self.summary.style().polish(self.summary)
        self.failed.emit(message)
