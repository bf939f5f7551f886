"""Dapodik's pupil list ("Daftar Peserta Didik") as plain rows of parents (no file I/O here).

Every SD/SMP/SMA/SMK keeps its pupils in Dapodik, and the operator can export them as ``.xlsx``:
title rows (list name, school, a ``Kecamatan …, Kabupaten …, Provinsi …`` line, download date), then a
two-row header where single headers (``No``, ``Nama``, ``Alamat``, ``Kelurahan``, ``HP``, ``No KK``, …)
are merged over both rows and the groups ``Data Ayah``, ``Data Ibu``, ``Data Wali`` are merged over six
columns headed ``Nama | Tahun Lahir | Jenjang Pendidikan | Pekerjaan | Penghasilan | NIK`` in the
second row; footer lines (``Mengetahui, Kepala Sekolah …``) may follow the table. Copies flattened by
hand carry the same facts in one header row (``Nama Ayah``, ``NIK Ayah``, ``Pekerjaan Ibu``, …).

This module is the adapter: ``detect`` recognises either layout, ``people`` turns each pupil row into
up to three people (ayah, ibu, wali) in the import template's own fields, with the row they came from,
so the same checks, preview, error sheet and tests serve them; ``convert_person`` adds what only such
a person has (deceased, not eligible, an heir to be named, a NIK missing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.eligibility import (  # noqa: F401 (NOT_ELIGIBLE, SKIPPED, Verdict: re-exported)
    NOT_ELIGIBLE, SKIPPED, UNKNOWN, Verdict, import_verdict, judge_job,
)
from desktop.domain.enrollment import Occupation, Relationship
from desktop.domain.importing import (
    ConvertedRow, RegionMatcher, cell_text, convert_row, date_from_cell, header_key, is_blank_row,
)
from desktop.domain.messages import QT_TRANSLATE_NOOP, error, warning
from desktop.domain.nik import clean_nik, parse_nik
from desktop.domain.phone import means_no_phone
from desktop.domain.school_names import NAME_HEADERS, NPSN_HEADERS
from desktop.domain.text import fold_spaces, normalize_name

AYAH, IBU, WALI = "ayah", "ibu", "wali"
PERSONS = (AYAH, IBU, WALI)
PERSON_LABELS = {AYAH: "ayah", IBU: "ibu", WALI: "wali"}   # as the file's groups say it (a message parameter)
_SEARCH_ROWS = 25

# The second header row of a group, and the words of a flattened header once the role is taken out.
_GROUP_FIELDS = {
    "nama": "full_name", "namalengkap": "full_name", "tahunlahir": "birth_year", "thnlahir": "birth_year",
    "tahun": "birth_year", "jenjangpendidikan": "education", "pendidikan": "education",
    "pekerjaan": "occupation", "kerja": "occupation", "penghasilan": "monthly_income",
    "penghasilanbulanan": "monthly_income", "nik": "nik", "noktp": "nik",
    # EMIS (Kemenag) exports: the full birth date, and whether the parent is alive
    "tanggallahir": "birth_date", "tgllahir": "birth_date", "status": "status", "statushidup": "status",
    "keadaan": "status", "statuskeberadaan": "status",
}
# A pupil row's own columns (the pupil's NIK, birth date, NISN… are not needed: nothing of the pupil
# is enrolled but the name and class).
_PUPIL_FIELDS = {
    "no": "no", "nomor": "no", "nama": "pupil_name", "namasiswa": "pupil_name", "namapesertadidik": "pupil_name",
    "namapd": "pupil_name", "pesertadidik": "pupil_name", "rombelsaatini": "pupil_class", "rombel": "pupil_class",
    "kelas": "pupil_class", "namarombel": "pupil_class", "alamat": "street", "alamatjalan": "street",
    "rt": "rt", "rw": "rw", "dusun": "dusun", "kelurahan": "desa", "desakelurahan": "desa", "desa": "desa",
    "kelurahandesa": "desa", "kecamatan": "kecamatan", "kec": "kecamatan", "kabupaten": "kabupaten",
    "kabupatenkota": "kabupaten", "kabkota": "kabupaten", "hp": "hp", "nohp": "hp", "nomorhp": "hp",
    "handphone": "hp", "telepon": "telepon", "telp": "telepon", "notelp": "telepon", "nokk": "no_kk",
    "nomorkk": "no_kk", "kk": "no_kk", "nokartukeluarga": "no_kk", "nomorkartukeluarga": "no_kk",
    # EMIS (Kemenag) exports
    "namalengkap": "pupil_name", "namalengkapsiswa": "pupil_name", "tingkatkelas": "pupil_class",
    "tingkat": "pupil_class", "nomortelepon": "telepon", "nomorhandphone": "hp", "nohportu": "hp",
    # the school each row names (a foundation's or an EMIS list): matched by the import
    **{key: "npsn" for key in NPSN_HEADERS}, **{key: "school" for key in NAME_HEADERS},
}
_GROUP_TITLES = {"dataayah": AYAH, "dataibu": IBU, "datawali": WALI, "ayah": AYAH, "ibu": IBU, "wali": WALI,
                 "dataayahkandung": AYAH, "dataibukandung": IBU}
_PLACEHOLDER_NAMES = {"", "0", "tidakada", "tidakdiketahui", "tanpanama", "na", "nn", "belumada"}

_DECEASED = {"sudahmeninggal", "meninggal", "meninggaldunia", "almarhum", "almarhumah", "alm"}
# A status column's words for a parent who has died (EMIS: "Status Ayah: Sudah Meninggal").
_DEAD_STATUS = _DECEASED | {"wafat", "sudahwafat", "telahwafat", "telahmeninggal", "telahmeninggaldunia",
                            "sudahmeninggaldunia", "almh", "meninggalwafat", "tidakhidup", "sudahtiada",
                            "telahtiada", "mati"}
# Who is not enrolled for their job (wage earners, no work, deceased) is decided by
# desktop.domain.eligibility, as for every other entry path; Dapodik's "Lainnya" says no more than that.
_TO_CONFIRM = {"lainnya": "Lainnya (Dapodik)", "lainlain": "Lainnya (Dapodik)"}


@dataclass(frozen=True)
class Layout:
    """Where things are in a Dapodik export (column indexes are 0-based)."""

    header_row: int                         # spreadsheet row number of the last header row
    headers: tuple[str, ...]                # one caption per column ("Data Ayah: NIK" for a group's)
    pupil: dict[str, int]                   # a pupil row's own fields -> column
    groups: dict[str, dict[str, int]]       # ayah/ibu/wali -> {field: column}
    two_rows: bool                          # the real export (True) or a flattened copy
    school_name: str = ""                   # as the title rows name it
    kabupaten: str = ""                     # from the title line "Kecamatan …, Kabupaten …, Provinsi …"

    @property
    def used_columns(self) -> dict[int, str]:
        used = {i: f for f, i in self.pupil.items()}
        for person, fields in self.groups.items():   # the parents' schooling is of no use here
            used.update({i: f"{person}.{f}" for f, i in fields.items() if f != "education"})
        return used

    @property
    def ignored(self) -> list[str]:
        used = self.used_columns
        return [h for i, h in enumerate(self.headers) if h and i not in used]


@dataclass(frozen=True)
class Person:
    """One parent or guardian as the import template would hold them, with where they came from."""

    number: int                     # spreadsheet row of the (first) pupil
    person: str                     # ayah, ibu or wali
    cells: dict[str, Any]           # import field -> value
    rows: tuple[int, ...] = ()      # every pupil row naming this person (siblings)
    named: bool = True              # False: the group is empty


@dataclass(frozen=True)
class Reading:
    layout: Layout
    pupils: int
    people: list[Person] = field(default_factory=list)

    @property
    def named(self) -> int:
        return sum(1 for p in self.people if p.named)


# --- recognising the layout -------------------------------------------------------------------

def _role_field(key: str) -> tuple[str, str] | None:
    """``namaayah`` / ``nikibukandung`` / ``ayahnama`` -> (person, field) of a flattened header."""
    key = key.removesuffix("kandung")
    for person in PERSONS:
        if key.endswith(person) and key != person:
            rest = key[: -len(person)]
        elif key.startswith(person) and key != person:
            rest = key[len(person):]
        else:
            continue
        rest = rest.removesuffix("kandung")
        if rest in _GROUP_FIELDS:
            return person, _GROUP_FIELDS[rest]
    return None


def _title_facts(rows: Sequence[Sequence[Any]]) -> tuple[str, str]:
    """(school name, kabupaten) from the title rows above the header."""
    school = kabupaten = ""
    for row in rows:
        # A title merged across the row gives its value to every column it spans: said once.
        line = " ".join(dict.fromkeys(t for t in (cell_text(v) for v in row) if t))
        if not line:
            continue
        match = re.search(r"\bKabupaten\s*:?\s*([^,]+)", line, re.IGNORECASE)
        if match:
            kabupaten = fold_spaces(match.group(1))
            continue
        key = header_key(line)
        if school or key.startswith(("daftarpesertadidik", "daftarsiswa", "tanggalunduh", "diunduh", "pengunduh",
                                     "kecamatan", "provinsi", "semester", "tahunajaran", "tanggal",
                                     "datasiswa", "datapesertadidik", "emis", "kementerianagama", "nsm", "npsn",
                                     "tahunpelajaran")):
            continue
        school = fold_spaces(line)
    return school, kabupaten


def _two_row_layout(rows: Sequence[Sequence[Any]], index: int) -> Layout | None:
    top = [cell_text(v) for v in rows[index]]
    below = [cell_text(v) for v in rows[index + 1]] if index + 1 < len(rows) else []
    starts = [(i, _GROUP_TITLES[header_key(t)]) for i, t in enumerate(top) if header_key(t) in
              ("dataayah", "dataibu", "datawali", "dataayahkandung", "dataibukandung")]
    if not starts:
        return None
    width = max(len(top), len(below))
    top += [""] * (width - len(top))
    below += [""] * (width - len(below))
    groups: dict[str, dict[str, int]] = {}
    headers = list(top)
    in_group: set[int] = set()
    for start, person in starts:
        # The group runs to the next title: a merged title gives its value to every column it spans.
        end = next((i for i in range(start + 1, width) if top[i] and top[i] != top[start]), width)
        fields: dict[str, int] = {}
        for i in range(start, min(end, start + 12)):
            name = _GROUP_FIELDS.get(header_key(below[i]))
            if name is not None and name not in fields:
                fields[name] = i
            if below[i]:
                headers[i] = f"{top[start]}: {below[i]}"
                in_group.add(i)
        if "full_name" in fields:
            groups.setdefault(person, fields)
    if not groups:
        return None
    pupil: dict[str, int] = {}
    for i in range(width):
        if i in in_group:
            continue
        caption = top[i] or below[i]
        headers[i] = caption
        name = _PUPIL_FIELDS.get(header_key(caption))
        if name is not None and name not in pupil:
            pupil[name] = i
    school, kabupaten = _title_facts(rows[:index])
    return Layout(index + 2, tuple(headers), pupil, groups, True, school, kabupaten)


def _flat_layout(rows: Sequence[Sequence[Any]], index: int) -> Layout | None:
    headers = [cell_text(v) for v in rows[index]]
    groups: dict[str, dict[str, int]] = {}
    pupil: dict[str, int] = {}
    for i, caption in enumerate(headers):
        key = header_key(caption)
        role = _role_field(key)
        if role is not None:
            groups.setdefault(role[0], {}).setdefault(role[1], i)
            continue
        name = _PUPIL_FIELDS.get(key)
        if name is not None and name not in pupil:
            pupil[name] = i
    groups = {p: f for p, f in groups.items() if "full_name" in f}
    # One parent's columns beside a worker list are the template's own ("Nama Ayah" for the worker):
    # a Dapodik copy names at least two of them and the pupil.
    if len(groups) < 2:
        return None
    school, kabupaten = _title_facts(rows[:index])
    return Layout(index + 1, tuple(headers), pupil, groups, False, school, kabupaten)


_EMIS_HEADERS = {"nsm", "nism", "nsmmadrasah", "idlembaga", "nomorstatistikmadrasah"}


def source_name(layout: Layout) -> str:
    """``EMIS`` for a madrasah's export from Kemenag's EMIS (it numbers the madrasah by NSM), else
    ``Dapodik``: both are read alike."""
    return "EMIS" if any(header_key(h) in _EMIS_HEADERS for h in layout.headers) else "Dapodik"


def detect(rows: Sequence[Sequence[Any]]) -> Layout | None:
    """The Dapodik layout of a sheet, or None when it is some other list."""
    for index, row in enumerate(rows[:_SEARCH_ROWS]):
        keys = {header_key(v) for v in row if v not in (None, "")}
        if keys & {"dataayah", "dataibu", "datawali", "dataayahkandung", "dataibukandung"}:
            layout = _two_row_layout(rows, index)
            if layout is not None:
                return layout
        if any(_role_field(k) for k in keys):
            layout = _flat_layout(rows, index)
            if layout is not None:
                return layout
    return None


# --- pupil rows into people -------------------------------------------------------------------

def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return cell_text(value).rstrip(".").isdigit()


def _placeholder(text: str) -> bool:
    key = header_key(text)
    return key in _PLACEHOLDER_NAMES or not key.strip("0")


def _address(get) -> str:
    """``Jl. Merdeka No. 5 RT 001/RW 002, Dusun Karya`` from the columns Dapodik splits it into."""
    parts = []
    street = get("street")
    if not _placeholder(street):
        parts.append(street)
    rt, rw = get("rt"), get("rw")
    rt = "" if _placeholder(rt) else rt
    rw = "" if _placeholder(rw) else rw
    if rt or rw:
        parts.append(" ".join(p for p in (f"RT {rt.zfill(3)}" if rt else "", f"RW {rw.zfill(3)}" if rw else "") if p)
                     .replace(" RW", "/RW"))
    dusun = get("dusun")
    if not _placeholder(dusun):
        parts.append(dusun if header_key(dusun).startswith("dusun") else f"Dusun {dusun}")
    return ", ".join(parts).replace(", RT", " RT")


def _phone(row_get, text_get) -> Any:
    """The household's HP; ``Telepon`` when it holds a mobile number and HP is empty."""
    hp = row_get("hp")
    if not means_no_phone(cell_text(hp)):   # "-" or "0" in HP: no phone there (empty is no phone too)
        return hp
    telepon = text_get("telepon")
    digits = re.sub(r"\D", "", telepon)
    if digits.startswith("08") or digits.startswith("628"):
        return row_get("telepon")
    return ""


