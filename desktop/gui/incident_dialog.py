"""Laporkan kematian/kecelakaan: a field volunteer who hears of a death or an accident reports it on the
worker chosen in the list. What is due (covered on that day? JKM or JKK, how much, why, the deadlines) is
judged as the fields are typed, before anything is saved; Enter saves the incident, and the claim pack for
the heir is one key away. Refused input (a day not yet come, a death already reported) is said in words."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import claims as rules
from desktop.domain.actors import Actor
from desktop.domain.text import format_rupiah, parse_date
from desktop.gui.i18n import error_text
from desktop.gui.privacy import save_path
from desktop.gui.worker import DbWorker
from desktop.services import claims, permissions
from desktop.services.workspace import Workspace

JUDGE_DELAY_MS = 150         # typing pauses this long before the judgement is asked again
_FULL_DATE = re.compile(r"^\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\s*$")    # DD-MM-YYYY, the year in full


def _claims_text(text: str) -> str:
    return QCoreApplication.translate(rules.CONTEXT, text)


class IncidentDialog(QDialog):
    judged = Signal(object)     # the judgement shown (claims.Reported), or the refusal (an exception)
    saved = Signal(object)      # claims.Reported
    packed = Signal(object)     # the claim pack's path

    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor, registration_no: str, full_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.actor = ws, worker, actor
        self.registration_no = registration_no
        self.reported: claims.Reported | None = None
        self._generation = 0
        self._judged_generation = -1
        self.setWindowTitle(self.tr("Laporkan kematian/kecelakaan"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        who = QLabel(self.tr("Peserta: {name} ({regno})").format(name=full_name, regno=registration_no),
                     objectName="incidentWorker")
        layout.addWidget(who)
        form = QFormLayout()
        self.kind = QComboBox(objectName="incidentKind")
        for kind in rules.KINDS:
            self.kind.addItem(_claims_text(rules.KIND_LABELS[kind]), kind)
        self.day = QLineEdit(objectName="incidentDay", placeholderText=self.tr("HH-BB-TTTT"))
        self.at_work = QCheckBox(self.tr("Terjadi saat &bekerja (atau akibat pekerjaan)"), objectName="incidentAtWork")
        self.place = QLineEdit(objectName="incidentPlace", maxLength=rules.MAX_TEXT)
        self.what = QLineEdit(objectName="incidentWhat", maxLength=rules.MAX_TEXT,
                              placeholderText=self.tr("mis. jatuh dari pohon karet"))
        self.reported_by = QLineEdit(actor.display_name or actor.username, objectName="incidentReportedBy",
                                     maxLength=rules.MAX_TEXT)
        form.addRow(self.tr("&Kejadian:"), self.kind)
        form.addRow(self.tr("&Tanggal kejadian:"), self.day)
        form.addRow("", self.at_work)
        form.addRow(self.tr("Tem&pat:"), self.place)
        form.addRow(self.tr("&Apa yang terjadi:"), self.what)
        form.addRow(self.tr("&Dilaporkan oleh:"), self.reported_by)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Hak yang dinilai pada tanggal kejadian:")))
        self.judgement = QLabel(objectName="incidentJudgement", wordWrap=True)
        self.judgement.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.judgement.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.judgement)
        self.message = QLabel(objectName="incidentMessage", wordWrap=True)
        layout.addWidget(self.message)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Simpan laporan"), objectName="incidentSave", default=True,
                                       autoDefault=True, enabled=False)
        self.save_button.clicked.connect(self.save)
        self.pack_button = QPushButton(self.tr("Cetak &lembar klaim…"), objectName="incidentPack", enabled=False)
        self.pack_button.clicked.connect(self.print_pack)
        close = QPushButton(self.tr("T&utup"), objectName="incidentClose", autoDefault=False)
        close.clicked.connect(self.reject)
        for button in (self.save_button, self.pack_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self._timer = QTimer(self, singleShot=True, interval=JUDGE_DELAY_MS, timeout=self._judge)
        self.kind.currentIndexChanged.connect(self._changed)
        self.at_work.toggled.connect(self._changed)
        for field in (self.day, self.place, self.what, self.reported_by):
            field.textChanged.connect(self._changed)
        self._changed()
        self.day.setFocus()

    # --- the judgement, before saving ------------------------------------------------------------

    def _inputs(self):
        day = parse_date(self.day.text()) if _FULL_DATE.match(self.day.text()) else None
        return (self.registration_no, self.kind.currentData(), day, self.at_work.isChecked(), self.place.text(),
                self.what.text(), self.reported_by.text())

    def _changed(self, *_args) -> None:
        if self.reported is not None:
            return          # saved: the form is the record of what was reported
        self._generation += 1
        self.save_button.setEnabled(False)
        if self._inputs()[2] is None:
            self._timer.stop()
            self.judgement.setText(self.tr("Tulis tanggal kejadian lengkap, mis. 03-12-2026 (HH-BB-TTTT)."))
            return
        self._timer.start()

    def _judge(self) -> None:
        generation = self._generation
        self.worker.submit(claims.preview, self.ws, self.actor, *self._inputs(),
                           on_success=lambda reported: self._show(generation, reported),
                           on_failure=lambda error: self._refused(generation, error))

    def _show(self, generation: int, reported: claims.Reported) -> None:
        if generation != self._generation or self.reported is not None:
            return          # the fields changed since: a newer judgement is on its way
        self.judgement.setText(self.describe(reported.judgement))
        self._judged_generation = generation
        self.save_button.setEnabled(True)
        self.judged.emit(reported)

    def _refused(self, generation: int, error: BaseException) -> None:
        if generation != self._generation or self.reported is not None:
            return
        self.judgement.setText(self.tr("Tidak dapat dicatat: {reason}").format(reason=error_text(error)))
        self.save_button.setEnabled(False)
        self.judged.emit(error)

    def describe(self, judgement: rules.Judgement) -> str:
        if not judgement.covered:
            head = self.tr("Tidak tertanggung pada tanggal itu: tidak ada manfaat yang dapat diklaim.")
        elif judgement.amount is not None:
            head = self.tr("Tertanggung. Hak: {benefit} {amount}.").format(benefit=judgement.benefit,
                                                                          amount=format_rupiah(judgement.amount))
        elif judgement.benefit is not None:
            head = self.tr("Tertanggung. Hak: {benefit}; jumlahnya dinilai BPJS Ketenagakerjaan.").format(
                benefit=judgement.benefit)
        else:
            head = self.tr("Tertanggung, tetapi kejadian ini tidak ditanggung JKK maupun JKM.")
        lines = [head] + [reason.message for reason in judgement.reasons]
        lines += [self.tr("Batas waktu: {text}").format(text=d.message) for d in judgement.deadlines]
        lines += [self.tr("Perhatian: {text}").format(text=w.message) for w in judgement.warnings]
        return "\n".join(lines)

    # --- saving, then the claim pack ---------------------------------------------------------------

    def save(self) -> None:
        if self.reported is not None or self._judged_generation != self._generation:
            return          # only what is shown is saved
        self.save_button.setEnabled(False)          # once: a second Enter waits for the first
        self.message.setText(self.tr("Menyimpan…"))
        self.worker.submit(claims.report, self.ws, self.actor, *self._inputs(), changes="workers",
                           on_success=self._saved, on_failure=self._save_failed)

    def _save_failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
        self.save_button.setEnabled(True)

    def _saved(self, reported: claims.Reported) -> None:
        self.reported = reported
        for field in (self.kind, self.day, self.at_work, self.place, self.what, self.reported_by):
            field.setEnabled(False)
        self.message.setText(self.tr("Laporan tersimpan (klaim {claim}). Cetak lembar klaim untuk ahli waris "
                                     "sekarang: tekan Enter. Lanjutkan klaimnya di Data → Klaim JKK/JKM.")
                             .format(claim=reported.claim[:8]))
        self.pack_button.setEnabled(True)
        self.pack_button.setDefault(True)
        self.pack_button.setFocus()
        self.saved.emit(reported)

    def ask_pack_path(self):
        return save_path(self, self.ws, self.tr("Simpan lembar klaim"), f"klaim-{self.registration_no}.pdf",
                         "PDF (*.pdf)")

    def print_pack(self) -> None:
        if self.reported is None:
            return
        path = self.ask_pack_path()
        if path is None:
            return
        self.message.setText(self.tr("Menulis lembar klaim…"))
        self.worker.submit(claims.pack, self.ws, self.actor, self.reported.claim, path,
                           on_success=lambda _pages: self._packed(path),
                           on_failure=lambda e: self.message.setText(error_text(e)))

    def _packed(self, path) -> None:
        self.message.setText(self.tr("Lembar klaim ditulis ke {path}.").format(path=path))
        self.packed.emit(path)


def incident_action(window) -> QAction:
    """The main window's entry (Data menu, the list's right-click menu, Ctrl+Shift+M): the incident dialog
    on the worker chosen in the list."""
    action = QAction(QCoreApplication.translate("IncidentDialog", "Laporkan kematian/kecelakaan…"), window,
                     objectName="incidentAction", shortcut=QKeySequence("Ctrl+Shift+M"))

    def open_dialog() -> None:
        index = window.table.currentIndex()
        rows = window.model.rows
        if not index.isValid() or index.row() >= len(rows):
            window.statusBar().showMessage(
                QCoreApplication.translate("IncidentDialog", "Pilih dulu pesertanya di daftar."), 6000)
            return
        row = rows[index.row()]
        dialog = IncidentDialog(window.ws, window.worker, window.actor, row.registration_no, row.full_name, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window._open(dialog)

    action.triggered.connect(open_dialog)
    allowed = permissions.may(window.actor, permissions.Action.EDIT)
    action.setEnabled(allowed)
    action.setVisible(allowed)
    return action
