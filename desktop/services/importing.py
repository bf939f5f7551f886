"""Importing a school's parent list: read, map columns, validate every row, preview, commit.

The flow the window and ``lindung import`` share:

1. ``read_import`` reads the file, finds the header row, maps columns (the mapping remembered for the
   school, else the recognised headers), and validates every row with the enrollment rules;
2. the coordinator may ``remap`` columns or ``correct`` a cell (the row is validated again);
3. ``commit_import`` enrolls every valid row in one transaction (all or nothing) and remembers the
   mapping for the school; ``export_rejected`` writes the rows left behind with a ``Keterangan``
   column, to fix and import again.

Nothing is written to the database before the commit, so cancelling at any point leaves nothing.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path
from typing import Any

from desktop.domain import dapodik
from desktop.domain.dapodik import NOT_ELIGIBLE, SKIPPED
from desktop.domain.enrollment import Enrollment, Occupation, Relationship, Sex, validate
from desktop.domain.importing import (
    COLUMN_OF_FIELD, HEADERS, IMPORT_FIELDS, TEMPLATE_COLUMNS, RegionMatcher, cell_text, convert_list_row,
    settle_date_columns,
    field_for_header, guess_mapping, header_key, is_blank_row, without_footer,
)
from desktop.domain.phone import normalize_phone
from desktop.domain.regno import registration_nos
from desktop.domain.school_names import SchoolMatcher, npsn_of, school_columns
from desktop.domain.text import fold_spaces
from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem, error, errors_of, warnings_of
from desktop.services import audit, permissions
from desktop.domain.actors import Actor, Role
from desktop.services.bulk_enroll import DUPLICATE_NIK, Enroller, audit_details, existing_niks, school_ids
from desktop.services.errors import NotFound, PermissionDenied, ServiceError
from desktop.services.spreadsheets import Cancelled, ColumnSpec, Table, read_table, write_workbook
from desktop.services.workspace import Workspace, bulk_work
from desktop.storage import schools as school_rows
from desktop.storage import settings

VALID, WARNING, ERROR, DUPLICATE = "valid", "warning", "error", "duplicate"
STATUSES = (VALID, WARNING, ERROR, DUPLICATE, NOT_ELIGIBLE, SKIPPED)
PENDING = "pending"   # read, not checked yet
_HEADER_SEARCH_ROWS = 20
_EXTRA_LABELS = {"school_npsn": "Sekolah (NPSN)", "occupation_other": "Pekerjaan",
                 "coverage_start": "Mulai Perlindungan", "coverage_end": "Akhir Perlindungan"}

Progress = Callable[[int, int], None]   # (done, total)
# Rows are checked, and marked duplicates, a chunk at a time: between chunks the window is told how far
# it is (and shown the rows checked so far) and a cancel is honoured.
_CHUNK_ROWS = 500


def column_label(field_name: str) -> str:
    """The spreadsheet column a problem belongs to, as the coordinator knows it."""
    column = COLUMN_OF_FIELD.get(field_name, field_name)
    return HEADERS.get(column) or _EXTRA_LABELS.get(field_name, field_name)


@dataclass(frozen=True)
class ImportRow:
    number: int                          # the spreadsheet's own row number (header is row 1 or lower)
    cells: dict[str, Any]                # import field -> cell value as read (or as corrected)
    status: str                          # valid, warning, error, duplicate
    problems: tuple[Problem, ...] = ()
    duplicate: Problem | None = None     # for status "duplicate": whom it duplicates
    enrollment: Enrollment | None = field(default=None, compare=False)
    person: str = ""                     # a Dapodik row's ayah, ibu or wali ("" for a list of parents)
    rows: tuple[int, ...] = ()           # every pupil row naming this person (siblings), when more than one

    @property
    def key(self) -> tuple[int, str]:
        """A preview row: the spreadsheet row and, for a Dapodik file, which of its people."""
        return self.number, self.person

    @property
    def duplicate_reason(self) -> str:
        return self.duplicate.message if self.duplicate is not None else ""

    def text(self, field_name: str) -> str:
        return cell_text(self.cells.get(field_name))

    @property
    def errors(self) -> list[Problem]:
        return errors_of(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return warnings_of(self.problems)


@dataclass(frozen=True)
class DapodikSource:
    """What the import made of a Dapodik export, for the window's and the command line's summary."""

    pupils: int                          # pupil rows read
    people: int                          # parents and guardians named (siblings' parents once)
    school_name: str                     # as the file's title names it ("" when it does not)
    kabupaten: str                       # where the households are taken to live
    two_rows: bool                       # the export itself (True) or a flattened copy
    mapped: tuple[tuple[str, str], ...]  # (file header, what it is read as)
    ignored: tuple[str, ...]             # file headers not used
    kind: str = "Dapodik"                # or "EMIS" (a madrasah's, from Kemenag), read the same way


@dataclass(frozen=True)
class SchoolSplit:
    """A list naming the school on each row (a foundation's list): every row goes under its own school.
    Each row's cells carry ``school`` (as the file names it) and ``school_npsn`` (the registered school
    it was matched to, ``""`` when none)."""

    columns: tuple[str, ...]                   # the file's header(s) naming the school
    known: tuple[tuple[str, str], ...]         # (NPSN, registered name) of each school named, in file order
    unknown: tuple[str, ...]                   # schools named but not registered, as the file writes them
    npsn_column: int | None = None             # where a plain list names them (read again by ``remap``)
    name_column: int | None = None


# What a Dapodik preview shows of each person (the template's fields the reader fills).
DAPODIK_FIELDS = ("origin", "nik", "full_name", "birth_year", "occupation", "monthly_income", "heir_name",
                  "heir_relationship", "pupil_name", "pupil_class", "address", "desa", "kecamatan", "kabupaten",
                  "phone", "no_kk")


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    school_npsn: str | None
    headers: tuple[str, ...]             # the file's header row
    header_row: int                      # its spreadsheet row number
    mapping: dict[str, int]              # import field -> column index
    rows: tuple[ImportRow, ...]
    dapodik: DapodikSource | None = None
    split: SchoolSplit | None = None     # the rows name their schools: each goes under its own
    sheet: str = ""                      # the sheet read
    ignored_sheets: tuple[tuple[str, str], ...] = ()   # the file's other sheets: (name, why not read, a template)

    def sheet_notes(self) -> list[str]:
        """Each other sheet of the file and why it was not read (templates, ``{sheet}`` filled in)."""
        return [reason.format(sheet=name) for name, reason in self.ignored_sheets]

    @property
    def schools(self) -> list[str]:
        """The NPSN of every school the rows go under."""
        if self.split is not None:
            return [npsn for npsn, _name in self.split.known]
        return [self.school_npsn] if self.school_npsn else []

    def by_school(self) -> tuple[list[tuple[str, str, int, int]], list[tuple[str, int]], list[ImportRow]]:
        """For a list naming its schools: ([(NPSN, name, people, ready to save)] of the registered schools,
        [(school as written, people)] of those not registered, [rows naming no school])."""
        if self.split is None:
            return [], [], []
        people: dict[str, int] = {}
        ready: dict[str, int] = {}
        unknown: dict[str, int] = {}
        missing = []
        for row in self.rows:
            npsn, named = cell_text(row.cells.get("school_npsn")), cell_text(row.cells.get("school"))
            if npsn:
                people[npsn] = people.get(npsn, 0) + 1
                ready[npsn] = ready.get(npsn, 0) + (row.status in (VALID, WARNING))
            elif named:
                unknown[named] = unknown.get(named, 0) + 1
            else:
                missing.append(row)
        known = [(npsn, name, people.get(npsn, 0), ready.get(npsn, 0)) for npsn, name in self.split.known]
        return known, [(named, unknown.get(named, 0)) for named in self.split.unknown], missing

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def fields(self) -> list[str]:
        """The import fields the preview shows, in the template's order."""
        if self.dapodik is not None:
            return (["school"] if self.split is not None else []) + list(DAPODIK_FIELDS)
        # A foundation's list shows each row's school first (as the file names it; not a field to edit).
        return (["school"] if self.split is not None else []) + [f for f in IMPORT_FIELDS if f in self.mapping]

    def of_status(self, status: str) -> list[ImportRow]:
        return [r for r in self.rows if r.status == status]

    @property
    def committable(self) -> list[ImportRow]:
        return [r for r in self.rows if r.status in (VALID, WARNING)]

    @property
    def rejected(self) -> list[ImportRow]:
        return [r for r in self.rows if r.status in (ERROR, DUPLICATE)]

    @property
    def unmapped_required(self) -> list[str]:
        if self.dapodik is not None:
            return []
        return [f for f in ("nik", "full_name") if f not in self.mapping]

    def column_report(self) -> tuple[list[tuple[str, str]], list[str]]:
        """([(file header, what it is read as)], [file headers not used]) for the coordinator."""
        if self.dapodik is not None:
            return list(self.dapodik.mapped), list(self.dapodik.ignored)
        used = {i: column_label(f) for f, i in self.mapping.items()}
        if self.split is not None:
            split = self.split
            used.update({i: label for i, label in ((split.npsn_column, "Sekolah (NPSN)"),
                                                   (split.name_column, "Sekolah")) if i is not None})
        mapped = [(self.headers[i], label) for i, label in sorted(used.items()) if i < len(self.headers)]
        ignored = [h for i, h in enumerate(self.headers) if h and i not in used]
        return mapped, ignored


