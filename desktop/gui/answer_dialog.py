"""Baca jawaban BPJS: the answer file previewed first (which sheet and columns were read, how its dates
were read, what would change and what would not, and why), applied only when the clerk says so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton

from desktop.gui.files import choose_open
from desktop.gui.i18n import number
from desktop.gui.steps import OK_STYLE, PLAIN_STYLE, _Step, _item, _say, _table
from desktop.services import membership
from desktop.services.errors import CONTEXT as SERVICE_CONTEXT
from desktop.services.membership.answers import ROLE_LABELS

ANSWER_FILTER = "Jawaban BPJS (*.xlsx *.xls *.ods *.csv)"
FIGURE_STYLE = "font-size: 16pt; font-weight: bold;"


def _service(text: str) -> str:
    return QCoreApplication.translate(SERVICE_CONTEXT, text)


class AnswerDialog(_Step):
    """Pick BPJS's answer, see what it says and how it was read, apply it (or not)."""

    previewed = Signal(object)     # the preview's result: nothing changed yet

    def __init__(self, ws, worker, actor, parent=None):
        super().__init__(ws, worker, actor, parent)
        self.result: membership.AnswerResult | None = None
        self.preview: membership.AnswerResult | None = None
        self.path: Path | None = None
        self._intro(self.tr("Baca jawaban BPJS"), self.tr(
            "Pilih berkas yang dikirim BPJS (.xlsx, .xls, .ods atau .csv). Lindung membacanya dulu tanpa mengubah "
            "apa pun: periksa lembar, kolom dan tanggal yang terbaca, lalu pilih \"Terapkan\". Baris dengan nomor KPJ "
            "11 digit dan tanggal kepesertaan (TMT) membuat peserta itu Aktif sejak tanggal tersebut; baris dengan "
            "alasan tanpa KPJ membuatnya Ditolak BPJS; baris yang masih diproses (PROSES, PENDING, menunggu) tidak "
            "mengubah apa-apa. Berkas yang sama dibaca dua kali tidak mengubah apa-apa."))
        self.choose_button = QPushButton(self.tr("&Pilih berkas jawaban…"), objectName="saveButton",
                                         clicked=self.choose_file, autoDefault=True)
        pick = QHBoxLayout()
        pick.addWidget(self.choose_button)
        self.file_label = QLabel(objectName="answerFile")
        pick.addWidget(self.file_label, 1)
        self.layout_.addLayout(pick)
        # What was read: said back before anything is applied.
        self.reading = QLabel(objectName="answerReading")
        self.reading.setWordWrap(True)
        self.reading.setTextFormat(Qt.TextFormat.PlainText)
        self.reading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reading.setFrameShape(QFrame.Shape.StyledPanel)
        self.reading.setVisible(False)
        self.layout_.addWidget(self.reading)
        self.stage = QLabel(objectName="answerStage")
        self.stage.setStyleSheet("font-weight: bold;")
        self.layout_.addWidget(self.stage)
        counts = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for column, key in enumerate(("activated", "refused", "unchanged", "pending", "unknown")):
            value = QLabel("–", objectName=f"answer_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value.setStyleSheet(FIGURE_STYLE)
            caption = QLabel()
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            counts.addWidget(value, 0, column)
            counts.addWidget(caption, 1, column)
            self.figures[key], self.captions[key] = value, caption
        self._captions(preview=True)
        self.layout_.addLayout(counts)
        self.layout_.addWidget(QLabel(self.tr("Baris yang tidak diterapkan dan alasannya:")))
        self.table = _table([self.tr("Baris di berkas"), self.tr("Lembar"), self.tr("Isi di berkas"),
                             self.tr("Alasan")], "answerProblems")
        self.table.setWordWrap(True)
        self.table.setColumnHidden(1, True)
        self.layout_.addWidget(self.table, 1)
        self.apply_button = QPushButton(self.tr("&Terapkan jawaban ini"), objectName="applyAnswer",
                                        clicked=self.apply, enabled=False)
        self._buttons(self.apply_button)
        self.choose_button.setDefault(True)
        self.resize(820, 600)

    def _captions(self, preview: bool) -> None:
        words = ({"activated": self.tr("Akan aktif"), "refused": self.tr("Akan ditolak"),
                  "unchanged": self.tr("Tidak berubah"), "pending": self.tr("Masih diproses BPJS"),
                  "unknown": self.tr("Tidak akan diterapkan")} if preview else
                 {"activated": self.tr("Aktif"), "refused": self.tr("Ditolak"), "unchanged": self.tr("Tidak berubah"),
                  "pending": self.tr("Masih diproses BPJS"), "unknown": self.tr("Tidak diterapkan")})
        for key, caption in self.captions.items():
            caption.setText(words[key])

    def _update_buttons(self) -> None:
        self.choose_button.setEnabled(not self.busy)
        ready = self.preview is not None and self.result is None
        self.apply_button.setEnabled(not self.busy and ready and bool(self.preview.activated + self.preview.refused))

    def choose_file(self) -> None:
        path = choose_open(self, "answer", self.tr("Pilih berkas jawaban BPJS"), ANSWER_FILTER)
        if path:
            self.read(path)

    def read(self, path: Path) -> None:
        """Preview ``path``: the same reading as applying it, nothing changed."""
        self.message.clear()
        self.preview = self.result = None
        self.path = Path(path)
        self.file_label.setText(self.path.name)
        self._run(membership.preview_answer, self.ws, self.path, self.actor,
                  on_success=self._previewed)

    def apply(self) -> None:
        if self.preview is None or self.path is None:
            return
        self.message.clear()
        self._run(membership.import_answer, self.ws, self.path, self.actor, fingerprint=self.preview.fingerprint,
                  changes="workers", on_success=self._applied)

    def _previewed(self, result: membership.AnswerResult) -> None:
        self.preview = result
        self._show(result)
        self.stage.setText(self.tr("Pratinjau — belum ada yang diubah."))
        changes = result.activated + result.refused
        if changes:
            text = self.tr("Periksa yang terbaca di atas. Bila benar, pilih \"Terapkan jawaban ini\": {activated} "
                           "peserta menjadi aktif, {refused} ditolak BPJS.").format(activated=result.activated,
                                                                                  refused=result.refused)
            _say(self.message, text, PLAIN_STYLE)
        else:
            _say(self.message, self.tr("Berkas ini tidak mengubah apa pun: tidak ada yang perlu diterapkan."),
                 PLAIN_STYLE)
        self._update_buttons()
        self.apply_button.setFocus() if changes else self.choose_button.setFocus()
        self.previewed.emit(result)

    def _applied(self, result: membership.AnswerResult) -> None:
        self.result = result
        self._show(result)
        self.stage.setText(self.tr("Diterapkan."))
        text = self.tr("{name} dibaca: {activated} peserta aktif, {refused} ditolak BPJS, {unchanged} tidak berubah.") \
            .format(name=result.file, activated=result.activated, refused=result.refused, unchanged=result.unchanged)
        if result.pending:
            text += " " + self.tr("{count} masih diproses BPJS: tidak ada yang diubah; terapkan jawaban "
                                  "berikutnya bila sudah ada.").format(count=number(result.pending))
        if result.unknown:
            text += " " + self.tr("{count} baris tidak diterapkan: lihat alasannya di tabel.").format(
                count=len(result.unknown))
        _say(self.message, text, OK_STYLE if not result.unknown else PLAIN_STYLE)
        self._update_buttons()
        self.done.emit(result)

    def _show(self, result: membership.AnswerResult) -> None:
        self._captions(preview=not result.applied)
        for key, value in (("activated", result.activated), ("refused", result.refused),
                           ("unchanged", result.unchanged), ("pending", result.pending),
                           ("unknown", len(result.unknown))):
            self.figures[key].setText(str(value))
        self.figures["unknown"].setStyleSheet(FIGURE_STYLE + (" color: #b3261e;" if result.unknown else ""))
        self.reading.setText(self.reading_text(result))
        self.reading.setVisible(True)
        self.table.setColumnHidden(1, len(result.sheets) < 2)
        self.table.setRowCount(len(result.unknown))
        for row, item in enumerate(result.unknown):
            self.table.setItem(row, 0, _item(item.row, align_right=True))
            self.table.setItem(row, 1, _item(item.sheet))
            self.table.setItem(row, 2, _item(item.value))
            text = _service(item.reason)
            self.table.setItem(row, 3, _item(text, tip=text))
        self.table.resizeRowsToContents()

    def reading_text(self, result: membership.AnswerResult) -> str:
        """Which sheets, columns and dates were read, in the clerk's words."""
        lines = [self.tr("Lembar dibaca: {sheets}").format(sheets=", ".join(result.sheets))]
        lines += ["  " + _service(reason).format(sheet=sheet) for sheet, reason in result.ignored_sheets]
        unused = self.tr("tidak dipakai")
        lines.append(self.tr("Kolom: {columns}").format(columns="; ".join(
            f"{header} → {_service(ROLE_LABELS[key]) if key else unused}" for header, key in result.columns)))
        if result.dates:
            order = {"dmy": self.tr("hari/bulan/tahun"), "mdy": self.tr("bulan/hari/tahun")}[result.date_order]
            basis = {"proven": self.tr("terbukti dari isinya"),
                     "assumed": self.tr("urutan Indonesia; tidak ada tanggal yang menentukan"),
                     "mixed": self.tr("bercampur: tanggal yang bisa dibaca dua cara tidak diterapkan"),
                     "plausible": self.tr("hanya urutan ini yang membuat semua tanggal masuk akal")}[result.date_basis]
            sample = ", ".join(f"{written} → {dt.date.fromisoformat(day):%d-%m-%Y}" for written, day in result.dates)
            lines.append(self.tr("Tanggal dibaca sebagai {order} ({basis}): {sample}").format(
                order=order, basis=basis, sample=sample))
        return "\n".join(lines)

    def _failed(self, error: BaseException) -> None:
        self.preview = None           # a file that failed is applied only after a new preview
        super()._failed(error)
        self.stage.clear()
        self.reading.setVisible(False)
