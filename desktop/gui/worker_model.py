"""The main list as a lazy Qt table model: rows arrive a page at a time from the worker."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop.domain.enrollment import Occupation, Status
from desktop.domain.regions import RegionCatalog
from desktop.domain.text import format_date
from desktop.gui.i18n import label
from desktop.domain.records import Page, WorkerRow

# Statuses that ask for the branch's attention stand out in the list.
_ATTENTION = {Status.REFUSED.value: QColor("#b3261e"), Status.ENDED.value: QColor("#8a5a00")}
_GAP = QColor("#8a5a00")      # coverage that lapses or lapsed where it costs a benefit
EXPIRING_SOON = "expiring"     # the status filter's "coverage ends within 30 days" choice
EXPIRING_DAYS = 30


def status_filter(choice: str | None) -> dict[str, object]:
    """The search fields for a choice of the list's status filter: a status, or ending soon."""
    return {"expiring_days": EXPIRING_DAYS} if choice == EXPIRING_SOON else {"status": choice}


class WorkerTableModel(QAbstractTableModel):
    more_wanted = Signal()  # the view scrolled to the end and more rows exist

    COLUMNS = ("registration_no", "full_name", "nik", "birth_date", "sex", "kabupaten", "occupation", "status",
               "kpj_number", "coverage_end")

    def __init__(self, regions: RegionCatalog, parent=None):
        super().__init__(parent)
        self.regions = regions
        self.rows: list[WorkerRow] = []
        self.total = 0
        self.has_more = False
        self.fetching = False
        self._cursor: tuple[str, int] | None = None
        # worker id -> the coverage gaps that threaten a benefit (``claims.gap_flags_of``), for the rows shown
        self.gaps: dict[str, object] = {}
        self._gap_icon: QIcon | None = None
        self._headers = (self.tr("No. Registrasi"), self.tr("Nama"), self.tr("NIK"), self.tr("Tgl lahir"),
                         self.tr("L/P"), self.tr("Kabupaten/Kota"), self.tr("Pekerjaan"), self.tr("Status"),
                         self.tr("No. KPJ"), self.tr("Dilindungi s.d."))
        # One letter in the L/P column: L and P in Indonesian, M and F in English.
        self._sex = {"L": self.tr("L", "laki-laki"), "P": self.tr("P", "perempuan")}

    def reset(self, page: Page) -> None:
        self.beginResetModel()
        self.rows = list(page.rows)
        self.gaps = {}
        self.total = page.total or 0
        self.has_more = page.has_more
        self._cursor = page.cursor
        self.fetching = False
        self.endResetModel()

    def append(self, page: Page) -> None:
        self.fetching = False
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self.has_more = page.has_more
        self._cursor = page.cursor

    def set_gaps(self, flags: dict[str, object]) -> None:
        """The gap flags of some rows shown (by worker id): marked on the coverage-end column."""
        self.gaps.update(flags)
        column = self.COLUMNS.index("coverage_end")
        marked = [i for i, row in enumerate(self.rows) if row.id in flags]
        if marked:
            self.dataChanged.emit(self.index(marked[0], column), self.index(marked[-1], column))

    def cursor(self) -> tuple[str, int] | None:
        """Where the next page starts (the service's keyset cursor of the last page shown)."""
        return self._cursor

    # -- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "birth_date":
                return format_date(row.birth_date)
            if column == "kabupaten":
                region = self.regions.get(row.kabupaten_code)
                return region.short_name if region else row.kabupaten_code
            if column == "occupation":
                return label(Occupation(row.occupation).label)
            if column == "status":
                return label(Status(row.status).label)
            if column == "sex":
                return self._sex.get(row.sex, row.sex)
            if column == "kpj_number":
                return row.kpj_number or ""
            if column == "coverage_end":   # the last day of the paid months (empty before a payment)
                return format_date(row.coverage_end) if row.coverage_end is not None else ""
            return getattr(row, column)
        gap = self.gaps.get(row.id) if column == "coverage_end" else None
        if role == Qt.ItemDataRole.ToolTipRole and column in ("status", "coverage_end") and row.coverage_end is not None:
            if row.status == Status.ACTIVE.value:
                tip = self.tr("Dilindungi sampai {date}").format(date=format_date(row.coverage_end))
            else:
                tip = self.tr("Perlindungan berakhir {date}").format(date=format_date(row.coverage_end))
            if gap is not None:
                tip += "\n" + self.tr("Hak manfaat terancam:") + "".join(f"\n• {risk.message}" for risk in gap.risks)
            return tip
        if role == Qt.ItemDataRole.DecorationRole and gap is not None:
            if self._gap_icon is None:
                self._gap_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return self._gap_icon
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and gap is not None:
            return self.tr("Hak manfaat terancam")
        if role == Qt.ItemDataRole.ForegroundRole and column in ("status", "coverage_end") and row.status in _ATTENTION:
            return _ATTENTION[row.status]
        if role == Qt.ItemDataRole.ForegroundRole and gap is not None:
            return _GAP
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.FontRole and column in ("registration_no", "kpj_number"):
            from PySide6.QtGui import QFontDatabase

            return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self.has_more and not self.fetching

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self.fetching = True
            self.more_wanted.emit()