@dataclass(frozen=True)
class ImportResult:
    accepted: int
    registration_nos: tuple[str, ...]
    preview: ImportPreview               # after the commit: rows taken meanwhile become duplicates


# --- reading ----------------------------------------------------------------------------------

def _find_header(rows: Sequence[Sequence[Any]]) -> tuple[int, dict[str, int]]:
    """The row (0-based) whose cells name the most known columns, among the first rows."""
    best, best_mapping = 0, {}
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        mapping = guess_mapping(row)
        if len(mapping) > len(best_mapping):
            best, best_mapping = index, mapping
    return best, best_mapping


def _mapping_key(npsn: str) -> str:
    return f"import_mapping.{npsn}"


def saved_mapping(ws: Workspace, npsn: str | None) -> dict[str, str] | None:
    """field -> header text, as remembered for this school."""
    if not npsn:
        return None
    with ws.read() as tx:
        value = settings.get(tx, _mapping_key(npsn))
    return json.loads(value) if value is not None else None


def _apply_saved(headers: Sequence[str], saved: Mapping[str, str]) -> dict[str, int]:
    keys = [header_key(h) for h in headers]
    mapping = {}
    for field_name, header in saved.items():
        key = header_key(header)
        if field_name in IMPORT_FIELDS and key in keys:
            mapping[field_name] = keys.index(key)
    return mapping


