"""What reading a spreadsheet may cost, checked before the reader (calamine) is given the file.

calamine turns a sheet into one dense block of cells as wide and as tall as its farthest cell, and
copies a shared string into every cell that refers to it. A 1.5 KB workbook with one cell at
``XFD1048576`` therefore asks for 512 GB and aborts the process (a Rust allocation failure is not an
exception), and a few MB of zipped XML can unpack to gigabytes. So each file is measured first,
reading no more than the limits allow, and refused with one line when it goes beyond them:

- ``.xlsx``/``.xlsm``/``.ods`` are zip files: the number of parts, each part's declared and *actual*
  unpacked size (inflated here in bounded chunks, whatever the zip claims) and its packing ratio;
- every worksheet: its farthest row and column and its number of cells, as calamine would place them
  (a fast scan of the cell references; an exact event parser when a cell has no reference);
- the text calamine would hold: inline text by the sheet's XML size, or by its character data when
  the XML is larger than the text limit; shared strings by (cells that use one) x (longest shared
  string), or exactly when that bound is too loose, and the shared strings part itself (calamine holds
  every string, used or not);
- ``.ods``: rows and cells as ``number-rows-repeated`` / ``number-columns-repeated`` expand them;
- ``.xls``: the BIFF records of every sheet (cell positions, declared dimensions, the shared string
  table's declared count and the text its cells would copy).

The limits (``LIST``, ``ANSWER``) are what a school's list or BPJS's answer needs, with a margin, and
keep the reading process under 300 MB (a 10,000-row list is ~170,000 cells and 9 MB of XML).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from array import array
from dataclasses import dataclass
from operator import itemgetter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services.errors import ServiceError



@dataclass(frozen=True)
class Limits:
    """What one reading may hold: rows, columns, cells (a sheet's used range, rows x columns, as calamine
    builds it, and the cells written) and text (bytes in the file, characters in a CSV file)."""

    rows: int
    columns: int
    cells: int
    text_bytes: int


# Peak memory of any file a reader accepts stays under 300 MB (tests/integration/test_import_memory.py
# imports the largest accepted file of each kind). calamine builds the whole sheet before a row is
# given out: about 100 bytes a cell at its peak (40 while parsing, 32 in the block, plus the text), and
# a Python list of the rows adds 35-60 bytes a cell; a parent-list import then holds ~6 kB a row
# (its cells, checks and enrollment).
#
# LIST: a school's parent list or a Dapodik export, read whole and checked row by row. One school sends a
# few thousand rows (a large SMA has ~3,000 pupils, ~6,000 parents; Dapodik exports ~2,000 pupils in
# 65 columns): 20,000 rows leave a wide margin, 100 columns hold Dapodik's 65, and 600,000 cells are
# 20,000 rows x 30 columns or 6,000 rows x 100 columns.
LIST = Limits(rows=20_000, columns=100, cells=600_000, text_bytes=16 << 20)
# ANSWER: BPJS's answer, read row by row (only the rows' NIK, KPJ, date and reason are kept). The
# branch covers 57,543 workers: 100,000 rows cover all of them in one answer; 1,200,000 cells are
# 60,000 rows x 20 columns (an answer names NIK, name, KPJ, date and remarks).
ANSWER = Limits(rows=100_000, columns=100, cells=1_200_000, text_bytes=24 << 20)

MAX_PART_BYTES = 256 << 20       # one part of a zip unpacked (a 100,000-row sheet is ~95 MB)
MAX_XLS_BYTES = 32 << 20         # an .xls workbook stream (held whole, by this check and by calamine)
MAX_UNPACKED_BYTES = 512 << 20   # all parts unpacked
MAX_PARTS = 2_000
MAX_RATIO = 200                  # declared unpacked:packed size of a part over 1 MB (office XML: 5-20)
MAX_TAG_BYTES = 1 << 20          # one XML tag (Excel's longest cell text is 32,767 characters)

_READ_CHUNK = 1 << 20
_INFLATE_CHUNK = 4 << 20


class Damaged(Exception):
    """Not a workbook that can be measured; read_table reports it as a damaged file."""


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def too_many_rows(name: str, limits: Limits) -> ServiceError:
    return ServiceError(QT_TRANSLATE_NOOP(
        "Service", "Berkas {name} tidak dapat dibaca: lebih dari {limit} baris. Bagi menjadi beberapa berkas."),
        name=name, limit=_number(limits.rows))


def too_many_columns(name: str, limits: Limits) -> ServiceError:
    return ServiceError(QT_TRANSLATE_NOOP(
        "Service", "Berkas {name} tidak dapat dibaca: lebih dari {limit} kolom. Hapus kolom yang tidak dipakai."),
        name=name, limit=_number(limits.columns))


def too_many_cells(name: str, limits: Limits) -> ServiceError:
    return ServiceError(QT_TRANSLATE_NOOP(
        "Service", "Berkas {name} tidak dapat dibaca: lebih dari {limit} sel. Bagi menjadi beberapa berkas."),
        name=name, limit=_number(limits.cells))


def too_much_text(name: str, limits: Limits) -> ServiceError:
    return ServiceError(QT_TRANSLATE_NOOP(
        "Service", "Berkas {name} tidak dapat dibaca: teksnya lebih dari {limit} MB. Bagi menjadi beberapa berkas."),
        name=name, limit=_number(limits.text_bytes >> 20))


def too_large_unpacked(name: str, limit: int) -> ServiceError:
    return ServiceError(QT_TRANSLATE_NOOP(
        "Service", "Berkas {name} tidak dapat dibaca: isinya membengkak menjadi lebih dari {limit} MB saat "
                   "dibuka; ini bukan lembar kerja yang wajar."),
        name=name, limit=_number(limit >> 20))


def too_many_parts(name: str) -> ServiceError:
    return ServiceError(QT_TRANSLATE_NOOP(
        "Service", "Berkas {name} tidak dapat dibaca: berisi lebih dari {limit} bagian; ini bukan lembar kerja "
                   "yang wajar."),
        name=name, limit=_number(MAX_PARTS))


class _Sheet:
    """The farthest cell and the number of cells of one sheet, refused as soon as a limit is passed."""

    def __init__(self, name: str, limits: Limits):
        self.name, self.limits = name, limits
        self.rows = 0        # farthest row + 1
        self.columns = 0     # farthest column + 1
        self.cells = 0

    def extent(self, rows: int, columns: int, cells: int = 0) -> None:
        self.rows = max(self.rows, rows)
        self.columns = max(self.columns, columns)
        self.cells += cells
        limits = self.limits
        if self.rows > limits.rows:
            raise too_many_rows(self.name, limits)
        if self.columns > limits.columns:
            raise too_many_columns(self.name, limits)
        if self.cells > limits.cells or self.rows * self.columns > limits.cells:
            raise too_many_cells(self.name, limits)


class _Text:
    def __init__(self, name: str, limits: Limits):
        self.name, self.limits = name, limits
        self.bytes = 0

    def add(self, n: int) -> None:
        self.bytes += n
        if self.bytes > self.limits.text_bytes:
            raise too_much_text(self.name, self.limits)


def check(path: Path, limits: Limits = LIST) -> None:
    """Raise ServiceError when reading ``path`` would go beyond ``limits``, Damaged when it cannot be
    measured; return when calamine may read it."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        with _Zip(path) as z:
            _check_xlsx(z, limits)
    elif suffix == ".ods":
        with _Zip(path) as z:
            _check_ods(z, limits)
    elif suffix == ".xls":
        _check_xls(path, limits)


