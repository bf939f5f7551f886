"""The enrollment form: typed through with the keyboard, checked as each field is left, autosaved
as a draft.

Keys: Enter goes to the next field still to fill (a required one that is empty or wrong), Tab to the
very next field, Ctrl+S saves. Lists (region, school, occupation …) are typed into: ``sintang``
finds ``Kabupaten Sintang``, Enter takes it. A field's problems appear once it is left after an edit,
or for every field at a save attempt, which also jumps to the first field to fix.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QDialog, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QInputDialog,
    QLabel, QLineEdit, QMessageBox, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from desktop.domain.enrollment import Asnaf, Funding, LabelledEnum, Occupation, Programme, Relationship, Sex, Status, validate
from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem, warning
from desktop.domain.nik import clean_nik, mask_nik, parse_nik
from desktop.domain.phone import display_phone, normalize_phone
from desktop.domain.text import format_date, normalize_name, parse_rupiah
from desktop.gui.i18n import error_text, label, number, problem_text
from desktop.gui.widgets import SearchCombo
from desktop.gui.worker import DbWorker
from desktop.services import drafts, enrollment, permissions
from desktop.domain.actors import Actor
from desktop.services.enrollment import DUPLICATE_NIK
from desktop.services.errors import ValidationFailed
from desktop.domain.records import SchoolInfo, WorkerRecord
from desktop.services.workspace import Workspace

AUTOSAVE_MS = 800
NIK_CHECK_MS = 250
# Filled from the NIK: they follow a corrected NIK until the volunteer changes them by hand.
FROM_NIK = ("birth_date", "sex", "kabupaten_code", "kecamatan_code")
# Fields the form does not show yet: an edit sends them back as they were, so saving never resets them
# to their defaults (the asnaf combo comes with the membership screens).
KEPT_ON_EDIT: tuple[str, ...] = ()     # fields an edit sends back unchanged without showing them
MASK = "•"
# The school block is optional, but once a school is chosen its pupil is wanted: Enter stops at an
# empty name or class (never at Save), Ctrl+S still saves (an imported record may have no pupil).
PUPIL_NAME_WANTED = QT_TRANSLATE_NOOP("Validation", "Isi nama siswa yang didaftarkan lewat sekolah ini, atau kosongkan Sekolah.")
PUPIL_CLASS_WANTED = QT_TRANSLATE_NOOP("Validation", "Isi kelas siswa, mis. 5 atau VII A.")
# Typed into a list and left with text that names no entry: said under the field, not dropped silently.
NOT_IN_LIST = QT_TRANSLATE_NOOP("Validation", "\u201c{text}\u201d tidak ada di daftar, jadi tidak dipakai. Periksa ejaannya, atau tekan \u2193 untuk melihat semua pilihan.")
DESA_NOT_IN_KABUPATEN = QT_TRANSLATE_NOOP("Validation", "\u201c{text}\u201d tidak ada di desa/kelurahan {kabupaten}. Bila tinggal di kabupaten/kota lain, ubah Kabupaten/Kota dulu.")


def mask_text(text: str, keep_start: int = 0, keep_end: int = 0) -> str:
    """``0812-3456-7890`` -> ``0812-••••-•890``: digits and letters hidden, separators kept."""
    chars = list(text)
    hideable = [i for i, c in enumerate(chars) if c.isalnum()]
    shown = set(hideable[:keep_start]) | set(hideable[len(hideable) - keep_end:] if keep_end else [])
    return "".join(c if i in shown or i not in hideable else MASK for i, c in enumerate(chars))


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
        self.read_only = record is not None and not permissions.may_edit_record(
            actor, record.enrolled_by, record.school_npsn)
        self.form_key = record.id if record else "new"
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.touched: set[str] = set()     # changed by the volunteer's hand
        self.shown: set[str] = set()       # whose problems are on screen
        self._derived: dict[str, str] = {}  # what the NIK filled in, per field
        self._loading = True                # until the first values are in
        self._duplicate: tuple[str, Problem | None] = ("", None)  # (nik checked, problem)
        self._problems: list[Problem] = []
        self._saving = False
        self._save_tried = False
        self._draft_values: dict[str, str] | None = None
        self._closing_ok = False
        self._kept = {k: v for k, v in record.form_values().items() if k in KEPT_ON_EDIT} if record else {}
        self._unmatched: dict[str, str] = {}   # field -> text typed into its list that named nothing

        if self.read_only:
            self.setWindowTitle(self.tr("Data peserta (hanya dilihat)"))
        else:
            self.setWindowTitle(self.tr("Ubah data peserta") if record else self.tr("Pendaftaran peserta baru"))
        self.setModal(True)
        self._build()
        self._initial = self._default_values() if record is None else self._shown_values(record)
        if record is not None:
            self.shown = set(self.fields)   # a saved record's problems (if any) are shown at once
        self._set_values(self._initial)
        self._derived = self._derivable(self._initial)
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS, timeout=self._save_draft)
        self._nik_timer = QTimer(self, singleShot=True, interval=NIK_CHECK_MS, timeout=self._check_nik)
        if self.read_only:
            self._make_read_only()
            QTimer.singleShot(0, lambda: self.draft_checked.emit(False))
        else:
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
        self.restore_button = QPushButton(self.tr("&Pulihkan isian (Alt+P)"), clicked=self.restore_draft)
        self.discard_button = QPushButton(self.tr("&Buang"), clicked=self._discard_draft_clicked)
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
        self._line(home, "address", self.tr("&Alamat"), self.tr("jalan/dusun, nomor, RT/RW"))
        self._combo(home, "kabupaten_code", self.tr("Kabupaten/Kota"), None)
        self._combo(home, "kecamatan_code", self.tr("Kecamatan"), None)
        self._combo(home, "desa_code", self.tr("Desa/Kelurahan"), None)
        kab = self.fields["kabupaten_code"]
        kab.add_kabupaten(self.ws.regions.kabupaten())
        kab.currentIndexChanged.connect(self._kabupaten_changed)
        self.fields["kecamatan_code"].currentIndexChanged.connect(self._kecamatan_changed)
        self.fields["desa_code"].activated.connect(lambda _i: self._desa_chosen())
        self._fill_children("kecamatan_code", None)
        self._fill_desa()

        heir = self._group(left, self.tr("Ahli waris (penerima santunan JKM)"))
        self._line(heir, "heir_name", self.tr("Nama ahli waris"))
        self._combo(heir, "heir_relationship", self.tr("Hubungan"), Relationship)
        self._line(heir, "heir_phone", self.tr("No. HP ahli waris"), self.tr("boleh kosong"))
        left.addStretch(1)

        work = self._group(right, self.tr("Pekerjaan dan kontak"))
        self._line(work, "phone", self.tr("No. &HP"), self.tr("mis. 0812-3456-7890"))
        self._combo(work, "occupation", self.tr("Pekerjaan"), Occupation)
        self._line(work, "occupation_other", self.tr("Pekerjaan lainnya"), self.tr("isi bila memilih Lainnya"))
        self._line(work, "monthly_income", self.tr("Penghasilan per bulan (Rp)"), self.tr("mis. 1.500.000"))
        self.fields["occupation"].currentIndexChanged.connect(self._occupation_changed)
        self.fields["monthly_income"].editingFinished.connect(self._format_income)
        for name in ("phone", "heir_phone"):
            edit = self.fields[name]
            edit.editingFinished.connect(lambda e=edit: self._format_phone(e))

        school = self._group(right, self.tr("Sekolah anak (bila didaftarkan lewat sekolah)"))
        self._combo(school, "school_npsn", self.tr("Sekolah"), None, placeholder=self.tr("— tidak lewat sekolah —"))
        self.fields["school_npsn"].add_schools(self.schools, value=lambda info: info.npsn, with_npsn=True)
        self._line(school, "pupil_name", self.tr("Nama siswa"))
        self._line(school, "pupil_class", self.tr("Kelas"), self.tr("mis. 5 atau VII A"), max_length=20)

        self.cover = self._group(right, self.tr("Kepesertaan"))
        self._combo(self.cover, "programme", self.tr("Program"), Programme, placeholder=None)
        self._combo(self.cover, "funding_source", self.tr("Sumber dana"), Funding, placeholder=None)
        self._combo(self.cover, "asnaf", self.tr("Asnaf (golongan penerima zakat)"), Asnaf, placeholder=None)
        self.facts: dict[str, QLabel] = {}
        if self.record is not None:
            self._facts(self.record)
        right.addStretch(1)
        for name in ("full_name", "birth_place", "heir_name", "pupil_name"):
            edit = self.fields[name]
            edit.editingFinished.connect(lambda e=edit: e.setText(normalize_name(e.text())))

        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)

        footer = QHBoxLayout()
        self.summary = QLabel(objectName="formSummary")
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        footer.addWidget(self.summary, 1)
        may_edit = not self.read_only
        self.delete_button = QPushButton(self.tr("Hapus peserta…"), clicked=self.delete_record)
        self.delete_button.setVisible(self.record is not None and may_edit)
        self.cancel_button = QPushButton(self.tr("Tutup"), clicked=self.reject)
        self.save_button = QPushButton(self.tr("Simpan (Ctrl+S)"), clicked=self.save, objectName="saveButton")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Simpan data peserta (Ctrl+S)"))
        self.save_button.setVisible(may_edit)
        for button in (self.delete_button, self.cancel_button, self.save_button):
            button.setAutoDefault(False)
            footer.addWidget(button)
        outer.addLayout(footer)

    def _facts(self, record: WorkerRecord) -> None:
        """What the record is and where it stands, read-only: the registration number, the KPJ and
        coverage once known, the status."""
        def fact(key: str, caption: str, text: str) -> None:
            value = QLabel(text, objectName=key)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.cover.addRow(caption, value)
            self.facts[key] = value

        fact("registrationNo", self.tr("No. Registrasi"), record.registration_no)
        if record.kpj_number:
            fact("kpjNumber", self.tr("No. KPJ"), record.kpj_number)
        status = Status.parse(record.status_on(self.ws.today))
        fact("statusLabel", self.tr("Status"), label(status.label) if status else record.status)
        if record.coverage_start and record.coverage_end:
            fact("coverageLabel", self.tr("Masa perlindungan"), self.tr("{start} s.d. {end}").format(
                start=format_date(record.coverage_start), end=format_date(record.coverage_end)))

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
        form.labelForField(holder).setBuddy(widget)     # a caption's Alt+letter (No. &HP) goes to the field
        self.fields[name] = widget
        self.errors[name] = error
        widget.installEventFilter(self)   # leaving the field shows its problems

    def _line(self, form: QFormLayout, name: str, caption: str, placeholder: str = "", max_length: int = 200) -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(max_length)
        edit.textEdited.connect(lambda _t, n=name: self._edited(n))
        self._add(form, name, caption, edit)

    def _combo(self, form: QFormLayout, name: str, caption: str, enum_cls: type[LabelledEnum] | None,
               placeholder: str | None = "", exclude: set[str] | frozenset = frozenset()) -> None:
        combo = SearchCombo(hint=self.tr("ketik untuk mencari, atau ↓"))
        combo.enter_moves_on = True          # Enter takes the entry and goes to the next field to fill
        combo.setMaxVisibleItems(20)
        if placeholder is not None:
            combo.addItem(placeholder or self.tr("— pilih —"), "")
        for member in enum_cls or ():
            if member.value not in exclude:
                combo.addItem(label(member.label), member.value)
        # Long entries (a desa with its kecamatan) do not widen the form: the open list shows them whole.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        combo.activated.connect(lambda _i, n=name: self._edited(n, left=True))
        combo.unmatched.connect(lambda text, n=name: self._not_in_list(n, text))
        combo.currentIndexChanged.connect(lambda _i, n=name: self._combo_changed(n))
        self._add(form, name, caption, combo)

    # ------------------------------------------------------------------ values
    def _default_values(self) -> dict[str, str]:
        return {"programme": Programme.JKK_JKM.value, "funding_source": Funding.BAZNAS_ZAKAT.value,
                "asnaf": Asnaf.MISKIN.value}

    def _shown_values(self, record: WorkerRecord) -> dict[str, str]:
        """A record's values as the form shows them: the phone as 0812-3456-7890, the income grouped."""
        values = record.form_values()
        for name in ("phone", "heir_phone"):
            values[name] = display_phone(values.get(name))
        income = parse_rupiah(values.get("monthly_income"))
        if income is not None:
            values["monthly_income"] = number(income)
        return values

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                out[name] = widget.currentData() or ""
            else:
                out[name] = widget.text()
        out.update(self._kept)
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
            self._edited(name, left=True)

    def is_dirty(self) -> bool:
        return self.values() != {**{n: "" for n in self.fields}, **self._initial, **self._kept}

    def is_valid(self) -> bool:
        return not any(p.is_error for p in self._problems)

    # ------------------------------------------------------------------ reactions
    def _edited(self, name: str, left: bool = False) -> None:
        if self._loading:
            return
        self.touched.add(name)
        if left:
            self.shown.add(name)
        if name == "nik":
            self._nik_edited()
        self._changed()

    def _combo_changed(self, name: str) -> None:
        self._unmatched.pop(name, None)        # something else chosen since: what was said is past
        self._changed()

    def _not_in_list(self, name: str, text: str) -> None:
        """Text typed into a list that names no entry: the choice was put back; the field says so."""
        if self._loading:
            return
        self._unmatched[name] = text
        self.shown.add(name)
        self._revalidate()

    def _left(self, name: str) -> None:
        """The focus left a field: its problems show from now on, if it was changed."""
        if name in self.touched and name not in self.shown:
            self.shown.add(name)
            self._revalidate()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusOut:
            name = watched.objectName()
            if name in self.fields and self.fields[name] is watched:
                QTimer.singleShot(0, lambda n=name: self._left(n))   # after a list has settled what was typed
        return super().eventFilter(watched, event)

    def _changed(self) -> None:
        if self._loading:
            return
        self._revalidate()
        self._autosave.start()

    def _derivable(self, values: dict[str, str]) -> dict[str, str]:
        """What the NIK in ``values`` says for the fields it fills, for those that say the same: a
        record whose birth date came from its NIK follows the NIK when that is corrected."""
        found = self._from_nik(values.get("nik", ""))
        return {name: value for name, value in found.items() if values.get(name, "") == value}

    def _from_nik(self, text: str) -> dict[str, str]:
        info, _ = parse_nik(text)
        if info is None:
            return {}
        out = {"birth_date": format_date(info.birth_date(self.ws.today, self.ws.policy.min_age, self.ws.policy.max_age)),
               "sex": info.sex}
        if self.fields["kabupaten_code"].findData(info.kabupaten) > 0:
            out["kabupaten_code"] = info.kabupaten
            if self.ws.regions.get(info.kecamatan) is not None:
                out["kecamatan_code"] = info.kecamatan
        return out

    def _nik_edited(self) -> None:
        """A NIK fills the birth date, sex and region it says; a corrected NIK fills them again,
        except those changed by hand since."""
        nik = self.fields["nik"].text()
        info, _ = parse_nik(nik)
        if info is not None:
            found = self._from_nik(nik)
            current = self.values()
            self._loading = True
            try:
                for name in FROM_NIK:
                    value = found.get(name)
                    if value is None:
                        continue
                    mine = current.get(name, "")
                    if mine and mine != self._derived.get(name):
                        continue        # typed or chosen by hand: kept
                    if name == "kecamatan_code" and found.get("kabupaten_code") != self.values()["kabupaten_code"]:
                        continue        # the kabupaten was the volunteer's own choice
                    widget = self.fields[name]
                    if isinstance(widget, QComboBox):
                        widget.setCurrentIndex(max(widget.findData(value), 0))
                    else:
                        widget.setText(value)
                    self._derived[name] = value
                    self.touched.discard(name)
            finally:
                self._loading = False
            region = self.ws.regions.get(info.kecamatan) or self.ws.regions.get(info.kabupaten)
            self.nik_hint.setText(self.tr("NIK terbit di: {place}").format(place=region.name) if region else "")
        else:
            self.nik_hint.setText("")
        self._nik_timer.start()

    def _check_nik(self) -> None:
        if not self.isVisible():
            return          # saved or closed meanwhile
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
        if problem is not None:
            self.shown.add("nik")       # said at once: the volunteer stops typing this worker
        self._revalidate()
        self.nik_checked.emit()

    def _kabupaten_changed(self) -> None:
        self._unmatched.pop("desa_code", None)      # said of the kabupaten chosen before
        self._fill_children("kecamatan_code", self.fields["kabupaten_code"].currentData())
        self._kecamatan_changed()

    def _kecamatan_changed(self) -> None:
        self._fill_desa()

    def _fill_desa(self) -> None:
        """Every desa/kelurahan of the kabupaten, each with its kecamatan, the chosen kecamatan's
        first: a worker living away from the NIK's kecamatan finds hers by typing it. The chosen desa
        stays when it is in the chosen kecamatan."""
        combo = self.fields["desa_code"]
        kabupaten = self.fields["kabupaten_code"].currentData()
        kecamatan = self.fields["kecamatan_code"].currentData()
        chosen = combo.currentData() if combo.count() else ""
        kept = chosen if chosen and kecamatan and chosen.startswith(kecamatan) else ""
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("— pilih —"), "")
        places = sorted(self.ws.regions.children(kabupaten) if kabupaten else (), key=lambda k: k.code != kecamatan)
        for place in places:
            for region in self.ws.regions.children(place.code):
                kind = self.tr("kelurahan") if region.is_kelurahan else self.tr("desa")
                combo.add_choice(self.tr("{name} ({kind}), Kec. {kecamatan}").format(
                    name=region.name, kind=kind, kecamatan=place.name), region.code, region.name)
        combo.setEnabled(bool(kabupaten) and not self.read_only)
        combo.setCurrentIndex(max(combo.findData(kept), 0) if kept else 0)
        combo.blockSignals(False)
        combo.select_data(kept)
        self._changed()

    def _desa_chosen(self) -> None:
        """A desa of another kecamatan chosen: the kecamatan follows it."""
        desa = self.fields["desa_code"].currentData()
        kecamatan = self.fields["kecamatan_code"]
        if not desa or desa.startswith(kecamatan.currentData() or "-"):
            return
        kecamatan.blockSignals(True)
        kecamatan.select_data(desa[:6])
        kecamatan.blockSignals(False)
        self._unmatched.pop("kecamatan_code", None)
        self.touched.add("kecamatan_code")
        self._fill_desa()
        self.fields["desa_code"].select_data(desa)
        self._changed()

    def _fill_children(self, name: str, parent_code: str | None) -> None:
        combo = self.fields[name]
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("— pilih —"), "")
        for region in self.ws.regions.children(parent_code) if parent_code else ():
            combo.add_choice(region.name, region.code)
        combo.setEnabled(bool(parent_code) and not self.read_only)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)
        combo.select_data("")
        self._changed()

    def _occupation_changed(self) -> None:
        other = self.fields["occupation"].currentData() == Occupation.OTHER.value
        self.fields["occupation_other"].setEnabled(other and not self.read_only)

    def _format_income(self) -> None:
        edit = self.fields["monthly_income"]
        amount = parse_rupiah(edit.text())
        if amount is not None:
            edit.setText(number(amount))      # grouped as the window's language groups digits

    @staticmethod
    def _format_phone(edit: QLineEdit) -> None:
        number, problems = normalize_phone(edit.text())
        if number is not None and not problems:
            edit.setText(display_phone(number))

    # ------------------------------------------------------------------ validation
    def _revalidate(self) -> None:
        if self.read_only:
            return
        values = self.values()
        reference = self.record.enrolled_at.date() if self.record else None
        problems = list(validate(values, self.ws.context(), reference_date=reference).problems)
        checked_nik, duplicate = self._duplicate
        if duplicate is not None and checked_nik == clean_nik(values["nik"]):
            problems.append(duplicate)
        problems += self._form_problems(values)
        self._problems = problems
        by_field: dict[str, list[Problem]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem)
        missing, hidden_errors = [], 0
        for name, error_label in self.errors.items():
            field_problems = by_field.get(name, [])
            errors = [p for p in field_problems if p.is_error]
            shown = field_problems if name in self.shown else []
            if shown:
                error_label.setText("\n".join(problem_text(p) for p in shown))
                error_label.setProperty("severity", "error" if any(p.is_error for p in shown) else "warning")
                self._repolish(error_label)
            error_label.setVisible(bool(shown))
            invalid = bool(errors and shown)
            if self.fields[name].property("invalid") != invalid:
                self.fields[name].setProperty("invalid", invalid)
                self._repolish(self.fields[name])
            if errors and not shown:
                hidden_errors += 1
                if not values.get(name):
                    missing.append(self._caption(name))
        error_count = sum(1 for p in problems if p.is_error)
        valid = error_count == 0
        self.save_button.setEnabled(not self._saving)
        if valid:
            warnings = [p for p in problems if not p.is_error]
            self.summary.setText(self.tr("Siap disimpan (Ctrl+S).") if not warnings else
                                 self.tr("Siap disimpan (Ctrl+S), dengan {n} peringatan.").format(n=len(warnings)))
            self.summary.setProperty("severity", "ok")
        elif self._save_tried:
            text = self.tr("Belum bisa disimpan: {n} isian perlu diperbaiki atau dilengkapi.").format(n=error_count)
            if missing:
                text += " " + self.tr("Belum diisi: {fields}.").format(fields=", ".join(missing[:6]) + (
                    "…" if len(missing) > 6 else ""))
            self.summary.setText(text)
            self.summary.setProperty("severity", "error")
        elif error_count > hidden_errors:
            # Before a save is tried, only what was said: a duplicate NIK at the first Enter is that one
            # problem, not every field still empty.
            said = [p for p in problems if p.is_error and p.field in self.shown]
            fields = {p.field for p in said}
            text = problem_text(said[0]) if len(fields) == 1 else self.tr(
                "{n} isian perlu diperbaiki (lihat tulisan merah).").format(n=len(fields))
            if hidden_errors:
                text += " " + self.tr("{n} isian lagi perlu diisi.").format(n=hidden_errors)
            self.summary.setText(text)
            self.summary.setProperty("severity", "error")
        else:   # nothing wrong has been shown yet: what is left to fill, calmly, and how to move
            self.summary.setText(self.tr("{n} isian lagi perlu diisi. Enter: ke isian berikutnya yang belum diisi; "
                                         "Tab: ke isian berikutnya; Ctrl+S: simpan.").format(n=error_count))
            self.summary.setProperty("severity", "info")
        self._repolish(self.summary)
        self.validity_changed.emit(valid)

    def _form_problems(self, values: dict[str, str]) -> list[Problem]:
        """What only the form says: a school chosen without its pupil, text typed into a list that
        named nothing."""
        problems = []
        if values.get("school_npsn"):
            for name, template in (("pupil_name", PUPIL_NAME_WANTED), ("pupil_class", PUPIL_CLASS_WANTED)):
                if not values.get(name, "").strip():
                    problems.append(warning(name, template))
        for name, text in self._unmatched.items():
            kabupaten = self.fields["kabupaten_code"].currentText()
            problems.append(warning(name, DESA_NOT_IN_KABUPATEN, text=text, kabupaten=kabupaten)
                            if name == "desa_code" and kabupaten else warning(name, NOT_IN_LIST, text=text))
        return problems

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _caption(self, name: str) -> str:
        widget = self.fields[name]
        form = widget.parentWidget().parentWidget().layout()
        if isinstance(form, QFormLayout):
            caption = form.labelForField(widget.parentWidget())
            if caption is not None:
                return caption.text().replace("&", "")
        return name

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def error_text_for(self, name: str) -> str:
        return self.errors[name].text() if self.errors[name].isVisible() else ""

    def fields_to_fix(self) -> list[str]:
        """Fields with an error, in the order of the form."""
        wrong = {p.field for p in self._problems if p.is_error}
        return [name for name in self.fields if name in wrong and self.fields[name].isEnabled()]

    def fields_to_fill(self) -> list[str]:
        """Where Enter stops: fields with an error, and empty ones with a warning about it (the
        worker's own phone number), in the order of the form."""
        values = self.values()
        wanted = {p.field for p in self._problems if p.is_error or not values.get(p.field)}
        return [name for name in self.fields if name in wanted and self.fields[name].isEnabled()]

    # ------------------------------------------------------------------ keys
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # Shown (opened, or again after the lock), a dialog hands its field the focus as if by Tab, and a
        # line selects all it holds: the next key would overwrite the NIK or the address. The cursor
        # goes to the end instead, nothing selected.
        QTimer.singleShot(0, self._cursor_to_end)

    def _cursor_to_end(self) -> None:
        widget = self.focusWidget()
        edit = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else widget
        if isinstance(edit, QLineEdit) and edit.hasSelectedText():
            edit.deselect()
            edit.end(False)

    def _focused_field(self) -> str | None:
        widget = self.focusWidget()
        while widget is not None and widget is not self:
            name = widget.objectName()
            if name in self.fields and self.fields[name] is widget:
                return name
            widget = widget.parentWidget()
        return None

    def next_to_fill(self) -> None:
        """Enter: the next field, after this one, that is still empty or wrong; the first such field
        before it when none follows; the Save button when every field is right."""
        todo = self.fields_to_fill()
        names = list(self.fields)
        here = self._focused_field()
        start = names.index(here) + 1 if here in names else 0
        after = [n for n in names[start:] if n in todo]
        target = (after or todo or [None])[0]
        if target is None:
            self.save_button.setFocus(Qt.FocusReason.TabFocusReason)
            return
        if here in todo and here not in self.shown:     # passed by still empty or wrong: say why
            self.shown.add(here)
            self._revalidate()
        self._focus_field(target)

    def _focus_field(self, name: str) -> None:
        """The focus on a field, scrolled into sight."""
        widget = self.fields[name]
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        self.scroll.ensureWidgetVisible(widget.parentWidget())

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton):
                focused.click()
            elif not self.read_only:
                self.next_to_fill()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ read-only view
    def _make_read_only(self) -> None:
        """A record this user may not change: shown, with the NIK, phone numbers and address masked
        as the list masks them; nothing can be typed, saved or deleted."""
        record = self.record
        assert record is not None
        masked = {"nik": mask_nik(record.nik), "no_kk": mask_nik(record.no_kk) if record.no_kk else "",
                  "phone": mask_text(display_phone(record.phone), 4, 3),
                  "heir_phone": mask_text(display_phone(record.heir_phone), 4, 3),
                  "address": MASK * 8 if record.address else ""}
        self._loading = True
        for name, text in masked.items():
            self.fields[name].setText(text)
        self._loading = False
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(True)
            else:
                widget.setEnabled(False)
        self.nik_hint.setText("")
        self.summary.setText(self.tr("Hanya dilihat: data ini didaftarkan oleh {by}, dan peran Anda tidak dapat "
                                     "mengubahnya. NIK, No. HP dan alamat disembunyikan.").format(by=record.enrolled_by))
        self.summary.setProperty("severity", "info")
        self._repolish(self.summary)

    # ------------------------------------------------------------------ drafts
    def _save_draft(self) -> None:
        if self._saving or self.read_only or not self.isVisible() or not self.is_dirty():
            return      # (a form closed meanwhile has kept or discarded its draft already)
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
        filled = {name for name, value in values.items() if value and name in self.fields}
        self._derived = self._derivable(self.values())
        self.touched.update(filled - set(self._derived))
        self.shown.update(filled)
        self.banner.setVisible(False)
        self._nik_edited()
        self._revalidate()

    def _discard_draft_clicked(self) -> None:
        self.banner.setVisible(False)
        self._draft_values = None
        self.worker.submit(drafts.discard_draft, self.ws, self.actor.username, self.form_key)

    # ------------------------------------------------------------------ save / delete / close
    def save(self) -> None:
        if self.read_only or self._saving:
            return
        focused = self.focusWidget()
        if isinstance(focused, SearchCombo):
            focused.settle()           # Ctrl+S straight from a list: what was typed there counts
        self._format_income()
        self._save_tried = True
        self.shown = set(self.fields)
        self._revalidate()
        todo = self.fields_to_fix()
        if todo:
            self.fields[todo[0]].setFocus(Qt.FocusReason.OtherFocusReason)
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
                        self.shown.add(problem.field)
                        if problem.template == DUPLICATE_NIK:
                            self._duplicate = (clean_nik(self.fields["nik"].text()), problem)
            self._revalidate()
            todo = self.fields_to_fix()
            if todo:
                self.fields[todo[0]].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._revalidate()
        QMessageBox.warning(self, self.tr("Tidak tersimpan"), error_text(error))

    def delete_record(self) -> None:
        if self.record is None or self.read_only:
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
        if self._closing_ok or self._saving or self.read_only or not self.is_dirty():
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
