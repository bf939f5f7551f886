"""Small widgets the windows share: the type-to-filter drop-down list, the one list typed into."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPoint, QRect, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QFrame, QLabel, QListView, QWidget

from desktop.domain.regions import Region
from desktop.domain.text import choice_matches, choice_rank, school_words
from desktop.domain.records import SchoolInfo

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1   # the words an entry is found by, when not its shown text
POPUP_ROWS = 12


class _WordFilter(QSortFilterProxyModel):
    """The entries whose words the typed text starts (any order, any case, spaces or not), the best
    first; the placeholder entry (no value) is left out while something is typed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.typed = ""

    def set_typed(self, text: str) -> None:
        self.typed = text
        self.invalidate()
        self.sort(0 if text.strip() else -1)

    @staticmethod
    def words(index: QModelIndex) -> str:
        return index.data(SEARCH_ROLE) or index.data(Qt.ItemDataRole.DisplayRole) or ""

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if not self.typed.strip():
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if index.data(Qt.ItemDataRole.UserRole) in (None, ""):
            return False
        return choice_matches(self.typed, self.words(index))

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        ranks = choice_rank(self.typed, self.words(left)), choice_rank(self.typed, self.words(right))
        return ranks[0] < ranks[1] if ranks[0] != ranks[1] else left.row() < right.row()


