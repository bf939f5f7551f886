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
import multiprocessing
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain.enrollment import Enrollment, Occupation, Relationship, Sex, validate
from desktop.domain.importing import (
    COLUMN_OF_FIELD, HEADERS, IMPORT_FIELDS, TEMPLATE_COLUMNS, RegionMatcher, cell_text, convert_row,
    guess_mapping, header_key, is_blank_row,
)
from desktop.domain.messages import QT_TRANSLATE_NOOP, Problem, error, errors_of, warnings_of
from desktop.services import audit, permissions
from desktop.services.accounts import Actor
from desktop.services.enrollment import (
    DUPLICATE_NIK, WORKER_INSERT_COLUMNS, _existing_niks, _school_ids, insert_enrollments,
)
from desktop.services.errors import NotFound, PermissionDenied, ServiceError
from desktop.services.spreadsheets import Cancelled, ColumnSpec, Table, read_table, write_workbook
from desktop.services.workspace import Workspace, bulk_work
from desktop.storage.models import School, Setting

VALID, WARNING, ERROR, DUPLICATE = "valid", "warning", "error", "duplicate"
_HEADER_SEARCH_ROWS = 20
_EXTRA_LABELS = {"school_npsn": "Sekolah (NPSN)", "occupation_other": "Pekerjaan",
                 "coverage_start": "Mulai Perlindungan", "coverage_end": "Akhir Perlindungan"}

Progress = Callable[[int, int], None]   # (done, total)


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
class ImportPreview:
    path: Path
    school_npsn: str | None
    headers: tuple[str, ...]             # the file's header row
    header_row: int                      # its spreadsheet row number
    mapping: dict[str, int]              # import field -> column index
    rows: tuple[ImportRow, ...]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def committable(self) -> list[ImportRow]:
        return [r for r in self.rows if r.status in (VALID, WARNING)]

    @property
    def rejected(self) -> list[ImportRow]:
        return [r for r in self.rows if r.status in (ERROR, DUPLICATE)]

    @property
    def unmapped_required(self) -> list[str]:
        return [f for f in ("nik", "full_name") if f not in self.mapping]


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
    with ws.session() as session:
        value = session.get(Setting, _mapping_key(npsn))
        return json.loads(value.value) if value is not None else None


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
    with ws.session() as session:
        if session.scalar(select(School.id).where(School.npsn == npsn)) is None:
            raise NotFound(QT_TRANSLATE_NOOP("Service", "Sekolah dengan NPSN {npsn} belum terdaftar. "
                                                        "Tambahkan dulu: lindung school add."), npsn=npsn)
    return npsn


def read_import(ws: Workspace, path: Path, school_npsn: str | None = None,
                mapping: Mapping[str, int] | None = None, progress: Progress | None = None,
                cancel: threading.Event | None = None) -> ImportPreview:
    """Read and check a parent list; nothing is saved."""
    school_npsn = _school(ws, school_npsn)
    with bulk_work():
        return _read_import(ws, Path(path), school_npsn, mapping, progress, cancel)


def _read_import(ws: Workspace, path: Path, school_npsn: str | None, mapping: Mapping[str, int] | None,
                 progress: Progress | None, cancel: threading.Event | None) -> ImportPreview:
    table = read_table(path)
    header_index, guessed = _find_header(table.rows)
    if not table.rows or is_blank_row(table.rows[header_index]):
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas {name} kosong."), name=Path(path).name)
    headers = tuple(cell_text(h) for h in table.rows[header_index])
    if mapping is None:
        saved = saved_mapping(ws, school_npsn)
        mapping = _apply_saved(headers, saved) if saved else guessed
        if saved and not {"nik", "full_name"} <= mapping.keys():
            mapping = guessed  # the school's usual layout does not fit this file
    body = [(number, row) for number, row in enumerate(table.rows[header_index + 1:], start=header_index + 2)
            if not is_blank_row(row)]
    preview = ImportPreview(Path(path), school_npsn, headers, header_index + 1, dict(mapping), ())
    return _check_rows(ws, preview, [(n, _cells(row, mapping)) for n, row in body], progress, cancel)


