"""The laptop's hub, inside the window: join the branch hub with the address and one-time code the
branch gives (``lindung register``), see where it syncs, and how often it syncs by itself."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from desktop.gui.i18n import error_text
from desktop.gui.worker import DbWorker, NetworkCalls
from desktop.domain.actors import Actor
from desktop.services.workspace import Workspace
from desktop.sync import client


class HubDialog(QDialog):
    joined = Signal(str)          # the hub's address, once this laptop is registered there
    loaded = Signal(object)       # HubLink on screen (tests wait on it)
    failed = Signal(str)

    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.actor = ws, worker, actor
        self.link: client.HubLink | None = None
        self.calls = NetworkCalls(self)      # the hub may be slow or away: off the GUI thread
        self.setWindowTitle(self.tr("Hub dan sinkronisasi"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.state = QLabel(objectName="hubState")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)

        self.join_box = QGroupBox(self.tr("Daftarkan laptop ini ke hub cabang"))
        form = QFormLayout(self.join_box)
        intro = QLabel(self.tr("Admin cabang memberi alamat hub dan kode sekali pakai untuk laptop ini."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.url = QLineEdit(objectName="hubUrl")
        self.url.setPlaceholderText(self.tr("mis. https://hub.cabang.id"))
        self.code = QLineEdit(objectName="hubCode")
        self.code.setPlaceholderText(self.tr("kode sekali pakai dari admin cabang"))
        self.name = QLineEdit(objectName="hubLaptopName")
        self.name.setPlaceholderText(self.tr("boleh kosong, mis. Laptop Sambas 1"))
        self.allow_http = QCheckBox(self.tr("Izinkan http:// tanpa enkripsi (hanya di jaringan tertutup)"),
                                    objectName="hubAllowHttp")
        form.addRow(self.tr("Alamat hub"), self.url)
        form.addRow(self.tr("Kode"), self.code)
        form.addRow(self.tr("Nama laptop"), self.name)
        form.addRow("", self.allow_http)
        self.join_button = QPushButton(self.tr("Daftarkan"), objectName="saveButton", clicked=self.join)
        self.join_button.setAutoDefault(True)
        form.addRow("", self.join_button)
        layout.addWidget(self.join_box)

        auto = QGroupBox(self.tr("Sinkron otomatis"))
        row = QHBoxLayout(auto)
        row.addWidget(QLabel(self.tr("Sinkronkan sendiri setiap")))
        self.auto_minutes = QSpinBox(objectName="hubAutoMinutes")
        self.auto_minutes.setRange(0, 1440)
        self.auto_minutes.setSpecialValueText(self.tr("tidak pernah"))
        self.auto_minutes.setSuffix(self.tr(" menit"))
        row.addWidget(self.auto_minutes)
        self.auto_button = QPushButton(self.tr("Simpan"), clicked=self.save_auto)
        row.addWidget(self.auto_button)
        row.addStretch(1)
        layout.addWidget(auto)

        self.message = QLabel(objectName="formMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        close = QPushButton(self.tr("Tutup"), clicked=self.accept)
        close.setAutoDefault(False)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.url.returnPressed.connect(self.code.setFocus)
        self.code.returnPressed.connect(self.join)
        self.reload()

    def reload(self) -> None:
        self.worker.submit(client.hub_link, self.ws, on_success=self._show, on_failure=self._failed)

    def _show(self, link: client.HubLink) -> None:
        self.link = link
        if link.url:
            self.state.setText(self.tr("Laptop ini (awalan nomor {prefix}) terdaftar di hub <b>{url}</b>. Untuk pindah "
                                       "ke hub lain, daftarkan dengan kode baru di bawah.").format(
                prefix=link.device_prefix, url=link.url))
        else:
            self.state.setText(self.tr("Laptop ini (awalan nomor {prefix}) <b>belum terdaftar</b> di hub cabang: data "
                                       "tersimpan di sini saja sampai laptop didaftarkan.").format(
                prefix=link.device_prefix))
            self.url.setFocus()
        self.auto_minutes.setValue(link.auto_minutes)
        self.loaded.emit(link)

    def join(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url or not code:
            self._say(self.tr("Isi alamat hub dan kode dari admin cabang."), error=True)
            (self.url if not url else self.code).setFocus()
            return
        self.join_button.setEnabled(False)
        self._say(self.tr("Menghubungi {url}…").format(url=url))
        self.calls.submit(client.register, self.ws, url, code, self.name.text().strip(),
                          allow_http=self.allow_http.isChecked(), on_success=self._joined, on_failure=self._join_failed)

    def _joined(self, hub: str) -> None:
        self.join_button.setEnabled(True)
        self.code.clear()
        self._say(self.tr("Laptop ini terdaftar di hub {url}. Sinkronisasi dimulai.").format(url=hub))
        self.joined.emit(hub)
        self.reload()

    def _join_failed(self, error: BaseException) -> None:
        self.join_button.setEnabled(True)
        self._failed(error)
        self.code.setFocus()
        self.code.selectAll()

    def save_auto(self) -> None:
        minutes = self.auto_minutes.value()
        self.worker.submit(client.set_auto_minutes, self.ws, minutes, self.actor, on_failure=self._failed,
                           on_success=lambda _r: self._say(
                               self.tr("Sinkron otomatis setiap {n} menit.").format(n=QLocale().toString(minutes))
                               if minutes else self.tr("Sinkron otomatis dimatikan.")),
                           changes="sync")

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("severity", "error" if error else "ok")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        self._say(message, error=True)
        self.failed.emit(message)
