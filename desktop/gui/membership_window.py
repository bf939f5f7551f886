"""The branch's "Kepesertaan" window: a record's life after enrollment, in a few clicks.

The submission batches sent to BPJS with what became of their people (waiting for BPJS's answer,
active, refused, ended) and the months BAZNAS paid, the payments, and the steps of a month's work:
submit the records that are ready, read BPJS's answer, record BAZNAS's payment, renew those whose
coverage ends soon; plus the branch's own upload template and BAZNAS's distribution report. For admin
accounts (the branch). Every call runs on the database worker; a refusal is shown in the window, in the
window's language.

Also here: a record's membership history (for every role that sees the record) and ``MembershipLinks``,
what the main window offers of all this (one menu entry, and the history from the list).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from desktop.domain import bpjs, lifecycle
from desktop.domain.contributions import Fund
from desktop.domain.text import format_date, format_rupiah
from desktop.gui.files import choose_open
from desktop.gui.i18n import error_text, label, number
from desktop.gui.steps import ERROR_STYLE, OK_STYLE, PLAIN_STYLE, _item, _local_time, _say, _status, _Step, _table
from desktop.gui.widgets import SearchCombo
from desktop.gui.worker import DbWorker
from desktop.services import membership, permissions
from desktop.domain.actors import Actor
from desktop.services.errors import CONTEXT as SERVICE_CONTEXT
from desktop.services.membership.baznas import issue_baznas_report
from desktop.services.membership.ledger import usable_credit
from desktop.domain.records import SchoolInfo, WorkerRow
from desktop.services.search import SearchQuery
from desktop.services.workspace import Workspace

# A difference between what BAZNAS owes and what it paid: it must catch a tired eye.
SHORT_STYLE = ("color: #8c1d18; background: #fde7e4; border: 1px solid #e4a49c; border-radius: 4px; "
               "padding: 3px 6px; font-weight: bold;")
OVER_STYLE = ("color: #6b4500; background: #fff4d6; border: 1px solid #e2c46c; border-radius: 4px; "
              "padding: 3px 6px; font-weight: bold;")
SHORT_COLOR, OVER_COLOR = QColor("#fde7e4"), QColor("#fff4d6")


def _local_day(value: dt.datetime | None) -> str:
    return _local_time(value)[:10]


def _stamp_time(value: str | None) -> str:
    try:
        return _local_time(dt.datetime.fromisoformat(str(value).rstrip("Z")))
    except ValueError:
        return str(value or "")


def _not_ready_text(not_ready: dict[str, int]) -> str:
    return "; ".join(f"{n} {QCoreApplication.translate(SERVICE_CONTEXT, membership.NOT_READY_LABELS.get(key, key))}"
                     for key, n in sorted(not_ready.items(), key=lambda item: -item[1]))


def _skipped_text(skipped: dict[str, int]) -> str:
    return ", ".join(QCoreApplication.translate("MembershipWindow", "{count} peserta berstatus {status}")
                     .format(count=number(n), status=_status(key)) for key, n in sorted(skipped.items()))


def difference_text(owed: int, paid: int | None, credit: int = 0) -> tuple[str, str]:
    """What BAZNAS paid (its transfer and the credit used) against what it owes, in plain words, and the
    style that makes a gap stand out."""
    if paid is None:
        if credit and credit >= owed:
            return QCoreApplication.translate(
                "MembershipWindow", "Kredit BAZNAS membayar seluruh kewajiban {credit}: tidak ada yang perlu "
                                    "ditransfer.").format(credit=format_rupiah(credit)), OK_STYLE
        if credit:
            return QCoreApplication.translate(
                "MembershipWindow", "Kredit BAZNAS membayar {credit}; BAZNAS mentransfer sisanya {rest}.").format(
                credit=format_rupiah(credit), rest=format_rupiah(owed - credit)), OK_STYLE
        return QCoreApplication.translate(
            "MembershipWindow", "Jumlah yang dibayar belum diisi: hanya kewajibannya yang dicatat."), PLAIN_STYLE
    gap = paid + credit - owed
    if gap == 0:
        return QCoreApplication.translate("MembershipWindow", "Sesuai: dibayar sama dengan kewajiban."), OK_STYLE
    if gap < 0:
        return QCoreApplication.translate(
            "MembershipWindow", "KURANG {amount} dari kewajiban: tagih kekurangannya ke BAZNAS.").format(
            amount=format_rupiah(-gap)), SHORT_STYLE
    return QCoreApplication.translate(
        "MembershipWindow", "LEBIH {amount} dari kewajiban: catat kelebihannya untuk pembayaran berikutnya.").format(
        amount=format_rupiah(gap)), OVER_STYLE


# --------------------------------------------------------------------------- the steps' dialogs

class SubmitDialog(_Step):
    """Ajukan ke BPJS: the records ready for BPJS (filtered like the list) into the collective
    registration spreadsheet, as one batch."""

    counted = Signal(int)      # how many are ready with these filters

    def __init__(self, ws, worker, actor, query: SearchQuery, schools: list[SchoolInfo], parent=None):
        super().__init__(ws, worker, actor, parent)
        self.ready: int | None = None     # known once counted
        # Counting checks every record (about 2 s for 10,000 on a slow laptop): one count at a time, and
        # one more when the filters changed meanwhile, so typing queues no pile of counts on the worker.
        self._counting = self._count_again = False
        self._intro(self.tr("Ajukan ke BPJS"), self.tr(
            "Lindung menulis berkas pendaftaran kolektif (Excel) untuk peserta yang siap: data lengkap dan sah, "
            "tidak menunggu tinjauan di hub, belum pernah diajukan (atau ditolak BPJS lalu sudah diperbaiki). "
            "Unggah berkas itu ke BPJS Ketenagakerjaan; peserta di dalamnya menjadi \"Diajukan ke BPJS\"."))
        form = QFormLayout()
        self.kabupaten = SearchCombo(objectName="submitKabupaten", hint=self.tr("Semua kabupaten/kota"))
        self.kabupaten.addItem(self.tr("Semua kabupaten/kota"), None)
        self.kabupaten.add_kabupaten(ws.regions.kabupaten(), short=True)
        self.kabupaten.select_data(query.kabupaten_code)
        self.school = SearchCombo(objectName="submitSchool", hint=self.tr("Semua sekolah"))
        self.school.addItem(self.tr("Semua sekolah"), None)
        self.school.add_schools(schools)
        self.school.select_data(query.school_id)
        self.text = QLineEdit(query.text, objectName="submitQuery")
        self.text.setPlaceholderText(self.tr("nama, NIK atau No. Registrasi (boleh kosong)"))
        self.months = self._months_box(ws.policy.coverage_months)
        self.limit = QSpinBox(objectName="submitLimit")
        self.limit.setRange(0, 1_000_000)
        self.limit.setSpecialValueText(self.tr("semua yang siap"))
        form.addRow(self.tr("&Kabupaten/kota"), self.kabupaten)
        form.addRow(self.tr("&Sekolah"), self.school)
        form.addRow(self.tr("&Cari"), self.text)
        form.addRow(self.tr("Bulan &dibayar BAZNAS"), self.months)
        form.addRow(self.tr("&Paling banyak"), self.limit)
        self.layout_.addLayout(form)
        self.readiness = QLabel(self.tr("Menghitung peserta yang siap…"), objectName="readiness")
        self.readiness.setWordWrap(True)
        self.not_ready = QLabel(objectName="notReady")
        self.not_ready.setWordWrap(True)
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inside = QVBoxLayout(box)
        inside.addWidget(self.readiness)
        inside.addWidget(self.not_ready)
        self.layout_.addWidget(box)
        self.layout_.addStretch(1)
        self.export_button = QPushButton(self.tr("&Tulis berkas pengajuan…"), objectName="saveButton",
                                         clicked=self.choose_file, autoDefault=True)
        self._buttons(self.export_button)
        self._recount_timer = QTimer(self, singleShot=True, interval=250, timeout=self.recount)
        for combo in (self.kabupaten, self.school):   # a choice is made once (Enter moves on): counted at once
            combo.currentIndexChanged.connect(lambda _i: self.recount())
        self.text.textChanged.connect(lambda _t: self._recount_timer.start())
        self.resize(640, 480)
        self._update_buttons()
        self.recount()

    def query(self) -> SearchQuery:
        return SearchQuery(self.text.text().strip(), self.kabupaten.currentData(), self.school.currentData(),
                           today=self.ws.today)

    def recount(self) -> None:
        self._recount_timer.stop()
        if self._counting:
            self._count_again = True
            return
        self._counting = True
        self._update_buttons()
        self.worker.submit(membership.count_ready, self.ws, self.query(), on_success=self._counted,
                           on_failure=self._count_failed)

    def _count_failed(self, error: BaseException) -> None:
        self._counting = self._count_again = False
        self._failed(error)

    def _counted(self, readiness: membership.Readiness) -> None:
        self._counting = False
        if self._count_again:
            self._count_again = False
            self.recount()
            return
        counts = dict(readiness.not_ready)
        self.ready = counts.pop("ready", 0)
        if self.ready:
            text = self.tr("{count} peserta siap diajukan ke BPJS.").format(count=number(self.ready))
        else:
            text = self.tr("Tidak ada peserta yang siap diajukan dengan saringan ini.")
        _say(self.readiness, text, OK_STYLE if self.ready else PLAIN_STYLE)
        self.not_ready.setText(self.tr(
            "Belum siap: {reasons}. Perbaiki datanya dari daftar peserta (saringan status \"Ditolak BPJS\" "
            "menunjukkan yang ditolak); yang ditolak BPJS siap lagi setelah datanya diubah.").format(
            reasons=_not_ready_text(counts)) if counts else "")
        self._update_buttons()
        self.counted.emit(self.ready)

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(bool(self.ready) and not self.busy and not self._counting)
        if self.ready:
            limit = self.limit.value()
            count = min(self.ready, limit) if limit else self.ready
            self.export_button.setText(self.tr("&Tulis berkas pengajuan ({count} peserta)…").format(count=number(count)))

    def choose_file(self) -> None:
        from desktop.gui.privacy import save_path

        path = save_path(self, self.ws, self.tr("Simpan berkas pengajuan BPJS"),
                         f"ajuan-bpjs-{self.ws.today:%Y-%m-%d}.xlsx", "Excel (*.xlsx)")
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        self.message.clear()
        self._run(membership.export_submission, self.ws, Path(path), self.actor, self.query(),
                  limit=self.limit.value() or None, months=self.months.value(), changes="workers",
                  on_success=self._exported)

    def _exported(self, result: membership.BatchResult) -> None:
        _say(self.message, self.tr(
            "Batch {batch}: {count} peserta ditulis ke {name}. Unggah berkas ini ke BPJS; bila jawabannya "
            "datang, pilih \"Baca jawaban BPJS…\".").format(batch=result.number, count=number(result.records),
                                                             name=result.path.name), OK_STYLE)
        self.file_offer.offer(result.path)
        self.done.emit(result)
        self.recount()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, membership.NothingReady):
            self._set_busy(False)
            text = self.tr("Tidak ada peserta yang siap diajukan ke BPJS.")
            if error.not_ready:
                text += " " + self.tr("Belum siap: {reasons}.").format(reasons=_not_ready_text(error.not_ready))
            _say(self.message, text, ERROR_STYLE)
            self.failed.emit(text)
            return
        super()._failed(error)


class _Figures(QGroupBox):
    """What BAZNAS owes for a payment and what it paid, the difference stated, not hidden."""

    def __init__(self, title: str, parent=None):
        super().__init__(title, parent)
        form = QFormLayout(self)
        self.covers = QLabel("–", objectName="covers")
        self.covers.setWordWrap(True)
        self.owed = QLabel("–", objectName="owed")
        self.paid = QLabel("–", objectName="paid")
        self.difference = QLabel("", objectName="difference")
        self.difference.setWordWrap(True)
        for widget in (self.owed, self.paid):
            widget.setStyleSheet("font-size: 12pt; font-weight: bold;")
        form.addRow(QCoreApplication.translate("MembershipWindow", "Dibayar untuk"), self.covers)
        form.addRow(QCoreApplication.translate("MembershipWindow", "Kewajiban (tarif iuran)"), self.owed)
        form.addRow(QCoreApplication.translate("MembershipWindow", "Dibayar BAZNAS"), self.paid)
        self.credit = QLabel("–", objectName="creditUsed")
        form.addRow(QCoreApplication.translate("MembershipWindow", "Dari kredit BAZNAS"), self.credit)
        form.addRow(QCoreApplication.translate("MembershipWindow", "Selisih"), self.difference)

    def show_amounts(self, records: int, months: int, owed: int, paid: int | None, skipped: dict[str, int],
                     credit: int = 0) -> None:
        covers = QCoreApplication.translate("MembershipWindow", "{count} peserta × {months} bulan").format(
            count=number(records), months=months)
        if skipped:
            covers += "\n" + QCoreApplication.translate("MembershipWindow", "Tidak ikut dibayar: {who}.").format(
                who=_skipped_text(skipped))
        self.covers.setText(covers)
        self.owed.setText(format_rupiah(owed))
        self.paid.setText(format_rupiah(paid) if paid is not None
                          else QCoreApplication.translate("MembershipWindow", "(belum diisi)"))
        self.credit.setText(format_rupiah(credit) if credit
                            else QCoreApplication.translate("MembershipWindow", "tidak dipakai"))
        text, style = difference_text(owed, paid, credit)
        _say(self.difference, text, style)


class _PaymentStep(_Step):
    """Shared by a batch's payment and a renewal: months, BAZNAS's fund, reference, amount; the quote first."""

    def _payment_fields(self, form: QFormLayout) -> None:
        self.months = self._months_box(self.ws.policy.coverage_months)
        self.reference = QLineEdit(objectName="reference")
        self.reference.setPlaceholderText(self.tr("mis. nomor bukti transfer BAZNAS"))
        self.reference.setMaxLength(200)
        self.amount = QLineEdit(objectName="amount")
        self.amount.setPlaceholderText(self.tr("yang ditransfer BAZNAS, mis. 5.000.000 (boleh kosong)"))
        self.fund = QComboBox(objectName="paymentFund")
        for fund in Fund:
            self.fund.addItem(label(fund.label), fund.value)
        self.fund.setToolTip(self.tr("Dana BAZNAS yang membayar iuran ini: zakat, infak atau sedekah."))
        form.addRow(self.tr("&Bulan dibayar"), self.months)
        form.addRow(self.tr("Sumber &dana"), self.fund)
        form.addRow(self.tr("&Referensi"), self.reference)
        form.addRow(self.tr("&Jumlah dibayar (Rp)"), self.amount)
        # BAZNAS's credit (money paid for months no one received) pays what the transfer does not.
        self.available_credit = 0
        self.use_credit = QCheckBox(self.tr("Menghitung kredit BAZNAS…"), objectName="useCredit", enabled=False)
        self.use_credit.setToolTip(self.tr("Uang BAZNAS untuk bulan yang tidak diterima siapa pun (peserta ditolak, "
                                           "kelebihan transfer) membayar sisa kewajiban, kredit terlama dulu."))
        form.addRow("", self.use_credit)
        self.use_credit.toggled.connect(lambda _on: self._show_quote())
        self.use_credit.toggled.connect(lambda _on: self._edited())
        self.worker.submit(usable_credit, self.ws, self.actor, on_success=self._credit_known,
                           on_failure=self._failed)
        self.quote: membership.PaymentQuote | None = None
        self.figures = _Figures(self.tr("Kewajiban dan pembayaran"))
        self.recorded = False       # the payment on screen is recorded: not again until something changes
        self._requote_timer = QTimer(self, singleShot=True, interval=200, timeout=self.requote)
        self.months.valueChanged.connect(lambda _v: self._requote_timer.start())
        self.amount.textChanged.connect(lambda _t: self._show_quote())
        for signal in (self.months.valueChanged, self.amount.textChanged, self.reference.textChanged,
                       self.fund.currentIndexChanged):
            signal.connect(lambda *_a: self._edited())

    def _credit_known(self, available: int) -> None:
        self.available_credit = available
        self.use_credit.setEnabled(available > 0)
        self.use_credit.setText(self.tr("Pakai &kredit BAZNAS (dapat dipakai {amount})").format(
            amount=format_rupiah(available)) if available else self.tr("Tidak ada kredit BAZNAS yang dapat dipakai"))
        self._show_quote()

    def credit_to_use(self, owed: int, paid: int | None) -> int:
        """What the credit would pay, as the service decides it: the rest of what is owed, as far as it goes."""
        if not self.use_credit.isChecked():
            return 0
        return max(0, min(self.available_credit, owed - (paid or 0)))

    def _edited(self) -> None:
        if self.recorded:
            self.recorded = False
            self.figures.setTitle(self.tr("Kewajiban dan pembayaran"))
            self.message.clear()
            self._update_buttons()
            self._show_quote()

    def requote(self) -> None:
        raise NotImplementedError

    def _quoted(self, quote: membership.PaymentQuote) -> None:
        self.quote = quote
        if not self.recorded:       # what was recorded stays on screen until something is changed
            self._show_quote()
        self._update_buttons()

    def _show_quote(self) -> None:
        quote = self.quote
        readable, paid = self._rupiah(self.amount)
        self.amount.setProperty("invalid", not readable)
        self.amount.style().unpolish(self.amount)
        self.amount.style().polish(self.amount)
        if not readable:
            _say(self.message, self.tr("\"{text}\" bukan jumlah rupiah. Tulis seperti 5.000.000.").format(
                text=self.amount.text().strip()), ERROR_STYLE)
        elif self.message.styleSheet() == ERROR_STYLE and not self.busy:
            self.message.clear()
        if quote is not None and not self.recorded:   # what was recorded stays until something is changed
            shown = paid if readable else None
            self.figures.show_amounts(quote.records, quote.months, quote.amount_owed, shown, quote.skipped,
                                      self.credit_to_use(quote.amount_owed, shown))

    def _recorded(self, result: membership.PaymentResult, what: str) -> None:
        self.recorded = True
        self._update_buttons()
        self.figures.setTitle(self.tr("Dicatat: {number}").format(number=result.number))
        self.figures.show_amounts(result.records, result.months, result.amount_owed, result.amount_paid,
                                  result.skipped, result.credit_used)
        if result.credit_used:
            self.worker.submit(usable_credit, self.ws, self.actor, on_success=self._credit_known,
                               on_failure=self._failed)
        _say(self.message, what, OK_STYLE)
        self.done.emit(result)


class PaymentDialog(_PaymentStep):
    """Catat pembayaran: BAZNAS paid a batch for N months."""

    def __init__(self, ws, worker, actor, batches: list[membership.BatchInfo], selected: str | None = None,
                 parent=None):
        super().__init__(ws, worker, actor, parent)
        self._intro(self.tr("Catat pembayaran BAZNAS"), self.tr(
            "Catat transfer BAZNAS untuk iuran satu batch. Lindung menghitung kewajibannya dari tarif iuran yang "
            "berlaku; bila BAZNAS membayar jumlah lain, selisihnya disebut di bawah. Perlindungan peserta aktif "
            "berjalan sejak tanggal kepesertaan BPJS sepanjang bulan yang dibayar."))
        form = QFormLayout()
        self.batch = QComboBox(objectName="paymentBatch")
        for info in batches:
            self.batch.addItem(self.tr("{batch} — {count} peserta, {date}").format(
                batch=info.number, count=number(info.total), date=format_date(info.created_at.date()) if info.created_at
                else "?"), info.number)
        if selected:
            self.batch.setCurrentIndex(max(self.batch.findData(selected), 0))
        form.addRow(self.tr("B&atch"), self.batch)
        self._payment_fields(form)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.figures)
        self.layout_.addStretch(1)
        self.record_button = QPushButton(self.tr("&Catat pembayaran"), objectName="saveButton", clicked=self.record,
                                         autoDefault=True)
        self._buttons(self.record_button)
        self.batch.currentIndexChanged.connect(lambda _i: self.requote())
        self.resize(640, 590)
        if not batches:
            _say(self.message, self.tr("Belum ada batch pengajuan: ajukan peserta ke BPJS dulu."), ERROR_STYLE)
        self.batches = {info.number: info for info in batches}
        self.earlier = QLabel(objectName="earlierPayments")
        self.earlier.setWordWrap(True)
        self.layout_.insertWidget(self.layout_.indexOf(self.figures), self.earlier)
        self.batch.currentIndexChanged.connect(lambda _i: self._edited())
        self._update_buttons()
        self.requote()

    def _show_quote(self) -> None:
        info = self.batches.get(self.batch.currentData())
        if info is not None and info.paid_months:
            _say(self.earlier, self.tr("Batch ini sudah dibayar {months} bulan sebelumnya. Pembayaran ini menambah "
                                       "{more} bulan lagi: catat hanya bila BAZNAS memang membayar lagi.").format(
                months=info.paid_months, more=self.months.value()), OVER_STYLE)
        else:
            self.earlier.setText("")
        super()._show_quote()

    def _update_buttons(self) -> None:
        self.record_button.setEnabled(bool(self.batch.currentData()) and not self.busy and not self.recorded
                                      and (self.quote is None or self.quote.records > 0))

    def requote(self) -> None:
        self._requote_timer.stop()
        batch = self.batch.currentData()
        if batch:
            self.worker.submit(membership.quote_payment, self.ws, self.actor, self.months.value(), batch=batch,
                               on_success=self._quoted, on_failure=self._failed)

    def record(self) -> None:
        batch = self.batch.currentData()
        readable, paid = self._checked_rupiah(self.amount)
        if not batch or not readable:
            return
        self.message.clear()
        self._run(membership.add_payment, self.ws, self.actor, self.months.value(), batch=batch,
                  reference=self.reference.text(), amount=paid, fund=self.fund.currentData(),
                  use_credit=self.use_credit.isChecked(), changes="workers",
                  on_success=lambda result: self._recorded(result, self.tr(
                      "Pembayaran {number} untuk batch {batch} dicatat.").format(number=result.number, batch=batch)))


class RenewDialog(_PaymentStep):
    """Perpanjang: pay again, in one step, for everyone whose coverage ends within N days."""

    def __init__(self, ws, worker, actor, parent=None):
        super().__init__(ws, worker, actor, parent)
        self._intro(self.tr("Perpanjang kepesertaan"), self.tr(
            "Perpanjang sekaligus semua peserta aktif yang perlindungannya berakhir dalam beberapa hari ke depan "
            "(atau sudah berakhir): BAZNAS membayar lagi, perlindungan bersambung. Jumlah pesertanya tampil "
            "dulu sebelum dicatat."))
        form = QFormLayout()
        self.days = QSpinBox(objectName="renewDays")
        self.days.setRange(0, 366)
        self.days.setValue(30)
        self.days.setSuffix(self.tr(" hari"))
        self.days.setPrefix(self.tr("dalam "))
        form.addRow(self.tr("Berakhir"), self.days)
        self._payment_fields(form)
        self.layout_.addLayout(form)
        self.count_label = QLabel(self.tr("Menghitung…"), objectName="renewCount")
        self.count_label.setWordWrap(True)
        self.layout_.addWidget(self.count_label)
        self.layout_.addWidget(self.figures)
        self.layout_.addStretch(1)
        self.renew_button = QPushButton(self.tr("&Perpanjang"), objectName="saveButton", clicked=self.renew,
                                        autoDefault=True)
        self._buttons(self.renew_button)
        self.days.valueChanged.connect(lambda _v: self._requote_timer.start())
        self.resize(640, 610)
        self.days.valueChanged.connect(lambda _v: self._edited())
        self._update_buttons()
        self.requote()

    def _update_buttons(self) -> None:
        count = self.quote.records if self.quote is not None else 0
        self.renew_button.setEnabled(count > 0 and not self.busy and not self.recorded)
        self.renew_button.setText(self.tr("&Perpanjang {count} peserta").format(count=number(count)) if count
                                  else self.tr("&Perpanjang"))

    def requote(self) -> None:
        self._requote_timer.stop()
        self.worker.submit(membership.quote_payment, self.ws, self.actor, self.months.value(),
                           expiring_days=self.days.value(), query=SearchQuery(today=self.ws.today),
                           on_success=self._quoted, on_failure=self._failed)

    def _quoted(self, quote: membership.PaymentQuote) -> None:
        days = self.days.value()
        if quote.records:
            _say(self.count_label, self.tr("{count} peserta aktif perlindungannya berakhir dalam {days} hari (sampai "
                                           "{date}) atau sudah berakhir.").format(
                count=number(quote.records), days=days, date=format_date(self.ws.today + dt.timedelta(days=days))), OK_STYLE)
        else:
            _say(self.count_label, self.tr("Tidak ada peserta yang perlindungannya berakhir dalam {days} hari.")
                 .format(days=days))
        super()._quoted(quote)

    def renew(self) -> None:
        readable, paid = self._checked_rupiah(self.amount)
        if not readable:
            return
        self.message.clear()
        self._run(membership.renew, self.ws, self.actor, self.days.value(), self.months.value(),
                  SearchQuery(today=self.ws.today), reference=self.reference.text(), amount=paid,
                  fund=self.fund.currentData(), use_credit=self.use_credit.isChecked(), changes="workers",
                  on_success=self._renewed)

    def _renewed(self, result: membership.PaymentResult) -> None:
        self._recorded(result, self.tr("Perpanjangan {number} dicatat: perlindungan {count} peserta diperpanjang "
                                       "{months} bulan.").format(number=result.number, count=number(result.records),
                                                                  months=result.months))
        self.requote()


class RefundDialog(_Step):
    """Kembalikan kredit: BAZNAS's credit returned to BAZNAS, as a numbered document."""

    def __init__(self, ws, worker, actor, parent=None):
        super().__init__(ws, worker, actor, parent)
        self._intro(self.tr("Kembalikan kredit BAZNAS"), self.tr(
            "Kredit BAZNAS adalah uang yang dibayar untuk bulan yang tidak diterima siapa pun: peserta ditolak BPJS, "
            "atau transfer yang lebih dari kewajiban. Kredit dapat dipakai pada pembayaran berikutnya, atau "
            "dikembalikan kepada BAZNAS di sini. Kredit yang masih menunggu jawaban BPJS belum dapat dikembalikan."))
        self.available = QLabel(self.tr("Menghitung…"), objectName="refundAvailable")
        self.available.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.layout_.addWidget(self.available)
        form = QFormLayout()
        self.amount = QLineEdit(objectName="refundAmount")
        self.amount.setPlaceholderText(self.tr("kosongkan: seluruh kredit yang dapat dikembalikan"))
        self.reference = QLineEdit(objectName="refundReference")
        self.reference.setPlaceholderText(self.tr("mis. nomor bukti transfer pengembalian"))
        self.reference.setMaxLength(200)
        form.addRow(self.tr("&Jumlah (Rp)"), self.amount)
        form.addRow(self.tr("&Referensi"), self.reference)
        self.layout_.addLayout(form)
        self.layout_.addStretch(1)
        self.refund_button = QPushButton(self.tr("&Kembalikan"), objectName="saveButton", clicked=self.refund,
                                         autoDefault=True, enabled=False)
        self._buttons(self.refund_button)
        self.credit = 0
        self.resize(560, 340)
        self.worker.submit(usable_credit, self.ws, self.actor, on_success=self._known, on_failure=self._failed)

    def _known(self, credit: int) -> None:
        self.credit = credit
        self.available.setText(self.tr("Kredit yang dapat dikembalikan: {amount}").format(amount=format_rupiah(credit)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.refund_button.setEnabled(self.credit > 0 and not self.busy)

    def refund(self) -> None:
        readable, amount = self._checked_rupiah(self.amount)
        if not readable:
            return
        self.message.clear()
        self._run(membership.refund_credit, self.ws, self.actor, amount, self.reference.text(), changes="workers",
                  on_success=self._refunded)

    def _refunded(self, result: membership.RefundResult) -> None:
        _say(self.message, self.tr("Pengembalian {number} dicatat: kredit {amount} dari {count} peserta dikembalikan "
                                   "kepada BAZNAS.").format(number=result.number, amount=format_rupiah(result.amount),
                                                            count=number(result.records)), OK_STYLE)
        self.done.emit(result)
        self.worker.submit(usable_credit, self.ws, self.actor, on_success=self._known, on_failure=self._failed)


def _fund_label(code: str) -> str:
    fund = Fund.parse(code)
    return label(fund.label) if fund else code


TEMPLATE_FILTER = "Templat (*.xlsx *.xls *.ods *.csv)"


class TemplateDialog(_Step):
    """Templat BPJS: the submission follows the branch's own header row, or Lindung's columns."""

    def __init__(self, ws, worker, actor, parent=None):
        super().__init__(ws, worker, actor, parent)
        self.columns: list[tuple[str, str | None]] = []
        self._intro(self.tr("Templat berkas pengajuan BPJS"), self.tr(
            "Bila cabang memakai templat unggah BPJS sendiri, muat berkas templatnya (cukup baris judulnya): "
            "berkas pengajuan lalu memakai nama dan urutan kolom templat itu. Kolom yang tidak dikenal "
            "dibiarkan kosong."))
        self.state = QLabel(objectName="templateState")
        self.state.setWordWrap(True)
        self.layout_.addWidget(self.state)
        self.table = _table([self.tr("Kolom di berkas pengajuan"), self.tr("Diisi Lindung dengan")], "templateColumns")
        self.layout_.addWidget(self.table, 1)
        self.load_button = QPushButton(self.tr("&Muat templat cabang…"), clicked=self.choose_file, autoDefault=True)
        self.reset_button = QPushButton(self.tr("&Pakai kolom bawaan Lindung"), clicked=self.reset)
        self._buttons(self.load_button, self.reset_button)
        self.resize(640, 560)
        self.reload()

    def reload(self) -> None:
        self.worker.submit(membership.template, self.ws, on_success=self._show, on_failure=self._failed)

    def _show(self, columns: list[tuple[str, str | None]]) -> None:
        self.columns = columns
        own = columns == [(bpjs.DEFAULT_HEADERS[key], key) for key in bpjs.EXPORT_KEYS]
        self.state.setText(self.tr("Sekarang: kolom bawaan Lindung ({count} kolom).").format(count=len(columns)) if own
                           else self.tr("Sekarang: templat cabang, {count} kolom ({filled} diisi Lindung).").format(
                               count=len(columns), filled=sum(1 for _, key in columns if key)))
        self.reset_button.setEnabled(not own)
        self.table.setRowCount(len(columns))
        for row, (header, key) in enumerate(columns):
            self.table.setItem(row, 0, _item(header))
            self.table.setItem(row, 1, _item(bpjs.DEFAULT_HEADERS.get(key, key) if key
                                             else self.tr("(dibiarkan kosong)")))
        self.done.emit(columns)

    def choose_file(self) -> None:
        path = choose_open(self, "template", self.tr("Pilih templat BPJS cabang"), TEMPLATE_FILTER)
        if path:
            self.load(path)

    def load(self, path: Path) -> None:
        self.message.clear()
        self._run(membership.load_template, self.ws, Path(path), self.actor, on_success=lambda mapped: (
            _say(self.message, self.tr("Templat {name} dimuat: {count} kolom.").format(
                name=Path(path).name, count=len(mapped)), OK_STYLE), self.reload()))

    def reset(self) -> None:
        self.message.clear()
        self._run(membership.reset_template, self.ws, self.actor, on_success=lambda _r: (
            _say(self.message, self.tr("Berkas pengajuan kembali memakai kolom bawaan Lindung."), OK_STYLE),
            self.reload()))


class BaznasReportDialog(_Step):
    """Laporan penyaluran BAZNAS: per recipient, what was paid for them between two dates, with asnaf."""

    def __init__(self, ws, worker, actor, parent=None):
        super().__init__(ws, worker, actor, parent)
        self._intro(self.tr("Laporan penyaluran BAZNAS"), self.tr(
            "Untuk catatan penyaluran zakat BAZNAS: per mustahik, iuran yang dibayarkan untuknya (menurut "
            "pembayaran yang dicatat pada rentang tanggal ini), dengan asnafnya. Disimpan sebagai Excel. Laporan "
            "satu periode terbit sekali dengan nomornya (LP-…) dan ditulis ulang dengan angka yang sama; bila "
            "angkanya berubah sesudahnya, terbitkan laporan pengganti."))
        form = QFormLayout()
        today = ws.today
        self.date_from = QDateEdit(QDate(today.year, today.month, 1), objectName="reportFrom")
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day), objectName="reportTo")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        form.addRow(self.tr("&Dari tanggal"), self.date_from)
        form.addRow(self.tr("&Sampai tanggal"), self.date_to)
        self.reissue = QCheckBox(self.tr("Terbitkan laporan &pengganti bila angkanya berubah sejak terbit"),
                                 objectName="reissue")
        form.addRow("", self.reissue)
        self.layout_.addLayout(form)
        self.layout_.addStretch(1)
        self.save_button = QPushButton(self.tr("&Simpan laporan…"), objectName="saveButton", clicked=self.choose_file,
                                       autoDefault=True)
        self._buttons(self.save_button)
        self.resize(560, 300)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self.busy)

    def dates(self) -> tuple[dt.date, dt.date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def choose_file(self) -> None:
        from desktop.gui.privacy import save_path

        start, end = self.dates()
        if end < start:
            _say(self.message, self.tr("Tanggal akhir sebelum tanggal awal."), ERROR_STYLE)
            return
        path = save_path(self, self.ws, self.tr("Simpan laporan penyaluran BAZNAS"),
                         f"penyaluran-baznas-{start:%Y-%m-%d}-{end:%Y-%m-%d}.xlsx", "Excel (*.xlsx)")
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> None:
        start, end = self.dates()
        if end < start:
            _say(self.message, self.tr("Tanggal akhir sebelum tanggal awal."), ERROR_STYLE)
            return
        self.message.clear()
        self._run(issue_baznas_report, self.ws, Path(path), self.actor, start, end, reissue=self.reissue.isChecked(),
                  on_success=lambda result: self._saved(result, Path(path)))

    def _saved(self, record, path: Path) -> None:
        text = self.tr("Laporan penyaluran BAZNAS {number}: {count} mustahik, {total}, disimpan ke {path}.").format(
            number=record.number, count=number(record.people), total=format_rupiah(record.total), path=path)
        if record.issued and record.refers_to:
            text += " " + self.tr("Menggantikan {number}.").format(number=record.refers_to)
        elif not record.issued:
            text += " " + self.tr("Terbit {date}; ditulis ulang dengan angka yang sama.").format(
                date=format_date(record.issued_at.date()))
        if record.changed_since:
            text += " " + self.tr("Angka periode ini berubah sejak {number} terbit: centang \"Terbitkan laporan "
                                  "pengganti\" lalu simpan lagi.").format(number=record.changed_since)
        _say(self.message, text, OVER_STYLE if record.changed_since else OK_STYLE)
        self.file_offer.offer(path)
        self.done.emit(record)


class BillDialog(_Step):
    """Rekonsiliasi tagihan BPJS: BPJS's bill against the months BAZNAS paid for (``lindung bpjs bill``)."""

    def __init__(self, ws, worker, actor, parent=None):
        super().__init__(ws, worker, actor, parent)
        self._intro(self.tr("Rekonsiliasi tagihan BPJS"), self.tr(
            "Bandingkan tagihan yang dikirim BPJS dengan bulan kepesertaan yang dibayar BAZNAS: siapa dan bulan apa "
            "yang ditagih padahal tidak diharapkan, yang diharapkan tetapi tidak ditagih, dan selisih harga. "
            "Rinciannya disimpan sebagai Excel."))
        form = QFormLayout()
        self.figures: dict[str, QLabel] = {}
        for key, text in (("period", self.tr("Periode tagihan")), ("rows", self.tr("Baris dibandingkan")),
                          ("charged", self.tr("Ditagih BPJS")), ("expected", self.tr("Diharapkan (buku dana)")),
                          ("difference", self.tr("Selisih")), ("unexpected", self.tr("Ditagih, tidak diharapkan")),
                          ("missing", self.tr("Diharapkan, tidak ditagih")), ("price", self.tr("Selisih harga")),
                          ("unread", self.tr("Baris tidak terbaca"))):
            self.figures[key] = QLabel("–", objectName=f"bill_{key}")
            self.figures[key].setWordWrap(True)
            form.addRow(text, self.figures[key])
        self.layout_.addLayout(form)
        self.layout_.addStretch(1)
        self.read_button = QPushButton(self.tr("&Pilih tagihan BPJS…"), objectName="saveButton",
                                       clicked=self.choose_file, autoDefault=True)
        self._buttons(self.read_button)
        self.resize(620, 440)

    def _update_buttons(self) -> None:
        self.read_button.setEnabled(not self.busy)

    def choose_file(self) -> None:
        from desktop.gui.privacy import save_path

        chosen = choose_open(self, "bill", self.tr("Pilih berkas tagihan BPJS"),
                             self.tr("Tagihan BPJS (*.xlsx *.xls *.ods *.csv)"))
        if chosen is None:
            return
        out = save_path(self, self.ws, self.tr("Simpan rincian rekonsiliasi"),
                        f"rekonsiliasi-{Path(chosen).stem}.xlsx", "Excel (*.xlsx)")
        if out is not None:
            self.reconcile(Path(chosen), out)

    def reconcile(self, bill: Path, out: Path) -> None:
        from desktop.services.membership.bill import reconcile_bill

        self.message.clear()
        self._run(reconcile_bill, self.ws, bill, self.actor, out, on_success=lambda result: self._shown(result, out))

    def _shown(self, result, out: Path) -> None:
        def amount(lines, figure) -> str:
            return self.tr("{count} ({amount})").format(count=len(lines), amount=format_rupiah(
                sum(figure(line) or 0 for line in lines)))

        f = self.figures
        f["period"].setText(self.tr("{first} s.d. {last}").format(first=f"{result.first:%m-%Y}",
                                                                  last=f"{result.last:%m-%Y}")
                            if result.first and result.last else "–")
        f["rows"].setText(f"{result.rows:,}".replace(",", "."))
        f["charged"].setText(format_rupiah(result.charged))
        f["expected"].setText(format_rupiah(result.expected))
        f["unexpected"].setText(amount(result.unexpected, lambda line: line.charged))
        f["missing"].setText(amount(result.missing, lambda line: line.expected))
        f["price"].setText(amount(result.price, lambda line: line.difference))
        f["unread"].setText(str(len(result.unread)) if not result.unread else "; ".join(
            self.tr("baris {row}: {problem}").format(row=row.row, problem=row.problem) for row in result.unread[:5])
            + (" …" if len(result.unread) > 5 else ""))
        if result.difference:
            _say(f["difference"], format_rupiah(abs(result.difference)) + " " + (
                self.tr("lebih banyak ditagih") if result.difference > 0 else self.tr("lebih sedikit ditagih")),
                SHORT_STYLE if result.difference > 0 else OVER_STYLE)
        else:
            _say(f["difference"], self.tr("Sesuai: ditagih sama dengan yang diharapkan."), OK_STYLE)
        _say(self.message, self.tr("Rincian ditulis ke {path}.").format(path=out), OK_STYLE)
        self.file_offer.offer(out)
        self.done.emit(result)


# --------------------------------------------------------------------------- the window

class MembershipWindow(QDialog):
    """The branch's window: batches and payments, and the steps of a month's work."""

    loaded = Signal()              # batches, payments and the summary are on screen
    step_opened = Signal(object)   # a step's dialog

    BATCH_COLUMNS = ("number", "created", "by", "total", "submitted", "active", "refused", "ended", "paid")

    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor, query: SearchQuery = SearchQuery(),
                 schools: list[SchoolInfo] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.actor = ws, worker, actor
        self.list_query, self.schools = query, list(schools or [])
        self.batch_list: list[membership.BatchInfo] = []
        self.payment_list: list[membership.PaymentInfo] = []
        self.step: _Step | None = None
        self.setWindowTitle(self.tr("Kepesertaan BPJS dan pembayaran BAZNAS"))
        self._build()
        self.worker.changed.connect(self._changed)
        self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Pekerjaan cabang tiap bulan: (1) ajukan peserta yang siap ke BPJS, (2) baca jawaban BPJS (nomor KPJ "
            "atau alasan penolakan), (3) catat pembayaran BAZNAS untuk batch itu, (4) perpanjang peserta yang "
            "perlindungannya segera berakhir. Status dan nomor KPJ peserta mengikuti langkah-langkah ini dan ikut "
            "tersinkron ke semua laptop."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary = QLabel(self.tr("Menghitung…"), objectName="pipelineSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("background: #eef5f2; border: 1px solid #c9d3cf; border-radius: 4px; "
                                   "padding: 5px 8px;")
        layout.addWidget(self.summary)

        body = QHBoxLayout()
        steps = QVBoxLayout()
        self.submit_button = QPushButton(self.tr("1. &Ajukan ke BPJS…"), clicked=self.open_submit)
        self.answer_button = QPushButton(self.tr("2. &Baca jawaban BPJS…"), clicked=self.open_answer)
        self.payment_button = QPushButton(self.tr("3. &Catat pembayaran…"), clicked=self.open_payment)
        self.renew_button = QPushButton(self.tr("4. Pe&rpanjang…"), clicked=self.open_renew)
        self.template_button = QPushButton(self.tr("&Templat BPJS…"), clicked=self.open_template)
        self.report_button = QPushButton(self.tr("&Laporan penyaluran BAZNAS…"), clicked=self.open_report)
        self.refund_button = QPushButton(self.tr("Kembalikan kre&dit BAZNAS…"), clicked=self.open_refund)
        self.bill_button = QPushButton(self.tr("Rekonsiliasi ta&gihan BPJS…"), clicked=self.open_bill)
        tips = (self.tr("Tulis berkas pendaftaran kolektif untuk peserta yang siap"),
                self.tr("Terapkan nomor KPJ dan penolakan dari berkas BPJS"),
                self.tr("Catat transfer BAZNAS untuk batch yang dipilih di tabel"),
                self.tr("Bayar lagi untuk peserta yang perlindungannya segera berakhir"),
                self.tr("Ikuti nama dan urutan kolom templat unggah cabang"),
                self.tr("Excel per mustahik untuk catatan penyaluran zakat"),
                self.tr("Uang untuk bulan yang tidak diterima siapa pun, dikembalikan kepada BAZNAS"),
                self.tr("Tagihan BPJS dibandingkan dengan bulan yang dibayar BAZNAS"))
        for button, tip in zip((self.submit_button, self.answer_button, self.payment_button, self.renew_button,
                                self.template_button, self.report_button, self.refund_button, self.bill_button), tips,
                               strict=True):
            button.setToolTip(tip)
            button.setStyleSheet("text-align: left; padding: 6px 12px;")
            steps.addWidget(button)
            if button is self.renew_button:
                steps.addSpacing(14)
        self.answer_history_button = QPushButton(self.tr("Riwayat &jawaban BPJS…"), clicked=self.open_answer_history,
                                                 autoDefault=False, toolTip=self.tr("Jawaban yang sudah diterapkan; "
                                                                                    "urungkan yang salah"))
        self.answer_history_button.setStyleSheet("text-align: left; padding: 4px 12px 4px 30px;")
        steps.insertWidget(2, self.answer_history_button)      # under "Baca jawaban BPJS…"
        steps.addStretch(1)
        self.close_button = QPushButton(self.tr("Tutup"), clicked=self.reject)
        steps.addWidget(self.close_button)
        holder = QWidget()
        holder.setLayout(steps)
        holder.setFixedWidth(250)
        body.addWidget(holder)

        split = QSplitter(Qt.Orientation.Vertical)
        batches = QWidget()
        batch_layout = QVBoxLayout(batches)
        batch_layout.setContentsMargins(0, 0, 0, 0)
        batch_title = QLabel(self.tr("<b>Batch pengajuan ke BPJS</b> (terbaru di atas; Enter pada batch: catat "
                                     "pembayarannya)"))
        batch_layout.addWidget(batch_title)
        self.batch_table = _table([self.tr("No. batch"), self.tr("Dibuat"), self.tr("Oleh"), self.tr("Peserta"),
                                   self.tr("Menunggu jawaban"), self.tr("Aktif"), self.tr("Ditolak"),
                                   self.tr("Berakhir"), self.tr("Bulan dibayar")], "batchTable")
        self.batch_table.horizontalHeaderItem(4).setToolTip(self.tr("Diajukan ke BPJS, jawabannya belum dibaca"))
        self.batch_table.doubleClicked.connect(lambda _index: self.open_payment())
        self.batch_table.installEventFilter(self)      # Enter on a batch: its payment
        batch_title.setBuddy(self.batch_table)
        batch_layout.addWidget(self.batch_table, 1)
        split.addWidget(batches)
        payments = QWidget()
        payment_layout = QVBoxLayout(payments)
        payment_layout.setContentsMargins(0, 0, 0, 0)
        payment_layout.addWidget(QLabel(self.tr("<b>Pembayaran BAZNAS</b>")))
        self.payment_table = _table([self.tr("No. pembayaran"), self.tr("Dicatat"), self.tr("Untuk"),
                                     self.tr("Peserta"), self.tr("Bulan"), self.tr("Kewajiban"), self.tr("Dibayar"),
                                     self.tr("Selisih"), self.tr("Referensi"), self.tr("Sumber dana")],
                                    "paymentTable")
        payment_layout.addWidget(self.payment_table, 1)
        split.addWidget(payments)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        body.addWidget(split, 1)
        layout.addLayout(body, 1)
        self.message = QLabel(objectName="windowMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        for button in (self.submit_button, self.answer_button, self.payment_button, self.renew_button,
                       self.template_button, self.report_button, self.refund_button, self.bill_button,
                       self.close_button):
            button.setAutoDefault(False)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Enter on a batch opens its payment and goes no further: passed on to the window (as a table
        does), QDialog would press the default button it finds among its children, the payment's own."""
        if (watched is self.batch_table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.batch_list):
            self.open_payment()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        self.worker.submit(self._load, on_success=self._show, on_failure=self._failed)

    def _load(self):
        """On the worker thread: everything the window shows, in one go."""
        from desktop.services.membership.ledger import balances

        return (membership.batches(self.ws), membership.payments(self.ws),
                membership.pipeline_counts(self.ws, "kabupaten"), balances(self.ws, self.actor).total)

    def _changed(self, what: str) -> None:
        if what == "workers" and self.isVisible():
            self.reload()

    def _show(self, loaded) -> None:
        batch_list, payment_list, pipeline, ledger = loaded
        self._show_summary(pipeline, ledger)
        selected = self.selected_batch()
        self.batch_list, self.payment_list = batch_list, payment_list
        self.batch_table.setRowCount(len(batch_list))
        for row, info in enumerate(batch_list):
            counts = info.by_status
            values = (info.number, _local_day(info.created_at), info.created_by, number(info.total),
                      number(counts.get("submitted", 0)), number(counts.get("active", 0)),
                      number(counts.get("refused", 0)), number(counts.get("ended", 0)),
                      self.tr("{months} bulan").format(months=info.paid_months) if info.paid_months
                      else self.tr("belum dibayar"))
            for column, value in enumerate(values):
                item = _item(value, align_right=3 <= column <= 7,
                             tip=_local_time(info.created_at) if column == 1 else "")
                if column == 8 and not info.paid_months:
                    item.setForeground(QColor("#b3261e"))
                if column == 6 and counts.get("refused"):
                    item.setForeground(QColor("#b3261e"))
                self.batch_table.setItem(row, column, item)
        if batch_list:
            numbers = [b.number for b in batch_list]
            self.batch_table.selectRow(numbers.index(selected) if selected in numbers else 0)
        self.payment_table.setRowCount(len(payment_list))
        for row, pay in enumerate(payment_list):
            gap = None if pay.amount_paid is None else pay.amount_paid + pay.credit_used - pay.amount_owed
            shown = format_rupiah(pay.amount_paid) if pay.amount_paid is not None else self.tr("(tidak diisi)")
            if pay.credit_used:
                shown = self.tr("{paid} + kredit {credit}").format(paid=shown, credit=format_rupiah(pay.credit_used))
            values = (pay.number, _local_day(pay.created_at),
                      self.tr("perpanjangan") if pay.renewal else (pay.batch_no or self.tr("daftar peserta")),
                      number(pay.records), pay.months, format_rupiah(pay.amount_owed), shown,
                      "" if not gap else (self.tr("kurang {amount}") if gap < 0 else self.tr("lebih {amount}"))
                      .format(amount=format_rupiah(abs(gap))), pay.reference, _fund_label(pay.fund))
            for column, value in enumerate(values):
                item = _item(value, align_right=3 <= column <= 7,
                             tip=_local_time(pay.created_at) if column == 1 else str(value) if column == 8 else "")
                if column == 7 and gap:
                    item.setBackground(SHORT_COLOR if gap < 0 else OVER_COLOR)
                self.payment_table.setItem(row, column, item)
        self.payment_button.setEnabled(bool(batch_list))
        self.loaded.emit()

    def _show_summary(self, pipeline: dict[str, dict[str, int]], ledger=None) -> None:
        total = {key: 0 for key in ("enrolled", "submitted", "active", "refused", "ending", "ended")}
        for row in pipeline.values():
            for key in total:
                total[key] += row.get(key, 0)
        self.totals = total
        self.summary.setText(self.tr(
            "Di laptop ini: <b>{enrolled}</b> terdaftar belum diajukan · <b>{submitted}</b> menunggu jawaban BPJS · "
            "<b>{active}</b> aktif (<b>{ending}</b> berakhir dalam 30 hari) · <b>{refused}</b> ditolak BPJS · "
            "<b>{ended}</b> sudah berakhir").format(**{key: number(n) for key, n in total.items()})
            + (self._ledger_text(ledger) if ledger and ledger.paid else ""))

    def _ledger_text(self, ledger) -> str:
        """The zakat ledger in one line: every rupiah paid, allocated to months of coverage or credit."""
        text = "<br>" + self.tr(
            "Dana BAZNAS: dibayar <b>{paid}</b> = untuk {months} bulan kepesertaan <b>{allocated}</b> + kredit "
            "<b>{credit}</b>").format(paid=format_rupiah(ledger.paid), months=number(ledger.months),
                                      allocated=format_rupiah(ledger.allocated), credit=format_rupiah(ledger.credit))
        if ledger.held:
            text += " " + self.tr("(menunggu jawaban BPJS {held})").format(held=format_rupiah(ledger.held))
        if ledger.owed:
            text += " · " + self.tr("<span style='color:#b3261e'>kurang bayar <b>{owed}</b></span>").format(
                owed=format_rupiah(ledger.owed))
        if ledger.usable:
            text += "<br>" + self.tr("Kredit <b>{credit}</b> dapat dipakai pada pembayaran berikutnya (\"Pakai kredit "
                                     "BAZNAS\") atau dikembalikan kepada BAZNAS.").format(
                credit=format_rupiah(ledger.usable))
        if ledger.moved or ledger.refunded:
            text += " " + self.tr("(Sudah dipakai {moved}; dikembalikan {refunded}.)").format(
                moved=format_rupiah(ledger.moved), refunded=format_rupiah(ledger.refunded))
        return text

    def selected_batch(self) -> str | None:
        rows = self.batch_table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.batch_list):
            return self.batch_list[rows[0].row()].number
        return None

    def _failed(self, error: BaseException) -> None:
        _say(self.message, error_text(error), ERROR_STYLE)

    # ------------------------------------------------------------------ steps
    def _open_step(self, step: _Step) -> _Step:
        self.step = step
        step.done.connect(lambda _result: self.reload())
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            step.resize(min(step.width(), screen.width() - 40), min(step.height(), screen.height() - 60))
        step.open()
        self.step_opened.emit(step)
        return step

    def open_submit(self) -> SubmitDialog:
        return self._open_step(SubmitDialog(self.ws, self.worker, self.actor, self.list_query, self.schools, self))

    def open_answer(self) -> AnswerDialog:
        from desktop.gui.answer_dialog import AnswerDialog

        return self._open_step(AnswerDialog(self.ws, self.worker, self.actor, self))

    def open_answer_history(self) -> _Step:
        from desktop.gui.answer_history_dialog import AnswerHistoryDialog

        return self._open_step(AnswerHistoryDialog(self.ws, self.worker, self.actor, self))

    def open_payment(self) -> PaymentDialog:
        return self._open_step(PaymentDialog(self.ws, self.worker, self.actor, self.batch_list,
                                             self.selected_batch(), self))

    def open_renew(self) -> RenewDialog:
        return self._open_step(RenewDialog(self.ws, self.worker, self.actor, self))

    def open_template(self) -> TemplateDialog:
        return self._open_step(TemplateDialog(self.ws, self.worker, self.actor, self))

    def open_report(self) -> BaznasReportDialog:
        return self._open_step(BaznasReportDialog(self.ws, self.worker, self.actor, self))

    def open_refund(self) -> RefundDialog:
        return self._open_step(RefundDialog(self.ws, self.worker, self.actor, self))

    def open_bill(self) -> BillDialog:
        return self._open_step(BillDialog(self.ws, self.worker, self.actor, self))


# --------------------------------------------------------------------------- a record's history

class HistoryDialog(QDialog):
    """A record's membership events, oldest first, read-only (every role that sees the record)."""

    loaded = Signal()

    def __init__(self, ws: Workspace, worker: DbWorker, row: WorkerRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.row = ws, worker, row
        self.events: list[dict] = []
        self.setWindowTitle(self.tr("Riwayat kepesertaan — {name}").format(name=row.full_name))
        layout = QVBoxLayout(self)
        self.header = QLabel(objectName="historyHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.header)
        self.table = _table([self.tr("Waktu"), self.tr("Oleh"), self.tr("Peristiwa")], "historyTable")
        layout.addWidget(self.table, 1)
        note = QLabel(self.tr("Status, nomor KPJ dan masa perlindungan mengikuti peristiwa ini; tidak diketik. "
                              "Hanya cabang yang mengajukan ke BPJS, membaca jawabannya dan mencatat pembayaran."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #44615a;")
        layout.addWidget(note)
        row_ = QHBoxLayout()
        row_.addStretch(1)
        close = QPushButton(self.tr("Tutup"), clicked=self.accept, autoDefault=True)
        row_.addWidget(close)
        layout.addLayout(row_)
        self.resize(720, 380)
        worker.submit(membership.events_of, ws, row.id, on_success=self._show,
                      on_failure=lambda error: _say(self.header, error_text(error), ERROR_STYLE))

    def _show(self, events: list[dict]) -> None:
        self.events = events
        state = lifecycle.derive(events)
        status = lifecycle.effective_status(state.status, state.coverage_end, self.ws.today)
        parts = [self.tr("<b>{name}</b> · No. Registrasi {regno}").format(name=self.row.full_name,
                                                                          regno=self.row.registration_no),
                 self.tr("Status: <b>{status}</b>").format(status=_status(status))]
        if state.kpj_number:
            parts.append(self.tr("No. KPJ: <b>{kpj}</b>").format(kpj=state.kpj_number))
        if state.coverage_start and state.coverage_end:
            parts.append(self.tr("dilindungi {start} s.d. {end}").format(start=format_date(state.coverage_start),
                                                                        end=format_date(state.coverage_end)))
        elif state.coverage_start:
            parts.append(self.tr("peserta sejak {start}, iuran belum dibayar").format(
                start=format_date(state.coverage_start)))
        elif state.months_paid:
            parts.append(self.tr("iuran {months} bulan sudah dibayar; perlindungan mulai pada tanggal kepesertaan "
                                 "dari BPJS").format(months=state.months_paid))
        if state.refusal and status == Status.REFUSED.value:
            parts.append(self.tr("alasan BPJS: {reason}").format(reason=state.refusal))
        self.header.setText(" · ".join(parts))
        self.table.setRowCount(max(len(events), 1))
        if not events:
            self.table.setSpan(0, 0, 1, 3)
            self.table.setItem(0, 0, _item(self.tr("Belum ada peristiwa: peserta ini terdaftar di Lindung tetapi "
                                                   "belum diajukan ke BPJS.")))
        for row, event in enumerate(events):
            text = membership.describe_event(event)
            for column, value in enumerate((_stamp_time(event.get("at")), event.get("by", ""), text)):
                self.table.setItem(row, column, _item(value, tip=text if column == 2 else ""))
        self.loaded.emit()


# --------------------------------------------------------------------------- the main window's hooks

class MembershipLinks(QObject):
    """What the main window offers of this: the Kepesertaan window (one Data menu entry, admins only) and
    a record's history from the list (right-click or Ctrl+H on a row, every role)."""

    opened = Signal(object)     # the window or a history dialog

    def __init__(self, main, menu):
        super().__init__(main)
        self.main = main
        self.window: MembershipWindow | None = None
        admin = permissions.may(main.actor, permissions.Action.ADMINISTER)
        self.window_action = QAction(self.tr("Kepesertaan BPJS/BAZNAS…"), main, objectName="membershipAction",
                                     shortcut=QKeySequence("Ctrl+K"), triggered=self.open_window)
        self.window_action.setEnabled(admin)
        self.window_action.setVisible(admin)
        menu.addAction(self.window_action)
        main.addAction(self.window_action)
        self.history_action = QAction(self.tr("Riwayat kepesertaan…"), main, objectName="historyAction",
                                      shortcut=QKeySequence("Ctrl+H"), triggered=self.open_history)
        self.history_action.setToolTip(self.tr("BPJS dan BAZNAS: pengajuan, KPJ, pembayaran peserta terpilih"))
        main.table.addAction(self.history_action)
        main.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def open_window(self) -> MembershipWindow | None:
        if not permissions.may(self.main.actor, permissions.Action.ADMINISTER):
            return None
        if self.window is None:
            self.window = MembershipWindow(self.main.ws, self.main.worker, self.main.actor, self.main.query(),
                                           self.main.schools, self.main)
            self.window.finished.connect(lambda _r: setattr(self, "window", None))
            self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            screen = self.main.screen().availableGeometry() if self.main.screen() else None
            width, height = 1220, 680
            if screen is not None:
                width, height = min(width, screen.width() - 20), min(height, screen.height() - 40)
            self.window.resize(width, height)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.opened.emit(self.window)
        return self.window

    def open_history(self) -> HistoryDialog | None:
        index = self.main.table.currentIndex()
        rows = self.main.model.rows
        if not index.isValid() or index.row() >= len(rows):
            self.main.statusBar().showMessage(self.tr("Pilih dulu pesertanya di daftar."), 6000)
            return None
        dialog = HistoryDialog(self.main.ws, self.main.worker, rows[index.row()], self.main)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.opened.emit(dialog)
        return dialog