def _school(ws: Workspace, npsn: str | None) -> str | None:
    if not npsn:
        return None
    npsn = npsn.strip()
    with ws.read() as tx:
        if school_rows.by_npsn(tx, npsn) is None:
            raise NotFound(QT_TRANSLATE_NOOP("Service", "Sekolah dengan NPSN {npsn} belum terdaftar. "
                                                        "Tambahkan dulu: lindung school add."), npsn=npsn)
    return npsn


class SchoolNeeded(ServiceError):
    """A Dapodik export whose school is not known here: the coordinator chooses it before any row is
    checked (a parent is enrolled through their child's school)."""

    def __init__(self, template: str, *, pupils: int, people: int, school_name: str, **params: object):
        self.pupils, self.people, self.school_name = pupils, people, school_name
        super().__init__(template, pupils=pupils, people=people, school=school_name, **params)


def read_import(ws: Workspace, path: Path, school_npsn: str | None = None,
                mapping: Mapping[str, int] | None = None, progress: Progress | None = None,
                cancel: threading.Event | None = None, columns: Mapping[str, str] | None = None,
                checked: Callable[[ImportPreview], None] | None = None) -> ImportPreview:
    """Read and check a parent list; nothing is saved.

    ``columns`` maps a file header to an import field (``{"KTP": "nik"}``), over what is recognised.
    ``progress`` is told (rows checked, rows) and ``checked`` given the preview of the rows checked so
    far (final verdicts, duplicates marked) after every chunk of rows: the window shows them as they come.
    """
    school_npsn = _school(ws, school_npsn)
    with bulk_work():
        preview, pending = _prepare(ws, Path(path), school_npsn, mapping, columns)
        return _check_rows(ws, preview, pending, progress, cancel, checked)


def _load_checkers() -> None:
    """What checking a row loads on first use (libphonenumber and its Indonesian metadata), loaded in a
    thread while the reader parses the sheet (calamine lets go of the interpreter meanwhile)."""
    normalize_phone("0812-3456-7890")


def _prepare(ws: Workspace, path: Path, school_npsn: str | None, mapping: Mapping[str, int] | None,
             columns: Mapping[str, str] | None) -> tuple[ImportPreview, list[ImportRow]]:
    """The file read, its columns mapped: the preview without rows, and every row to check."""
    table = read_table(path, beside=_load_checkers)
    if mapping is None and not columns:
        layout = dapodik.detect(table.rows)
        if layout is not None:
            preview, pending = _prepare_dapodik(ws, path, table.rows, layout, school_npsn)
            return replace(preview, sheet=table.sheet, ignored_sheets=table.ignored), pending
    header_index, guessed = _find_header(table.rows)
    if not table.rows or is_blank_row(table.rows[header_index]):
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas {name} kosong."), name=Path(path).name)
    headers = tuple(cell_text(h) for h in table.rows[header_index])
    if mapping is None:
        saved = saved_mapping(ws, school_npsn)
        mapping = _apply_saved(headers, saved) if saved else guessed
        if saved and not {"nik", "full_name"} <= mapping.keys():
            mapping = guessed  # the school's usual layout does not fit this file
    if columns:
        mapping = _with_columns(headers, mapping, columns)
    body = without_footer([(number, row) for number, row in enumerate(table.rows[header_index + 1:],
                                                                      start=header_index + 2) if not is_blank_row(row)])
    pending = [_pending(n, cells) for (n, _row), cells in zip(body, _all_cells(body, mapping))]
    npsn_column, name_column = school_columns(headers)
    split, school_npsn = _split_by_school(ws, pending, _named_schools(body, npsn_column, name_column),
                                          tuple(headers[i] for i in (npsn_column, name_column) if i is not None),
                                          school_npsn, npsn_column, name_column)
    preview = ImportPreview(Path(path), school_npsn, headers, header_index + 1, dict(mapping), (), split=split,
                            sheet=table.sheet, ignored_sheets=table.ignored)
    return preview, pending


# --- lists naming each row's school (a foundation's list) ---------------------------------------

_SCHOOL_UNKNOWN = QT_TRANSLATE_NOOP(
    "Validation", "Sekolah \"{school}\" belum terdaftar di Lindung, jadi baris ini belum bisa didaftarkan. Admin "
                  "menambahkannya (Pengaturan → Sekolah…, atau lindung school add), lalu impor berkas ini lagi.")
_SCHOOL_MISSING = QT_TRANSLATE_NOOP(
    "Validation", "Baris ini tidak menyebut sekolahnya, padahal daftar ini menyebut sekolah di setiap baris. "
                  "Isi kolom {column}, lalu impor lagi.")


def _named_schools(body: Sequence[tuple[int, Sequence[Any]]], npsn_column: int | None,
                   name_column: int | None) -> list[tuple[str, str]]:
    """(NPSN text, name text) each row of a plain list names its school by."""
    if npsn_column is None and name_column is None:
        return []

    def text(row: Sequence[Any], i: int | None) -> str:
        return cell_text(row[i]) if i is not None and i < len(row) else ""

    return [(text(row, npsn_column), text(row, name_column)) for _n, row in body]


