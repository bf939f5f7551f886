"""Where files are chosen, and what is offered once one is written.

Every file chooser of the window goes through ``choose_open`` / ``choose_save``: it opens where that kind
of file was last chosen (remembered per kind in QSettings), else in the user's Documents (files with
personal data: in the data folder's ``keluaran``, see privacy.py), never in the program's folder. A written
file is offered to be opened, or its folder shown (``FileOffer``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

# The kinds of files remembered apart: a clerk reads BPJS's answers from one folder, saves reports to another.
KINDS = ("import", "report", "answer", "template", "bill", "backup", "personal")


def documents() -> Path:
    """The user's Documents folder (their home when there is none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def _key(kind: str) -> str:
    assert kind in KINDS, kind
    return f"files/{kind}"


def start_folder(kind: str, fallback: Path | None = None) -> Path:
    """Where the chooser for ``kind`` opens: the folder last chosen for it, else ``fallback``, else Documents."""
    remembered = QSettings().value(_key(kind), "", str)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    if fallback is not None:
        return fallback
    return documents()


def remember(kind: str, path: Path) -> None:
    QSettings().setValue(_key(kind), str(Path(path).parent))


def choose_open(parent: QWidget | None, kind: str, title: str, filter_: str,
                fallback: Path | None = None) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind, fallback)), filter_)
    if not chosen:
        return None
    remember(kind, Path(chosen))
    return Path(chosen)


def choose_save(parent: QWidget | None, kind: str, title: str, name: str, filter_: str,
                fallback: Path | None = None) -> Path | None:
    """Ask where to save ``name`` (a file name, offered in the start folder of ``kind``)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder(kind, fallback) / name), filter_)
    if not chosen:
        return None
    remember(kind, Path(chosen))
    return Path(chosen)


def open_path(path: Path) -> bool:
    """Open a file or folder with what the system opens it with."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class FileOffer(QWidget):
    """"Tersimpan: name  [Buka berkas] [Buka folder]": shown once a file is written, hidden until then.
    It takes no focus when shown (the step's next button keeps it); Tab reaches its buttons."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="fileOffer")
        self.path: Path | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(objectName="fileOfferName")
        self.open_file = QPushButton(self.tr("Buka berkas"), objectName="openFile", autoDefault=False,
                                     clicked=lambda: self.path is not None and open_path(self.path))
        self.open_folder = QPushButton(self.tr("Buka folder"), objectName="openFolder", autoDefault=False,
                                       clicked=lambda: self.path is not None and open_path(self.path.parent))
        row.addWidget(self.label, 1)
        row.addWidget(self.open_file)
        row.addWidget(self.open_folder)
        self.setVisible(False)

    def offer(self, path: Path) -> None:
        self.path = Path(path)
        self.label.setText(self.tr("Tersimpan: {name}").format(name=self.path.name))
        self.label.setToolTip(str(self.path))
        self.setVisible(True)
