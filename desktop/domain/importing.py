"""Turning the rows of a school's parent list into enrollment values (no file I/O here).

Real lists do not follow the template: headers come in many spellings, dates as spreadsheet dates
or text in several forms, regions by name with or without ``Kab.``, occupations typed freely.  This
module recognises all of that and hands ``validate()`` the same raw values the form would, plus the
problems only an import can have (a NIK that Excel stored as a number, a village name not found).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from desktop.domain.eligibility import ELIGIBLE, Verdict, import_verdict, judge_job
from desktop.domain.enrollment import Occupation, Relationship
from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem, error, warning
from desktop.domain.nik import parse_nik
from desktop.domain.regions import KALBAR, PROVINCES, Level, Region, RegionCatalog, with_numerals
from desktop.domain.text import MONTH_FIRST, PROVEN, date_column_order, fold_spaces, format_date, parse_date

# The official template's columns, in order: (field, header).
TEMPLATE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("nik", "NIK"),
    ("full_name", "Nama Lengkap"),
    ("birth_place", "Tempat Lahir"),
    ("birth_date", "Tanggal Lahir"),
    ("sex", "Jenis Kelamin"),
    ("address", "Alamat"),
    ("desa", "Desa/Kelurahan"),
    ("kecamatan", "Kecamatan"),
    ("kabupaten", "Kabupaten/Kota"),
    ("phone", "No. HP"),
    ("occupation", "Pekerjaan"),
    ("monthly_income", "Penghasilan per Bulan"),
    ("heir_name", "Nama Ahli Waris"),
    ("heir_relationship", "Hubungan Ahli Waris"),
    ("pupil_name", "Nama Siswa"),
    ("pupil_class", "Kelas"),
)
# Columns a list may carry beyond the template.
EXTRA_COLUMNS: tuple[tuple[str, str], ...] = (
    ("heir_phone", "No. HP Ahli Waris"),
    ("no_kk", "No. KK"),
    # A parent known by the year of birth only (Dapodik): date and sex then come from the NIK.
    ("birth_year", "Tahun Lahir"),
    # Where a row came from when it is not the file's own row: "Dapodik baris 12, ayah".
    ("origin", "Asal Data"),
)
IMPORT_FIELDS: tuple[str, ...] = tuple(f for f, _ in TEMPLATE_COLUMNS + EXTRA_COLUMNS)
HEADERS: dict[str, str] = dict(TEMPLATE_COLUMNS + EXTRA_COLUMNS)
REQUIRED_FIELDS = ("nik", "full_name")

# Header spellings seen in real lists, compared after ``header_key`` (lower case, letters/digits only).
_HEADER_VARIANTS: dict[str, tuple[str, ...]] = {
    "nik": ("nik", "noktp", "nomorktp", "nikktp", "nomorinduk kependudukan", "nikorangtua", "nikortu",
            "nikayah", "nikibu", "nikpeserta", "noinduk kependudukan"),
    "full_name": ("namalengkap", "nama", "namaorangtua", "namaortu", "namawali", "namapeserta",
                  "namaorangtuawali", "namasesuaiktp", "namaayah", "namaibu", "namaortuwali"),
    "birth_place": ("tempatlahir", "tmptlahir", "tmplahir", "tempat", "tempatlhr", "tmptlhr", "tmplhr", "tptlahir",
                    "tptlhr", "tempatlahirktp"),
    "birth_date": ("tanggallahir", "tgllahir", "tgllhr", "tanggallhr", "tanggal", "tgl"),
    "sex": ("jeniskelamin", "jk", "lp", "kelamin", "sex", "gender", "jnskelamin", "jnskel", "jeniskel", "jkel"),
    "address": ("alamat", "alamatlengkap", "alamatrumah", "alamatdomisili", "domisili", "dusun", "almt",
                "alamatjalan"),
    "desa": ("desakelurahan", "desa", "kelurahan", "desakel", "deskel", "kelurahandesa"),
    "kecamatan": ("kecamatan", "kec"),
    "kabupaten": ("kabupatenkota", "kabupaten", "kota", "kabkota", "kab", "kabupatenkot"),
    "phone": ("nohp", "nomorhp", "hp", "telepon", "telp", "notelp", "notelepon", "nohandphone", "nowa",
              "nomorwa", "nowhatsapp", "handphone", "nohportu", "nohporangtua", "kontak"),
    "occupation": ("pekerjaan", "pekerjaanorangtua", "pekerjaanortu", "pekerjaanayah", "pekerjaanibu",
                   "jenispekerjaan", "profesi"),
    "monthly_income": ("penghasilanperbulan", "penghasilan", "pendapatan", "pendapatanperbulan",
                       "penghasilanbulanan", "gaji", "penghasilanrp", "penghasilanperbulanrp"),
    "heir_name": ("namaahliwaris", "ahliwaris", "waris", "namawaris", "ahliwarisnama"),
    "heir_relationship": ("hubunganahliwaris", "hubungan", "hubunganwaris", "hubungankeluarga",
                          "statushubungan"),
    "heir_phone": ("nohpahliwaris", "hpahliwaris", "teleponahliwaris", "nohpwaris"),
    "pupil_name": ("namasiswa", "siswa", "namaanak", "namamurid", "namapesertadidik", "pesertadidik"),
    "pupil_class": ("kelas", "rombel", "kelassiswa", "tingkat", "kelasrombel", "rombelsaatini"),
    "no_kk": ("nokk", "nomorkk", "kk", "nokartukeluarga", "nomorkartukeluarga", "kartukeluarga", "nokkortu"),
    "birth_year": ("tahunlahir", "thnlahir", "thlahir", "tahunlhr", "thnlhr"),
    "origin": ("asaldata", "asalbaris"),
}
_HEADER_LOOKUP = {key.replace(" ", ""): field for field, keys in _HEADER_VARIANTS.items() for key in keys}


_NOT_KEY = re.compile(r"[^0-9a-z]")
_KEYS: dict[str, str] = {}   # the few texts a list repeats (jobs, relationships, headers), keyed once


def header_key(text: object) -> str:
    """``No. HP`` -> ``nohp``; ``Jenis  Kelamin (L/P)`` -> ``jeniskelaminlp``."""
    if type(text) is not str:
        return _NOT_KEY.sub("", fold_spaces(str(text or "")).lower())
    key = _KEYS.get(text)
    if key is None:
        if len(_KEYS) >= 20_000:
            _KEYS.clear()
        key = _KEYS[text] = _NOT_KEY.sub("", fold_spaces(text).lower())
    return key


def field_for_header(text: object) -> str | None:
    key = header_key(text)
    if not key:
        return None
    if key in _HEADER_LOOKUP:
        return _HEADER_LOOKUP[key]
    # "Jenis Kelamin (L/P)", "Tanggal Lahir (dd/mm/yyyy)": drop what the brackets add.
    bare = header_key(re.sub(r"\(.*?\)", "", str(text)))
    return _HEADER_LOOKUP.get(bare)


def guess_mapping(headers: Sequence[object]) -> dict[str, int]:
    """field -> column index for every header recognised (the first column wins a field)."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = field_for_header(header)
        if field is not None and field not in mapping:
            mapping[field] = index
    return mapping


