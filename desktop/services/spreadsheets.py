"""Reading and writing the spreadsheets school coordinators already use.

Reading: ``.xlsx``, ``.xls`` and ``.ods`` through calamine (a compiled Rust reader, several times
faster than openpyxl: benchmarks/bench_import.py), ``.csv`` through the standard library
with the delimiter (comma or semicolon) and encoding (UTF-8 or Windows-1252) detected.
Writing: ``.xlsx`` only, through ``write_rows`` (PyExcelerate: large plain sheets) or ``write_workbook``
(XlsxWriter: drop-down lists, instructions). Every text is stored as a text cell whatever it begins
with, never as a formula: a name or address typed as ``=HYPERLINK(...)`` or ``=cmd|...`` stays text
when the file is opened in Excel (OWASP's CSV/formula injection), and numbers stay numbers.
Lindung writes no .csv file; one would need the OWASP prefix for cells beginning with = + - @ tab CR.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services import sheet_limits
from desktop.services.errors import ServiceError
from reports.files import replacing

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
    ignored: tuple[tuple[str, str], ...] = ()   # the file's other sheets, each with why it was not read


@dataclass(frozen=True)
class Rows:
    """One sheet of a file given out row by row (``read_rows``), for a reader that keeps only what it
    needs of each row; iterate it once. ``ignored`` names the file's other sheets, each with the reason
    it was not read (a message template, Indonesian, with ``{sheet}``)."""

    sheet: str
    rows: Iterator[list[Any]]
    ignored: tuple[tuple[str, str], ...] = ()

    def __iter__(self) -> Iterator[list[Any]]:
        return self.rows


# Why a sheet of a workbook was not read: said in the reader's report, so no row goes without a word.
SHEET_EMPTY = QT_TRANSLATE_NOOP("Service", "Lembar \"{sheet}\" kosong.")
SHEET_HIDDEN = QT_TRANSLATE_NOOP("Service", "Lembar \"{sheet}\" tersembunyi; tidak dibaca. Tampilkan lembarnya di "
                                            "Excel bila datanya ada di sana.")
SHEET_NOT_DATA = QT_TRANSLATE_NOOP("Service", "Lembar \"{sheet}\" berisi grafik, bukan tabel; tidak dibaca.")
SHEET_NOT_WANTED = QT_TRANSLATE_NOOP("Service", "Lembar \"{sheet}\" tidak dibaca: tidak ada kepala kolom yang "
                                                "dikenal di 20 baris pertamanya.")
SHEET_AFTER_FIRST = QT_TRANSLATE_NOOP("Service", "Lembar \"{sheet}\" tidak dibaca: hanya lembar pertama yang berisi "
                                                 "data yang dibaca. Pindahkan datanya ke berkas tersendiri.")
HEAD_ROWS = 20


def _unreadable(path: Path, reason: str) -> ServiceError:
    return ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas {name} tidak dapat dibaca: {reason}"),
                        name=path.name, reason=reason)


def _damaged(path: Path) -> ServiceError:
    return _unreadable(path, "isinya bukan lembar kerja yang utuh (rusak, terkunci sandi, atau salah akhiran nama).")


def read_table(path: Path, beside: Callable[[], None] | None = None,
               limits: sheet_limits.Limits = sheet_limits.LIST) -> Table:
    """The first worksheet of ``path`` (or the CSV file) as rows of cell values, held whole: within
    ``limits`` (a school's list, by default).

    ``beside`` runs in a thread while the file is measured and calamine parses a workbook's sheet (it
    lets go of Python meanwhile), and has ended when this returns; a CSV file does not run it."""
    rows = read_rows(path, limits, beside)
    return Table(list(rows), rows.sheet, rows.ignored)


def read_rows(path: Path, limits: sheet_limits.Limits, beside: Callable[[], None] | None = None) -> Rows:
    """The first sheet of ``path`` that holds data, row by row, within ``limits``: a CSV file is read as it is
    iterated (a row past a limit is refused then), a workbook is measured and parsed here (calamine
    builds the whole sheet) and its rows made one at a time. The other sheets are named in
    ``Rows.ignored``. ``beside`` as in ``read_table``."""
    return read_sheets(path, limits, None, beside)[0]


def read_sheets(path: Path, limits: sheet_limits.Limits,
                wanted: Callable[[Sequence[Sequence[Any]]], bool] | None = None,
                beside: Callable[[], None] | None = None) -> list[Rows]:
    """The sheets of ``path`` a reader wants, in the workbook's order: those whose first ``HEAD_ROWS`` rows
    ``wanted`` accepts (every sheet with data may hold part of the answer), or the first sheet holding
    data when ``wanted`` is None. Never empty: when no sheet is wanted, the first one is given (the
    reader then says what it missed). The first ``Rows`` names every other sheet and why it was not read.

    A file is read by what it holds, whatever its name says: an HTML table or Excel 2003 XML saved as
    ``.xls`` (what web portals download) and text saved as ``.xls`` are read as such (``sheet_formats``)."""
    from desktop.services import sheet_formats

    path = Path(path)
    suffix = path.suffix.lower()
    try:
        found = path.is_file()
    except OSError:   # a name the system cannot look up (too long)
        found = False
    if not found:
        raise ServiceError(QT_TRANSLATE_NOOP("Service", "Berkas {name} tidak ditemukan."), name=str(path)[:200])
    if suffix not in SUFFIXES:
        raise ServiceError(QT_TRANSLATE_NOOP(
            "Service", "Jenis berkas {suffix} tidak didukung. Gunakan .xlsx, .xls, .ods atau .csv."),
            suffix=suffix or "(tanpa akhiran)")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _unreadable(path, "berkas lebih dari 64 MB; bagi menjadi beberapa berkas.")
    if suffix in (".csv", ".txt"):
        return [Rows(path.stem, _csv_rows(path, _csv_encoding(path), limits))]
    kind = sheet_formats.content_kind(path)
    if kind == sheet_formats.TEXT:
        return [Rows(path.stem, _csv_rows(path, _csv_encoding(path), limits))]
    if kind in (sheet_formats.HTML, sheet_formats.XML_2003):
        read = sheet_formats.html_tables if kind == sheet_formats.HTML else sheet_formats.xml_2003_sheets
        try:
            tables = read(path, limits)
        except ServiceError:
            raise
        except Exception as exc:   # lxml's refusal of what is not markup after all
            raise _damaged(path) from exc
        return _chosen([(name, iter(rows), True) for name, rows in tables], wanted, path)
    from python_calamine import CalamineWorkbook

    thread = None
    if beside is not None:
        thread = threading.Thread(target=beside, daemon=True)
        thread.start()
    try:
        try:
            sheet_limits.check(path, limits)  # before calamine: it aborts the process on a file too big to hold
            workbook = CalamineWorkbook.from_path(str(path))
            if not workbook.sheet_names:
                raise _unreadable(path, "tidak ada lembar kerja.")
            candidates = []
            for number, meta in enumerate(workbook.sheets_metadata):
                visible = str(meta.visible).endswith("Visible")
                if not str(meta.typ).endswith("WorkSheet"):
                    candidates.append((meta.name, None, SHEET_NOT_DATA))
                    continue
                candidates.append((meta.name, _workbook_sheet(path, workbook, number), visible))
            result = _chosen(candidates, wanted, path)
        finally:
            if thread is not None:
                thread.join()
    except ServiceError:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # calamine's own errors, and a Rust panic (pyo3's PanicException is a
        # BaseException) on a record it cannot parse: the file is damaged either way
        raise _damaged(path) from exc
    return result


def _workbook_sheet(path: Path, workbook: Any, number: int) -> Callable[[], Iterator[list[Any]]]:
    """The sheet's rows, parsed when first asked for (calamine builds a sheet whole)."""
    return lambda: _sheet_rows(path, workbook.get_sheet_by_index(number))