def _is_data(row: Sequence[Any], layout: Layout) -> bool:
    if is_blank_row(row):
        return False

    def has(i: int | None) -> bool:
        return i is not None and i < len(row) and cell_text(row[i]) != ""

    if has(layout.pupil.get("no")) and _is_number(row[layout.pupil["no"]]):
        return True
    # A copy without numbers: a pupil with something about a parent. Footer lines have neither.
    return has(layout.pupil.get("pupil_name")) and any(
        has(fields.get("full_name")) or has(fields.get("nik")) for fields in layout.groups.values())


def _names_no_job(job: str) -> bool:
    """An empty job, or one that names none (``Tidak dapat diterapkan``): with no name and no NIK beside it,
    the group is empty."""
    return not job or judge_job(job).kind == UNKNOWN


def _alive_named(group: dict[str, str]) -> bool:
    verdict = import_verdict(group.get("occupation", ""))
    return not _placeholder(group.get("full_name", "")) and (verdict is None or verdict.status != SKIPPED) \
        and not died(group.get("status"))


def _year_of(born: Any) -> Any:
    """The year of a parent's birth date (EMIS gives the date, Dapodik the year): like Dapodik's, checked
    against the NIK, which gives the date itself."""
    if born is None:
        return None
    value = date_from_cell(born)
    if not isinstance(value, str):
        return value.year
    match = re.search(r"\b(19|20)\d\d\b", value)
    return match.group(0) if match else None