# --- cell values ---------------------------------------------------------------------------

_EXCEL_EPOCH = dt.date(1899, 12, 30)


# What the eye cannot see in a cell: zero-width spaces and joiners, direction marks, a byte-order mark, a soft
# hyphen (a non-breaking space is folded as a space by ``fold_spaces``).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\ufeff\u00ad"))
# ``="0812345"``: how systems write a number into a CSV so Excel keeps its leading zeros.
_FORMULA_TEXT = re.compile(r'^=\s*"(.*)"$')
# ``61040112345.0``: a number that went through a float on its way to text (one zero only: ``5.000`` is
# five thousand the Indonesian way).
_POINT_ZERO = re.compile(r"^(\d+)\.0$")


def cell_text(value: Any) -> str:
    """A cell as the coordinator would read it: whole numbers without ``.0``, dates dd-mm-yyyy; text
    cleaned of what the eye cannot see and of the ``="…"`` wrapper before it is read as a number or code."""
    if type(value) is str:
        if value.isdigit() and value.isascii():   # a NIK, a phone, a code typed as text: nothing to clean
            return value
        text = fold_spaces(value if value.isascii() else value.translate(_INVISIBLE))
        if text and (text[0] == "=" or text[-1] == "0"):
            wrapped = _FORMULA_TEXT.match(text)
            if wrapped:
                text = fold_spaces(wrapped.group(1))
            point_zero = _POINT_ZERO.match(text)
            if point_zero:
                text = point_zero.group(1)
        return text
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return format_date(value.date())
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    return fold_spaces(str(value))


_NIK_AS_NUMBER = QT_TRANSLATE_NOOP(
    "Validation", "NIK tersimpan sebagai angka di Excel, sehingga digit terakhirnya hilang (Excel hanya menyimpan "
    "15 digit). Ubah format kolom NIK menjadi Teks lalu ketik ulang NIK dari KTP.")
_SCIENTIFIC = re.compile(r"^\d(?:[.,]\d+)?e\+?\d+$", re.IGNORECASE)


_KK_AS_NUMBER = QT_TRANSLATE_NOOP(
    "Validation", "No. KK tersimpan sebagai angka di Excel, sehingga digit terakhirnya hilang (Excel hanya menyimpan "
    "15 digit); peserta tetap didaftarkan tanpa No. KK. Ubah format kolom No. KK menjadi Teks lalu ketik ulang "
    "nomornya dari Kartu Keluarga.")


def nik_from_cell(value: Any, field_name: str = "nik") -> tuple[str, list[Problem]]:
    """The NIK (or, with ``field_name="no_kk"``, the No. KK) text of a cell, with a plain explanation
    when Excel has damaged it. A damaged NIK is an error; a damaged No. KK (optional) is a warning and is
    dropped (``""``): the person is kept."""
    if field_name == "no_kk":
        text, damage = _number_from_cell(value, field_name, _KK_AS_NUMBER, warning)
        return ("" if damage else text), damage
    return _number_from_cell(value, field_name, _NIK_AS_NUMBER, error)