def _split_by_school(ws: Workspace, pending: list[ImportRow], named: Sequence[tuple[str, str]],
                     columns: tuple[str, ...], chosen: str | None, npsn_column: int | None = None,
                     name_column: int | None = None) -> tuple[SchoolSplit | None, str | None]:
    """(the split, the school the whole file goes under) of a list whose rows may name their school.

    A list naming several schools is split: each row's cells get ``school`` and ``school_npsn``, and the
    file goes under no one school. A list naming one school goes under it: the school chosen, when the
    file names it or a school not registered; a file naming another registered school than the one
    chosen is refused. A list naming none goes under the school chosen, as before."""
    if not any(npsn or name for npsn, name in named):
        return None, chosen
    with ws.read() as tx:
        registered = [(school.npsn, school.name) for school in school_rows.all_schools(tx, by_name=False)]
    names = dict(registered)
    matcher = SchoolMatcher(registered)
    found: dict[tuple[str, str], tuple[str, str]] = {}   # (npsn text, name text) -> (as shown, NPSN)
    for pair in set(named):
        npsn_text, name_text = pair
        shown = name_text or npsn_of(npsn_text) or npsn_text
        found[pair] = (shown, matcher.match(npsn_text, name_text) if shown else "")
    schools = list(dict.fromkeys(found[p][1] or header_key(found[p][0]) for p in named if found[p][0]))
    if len(schools) == 1:
        npsn = next(found[p][1] for p in named if found[p][0])
        if chosen and npsn and npsn != chosen:
            raise ServiceError(QT_TRANSLATE_NOOP(
                "Service", "Berkas ini daftar {school} (NPSN {npsn}), bukan daftar sekolah yang dipilih (NPSN "
                           "{chosen}). Pilih sekolah yang benar, atau kosongkan pilihan sekolah."),
                school=names[npsn], npsn=npsn, chosen=chosen)
        if chosen or npsn:
            return None, chosen or npsn
    for row, pair in zip(pending, named):
        shown, npsn = found[pair]
        row.cells["school"], row.cells["school_npsn"] = shown, npsn
    known = list(dict.fromkeys(found[p][1] for p in named if found[p][1]))
    unknown = list(dict.fromkeys(found[p][0] for p in named if found[p][0] and not found[p][1]))
    split = SchoolSplit(columns, tuple((npsn, names[npsn]) for npsn in known), tuple(unknown), npsn_column,
                        name_column)
    return split, None


def _school_problem(row: ImportRow, split: SchoolSplit) -> Problem | None:
    """Why a row of a list naming its schools cannot be enrolled under one, or None."""
    if cell_text(row.cells.get("school_npsn")):
        return None
    named = cell_text(row.cells.get("school"))
    if named:
        return error("school_npsn", _SCHOOL_UNKNOWN, school=named)
    return error("school_npsn", _SCHOOL_MISSING, column=" / ".join(split.columns))


def field_named(text: str) -> str | None:
    """An import field by its name (``nik``), its template header (``Nama Lengkap``) or a header
    spelling Lindung recognises (``No HP``)."""
    text = fold_spaces(text)
    if text in IMPORT_FIELDS:
        return text
    key = header_key(text)
    for name, header in HEADERS.items():
        if header_key(header) == key:
            return name
    return field_for_header(text)


def _with_columns(headers: Sequence[str], mapping: Mapping[str, int], columns: Mapping[str, str]) -> dict[str, int]:
    """The mapping with the coordinator's own choices (file header -> field) over the recognised ones."""
    keys = [header_key(h) for h in headers]
    out = dict(mapping)
    for header, wanted in columns.items():
        name = field_named(wanted)
        if name is None or name == "origin":
            raise ServiceError(QT_TRANSLATE_NOOP(
                "Service", "Isian \"{field}\" tidak dikenal. Pilih salah satu: {fields}."),
                field=wanted, fields=", ".join(f for f in IMPORT_FIELDS if f != "origin"))
        key = header_key(header)
        if key not in keys:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Kolom \"{column}\" tidak ada di baris judul berkas."),
                               column=header)
        index = keys.index(key)
        out = {f: i for f, i in out.items() if i != index}
        out[name] = index
    return out


def _pending(number: int, cells: dict[str, Any], person: str = "", rows: tuple[int, ...] = ()) -> ImportRow:
    return ImportRow(number, cells, PENDING, person=person, rows=rows if len(rows) > 1 else ())


# --- Dapodik exports --------------------------------------------------------------------------

def _fold(text: str) -> str:
    return header_key(text)


def _dapodik_school(ws: Workspace, npsn: str | None, named: str) -> tuple[str | None, str]:
    """(NPSN, kabupaten/kota name) of the school a Dapodik export belongs to: the one chosen, else the
    registered school the title names."""
    with ws.read() as tx:
        if npsn:
            school = school_rows.by_npsn(tx, npsn)
        else:   # the title's name, read as tolerantly as a foundation's list is (MIS = MI Swasta)
            schools = school_rows.all_schools(tx, by_name=False)
            found = SchoolMatcher((s.npsn, s.name) for s in schools).match("", named) if named else ""
            school = next((s for s in schools if s.npsn == found), None)
    if school is None:
        return None, ""
    return school.npsn, ws.regions.name(school.kabupaten_code)