def _cells(row: Sequence[Any], mapping: Mapping[str, int]) -> dict[str, Any]:
    width = len(row)
    return {f: row[i] for f, i in mapping.items() if i < width}


def remap(ws: Workspace, preview: ImportPreview, mapping: Mapping[str, int],
          progress: Progress | None = None, cancel: threading.Event | None = None) -> ImportPreview:
    """Check the same file again with the columns mapped differently."""
    table = read_table(preview.path)
    start = preview.header_row  # 0-based index of the first data row
    body = [(number, row) for number, row in enumerate(table.rows[start:], start=start + 1)
            if not is_blank_row(row)]
    fresh = replace(preview, mapping=dict(mapping), rows=())
    return _check_rows(ws, fresh, [(n, _cells(row, mapping)) for n, row in body], progress, cancel)


def _check_rows(ws: Workspace, preview: ImportPreview, rows: list[tuple[int, dict[str, Any]]],
                progress: Progress | None, cancel: threading.Event | None) -> ImportPreview:
    with bulk_work():
        return _check_all(ws, preview, rows, progress, cancel)


def _check_all(ws: Workspace, preview: ImportPreview, rows: list[tuple[int, dict[str, Any]]],
               progress: Progress | None, cancel: threading.Event | None) -> ImportPreview:
    ctx = ws.context()
    matcher = _matcher(ws)
    total = len(rows)
    if progress is None and cancel is None and total >= _PARALLEL_MIN_ROWS and _can_fork():
        checked = _check_in_two_processes(rows, ctx, matcher, preview)
        return _mark_duplicates(ws, replace(preview, rows=tuple(checked)))
    checked = []
    for done, (number, cells) in enumerate(rows, start=1):
        checked.append(_check_one(number, cells, ctx, matcher, preview))
        if done % 500 == 0:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if progress is not None:
                progress(done, total)
    if progress is not None:
        progress(total, total)
    return _mark_duplicates(ws, replace(preview, rows=tuple(checked)))


# Checking rows is pure computation; on a laptop's second core a forked helper checks the second
# half of a large file while this process checks the first (10,000 rows: 0.72 s -> about 0.45 s).
# Only where fork is safe: the command line, never the window's threads (it reports progress instead).
_PARALLEL_MIN_ROWS = 4000
_FORK_JOB: tuple | None = None