# --- zip containers ---------------------------------------------------------------------------

class _Zip:
    """The parts of a zip file, each unpacked from its own bytes in bounded chunks."""

    def __init__(self, path: Path):
        self.path = path
        self.name = path.name
        self.unpacked = 0
        self.file: BinaryIO = open(path, "rb")
        try:
            self._check_directory()
            self.zip = zipfile.ZipFile(self.file)
            self.parts = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, struct.error) as exc:
            self.file.close()
            raise Damaged("not a zip file") from exc
        except BaseException:
            self.file.close()
            raise
        if len(self.parts) > MAX_PARTS:
            self.close()
            raise too_many_parts(self.name)
        for info in self.parts:
            if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                self.close()
                raise Damaged("encrypted part or unknown compression")
            if info.file_size > MAX_PART_BYTES:
                self.close()
                raise too_large_unpacked(self.name, MAX_PART_BYTES)
            if info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                self.close()
                raise too_large_unpacked(self.name, MAX_PART_BYTES)
        if sum(info.file_size for info in self.parts) > MAX_UNPACKED_BYTES:
            self.close()
            raise too_large_unpacked(self.name, MAX_UNPACKED_BYTES)

    def _check_directory(self) -> None:
        """One end-of-directory record, and the directory right before it: a zip that shows one set of
        parts to Python and another to calamine's reader is refused."""
        self.file.seek(0, 2)
        size = self.file.tell()
        tail_size = min(size, 65_557)
        self.file.seek(size - tail_size)
        tail = self.file.read(tail_size)
        if tail.count(b"PK\x05\x06") != 1:
            raise Damaged("ambiguous zip directory")
        at = tail.rfind(b"PK\x05\x06")
        if len(tail) - at < 22:
            raise Damaged("truncated zip directory")
        cd_size, cd_offset = struct.unpack("<II", tail[at + 12:at + 20])
        if b"PK\x06\x07" not in tail and cd_offset + cd_size != size - tail_size + at:
            raise Damaged("data before the zip directory")

    def close(self) -> None:
        self.file.close()

    def __enter__(self) -> _Zip:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def chunks(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """The part's bytes as the zip reader would inflate them from its stored data (not trusting the
        declared size), refused past MAX_PART_BYTES or past MAX_UNPACKED_BYTES for the whole file."""
        self.file.seek(info.header_offset)
        header = self.file.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise Damaged("bad local header")
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        self.file.seek(info.header_offset + 30 + name_len + extra_len)
        left = info.compress_size
        part = 0
        inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
        while True:
            if inflater is not None and inflater.unconsumed_tail:
                data = inflater.unconsumed_tail
            elif left > 0:
                data = self.file.read(min(_READ_CHUNK, left))
                if not data:
                    break
                left -= len(data)
            else:
                break
            try:
                out = inflater.decompress(data, _INFLATE_CHUNK) if inflater is not None else data
            except zlib.error as exc:
                raise Damaged("bad deflate stream") from exc
            if out:
                part += len(out)
                self._count(part, len(out))
                yield out
            if inflater is not None and inflater.eof:
                break
        if inflater is not None:
            rest = inflater.flush()
            if rest:
                part += len(rest)
                self._count(part, len(rest))
                yield rest

    def _count(self, part: int, added: int) -> None:
        self.unpacked += added
        if part > MAX_PART_BYTES:
            raise too_large_unpacked(self.name, MAX_PART_BYTES)
        if self.unpacked > MAX_UNPACKED_BYTES:
            raise too_large_unpacked(self.name, MAX_UNPACKED_BYTES)

    def named(self, wanted: str) -> list[zipfile.ZipInfo]:
        """Parts whose name is ``wanted`` as calamine finds it (any case, backslashes as slashes)."""
        wanted = wanted.lower()
        return [i for i in self.parts if i.filename.replace("\\", "/").lower() == wanted]


def _tags(chunks: Iterator[bytes], start: bytes | None = None) -> Iterator[bytes]:
    """The stream cut so that no tag is split between two pieces; from the first ``start`` on if given."""
    carry = b""
    for chunk in chunks:
        buf = carry + chunk if carry else chunk
        if start is not None:
            at = buf.find(start)
            if at < 0:
                carry = buf[-len(start):]
                continue
            buf, start = buf[at:], None
        cut = buf.rfind(b"<")
        if cut >= 0 and buf.find(b">", cut) < 0:
            buf, carry = buf[:cut], buf[cut:]
            if len(carry) > MAX_TAG_BYTES:
                raise Damaged("a tag longer than 1 MB")
        else:
            carry = b""
        if buf:
            yield buf
    if carry and start is None:
        yield carry


# --- .xlsx ------------------------------------------------------------------------------------

_PREFIX = rb"(?:[^\s<>/:\"']*:)?"
_CELL_START = re.compile(rb"<c[\s/>]")                          # a cell's start tag (no prefix)
_PREFIXED_CELL_START = re.compile(rb"<[^\s<>/:\"']+:c[\s/>]")  # <x:c ...>: calamine reads it too
# A cell as every spreadsheet program writes it, position first: <c r="B7" ...>. The pattern begins
# with a literal, which the regular expression engine finds about as fast as bytes.find.
_CELL_WITH_REF = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
_SPACED_EQUALS = re.compile(rb"r[ \t\r\n]+=")
# A cell that is not plain and small: anything but <c r="B7" s="1" t="s"> with one r, first, double
# quotes, column A to AX (50) and row up to 11,999 (so at most 599,950 cells in the block).
_QUICK_COLUMNS, _QUICK_ROWS = 50, 11_999
_ODD_CELL = re.compile(rb'<c(?=[\s/>])(?! r="(?:[A-Z]|A[A-X])(?:[0-9]{1,4}|1[01][0-9]{3})"'
                       rb'(?:[ \t\r\n]+[a-qs-zA-Z_][\w.:-]*="[^"<]*")*[ \t\r\n]*/?>)')
_CHARACTERS = re.compile(rb">[^<]+")   # character data (with the ">" before it)
_SI_END = re.compile(rb"</" + _PREFIX + rb"si\s*>|<" + _PREFIX + rb"si(?:\s[^<>]*)?/>")


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n  # 1-based: column count up to and including it


class _QuickSheet:
    """The usual list, checked with one search and two counts (no per-cell work in Python): every cell
    written plainly and inside A1:AX99999. Anything else is measured by _FastSheet or _exact_sheet."""

    def __init__(self, shared_strings: bool, limits: Limits):
        self.shared_strings, self.limits = shared_strings, limits
        self.small = True
        self.cells = 0
        self.shared = 0

    def feed(self, piece: bytes) -> None:
        if self.small:
            if _ODD_CELL.search(piece) is not None or (
                    b":c" in piece and _PREFIXED_CELL_START.search(piece) is not None):
                self.small = False
            else:
                self.cells += piece.count(b'<c r="')
        if self.shared_strings:
            # Every t="s" (a cell taking a shared string) has "s" in quotes: a count never too low.
            self.shared += piece.count(b'"s"') + piece.count(b"'s'")

    @property
    def any(self) -> bool:
        return self.cells > 0 or not self.small

    def within_limits(self) -> bool:
        limits = self.limits
        return (self.small and self.cells <= limits.cells and _QUICK_ROWS <= limits.rows
                and _QUICK_COLUMNS <= limits.columns and _QUICK_ROWS * _QUICK_COLUMNS <= limits.cells)


class _FastSheet:
    """The cells of one worksheet found with counts and one regular expression (no per-cell parsing),
    as long as every cell is written plainly (``<c r="B7" ...>``, no namespace prefix,
    one ``r``): then each cell is where its ``r`` says, as calamine places it. Otherwise ``exact`` is
    false and the event parser places the cells as calamine does."""

    def __init__(self, shared_strings: bool, limits: Limits):
        self.shared_strings, self.limits = shared_strings, limits
        self.plain = True
        self.shared = 0
        self.rows: set[bytes] = set()
        self.columns: set[bytes] = set()
        self.cells = 0

    def feed(self, piece: bytes) -> None:
        found = _CELL_WITH_REF.findall(piece)
        self.cells += len(found)
        if found:
            self.columns.update(map(itemgetter(0), found))
            self.rows.update(map(itemgetter(1), found))
        if self.plain:
            starts = piece.count(b"<c")            # also <cols>, <cfRule>...: then counted exactly
            if starts != len(found):
                starts = len(_CELL_START.findall(piece))
            # One r per tag: each " r=" is a plain cell's or row's, no r= right after a quote or after
            # another white space, no "r =" (calamine would take a second r instead of the first).
            spaced = piece.count(b" r=")
            self.plain = (starts == len(found)
                          and spaced == len(found) + piece.count(b'<row r="')
                          and _SPACED_EQUALS.search(piece) is None
                          and (b":c" not in piece or _PREFIXED_CELL_START.search(piece) is None))
            if self.plain and piece.count(b"r=") != spaced:  # header="0.3", or "r= / 'r= / \tr= ...
                self.plain = not any(q + b"r=" in piece for q in (b'"', b"'", b"\t", b"\n", b"\r"))
        if self.shared_strings:
            # Every t="s" (a cell taking a shared string) has "s" in quotes: a count never too low.
            self.shared += piece.count(b'"s"') + piece.count(b"'s'")

    @property
    def exact(self) -> bool:
        return self.plain

    @property
    def any(self) -> bool:
        return self.cells > 0 or not self.plain

    def within_limits(self) -> bool:
        """An empty cell (<c r="Z9"/>) counts here though calamine keeps none: over the limits, the
        exact parser decides."""
        rows = max(map(int, self.rows), default=0)
        columns = max(map(_column, self.columns), default=0)
        limits = self.limits
        return (rows <= limits.rows and columns <= limits.columns and self.cells <= limits.cells
                and rows * columns <= limits.cells)


def _local(name: str) -> str:
    return name.split(":", 1)[1] if ":" in name else name


def _parse_ref(ref: str) -> tuple[int, int]:
    """calamine's get_row_column: letters then digits, (row, column) both 1-based here."""
    m = re.fullmatch(r"([A-Za-z]*)([0-9]*)", ref)
    if m is None:
        raise Damaged("bad cell reference")
    return int(m.group(2) or 0), _column(m.group(1).encode())


def _expat(handlers: dict[str, Callable]) -> expat.XMLParserType:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_args):
        raise Damaged("DTD or entity declaration")
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    for name, handler in handlers.items():
        setattr(parser, name, handler)
    return parser


