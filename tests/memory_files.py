"""The largest files the importers accept, of each kind, and files just past a limit (issue 24).

Each is made to cost the reader as much as its limits allow: every cell distinct text (calamine
and Python give each its own string), the parent lists' rows all valid (each is checked, enrolled
and kept), BPJS's answer rows all readable (each is kept), and a file at the text limit written
with a character outside the Basic Multilingual Plane in every cell (Python then holds four bytes
a character). Used by tests/integration/test_import_memory.py and benchmarks/bench_import_memory.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from desktop.services.sheet_limits import ANSWER, LIST, Limits
from tests.data.hostile.make_hostile import SHEET_HEAD, SHEET_TAIL, _package

KINDS = ("csv", "xlsx", "xls", "ods")
WIDE = "\U0001F600"      # one per cell: Python stores the whole string four bytes a character
Row = Sequence[object]


def _letters(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


# --- writers: one sheet of rows, as each program writes it -------------------------------------

def write_csv(path: Path, rows: Iterator[Row]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    return path


def write_xlsx(path: Path, rows: Iterator[Row]) -> Path:
    """Inline strings and numbers, every cell with its reference (as XlsxWriter writes them)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        _package(zf)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(SHEET_HEAD.format(dimension="A1").encode())
            for r, row in enumerate(rows, start=1):
                cells = []
                for c, value in enumerate(row):
                    ref = f"{_letters(c)}{r}"
                    if isinstance(value, (int, float)):
                        cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                    else:
                        cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
                out.write(f'<row r="{r}">{"".join(cells)}</row>'.encode())
            out.write(SHEET_TAIL.encode())
    return path


def write_ods(path: Path, rows: Iterator[Row]) -> Path:
    head = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            '<office:body><office:spreadsheet><table:table table:name="Data">')
    tail = "</table:table></office:spreadsheet></office:body></office:document-content>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml",
                    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                    '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                    '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
        with zf.open("content.xml", "w", force_zip64=True) as out:
            out.write(head.encode())
            for row in rows:
                cells = []
                for value in row:
                    if isinstance(value, (int, float)):
                        cells.append(f'<table:table-cell office:value-type="float" office:value="{value}"/>')
                    else:
                        cells.append(f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
                                     f'</text:p></table:table-cell>')
                out.write(f'<table:table-row>{"".join(cells)}</table:table-row>'.encode())
            out.write(tail.encode())
    return path