def _number_from_cell(value: Any, field_name: str, damaged: str, severity) -> tuple[str, list[Problem]]:
    if type(value) is str and value.isdigit() and value.isascii():   # typed as text, as it should be
        return value, []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            return cell_text(value), [severity(field_name, damaged)]
        digits = str(int(value))
        if len(digits) >= 15 and digits.endswith("0"):
            return digits, [severity(field_name, damaged)]
        if len(digits) == 16 and field_name == "nik":
            return digits, [warning("nik", QT_TRANSLATE_NOOP(
                "Validation", "NIK tersimpan sebagai angka; simpan kolom NIK sebagai Teks agar tidak rusak."))]
        return digits, []
    text = cell_text(value)
    if _SCIENTIFIC.match(text.replace(" ", "")):
        return text, [severity(field_name, damaged)]
    return text.replace("'", "").replace("`", ""), []


def date_from_cell(value: Any) -> dt.date | str:
    """A spreadsheet date, an Excel serial number, or text for ``parse_date`` to read."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 80000:  # a date cell formatted as a number: days since 1899-12-30
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        return cell_text(value)
    return cell_text(value)


DATE_FIELDS = ("birth_date",)


def settle_date_columns(rows: Sequence[dict[str, Any]]) -> None:
    """Read each date column as a whole: where its values prove the column month-first (one ``8/17/1980``,
    an English-locale Excel's), every text date of it is read month-first and put back as a date. A
    day-first, unproven or mixed column is left to be read day-first, value by value (what cannot be
    read is reported with its value)."""
    for name in DATE_FIELDS:
        texts = [value for value in (row.get(name) for row in rows) if isinstance(value, str)]
        order, basis = date_column_order(texts)
        if order != MONTH_FIRST or basis != PROVEN:
            continue
        for row in rows:
            value = row.get(name)
            if isinstance(value, str):
                day = parse_date(value, MONTH_FIRST)
                if day is not None:
                    row[name] = day


def phone_from_cell(value: Any) -> str:
    """``81234567890`` (a number cell that lost its leading 0) -> ``081234567890``."""
    text = cell_text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and text.startswith("8"):
        return "0" + text
    if isinstance(value, (int, float)) and not isinstance(value, bool) and text.startswith("628"):
        return "+" + text
    return text


_INCOME = re.compile(r"^(?:rp\.?)?\s*([\d.,]+)\s*(juta|jt|ribu|rb|k)?$", re.IGNORECASE)
_BRACKET_AMOUNT = re.compile(r"rp\.?\s*([\d.,]+)", re.IGNORECASE)
HIGH_BRACKET = 5_000_000   # a bracket starting here is hardly a vulnerable worker's income


def income_bracket(text: str) -> int | None:
    """The lower bound of an income bracket as Dapodik writes them, else None:
    ``Kurang dari Rp. 500,000`` -> 0, ``Rp. 500,000 - Rp. 999,999`` -> 500000,
    ``Lebih dari Rp. 20,000,000`` -> 20000000, ``Tidak Berpenghasilan`` -> 0."""
    key = header_key(text)
    if key in ("tidakberpenghasilan", "tidakadapenghasilan", "tidakada"):
        return 0
    amounts = _BRACKET_AMOUNT.findall(text)
    if not amounts:
        return None
    if key.startswith("kurangdari") or key.startswith("dibawah"):
        return 0
    if len(amounts) == 2 or key.startswith("lebihdari") or key.startswith("diatas"):
        digits = re.sub(r"[.,]", "", amounts[0])
        return int(digits) if digits.isdigit() else None
    return None


def income_from_cell(value: Any) -> int | str:
    """``1500000``, ``Rp 1.500.000``, ``1,5 juta``, ``1.5jt``, ``750 rb`` -> rupiah; a bracket
    (``Rp. 500,000 - Rp. 999,999``) -> its lower bound."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            return cell_text(value)  # "nan"/"inf": the validation says it is not an amount
        return int(round(value))
    text = cell_text(value)
    bracket = income_bracket(text)
    if bracket is not None:
        return bracket
    match = _INCOME.match(text.replace(" ", "").lower())
    if not match:
        return text
    number, unit = match.groups()
    if unit:
        factor = 1_000_000 if unit in ("juta", "jt") else 1000
        try:
            return int(round(float(number.replace(",", ".")) * factor))
        except ValueError:
            return text
    return text  # plain amounts are read by the domain's own parse_rupiah


# --- occupations and relationships typed freely ---------------------------------------------

_OCCUPATION_WORDS: dict[str, tuple[str, ...]] = {
    Occupation.FARMER.value: ("petani", "tani", "bertani", "petanipadi", "petanisawah", "berkebun",
                              # KBLI 01 as BPJS's lists word it
                              "pertanian", "pertaniantanamanpangan", "petanitanamanpangan", "petanipekebun",
                              "pertanianperkebunan"),
    Occupation.SMALLHOLDER.value: ("pekebun", "petanikaret", "petanisawit", "pekebunkaret", "pekebunsawit",
                                   "penyadapkaret", "noreh", "menoreh", "petanikebun"),
    Occupation.FISHER.value: ("nelayan", "nelayantradisional", "penangkapikan", "pembudidayaikan",
                              "petambak", "tambak", "perikanan", "perikanantangkap", "perikananbudidaya",
                              "nelayanperikanan"),
    Occupation.LIVESTOCK.value: ("peternak", "ternak", "beternak", "peternakayam", "peternaksapi", "peternakan"),
    Occupation.STREET_VENDOR.value: ("pedagang", "dagang", "berdagang", "pedagangkecil", "kakilima",
                                     "pedagangkakilima", "pkl", "jualan", "penjual", "warung", "wiraswasta",
                                     "usahakecil", "umkm", "pedagangsayur", "pedagangkeliling", "perdaganganeceran",
                                     "pedagangeceran", "pedagangpasar", "wirausaha", "perdagangan"),
    Occupation.MOTORBIKE_TAXI.value: ("ojek", "ojol", "tukangojek", "pengemudiojek", "ojekonline",
                                      "driverojol", "ojekpangkalan", "mitrapengemudi", "mitraojol"),
    Occupation.DRIVER.value: ("sopir", "supir", "driver", "pengemudi", "sopirangkot", "sopirtruk",
                              # KBLI 49 (angkutan darat) as BPJS's lists word it
                              "angkutandarat", "angkutanjalan", "transportasi", "pengemudiangkutan"),
    Occupation.COURIER.value: ("kurir", "kurirpaket", "kurironline", "kurirekspedisi", "kurirlogistik",
                               "ekspedisi", "pengantarbarang", "pengantarpaket", "pengirimbarang", "jasakurir",
                               "jasapengiriman", "pengantarmakanan", "kurirmakanan", "drivermaxim", "mitrakurir",
                               "aktivitaskurir", "aktivitasposdankurir", "posdankurir", "poskurir", "logistik"),
    Occupation.DAY_LABOURER.value: ("buruh", "buruhharian", "buruhharianlepas", "bhl", "buruhlepas",
                                    "pekerjaharian", "kulih", "kuli", "serabutan", "pekerjaserabutan",
                                    "buruhpelabuhan", "kulipanggul"),
    Occupation.FARM_LABOURER.value: ("buruhtani", "buruhkebun", "buruhsawit", "buruhperkebunan",
                                     "buruhtanikebun"),
    Occupation.CONSTRUCTION.value: ("tukang", "tukangbangunan", "buruhbangunan", "kulibangunan",
                                    "tukangkayu", "tukangbatu", "konstruksi", "pekerjakonstruksi"),
    Occupation.DOMESTIC.value: ("pekerjarumahtangga", "prt", "asisten rumahtangga", "art", "pembanturumahtangga",
                                "pembantu", "aktivitasrumahtangga", "aktivitasrumahtanggasebagaipemberikerja"),
    Occupation.CRAFTSPERSON.value: ("perajin", "pengrajin", "kerajinan", "penganyam", "perajinanyaman"),
    Occupation.TAILOR.value: ("penjahit", "jahit", "menjahit"),
    Occupation.SCAVENGER.value: ("pemulung", "mulung", "pengepulbarangbekas"),
}
_OCCUPATION_LOOKUP = {w.replace(" ", ""): code for code, words in _OCCUPATION_WORDS.items() for w in words}
for _member in Occupation:
    _OCCUPATION_LOOKUP.setdefault(header_key(_member.label), _member.value)
    _OCCUPATION_LOOKUP.setdefault(header_key(_member.value), _member.value)


# Words that name the job inside longer descriptions ("tukang sayur keliling", "buruh sawit harian").
_OCCUPATION_KEYWORDS: dict[str, str] = {
    "sayur": Occupation.STREET_VENDOR.value, "keliling": Occupation.STREET_VENDOR.value,
    "dagang": Occupation.STREET_VENDOR.value, "pedagang": Occupation.STREET_VENDOR.value,
    "jualan": Occupation.STREET_VENDOR.value, "warung": Occupation.STREET_VENDOR.value,
    "ojek": Occupation.MOTORBIKE_TAXI.value, "ojol": Occupation.MOTORBIKE_TAXI.value,
    "nelayan": Occupation.FISHER.value, "ikan": Occupation.FISHER.value,
    "petani": Occupation.FARMER.value, "tani": Occupation.FARMER.value, "sawah": Occupation.FARMER.value,
    "karet": Occupation.SMALLHOLDER.value, "sawit": Occupation.SMALLHOLDER.value,
    "ternak": Occupation.LIVESTOCK.value, "peternak": Occupation.LIVESTOCK.value,
    "sopir": Occupation.DRIVER.value, "supir": Occupation.DRIVER.value,
    "jahit": Occupation.TAILOR.value, "penjahit": Occupation.TAILOR.value,
    "kurir": Occupation.COURIER.value, "ekspedisi": Occupation.COURIER.value, "paket": Occupation.COURIER.value,
    "buruh": Occupation.DAY_LABOURER.value,
    "pemulung": Occupation.SCAVENGER.value, "bangunan": Occupation.CONSTRUCTION.value,
    "kuli": Occupation.DAY_LABOURER.value, "serabutan": Occupation.DAY_LABOURER.value,
}


_QUALIFIED = re.compile(r"^([^()]*?)\s*\(([^()]*)\)\s*$")     # "Buruh (Tani/Pabrik/Bangunan)"
_ALTERNATIVES = re.compile(r"\s*(?:[/,;&+|]|\bdan\b|\batau\b)\s*", re.IGNORECASE)


def _named_occupation(text: str) -> str | None:
    """The occupation a (compound) job names, else None:

    - a job qualified by one word in brackets is the qualified job: ``Buruh (Tani)`` = Buruh Tani,
      ``Petani (Karet)`` = Petani Karet; by several alternatives it is the job they qualify:
      ``Buruh (Tani/Pabrik/Bangunan)`` = Buruh (which kind is not known);
    - jobs side by side (``Petani/Peternak``, ``Petani dan Pedagang``) are the first one named (people name
      their main job first);
    - else the first word of the text that names a job (``tukang sayur keliling``).
    """
    code = _OCCUPATION_LOOKUP.get(header_key(text))
    if code is not None:
        return code
    qualified = _QUALIFIED.match(text)
    if qualified:
        head, inside = qualified.groups()
        kinds = [k for k in _ALTERNATIVES.split(inside) if k.strip()]
        if len(kinds) == 1:
            code = _OCCUPATION_LOOKUP.get(header_key(f"{head} {kinds[0]}"))
            if code is not None:
                return code
        if head.strip():
            code = _named_occupation(head)
            if code is not None:
                return code
        text = f"{head} {inside}"
    parts = [p for p in _ALTERNATIVES.split(text) if p.strip()]
    if len(parts) > 1:
        for part in parts:
            code = _OCCUPATION_LOOKUP.get(header_key(part))
            if code is not None:
                return code
    words = re.findall(r"[a-z]+", text.lower())
    for first, second in zip(words, words[1:]):   # "buruh sawit harian": Buruh Sawit before Buruh
        code = _OCCUPATION_LOOKUP.get(first + second)
        if code is not None:
            return code
    for word in words:
        code = _OCCUPATION_KEYWORDS.get(word)
        if code is not None:
            return code
    return None


@functools.lru_cache(maxsize=4096)
def occupation_from_cell(value: Any) -> tuple[str, str]:
    """(occupation code, the typed text when it had to become 'other'); a list names a few dozen jobs
    for thousands of rows, so each is read once."""
    text = cell_text(value)
    if not text:
        return "", ""
    if judge_job(text).kind != ELIGIBLE:   # kept as written, for validate() to judge (Pedagang Besar, -)
        return Occupation.OTHER.value, text
    code = _named_occupation(text)
    if code is not None and code != Occupation.OTHER.value:
        return code, ""
    return Occupation.OTHER.value, text


_RELATIONSHIP_WORDS: dict[str, tuple[str, ...]] = {
    Relationship.SPOUSE.value: ("suami", "istri", "isteri", "suamiistri", "pasangan", "suamiisteri"),
    Relationship.CHILD.value: ("anak", "anakkandung", "anaktiri", "anakangkat", "putra", "putri"),
    Relationship.PARENT.value: ("orangtua", "ortu", "ayah", "ibu", "bapak", "ibukandung", "ayahkandung",
                                "mertua"),
    Relationship.SIBLING.value: ("saudara", "saudarakandung", "kakak", "adik", "abang"),
    Relationship.OTHER.value: ("lainnya", "lain", "keponakan", "paman", "bibi", "kakek", "nenek", "cucu",
                               "wali", "famili", "keluarga"),
}
_RELATIONSHIP_LOOKUP = {w: code for code, words in _RELATIONSHIP_WORDS.items() for w in words}
for _member in Relationship:
    _RELATIONSHIP_LOOKUP.setdefault(header_key(_member.label), _member.value)
    _RELATIONSHIP_LOOKUP.setdefault(header_key(_member.value), _member.value)


@functools.lru_cache(maxsize=4096)
def relationship_from_cell(value: Any) -> str:
    text = cell_text(value)
    return _RELATIONSHIP_LOOKUP.get(header_key(text), text)


# --- regions by name ------------------------------------------------------------------------

_REGION_PREFIX = re.compile(
    r"^(?:kabupaten|kab\.?|kota|kec\.?|kecamatan|desa|ds\.?|kelurahan|kel\.?)\s+", re.IGNORECASE)


_NOT_IN_KEY = re.compile(r"[^0-9a-z]")


def region_key(name: str) -> str:
    """``Kab. Kubu Raya`` / ``KUBU RAYA`` -> ``kuburaya``; ``Benua Melayu Laut`` = ``Benuamelayu Laut``;
    ``Rasau Jaya II`` = ``Rasau Jaya Dua`` = ``Rasau Jaya 2`` (``with_numerals``)."""
    text = with_numerals(fold_spaces(name))
    text = _REGION_PREFIX.sub("", text)
    return _NOT_IN_KEY.sub("", text.lower())


def joined_key(name: str) -> str:
    """The name with its first word kept: ``Kota Baru`` -> ``kotabaru`` (the official ``Kotabaru``),
    where ``region_key`` takes ``Kota`` for a prefix and leaves ``baru``."""
    return _NOT_IN_KEY.sub("", with_numerals(fold_spaces(name)).lower())


def _lookup(index: Mapping, key_of, name: str):
    """A region by the joined spelling first (``Kota Baru`` is the desa Kotabaru, not a desa Baru),
    then with the prefix words dropped (``Desa Jagur``, ``Kec. Sambas``)."""
    found = index.get(key_of(joined_key(name)))
    return found if found is not None else index.get(key_of(region_key(name)))


class RegionMatcher:
    """Finds kabupaten, kecamatan and desa/kelurahan of Kalimantan Barat by the names people write."""

    def __init__(self, regions: RegionCatalog, province: str = KALBAR):
        self.regions = regions
        self._kabupaten: dict[str, Region] = {}
        self._kecamatan: dict[tuple[str, str], Region] = {}
        self._kecamatan_anywhere: dict[str, list[Region]] = {}
        self._desa: dict[tuple[str, str], Region] = {}
        for kab in regions.kabupaten(province):
            self._kabupaten[region_key(kab.name)] = kab
            self._kabupaten.setdefault(joined_key(kab.name), kab)
            self._kabupaten.setdefault(kab.code, kab)
            for kec in regions.children(kab.code):
                self._kecamatan[(kab.code, region_key(kec.name))] = kec
                self._kecamatan_anywhere.setdefault(region_key(kec.name), []).append(kec)
                for desa in regions.children(kec.code):
                    self._desa[(kec.code, region_key(desa.name))] = desa
        self._cache: dict[tuple[str, str, str], tuple[Mapping[str, str], tuple[Problem, ...]]] = {}
        self._cells: dict[tuple[Any, Any, Any], tuple[Mapping[str, str], tuple[Problem, ...]]] = {}
        # Kabupaten and kecamatan found by name, each once: a list names a few of them in many spellings
        # of its villages (a 10,000-row list: 52 kabupaten and 671 kecamatan spellings, 4,987 places).
        self._kabupaten_named: dict[str, Region | None] = {}
        self._kecamatan_named: dict[tuple[str, str], Region | None] = {}

    def _suggest(self, key: str, candidates: list[Region]) -> str:
        names = {region_key(r.name): r.name for r in candidates}
        close = difflib.get_close_matches(key, list(names), n=1, cutoff=0.75)
        return names[close[0]] if close else ""

    def resolve_cells(self, kabupaten: Any, kecamatan: Any, desa: Any) -> tuple[Mapping[str, str], Sequence[Problem]]:
        """``resolve`` of three cells as read (the same cells recur row after row: each triple is read once)."""
        cache_key = (kabupaten, kecamatan, desa)
        hit = self._cells.get(cache_key)
        if hit is None:
            if len(self._cells) > 100_000:   # the matcher lives as long as the workspace: bounded
                self._cells.clear()
            hit = self._cells[cache_key] = self.resolve(cell_text(kabupaten), cell_text(kecamatan), cell_text(desa))
        return hit

    def resolve(self, kabupaten: str, kecamatan: str, desa: str) -> tuple[Mapping[str, str], Sequence[Problem]]:
        """Region codes for the names in a row, and a problem for each name not found (shared by every
        row naming the same places: read them, do not change them)."""
        cache_key = (kabupaten, kecamatan, desa)
        hit = self._cache.get(cache_key)
        if hit is None:
            codes, problems = self._resolve(*cache_key)
            hit = self._cache[cache_key] = (codes, tuple(problems))
        return hit

    def _resolve(self, kabupaten: str, kecamatan: str, desa: str) -> tuple[dict[str, str], list[Problem]]:
        codes = {"kabupaten_code": "", "kecamatan_code": "", "desa_code": ""}
        problems: list[Problem] = []
        kab = kec = None
        if kabupaten:
            kab = self._kabupaten_named.get(kabupaten, False)
            if kab is False:
                kab = self._kabupaten_named[kabupaten] = _lookup(self._kabupaten, lambda k: k, kabupaten)
            if kab is None:
                problems.append(self._not_found("kabupaten_code", kabupaten, "",
                                                self._suggest(region_key(kabupaten), self.regions.kabupaten(KALBAR))))
        if kecamatan:
            if kab is not None:
                kec = self._kecamatan_named.get((kab.code, kecamatan), False)
                if kec is False:
                    kec = self._kecamatan_named[(kab.code, kecamatan)] = _lookup(
                        self._kecamatan, lambda k: (kab.code, k), kecamatan)
                if kec is None:
                    problems.append(self._not_found("kecamatan_code", kecamatan, kab.name,
                                                    self._suggest(region_key(kecamatan),
                                                                  self.regions.children(kab.code))))
            elif not kabupaten:
                found = (self._kecamatan_anywhere.get(joined_key(kecamatan))
                         or self._kecamatan_anywhere.get(region_key(kecamatan), []))
                if len(found) == 1:
                    kec = found[0]
                else:
                    problems.append(error("kabupaten_code", QT_TRANSLATE_NOOP(
                        "Validation", "Isi kabupaten/kota: kecamatan \"{name}\" tidak bisa dipastikan tanpanya."),
                        name=kecamatan))
        if desa and kec is not None:
            found_desa = _lookup(self._desa, lambda k: (kec.code, k), desa)
            if found_desa is None:
                problems.append(self._not_found("desa_code", desa, kec.name,
                                                self._suggest(region_key(desa), self.regions.children(kec.code))))
            else:
                codes["desa_code"] = found_desa.code
        if kec is not None:
            codes["kecamatan_code"] = kec.code
            codes["kabupaten_code"] = kec.code[:4]
        elif kab is not None:
            codes["kabupaten_code"] = kab.code
        return codes, problems

    @staticmethod
    def _not_found(field: str, name: str, within: str, suggestion: str) -> Problem:
        params: dict[str, object] = {"name": name, "within": within}
        if field == "kabupaten_code":
            template = QT_TRANSLATE_NOOP("Validation", "Kabupaten/kota \"{name}\" tidak ada di Kalimantan Barat.")
        elif field == "kecamatan_code":
            template = QT_TRANSLATE_NOOP("Validation", "Kecamatan \"{name}\" tidak ditemukan di {within}.")
        else:
            template = QT_TRANSLATE_NOOP("Validation", "Desa/kelurahan \"{name}\" tidak ditemukan di Kecamatan {within}.")
        if suggestion:
            params["suggestion"] = suggestion
            template = {
                "kabupaten_code": QT_TRANSLATE_NOOP("Validation", "Kabupaten/kota \"{name}\" tidak ada di Kalimantan Barat. Maksudnya {suggestion}?"),
                "kecamatan_code": QT_TRANSLATE_NOOP("Validation", "Kecamatan \"{name}\" tidak ditemukan di {within}. Maksudnya {suggestion}?"),
                "desa_code": QT_TRANSLATE_NOOP("Validation", "Desa/kelurahan \"{name}\" tidak ditemukan di Kecamatan {within}. Maksudnya {suggestion}?"),
            }[field]
        return error(field, template, **params)


# --- one row ---------------------------------------------------------------------------------

# Which enrollment field a problem about an import column is shown on.
FIELD_OF_COLUMN = {"kabupaten": "kabupaten_code", "kecamatan": "kecamatan_code", "desa": "desa_code"}
COLUMN_OF_FIELD = {v: k for k, v in FIELD_OF_COLUMN.items()} | {"occupation_other": "occupation"}


class ConvertedRow(NamedTuple):
    raw: dict[str, Any]          # values for ``validate``
    problems: list[Problem]      # problems only an import has


def year_from_cell(value: Any) -> int | None:
    """``1980``, ``1980.0`` or ``"1980"`` -> 1980; anything else None."""
    text = cell_text(value)
    return int(text) if text.isdigit() and len(text) == 4 else None


def birth_from_nik(nik: str, year: int | None, today: dt.date, min_age: int, max_age: int) -> tuple[
        dt.date | None, list[Problem]]:
    """The birth date a NIK gives, its century taken from the year of birth written beside it.

    A year that does not agree with the NIK is a warning; the NIK's date is used.
    """
    info, _ = parse_nik(nik)
    if info is None:
        return None, []
    if year is not None and year % 100 == info.year2:
        try:
            return dt.date(year, info.month, info.day), []
        except ValueError:
            pass
    born = info.birth_date(today, min_age, max_age)
    if year is None or born is None:
        return born, []
    return born, [warning("birth_date", QT_TRANSLATE_NOOP(
        "Validation", "Tahun lahir {year} tidak cocok dengan NIK (lahir {nikdate}); tanggal lahir diambil dari NIK. "
                      "Periksa NIK-nya."), year=year, nikdate=format_date(born))]


def _for_validate(value: Any) -> str:
    """A cell for a text field that ``validate`` folds itself: text as it is (folding it here as well cost
    3 % of checking a row), anything else as the coordinator reads it."""
    return value if type(value) is str else cell_text(value)


def convert_row(cells: Mapping[str, Any], matcher: RegionMatcher, school_npsn: str | None,
                today: dt.date | None = None, min_age: int = 0, max_age: int = 120) -> ConvertedRow:
    """One row's cells (import field -> cell value) as the raw values the enrollment form would give.

    A person known by the year of birth only (a ``Tahun Lahir`` column, an empty birth date) gets the
    birth date and sex the NIK carries, and the kabupaten/kota where the NIK was issued as birth place.
    """
    problems: list[Problem] = []
    get = cells.get
    nik, nik_problems = nik_from_cell(get("nik"))
    problems += nik_problems
    no_kk, kk_problems_ = nik_from_cell(get("no_kk"), "no_kk")
    problems += kk_problems_
    codes, region_problems_ = matcher.resolve_cells(get("kabupaten"), get("kecamatan"), get("desa"))
    problems += region_problems_
    occupation, occupation_other = occupation_from_cell(get("occupation"))
    raw: dict[str, Any] = {
        "nik": nik,
        "full_name": _for_validate(get("full_name")),
        "birth_place": _for_validate(get("birth_place")),
        "birth_date": date_from_cell(get("birth_date")),
        "sex": cell_text(get("sex")),
        "address": _for_validate(get("address")),
        **codes,
        "phone": phone_from_cell(get("phone")),
        "occupation": occupation,
        "occupation_other": occupation_other,
        "monthly_income": income_from_cell(get("monthly_income")),
        "heir_name": _for_validate(get("heir_name")),
        "heir_relationship": relationship_from_cell(get("heir_relationship")),
        "heir_phone": phone_from_cell(get("heir_phone")),
        "pupil_name": _for_validate(get("pupil_name")),
        "pupil_class": _for_validate(get("pupil_class")),
        "no_kk": no_kk,
    }
    if school_npsn:
        raw["school_npsn"] = school_npsn
    income_text = cell_text(get("monthly_income"))
    bracket = income_bracket(income_text) if type(get("monthly_income")) is str else None
    if bracket is not None and bracket >= HIGH_BRACKET:
        problems.append(warning("monthly_income", QT_TRANSLATE_NOOP(
            "Validation", "Penghasilan \"{bracket}\": Rp 5 juta sebulan atau lebih, hampir tidak termasuk pekerja "
                          "rentan. Periksa kembali."), bracket=income_text))
    if "birth_year" in cells and not raw["birth_date"]:
        year = year_from_cell(get("birth_year"))
        born, year_problems = birth_from_nik(nik, year, today or dt.date.today(), min_age, max_age)
        problems += year_problems
        if born is not None:
            info, _ = parse_nik(nik)
            raw["birth_date"] = born
            if not raw["sex"]:
                raw["sex"] = info.sex
            if not fold_spaces(raw["birth_place"]):
                place = matcher.regions.get(info.kabupaten)
                raw["birth_place"] = (place.short_name.removeprefix("Kota ") if place
                                      else PROVINCES.get(info.province, ""))
    return ConvertedRow(raw, problems)


@functools.lru_cache(maxsize=4096)
def _verdict_of(occupation: Any) -> Verdict | None:
    return import_verdict(cell_text(occupation))


def convert_list_row(cells: Mapping[str, Any], matcher: RegionMatcher, school_npsn: str | None,
                     today: dt.date | None = None, min_age: int = 0, max_age: int = 120) -> Verdict | ConvertedRow:
    """A row of a plain list: why it is not enrolled at all (the job of a wage earner, of no work, of
    someone deceased: ``desktop.domain.eligibility``, as for a Dapodik parent), else ``convert_row``."""
    verdict = _verdict_of(cells.get("occupation"))
    if verdict is not None:
        return verdict
    return convert_row(cells, matcher, school_npsn, today, min_age, max_age)


def is_blank_row(values: Sequence[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


_FOOTER_WORDS = re.compile(r"^(mengetahui|kepala\s+sekolah|kepsek|nip\b|ttd\b|tanda\s+tangan|dibuat\s+oleh|disahkan|"
                           r"operator\b|wali\s+kelas|catatan\b|keterangan\b)", re.IGNORECASE)
_PLACE_AND_DATE = re.compile(r",\s*\d{1,2}[\s\-/.]+[a-z]+[\s\-/.]+\d{4}$", re.IGNORECASE)   # "Pontianak, 12 Januari 2026"


def _filled(values: Sequence[Any]) -> list[str]:
    return [cell_text(v) for v in values if not (v is None or (isinstance(v, str) and not v.strip()))]


def without_footer(body: list[tuple[int, Sequence[Any]]]) -> list[tuple[int, Sequence[Any]]]:
    """The rows of a list without the lines signed under its table (``Mengetahui,``, ``Kepala Sekolah``,
    a place and date, a name, ``NIP. …``). ``body`` is ``(row number, cells)`` without blank rows. The
    footer is the trailing run of rows with at most two filled cells and no NIK-long number in them,
    when a blank line parts it from the table or one of its lines reads like a signature block; a
    person at the end of the list (more cells, or a NIK) stays a row."""
    end = len(body)
    while end and len(_filled(body[end - 1][1])) <= 2 and not any(
            len(re.sub(r"\D", "", text)) >= 16 and not _FOOTER_WORDS.match(text) for text in _filled(body[end - 1][1])):
        end -= 1
    if end == len(body):
        return body
    run = body[end:]
    parted = (run[0][0] - body[end - 1][0] > 1) if end else False
    signed = any(_FOOTER_WORDS.match(text) or _PLACE_AND_DATE.search(text) for _n, row in run for text in _filled(row))
    return body[:end] if parted or signed else body


def parse_date_cell(value: Any) -> dt.date | None:
    """For previews and tests: what ``validate`` will make of a date cell."""
    got = date_from_cell(value)
    return got if isinstance(got, dt.date) else parse_date(got)