def _chosen(candidates: Sequence[tuple[str, Any, Any]], wanted: Callable[[Sequence[Sequence[Any]]], bool] | None,
            path: Path) -> list[Rows]:
    """The wanted sheets among (name, rows or a function making them, visible or the reason it is not
    read); the first one names the others."""
    chosen: list[Rows] = []
    ignored: list[tuple[str, str]] = []
    first: Rows | None = None
    for name, rows, visible in candidates:
        if isinstance(visible, str):
            ignored.append((name, visible))
            continue
        if not visible:
            ignored.append((name, SHEET_HIDDEN))
            continue
        rows = iter(rows() if callable(rows) else rows)
        head = list(itertools.islice(rows, HEAD_ROWS))
        if not any(_filled(row) for row in head):
            ignored.append((name, SHEET_EMPTY))
            continue
        sheet = Rows(name, itertools.chain(head, rows))
        if first is None:
            first = sheet
        if (wanted(head) if wanted is not None else not chosen):
            chosen.append(sheet)
        else:
            ignored.append((name, SHEET_NOT_WANTED if wanted is not None else SHEET_AFTER_FIRST))
    if not chosen:
        if first is None:      # no sheet holds data: the first worksheet, empty, for the reader to say so
            name = next((name for name, _r, why in candidates if not isinstance(why, str)), path.stem)
            first = Rows(name, iter(()))
        chosen = [first]
        ignored = [(name, why) for name, why in ignored if name != first.sheet]
    order = {name: n for n, (name, _r, _v) in enumerate(candidates)}
    ignored.sort(key=lambda item: order.get(item[0], 0))
    chosen[0] = Rows(chosen[0].sheet, chosen[0].rows, tuple(ignored))
    return chosen