class SearchCombo(QComboBox):
    """A drop-down list you type into. The list narrows to the entries with the typed words
    (``sintang`` finds ``Kabupaten Sintang``, ``kuburaya`` finds ``Kubu Raya``), the best first and
    highlighted; Enter or Tab takes it (and moves on, as in any field), the arrow keys pick another,
    Esc puts the chosen entry back. Leaving the field with text that names no entry puts the chosen
    entry back too, and says so: text that names nothing is never dropped silently (a note under the
    field while typing, Enter stays in the field, ``unmatched`` when it is left). Down (or Alt+Down) on
    an untouched field shows the whole list. ``currentData()`` is the chosen entry's value and
    ``activated`` tells that the user chose one, as for a QComboBox. Every list typed into in the app
    is one of these (built with ``add_choice``, ``add_kabupaten``, ``add_schools``)."""

    popup_shown = Signal()
    unmatched = Signal(str)      # the field was left with typed text that names no entry (put back)
    # Enter takes the entry and moves on. The enrollment form moves to its next field still to fill
    # (it sets this, and Enter goes on to the window); elsewhere the list moves the focus to the next
    # field itself, so Enter in a list never presses a dialog's default button.
    enter_moves_on = False

    def __init__(self, parent: QWidget | None = None, hint: str = "", **kwargs):
        super().__init__(parent, **kwargs)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setCompleter(None)          # the list below does the finding, not inline completion
        self.setMaxVisibleItems(15)
        self.filter = _WordFilter(self)
        self.filter.setSourceModel(self.model())
        self.list = QListView(objectName="choicePopup")
        self.list.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.list.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setFrameShape(QFrame.Shape.Box)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setModel(self.filter)
        self.list.clicked.connect(lambda index: self._take(index))
        self.note = QLabel(objectName="choiceNote")     # "nothing matches", where the list would be
        self.note.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.note.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.note.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.note.setMargin(4)
        self.note.setWordWrap(True)
        edit = self.lineEdit()
        edit.setPlaceholderText(hint)
        edit.textEdited.connect(self._typed)
        edit.installEventFilter(self)
        self.currentIndexChanged.connect(lambda _i: self._show_current())
        self.destroyed.connect(self.list.deleteLater)
        self.destroyed.connect(self.note.deleteLater)

    # -- filling the list -------------------------------------------------------------------
    def add_choice(self, text: str, value, words: str = "") -> None:
        """An entry shown as ``text``, chosen as ``value``, found by ``words`` too when given."""
        self.addItem(text, value)
        if words:
            self.setItemData(self.count() - 1, words, SEARCH_ROLE)

    def add_kabupaten(self, regions: Iterable[Region], short: bool = False) -> None:
        """Kabupaten/kota: ``Kubu Raya`` (short) or ``Kabupaten Kubu Raya``, found by any word."""
        for region in regions:
            self.add_choice(region.short_name if short else region.name, region.code, region.name)

    def add_schools(self, schools: Iterable[SchoolInfo], value: Callable[[SchoolInfo], object] = lambda s: s.id,
                    with_npsn: bool = False) -> None:
        """Schools, found by any word of the name, ``SDN 12`` for ``SD Negeri 12``, or the NPSN."""
        for info in schools:
            self.add_choice(f"{info.name} ({info.npsn})" if with_npsn else info.name, value(info),
                            school_words(info.name, info.npsn))

    # -- what the field shows ---------------------------------------------------------------
    def _is_placeholder(self, row: int) -> bool:
        return row >= 0 and self.itemData(row) in (None, "")

    def _current_text(self) -> str:
        row = self.currentIndex()
        return "" if row < 0 or self._is_placeholder(row) else self.itemText(row)

    def _show_current(self) -> None:
        """The chosen entry's text in the field; nothing (so the hint shows) for the placeholder."""
        if self.lineEdit().text() != self._current_text():
            self.lineEdit().setText(self._current_text())
        if not self.hasFocus():
            self.lineEdit().home(False)     # a long name (a school's) shows its start, not its end

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._show_current()

    # -- the list of matches ----------------------------------------------------------------
    @property
    def popup_visible(self) -> bool:
        return self.list.isVisible()

    def shown_texts(self) -> list[str]:
        """The entries the open list shows, top to bottom (tests and screenshots read it)."""
        return [self.filter.index(r, 0).data() for r in range(self.filter.rowCount())]

    @property
    def note_visible(self) -> bool:
        return self.note.isVisible()

    def _typed(self, text: str) -> None:
        self.filter.set_typed(text)
        if text.strip() and self.filter.rowCount():
            self.note.hide()
            self._open_list(0)
        else:
            self.list.hide()
            self._say_unmatched(text)

    def _say_unmatched(self, text: str) -> None:
        """Under the field: the typed text names no entry (nothing, when nothing is typed)."""
        if not text.strip():
            self.note.hide()
            return
        self.note.setText(QCoreApplication.translate(
            "SearchCombo", "Tidak ada yang cocok dengan \u201c{text}\u201d. Periksa ejaannya, atau tekan \u2193 "
            "untuk melihat semua pilihan.").format(text=text.strip()))
        width = max(self.width(), 320)           # as wide as the field, the words wrapped below it
        self.note.setGeometry(QRect(self.mapToGlobal(QPoint(0, self.height())),
                                    QSize(width, self.note.heightForWidth(width))))
        self.note.show()
        self.note.raise_()

    def _open_list(self, row: int) -> None:
        rows = self.filter.rowCount()
        if not rows:
            return
        height = self.list.sizeHintForRow(0) * min(rows, POPUP_ROWS) + 2 * self.list.frameWidth()
        widest = self.screen().availableGeometry().width() if self.screen() else 2 * self.width()
        width = max(self.width(), min(self.list.sizeHintForColumn(0) + 24, widest))   # never cut off
        below = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and below.y() + height > screen.bottom():
            below = self.mapToGlobal(QPoint(0, -height))     # no room below: open upwards
        self.list.setGeometry(below.x(), below.y(), width, height)
        self.list.setCurrentIndex(self.filter.index(max(0, min(row, rows - 1)), 0))
        self.list.show()
        self.list.raise_()
        self.popup_shown.emit()

    def _move(self, step: int) -> None:
        rows = self.filter.rowCount()
        if rows:
            row = self.list.currentIndex().row() + step
            self.list.setCurrentIndex(self.filter.index(max(0, min(row, rows - 1)), 0))

    def _take(self, index: QModelIndex) -> None:
        """The entry at ``index`` (of the list) becomes the chosen one."""
        self.list.hide()
        self.note.hide()
        row = self.filter.mapToSource(index).row() if index.isValid() else -1
        self.filter.set_typed("")
        if row < 0:
            self._show_current()
            return
        if row != self.currentIndex():
            self.setCurrentIndex(row)
        self._show_current()
        self.activated.emit(row)

    def _revert(self) -> None:
        self.list.hide()
        self.note.hide()
        self.filter.set_typed("")
        self._show_current()

    # -- settling what was typed --------------------------------------------------------------
    def matches(self, text: str) -> list[int]:
        """Rows of the entries ``text`` finds, the best first."""
        finder = _WordFilter()
        finder.setSourceModel(self.model())
        finder.set_typed(text)
        return [finder.mapToSource(finder.index(r, 0)).row() for r in range(finder.rowCount())]

    def _settled_row(self, text: str) -> int:
        """The entry typed ``text`` names: the only match, or one that ranks above the rest; the
        placeholder for empty text; -1 for none."""
        if not text.strip():
            return 0 if self._is_placeholder(0) else -1
        found = self.matches(text)
        words = [self.itemData(r, SEARCH_ROLE) or self.itemText(r) for r in found[:2]]
        if len(found) == 1 or (found and choice_rank(text, words[0]) < choice_rank(text, words[1])):
            return found[0]
        return -1

    def settle(self) -> bool:
        """Leaving the field: text naming one entry takes it; empty text takes the placeholder;
        anything else puts the chosen entry back and says so (``unmatched``). False then."""
        self.list.hide()
        self.note.hide()
        text = self.lineEdit().text()
        if text == self._current_text():
            self.filter.set_typed("")
            return True
        row = self._settled_row(text)
        self.filter.set_typed("")
        if row >= 0 and row != self.currentIndex():
            self.setCurrentIndex(row)
            self._show_current()
            self.activated.emit(row)
        else:
            self._show_current()
        if row < 0 and text.strip():
            self.unmatched.emit(text.strip())
            return False
        return True

    def _enter(self) -> bool:
        """Enter with the list closed: typed text naming nothing stays, selected, with the note
        under it (the focus stays too: False); otherwise the entry is taken and, outside the
        enrollment form, the focus moves to the next field (the form moves on itself)."""
        text = self.lineEdit().text()
        if text != self._current_text() and text.strip() and self._settled_row(text) < 0:
            self._say_unmatched(text)
            self.lineEdit().selectAll()
            return False
        self.settle()
        if not self.enter_moves_on:
            self.focusNextChild()
        return True

    # -- keys -------------------------------------------------------------------------------
    def _key(self, event) -> bool:
        """True when the key was handled here (the list's navigation)."""
        key = event.key()
        if self.list.isVisible():
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: POPUP_ROWS,
                        Qt.Key.Key_PageUp: -POPUP_ROWS}[key]
                self._move(step)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self._take(self.list.currentIndex())
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.enter_moves_on:
                    self.focusNextChild()      # Enter moves on, as Tab does; never the dialog's default
                    return True
                return False
            if key == Qt.Key.Key_Escape:
                self._revert()
                return True
            return False
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.filter.set_typed("")
            self._open_list(max(self.filter.mapFromSource(self.model().index(self.currentIndex(), 0)).row(), 0))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            taken = self._enter()
            return not (taken and self.enter_moves_on)    # the form moves on after a choice; nothing else sees it
        return False

    def event(self, event) -> bool:
        # Tab moves the focus before any key handler sees it: take the highlighted entry first.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and self.list.isVisible():
            self._take(self.list.currentIndex())
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if self._key(event):
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()            # for the window: the form moves on, a dialog presses its default
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.lineEdit():
            if event.type() == QEvent.Type.KeyPress and event.key() in (
                    Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_Escape,
                    Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._key(event):
                    return True
            elif event.type() == QEvent.Type.FocusOut:
                self.settle()
        return super().eventFilter(watched, event)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.lineEdit().selectAll()      # typing replaces the entry, however the field was reached

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.settle()
        super().focusOutEvent(event)
        self.lineEdit().home(False)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.list.hide()
        self.note.hide()
        super().hideEvent(event)

    def showPopup(self) -> None:  # noqa: N802
        """The whole list (↓ on the arrow, Alt+Down): as wide as its longest entry, never cut off."""
        view = self.view()
        view.setMinimumWidth(min(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 24,
                                 self.screen().availableGeometry().width() if self.screen() else 10_000))
        super().showPopup()

    def select_data(self, value) -> None:
        """Choose the entry whose value is ``value`` (the placeholder, or nothing, when none is)."""
        self.setCurrentIndex(max(self.findData(value), 0) if self.count() else -1)
        self._show_current()