class _Stop(Exception):
    pass


def _parse(parser: expat.XMLParserType, chunks: Iterator[bytes]) -> None:
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Stop:
        pass
    except expat.ExpatError as exc:
        raise Damaged("XML not well formed") from exc


def _exact_sheet(chunks: Iterator[bytes], sheet: _Sheet, text: _Text, shared: array | None) -> None:
    """Place every cell as calamine's cell reader does (rows and cells without a reference continue from
    the previous one), counting the shared strings cells would copy when ``shared`` is given."""
    state = {"data": False, "row": 0, "col": 0, "cell": 0, "value": False, "pos": (0, 0),
             "shared": False, "v": None}

    def start(name, attrs):
        if not state["data"]:
            if _local(name) == "sheetData":
                state["data"] = True
            return
        local = _local(name)
        if state["cell"]:
            state["cell"] += 1
            if state["cell"] == 2 and local in ("v", "is"):
                state["value"] = True
                if local == "v" and state["shared"]:
                    state["v"] = []
            return
        if local == "row":
            if "r" in attrs:
                row, _ = _parse_ref(attrs["r"])
                state["row"] = row - 1
        elif local == "c":
            if "r" in attrs:
                row, column = _parse_ref(attrs["r"])
                state["col"] = column - 1
                state["pos"] = (row, column)
            else:
                state["pos"] = (state["row"] + 1, state["col"] + 1)
            state.update(cell=1, value=False, shared=attrs.get("t") == "s", v=None)

    def end(name):
        if not state["data"]:
            return
        if state["cell"]:
            state["cell"] -= 1
            if state["cell"] == 1 and state["v"] is not None and shared is not None:
                digits = "".join(state["v"]).strip()
                index = int(digits) if digits.isdigit() else 0
                if index < len(shared):
                    text.add(shared[index])
                state["v"] = None
            if state["cell"] == 0:
                state["col"] += 1
                if state["value"]:
                    sheet.extent(*state["pos"], 1)
            return
        local = _local(name)
        if local == "row":
            state["row"] += 1
            state["col"] = 0
        elif local == "sheetData":
            raise _Stop()

    def chars(data):
        if state["v"] is not None:
            state["v"].append(data)

    _parse(_expat({"StartElementHandler": start, "EndElementHandler": end, "CharacterDataHandler": chars}),
           chunks)


