"""Writes the hostile spreadsheets beside this script (committed; run again only to change them).

    .venv/bin/python tests/data/hostile/make_hostile.py

Each is small on disk and would make the reader allocate far more than a laptop has:

- ``xfd1048576.xlsx`` (1.5 KB): a header cell and one cell at XFD1048576, the last cell a sheet can
  have, with ``<dimension ref="A1:XFD1048576"/>``: calamine asks for 512 GB and aborts the process.
- ``zip-bomb.xlsx`` (~1 MB): a sheet whose XML unpacks to 1 GB (the same cell written 45 million times).
- ``shared-strings.xlsx`` (~360 KB): one shared string of 512 KB used by 10,000 cells (5 GB of copies).
- ``repeated.ods`` (~1 KB): one number repeated 10,000 columns wide on 9,000 rows (90 million cells,
  just under the 100 million calamine itself refuses).
- ``far-cell.xls`` (~6 KB): a cell at IV65536, the last cell of an .xls sheet (16.7 million cells).
- ``dimensions.xls`` (~6 KB): a DIMENSIONS record declaring 4 billion rows (calamine reserves them).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<dimension ref="{dimension}"/><sheetData>')
SHEET_TAIL = "</sheetData></worksheet>"
HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>NIK</t></is></c></row>'


def _package(zf: zipfile.ZipFile) -> None:
    for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                       ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)):
        zf.writestr(name, text)


def xfd1048576(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        _package(zf)
        zf.writestr("xl/worksheets/sheet1.xml", SHEET_HEAD.format(dimension="A1:XFD1048576") + HEADER_ROW
                    + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' + SHEET_TAIL)


def zip_bomb(path: Path, unpacked: int = 1 << 30) -> None:
    """The sheet is deflated here chunk by chunk (1 GB is never held in memory) and stored as is."""
    head = (SHEET_HEAD.format(dimension="A1") + HEADER_ROW + '<row r="2">').encode()
    tail = ("</row>" + SHEET_TAIL).encode()
    cell = b'<c r="A2"><v>1</v></c>'
    block = cell * ((4 << 20) // len(cell))
    repeats = (unpacked - len(head) - len(tail)) // len(block)
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc, size, packed = 0, 0, [deflater.compress(head)]
    crc, size = zlib.crc32(head, crc), size + len(head)
    for _ in range(repeats):
        packed.append(deflater.compress(block))
        crc, size = zlib.crc32(block, crc), size + len(block)
    packed.append(deflater.compress(tail))
    crc, size = zlib.crc32(tail, crc), size + len(tail)
    packed.append(deflater.flush())
    data = b"".join(packed)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        _package(zf)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        # Write the raw deflate stream with its true sizes and CRC, as any zip tool would.
        info.CRC, info.compress_size, info.file_size = crc, len(data), size
        zf.fp.seek(zf.start_dir)
        info.header_offset = zf.start_dir
        info.flag_bits = 0
        header = info.FileHeader(zip64=False)
        zf.fp.write(header)
        zf.fp.write(data)
        zf.start_dir = zf.fp.tell()
        zf.filelist.append(info)
        zf.NameToInfo[info.filename] = info


def shared_strings(path: Path, length: int = 512 << 10, cells: int = 10_000) -> None:
    """Letters in no pattern, so that the part packs no better than real text would."""
    import random

    text = "".join(random.Random(12).choices("ABCDEFGHIJKLMNOPQRSTUVWXYZ", k=length))
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(2, cells + 2))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        _package(zf)
        zf.writestr("xl/sharedStrings.xml",
                    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
                    f'uniqueCount="1"><si><t>{text}</t></si></sst>')
        zf.writestr("xl/worksheets/sheet1.xml",
                    SHEET_HEAD.format(dimension=f"A1:A{cells + 1}") + HEADER_ROW + rows + SHEET_TAIL)


def repeated_ods(path: Path) -> None:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Data">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>NIK</text:p>'
        '</table:table-cell></table:table-row>'
        '<table:table-row table:number-rows-repeated="9000">'
        '<table:table-cell table:number-columns-repeated="10000" office:value-type="float" office:value="1"/>'
        '</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml",
                    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                    '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                    '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
        zf.writestr("content.xml", content)


def _xls(path: Path, far_cell: bool) -> None:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Data")
    sheet.write(0, 0, "NIK")
    if far_cell:
        sheet.write(65535, 255, 1)
    book.save(str(path))


def far_cell_xls(path: Path) -> None:
    _xls(path, far_cell=True)


def dimensions_xls(path: Path) -> None:
    """xlwt's workbook with the sheet's DIMENSIONS record (type 0x0200, 14 bytes) claiming rows 0 to
    4,294,967,295: patched in the OLE file's bytes, which hold the Workbook stream unchanged."""
    _xls(path, far_cell=False)
    data = bytearray(path.read_bytes())
    record = struct.pack("<HH", 0x0200, 14)
    at = data.find(record)
    assert at > 0 and data.find(record, at + 1) < 0
    struct.pack_into("<IIHH", data, at + 4, 0, 0xFFFFFFFF, 0, 256)
    path.write_bytes(bytes(data))


if __name__ == "__main__":
    xfd1048576(HERE / "xfd1048576.xlsx")
    zip_bomb(HERE / "zip-bomb.xlsx")
    shared_strings(HERE / "shared-strings.xlsx")
    repeated_ods(HERE / "repeated.ods")
    far_cell_xls(HERE / "far-cell.xls")
    dimensions_xls(HERE / "dimensions.xls")
    for p in sorted(HERE.glob("*.*s*")):
        print(f"{p.name:24} {p.stat().st_size:>10,} bytes")
