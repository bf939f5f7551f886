"""Files named like a spreadsheet that are something else, read as what they are.

Web portals (BPJS's, Kemenag's, a bank's) offer "Download Excel" and send an HTML table with an ``.xls``
name; older systems write Excel 2003's XML Spreadsheet or tab-separated text under the same name. Excel
opens all of them with at most a warning, so a clerk cannot tell them apart: the content decides here,
not the name. Each is read as it streams (lxml's event parser, elements freed as they end), counted
against the same limits as any sheet, and gives its cells as calamine would: text, numbers, dates.
A cell that spans rows or columns (``rowspan``/``colspan``, ``MergeAcross``/``MergeDown``) gives its
value to every row and column it spans.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from desktop.services import sheet_limits

ZIP, OLE, HTML, XML_2003, TEXT = "zip", "ole", "html", "xml2003", "text"
_SNIFF = 64 << 10
_SS = "urn:schemas-microsoft-com:office:spreadsheet"
MAX_SPAN = 1_000       # a cell spanning more rows or columns than this is no table a person made


def content_kind(path: Path) -> str | None:
    """What the file holds by its first bytes: a zip (xlsx, ods), an OLE compound file (xls), an HTML
    table, Excel 2003 XML, plain text (CSV or tab-separated); None when none of these."""
    with open(path, "rb") as f:
        head = f.read(_SNIFF)
    if head.startswith(b"PK\x03\x04"):
        return ZIP
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if b"\x00" in head:
        return None
    text = head.decode("utf-8", errors="replace").lower()
    if _SS in text and "<workbook" in text:
        return XML_2003
    if "<table" in text or "<html" in text:
        return HTML
    return TEXT


class _Counter:
    """Rows, columns and cells given out, refused past ``limits`` as the CSV reader refuses them."""

    def __init__(self, name: str, limits: sheet_limits.Limits):
        self.name, self.limits, self.rows, self.cells = name, limits, 0, 0

    def add(self, row: list[Any]) -> None:
        self.rows += 1
        self.cells += len(row)
        if self.rows > self.limits.rows:
            raise sheet_limits.too_many_rows(self.name, self.limits)
        if len(row) > self.limits.columns:
            raise sheet_limits.too_many_columns(self.name, self.limits)
        if self.cells > self.limits.cells:
            raise sheet_limits.too_many_cells(self.name, self.limits)


def _check_size(path: Path, limits: sheet_limits.Limits) -> None:
    # Markup around each cell is some ten times its text: the file may be that much larger than its text.
    if path.stat().st_size > 10 * limits.text_bytes:
        raise sheet_limits.too_much_text(path.name, limits)


class _Spans:
    """Cells still spanning down from rows above: column -> (rows left, value)."""

    def __init__(self) -> None:
        self.down: dict[int, tuple[int, Any]] = {}

    def place(self, row: list[Any], column: int) -> int:
        """Fill ``row`` from ``column`` on with the cells spanning into it; the next free column."""
        while column in self.down:
            left, value = self.down[column]
            _put(row, column, value)
            if left <= 1:
                del self.down[column]
            else:
                self.down[column] = (left - 1, value)
            column += 1
        return column

    def finish(self, row: list[Any]) -> None:
        for column in sorted(c for c in self.down if c >= len(row)):
            self.place(row, column)

    def cell(self, row: list[Any], column: int, value: Any, width: int, height: int) -> int:
        """Put a cell of ``width`` columns and ``height`` rows into ``row`` at ``column`` or after the cells
        spanning into it from above; the column after it."""
        column = self.place(row, column)
        for c in range(column, column + width):
            _put(row, c, value)
        self.span(column, width, height, value)
        return column + width

    def end(self, row: list[Any], column: int) -> None:
        """Fill the rest of ``row`` with the cells spanning into it."""
        self.place(row, column)
        self.finish(row)

    def span(self, column: int, width: int, height: int, value: Any) -> None:
        if height > 1:
            for c in range(column, column + width):
                self.down[c] = (height - 1, value)


def _put(row: list[Any], column: int, value: Any) -> None:
    if column >= len(row):
        row.extend([""] * (column - len(row) + 1))
    row[column] = value


def _span(value: Any, least: int = 1, most: int = MAX_SPAN) -> int:
    """A span or position written in the file, within [least, most]; ``least`` when absent or no number."""
    try:
        return max(least, min(most, int(str(value).strip())))
    except ValueError:
        return least


def html_tables(path: Path, limits: sheet_limits.Limits) -> list[tuple[str, list[list[Any]]]]:
    """Every table of an HTML file with at least one row, as ("Tabel n", rows of text)."""
    from lxml import etree

    _check_size(path, limits)
    counter = _Counter(path.name, limits)
    tables: list[tuple[str, list[list[Any]]]] = []
    stack: list[tuple[list[list[Any]], _Spans]] = []
    with open(path, "rb") as f:
        for event, element in etree.iterparse(f, events=("start", "end"), tag=("table", "tr"), html=True,
                                              recover=True, no_network=True, huge_tree=False):
            if element.tag == "table":
                if event == "start":
                    stack.append(([], _Spans()))
                else:
                    rows, _ = stack.pop() if stack else ([], None)
                    if rows:
                        tables.append((f"Tabel {len(tables) + 1}", rows))
                    element.clear(keep_tail=True)
                continue
            if event != "end" or not stack:
                continue
            rows, spans = stack[-1]
            row: list[Any] = []
            column = 0
            for cell in element:
                if cell.tag not in ("td", "th"):
                    continue
                column = spans.cell(row, column, " ".join(" ".join(cell.itertext()).split()),
                                    _span(cell.get("colspan")), _span(cell.get("rowspan")))
            spans.end(row, column)
            counter.add(row)
            rows.append(row)
            element.clear(keep_tail=True)
    return tables


def xml_2003_sheets(path: Path, limits: sheet_limits.Limits) -> list[tuple[str, list[list[Any]]]]:
    """Every worksheet of an Excel 2003 XML Spreadsheet, with numbers and dates typed as Excel typed them."""
    from lxml import etree

    _check_size(path, limits)
    counter = _Counter(path.name, limits)
    sheets: list[tuple[str, list[list[Any]]]] = []
    worksheet, row_tag, cell_tag = f"{{{_SS}}}Worksheet", f"{{{_SS}}}Row", f"{{{_SS}}}Cell"
    index, merge_across, merge_down = f"{{{_SS}}}Index", f"{{{_SS}}}MergeAcross", f"{{{_SS}}}MergeDown"
    rows: list[list[Any]] = []
    spans = _Spans()
    with open(path, "rb") as f:
        for event, element in etree.iterparse(f, events=("start", "end"), tag=(worksheet, row_tag),
                                              resolve_entities=False, no_network=True, load_dtd=False,
                                              huge_tree=False):
            if element.tag == worksheet:
                if event == "start":
                    rows, spans = [], _Spans()
                else:
                    sheets.append((element.get(f"{{{_SS}}}Name") or f"Sheet{len(sheets) + 1}", rows))
                    element.clear()
                continue
            if event != "end":
                continue
            at = _span(element.get(index), len(rows) + 1, limits.rows + 1) - 1
            while len(rows) < min(at, limits.rows + 1):
                blank: list[Any] = []
                spans.finish(blank)
                counter.add(blank)
                rows.append(blank)
            row: list[Any] = []
            column = 0
            for cell in element.iter(cell_tag):
                at = _span(cell.get(index), column + 1, limits.columns + 1) - 1
                column = spans.cell(row, at, _xml_value(cell), _span(cell.get(merge_across), 0) + 1,
                                    _span(cell.get(merge_down), 0) + 1)
            spans.end(row, column)
            counter.add(row)
            rows.append(row)
            element.clear()
    return sheets


def _xml_value(cell: Any) -> Any:
    data = next((child for child in cell if isinstance(child.tag, str) and child.tag.endswith("Data")), None)
    if data is None:
        return ""
    text = "".join(data.itertext())
    kind = data.get(f"{{{_SS}}}Type", "String")
    if kind == "Number":
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "DateTime":
        try:
            moment = dt.datetime.fromisoformat(text.strip()[:19])
        except ValueError:
            return text
        return moment.date() if moment.time() == dt.time() else moment
    return text