def _shared_lengths(chunks: Iterator[bytes]) -> array:
    """For each shared string index, a bound on the bytes calamine's string may hold (the longest from it
    on: calamine may skip an empty <si>, so its i-th string is one of ours from i on)."""
    lengths = array("Q")
    state = {"open": None, "sst": True}
    parser = None

    def start(name, _attrs):
        if _local(name) == "si" and state["open"] is None:
            state["open"] = parser.CurrentByteIndex

    def end(name):
        local = _local(name)
        if local == "si" and state["open"] is not None:
            lengths.append(parser.CurrentByteIndex - state["open"])
            state["open"] = None
        elif local == "sst":
            raise _Stop()

    parser = _expat({"StartElementHandler": start, "EndElementHandler": end})
    _parse(parser, chunks)
    longest = 0
    for i in range(len(lengths) - 1, -1, -1):
        longest = max(longest, lengths[i])
        lengths[i] = longest
    return lengths


def _check_xlsx(z: _Zip, limits: Limits) -> None:
    text = _Text(z.name, limits)
    shared_parts = z.named("xl/sharedStrings.xml")
    longest_shared = 0
    sheets: list[tuple[zipfile.ZipInfo, _QuickSheet]] = []
    for info in z.parts:
        if info in shared_parts:
            run = size = 0
            for piece in _tags(z.chunks(info)):
                size += len(piece)
                if size > 2 * limits.text_bytes:   # calamine holds every shared string, used or not
                    raise too_much_text(z.name, limits)
                pieces = _SI_END.split(piece)
                if len(pieces) == 1:
                    run += len(piece)
                else:
                    longest_shared = max(longest_shared, run + len(pieces[0]), max(map(len, pieces[1:-1]), default=0))
                    run = len(pieces[-1])
            longest_shared = max(longest_shared, run)
            continue
        quick = _QuickSheet(bool(shared_parts), limits)
        size = 0
        for piece in _tags(z.chunks(info), b"sheetData"):
            quick.feed(piece)
            size += len(piece)
        if size > limits.text_bytes:   # the XML no longer bounds its inline text: count the text itself
            text.add(sum(sum(map(len, _CHARACTERS.findall(piece))) for piece in _tags(z.chunks(info), b"sheetData")))
        if quick.any:
            sheets.append((info, quick))
    # Shared strings: cheap bound first, exact count only when the bound is too loose.
    estimate = sum(quick.shared for _, quick in sheets) * longest_shared
    exact_strings = estimate > limits.text_bytes
    shared = None
    if exact_strings:
        shared = array("Q")
        for info in shared_parts:  # two parts of that name: whichever calamine takes, the longer counts
            lengths = _shared_lengths(z.chunks(info))
            for i in range(min(len(shared), len(lengths))):
                lengths[i] = max(lengths[i], shared[i])
            if len(lengths) >= len(shared):
                shared = lengths
            else:
                shared[:len(lengths)] = lengths
    for info, quick in sheets:
        strings = exact_strings and quick.shared
        if not strings and quick.within_limits():
            continue
        if not strings:
            fast = _FastSheet(False, limits)   # wide or long, or written unusually: every cell's reference
            for piece in _tags(z.chunks(info), b"sheetData"):
                fast.feed(piece)
            if fast.exact and fast.within_limits():
                continue
        _exact_sheet(z.chunks(info), _Sheet(z.name, limits), text, shared)


