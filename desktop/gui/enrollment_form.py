"""The enrollment form: keyboard-friendly, validated as the volunteer types, autosaved as a draft."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel,
    QLineEdit, QMessageBox, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from desktop.domain.enrollment import Funding, LabelledEnum, Occupation, Programme, Relationship, Sex, Status, validate
from desktop.domain.messages import Problem
from desktop.domain.nik import clean_nik, parse_nik
from desktop.domain.text import format_date, format_rupiah, normalize_name, parse_rupiah
from desktop.gui.i18n import error_text, label, problem_text
from desktop.gui.worker import DbWorker
from desktop.services import drafts, enrollment
from desktop.services.accounts import Actor
from desktop.services.enrollment import DUPLICATE_NIK
from desktop.services.errors import ValidationFailed
from desktop.services.records import SchoolInfo, WorkerRecord
from desktop.services.workspace import Workspace

AUTOSAVE_MS = 800
NIK_CHECK_MS = 250


class EnrollmentForm(QDialog):
    saved = Signal(object)           # WorkerRecord
    deleted = Signal(object)         # WorkerRecord
    draft_saved = Signal()
    draft_checked = Signal(bool)     # a draft was found (True) or not
    nik_checked = Signal()
    validity_changed = Signal(bool)

    def __init__(self, ws: Workspace, worker: DbWorker, actor: Actor, record: WorkerRecord | None = None,
                 schools: list[SchoolInfo] | tuple = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.worker, self.actor, self.record = ws, worker, actor, record
        self.schools = list(schools)
        self.form_key = record.id if record else "new"
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.touched: set[str] = set()
        self._loading = False
        self._duplicate: tuple[str, Problem | None] = ("", None)  # (nik checked, problem)
        self._problems: list[Problem] = []
        self._saving = False
        self._draft_values: dict[str, str] | None = None
        self._closing_ok = False

        self.setWindowTitle(self.tr("Ubah data peserta") if record else self.tr("Pendaftaran peserta baru"))
        self.setModal(True)
        self._build()
        self._initial = self._default_values() if record is None else record.form_values()
        self._set_values(self._initial)
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS, timeout=self._save_draft)
        self._nik_timer = QTimer(self, singleShot=True, interval=NIK_CHECK_MS, timeout=self._check_nik)
        self._revalidate()
        self.worker.submit(drafts.load_draft, ws, actor.username, self.form_key,
                           on_success=self._draft_loaded, on_failure=lambda _e: self.draft_checked.emit(False))
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.fields["nik"].setFocus()

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 10, 10, 10)
        self.banner = QFrame(objectName="draftBanner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(8, 4, 8, 4)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Pulihkan isian"), clicked=self.restore_draft)
        self.discard_button = QPushButton(self.tr("Buang"), clicked=self._discard_draft_clicked)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.restore_button)
        banner_layout.addWidget(self.discard_button)
        self.banner.setVisible(False)
        outer.addWidget(self.banner)

        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        left, right = QVBoxLayout(), QVBoxLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        identity = self._group(left, self.tr("Identitas (sesuai KTP)"))
        self._line(identity, "nik", self.tr("NIK"), self.tr("16 digit, sesuai KTP"), max_length=20)
        self.nik_hint = QLabel(objectName="fieldHint")
        identity.addRow("", self.nik_hint)
        self._line(identity, "no_kk", self.tr("No. KK"), self.tr("16 digit, Kartu Keluarga; boleh kosong"), max_length=20)
        self._line(identity, "full_name", self.tr("Nama lengkap"), self.tr("seperti tertulis di KTP"))
        self._line(identity, "birth_place", self.tr("Tempat lahir"))
        self._line(identity, "birth_date", self.tr("Tanggal lahir"), self.tr("hh-bb-tttt, mis. 17-08-1980"), max_length=10)
        self._combo(identity, "sex", self.tr("Jenis kelamin"), Sex)

        home = self._group(left, self.tr("Domisili"))
        self._line(home, "address", self.tr("Alamat"), self.tr("jalan/dusun, nomor, RT/RW"))
        self._combo(home, "kabupaten_code", self.tr("Kabupaten/Kota"), None)
        self._combo(home, "kecamatan_code", self.tr("Kecamatan"), None)
        self._combo(home, "desa_code", self.tr("Desa/Kelurahan"), None)
        kab = self.fields["kabupaten_code"]
        for region in self.ws.regions.kabupaten():
            kab.addItem(region.name, region.code)
        kab.currentIndexChanged.connect(self._kabupaten_changed)
        self.fields["kecamatan_code"].currentIndexChanged.connect(self._kecamatan_changed)

        heir = self._group(left, self.tr("Ahli waris (penerima santunan JKM)"))
        self._line(heir, "heir_name", self.tr("Nama ahli waris"))
        self._combo(heir, "heir_relationship", self.tr("Hubungan"), Relationship)
        self._line(heir, "heir_phone", self.tr("No. HP ahli waris"), self.tr("boleh kosong"))
        left.addStretch(1)

        work = self._group(right, self.tr("Pekerjaan dan kontak"))
        self._line(work, "phone", self.tr("No. HP"), self.tr("mis. 0812-3456-7890"))
        self._combo(work, "occupation", self.tr("Pekerjaan"), Occupation)
        self._line(work, "occupation_other", self.tr("Pekerjaan lainnya"), self.tr("isi bila memilih Lainnya"))
        self._line(work, "monthly_income", self.tr("Penghasilan per bulan (Rp)"), self.tr("mis. 1.500.000"))
        self.fields["occupation"].currentIndexChanged.connect(self._occupation_changed)
        self.fields["monthly_income"].editingFinished.connect(self._format_income)

        school = self._group(right, self.tr("Sekolah anak (bila didaftarkan lewat sekolah)"))
        self._combo(school, "school_npsn", self.tr("Sekolah"), None, placeholder=self.tr("— tidak lewat sekolah —"))
        for info in self.schools:
            self.fields["school_npsn"].addItem(f"{info.name} ({info.npsn})", info.npsn)
        self._line(school, "pupil_name", self.tr("Nama siswa"))
        self._line(school, "pupil_class", self.tr("Kelas"), self.tr("mis. 5 atau VII A"), max_length=20)

        cover = self._group(right, self.tr("Kepesertaan"))
        self._combo(cover, "programme", self.tr("Program"), Programme, placeholder=None)
        self._combo(cover, "funding_source", self.tr("Sumber dana"), Funding, placeholder=None)
        self._line(cover, "coverage_start", self.tr("Mulai perlindungan"), self.tr("hh-bb-tttt"), max_length=10)
        self._line(cover, "coverage_end", self.tr("Akhir perlindungan"), self.tr("hh-bb-tttt"), max_length=10)
        self._combo(cover, "status", self.tr("Status"), Status, placeholder=None,
                    exclude={Status.DELETED.value})
        right.addStretch(1)
        for name in ("full_name", "birth_place", "heir_name", "pupil_name"):
            edit = self.fields[name]
            edit.editingFinished.connect(lambda e=edit: e.setText(normalize_name(e.text())))

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)

        footer = QHBoxLayout()
        self.summary = QLabel(objectName="formSummary")
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        footer.addWidget(self.summary, 1)
        self.delete_button = QPushButton(self.tr("Hapus peserta…"), clicked=self.delete_record)
        self.delete_button.setVisible(self.record is not None)
        self.cancel_button = QPushButton(self.tr("Tutup"), clicked=self.reject)
        self.save_button = QPushButton(self.tr("Simpan"), clicked=self.save, objectName="saveButton")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Simpan (Ctrl+S)"))
        for button in (self.delete_button, self.cancel_button, self.save_button):
            footer.addWidget(button)
        outer.addLayout(footer)

    def _group(self, column: QVBoxLayout, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(3)
        column.addWidget(box)
        return form

    def _add(self, form: QFormLayout, name: str, caption: str, widget: QWidget) -> None:
        widget.setObjectName(name)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        error = QLabel(objectName="fieldError")
        error.setWordWrap(True)
        error.setVisible(False)
        box.addWidget(error)
        form.addRow(caption, holder)
        self.fields[name] = widget
        self.errors[name] = error

    def _line(self, form: QFormLayout, name: str, caption: str, placeholder: str = "", max_length: int = 200) -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(max_length)
        edit.textEdited.connect(lambda _t, n=name: self._edited(n))
        self._add(form, name, caption, edit)

    def _combo(self, form: QFormLayout, name: str, caption: str, enum_cls: type[LabelledEnum] | None,
               placeholder: str | None = "", exclude: set[str] | frozenset = frozenset()) -> None:
        combo = QComboBox()
        combo.setMaxVisibleItems(20)
        if placeholder is not None:
            combo.addItem(placeholder or self.tr("— pilih —"), "")
        for member in enum_cls or ():
            if member.value not in exclude:
                combo.addItem(label(member.label), member.value)
        combo.activated.connect(lambda _i, n=name: self._edited(n))
        combo.currentIndexChanged.connect(lambda _i: self._changed())
        self._add(form, name, caption, combo)

    # ------------------------------------------------------------------ values
    def _default_values(self) -> dict[str, str]:
        return {"programme": Programme.JKK_JKM.value, "funding_source": Funding.BAZNAS_ZAKAT.value,
                "status": Status.ENROLLED.value, "coverage_start": format_date(self.ws.today), "coverage_end": ""}

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                out[name] = widget.currentData() or ""
            else:
                out[name] = widget.text()
        return out

    def _set_values(self, values: dict[str, str]) -> None:
        self._loading = True
        try:
            # Parents first, so that each cascade is filled before its child is chosen.
            order = ["kabupaten_code", "kecamatan_code", "desa_code"]
            for name in order + [n for n in self.fields if n not in order]:
                widget = self.fields[name]
                value = values.get(name, "")
                if isinstance(widget, QComboBox):
                    index = widget.findData(value) if value else (0 if widget.itemData(0) == "" else widget.currentIndex())
                    widget.setCurrentIndex(max(index, 0))
                else:
                    widget.setText(value)
            if not values.get("coverage_end") and values.get("coverage_start"):
                self._fill_coverage_end()
            self._occupation_changed()
        finally:
            self._loading = False
        self._revalidate()

    def fill(self, **values: str) -> None:
        """Type values into the form as a person would (used by tests and by draft restore)."""
        for name, value in values.items():
            widget = self.fields[name]
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            else:
                widget.setText(value)
            self._edited(name)

    def is_dirty(self) -> bool:
        return self.values() != {**{n: "" for n in self.fields}, **self._current_baseline()}

    def _current_baseline(self) -> dict[str, str]:
        base = dict(self._initial)
        if not base.get("coverage_end") and base.get("coverage_start"):
            base["coverage_end"] = self._computed_end(base["coverage_start"])
        return base

    # ------------------------------------------------------------------ reactions
    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self.touched.add(name)
        if name == "nik":
            self._nik_edited()
        elif name == "coverage_start":
            self._fill_coverage_end()
        self._changed()

    def _changed(self) -> None:
        if self._loading:
            return
        self._revalidate()
        self._autosave.start()

    def _nik_edited(self) -> None:
        info, _ = parse_nik(self.fields["nik"].text())
        if info is not None:
            self._loading = True
            try:
                if not self.fields["birth_date"].text().strip():
                    born = info.birth_date(self.ws.today, self.ws.policy.min_age, self.ws.policy.max_age)
                    self.fields["birth_date"].setText(format_date(born))
                sex = self.fields["sex"]
                if not sex.currentData():
                    sex.setCurrentIndex(sex.findData(info.sex))
                kab = self.fields["kabupaten_code"]
                if not kab.currentData() and kab.findData(info.kabupaten) > 0:
                    kab.setCurrentIndex(kab.findData(info.kabupaten))
                    kec = self.fields["kecamatan_code"]
                    if kec.findData(info.kecamatan) > 0:
                        kec.setCurrentIndex(kec.findData(info.kecamatan))
                region = self.ws.regions.get(info.kecamatan) or self.ws.regions.get(info.kabupaten)
                self.nik_hint.setText(self.tr("NIK terbit di: {place}").format(place=region.name) if region else "")
            finally:
                self._loading = False
        else:
            self.nik_hint.setText("")
        self._nik_timer.start()

    def _check_nik(self) -> None:
        nik = clean_nik(self.fields["nik"].text())
        info, _ = parse_nik(nik)
        if info is None:
            self._duplicate = (nik, None)
            self.nik_checked.emit()
            return
        self.worker.submit(enrollment.find_by_nik, self.ws, nik,
                           on_success=lambda rec, n=nik: self._nik_result(n, rec),
                           on_failure=lambda _e: None)

    def _nik_result(self, nik: str, existing: WorkerRecord | None) -> None:
        problem = None
        if existing is not None and (self.record is None or existing.id != self.record.id):
            from desktop.domain.messages import error

            problem = error("nik", DUPLICATE_NIK, name=existing.full_name, regno=existing.registration_no)
        self._duplicate = (nik, problem)
        self._revalidate()
        self.nik_checked.emit()

    def _kabupaten_changed(self) -> None:
        self._fill_children("kecamatan_code", self.fields["kabupaten_code"].currentData())
        self._kecamatan_changed()

    def _kecamatan_changed(self) -> None:
        self._fill_children("desa_code", self.fields["kecamatan_code"].currentData())

    def _fill_children(self, name: str, parent_code: str | None) -> None:
        combo = self.fields[name]
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("— pilih —"), "")
        for region in self.ws.regions.children(parent_code) if parent_code else ():
            text = region.name
            if region.level == 10:
                text += "  " + (self.tr("(kelurahan)") if region.is_kelurahan else self.tr("(desa)"))
            combo.addItem(text, region.code)
        combo.setEnabled(bool(parent_code))
        combo.blockSignals(False)
        self._changed()

    def _occupation_changed(self) -> None:
        other = self.fields["occupation"].currentData() == Occupation.OTHER.value
        self.fields["occupation_other"].setEnabled(other)

    def _format_income(self) -> None:
        edit = self.fields["monthly_income"]
        amount = parse_rupiah(edit.text())
        if amount is not None:
            edit.setText(format_rupiah(amount).removeprefix("Rp "))

    def _computed_end(self, start_text: str) -> str:
        from desktop.domain.text import add_months, parse_date

        start = parse_date(start_text)
        if start is None:
            return ""
        return format_date(add_months(start, self.ws.policy.coverage_months) - dt.timedelta(days=1))

    def _fill_coverage_end(self) -> None:
        end = self._computed_end(self.fields["coverage_start"].text())
        if end:
            self.fields["coverage_end"].setText(end)

    # ------------------------------------------------------------------ validation
    def _revalidate(self) -> None:
        values = self.values()
        reference = self.record.enrolled_at.date() if self.record else None
        problems = list(validate(values, self.ws.context(), reference_date=reference).problems)
        checked_nik, duplicate = self._duplicate
        if duplicate is not None and checked_nik == clean_nik(values["nik"]):
            problems.append(duplicate)
        self._problems = problems
        by_field: dict[str, list[Problem]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem)
        missing = []
        for name, error_label in self.errors.items():
            field_problems = by_field.get(name, [])
            errors = [p for p in field_problems if p.is_error]
            shown = field_problems if (name in self.touched or values.get(name)) else []
            if shown:
                error_label.setText("\n".join(problem_text(p) for p in shown))
                error_label.setProperty("severity", "error" if any(p.is_error for p in shown) else "warning")
                error_label.style().unpolish(error_label)
                error_label.style().polish(error_label)
            error_label.setVisible(bool(shown))
            self.fields[name].setProperty("invalid", bool(errors and shown))
            self.fields[name].style().unpolish(self.fields[name])
            self.fields[name].style().polish(self.fields[name])
            if errors and not shown:
                missing.append(self._caption(name))
        error_count = sum(1 for p in problems if p.is_error)
        valid = error_count == 0
        self.save_button.setEnabled(valid and not self._saving)
        if valid:
            warnings = [p for p in problems if not p.is_error]
            self.summary.setText(self.tr("Siap disimpan.") if not warnings else
                                 self.tr("Siap disimpan, dengan {n} peringatan.").format(n=len(warnings)))
            self.summary.setProperty("severity", "ok")
        else:
            text = self.tr("Belum bisa disimpan: {n} isian perlu diperbaiki atau dilengkapi.").format(n=error_count)
            if missing:
                text += " " + self.tr("Belum diisi: {fields}.").format(fields=", ".join(missing[:6]) + (
                    "…" if len(missing) > 6 else ""))
            self.summary.setText(text)
            self.summary.setProperty("severity", "error")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self.validity_changed.emit(valid)

    def _caption(self, name: str) -> str:
        widget = self.fields[name]
        form = widget.parentWidget().parentWidget().layout()
        if isinstance(form, QFormLayout):
            caption = form.labelForField(widget.parentWidget())
            if caption is not None:
                return caption.text()
        return name

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def error_text_for(self, name: str) -> str:
        return self.errors[name].text() if self.errors[name].isVisible() else ""

    # ------------------------------------------------------------------ drafts
    def _save_draft(self) -> None:
        if self._saving or not self.is_dirty():
            return
        self.worker.submit(drafts.save_draft, self.ws, self.actor.username, self.form_key, self.values(),
                           on_success=lambda _t: self.draft_saved.emit(), on_failure=lambda _e: None)

    def _draft_loaded(self, found) -> None:
        if found is not None:
            values, saved_at = found
            if values and values != self.values():
                self._draft_values = values
                local = saved_at.replace(tzinfo=dt.UTC).astimezone()
                self.banner_text.setText(self.tr(
                    "Ada isian yang belum disimpan dari {when}. Lanjutkan isian itu?").format(
                    when=local.strftime("%d-%m-%Y %H:%M")))
                self.banner.setVisible(True)
        self.draft_checked.emit(found is not None)

    def restore_draft(self) -> None:
        if self._draft_values is None:
            return
        values = self._draft_values
        self._set_values(values)
        self.touched.update(name for name, value in values.items() if value)
        self.banner.setVisible(False)
        self._nik_edited()
        self._revalidate()

    def _discard_draft_clicked(self) -> None:
        self.banner.setVisible(False)
        self._draft_values = None
        self.worker.submit(drafts.discard_draft, self.ws, self.actor.username, self.form_key)

    # ------------------------------------------------------------------ save / delete / close
    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self._saving = True
        self._autosave.stop()
        self.save_button.setEnabled(False)
        self.summary.setText(self.tr("Menyimpan…"))
        ws, actor, values, key = self.ws, self.actor, self.values(), self.form_key
        record = self.record

        def op() -> WorkerRecord:
            if record is None:
                saved = enrollment.enroll(ws, values, actor)
            else:
                saved = enrollment.update_worker(ws, record.id, values, actor, base_revision=record.revision)
            drafts.discard_draft(ws, actor.username, key)
            return saved

        self.worker.submit(op, on_success=self._saved, on_failure=self._save_failed, changes="workers")

    def _saved(self, record: WorkerRecord) -> None:
        self._saving = False
        self.record = record
        self._closing_ok = True
        self.saved.emit(record)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        if isinstance(error, ValidationFailed):
            for problems in error.failures.values():
                for problem in problems:
                    if problem.field in self.errors:
                        self.touched.add(problem.field)
                        if problem.template == DUPLICATE_NIK:
                            self._duplicate = (clean_nik(self.fields["nik"].text()), problem)
            self._revalidate()
            return
        self._revalidate()
        QMessageBox.warning(self, self.tr("Tidak tersimpan"), error_text(error))

    def delete_record(self) -> None:
        if self.record is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Hapus peserta"),
            self.tr("Alasan menghapus {name} ({regno}):").format(name=self.record.full_name,
                                                                   regno=self.record.registration_no))
        if not ok:
            return
        self.worker.submit(enrollment.delete_worker, self.ws, self.record.id, reason, self.actor,
                           base_revision=self.record.revision, on_success=self._deleted,
                           on_failure=lambda e: QMessageBox.warning(self, self.tr("Tidak terhapus"), error_text(e)),
                           changes="workers")

    def _deleted(self, record: WorkerRecord) -> None:
        self._closing_ok = True
        self.worker.submit(drafts.discard_draft, self.ws, self.actor.username, self.form_key)
        self.deleted.emit(record)
        self.accept()

    def reject(self) -> None:
        if self._closing_ok or self._saving or not self.is_dirty():
            if not self._saving:
                super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Tutup formulir?"),
                          self.tr("Isian ini belum disimpan sebagai data peserta. Isian tetap tersimpan "
                                  "sebagai draf dan dapat dilanjutkan saat formulir dibuka lagi."), parent=self)
        keep = box.addButton(self.tr("Tutup, simpan draf"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Buang isian"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Kembali"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is keep:
            self._autosave.stop()
            self.worker.submit(drafts.save_draft, self.ws, self.actor.username, self.form_key, self.values())
            super().reject()
        elif box.clickedButton() is discard:
            self._autosave.stop()
            self.worker.submit(drafts.discard_draft, self.ws, self.actor.username, self.form_key)
            super().reject()

    def keyPressEvent(self, event) -> None:  # Enter moves on instead of closing the dialog
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.save_button.hasFocus():
            self.focusNextChild()
            return
        super().keyPressEvent(event)