def _prepare_dapodik(ws: Workspace, path: Path, rows: list[list[Any]], layout: dapodik.Layout,
                     school_npsn: str | None) -> tuple[ImportPreview, list[ImportRow]]:
    npsn, kabupaten = _dapodik_school(ws, school_npsn, layout.school_name)
    reading = dapodik.people(rows, layout, kabupaten)
    # The rows may name their school (an EMIS export's NPSN, a foundation's list): each goes under it.
    named = [(cell_text(p.cells.get("npsn_named")), cell_text(p.cells.get("school_named"))) for p in reading.people]
    columns = tuple(layout.headers[layout.pupil[f]] for f in ("npsn", "school") if f in layout.pupil)
    pending = [_pending(p.number, p.cells, p.person, p.rows) for p in reading.people]
    split, file_school = _split_by_school(ws, pending, named, columns, school_npsn)
    if split is not None and not split.known and len(split.unknown) == 1:
        split, layout = None, replace(layout, school_name=split.unknown[0])   # one school, not registered: ask
    if split is not None:
        npsn = None
    elif file_school and file_school != npsn:   # the one school the rows name, not the title's
        npsn, kabupaten = _dapodik_school(ws, file_school, "")
        reading = dapodik.people(rows, layout, kabupaten)
        pending = [_pending(p.number, p.cells, p.person, p.rows) for p in reading.people]
    if npsn is None and split is None:
        if layout.school_name:
            raise SchoolNeeded(QT_TRANSLATE_NOOP(
                "Service", "Berkas Dapodik: {pupils} siswa, {people} orang tua/wali dari \"{school}\", sekolah yang "
                           "belum terdaftar di sini. Pilih sekolahnya (atau tambahkan dulu) sebelum baris diperiksa."),
                pupils=reading.pupils, people=reading.named, school_name=layout.school_name)
        raise SchoolNeeded(QT_TRANSLATE_NOOP(
            "Service", "Berkas Dapodik: {pupils} siswa, {people} orang tua/wali. Berkas tidak menyebut sekolahnya: "
                       "pilih sekolahnya sebelum baris diperiksa."),
            pupils=reading.pupils, people=reading.named, school_name="")
    used = layout.used_columns
    names = {"pupil_name": "Nama Siswa", "pupil_class": "Kelas", "street": "Alamat", "rt": "Alamat (RT)",
             "rw": "Alamat (RW)", "dusun": "Alamat (Dusun)", "desa": "Desa/Kelurahan", "kecamatan": "Kecamatan",
             "kabupaten": "Kabupaten/Kota", "hp": "No. HP", "telepon": "No. HP (bila seluler)", "no_kk": "No. KK",
             "no": "No", "school": "Sekolah", "npsn": "Sekolah (NPSN)", "status": "Status (hidup/meninggal)",
             "birth_date": "Tanggal Lahir"}
    mapped = []
    for index, what in sorted(used.items()):
        person, _, name = what.rpartition(".")
        label = names.get(name) or HEADERS.get(name) or name
        mapped.append((layout.headers[index], f"{person.capitalize()}: {label}" if person else label))
    source = DapodikSource(reading.pupils, reading.named, layout.school_name, kabupaten or layout.kabupaten,
                           layout.two_rows, tuple(mapped), tuple(layout.ignored), dapodik.source_name(layout))
    preview = ImportPreview(Path(path), npsn, layout.headers, layout.header_row, {}, (), source, split)
    return preview, pending


def _cells(row: Sequence[Any], mapping: Mapping[str, int]) -> dict[str, Any]:
    width = len(row)
    return {f: row[i] for f, i in mapping.items() if i < width}


def _all_cells(body: Sequence[tuple[int, Sequence[Any]]], mapping: Mapping[str, int]) -> Iterator[dict[str, Any]]:
    """``_cells`` of every row of ``body``: a row as wide as the mapping (nearly all) taken in one call."""
    fields, indexes = tuple(mapping), tuple(mapping.values())
    if len(indexes) < 2:
        return (_cells(row, mapping) for _n, row in body)
    take, widest = itemgetter(*indexes), max(indexes)
    return (dict(zip(fields, take(row))) if len(row) > widest else _cells(row, mapping) for _n, row in body)


def remap(ws: Workspace, preview: ImportPreview, mapping: Mapping[str, int],
          progress: Progress | None = None, cancel: threading.Event | None = None,
          checked: Callable[[ImportPreview], None] | None = None) -> ImportPreview:
    """Check the same file again with the columns mapped differently (``progress``, ``checked`` as in
    ``read_import``)."""
    if preview.dapodik is not None:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Kolom berkas Dapodik dikenali sendiri; tidak perlu dipetakan."))
    table = read_table(preview.path)
    start = preview.header_row  # 0-based index of the first data row
    body = without_footer([(number, row) for number, row in enumerate(table.rows[start:], start=start + 1)
                           if not is_blank_row(row)])
    fresh = replace(preview, mapping=dict(mapping), rows=())
    pending = [_pending(n, _cells(row, mapping)) for n, row in body]
    if preview.split is not None:
        split = preview.split
        _split_by_school(ws, pending, _named_schools(body, split.npsn_column, split.name_column), split.columns,
                         None, split.npsn_column, split.name_column)
    with bulk_work():
        return _check_rows(ws, fresh, pending, progress, cancel, checked)


def _check_rows(ws: Workspace, preview: ImportPreview, rows: list[ImportRow], progress: Progress | None,
                cancel: threading.Event | None,
                checked: Callable[[ImportPreview], None] | None = None) -> ImportPreview:
    """Every row checked and marked duplicate or not, in file order, a chunk at a time."""
    if preview.dapodik is None:
        settle_date_columns([row.cells for row in rows])    # a date column is read in one order
    ctx, matcher = ws.context(), _matcher(ws)
    marker = _Duplicates()
    total = len(rows)
    done: list[ImportRow] = []
    for start in range(0, total, _CHUNK_ROWS):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        chunk = [_check_one(row, ctx, matcher, preview) for row in rows[start:start + _CHUNK_ROWS]]
        with ws.read() as tx:
            taken = existing_niks(tx, _niks(chunk))
        done += [marker.mark(row, taken) for row in chunk]
        if progress is not None:
            progress(len(done), total)
        if checked is not None:
            checked(replace(preview, rows=tuple(done)))
    if progress is not None and not total:
        progress(0, 0)
    return replace(preview, rows=tuple(done))


