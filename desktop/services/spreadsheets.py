"""Reading and writing the spreadsheets school coordinators already use.

Reading: ``.xlsx``, ``.xls`` and ``.ods`` through calamine (a compiled Rust reader: a 10,000-row
list reads in about 0.2 s where openpyxl takes about 1.5 s), ``.csv`` through the standard library
with the delimiter (comma or semicolon) and encoding (UTF-8 or Windows-1252) detected.
Writing: ``.xlsx`` only, through ``write_rows`` (PyExcelerate: large plain sheets) or ``write_workbook``
(XlsxWriter: drop-down lists, instructions). Every text is stored as a text cell whatever it begins
with, never as a formula: a name or address typed as ``=HYPERLINK(...)`` or ``=cmd|...`` stays text
when the file is opened in Excel (OWASP's CSV/formula injection), and numbers stay numbers.
Lindung writes no .csv file; one would need the OWASP prefix for cells beginning with = + - @ tab CR.
"""

from __future__ import annotations

import csv
import io
import itertools
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services import sheet_limits
from desktop.services.errors import ServiceError

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
SUFFIXES = SPREADSHEET_SUFFIXES + (".csv", ".txt")
MAX_FILE_BYTES = 64 * 1024 * 1024


class Cancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Service", "Dibatalkan; tidak ada yang disimpan."))


@dataclass(frozen=True)
class Table:
    """The first sheet of a file: every row as read, ``rows[i]`` being spreadsheet row ``i + 1``."""

    rows: list[list[Any]]
    sheet: str


def _unreadable(path: Path, reason: str) -> ServiceError:
    return ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas {name} tidak dapat dibaca: {reason}"),
                        name=path.name, reason=reason)


def read_table(path: Path, beside: Callable[[], None] | None = None,
               measured: sheet_limits.Beforehand | None = None) -> Table:
    """The first worksheet of ``path`` (or the CSV file) as rows of cell values.

    ``beside`` runs in a thread while the file is measured and calamine parses a workbook's sheet (it
    lets go of Python meanwhile), and has ended when this returns; a CSV file does not run it. A file
    ``measured`` beforehand (and unchanged since) is not measured again."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas {name} tidak ditemukan."), name=str(path))
    if suffix not in SUFFIXES:
        raise ServiceError(QT_TRANSLATE_NOOP(
            "Service", "Jenis berkas {suffix} tidak didukung. Gunakan .xlsx, .xls, .ods atau .csv."),
            suffix=suffix or "(tanpa akhiran)")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _unreadable(path, "berkas lebih dari 64 MB; bagi menjadi beberapa berkas.")
    if suffix in (".csv", ".txt"):
        return Table(_read_csv(path), path.stem)
    from python_calamine import CalamineWorkbook

    thread = None
    if beside is not None:
        thread = threading.Thread(target=beside, daemon=True)
        thread.start()
    try:
        try:
            if measured is None or not measured.passed(path):
                sheet_limits.check(path)  # before calamine: it aborts the process on a file too big to hold
            workbook = CalamineWorkbook.from_path(str(path))
            if not workbook.sheet_names:
                raise _unreadable(path, "tidak ada lembar kerja.")
            sheet = workbook.get_sheet_by_index(0)
        finally:
            if thread is not None:
                thread.join()
        start_col = sheet.start[1] if sheet.start else 0
        rows = [[""] * start_col + row for row in sheet.iter_rows()] if start_col else list(sheet.iter_rows())
        return Table(rows, sheet.name)
    except ServiceError:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine's own errors, and a Rust panic (pyo3's PanicException is a
        # BaseException) on a record it cannot parse: the file is damaged either way
        raise _unreadable(path, "isinya bukan lembar kerja yang utuh (rusak, terkunci sandi, atau salah "
                                "akhiran nama).") from exc


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Excel's "CSV" on Indonesian Windows


def _read_csv(path: Path) -> list[list[Any]]:
    text = _decode(path.read_bytes())
    if "\x00" in text:
        raise _unreadable(path, "isinya bukan teks CSV.")
    sample = text[:20000]
    first_line = sample.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = max(";,\t", key=first_line.count)
    if first_line.count(";") > first_line.count(",") and delimiter == ",":
        delimiter = ";"  # Indonesian Excel writes semicolons; a comma inside an address must not win
    # Every field ends at a delimiter or a line break: their count bounds the cells before any is made.
    if sum(text.count(ch) for ch in (delimiter, "\n", "\r")) >= sheet_limits.MAX_CELLS:
        raise sheet_limits.too_many_cells(path.name)
    rows: list[list[Any]] = []
    cells = 0
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        rows.append(row)
        cells += len(row)
        if len(rows) > sheet_limits.MAX_ROWS:
            raise sheet_limits.too_many_rows(path.name)
        if len(row) > sheet_limits.MAX_COLUMNS:
            raise sheet_limits.too_many_columns(path.name)
        if cells > sheet_limits.MAX_CELLS:
            raise sheet_limits.too_many_cells(path.name)
    return rows


# --- writing ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ColumnSpec:
    header: str
    width: float = 16
    text: bool = False                     # stored as text (NIK, phone numbers)
    date: bool = False
    choices: str | None = None             # name of a list on the hidden "Daftar" sheet


def write_rows(out: Path, columns: Sequence[ColumnSpec], rows: Iterable[Sequence[Any]],
               extra_sheets: dict[str, tuple[Sequence[str], Iterable[Sequence[Any]]]] | None = None) -> int:
    """A plain data sheet (bold header, widths, text columns, header row frozen) written through
    PyExcelerate: for the large sheets other offices read (10,000 BPJS registrations in about two thirds of
    the time XlsxWriter takes). No drop-down lists or instructions: ``write_workbook`` for those."""
    from pyexcelerate import Color, Fill, Font, Format, Panes, Style, Workbook

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    text_format = Format("@")
    sheet, count = _plain_sheet(book, "Data", [spec.header for spec in columns], rows,
                                [text_format if spec.text else None for spec in columns])
    for col, spec in enumerate(columns, start=1):
        sheet.set_col_style(col, Style(size=spec.width, format=text_format if spec.text else None))
    sheet.set_row_style(1, Style(font=Font(bold=True), fill=Fill(background=Color(0xDD, 0xEF, 0xE6))))
    sheet.panes = Panes(0, 1)
    for name, (headers, sheet_rows) in (extra_sheets or {}).items():
        _plain_sheet(book, name, headers, sheet_rows)[0].set_row_style(1, Style(font=Font(bold=True)))
    tmp = out.with_name(out.name + ".tmp")
    book.save(str(tmp))
    tmp.replace(out)    # a reader never sees a half-written workbook
    return count


def _plain_sheet(book: Any, name: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                 formats: Sequence[Any] = ()) -> tuple[Any, int]:
    """A PyExcelerate sheet of ``headers`` then ``rows``. PyExcelerate stores any text beginning with "="
    as a formula (unescaped, at that): such a cell gets a style of its own that makes it a text cell,
    in its column's format (``formats``, by column)."""
    from pyexcelerate import Style
    from pyexcelerate.DataTypes import DataTypes

    data: list[list[Any]] = []
    formula_like: list[tuple[int, int]] = []
    for row in itertools.chain([headers], rows):
        values = list(row)
        data.append(values)
        if any(isinstance(value, str) and value.startswith("=") for value in values):
            formula_like += [(len(data), col) for col, value in enumerate(values, start=1)
                             if isinstance(value, str) and value.startswith("=")]
    sheet = book.new_sheet(name, data=data)
    styles: dict[int, Any] = {}
    for row, col in formula_like:
        if col not in styles:
            styles[col] = Style(data_type=DataTypes.INLINE_STRING,
                                format=formats[col - 1] if col <= len(formats) else None)
        sheet.set_cell_style(row, col, styles[col])
    return sheet, len(data) - 1


