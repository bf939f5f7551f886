"""The files exchanged with BPJS Ketenagakerjaan: the collective BPU registration spreadsheet the branch
uploads, and the answer BPJS sends back (KPJ numbers, membership dates, reasons for refusal).

Both follow the branch's own templates, so columns are found by their headers in any spelling; an admin
may load the branch's upload template so the export follows its names and order (``map_template``).
No file I/O here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.importing import cell_text, date_from_cell, header_key, nik_from_cell
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.nik import clean_nik
from desktop.domain.text import parse_date

# The upload's columns: (key, header written by default, header spellings a branch template may use).
EXPORT_COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("row", "No", ("no", "nourut", "nomor")),
    ("nik", "NIK", ("nik", "noktp", "nomorktp", "nomorindukkependudukan", "nikpeserta")),
    ("full_name", "Nama Lengkap", ("nama", "namalengkap", "namapeserta", "namatenagakerja", "namasesuaiktp")),
    ("birth_place", "Tempat Lahir", ("tempatlahir", "tmplahir", "tmptlahir")),
    ("birth_date", "Tanggal Lahir", ("tanggallahir", "tgllahir", "tgllhr", "tanggallahirddmmyyyy")),
    ("sex", "Jenis Kelamin", ("jeniskelamin", "jk", "lp", "kelamin", "jeniskelaminlp")),
    ("address", "Alamat", ("alamat", "alamatdomisili", "alamatlengkap", "alamatrumah")),
    ("desa_code", "Kode Desa/Kelurahan", ("kodedesa", "kodekelurahan", "kodedesakelurahan", "kodewilayah")),
    ("desa", "Desa/Kelurahan", ("desa", "kelurahan", "desakelurahan")),
    ("kecamatan_code", "Kode Kecamatan", ("kodekecamatan", "kodekec")),
    ("kecamatan", "Kecamatan", ("kecamatan", "kec")),
    ("kabupaten_code", "Kode Kabupaten/Kota", ("kodekabupaten", "kodekota", "kodekabupatenkota", "kodekab", "kodekabkota")),
    ("kabupaten", "Kabupaten/Kota", ("kabupaten", "kota", "kabupatenkota", "kabkota", "kab")),
    ("province_code", "Kode Provinsi", ("kodeprovinsi", "kodeprov")),
    ("phone", "No. HP", ("nohp", "nomorhp", "hp", "nohandphone", "notelepon", "telepon", "notelp", "nomortelepon")),
    ("occupation", "Jenis Pekerjaan", ("pekerjaan", "jenispekerjaan", "jenisusaha", "lokasipekerjaan")),
    ("monthly_income", "Penghasilan per Bulan", ("penghasilan", "penghasilanperbulan", "upah", "upahdilaporkan",
                                                 "penghasilandilaporkan", "nominalupah")),
    ("programmes", "Program", ("program", "programkepesertaan", "programyangdiikuti")),
    ("months", "Jumlah Bulan Dibayar", ("jumlahbulan", "jumlahbulandibayar", "periodebayar", "bulan",
                                        "lamaiuran", "periodeiuran")),
    ("payer", "Pihak Pembayar", ("pihakpembayar", "pembayar", "sumberdana", "donatur", "pemberidonasi")),
    ("heir_name", "Nama Ahli Waris", ("namaahliwaris", "ahliwaris")),
    ("heir_relationship", "Hubungan Ahli Waris", ("hubunganahliwaris", "hubungan", "hubungankeluarga")),
    ("registration_no", "No. Registrasi Lindung", ("noregistrasi", "noregistrasilindung", "nomorregistrasi",
                                                   "noreferensi", "referensi")),
    ("batch", "Nomor Batch", ("nomorbatch", "batch", "nobatch")),
)
EXPORT_KEYS = tuple(key for key, _, _ in EXPORT_COLUMNS)
DEFAULT_HEADERS = {key: header for key, header, _ in EXPORT_COLUMNS}
EXPORT_LABELS = DEFAULT_HEADERS
_EXPORT_LOOKUP = {variant: key for key, _, variants in EXPORT_COLUMNS for variant in variants}


def export_key_for(header: object) -> str | None:
    key = header_key(header)
    if key in _EXPORT_LOOKUP:
        return _EXPORT_LOOKUP[key]
    return _EXPORT_LOOKUP.get(header_key(re.sub(r"\(.*?\)", "", str(header or ""))))


def map_template(headers: Sequence[object]) -> list[tuple[str, str | None]]:
    """The branch template's header row as (header, our column key or None), in its order; a key is
    used once (the first header that names it)."""
    used: set[str] = set()
    out: list[tuple[str, str | None]] = []
    for header in headers:
        text = cell_text(header)
        if not text:
            continue
        key = export_key_for(text)
        if key in used:
            key = None
        if key is not None:
            used.add(key)
        out.append((text, key))
    return out


def find_template_header(rows: Sequence[Sequence[Any]], search: int = 20) -> int | None:
    """The index of the row that looks most like a header of the upload template (≥ 3 known names)."""
    best, best_count = None, 2
    for index, row in enumerate(rows[:search]):
        count = sum(1 for cell in row if export_key_for(cell) is not None)
        if count > best_count:
            best, best_count = index, count
    return best


# --- the answer --------------------------------------------------------------------------------

ANSWER_VARIANTS: dict[str, tuple[str, ...]] = {
    "nik": ("nik", "noktp", "nomorktp", "nomorindukkependudukan", "nikpeserta", "niktk", "niktenagakerja",
            "nikpekerja"),
    "kpj": ("kpj", "nokpj", "nomorkpj", "nomorpeserta", "nopeserta", "nokartu", "nomorkartupeserta",
            "nomorkpjpeserta", "nokpjpeserta", "kpjpeserta", "nokpjtk"),
    "start": ("tanggalkepesertaan", "tmt", "tmtkepesertaan", "tglaktif", "tanggalaktif", "tglkepesertaan",
              "tmtpeserta", "mulaikepesertaan"),
    "reason": ("keterangan", "alasan", "alasanpenolakan", "ket", "catatan"),
    # BPJS's verdict in a word (DITOLAK, PROSES, AKTIF); where a remarks column stands beside it, that one says why.
    "status": ("status", "statuspeserta", "statusregistrasi", "statuskepesertaan", "hasil"),
    "name": ("nama", "namalengkap", "namapeserta", "namatenagakerja"),
}
_ANSWER_LOOKUP = {variant: key for key, variants in ANSWER_VARIANTS.items() for variant in variants}


def answer_mapping(headers: Sequence[object]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = _ANSWER_LOOKUP.get(header_key(header)) or _ANSWER_LOOKUP.get(
            header_key(re.sub(r"\(.*?\)", "", str(header or ""))))
        if key is not None and key not in mapping:
            mapping[key] = index
    return mapping


def find_answer_header(rows: Sequence[Sequence[Any]], search: int = 20) -> tuple[int, dict[str, int]] | None:
    """(row index, column of each answer key) of the first row naming a NIK column and a KPJ or reason column."""
    for index, row in enumerate(rows[:search]):
        mapping = answer_mapping(row)
        if "nik" in mapping and ("kpj" in mapping or "reason" in mapping or "status" in mapping):
            return index, mapping
    return None


@dataclass(frozen=True)
class AnswerRow:
    row: int                    # the spreadsheet's row number
    nik: str
    kpj: str | None             # 11 digits, or None
    start: dt.date | None
    reason: str                 # BPJS's words (empty when none)
    problem: str | None = None  # why the row cannot be read (a message template, Indonesian)
    pending: bool = False       # still in process at BPJS: changes nothing yet


_KPJ_JUNK = re.compile(r"[\s.\-'`]")
# Words in a status/remarks column that mean the registration went through, not a refusal.
_OK_WORDS = {"", "ok", "sukses", "berhasil", "aktif", "terdaftar", "diterima", "valid", "success"}
# Words of waiting (``PROSES``, ``Dalam Proses``, ``PENDING - menunggu verifikasi``): BPJS has not decided yet.
_WAITING = re.compile(r"proses|pending|menunggu|tunggu|verifikasi|antri|antre|on ?process|waiting", re.IGNORECASE)
# Words that say refused: where they stand, waiting words beside them do not make the row pending.
_REFUSAL = re.compile(r"tolak|gagal|reject|batal|tidak|invalid|salah|ganda", re.IGNORECASE)


def is_pending(*words: str) -> bool:
    """Whether BPJS's words say the registration is still being processed (not refused, not done)."""
    text = " ".join(words)
    return bool(_WAITING.search(text)) and not _REFUSAL.search(text)


