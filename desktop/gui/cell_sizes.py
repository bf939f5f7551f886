"""Column widths and row heights for a table, measured from its texts in a table of Qt's own.

A view's ``resizeColumnToContents`` / ``resizeRowToContents`` ask the model for every role of every cell
they measure: with a model written in Python, thousands of calls into Python. While a worker thread runs
Python (the import checking the rest of a file), each of those calls first waits for the interpreter,
and the worker then waits for the GUI thread: sizing the first 500 rows of a preview held the GUI thread
0.4 s and slowed the check by about as much (benchmarks/NOTES.md). Here only the texts that decide a size
(a column's header and its longest texts; a row's texts that may wrap) go into a QStandardItemModel,
which Qt reads without calling Python, in a hidden table styled like the real one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView, QWidget

LONGEST = 3   # a column's width is its widest text, nearly always among its longest by characters


class CellSizer:
    """Measures texts as the table ``like`` lays them out (its font, its wrapping, the style sheet)."""

    def __init__(self, like: QTableView, parent: QWidget):
        self._view = QTableView(parent)
        self._view.setObjectName(like.objectName())
        self._view.hide()
        self._view.setFont(like.font())
        self._view.setWordWrap(like.wordWrap())
        self._view.verticalHeader().setVisible(False)
        self._view.horizontalHeader().setResizeContentsPrecision(-1)   # its few rows, all of them
        self._model = QStandardItemModel(self._view)
        self._view.setModel(self._model)

    def _fill(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        model = self._model
        model.clear()
        model.setColumnCount(len(headers))
        model.setHorizontalHeaderLabels(list(headers))
        model.setRowCount(len(rows))
        for r, texts in enumerate(rows):
            for c, text in enumerate(texts):
                if text:
                    model.setItem(r, c, QStandardItem(text))

    def column_widths(self, headers: Sequence[str], columns: Sequence[Sequence[str]]) -> list[int]:
        """The width each column needs for its header and its texts (``columns[c]``: column c's texts)."""
        longest = [sorted(set(texts), key=lambda text: (len(text), text))[-LONGEST:] for texts in columns]
        height = max((len(texts) for texts in longest), default=0)
        self._fill(headers, [[texts[r] if r < len(texts) else "" for texts in longest] for r in range(height)])
        self._view.ensurePolished()
        self._view.horizontalHeader().ensurePolished()
        self._view.resizeColumnsToContents()
        return [self._view.columnWidth(c) for c in range(len(headers))]

    def row_heights(self, widths: Sequence[int], rows: Sequence[Sequence[str]]) -> list[int]:
        """The height each row needs, its columns ``widths`` wide (its texts wrapped in them)."""
        self._fill([""] * len(widths), rows)
        for c, width in enumerate(widths):
            self._view.setColumnWidth(c, width)
        self._view.ensurePolished()
        self._view.resizeRowsToContents()
        return [self._view.rowHeight(r) for r in range(len(rows))]