_MATCHERS: dict[int, RegionMatcher] = {}


def _matcher(ws: Workspace) -> RegionMatcher:
    key = id(ws.regions)
    if key not in _MATCHERS:
        _MATCHERS.clear()
        _MATCHERS[key] = RegionMatcher(ws.regions)
    return _MATCHERS[key]


def _check_one(row: ImportRow, ctx, matcher: RegionMatcher, preview: ImportPreview) -> ImportRow:
    cells, policy = row.cells, ctx.policy
    origin = cells.get("origin")   # a row of a Dapodik error sheet sent back, naming whose it was
    person = row.person or (dapodik.person_of_origin(origin) if origin else "")
    school = preview.school_npsn
    if preview.split is not None:   # each row under the school it names
        school = cell_text(cells.get("school_npsn")) or None
    if person:
        converted = dapodik.convert_person(cells, person, matcher, school, ctx.today,
                                           policy.min_age, policy.max_age)
    else:
        converted = convert_list_row(cells, matcher, school, ctx.today, policy.min_age, policy.max_age)
    if preview.split is not None and (problem := _school_problem(row, preview.split)) is not None:
        return ImportRow(row.number, row.cells, ERROR, (problem,), None, None, person, row.rows)
    if isinstance(converted, dapodik.Verdict):   # not eligible or deceased: the same rule for both
        return replace(row, status=converted.status, problems=(converted.reason,), duplicate=None,
                       enrollment=None, person=person)
    result = validate(converted.raw, ctx)
    if converted.problems:
        own = {p.field for p in converted.problems}
        own_errors = {p.field for p in converted.problems if p.is_error}
        problems = list(converted.problems)
        for p in result.problems:
            # A region name not found is explained once, not again as "choose a kecamatan"; a field the
            # import already explained (a damaged NIK, a guardian's missing heir) is not explained twice.
            if p.field in own and p.field in ("kabupaten_code", "kecamatan_code", "desa_code"):
                continue
            if p.field in own_errors:
                continue
            problems.append(p)
    else:
        problems = result.problems
    failed = problems_have_error(problems)
    if not failed and result.enrollment is None:
        problems.append(error("-", QT_TRANSLATE_NOOP("Validation", "Data tidak lengkap.")))
        failed = True
    enrollment = result.enrollment if not failed else None
    status = ERROR if enrollment is None else WARNING if problems else VALID
    # As replace(row, ...) with these fields, without its per-call field inspection.
    return ImportRow(row.number, row.cells, status, tuple(problems), None, enrollment, person, row.rows)


def problems_have_error(problems: Sequence[Problem]) -> bool:
    return bool(errors_of(problems))


_SAME_IN_FILE = QT_TRANSLATE_NOOP("Validation", "NIK sama dengan baris {row} di berkas ini; hanya baris {row} yang didaftarkan.")
_SAME_IN_DAPODIK = QT_TRANSLATE_NOOP("Validation", "NIK sama dengan {person} di baris {row} berkas ini, tetapi namanya "
                                                   "lain; hanya yang di baris {row} yang didaftarkan. Periksa NIK-nya.")


class _Duplicates:
    """Marks people already enrolled and the second and later rows of one NIK in the file, row by row
    in file order."""

    def __init__(self) -> None:
        self.first_row: dict[str, ImportRow] = {}

    def mark(self, row: ImportRow, taken: Mapping[str, tuple[str, str, str]]) -> ImportRow:
        if row.enrollment is None:
            return row
        nik = row.enrollment.nik
        status = WARNING if row.warnings else VALID
        duplicate = None
        if nik in self.first_row:   # first: in a one-pass import the row before it is enrolled already
            first = self.first_row[nik]
            duplicate = (error("nik", _SAME_IN_DAPODIK, row=first.number, person=first.person) if first.person
                         else error("nik", _SAME_IN_FILE, row=first.number))
            status = DUPLICATE
        elif nik in taken:
            _, regno, name = taken[nik]
            status, duplicate = DUPLICATE, error("nik", DUPLICATE_NIK, name=name, regno=regno)
        else:
            self.first_row[nik] = row
        if status != row.status or duplicate != row.duplicate or (
                duplicate is not None and duplicate.params != row.duplicate.params):
            row = replace(row, status=status, duplicate=duplicate)
        return row


def _niks(rows: Sequence[ImportRow]) -> list[str]:
    return list({r.enrollment.nik for r in rows if r.enrollment})


def _mark_duplicates(ws: Workspace, preview: ImportPreview) -> ImportPreview:
    """People already enrolled, and the second and later rows of one NIK in the file."""
    with ws.read() as db:
        taken = existing_niks(db, _niks(preview.rows))
    marker = _Duplicates()
    return replace(preview, rows=tuple(marker.mark(row, taken) for row in preview.rows))