def read_answer_row(number: int, row: Sequence[Any], mapping: Mapping[str, int]) -> AnswerRow | None:
    """One row of BPJS's answer; None for a blank row or a footer line without a NIK."""
    def cell(key: str) -> Any:
        index = mapping.get(key)
        return row[index] if index is not None and index < len(row) else None

    nik_text, nik_problems = nik_from_cell(cell("nik"))
    nik = clean_nik(nik_text)
    kpj_cell = cell("kpj")
    kpj_text = str(int(kpj_cell)) if isinstance(kpj_cell, float) and kpj_cell.is_integer() else cell_text(kpj_cell)
    kpj_text = _KPJ_JUNK.sub("", kpj_text)
    status, remark = cell_text(cell("status")), cell_text(cell("reason"))
    # The remark says why where the status only says what (``DITOLAK`` beside ``NIK tidak valid``).
    reason = remark if remark and header_key(remark) not in _OK_WORDS else status or remark
    digits = sum(ch.isdigit() for ch in nik_text)
    if not kpj_text and (digits == 0 or (digits < 12 and any(ch.isalpha() for ch in nik_text))):
        return None        # blank, or a footer line under the table ("Pontianak, 10 Desember 2026", a signature)
    if nik_problems and any(p.is_error for p in nik_problems) or len(nik) != 16:
        return AnswerRow(number, nik, None, None, reason, QT_TRANSLATE_NOOP(
            "Service", "NIK tidak terbaca (harus 16 digit, disimpan sebagai teks)."))
    start_raw = cell("start")
    start = None
    if start_raw not in (None, ""):
        got = date_from_cell(start_raw)
        start = got if isinstance(got, dt.date) else parse_date(got)
    if kpj_text:
        if not (kpj_text.isdigit() and len(kpj_text) == 11):
            return AnswerRow(number, nik, None, start, reason, QT_TRANSLATE_NOOP(
                "Service", "Nomor KPJ harus 11 digit."))
        if start is None:
            return AnswerRow(number, nik, kpj_text, None, reason, QT_TRANSLATE_NOOP(
                "Service", "Tanggal kepesertaan (TMT) kosong atau tidak terbaca."))
        return AnswerRow(number, nik, kpj_text, start, reason)
    if is_pending(status, remark):
        return AnswerRow(number, nik, None, None, reason, pending=True)
    if header_key(status) in _OK_WORDS and header_key(remark) in _OK_WORDS:
        return AnswerRow(number, nik, None, start, reason, QT_TRANSLATE_NOOP(
            "Service", "Tanpa nomor KPJ dan tanpa alasan penolakan."))
    return AnswerRow(number, nik, None, None, reason)
