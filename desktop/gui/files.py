"""Where files are chosen, and what is offered once one is written.

Every file chooser of the window goes through ``choose_open`` / ``choose_save``: it opens where that kind
of file was last chosen (remembered per kind in QSettings), else in the user's Documents (files with
personal data: in the data folder's ``keluaran``, see privacy.py), never in the program's folder. A written
file is offered to be opened, or its folder shown (``FileOffer``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIdentityProxyModel, QLocale, QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QHBoxLayout, QLabel, QPushButton, QWidget

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


def size_text(size: int) -> str:
    """A file's size as the window's language writes it: ``200,0 kB``, not Qt's ``200,00 KiB``."""
    return QLocale().formattedDataSize(size, 1 if size >= 1000 else 0, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class _Sizes(QIdentityProxyModel):
    """The chooser's Size column in ``size_text`` (Qt's own writes KiB, in the system's language)."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        model = self.sourceModel()
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 1 and isinstance(model, QFileSystemModel):
            source = self.mapToSource(index)
            if not model.isDir(source):
                return size_text(model.size(source))
        return super().data(index, role)


def _ask(parent: QWidget | None, title: str, start: str, filter_: str, save: bool) -> str:
    """Qt's file chooser (in the window's language, sizes too): the chosen path, or "" when cancelled."""
    where = Path(start)
    folder, name = (where, "") if where.is_dir() else (where.parent, where.name)
    dialog = QFileDialog(parent, title, str(folder), filter_)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    dialog.setProxyModel(_Sizes(dialog))
    if name:
        dialog.selectFile(name)
    chosen = dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []
    dialog.deleteLater()
    return chosen[0] if chosen else ""


def choose_open(parent: QWidget | None, kind: str, title: str, filter_: str,
                fallback: Path | None = None) -> Path | None:
    chosen = _ask(parent, title, str(start_folder(kind, fallback)), filter_, save=False)
    if not chosen:
        return None
    remember(kind, Path(chosen))
    return Path(chosen)


def choose_save(parent: QWidget | None, kind: str, title: str, name: str, filter_: str,
                fallback: Path | None = None) -> Path | None:
    """Ask where to save ``name`` (a file name, offered in the start folder of ``kind``)."""
    chosen = _ask(parent, title, str(start_folder(kind, fallback) / name), filter_, save=True)
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