def _filled(row: Sequence[Any]) -> bool:
    return any(cell not in (None, "") for cell in row)


def _sheet_rows(path: Path, sheet: Any) -> Iterator[list[Any]]:
    """The sheet's rows from its first (row numbers kept: row i is spreadsheet row i + 1), a merged cell's
    value given to every row and column it spans."""
    start_col = sheet.start[1] if sheet.start else 0
    merged = _merged_by_row(sheet)
    try:
        if not start_col and not merged:   # nearly every list: calamine's rows as they are
            yield from sheet.iter_rows()
            return
        for number, row in enumerate(sheet.iter_rows()):
            if start_col:
                row = [""] * start_col + row
            for first_row, first_col, last_col, origin in merged.get(number, ()):
                value = origin[0] if origin else (row[first_col] if first_col < len(row) else "")
                if number == first_row:
                    origin.append(value)
                if len(row) <= last_col:
                    row.extend([""] * (last_col + 1 - len(row)))
                for column in range(first_col, last_col + 1):
                    row[column] = value
            yield row
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # as in read_rows: calamine's errors while making a row
        raise _damaged(path) from exc


_MERGED_ROWS = 1_000_000


def _merged_by_row(sheet: Any) -> dict[int, list[tuple[int, int, int, list[Any]]]]:
    """Each row's merged ranges: (first row, first column, last column, [the top-left value, once read])."""
    spans: dict[int, list[tuple[int, int, int, list[Any]]]] = {}
    height = sheet.height + (sheet.start[0] if sheet.start else 0)
    budget = _MERGED_ROWS
    for (first_row, first_col), (last_row, last_col) in getattr(sheet, "merged_cell_ranges", None) or ():
        last_row = min(last_row, height)      # bounded as the sheet is (sheet_limits measured it)
        budget -= max(0, last_row - first_row + 1)
        if budget < 0 or last_col - first_col > 1_000:
            break        # more merging than any table a person made: the rest stay as calamine gives them
        origin: list[Any] = []
        for number in range(first_row, last_row + 1):
            spans.setdefault(number, []).append((first_row, first_col, last_col, origin))
    return spans


_CSV_CHUNK = 1 << 20
_CSV_SAMPLE = 20_000