def _can_fork() -> bool:
    return (hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


def _check_slice(bounds: tuple[int, int]) -> list[ImportRow]:
    rows, ctx, matcher, preview = _FORK_JOB
    return [_check_one(number, cells, ctx, matcher, preview) for number, cells in rows[bounds[0]:bounds[1]]]


def _check_slice_compact(bounds: tuple[int, int]) -> list[tuple]:
    """In the helper: each row's verdict as plain tuples (a third of the pickling of whole rows)."""
    return [(row.status, row.problems, astuple_shallow(row.enrollment) if row.enrollment else None)
            for row in _check_slice(bounds)]


def astuple_shallow(enrollment: Enrollment) -> tuple:
    return tuple(getattr(enrollment, name) for name in _ENROLLMENT_FIELDS)


_ENROLLMENT_FIELDS = tuple(Enrollment.__dataclass_fields__)


def _check_in_two_processes(rows, ctx, matcher, preview) -> list[ImportRow]:
    global _FORK_JOB
    _FORK_JOB = (rows, ctx, matcher, preview)
    split = len(rows) * 11 // 20  # this process also unpickles the helper's half: give it a little more
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            second = pool.apply_async(_check_slice_compact, ((split, len(rows)),))
            first = _check_slice((0, split))
            rest = [ImportRow(number, cells, status, problems, None,
                              Enrollment(*values) if values is not None else None)
                    for (number, cells), (status, problems, values) in zip(rows[split:], second.get(), strict=True)]
            return first + rest
    finally:
        _FORK_JOB = None


_MATCHERS: dict[int, RegionMatcher] = {}


def _matcher(ws: Workspace) -> RegionMatcher:
    key = id(ws.regions)
    if key not in _MATCHERS:
        _MATCHERS.clear()
        _MATCHERS[key] = RegionMatcher(ws.regions)
    return _MATCHERS[key]


def _check_one(number: int, cells: dict[str, Any], ctx, matcher: RegionMatcher,
               preview: ImportPreview) -> ImportRow:
    converted = convert_row(cells, matcher, preview.school_npsn)
    result = validate(converted.raw, ctx)
    own = {p.field for p in converted.problems}
    problems = list(converted.problems)
    for p in result.problems:
        # A region name not found is explained once, not again as "choose a kecamatan".
        if p.field in own and p.field in ("kabupaten_code", "kecamatan_code", "desa_code"):
            continue
        if p.field == "nik" and "nik" in own and any(q.is_error for q in converted.problems if q.field == "nik"):
            continue
        problems.append(p)
    if not problems_have_error(problems) and result.enrollment is None:
        problems.append(error("-", QT_TRANSLATE_NOOP("Validation", "Data tidak lengkap.")))
    enrollment = result.enrollment if not problems_have_error(problems) else None
    status = ERROR if enrollment is None else WARNING if problems else VALID
    return ImportRow(number, cells, status, tuple(problems), None, enrollment)


def problems_have_error(problems: Sequence[Problem]) -> bool:
    return bool(errors_of(problems))


_SAME_IN_FILE = QT_TRANSLATE_NOOP("Validation", "NIK sama dengan baris {row} di berkas ini; hanya baris {row} yang didaftarkan.")


def _mark_duplicates(ws: Workspace, preview: ImportPreview) -> ImportPreview:
    """People already enrolled, and the second and later rows of one NIK in the file."""
    with ws.session() as session:
        taken = _existing_niks(session, list({r.enrollment.nik for r in preview.rows if r.enrollment}))
    first_row: dict[str, int] = {}
    rows = []
    for row in preview.rows:
        if row.enrollment is None:
            rows.append(row)
            continue
        nik = row.enrollment.nik
        status = WARNING if row.warnings else VALID
        duplicate = None
        if nik in taken:
            _, regno, name = taken[nik]
            status, duplicate = DUPLICATE, error("nik", DUPLICATE_NIK, name=name, regno=regno)
        elif nik in first_row:
            status, duplicate = DUPLICATE, error("nik", _SAME_IN_FILE, row=first_row[nik])
        else:
            first_row[nik] = row.number
        if status != row.status or duplicate != row.duplicate or (
                duplicate is not None and duplicate.params != row.duplicate.params):
            row = replace(row, status=status, duplicate=duplicate)
        rows.append(row)
    return replace(preview, rows=tuple(rows))


def correct(ws: Workspace, preview: ImportPreview, row_number: int, field_name: str, value: str) -> ImportPreview:
    """The coordinator typed ``value`` into one cell of the preview: check that row again."""
    if field_name not in IMPORT_FIELDS:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Kolom {field} tidak dapat diubah di sini."), field=field_name)
    rows = list(preview.rows)
    for index, row in enumerate(rows):
        if row.number == row_number:
            cells = {**row.cells, field_name: value}
            rows[index] = _check_one(row.number, cells, ws.context(), _matcher(ws), preview)
            break
    else:
        raise NotFound(QT_TRANSLATE_NOOP("Service", "Baris {row} tidak ada di pratinjau."), row=row_number)
    mapping = dict(preview.mapping)
    return _mark_duplicates(ws, replace(preview, mapping=mapping, rows=tuple(rows)))


# --- committing -------------------------------------------------------------------------------

def commit_import(ws: Workspace, preview: ImportPreview, actor: Actor,
                  cancel: threading.Event | None = None) -> ImportResult:
    """Enroll every valid row in one transaction; remember the column mapping for the school."""
    permissions.require(actor, permissions.Action.IMPORT)
    if permissions.school_for(actor, preview.school_npsn) != preview.school_npsn:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Service", "Koordinator hanya dapat mengimpor daftar sekolahnya "
                                                            "sendiri (NPSN {npsn})."), npsn=actor.school_npsn)
    rows = preview.committable
    with bulk_work(), ws.session(write=True) as session:
        # Someone may have enrolled one of these people since the preview was made.
        taken = _existing_niks(session, [r.enrollment.nik for r in rows])
        if taken:
            preview = _mark_taken(preview, taken)
            rows = preview.committable
        schools = _school_ids(session, {preview.school_npsn} if preview.school_npsn else set())
        inserted = insert_enrollments(session, ws, [r.enrollment for r in rows], schools, actor, "import",
                                      {"file": preview.path.name, "school": preview.school_npsn})
        if preview.school_npsn:
            saved = {f: preview.headers[i] for f, i in preview.mapping.items() if i < len(preview.headers)}
            key = _mapping_key(preview.school_npsn)
            setting = session.get(Setting, key)
            if setting is None:
                session.add(Setting(key=key, value=json.dumps(saved)))
            else:
                setting.value = json.dumps(saved)
        if cancel is not None and cancel.is_set():
            raise Cancelled()  # leaving the block rolls the whole import back
    regno = WORKER_INSERT_COLUMNS.index("registration_no")
    return ImportResult(len(inserted), tuple(row[regno] for row in inserted), preview)


