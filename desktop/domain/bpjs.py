"""The files exchanged with BPJS Ketenagakerjaan: the collective BPU registration spreadsheet the branch
uploads, and the answer BPJS sends back (KPJ numbers, membership dates, reasons for refusal).

Both follow the branch's own templates, so columns are found by their headers in any spelling; an admin
may load the branch's upload template so the export follows its names and order (``map_template``).
No file I/O here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.headers import Header, HeaderNames
from desktop.domain.importing import cell_text, date_from_cell, header_key, nik_from_cell
from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem
from desktop.domain.nik import clean_nik
from desktop.domain.text import (  # noqa: F401 (the date column rules, re-exported for the answer)
    ASSUMED, DAY_FIRST, MIXED, PROVEN, date_column_order, parse_date, search_key,
)

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
_EXPORT_NAMES = HeaderNames({key: variants for key, _, variants in EXPORT_COLUMNS})


def export_key_for(header: object) -> str | None:
    return _EXPORT_NAMES.key(header)


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
ANSWER_NAMES = HeaderNames(ANSWER_VARIANTS)
AnswerHeader = Header


def answer_mapping(headers: Sequence[object]) -> dict[str, int]:
    return ANSWER_NAMES.mapping(headers)


def find_answer(rows: Sequence[Sequence[Any]], search: int = 20) -> Header | None:
    """The answer's header among the first ``search`` rows: the first row naming a NIK column and a KPJ,
    date, status or remarks column, with the row under it when that one continues the header."""
    return ANSWER_NAMES.find(rows, search, lambda keys: "nik" in keys, lambda keys: len(keys) > 1)


def find_answer_header(rows: Sequence[Sequence[Any]], search: int = 20) -> tuple[int, dict[str, int]] | None:
    """(the header's last row index, column of each answer key), as ``find_answer``."""
    found = find_answer(rows, search)
    if found is None or not ({"kpj", "reason", "status"} & found.mapping.keys()):
        return None
    return found.last, found.mapping


@dataclass(frozen=True)
class AnswerRow:
    row: int                    # the spreadsheet's row number
    nik: str
    kpj: str | None             # 11 digits, or None
    start: dt.date | None
    reason: str                 # BPJS's words (empty when none)
    problem: str | None = None  # why the row cannot be read (a message template, Indonesian)
    pending: bool = False       # still in process at BPJS: changes nothing yet
    name: str = ""              # the name BPJS wrote, checked against the worker's before a KPJ is applied
    start_text: str = ""        # the date as written (shown back, and read again in the column's order)
    sheet: str = ""             # the sheet it stands on, when the answer spans several
    value: str = ""             # the value a problem is about, shown with it


_TOTALS = re.compile(r"(?:jumlah|total|sub ?total|grand total|rekap)\b", re.IGNORECASE)
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


def totals_label(row: Sequence[Any]) -> str | None:
    """The word that makes ``row`` a totals row (``JUMLAH``, ``Total``, ``Grand Total``), if a cell holds one."""
    return next((c for c in row if type(c) is str and _TOTALS.match(c.strip())), None)


def row_cells(row: Sequence[Any], mapping: Mapping[str, int]) -> Callable[[str], Any]:
    """A row of one of BPJS's tables, its cells by key (``mapping``: key -> column); None past the row's end."""
    def cell(key: str) -> Any:
        index = mapping.get(key)
        return row[index] if index is not None and index < len(row) else None
    return cell


def worker_numbers(cell: Callable[[str], Any]) -> tuple[str, list[Problem], str, str]:
    """A row's worker as BPJS's tables name them: (the NIK as written, its problems, the NIK cleaned, the KPJ
    as written less its separators)."""
    nik_text, nik_problems = nik_from_cell(cell("nik"))
    return nik_text, nik_problems, clean_nik(nik_text), _KPJ_JUNK.sub("", cell_text(cell("kpj")))


def read_answer_row(number: int, row: Sequence[Any], mapping: Mapping[str, int],
                    order: str = DAY_FIRST) -> AnswerRow | None:
    """One row of BPJS's answer, its date read in ``order`` (the column's, see ``date_column_order``);
    None for a blank row or a footer line without a NIK."""
    cell = row_cells(row, mapping)
    nik_text, nik_problems, nik, kpj_text = worker_numbers(cell)
    kpj_cell = cell("kpj")
    status, remark = cell_text(cell("status")), cell_text(cell("reason"))
    if kpj_text and not any(ch.isdigit() for ch in kpj_text):
        # Words where the number would be ("PROSES", "DITOLAK", "-"): BPJS's word, read as a status is.
        status, kpj_text = " ".join(t for t in (cell_text(kpj_cell), status) if t and t != "-"), ""
    # The remark says why where the status only says what (``DITOLAK`` beside ``NIK tidak valid``).
    reason = remark if remark and header_key(remark) not in _OK_WORDS else status or remark
    digits = sum(ch.isdigit() for ch in nik_text)
    if not kpj_text and (digits == 0 or (digits < 12 and any(ch.isalpha() for ch in nik_text))):
        return None        # blank, or a footer line under the table ("Pontianak, 10 Desember 2026", a signature)
    if digits < 12 and totals_label(row) is not None:
        return None        # a totals row (JUMLAH 5): its figures stand in the KPJ or date columns
    name = cell_text(cell("name"))
    if nik_problems and any(p.is_error for p in nik_problems) or len(nik) != 16:
        return AnswerRow(number, nik, None, None, reason, QT_TRANSLATE_NOOP(
            "Service", "NIK tidak terbaca (harus 16 digit, disimpan sebagai teks)."), name=name, value=nik_text)
    start_raw = cell("start")
    start_text = date_text(start_raw)
    start = day_from_cell(start_raw, order)
    if kpj_text:
        if not (kpj_text.isdigit() and len(kpj_text) == 11):
            return AnswerRow(number, nik, None, start, reason, QT_TRANSLATE_NOOP(
                "Service", "Nomor KPJ harus 11 digit."), name=name, start_text=start_text, value=kpj_text)
        if start is None:
            return AnswerRow(number, nik, kpj_text, None, reason, QT_TRANSLATE_NOOP(
                "Service", "Tanggal kepesertaan (TMT) kosong atau tidak terbaca."), name=name,
                start_text=start_text, value=start_text)
        return AnswerRow(number, nik, kpj_text, start, reason, name=name, start_text=start_text)
    if is_pending(status, remark):
        return AnswerRow(number, nik, None, None, reason, pending=True, name=name)
    if header_key(status) in _OK_WORDS and header_key(remark) in _OK_WORDS:
        return AnswerRow(number, nik, None, start, reason, QT_TRANSLATE_NOOP(
            "Service", "Tanpa nomor KPJ dan tanpa alasan penolakan."), name=name)
    return AnswerRow(number, nik, None, None, reason, name=name)


def date_text(value: Any) -> str:
    """A date cell as it is shown back: text as the file wrote it; a date cell or an Excel serial as the
    ISO date it holds (``2026-12-01``: no order to misread)."""
    got = date_from_cell(value)
    return got.isoformat() if isinstance(got, dt.date) else got


def day_from_cell(value: Any, order: str = DAY_FIRST) -> dt.date | None:
    """A date cell, an Excel serial number (a number cell, or five digits of text in a date column), or
    text in any common form with day and month in ``order``."""
    got = date_from_cell(value)
    if isinstance(got, dt.date):
        return got
    if got.isdigit() and len(got) == 5:      # 46357: a serial that lost its date format on the way to text
        return date_from_cell(int(got))  # type: ignore[return-value]
    return parse_date(got, order)


UNCLEAR_DATE = QT_TRANSLATE_NOOP(
    "Service", "Tanggal kepesertaan (TMT) dapat dibaca dua cara (hari/bulan atau bulan/hari) dan kolom tanggalnya "
               "bercampur; tulis tanggalnya seperti 01-12-2026 lalu baca lagi.")


def names_agree(written: str, held: str) -> bool:
    """Whether BPJS's name for a row is the worker's name, tolerant of titles (``Hj.``, ``S.Pd``),
    spacing, initials (``M. YUSUF`` for ``MUHAMMAD YUSUF``) and a letter or two of spelling."""
    from rapidfuzz import fuzz

    if written.upper() == (held or "").upper():
        return True          # the common case: BPJS wrote back the name Lindung sent
    a, b = _name_words(written), _name_words(held)
    if not a or not b:
        return True        # nothing to compare: the NIK alone decides
    if "".join(a) == "".join(b):
        return True
    if fuzz.ratio("".join(a), "".join(b)) >= 85 or fuzz.token_sort_ratio(" ".join(a), " ".join(b)) >= 85:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return _initials_fit(short, long_)


# Titles and honorifics written before or after a name, not part of it.
_TITLES = frozenset({
    "h", "hj", "haji", "hajjah", "dr", "drs", "dra", "ir", "prof", "st", "s", "pd", "spd", "se", "sh", "sag", "sos",
    "ssos", "skom", "sip", "amd", "ama", "ma", "mm", "mpd", "mt", "bpk", "bapak", "ibu", "bu", "pak", "sdr", "sdri",
    "alm", "almh", "almarhum", "almarhumah", "tn", "ny", "nn", "kh", "ust", "ustadz", "ustazah", "mr", "mrs",
})


def _name_words(text: str) -> list[str]:
    words = re.findall(r"[a-z]+", search_key(text).lower())
    return [w for w in words if w not in _TITLES]


def _initials_fit(short: list[str], long_: list[str]) -> bool:
    """Each word of the shorter name is a word of the longer one or its initial, in order, and at least
    one whole word (not only initials) is shared."""
    position, whole = 0, False
    for word in short:
        while position < len(long_) and not (long_[position] == word or
                                             (len(word) == 1 and long_[position].startswith(word))):
            position += 1
        if position == len(long_):
            return False
        whole = whole or len(word) > 1
        position += 1
    return whole