def correct(ws: Workspace, preview: ImportPreview, row_number: int, field_name: str, value: str,
            person: str = "") -> ImportPreview:
    """The coordinator typed ``value`` into one cell of the preview: check that row again.

    A Dapodik row holds up to three people: ``person`` says whose cell it is.
    """
    if field_name not in IMPORT_FIELDS or field_name == "origin":
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Kolom {field} tidak dapat diubah di sini."), field=field_name)
    rows = list(preview.rows)
    for index, row in enumerate(rows):
        if row.key == (row_number, person):
            rows[index] = _check_one(replace(row, cells={**row.cells, field_name: value}), ws.context(),
                                     _matcher(ws), preview)
            break
    else:
        raise NotFound(QT_TRANSLATE_NOOP("Service", "Baris {row} tidak ada di pratinjau."), row=row_number)
    mapping = dict(preview.mapping)
    return _mark_duplicates(ws, replace(preview, mapping=mapping, rows=tuple(rows)))


# --- committing -------------------------------------------------------------------------------

def _may_import(actor: Actor, school_npsn: str | None) -> None:
    permissions.require(actor, permissions.Action.IMPORT)
    if permissions.school_for(actor, school_npsn) != school_npsn:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Service", "Koordinator hanya dapat mengimpor daftar sekolahnya "
                                                            "sendiri (NPSN {npsn})."), npsn=actor.school_npsn)


def _may_import_preview(actor: Actor, preview: ImportPreview) -> None:
    """A list naming several schools is a foundation's: a coordinator, bound to one school, may not
    import it."""
    if preview.split is None:
        _may_import(actor, preview.school_npsn)
        return
    permissions.require(actor, permissions.Action.IMPORT)
    if actor.role is Role.COORDINATOR and set(preview.schools) - {actor.school_npsn}:
        raise PermissionDenied(QT_TRANSLATE_NOOP(
            "Service", "Daftar ini menyebut beberapa sekolah; koordinator hanya dapat mengimpor daftar sekolahnya "
                       "sendiri (NPSN {npsn}). Minta admin mengimpornya."), npsn=actor.school_npsn)


class _Enrolling:
    """The rows of one import enrolled in one write transaction, chunk by chunk in file order: each
    chunk's people checked against those enrolled (someone may have enrolled one since the preview was
    made) and against the rows before it, its valid rows inserted."""

    def __init__(self, db, ws: Workspace, preview: ImportPreview, actor: Actor):
        self.db, self.ws, self.preview, self.actor = db, ws, preview, actor
        schools = school_ids(db, set(preview.schools))
        self.enroller = Enroller(db, ws, schools, actor)
        self.duplicates = _Duplicates()
        self.rows: list[ImportRow] = []

    def add(self, rows: Sequence[ImportRow]) -> None:
        taken = existing_niks(self.db, _niks(rows))
        marked = [self.duplicates.mark(row, taken) for row in rows]
        self.rows += marked
        self.enroller.add([r.enrollment for r in marked if r.status in (VALID, WARNING)])

    def finish(self) -> ImportResult:
        """Log the import and remember the column mapping for the school (inside the transaction)."""
        preview, enroller = self.preview, self.enroller
        if enroller.inserted:
            audit.record(self.db, self.ws, self.actor, "import", f"{len(enroller.inserted)} peserta",
                            audit_details(enroller, {"file": preview.path.name,
                                                     "school": preview.school_npsn or ", ".join(preview.schools)}))
        if preview.school_npsn and preview.dapodik is None:
            saved = {f: preview.headers[i] for f, i in preview.mapping.items() if i < len(preview.headers)}
            settings.put(self.db, _mapping_key(preview.school_npsn), json.dumps(saved))
        return ImportResult(len(enroller.inserted), tuple(enroller.registration_nos),
                            replace(preview, rows=tuple(self.rows)))


def commit_import(ws: Workspace, preview: ImportPreview, actor: Actor,
                  cancel: threading.Event | None = None) -> ImportResult:
    """Enroll every valid row in one transaction; remember the column mapping for the school."""
    _may_import_preview(actor, preview)
    with bulk_work(), ws.write() as db:
        enrolling = _Enrolling(db, ws, preview, actor)
        enrolling.add(preview.rows)
        result = enrolling.finish()
        if cancel is not None and cancel.is_set():
            raise Cancelled()  # leaving the block rolls the whole import back
    return result


# --- writing spreadsheets ---------------------------------------------------------------------

def row_reasons(row: ImportRow, translate: Callable[[Problem], str] | None = None) -> list[str]:
    """Each reason a row is not enrolled (or is, with a warning), prefixed by its column."""
    text = translate or (lambda p: p.message)
    if row.status == DUPLICATE and row.duplicate is not None:
        return [text(row.duplicate)]
    if row.status in (NOT_ELIGIBLE, SKIPPED):
        return [text(p) for p in row.problems]
    return [f"{column_label(p.field)}: {text(p)}" if p.field != "-" else text(p) for p in row.problems]


_SHEET_FIELDS = tuple(f for f, _ in TEMPLATE_COLUMNS) + ("heir_phone", "no_kk")
_DAPODIK_SHEET_FIELDS = _SHEET_FIELDS + ("birth_year", "origin")


