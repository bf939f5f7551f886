"""A volunteer's keyboard, counted: every key goes to whatever has the focus, as on a real laptop,
and each is counted as a key that types data or a key that only moves (Tab, Enter, arrows, shortcuts)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

KEYS_PER_SECOND = 3


class Keyboard:
    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.data = 0
        self.moves = 0
        self.log: list[str] = []

    @staticmethod
    def focus():
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        return widget

    def type(self, text: str) -> None:
        """Keys that type data, one at a time into the focused widget."""
        for char in text:
            QTest.keyClicks(self.focus(), char)
        self.data += len(text)
        self.log.append(repr(text))

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier, name: str = "") -> None:
        """A key that only moves (or a shortcut): Tab, Enter, an arrow, Ctrl+N …"""
        QTest.keyClick(self.focus(), key, modifier)
        self.moves += 1
        self.log.append(name or getattr(key, "name", str(key)))

    @property
    def total(self) -> int:
        return self.data + self.moves

    def seconds(self) -> float:
        return self.total / KEYS_PER_SECOND

    def summary(self) -> str:
        return (f"{self.data} data keys + {self.moves} moving keys = {self.total} keys, "
                f"{self.seconds():.0f} s at {KEYS_PER_SECOND} keys/s")
