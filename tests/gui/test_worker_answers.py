"""Work handed to the database worker answers a window that may be gone by then (signed out, restored):
the answer is dropped, whether the callback is the window's method or a function made inside it."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal

from desktop.gui.worker import _alive


class _Window(QObject):
    shown = Signal()

    def answer(self, _result) -> None:
        self.shown.emit()

    def closure(self):
        def shown(_result) -> None:
            self.shown.emit()
        return shown


def test_an_answer_to_a_deleted_window_is_dropped(qtbot):
    window = _Window()
    method, made_inside = window.answer, window.closure()
    plain = lambda _result: None   # noqa: E731
    assert _alive(method) and _alive(made_inside) and _alive(plain)
    shiboken6.delete(window)
    assert not _alive(method)
    assert not _alive(made_inside)      # raised "Signal source has been deleted" before
    assert _alive(plain)
