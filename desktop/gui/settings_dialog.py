"""Programme settings in the window (admins): age limits, months of coverage, the income thought
plausible, the income bracket reported to BPJS for JKK, and the minutes after which an idle window locks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from desktop.domain import contributions
from desktop.gui.i18n import error_text
from desktop.gui.worker import DbWorker
from desktop.services import settings
from desktop.domain.actors import Actor
from desktop.services.workspace import Workspace


class SettingsDialog(QDialog):
    loaded = Signal(object)    # ProgrammeSettings on screen
    saved = Signal(object)

    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.actor = ws, worker, actor
        self.setWindowTitle(self.tr("Pengaturan program"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()

        def spin(name: str, low: int, high: int, suffix: str = "", step: int = 1) -> QSpinBox:
            box = QSpinBox(objectName=name)
            box.setRange(low, high)
            box.setSingleStep(step)
            box.setSuffix(suffix)
            box.setGroupSeparatorShown(True)
            return box

        self.min_age = spin("minAge", 0, 120, self.tr(" tahun"))
        self.max_age = spin("maxAge", 1, 120, self.tr(" tahun"))
        self.coverage_months = spin("coverageMonths", 1, 120, self.tr(" bulan"))
        self.max_income = spin("maxIncome", 1, 1_000_000_000, "", 500_000)
        self.max_income.setPrefix("Rp ")
        self.jkk_income = spin("jkkIncome", contributions.BRACKET_MIN, contributions.BRACKET_MAX, "",
                               contributions.BRACKET_STEP)
        self.jkk_income.setPrefix("Rp ")
        self.jkk_income.setToolTip(self.tr(
            "Tingkat penghasilan yang dikirim ke BPJS untuk setiap peserta; iuran JKK 1% darinya "
            "(Rp 1.000.000 → Rp 10.000). Penghasilan asli peserta tetap tersimpan. Pengajuan dan "
            "pembayaran yang sudah dicatat tidak berubah."))
        self.lock_minutes = spin("lockMinutes", 0, 240, self.tr(" menit"))
        self.lock_minutes.setSpecialValueText(self.tr("tidak pernah"))
        form.addRow(self.tr("Umur minimal peserta"), self.min_age)
        form.addRow(self.tr("Umur maksimal (di bawah umur ini)"), self.max_age)
        form.addRow(self.tr("Lama perlindungan"), self.coverage_months)
        form.addRow(self.tr("Penghasilan di atas ini diberi peringatan"), self.max_income)
        form.addRow(self.tr("Upah yang dilaporkan untuk JKK"), self.jkk_income)
        form.addRow(self.tr("Kunci jendela bila tidak dipakai"), self.lock_minutes)
        layout.addLayout(form)
        self.message = QLabel(objectName="formMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Simpan"), objectName="saveButton", clicked=self.save)
        close = QPushButton(self.tr("Tutup"), clicked=self.accept)
        close.setAutoDefault(False)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.worker.submit(settings.programme_settings, ws, on_success=self._show, on_failure=self._failed)

    def _show(self, values: settings.ProgrammeSettings) -> None:
        self.min_age.setValue(values.min_age)
        self.max_age.setValue(values.max_age)
        self.coverage_months.setValue(values.coverage_months)
        self.max_income.setValue(values.max_plausible_income)
        self.lock_minutes.setValue(values.lock_minutes)
        self.jkk_income.setValue(values.jkk_income)
        self.loaded.emit(values)

    def wanted(self) -> settings.ProgrammeSettings:
        return settings.ProgrammeSettings(self.min_age.value(), self.max_age.value(), self.coverage_months.value(),
                                          self.max_income.value(), self.lock_minutes.value(),
                                          self.jkk_income.value())

    def save(self) -> None:
        self.worker.submit(settings.save_programme_settings, self.ws, self.actor, self.wanted(),
                           on_success=self._saved, on_failure=self._failed, changes="settings")

    def _saved(self, values: settings.ProgrammeSettings) -> None:
        self._show(values)
        self._say(self.tr("Pengaturan disimpan."))
        self.saved.emit(values)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("severity", "error" if error else "ok")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _failed(self, error: BaseException) -> None:
        self._say(error_text(error), error=True)