# --- .ods -------------------------------------------------------------------------------------

_ODS_VALUES = ("office:value", "office:string-value", "office:date-value", "office:time-value",
               "office:boolean-value")


def _ods_count(attrs: dict, key: str) -> int:
    value = attrs.get(key)
    if value is None:
        return 1
    value = value.strip()
    if not value.isdigit():
        raise Damaged("bad repeat count")
    return int(value)


def _check_ods(z: _Zip, limits: Limits) -> None:
    """content.xml as calamine's ODS reader expands it: every table (all are read when the file opens),
    its rows and cells repeated as written, empty cells at the end of a row and empty rows at the
    end of a table not expanded."""
    for info in z.named("content.xml"):
        _exact_ods(z, info, limits)


def _exact_ods(z: _Zip, info: zipfile.ZipInfo, limits: Limits) -> None:
    """calamine's ODS reader step by step (events as ``expand_empty_elements`` gives them)."""
    total = _Sheet(z.name, limits)   # all tables: cells written, then the block built from them
    text = _Text(z.name, limits)
    parser = None
    s: dict = {"table": False, "row": None, "cell": None}

    def start(name, attrs):
        if s["cell"] is not None:
            cell = s["cell"]
            cell["depth"] += 1
            if cell["string"]:
                if name == "text:s":
                    count = _ods_count(dict(zip(attrs[::2], attrs[1::2])), "text:c")
                    cell["text"] += count
                    if cell["text"] * max(cell["repeat"], 1) > limits.text_bytes:
                        raise too_much_text(z.name, limits)
                elif name == "text:p":
                    cell["text"] += 1
            return
        if not s["table"]:
            if name == "table:table" and "table:name" in attrs[::2]:
                s.update(table=True, first=False, rows_since=0, expanded=0, width=0)
            return
        if s["row"] is None:
            if name == "table:table-row":
                repeat = _ods_count(dict(zip(attrs[::2], attrs[1::2])), "table:number-rows-repeated")
                s["row"] = {"repeat": repeat, "len": 0, "pending": 0, "filled": False, "last": 0, "text": 0}
            return
        if name not in ("table:table-cell", "table:covered-table-cell"):
            return  # calamine stops with an error here
        pairs = list(zip(attrs[::2], attrs[1::2]))
        repeat = _ods_count(dict(pairs), "table:number-columns-repeated")
        value_set = is_string = False
        formula = ""
        for key, value in pairs:                 # get_datatype: the first value attribute wins
            if key in _ODS_VALUES and not value_set:
                value_set = True
            elif key == "office:value-type" and not value_set:
                is_string = value == "string"
            elif key == "table:formula":
                formula = value
        string = is_string and not value_set
        row = s["row"]
        row["len"] += row["pending"]
        row["pending"] = 0
        if value_set or string or formula:
            row["len"] += repeat
            row["filled"] = True
            row["last"] = row["len"]
        else:
            row["pending"] = repeat
            repeat = 0
        if row["len"] > limits.cells:
            raise too_many_cells(z.name, limits)
        s["cell"] = {"depth": 1, "string": string, "repeat": repeat, "chars": 0,
                     "text": sum(len(v) for k, v in pairs if k in _ODS_VALUES or k == "table:formula")}

    def end(name):
        cell = s["cell"]
        if cell is not None:
            cell["depth"] -= 1
            closes = cell["depth"] == 0
            if cell["string"] and name in ("table:table-cell", "table:covered-table-cell") and not closes:
                raise Damaged("a cell inside a cell")   # calamine would read on from the inner one
            if closes:
                s["cell"] = None
                if cell["repeat"]:
                    size = (cell["text"] + cell["chars"]) * cell["repeat"]
                    s["row"]["text"] += size
                    text.add(size)
            return
        if not s["table"]:
            return
        row = s["row"]
        if row is not None:
            if name == "table:table-row":
                s["row"] = None
                total.extent(0, 0, row["len"])            # calamine's list of cells (and of formulas)
                if s["first"]:
                    s["rows_since"] += row["repeat"]
                if row["filled"]:
                    if not s["first"]:
                        s["first"] = True
                        s["rows_since"] = row["repeat"]
                    s["expanded"] = s["rows_since"]
                    s["width"] = max(s["width"], row["last"])
                    _Sheet(z.name, limits).extent(s["expanded"], s["width"])
                    text.add(row["text"] * max(row["repeat"] - 1, 0))
            return
        if name == "table:table":                         # the first end of a table ends it
            total.extent(0, 0, s["expanded"] * s["width"])  # the block calamine builds
            s["table"] = False

    def chars(data):   # a string cell's text, in whatever element of the cell it is written
        cell = s["cell"]
        if cell is not None and cell["string"]:
            cell["chars"] += len(data) if data.isascii() else len(data.encode())

    parser = _expat({"StartElementHandler": start, "EndElementHandler": end, "CharacterDataHandler": chars})
    parser.ordered_attributes = True
    _parse(parser, z.chunks(info))