def write_workbook(out: Path, columns: Sequence[ColumnSpec], rows: Iterable[Sequence[Any]],
                   lists: dict[str, Sequence[str]] | None = None,
                   instructions: Sequence[str] = (), extra_sheets: dict[str, tuple[Sequence[str], Iterable[Sequence[Any]]]] | None = None,
                   progress: Callable[[int], None] | None = None) -> int:
    """Write a data sheet (first), optional instructions and reference sheets; returns rows written."""
    import xlsxwriter

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    workbook = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_numbers": False,
                                              "strings_to_formulas": False, "strings_to_urls": False})
    header_fmt = workbook.add_format({"bold": True, "bg_color": "#DDEFE6", "border": 1, "text_wrap": True,
                                      "valign": "top"})
    text_fmt = workbook.add_format({"num_format": "@"})
    date_fmt = workbook.add_format({"num_format": "dd/mm/yyyy"})
    data = workbook.add_worksheet("Data")
    list_ranges: dict[str, str] = {}
    if lists:
        ref = workbook.add_worksheet("Daftar")
        columns_of_lists = list(lists.items())
        # constant_memory mode writes a sheet row by row: every cell of a row before the next row.
        for row in range(max(len(v) for _, v in columns_of_lists) + 1):
            for col, (name, values) in enumerate(columns_of_lists):
                if row == 0:
                    ref.write_string(0, col, name, header_fmt)
                elif row <= len(values):
                    ref.write_string(row, col, values[row - 1])
        for col, (name, values) in enumerate(columns_of_lists):
            letter = xlsxwriter.utility.xl_col_to_name(col)
            list_ranges[name] = f"=Daftar!${letter}$2:${letter}${len(values) + 1}"
        ref.hide()
    for col, spec in enumerate(columns):
        fmt = text_fmt if spec.text else date_fmt if spec.date else None
        data.set_column(col, col, spec.width, fmt)
        data.write_string(0, col, spec.header, header_fmt)
        if spec.choices and spec.choices in list_ranges:
            data.data_validation(1, col, 20000, col, {
                "validate": "list", "source": list_ranges[spec.choices],
                "error_type": "warning", "error_title": "Lindung",
                "error_message": "Pilih dari daftar, atau biarkan isian Anda bila memang berbeda."})
    data.freeze_panes(1, 0)
    count = 0
    for count, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if value is None or value == "":
                continue
            if columns[col].text or isinstance(value, str):
                data.write_string(count, col, str(value), text_fmt if columns[col].text else None)
            else:
                data.write(count, col, value)
        if progress and count % 1000 == 0:
            progress(count)
    if instructions:
        sheet = workbook.add_worksheet("Petunjuk")
        sheet.set_column(0, 0, 110)
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        for row, line in enumerate(instructions):
            sheet.write_string(row, 0, line, header_fmt if row == 0 else wrap)
    for name, (headers, sheet_rows) in (extra_sheets or {}).items():
        sheet = workbook.add_worksheet(name)
        for col, header in enumerate(headers):
            sheet.write_string(0, col, header, header_fmt)
            sheet.set_column(col, col, 14 if col == 0 else 30)
        for row, values in enumerate(sheet_rows, start=1):
            for col, value in enumerate(values):
                sheet.write_string(row, col, str(value))
    workbook.close()
    tmp.replace(out)  # a reader never sees a half-written workbook
    return count