def died(status: Any) -> bool:
    """A status column (EMIS's ``Status Ayah``) saying the parent has died."""
    return header_key(cell_text(status)) in _DEAD_STATUS


def people(rows: Sequence[Sequence[Any]], layout: Layout, kabupaten: str = "") -> Reading:
    """Every pupil row as its ayah, ibu and wali; the same person over sibling rows once.

    ``kabupaten`` names the kabupaten/kota of the households (the school's, else the title line's).
    """
    out: list[Person] = []
    by_key: dict[tuple, int] = {}
    pupils = 0
    kabupaten = kabupaten or layout.kabupaten
    for number, row in enumerate(rows[layout.header_row:], start=layout.header_row + 1):
        if not _is_data(row, layout):
            continue
        pupils += 1
        width = len(row)

        def value(i: int | None) -> Any:
            return row[i] if i is not None and i < width else None

        def text(name: str) -> str:
            return cell_text(value(layout.pupil.get(name)))

        groups = {p: {f: value(i) for f, i in fields.items()} for p, fields in layout.groups.items()}
        texts = {p: {f: cell_text(v) for f, v in g.items()} for p, g in groups.items()}
        pupil_name = text("pupil_name")
        household = {
            "address": _address(text), "desa": text("desa"), "kecamatan": text("kecamatan"),
            "kabupaten": text("kabupaten") or kabupaten,
            "phone": _phone(lambda n: value(layout.pupil.get(n)), text),
            "no_kk": value(layout.pupil.get("no_kk")),
            "pupil_name": pupil_name, "pupil_class": text("pupil_class"),
            "school_named": text("school"), "npsn_named": text("npsn"),
        }
        for person in PERSONS:
            if person not in groups:
                continue
            group, shown = groups[person], texts[person]
            origin = f"Dapodik baris {number}, {person}"
            if _placeholder(shown.get("full_name", "")) and not clean_nik(shown.get("nik", "")) \
                    and _names_no_job(shown.get("occupation", "")):
                if person != WALI:   # an empty wali is the rule, an empty ayah or ibu worth a line
                    out.append(Person(number, person, {"origin": origin, "pupil_name": pupil_name}, (number,),
                                      named=False))
                continue
            heir_name, heir_relationship = "", ""
            other = {AYAH: IBU, IBU: AYAH}.get(person)
            if other is not None and other in texts and _alive_named(texts[other]):
                heir_name, heir_relationship = texts[other]["full_name"], Relationship.SPOUSE.label
            elif other is not None and pupil_name:
                heir_name, heir_relationship = pupil_name, Relationship.CHILD.label
            cells = {
                **household,
                "nik": group.get("nik"), "full_name": group.get("full_name"),
                "birth_year": group.get("birth_year") or _year_of(group.get("birth_date")),
                "status": group.get("status"),
                "occupation": group.get("occupation"), "monthly_income": group.get("monthly_income"),
                "heir_name": heir_name, "heir_relationship": heir_relationship, "origin": origin,
            }
            name_key = header_key(shown.get("full_name", ""))
            nik = clean_nik(shown.get("nik", ""))
            kk = clean_nik(cell_text(household["no_kk"]))
            key = ("nik", nik, name_key) if nik else ("kk", kk, person, name_key) if kk else (
                "home", person, name_key, header_key(household["address"]), header_key(household["desa"]))
            seen = by_key.get(key)
            if seen is None:
                by_key[key] = len(out)
                out.append(Person(number, person, cells, (number,)))
            else:
                out[seen] = _with_sibling(out[seen], number, pupil_name, household["pupil_class"])
    return Reading(layout, pupils, out)