# --- .xls -------------------------------------------------------------------------------------

_XLS_CELLS = {0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x0006}   # number, label, boolerr, rk, labelsst, formula


def _xls_records(stream: bytes, at: int) -> Iterator[tuple[int, int, int]]:
    """(type, start of data, length) of each record from ``at``."""
    end = len(stream)
    while at + 4 <= end:
        typ, length = struct.unpack_from("<HH", stream, at)
        if at + 4 + length > end:
            raise Damaged("record past the end of the stream")
        yield typ, at + 4, length
        at += 4 + length


def _xls_sst_lengths(stream: bytes, at: int, length: int, limits: Limits) -> list[int]:
    """Characters of each string of the shared string table (SST and its CONTINUE records)."""
    segments = [(at, length)]
    for typ, start, size in _xls_records(stream, at + length):
        if typ != 0x003C:
            break
        segments.append((start, size))
    if length < 8:
        raise Damaged("short SST")
    count = struct.unpack_from("<i", stream, at + 4)[0]
    if count < 0 or count > limits.cells:
        raise Damaged("SST count")
    seg, pos = 0, at + 8
    lengths: list[int] = []

    def left() -> int:
        return segments[seg][0] + segments[seg][1] - pos

    def need(n: int) -> None:
        nonlocal seg, pos
        while left() < n:
            if left() > 0 or seg + 1 >= len(segments):
                raise Damaged("SST string cut")
            seg += 1
            pos = segments[seg][0]

    def skip(n: int) -> None:
        nonlocal seg, pos
        while n > 0:
            if left() == 0:
                if seg + 1 >= len(segments):
                    raise Damaged("SST string cut")
                seg += 1
                pos = segments[seg][0]
            step = min(n, left())
            pos += step
            n -= step

    for _ in range(count):
        need(3)
        cch, flags = struct.unpack_from("<HB", stream, pos)
        pos += 3
        runs = ext = 0
        if flags & 0x8:
            need(2)
            runs = struct.unpack_from("<H", stream, pos)[0]
            pos += 2
        if flags & 0x4:
            need(4)
            ext = struct.unpack_from("<i", stream, pos)[0]
            pos += 4
        wide = flags & 0x1
        chars = cch
        while chars > 0:
            if left() == 0:
                if seg + 1 >= len(segments):
                    raise Damaged("SST string cut")
                seg += 1
                pos = segments[seg][0] + 1
                wide = stream[segments[seg][0]] & 0x1
                continue
            take = min(chars, left() // (2 if wide else 1))
            if take == 0:
                raise Damaged("SST character cut")
            pos += take * (2 if wide else 1)
            chars -= take
        skip(runs * 4 + max(ext, 0))
        lengths.append(cch)
    return lengths


def _check_xls(path: Path, limits: Limits) -> None:
    import olefile

    try:
        ole = olefile.OleFileIO(str(path))
    except Exception as exc:  # olefile raises OSError and its own errors for anything that is not OLE
        raise Damaged("not an OLE file") from exc
    try:
        names = {"/".join(entry).lower(): entry for entry in ole.listdir()}
        entry = names.get("workbook") or names.get("book")
        if entry is None:
            raise Damaged("no workbook stream")
        if ole.get_size(entry) > MAX_XLS_BYTES:
            raise ServiceError(QT_TRANSLATE_NOOP(
                "Service", "Berkas {name} tidak dapat dibaca: lembar kerja .xls lebih dari {limit} MB. Simpan sebagai "
                           ".xlsx, atau bagi menjadi beberapa berkas."), name=path.name, limit=_number(MAX_XLS_BYTES >> 20))
        stream = ole.openstream(entry).read()
    finally:
        ole.close()

    sheets: list[int] = []
    shared: list[int] = []
    for typ, start, length in _xls_records(stream, 0):
        if typ == 0x0085 and length >= 4:        # BoundSheet8: where the sheet's records start
            sheets.append(struct.unpack_from("<I", stream, start)[0])
        elif typ == 0x00FC:                      # SST
            shared = _xls_sst_lengths(stream, start, length, limits)
        elif typ == 0x000A:                      # EOF of the workbook globals
            break
    text = _Text(path.name, limits)
    for at in sheets:
        sheet = _Sheet(path.name, limits)
        for typ, start, length in _xls_records(stream, at):
            if typ == 0x000A:
                break
            if typ == 0x0200:                    # Dimensions: calamine reserves rows x columns
                if length == 14:
                    first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", stream, start)
                elif length == 10:
                    first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", stream, start)
                else:
                    continue
                if last_row >= 1 and last_col >= 1:
                    if last_row - 1 < first_row or last_col - 1 < first_col:
                        raise Damaged("dimensions")
                    _Sheet(path.name, limits).extent(last_row - first_row, last_col - first_col)
            elif typ in _XLS_CELLS and length >= 4:
                row, col = struct.unpack_from("<HH", stream, start)
                sheet.extent(row + 1, col + 1, 1)
                if typ == 0x00FD and length >= 10:  # each cell gets its own copy of the shared string
                    index = struct.unpack_from("<I", stream, start + 6)[0]
                    if index < len(shared):
                        text.add(shared[index] * 3)
                elif typ == 0x0204:
                    text.add(length * 3)
            elif typ == 0x0207:                      # String: a formula's text result
                text.add(length * 3)
            elif typ == 0x00BD and length >= 6:     # MulRk: a run of cells in one row
                row, first = struct.unpack_from("<HH", stream, start)
                last = struct.unpack_from("<H", stream, start + length - 2)[0]
                if last < first:
                    raise Damaged("MulRk")
                sheet.extent(row + 1, last + 1, last - first + 1)