def write_xls(path: Path, rows: Iterator[Row]) -> Path:
    """Through xlwt's rows directly (a third of the time of ``sheet.write``)."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Data")
    style = xlwt.Style.default_style
    for r, row in enumerate(rows):
        cells = sheet.row(r)
        for c, value in enumerate(row):
            if isinstance(value, (int, float)):
                cells.set_cell_number(c, value, style)
            else:
                cells.set_cell_text(c, str(value), style)
        if r % 1000 == 999:
            sheet.flush_row_data()
    book.save(str(path))
    return path


WRITERS: dict[str, Callable[[Path, Iterator[Row]], Path]] = {
    "csv": write_csv, "xlsx": write_xlsx, "xls": write_xls, "ods": write_ods}


# --- contents ---------------------------------------------------------------------------------

def parent_rows(count: int, columns: int, text: int = 0) -> Iterator[Row]:
    """A header and ``count - 1`` valid parents in the template's columns, then columns of distinct
    short text up to ``columns``; with ``text``, those extra cells are ``text`` characters long and
    end with a wide character."""
    from desktop.domain.importing import TEMPLATE_COLUMNS

    parents = _parents(count - 1)
    extra = columns - len(TEMPLATE_COLUMNS)
    yield [header for _, header in TEMPLATE_COLUMNS] + [f"Catatan {i}" for i in range(extra)]
    for r, parent in enumerate(parents):
        if text:
            fill = [f"{r:06d}{c:03d}".ljust(text - 1, "x") + WIDE for c in range(extra)]
        else:
            fill = [f"{r % 1000}.{c}" for c in range(extra)]
        yield list(parent) + fill


@functools.cache
def _parents(count: int) -> list[list[object]]:
    from desktop.services.demo import make_parent_rows
    from desktop.services.workspace import Workspace

    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace(Path(folder) / "scratch.sqlite3")
        parents = make_parent_rows(ws, count, seed=24, dates_as_text=True)
        ws.close()
    return parents


ANSWER_HEADER = ["No", "NIK", "Nama", "No KPJ", "TMT", "Keterangan"]


def answer_rows(count: int, columns: int, text: int = 0) -> Iterator[Row]:
    """A header and ``count - 1`` readable answer rows (16-digit NIK, 11-digit KPJ, a date), then
    columns of distinct text up to ``columns`` (``text`` characters each, as in parent_rows)."""
    extra = columns - len(ANSWER_HEADER)
    yield ANSWER_HEADER + [f"Kolom {i}" for i in range(extra)]
    start = dt.date(2026, 12, 1).strftime("%d-%m-%Y")
    for r in range(1, count):
        fill = ([f"{r:06d}{c:03d}".ljust(text - 1, "x") + WIDE for c in range(extra)] if text
                else [f"{r % 1000}.{c}" for c in range(extra)])
        yield [r, f"6171{r:012d}", f"PESERTA {r}", f"{r:011d}", start, "Sukses"] + fill


# --- the files --------------------------------------------------------------------------------

def _shape(limits: Limits, kind: str, rows: int, least_columns: int) -> tuple[int, int]:
    """(rows, columns) of the largest sheet of ``kind`` within ``limits``: calamine's ODS reader holds
    its cells twice (as written, then the block), an .xls sheet has at most 65,536 rows."""
    cells = limits.cells // 2 if kind == "ods" else limits.cells
    rows = min(rows, cells // least_columns, 65_536 if kind == "xls" else rows)
    return rows, min(limits.columns, cells // rows)


def _per_cell(limits: Limits, kind: str, rows: int, extra: int, own: int) -> int:
    """Characters of each extra cell that fill the text limit, ``own`` bytes a row being the row's own.
    An .xls string counts three bytes a UTF-16 unit (UTF-16 made UTF-8), and its wide character two units."""
    if kind == "xls":
        return (limits.text_bytes // 3 - rows * own) // ((rows - 1) * extra) - 3
    return (limits.text_bytes - rows * own) // ((rows - 1) * extra) - 4   # the wide character: 4 bytes


def largest_list(folder: Path, kind: str) -> Path:
    """A parent list at the row and cell limits (every row valid, each cell distinct)."""
    rows, columns = _shape(LIST, kind, LIST.rows, 16)
    return WRITERS[kind](folder / f"ortu-terbesar.{kind}", parent_rows(rows, columns))


def longest_list(folder: Path, kind: str) -> Path:
    """A parent list at the text limit, a wide character in each extra cell."""
    # An .xls list's own text nearly fills the limit at 20,000 rows (its strings count three bytes a
    # character): half as many rows leave room for the long cells.
    rows, columns = _shape(LIST, kind, LIST.rows // 2 if kind == "xls" else LIST.rows, 30)
    columns = min(columns, 30)
    text = _per_cell(LIST, kind, rows, columns - 16, 250)     # a parent's own cells: under 250 characters
    return WRITERS[kind](folder / f"ortu-terpanjang.{kind}", parent_rows(rows, columns, text=text))


def largest_answer(folder: Path, kind: str) -> Path:
    """BPJS's answer at the row and cell limits (as many rows as the kind holds), every row readable."""
    rows, columns = _shape(ANSWER, kind, ANSWER.rows, len(ANSWER_HEADER))
    return WRITERS[kind](folder / f"jawaban-terbesar.{kind}", answer_rows(rows, columns))


def longest_answer(folder: Path, kind: str) -> Path:
    """BPJS's answer at the text limit (60,000 rows; 30,000 in .xls), a wide character in each extra cell."""
    rows, columns = _shape(ANSWER, kind, 30_000 if kind == "xls" else 60_000, 20)   # .xls: as in longest_list
    columns = min(columns, 20)
    text = _per_cell(ANSWER, kind, rows, columns - len(ANSWER_HEADER), 70)
    return WRITERS[kind](folder / f"jawaban-terpanjang.{kind}", answer_rows(rows, columns, text=text))