def _with_sibling(person: Person, number: int, pupil: str, pupil_class: str) -> Person:
    """The same parent named on a sibling's row: one person, with both pupils."""
    cells = dict(person.cells)
    names = [n for n in cell_text(cells.get("pupil_name")).split(", ") if n]
    if pupil and normalize_name(pupil) not in {normalize_name(n) for n in names}:
        names.append(pupil)
        classes = [c for c in cell_text(cells.get("pupil_class")).split(", ") if c]
        classes.append(pupil_class or "-")
        cells["pupil_class"] = ", ".join(classes)[:20].rstrip(", ")
    cells["pupil_name"] = ", ".join(names)[:100]
    rows = person.rows + (number,)
    cells["origin"] = f"Dapodik baris {', '.join(str(r) for r in rows)}, {person.person}"
    return Person(person.number, person.person, cells, rows, person.named)


# --- one person's verdict ---------------------------------------------------------------------

_ORIGIN = re.compile(r"dapodik\D*([\d,\s]+)\D*?\b(ayah|ibu|wali)\b", re.IGNORECASE)


def person_of_origin(text: Any) -> str:
    """``Dapodik baris 12, ayah`` (the error sheet's Asal Data) -> ``ayah``; else ``""``."""
    match = _ORIGIN.search(cell_text(text))
    return match.group(2).lower() if match else ""


