"""One step of the branch's membership work as a dialog (submit, read BPJS's answer, record a payment,
renew): a form, what will happen, what happened (or why not), run on the database worker."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.domain.enrollment import Status
from desktop.domain.text import parse_rupiah
from desktop.gui.files import FileOffer
from desktop.gui.i18n import error_text, label
from desktop.gui.worker import DbWorker
from desktop.services import membership
from desktop.domain.actors import Actor
from desktop.services.workspace import Workspace

OK_STYLE = "color: #1f6b3a; font-weight: bold;"
ERROR_STYLE = "color: #b3261e; font-weight: bold;"
PLAIN_STYLE = ""


def _say(widget: QLabel, text: str, style: str = PLAIN_STYLE) -> None:
    widget.setStyleSheet(style)
    widget.setText(text)


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)       # Tab leaves the table; the arrows move in it
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _local_time(value: dt.datetime | None) -> str:
    """A UTC moment as the laptop's local date and time."""
    if value is None:
        return ""
    return value.replace(tzinfo=dt.UTC).astimezone().strftime("%d-%m-%Y %H:%M")


def _status(key: str) -> str:
    found = Status.parse(key)
    return label(found.label) if found else key


def _item(text: object, align_right: bool = False, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tip:
        item.setToolTip(tip)
    return item


class _Step(QDialog):
    """One step of the branch's work: a form, what will happen, what happened (or why not)."""

    done = Signal(object)      # the service's result
    failed = Signal(str)       # the message shown

    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.actor = ws, worker, actor
        self.busy = False
        self.layout_ = QVBoxLayout(self)
        self.message = QLabel(objectName="stepMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.setTextVisible(False)

    def _intro(self, title: str, text: str) -> QLabel:
        """The step's title and the paragraph that says what it does, at the top."""
        self.setWindowTitle(title)
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        return intro

    def _buttons(self, *buttons: QPushButton) -> None:
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        if buttons:
            buttons[0].setDefault(True)         # Enter in the form does the step, never closes it
        self.close_button = QPushButton(self.tr("Tutup"), clicked=self.reject, autoDefault=False)
        row.addWidget(self.close_button)
        self.layout_.addWidget(self.message)
        self.file_offer = FileOffer(self)     # the file the step wrote: open it, or its folder
        self.layout_.addWidget(self.file_offer)
        self.layout_.addLayout(row)

    def _run(self, fn, *args, on_success, changes: str | None = None, **kwargs) -> None:
        self._set_busy(True)
        self.worker.submit(fn, *args, changes=changes, **kwargs,
                           on_success=lambda result: (self._set_busy(False), on_success(result)),
                           on_failure=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        pass

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        text = error_text(error)
        _say(self.message, text, ERROR_STYLE)
        self.failed.emit(text)

    @staticmethod
    def _rupiah(edit: QLineEdit) -> tuple[bool, int | None]:
        """What ``edit`` holds as rupiah: (readable, the amount or None when left empty)."""
        text = edit.text().strip()
        if not text:
            return True, None
        value = parse_rupiah(text)
        return value is not None, value

    def _checked_rupiah(self, edit: QLineEdit) -> tuple[bool, int | None]:
        """``_rupiah``, said in the step's message (and the field focused) when it is no amount: nothing is
        recorded then."""
        readable, value = self._rupiah(edit)
        if not readable:
            _say(self.message, self.tr("\"{text}\" bukan jumlah rupiah. Tulis seperti 5.000.000; tidak ada yang "
                                       "dicatat.").format(text=edit.text().strip()), ERROR_STYLE)
            edit.setFocus()
        return readable, value

    def _months_box(self, value: int) -> QSpinBox:
        box = QSpinBox(objectName="months")
        box.setRange(1, membership.MAX_MONTHS)
        box.setValue(value)
        box.setSuffix(self.tr(" bulan"))
        return box