def _mark_taken(preview: ImportPreview, taken: Mapping[str, tuple[str, str, str]]) -> ImportPreview:
    rows = []
    for row in preview.rows:
        if row.enrollment is not None and row.status in (VALID, WARNING) and row.enrollment.nik in taken:
            _, regno, name = taken[row.enrollment.nik]
            row = replace(row, status=DUPLICATE, duplicate=error("nik", DUPLICATE_NIK, name=name, regno=regno))
        rows.append(row)
    return replace(preview, rows=tuple(rows))


# --- writing spreadsheets ---------------------------------------------------------------------

def row_reasons(row: ImportRow, translate: Callable[[Problem], str] | None = None) -> list[str]:
    """Each reason a row is not enrolled (or is, with a warning), prefixed by its column."""
    text = translate or (lambda p: p.message)
    if row.status == DUPLICATE and row.duplicate is not None:
        return [text(row.duplicate)]
    return [f"{column_label(p.field)}: {text(p)}" if p.field != "-" else text(p) for p in row.problems]


def _column_specs(with_reason: bool) -> list[ColumnSpec]:
    specs = []
    for field_name, header in TEMPLATE_COLUMNS + (("heir_phone", HEADERS["heir_phone"]),):
        specs.append(ColumnSpec(
            header, width={"nik": 20, "full_name": 28, "address": 30, "birth_date": 14}.get(field_name, 18),
            text=field_name in ("nik", "phone", "heir_phone", "pupil_class"), date=field_name == "birth_date",
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
    """The rows not enrolled, in the template's columns plus ``Keterangan``; returns how many."""
    fields = [f for f, _ in TEMPLATE_COLUMNS] + ["heir_phone"]
    rejected = preview.rejected

    def rows():
        for row in rejected:
            values = []
            for f in fields:
                value = row.cells.get(f)
                values.append(value if f == "birth_date" and not isinstance(value, str) and value is not None
                              else cell_text(value))
            values.append(" ".join(row_reasons(row)))
            yield values

    written = write_workbook(Path(out), _column_specs(True), rows(), lists=_choice_lists(ws))
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
    "6. No. HP: nomor seluler, misalnya 0812-3456-7890.",
    "7. Pekerjaan: pilih dari daftar atau tulis sendiri (mis. Ojek, Buruh Harian Lepas); yang tidak dikenal "
    "dicatat sebagai Lainnya dengan tulisan Anda.",
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