def convert_person(cells: dict[str, Any], person: str, matcher: RegionMatcher, school_npsn: str | None,
                   today, min_age: int, max_age: int) -> Verdict | ConvertedRow:
    """A Dapodik parent or guardian as the form's raw values, or why they are not enrolled."""
    get = cells.get
    name = cell_text(get("full_name"))
    job = cell_text(get("occupation"))
    job_key = header_key(job)
    label = PERSON_LABELS.get(person, person)
    if _placeholder(name) and not clean_nik(cell_text(get("nik"))) and _names_no_job(job):
        return Verdict(SKIPPED, warning("-", QT_TRANSLATE_NOOP("Validation", "Data {person} kosong di berkas."),
                                        person=label))
    if died(get("status")):
        return Verdict(SKIPPED, warning("-", QT_TRANSLATE_NOOP(
            "Validation", "Status {person} di berkas: \"{status}\" (sudah meninggal); tidak didaftarkan."),
            person=label, status=cell_text(get("status"))))
    verdict = import_verdict(job)
    if verdict is not None:
        return verdict
    converted = convert_row(cells, matcher, school_npsn, today, min_age, max_age)
    raw, problems = dict(converted.raw), list(converted.problems)
    # The kabupaten comes from the school: a household across the border is found by its kecamatan.
    if any(p.field == "kecamatan_code" for p in problems) and cell_text(get("kecamatan")):
        codes, region_problems = matcher.resolve("", cell_text(get("kecamatan")), cell_text(get("desa")))
        if codes["kecamatan_code"]:
            problems = [p for p in problems if p.field not in ("kabupaten_code", "kecamatan_code", "desa_code")]
            problems += region_problems
            raw.update(codes)
    if job_key in _TO_CONFIRM:
        raw["occupation"], raw["occupation_other"] = Occupation.OTHER.value, _TO_CONFIRM[job_key]
        problems.append(warning("occupation", QT_TRANSLATE_NOOP(
            "Validation", "\"{job}\" di Dapodik: pastikan pekerjaannya dan bahwa ia pekerja rentan, lalu "
                          "perbaiki di sini bila perlu."), job=job))
    if not clean_nik(raw["nik"]) and not any(p.field == "nik" and p.is_error for p in problems):
        problems.append(error("nik", QT_TRANSLATE_NOOP(
            "Validation", "NIK {person} tidak ada di berkas. Minta NIK dari KTP atau Kartu Keluarga, lalu isi."),
            person=label))
    info, _ = parse_nik(raw["nik"])
    expected = {AYAH: "L", IBU: "P"}.get(person)
    if info is not None and expected and info.sex != expected:
        problems.append(warning("nik", QT_TRANSLATE_NOOP(
            "Validation", "NIK ini milik {sex}, padahal tercatat sebagai {person}. Periksa NIK-nya."),
            sex="perempuan" if info.sex == "P" else "laki-laki", person=label))
    if not cell_text(get("heir_name")):
        problems.append(error("heir_name", QT_TRANSLATE_NOOP(
            "Validation", "Ahli waris {person} tidak diketahui dari Dapodik: isi Nama Ahli Waris dan Hubungan "
                          "Ahli Waris."), person=label))
    return ConvertedRow(raw, problems)