def _csv_encoding(path: Path) -> str:
    """UTF-8 (with its byte order mark, or valid throughout), else Windows-1252 (Excel's "CSV" on
    Indonesian Windows): the file checked in chunks, never held whole. A NUL byte is no text."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    bom, utf8 = False, True
    with open(path, "rb") as f:
        for number, chunk in enumerate(iter(lambda: f.read(_CSV_CHUNK), b"")):
            if number == 0 and chunk.startswith(codecs.BOM_UTF8):
                bom, utf8 = True, False     # decoded as UTF-8 whatever follows, as Excel does
            if b"\x00" in chunk:
                raise _unreadable(path, "isinya bukan teks CSV.")
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    return "utf-8-sig" if bom else "utf-8" if utf8 else "cp1252"


def _csv_delimiter(sample: str) -> str:
    first_line = sample.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = max(";,\t", key=first_line.count)
    if first_line.count(";") > first_line.count(",") and delimiter == ",":
        delimiter = ";"  # Indonesian Excel writes semicolons; a comma inside an address must not win
    return delimiter


def _csv_rows(path: Path, encoding: str, limits: sheet_limits.Limits) -> Iterator[list[Any]]:
    """The rows of a CSV file as it is read, each counted (rows, columns, cells, characters) before it
    is given out."""
    with open(path, encoding=encoding, errors="replace", newline="") as f:
        delimiter = _csv_delimiter(f.read(_CSV_SAMPLE))
        f.seek(0)
        reader = csv.reader(f, delimiter=delimiter)
        rows = cells = text = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise _csv_error(path, rows + 1, exc) from None
            rows += 1
            cells += len(row)
            text += sum(map(len, row))
            if rows > limits.rows:
                raise sheet_limits.too_many_rows(path.name, limits)
            if len(row) > limits.columns:
                raise sheet_limits.too_many_columns(path.name, limits)
            if cells > limits.cells:
                raise sheet_limits.too_many_cells(path.name, limits)
            if text > limits.text_bytes:
                raise sheet_limits.too_much_text(path.name, limits)
            yield row


def _csv_error(path: Path, row: int, exc: csv.Error) -> ServiceError:
    """The csv module's refusal, said for the row it stopped at. Its limit on one field (131,072
    characters) stays: a spreadsheet cell holds at most 32,767, so a longer field is nearly always a
    quotation mark left open, which runs the rest of the file into one field."""
    if "field larger than field limit" in str(exc):
        return ServiceError(QT_TRANSLATE_NOOP(
            "Service", "Berkas {name} tidak dapat dibaca: baris {row} berisi isian lebih dari {limit} karakter "
                       "(satu sel lembar kerja paling banyak 32.767). Periksa tanda petik (\") yang tidak ditutup "
                       "di baris itu, atau bagi isiannya."),
            name=path.name, row=row, limit=f"{csv.field_size_limit():,}".replace(",", "."))
    return ServiceError(QT_TRANSLATE_NOOP(
        "Service", "Berkas {name} tidak dapat dibaca: baris {row} bukan baris CSV yang benar. Simpan ulang "
                   "berkasnya sebagai CSV dari program lembar kerja."), name=path.name, row=row)


# --- writing ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ColumnSpec:
    header: str
    width: float = 16
    text: bool = False                     # stored as text (NIK, phone numbers)
    date: bool = False
    choices: str | None = None             # name of a list on the hidden "Daftar" sheet


def write_rows(out: Path, columns: Sequence[ColumnSpec], rows: Iterable[Sequence[Any]],
               extra_sheets: dict[str, tuple[Sequence[str] | Sequence[ColumnSpec], Iterable[Sequence[Any]]]]
               | None = None, name: str = "Data") -> int:
    """A plain data sheet (bold header, widths, text and date columns, header row frozen) written through
    PyExcelerate: for the large sheets other offices read (10,000 BPJS registrations in about two thirds of
    the time XlsxWriter takes). No drop-down lists or instructions: ``write_workbook`` for those.
    ``extra_sheets`` follow, by name: headers given as ``ColumnSpec`` shape their sheet as the first one.
    Numbers and dates are written as number and date cells; a total is written as its number."""
    from pyexcelerate import Font, Style, Workbook

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    count = _column_sheet(book, name, columns, rows)
    for sheet_name, (headers, sheet_rows) in (extra_sheets or {}).items():
        if headers and all(isinstance(header, ColumnSpec) for header in headers):
            _column_sheet(book, sheet_name, headers, sheet_rows)  # type: ignore[arg-type]
        else:
            _plain_sheet(book, sheet_name, headers, sheet_rows)[0].set_row_style(1, Style(font=Font(bold=True)))
    # Zipped in memory, then written: a full disk fails in our own write (said in words by the caller),
    # not inside PyExcelerate's zip, whose half-closed ZipFile would complain again when collected.
    buffer = io.BytesIO()
    book.save(buffer)
    with replacing(out) as tmp:    # a reader never sees a half-written workbook
        tmp.write_bytes(buffer.getbuffer())
    return count


def _column_sheet(book: Any, name: str, columns: Sequence[ColumnSpec], rows: Iterable[Sequence[Any]]) -> int:
    """A sheet of ``columns`` (widths; text columns as text, date columns as dd-mm-yyyy dates), its header
    bold and frozen; returns the rows written."""
    from pyexcelerate import Color, Fill, Font, Format, Panes, Style

    text_format, date_format = Format("@"), Format("dd-mm-yyyy")
    sheet, count = _plain_sheet(book, name, [spec.header for spec in columns], rows,
                                [text_format if spec.text else None for spec in columns])
    for col, spec in enumerate(columns, start=1):
        sheet.set_col_style(col, Style(size=spec.width, format=text_format if spec.text else
                                       date_format if spec.date else None))
    sheet.set_row_style(1, Style(font=Font(bold=True), fill=Fill(background=Color(0xDD, 0xEF, 0xE6))))
    sheet.panes = Panes(0, 1)
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
    with replacing(out) as tmp:   # a reader never sees a half-written workbook
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
        try:
            workbook.close()
        except xlsxwriter.exceptions.FileCreateError as exc:   # the disk's own error, said as such
            raise exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else exc
    return count
