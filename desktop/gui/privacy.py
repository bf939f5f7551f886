"""Saving files that carry personal data (card PDFs, receipts, rejected rows): offered inside the
data folder, and a warning before they go anywhere else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.workspace import Workspace


def confirm_outside(parent: QWidget, ws: Workspace, path: Path) -> bool:
    """True when ``path`` is inside the data folder, or the user agrees after the warning."""
    if not ws.outside_data_dir(path):
        return True
    answer = QMessageBox.warning(
        parent, QCoreApplication.translate("Privacy", "Data pribadi"),
        QCoreApplication.translate(
            "Privacy", "Berkas ini berisi data pribadi peserta (nama, NIK, alamat) dan akan disimpan di luar "
                       "folder data Lindung, tanpa enkripsi:\n{path}\n\nSimpan hanya di tempat yang aman dan hapus "
                       "bila tidak diperlukan lagi (UU PDP 27/2022). Lanjutkan?").format(path=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def save_path(parent: QWidget, ws: Workspace, title: str, name: str, filter_: str) -> Path | None:
    """Ask where to save (starting in the data folder's ``keluaran``, or where such a file was last
    saved), warning outside the data folder."""
    from desktop.gui.files import choose_save

    path = choose_save(parent, "personal", title, name, filter_, fallback=ws.exports_dir)
    if path is None:
        return None
    return path if confirm_outside(parent, ws, path) else None