def _column_specs(with_reason: bool, fields: Sequence[str] = _SHEET_FIELDS) -> list[ColumnSpec]:
    specs = []
    for field_name in fields:
        header = HEADERS[field_name]
        specs.append(ColumnSpec(
            header, width={"nik": 20, "full_name": 28, "address": 30, "birth_date": 14, "no_kk": 20,
                           "origin": 26}.get(field_name, 18),
            text=field_name in ("nik", "phone", "heir_phone", "pupil_class", "no_kk"), date=field_name == "birth_date",
            choices={"sex": "Jenis Kelamin", "kabupaten": "Kabupaten/Kota", "kecamatan": "Kecamatan",
                     "occupation": "Pekerjaan", "heir_relationship": "Hubungan Ahli Waris"}.get(field_name)))
    if with_reason:
        specs.append(ColumnSpec("Keterangan", width=60))
    return specs


def _choice_lists(ws: Workspace) -> dict[str, list[str]]:
    kabupaten = ws.regions.kabupaten()
    return {
        "Jenis Kelamin": [m.label for m in Sex],
        "Kabupaten/Kota": [k.name for k in kabupaten],
        "Kecamatan": sorted({kec.name for k in kabupaten for kec in ws.regions.children(k.code)}),
        "Pekerjaan": [m.label for m in Occupation],
        "Hubungan Ahli Waris": [m.label for m in Relationship],
    }


def export_rejected(ws: Workspace, preview: ImportPreview, out: Path, actor: Actor) -> int:
    """The rows not enrolled, in the template's columns plus ``Keterangan``; returns how many.

    From a Dapodik file: one row per person rejected, with ``Tahun Lahir`` and ``Asal Data`` (the pupil
    row and ayah/ibu/wali) so that the sheet, corrected, imports again under the same rules.
    """
    rejected = preview.rejected
    fields = list(_DAPODIK_SHEET_FIELDS if any(r.person for r in rejected) else _SHEET_FIELDS)
    specs = _column_specs(True, fields)
    named = preview.split is not None   # a foundation's list: each row keeps its school, to import again
    if named:
        specs.insert(0, ColumnSpec("Nama Sekolah", width=28))

    def rows():
        for row in rejected:
            values = [cell_text(row.cells.get("school"))] if named else []
            for f in fields:
                value = row.cells.get(f)
                values.append(value if f == "birth_date" and not isinstance(value, str) and value is not None
                              else cell_text(value))
            values.append(" ".join(row_reasons(row)))
            yield values

    written = write_workbook(Path(out), specs, rows(), lists=_choice_lists(ws))
    audit.log(ws, actor, "export", Path(out).name, {"what": "baris ditolak", "rows": written,
                                                   "source": preview.path.name})
    return written


TEMPLATE_INSTRUCTIONS = (
    "Petunjuk pengisian daftar orang tua siswa (pekerja rentan) untuk JKK + JKM dari dana zakat BAZNAS",
    "1. Isi satu orang tua per baris di lembar \"Data\", mulai baris 2. Jangan mengubah judul kolom.",
    "2. NIK: 16 digit sesuai KTP. Kolom NIK sudah berformat Teks; jangan ubah menjadi Angka, karena Excel "
    "hanya menyimpan 15 digit dan digit terakhir NIK akan hilang.",
    "3. Tanggal Lahir: tanggal Excel, atau ketik 17/08/1980, 17-08-1980, 1980-08-17 atau 17 Agustus 1980. "
    "Harus sama dengan tanggal pada NIK.",
    "4. Jenis Kelamin: L atau P (Laki-laki / Perempuan).",
    "5. Kabupaten/Kota, Kecamatan, Desa/Kelurahan: nama wilayah di Kalimantan Barat, boleh dengan atau tanpa "
    "\"Kab.\"/\"Kabupaten\"/\"Kota\". Daftar lengkap ada di lembar \"Wilayah\".",
    "6. No. HP: nomor seluler, misalnya 0812-3456-7890; kosongkan (atau tulis -) bila tidak punya HP.",
    "7. Pekerjaan: pilih dari daftar atau tulis sendiri (mis. Ojek, Buruh Harian Lepas, Kurir); yang tidak dikenal "
    "dicatat sebagai Lainnya dengan tulisan Anda. Penerima upah (PNS, TNI/Polri, karyawan, pensiunan) dan yang tidak "
    "bekerja (mis. ibu rumah tangga) tidak didaftarkan: program ini untuk pekerja rentan bukan penerima upah.",
    "8. Penghasilan per Bulan: angka rupiah, misalnya 1500000 atau 1.500.000.",
    "9. Nama Ahli Waris dan Hubungan Ahli Waris (Suami/Istri, Anak, Orang tua, Saudara kandung, Lainnya) wajib: "
    "ahli waris menerima santunan JKM.",
    "10. Nama Siswa dan Kelas: anak yang bersekolah di sekolah Anda.",
    "Baris yang bermasalah tidak didaftarkan; Lindung dapat mengekspornya dengan kolom Keterangan untuk "
    "diperbaiki dan diimpor ulang.",
)


def write_template(ws: Workspace, out: Path) -> None:
    """The official import template: Indonesian headers, text NIK column, drop-downs, instructions."""
    regions = ws.regions
    wilayah = []
    for kab in regions.kabupaten():
        for kec in regions.children(kab.code):
            for desa in regions.children(kec.code):
                wilayah.append((kab.name, kec.name, desa.name))
    write_workbook(Path(out), _column_specs(False), [], lists=_choice_lists(ws),
                   instructions=TEMPLATE_INSTRUCTIONS,
                   extra_sheets={"Wilayah": (("Kabupaten/Kota", "Kecamatan", "Desa/Kelurahan"), wilayah)})
