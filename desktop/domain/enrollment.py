"""The enrollment record and its rules: one vulnerable worker covered by JKK + JKM."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from desktop.domain.eligibility import judge_job
from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem, error, errors_of, warning, warnings_of
from desktop.domain.nik import age_on, clean_nik, kk_problems, parse_nik, region_problems
from desktop.domain.phone import normalize_phone
from desktop.domain.regions import Level, RegionCatalog, undotted
from desktop.domain.text import fold_spaces, normalize_name, parse_date, parse_rupiah


class LabelledEnum(str, enum.Enum):
    """A string enum whose members carry an Indonesian label (marked for translation)."""

    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def parse(cls, value: object):
        """The member whose code or Indonesian label is ``value`` (any case), else None."""
        lookup = cls.__dict__.get("_lookup")
        if lookup is None:
            lookup = {}
            for member in cls:
                lookup[member.value.lower()] = member
                lookup[member.label.lower()] = member
            cls._lookup = lookup
            # A code or label exactly as written (what the form and an import give): no folding.
            cls._exact = {member.value: member for member in cls} | {member.label: member for member in cls}
        if type(value) is str:
            found = cls._exact.get(value)
            if found is not None:
                return found
        return lookup.get(fold_spaces(str(value or "")).lower())


class Sex(LabelledEnum):
    MALE = "L", QT_TRANSLATE_NOOP("Labels", "Laki-laki")
    FEMALE = "P", QT_TRANSLATE_NOOP("Labels", "Perempuan")

    @classmethod
    def parse(cls, value: object):
        if value == "L" or value == "P":   # the code, as the form and an import give it
            return cls.MALE if value == "L" else cls.FEMALE
        text = fold_spaces(str(value or "")).lower()
        if text in ("l", "lk", "laki-laki", "laki laki", "pria", "m", "male"):
            return cls.MALE
        if text in ("p", "pr", "perempuan", "wanita", "f", "female", "w"):
            return cls.FEMALE
        return None


class Occupation(LabelledEnum):
    FARMER = "farmer", QT_TRANSLATE_NOOP("Labels", "Petani")
    SMALLHOLDER = "smallholder", QT_TRANSLATE_NOOP("Labels", "Pekebun (karet/sawit)")
    FISHER = "fisher", QT_TRANSLATE_NOOP("Labels", "Nelayan")
    LIVESTOCK = "livestock_farmer", QT_TRANSLATE_NOOP("Labels", "Peternak")
    STREET_VENDOR = "street_vendor", QT_TRANSLATE_NOOP("Labels", "Pedagang kecil / kaki lima")
    MOTORBIKE_TAXI = "motorbike_taxi", QT_TRANSLATE_NOOP("Labels", "Pengemudi ojek")
    DRIVER = "driver", QT_TRANSLATE_NOOP("Labels", "Sopir / pengemudi")
    # Parcel and logistics couriers: transport sector under PP 50/2025, as ojek and drivers are.
    COURIER = "courier", QT_TRANSLATE_NOOP("Labels", "Kurir / pengantar barang")
    DAY_LABOURER = "day_labourer", QT_TRANSLATE_NOOP("Labels", "Buruh harian lepas")
    FARM_LABOURER = "farm_labourer", QT_TRANSLATE_NOOP("Labels", "Buruh tani / kebun")
    CONSTRUCTION = "construction_worker", QT_TRANSLATE_NOOP("Labels", "Tukang / buruh bangunan")
    DOMESTIC = "domestic_worker", QT_TRANSLATE_NOOP("Labels", "Pekerja rumah tangga")
    CRAFTSPERSON = "craftsperson", QT_TRANSLATE_NOOP("Labels", "Perajin")
    TAILOR = "tailor", QT_TRANSLATE_NOOP("Labels", "Penjahit")
    SCAVENGER = "scavenger", QT_TRANSLATE_NOOP("Labels", "Pemulung")
    OTHER = "other", QT_TRANSLATE_NOOP("Labels", "Lainnya")


class Relationship(LabelledEnum):
    SPOUSE = "spouse", QT_TRANSLATE_NOOP("Labels", "Suami/Istri")
    CHILD = "child", QT_TRANSLATE_NOOP("Labels", "Anak")
    PARENT = "parent", QT_TRANSLATE_NOOP("Labels", "Orang tua")
    SIBLING = "sibling", QT_TRANSLATE_NOOP("Labels", "Saudara kandung")
    OTHER = "other", QT_TRANSLATE_NOOP("Labels", "Lainnya")


class Status(LabelledEnum):
    """Where a record is in its life (``desktop.domain.lifecycle``): derived, never typed."""

    ENROLLED = "enrolled", QT_TRANSLATE_NOOP("Labels", "Terdaftar")
    SUBMITTED = "submitted", QT_TRANSLATE_NOOP("Labels", "Diajukan ke BPJS")
    ACTIVE = "active", QT_TRANSLATE_NOOP("Labels", "Aktif")
    REFUSED = "refused", QT_TRANSLATE_NOOP("Labels", "Ditolak BPJS")
    ENDED = "ended", QT_TRANSLATE_NOOP("Labels", "Berakhir")
    DECEASED = "deceased", QT_TRANSLATE_NOOP("Labels", "Meninggal")
    DELETED = "deleted", QT_TRANSLATE_NOOP("Labels", "Dihapus")


class Asnaf(LabelledEnum):
    """The zakat recipient category (mustahik) BAZNAS accounts a payment under."""

    FAKIR = "fakir", QT_TRANSLATE_NOOP("Labels", "Fakir")
    MISKIN = "miskin", QT_TRANSLATE_NOOP("Labels", "Miskin")
    AMIL = "amil", QT_TRANSLATE_NOOP("Labels", "Amil")
    MUALAF = "mualaf", QT_TRANSLATE_NOOP("Labels", "Mualaf")
    RIQAB = "riqab", QT_TRANSLATE_NOOP("Labels", "Riqab")
    GHARIMIN = "gharimin", QT_TRANSLATE_NOOP("Labels", "Gharimin")
    FISABILILLAH = "fisabilillah", QT_TRANSLATE_NOOP("Labels", "Fisabilillah")
    IBNU_SABIL = "ibnu_sabil", QT_TRANSLATE_NOOP("Labels", "Ibnu sabil")


class Programme(LabelledEnum):
    JKK_JKM = "JKK+JKM", QT_TRANSLATE_NOOP("Labels", "JKK + JKM")


class Funding(LabelledEnum):
    BAZNAS_ZAKAT = "baznas_zakat", QT_TRANSLATE_NOOP("Labels", "BAZNAS (dana zakat)")
    OTHER_DONOR = "other_donor", QT_TRANSLATE_NOOP("Labels", "Donatur lain")
    SELF = "self", QT_TRANSLATE_NOOP("Labels", "Mandiri")


@dataclass(frozen=True)
class Policy:
    """Programme settings (``domain.md``: make these settings, with these defaults)."""

    min_age: int = 15
    max_age: int = 65          # must be under this age at enrollment
    coverage_months: int = 12
    max_plausible_income: int = 10_000_000
    jkk_income: int = 1_000_000  # the income bracket sent to BPJS and priced (contributions.BRACKET_DEFAULT)


@dataclass(frozen=True)
class Context:
    regions: RegionCatalog
    today: dt.date
    policy: Policy = field(default_factory=Policy)


class Enrollment(NamedTuple):
    """A clean, validated enrollment as entered (no identity or bookkeeping fields): immutable. A named
    tuple rather than a frozen dataclass: one is made for every row an import checks, and a frozen
    dataclass's ``__init__`` sets its 23 fields one ``object.__setattr__`` at a time (3.4 µs against
    0.9 µs)."""

    nik: str
    no_kk: str | None          # the family card (Kartu Keluarga) number, when known
    full_name: str
    birth_place: str
    birth_date: dt.date
    sex: str
    address: str
    kabupaten_code: str
    kecamatan_code: str
    desa_code: str
    phone: str | None
    occupation: str
    occupation_other: str
    monthly_income: int
    heir_name: str
    heir_relationship: str
    heir_phone: str | None
    school_npsn: str | None
    pupil_name: str
    pupil_class: str
    programme: str
    funding_source: str
    asnaf: str

    def as_dict(self) -> dict[str, Any]:
        return self._asdict()


FIELDS: tuple[str, ...] = Enrollment._fields


READ_ONLY_FIELDS = frozenset({
    "id", "registration_no", "revision", "enrolled_by", "enrolled_at", "device_id", "updated_at",
    "updated_by", "deleted_at", "deleted_by", "deleted_reason", "school_name", "kabupaten_name",
    "kecamatan_name", "desa_name", "kpj_number",
    # Derived from the record's BPJS/BAZNAS events (desktop.domain.lifecycle): accepted, never taken.
    "status", "coverage_start", "coverage_end", "lifecycle",
})

# The keys of a record as laptops and the hub exchange it (``lindung list --json``): the hub refuses
# others, so nothing unknown is stored and sent on to every laptop.
SYNCED_KEYS = frozenset(FIELDS) | frozenset({
    "id", "registration_no", "revision", "kpj_number", "school_name", "status", "coverage_start",
    "coverage_end", "lifecycle", "enrolled_by", "device_id",
    "enrolled_at", "updated_by", "updated_at", "deleted_at", "deleted_by", "deleted_reason"})
# Who a record is and where it came from: fixed when it is created, never changed by an edit.
IDENTITY_FIELDS = ("id", "registration_no", "device_id", "enrolled_by", "enrolled_at")

_DIGIT = re.compile(r"\d")


@functools.cache
def _name_chars() -> re.Pattern[str]:
    """Letters of any script (names may carry accents), spaces and the marks names use: compiled when a
    name that is not plain ASCII first comes (5 ms of every command's start otherwise)."""
    return re.compile(r"^[^\W\d_](?:[^\W\d_]|[ .,'\-`’])*$")


_ASCII_NAME = re.compile(r"[A-Za-z][A-Za-z .,'\-`]*\n?\Z")   # _name_chars() for a name in plain ASCII, one class: faster
_NPSN = re.compile(r"^\d{8}$")


class Result(NamedTuple):
    enrollment: Enrollment | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return errors_of(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return warnings_of(self.problems)

    @property
    def ok(self) -> bool:
        return self.enrollment is not None


_NAME_REQUIRED = QT_TRANSLATE_NOOP("Validation", "Nama wajib diisi.")
_KK_DROPPED = QT_TRANSLATE_NOOP("Validation", "No. KK ini tidak disimpan; peserta tetap didaftarkan. Perbaiki No. KK "
                                              "dari Kartu Keluarga bila sudah ada.")


def _name(raw: object, field_name: str, problems: list[Problem], missing: str | None = _NAME_REQUIRED) -> str:
    return _checked_name(fold_spaces(raw).upper() if type(raw) is str else normalize_name(
        str(raw) if raw is not None else ""), field_name, problems, missing)


def _checked_name(name: str, field_name: str, problems: list[Problem], missing: str | None = _NAME_REQUIRED) -> str:
    """``name``, already normalised, with what is wrong with it added to ``problems``."""
    if len(name) <= 100 and name.isascii() and _ASCII_NAME.match(name):   # letters and marks only: nothing wrong
        return name
    if not name:
        if missing:
            problems.append(error(field_name, missing))
        return ""
    if len(name) > 100:
        problems.append(error(field_name, QT_TRANSLATE_NOOP("Validation", "Nama terlalu panjang (maksimal 100 huruf).")))
    elif _DIGIT.search(name):
        problems.append(error(field_name, QT_TRANSLATE_NOOP("Validation", "Nama tidak boleh berisi angka.")))
    elif not (_ASCII_NAME.match(name) if name.isascii() else _name_chars().match(name)):
        problems.append(error(field_name, QT_TRANSLATE_NOOP("Validation", "Nama hanya boleh berisi huruf, spasi, titik, koma, tanda hubung dan apostrof.")))
    return name


def _date(raw: object, field_name: str, problems: list[Problem], required: bool = True) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = fold_spaces(str(raw) if raw is not None else "")
    if not text:
        if required:
            problems.append(error(field_name, QT_TRANSLATE_NOOP("Validation", "Tanggal wajib diisi.")))
        return None
    value = parse_date(text)
    if value is None:
        problems.append(error(field_name, QT_TRANSLATE_NOOP("Validation", "Tanggal \"{text}\" tidak dapat dibaca. Tulis seperti 17-08-1980."), text=text))
    return value


def _choice(enum_cls: type[LabelledEnum], raw: object, field_name: str, problems: list[Problem],
            default: LabelledEnum | None = None) -> str:
    if raw in (None, "") and default is not None:
        return default._value_
    member = enum_cls.parse(raw)
    if member is None:
        if raw in (None, ""):
            problems.append(error(field_name, QT_TRANSLATE_NOOP("Validation", "Pilih salah satu.")))
        else:
            problems.append(error(field_name, QT_TRANSLATE_NOOP("Validation", "Pilihan \"{value}\" tidak dikenal."), value=str(raw)))
        return ""
    return member._value_   # the plain attribute behind enum's .value property


def _text(raw: object) -> str:
    return fold_spaces(str(raw)) if raw is not None else ""


def _upper_text(raw: object) -> str:
    """``normalize_name(_text(raw))``, folding a string once."""
    return (fold_spaces(raw) if type(raw) is str else _text(raw)).upper()


def _code(raw: object) -> str:
    """A region code as typed or as an import gives it (plain digits), without dots and spaces."""
    if type(raw) is str and raw.isdigit():
        return raw
    return undotted(_text(raw))


_REGION_FIELDS = (
    ("kabupaten_code", Level.KABUPATEN, QT_TRANSLATE_NOOP("Validation", "Pilih kabupaten/kota.")),
    ("kecamatan_code", Level.KECAMATAN, QT_TRANSLATE_NOOP("Validation", "Pilih kecamatan.")),
    ("desa_code", Level.DESA, QT_TRANSLATE_NOOP("Validation", "Pilih desa/kelurahan.")),
)


def _region_problems(regions: RegionCatalog, kabupaten: str, kecamatan: str, desa: str) -> list[Problem]:
    """What is wrong with the three region codes of a domicile, each within the one above it."""
    problems = []
    for (field_name, level, missing), code, parent in zip(_REGION_FIELDS, (kabupaten, kecamatan, desa),
                                                          ("61", kabupaten, kecamatan)):
        region = regions.get(code)
        if not code:
            problems.append(error(field_name, missing))
        elif region is None or region.level is not level:
            problems.append(error(field_name, QT_TRANSLATE_NOOP("Validation", "Kode wilayah {code} tidak ada di Kalimantan Barat."), code=code))
        elif region.parent != parent:
            problems.append(error(field_name, QT_TRANSLATE_NOOP("Validation", "{name} tidak berada di wilayah yang dipilih di atasnya."), name=region.name))
    return problems


def validate(raw: Mapping[str, Any], ctx: Context, reference_date: dt.date | None = None) -> Result:
    """Check and clean one enrollment.

    ``raw`` holds the field values as typed (strings) or as JSON gives them.  ``reference_date`` is
    the date the age limits apply to (the enrollment date; today for a new record).
    """
    problems: list[Problem] = []
    get = raw.get
    on = reference_date or ctx.today
    policy = ctx.policy

    # --- identity -------------------------------------------------------------------------
    nik_raw = get("nik")
    info, nik_problems = parse_nik(nik_raw)
    if info is not None:
        problems += region_problems(info, ctx.regions)
        nik = info.nik   # cleaned by parse_nik
    else:
        problems += nik_problems
        nik = clean_nik(nik_raw)
    no_kk = clean_nik(get("no_kk")) or None
    if no_kk is not None:
        if no_kk == nik:
            problems.append(error("nik", QT_TRANSLATE_NOOP("Validation", "NIK sama dengan No. KK: yang tertulis di kolom NIK adalah nomor Kartu Keluarga. Isi NIK dari KTP.")))
        kk_found = kk_problems(no_kk, ctx.regions)
        if errors_of(kk_found):
            # The No. KK is optional: a damaged one is not kept, and the person is not refused for it.
            problems += [warning(p.field, p.template, **p.params) for p in kk_found]
            problems.append(warning("no_kk", _KK_DROPPED))
            no_kk = None
        else:
            problems += kk_found

    full_name = _name(get("full_name"), "full_name", problems)
    birth_place = _upper_text(get("birth_place"))
    if not birth_place:
        problems.append(error("birth_place", QT_TRANSLATE_NOOP("Validation", "Tempat lahir wajib diisi.")))
    birth_date = _date(get("birth_date"), "birth_date", problems)
    sex = _choice(Sex, get("sex"), "sex", problems)

    if birth_date is not None:
        if birth_date > ctx.today:
            problems.append(error("birth_date", QT_TRANSLATE_NOOP("Validation", "Tanggal lahir tidak boleh di masa depan.")))
        else:
            age = age_on(birth_date, on)
            if age < policy.min_age:
                problems.append(error("birth_date", QT_TRANSLATE_NOOP("Validation", "Umur {age} tahun: peserta minimal berumur {min} tahun."), age=age, min=policy.min_age))
            elif age >= policy.max_age:
                problems.append(error("birth_date", QT_TRANSLATE_NOOP("Validation", "Umur {age} tahun: peserta harus berumur di bawah {max} tahun."),
                    age=age, max=policy.max_age))
        if info is not None and (birth_date.day, birth_date.month, birth_date.year % 100) != (
                info.day, info.month, info.year2):
            problems.append(error("birth_date", QT_TRANSLATE_NOOP("Validation", "Tanggal lahir tidak cocok dengan NIK (NIK menunjukkan {nikdate}). "
                         "Periksa keduanya; mungkin yang diketik No. KK?"),
                nikdate=f"{info.day:02d}-{info.month:02d}-..{info.year2:02d}"))
    if info is not None and sex and sex != info.sex:
        problems.append(error("sex", QT_TRANSLATE_NOOP("Validation", "Jenis kelamin tidak cocok dengan NIK: tanggal pada NIK ({day}) menunjukkan {sex}."),
            day=info.nik[6:8], sex=Sex(info.sex).label.lower()))

    # --- domicile -------------------------------------------------------------------------
    address = _text(get("address"))
    if not address:
        problems.append(error("address", QT_TRANSLATE_NOOP("Validation", "Alamat wajib diisi.")))
    elif len(address) > 200:
        problems.append(error("address", QT_TRANSLATE_NOOP("Validation", "Alamat terlalu panjang (maksimal 200 huruf).")))
    kabupaten, kecamatan, desa = _code(get("kabupaten_code")), _code(get("kecamatan_code")), _code(get("desa_code"))
    # A village code alone names its kecamatan and kabupaten.
    if desa and not kecamatan:
        kecamatan = desa[:6]
    if kecamatan and not kabupaten:
        kabupaten = kecamatan[:4]
    problems += _region_problems(ctx.regions, kabupaten, kecamatan, desa)

    # --- contact and work -----------------------------------------------------------------
    phone, phone_problems = normalize_phone(_text(get("phone")), "phone")
    problems += phone_problems
    if phone is None and not phone_problems:
        problems.append(warning("phone", QT_TRANSLATE_NOOP("Validation", "Tanpa No. HP peserta sulit dihubungi saat klaim.")))
    occupation_raw = get("occupation")
    # A job the programme does not pay for (PNS, Ibu Rumah Tangga, Sudah Meninggal) is refused with the
    # reason every entry path gives (desktop.domain.eligibility), not as an unknown choice.
    member = Occupation.parse(occupation_raw)
    refused = (judge_job(_text(occupation_raw)).problem if member is None and occupation_raw not in (None, "")
               else None)
    if refused is not None and refused.is_error:
        problems.append(refused)
        occupation = ""
    elif member is not None:
        occupation = member._value_
    else:
        occupation = _choice(Occupation, occupation_raw, "occupation", problems)
    occupation_other = _text(get("occupation_other"))
    if occupation == Occupation.OTHER.value and not occupation_other:
        problems.append(error("occupation_other", QT_TRANSLATE_NOOP("Validation", "Tuliskan pekerjaannya bila memilih \"Lainnya\".")))
    elif occupation == Occupation.OTHER.value:
        judged = judge_job(occupation_other, "occupation_other")
        if judged.problem is not None:
            problems.append(judged.problem)
    if occupation != Occupation.OTHER.value:
        occupation_other = ""
    income_raw = get("monthly_income")
    income = parse_rupiah(income_raw)
    if income_raw in (None, ""):
        problems.append(error("monthly_income", QT_TRANSLATE_NOOP("Validation", "Penghasilan per bulan wajib diisi.")))
    elif income is None or income < 0:
        problems.append(error("monthly_income", QT_TRANSLATE_NOOP("Validation", "Penghasilan harus berupa angka rupiah, misalnya 1.500.000.")))
    elif income > policy.max_plausible_income:
        problems.append(warning("monthly_income", QT_TRANSLATE_NOOP("Validation", "Penghasilan di atas Rp {limit} tidak lazim untuk pekerja rentan. Periksa kembali."),
            limit=f"{policy.max_plausible_income:,}".replace(",", ".")))

    # --- heir (ahli waris) for the death benefit --------------------------------------------
    heir_name = _name(get("heir_name"), "heir_name", problems, missing=QT_TRANSLATE_NOOP("Validation", "Nama ahli waris wajib diisi (penerima santunan JKM)."))
    if heir_name and heir_name == full_name:
        problems.append(warning("heir_name", QT_TRANSLATE_NOOP("Validation", "Ahli waris sama dengan nama peserta. Isi nama anggota keluarga yang menerima santunan.")))
    heir_relationship = _choice(Relationship, get("heir_relationship"), "heir_relationship", problems)
    heir_phone, heir_phone_problems = normalize_phone(_text(get("heir_phone")), "heir_phone")
    problems += heir_phone_problems

    # --- school link (optional) -----------------------------------------------------------
    npsn = _text(get("school_npsn")) or None
    if npsn is not None and not _NPSN.match(npsn):
        problems.append(error("school_npsn", QT_TRANSLATE_NOOP("Validation", "NPSN harus 8 digit angka.")))
    pupil_name = _upper_text(get("pupil_name"))
    pupil_class = _text(get("pupil_class")).upper()
    if (pupil_name or pupil_class) and npsn is None:
        problems.append(error("school_npsn", QT_TRANSLATE_NOOP("Validation", "Pilih sekolah siswa, atau kosongkan nama siswa dan kelas.")))
    if pupil_name:
        _checked_name(pupil_name, "pupil_name", problems)

    # --- coverage -------------------------------------------------------------------------
    programme = _choice(Programme, get("programme"), "programme", problems, default=Programme.JKK_JKM)
    funding = _choice(Funding, get("funding_source"), "funding_source", problems, default=Funding.BAZNAS_ZAKAT)
    asnaf = _choice(Asnaf, get("asnaf"), "asnaf", problems, default=Asnaf.MISKIN)

    if any(p.is_error for p in problems):
        return Result(None, problems)
    assert birth_date is not None and income is not None
    return Result(Enrollment(
        nik=nik, no_kk=no_kk, full_name=full_name, birth_place=birth_place, birth_date=birth_date, sex=sex,
        address=address, kabupaten_code=kabupaten, kecamatan_code=kecamatan, desa_code=desa,
        phone=phone, occupation=occupation, occupation_other=occupation_other, monthly_income=income,
        heir_name=heir_name, heir_relationship=heir_relationship, heir_phone=heir_phone,
        school_npsn=npsn, pupil_name=pupil_name, pupil_class=pupil_class, programme=programme,
        funding_source=funding, asnaf=asnaf,
    ), problems)
