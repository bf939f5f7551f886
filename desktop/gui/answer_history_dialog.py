"""Riwayat jawaban BPJS: the answer files applied on this laptop's records, newest first, and taking one
back when it was applied by mistake (a wrong file, a misread date) — one step, after a confirmation that
says how many workers go back to "Diajukan ke BPJS". Reached from the Kepesertaan window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QMessageBox, QPushButton

from desktop.gui.i18n import number
from desktop.gui.steps import OK_STYLE, _item, _local_time, _say, _status, _Step, _table
from desktop.services import membership
from desktop.services.errors import CONTEXT as SERVICE_CONTEXT


class AnswerHistoryDialog(_Step):
    """The applied answers, and "Urungkan" on the one selected."""

    loaded = Signal()                # the list is on screen
    confirming = Signal(object)      # the confirmation box, open (tests answer it)

    COLUMNS = ("at", "by", "file", "activated", "refused", "state", "code")

    def __init__(self, ws, worker, actor, parent=None):
        super().__init__(ws, worker, actor, parent)
        self.answers: list[membership.AppliedAnswer] = []
        self.confirm_box: QMessageBox | None = None
        self._intro(self.tr("Riwayat jawaban BPJS"), self.tr(
            "Jawaban BPJS yang sudah diterapkan, terbaru di atas. Bila sebuah berkas salah diterapkan (berkas "
            "batch lain, tanggal salah dibaca), pilih berkas itu lalu \"Urungkan\": peserta yang diaktifkan atau "
            "ditolak olehnya kembali seperti sebelumnya (Diajukan ke BPJS), lalu terapkan berkas yang benar. "
            "Riwayat peserta tetap mencatat semuanya; pengurungan dicatat di audit dan ikut tersinkron."))
        self.table = _table([self.tr("Dibaca"), self.tr("Oleh"), self.tr("Berkas"), self.tr("Aktif"),
                             self.tr("Ditolak"), self.tr("Keadaan"), self.tr("Kode")], "answerHistory")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.layout_.addWidget(self.table, 1)
        form = QFormLayout()
        self.reason = QLineEdit(objectName="undoReason")
        self.reason.setPlaceholderText(self.tr("mis. tanggal salah dibaca, berkas batch lain (boleh kosong)"))
        self.reason.setMaxLength(200)
        form.addRow(self.tr("&Alasan mengurungkan"), self.reason)
        self.layout_.addLayout(form)
        self.undo_button = QPushButton(self.tr("&Urungkan jawaban ini…"), objectName="undoButton",
                                       clicked=self.ask_undo, autoDefault=True)
        self._buttons(self.undo_button)
        self.resize(820, 460)
        self._update_buttons()
        self.reload()

    # ------------------------------------------------------------------ the list
    def reload(self) -> None:
        self.worker.submit(membership.applied_answers, self.ws, self.actor, on_success=self._show,
                           on_failure=self._failed)

    def _show(self, answers: list[membership.AppliedAnswer]) -> None:
        selected = self.selected()
        self.answers = answers
        self.table.setRowCount(max(len(answers), 1))
        if not answers:
            self.table.setSpan(0, 0, 1, len(self.COLUMNS))
            self.table.setItem(0, 0, _item(self.tr("Belum ada jawaban BPJS yang diterapkan pada data di laptop ini.")))
        for row, answer in enumerate(answers):
            if answer.undone:
                state = self.tr("diurungkan {when} oleh {by}").format(when=_local_time(answer.undone_at),
                                                                      by=answer.undone_by)
            else:
                state = self.tr("berlaku")
            values = (_local_time(answer.at), answer.by, answer.file, answer.activated, answer.refused, state,
                      answer.answer[:8])
            for column, value in enumerate(values):
                item = _item(value, align_right=column in (3, 4), tip=answer.answer if column == 6 else "")
                if answer.undone:
                    item.setForeground(QColor("#777777"))
                self.table.setItem(row, column, item)
        if answers:
            ids = [a.answer for a in answers]
            self.table.selectRow(ids.index(selected.answer) if selected and selected.answer in ids else 0)
        self._update_buttons()
        self.loaded.emit()

    def selected(self) -> membership.AppliedAnswer | None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.answers):
            return self.answers[rows[0].row()]
        return None

    def _update_buttons(self) -> None:
        answer = self.selected()
        self.undo_button.setEnabled(answer is not None and not answer.undone and not self.busy)

    # ------------------------------------------------------------------ undo
    def ask_undo(self) -> None:
        """What the undo would do first (on the worker), then the question."""
        answer = self.selected()
        if answer is None or answer.undone:
            return
        self.message.clear()
        self._run(membership.preview_undo, self.ws, self.actor, answer.answer,
                  on_success=lambda plan: self._confirm(answer, plan))

    def _confirm(self, answer: membership.AppliedAnswer, plan: membership.UndoResult) -> None:
        back = membership.back_to_submitted(plan)
        text = self.tr("Urungkan jawaban {file} yang dibaca {when}?\n\n{count} peserta kembali \"Diajukan ke BPJS\" "
                       "(menunggu jawaban BPJS): nomor KPJ, tanggal kepesertaan atau penolakan dari berkas ini tidak "
                       "berlaku lagi.").format(file=answer.file, when=_local_time(answer.at), count=number(back))
        others = {status: n for status, n in plan.by_status.items() if status != "submitted"}
        if others:
            text += " " + self.tr("{list} mengikuti jawaban BPJS lain.").format(
                list=", ".join(self.tr("{count} peserta {status}").format(count=number(n), status=_status(status))
                               for status, n in sorted(others.items())))
        if plan.payments_waiting:
            text += "\n\n" + self.tr("{count} peserta sudah dibayar BAZNAS: bulan yang dibayar menunggu sampai "
                                     "mereka aktif lagi.").format(count=number(plan.payments_waiting))
        if plan.kept:
            text += "\n\n" + self.tr("{count} peserta tidak diubah: {reason}").format(
                count=len(plan.kept), reason=QCoreApplication.translate(SERVICE_CONTEXT, plan.kept[0][1]))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Urungkan jawaban BPJS?"), text, parent=self)
        self.confirm_yes = box.addButton(self.tr("Urungkan"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(box.buttons()[-1])         # Enter does not undo by accident
        box.finished.connect(lambda _result: self._answered(box, answer))
        self.confirm_box = box
        box.open()
        self.confirming.emit(box)

    def _answered(self, box: QMessageBox, answer: membership.AppliedAnswer) -> None:
        self.confirm_box = None
        if box.clickedButton() is not self.confirm_yes:
            return
        self._run(membership.undo_answer, self.ws, answer.answer, self.actor, self.reason.text(),
                  changes="workers", on_success=self._undone)

    def _undone(self, result: membership.UndoResult) -> None:
        text = self.tr("Jawaban {file} diurungkan: {count} peserta kembali \"Diajukan ke BPJS\". Terapkan berkas "
                       "yang benar dengan \"Baca jawaban BPJS…\".").format(
            file=result.file, count=membership.back_to_submitted(result))
        if result.kept:
            text += " " + self.tr("{count} peserta tidak diubah (sudah diajukan lagi atau dihapus).").format(
                count=len(result.kept))
        if result.kpj_freed:
            text += " " + self.tr("{count} nomor KPJ dilepas: bila laptop ini tersinkron dengan hub, sinkronkan dulu "
                                  "sebelum menerapkan berkas yang benar.").format(count=number(result.kpj_freed))
        _say(self.message, text, OK_STYLE)
        self.reason.clear()
        self.done.emit(result)
        self.reload()
