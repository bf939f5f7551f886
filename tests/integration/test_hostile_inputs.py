"""Files made to exhaust memory or crash the reader: each is refused with one Indonesian line, by a real
`lindung` process whose peak memory stays under 300 MB (issue 12).

The files are in tests/data/hostile (written by make_hostile.py there); the big ones are made here.
Each child runs with its address space capped at 3 GB, so a regression fails the test instead of
taking the machine's memory."""

from __future__ import annotations

import os
import resource
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from desktop.services import sheet_limits
from desktop.services.errors import ServiceError
from desktop.services.spreadsheets import read_table
from tests.integration.test_cli import errors

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
NPSN = "69800001"
PEAK_LIMIT_MB = 300


def _vm_hwm_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_measured(*args: str, db: Path) -> tuple[subprocess.CompletedProcess, float]:
    """`lindung --db DB ARGS` as a real process; its own peak resident memory (VmHWM, which only grows,
    read until it exits: ru_maxrss of a child would carry this test process's size across exec)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    lindung = Path(sys.executable).with_name("lindung")

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

    proc = subprocess.Popen([str(lindung), "--db", str(db), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, preexec_fn=cap)
    peak = 0.0
    deadline = time.monotonic() + 180
    while proc.poll() is None and time.monotonic() < deadline:
        hwm = _vm_hwm_mb(proc.pid)
        peak = max(peak, hwm or 0.0)
        time.sleep(0.002)
    out, err = proc.communicate(timeout=10)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), peak


@pytest.fixture(scope="module")
def school_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("hostile") / "laptop.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "school", "add", NPSN, "--name", "SD Negeri 12",
                    "--level", "SD", "--kabupaten", "Kota Pontianak"], check=True, env=env, capture_output=True)
    return db


def _lying_zip_bomb(path: Path) -> Path:
    """The zip bomb with every size field of its sheet saying 9 KB: the sizes a zip declares are only
    numbers; what its data inflates to is counted."""
    data = bytearray((HOSTILE / "zip-bomb.xlsx").read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, 9000)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    assert zipfile.ZipFile(path).getinfo(name.decode()).file_size == 9000
    return path


def _newline_flood(path: Path) -> Path:
    path.write_bytes(b"NIK;Nama\n" + b"\n" * (60 << 20))   # 60 MB: 63 million empty rows
    return path


def _wide_csv(path: Path) -> Path:
    path.write_bytes(b"NIK" + b";" * 400_000 + b"\n")  # one row of 400,001 columns
    return path


SPREADSHEETS = [
    ("xfd1048576.xlsx", lambda tmp: HOSTILE / "xfd1048576.xlsx", "lebih dari 20.000 baris"),
    ("zip-bomb.xlsx", lambda tmp: HOSTILE / "zip-bomb.xlsx", "membengkak menjadi lebih dari 256 MB"),
    ("zip-bomb-lying.xlsx", lambda tmp: _lying_zip_bomb(tmp / "zip-bomb-lying.xlsx"),
     "membengkak menjadi lebih dari 256 MB"),
    ("shared-strings.xlsx", lambda tmp: HOSTILE / "shared-strings.xlsx", "teksnya lebih dari 16 MB"),
    ("repeated.ods", lambda tmp: HOSTILE / "repeated.ods", "lebih dari 100 kolom"),
    ("far-cell.xls", lambda tmp: HOSTILE / "far-cell.xls", "lebih dari 20.000 baris"),
    ("dimensions.xls", lambda tmp: HOSTILE / "dimensions.xls", "lebih dari 20.000 baris"),
    ("newlines.csv", lambda tmp: _newline_flood(tmp / "newlines.csv"), "lebih dari 20.000 baris"),
    ("wide.csv", lambda tmp: _wide_csv(tmp / "wide.csv"), "lebih dari 100 kolom"),
]


def _assert_refused(proc: subprocess.CompletedProcess, peak: float, fragment: str, name: str) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode not in (0, None), proc.stdout[-500:]
    lines = errors(proc).strip().splitlines()   # one line, beside the no-account warning of every command
    assert len(lines) == 1, proc.stderr[-2000:]
    assert fragment in lines[0] and name in lines[0], lines[0]
    assert 0 < peak < PEAK_LIMIT_MB, f"peak {peak:.0f} MB"


@pytest.mark.parametrize("name, make, fragment", SPREADSHEETS, ids=[s[0] for s in SPREADSHEETS])
def test_import_refuses_a_hostile_spreadsheet_in_little_memory(school_db, tmp_path, name, make, fragment):
    path = make(tmp_path)
    proc, peak = run_measured("import", str(path), "--school", NPSN, db=school_db)
    print(f"{name}: peak {peak:.0f} MB, {proc.stderr.strip()}")
    _assert_refused(proc, peak, fragment, path.name)


def _many_empty_records(path: Path) -> Path:
    path.write_text("[" + ", ".join(["{}"] * (30 * 1024 * 1024 // 4)) + "]", encoding="utf-8")  # 30 MB
    return path


def _deep(path: Path) -> Path:
    path.write_text("[" * 1_000_000 + "]" * 1_000_000, encoding="utf-8")
    return path


def _many_records(path: Path) -> Path:
    path.write_text("[" + ", ".join(['{"nik": "1"}'] * 150_000) + "]", encoding="utf-8")
    return path


def _too_big(path: Path) -> Path:
    path.write_bytes(b'[{"full_name": "' + b"A" * (65 << 20) + b'"}]')
    return path


JSON_FILES = [
    ("empty-records.json", _many_empty_records, "lebih dari 4.000.000 nilai JSON"),
    ("deep.json", _deep, "bertingkat terlalu dalam"),
    ("many-records.json", _many_records, "berisi 150.000 data; paling banyak 100.000"),
    ("big.json", _too_big, "lebih dari 64 MB"),
]


@pytest.mark.parametrize("name, make, fragment", JSON_FILES, ids=[j[0] for j in JSON_FILES])
def test_enroll_refuses_a_hostile_json_file_in_little_memory(school_db, tmp_path, name, make, fragment):
    path = make(tmp_path / name)
    proc, peak = run_measured("enroll", str(path), db=school_db)
    print(f"{name}: peak {peak:.0f} MB, {proc.stderr.strip()}")
    _assert_refused(proc, peak, fragment, name if "data;" not in fragment else "")


# --- the measuring itself, in process ---------------------------------------------------------

def _workbook(path: Path, sheet_data: str, shared: str | None = None, dimension: str = "A1") -> Path:
    sys.path.insert(0, str(HOSTILE))
    try:
        import make_hostile
    finally:
        sys.path.remove(str(HOSTILE))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        make_hostile._package(zf)
        zf.writestr("xl/worksheets/sheet1.xml", make_hostile.SHEET_HEAD.format(dimension=dimension) + sheet_data
                    + make_hostile.SHEET_TAIL)
        if shared is not None:
            zf.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                                                f'2006/main">{shared}</sst>')
    return path


HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>NIK</t></is></c></row>'


@pytest.mark.parametrize("cells", [
    '<row r="2"><c r="A2" r="XFD1048576"><v>1</v></c></row>',            # calamine takes the last r
    '<row r="2"><c r="A2"r="XFD1048576"><v>1</v></c></row>',
    '<row r="2"><c r="A2"\tr="XFD1048576"><v>1</v></c></row>',
    '<row r="2"><c r="A2" r ="XFD1048576"><v>1</v></c></row>',
    '<row r="2"><c r = "XFD1048576"><v>1</v></c></row>',
    '<row r="2"><c r="xfd1048576"><v>1</v></c></row>',                     # lower case
    '<row r="2"><x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'r="XFD1048576"><x:v>1</x:v></x:c></row>',                             # a namespace prefix
    '<row r="1048576"><c><v>1</v></c></row>',                              # no r: the row's number
    '<row r="2"><c r="A2"><v>1</v></c>' + "<c><v>1</v></c>" * 120 + "</row>",  # no r: one after another
    "<row><c><v>1</v></c></row>" * 20_001,                                 # rows without a number
], ids=["two-r", "two-r-no-space", "two-r-tab", "two-r-spaced", "r-spaced", "lower-case", "prefix",
        "row-number", "implicit-columns", "implicit-rows"])
def test_a_cell_placed_far_away_in_any_way_calamine_reads_is_refused(tmp_path, cells):
    path = _workbook(tmp_path / "jauh.xlsx", HEADER + cells)
    with pytest.raises(ServiceError) as refused:
        read_table(path)
    assert refused.value.message.startswith("Berkas jauh.xlsx tidak dapat dibaca:")


def test_what_calamine_keeps_no_cell_for_does_not_count(tmp_path):
    """An empty styled cell far away (calamine keeps no empty cell) and a <dimension> that is only a
    claim: the list is read."""
    path = _workbook(tmp_path / "ok.xlsx", HEADER + '<row r="1048576"><c r="XFD1048576" s="1"/></row>')
    assert read_table(path).rows == [["NIK"]]
    path = _workbook(tmp_path / "dim.xlsx", HEADER, dimension="A1:XFD1048576")
    assert read_table(path).rows == [["NIK"]]


def test_shared_strings_are_counted_as_each_cell_copies_them(tmp_path):
    # 300 cells sharing a 1 MB string hold 300 MB: refused; 10 of them hold 10 MB: read.
    import random

    text = "".join(random.Random(5).choices("abcdefghijklmnopqrstuvwxyz ", k=1 << 20))  # packs like text
    long = "<si><t>" + text + "</t></si>"
    many = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>1</v></c></row>' for r in range(2, 302))
    with pytest.raises(ServiceError) as refused:
        read_table(_workbook(tmp_path / "banyak.xlsx", HEADER + many, "<si><t>NIK</t></si>" + long))
    assert "teksnya lebih dari 16 MB" in refused.value.message
    few = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>1</v></c></row>' for r in range(2, 12))
    table = read_table(_workbook(tmp_path / "sedikit.xlsx", HEADER + few, "<si><t>NIK</t></si>" + long))
    assert len(table.rows) == 11 and len(table.rows[1][0]) == 1 << 20


def test_a_zip_that_shows_two_directories_is_refused(tmp_path):
    path = _workbook(tmp_path / "ganda.xlsx", HEADER)
    data = path.read_bytes()
    path.write_bytes(data[:-2] + struct.pack("<H", 22) + data[-22:])   # a second directory in the comment
    with pytest.raises(ServiceError) as refused:
        read_table(path)
    assert "bukan lembar kerja yang utuh" in refused.value.message


def test_a_real_list_is_far_inside_the_limits(tmp_path):
    from desktop.services.demo import make_parent_rows
    from desktop.services.importing import _column_specs
    from desktop.services.spreadsheets import write_workbook
    from desktop.services.workspace import Workspace

    ws = Workspace(tmp_path / "scratch.sqlite3")
    path = tmp_path / "ortu.xlsx"
    write_workbook(path, _column_specs(False), make_parent_rows(ws, 2000, seed=3))
    ws.close()
    sheet_limits.check(path)
    assert len(read_table(path).rows) == 2001


def test_a_wide_export_reads_and_a_too_wide_one_is_refused(tmp_path):
    """Dapodik exports carry some 65 columns: past the quick check's A:AX, each reference is read."""
    import openpyxl

    for columns, refused in ((65, False), (101, True)):
        wb = openpyxl.Workbook()
        for r in range(3):
            wb.active.append([f"r{r}c{c}" for c in range(columns)])
        path = tmp_path / f"lebar-{columns}.xlsx"
        wb.save(path)
        if refused:
            with pytest.raises(ServiceError) as error:
                read_table(path)
            assert "lebih dari 100 kolom" in error.value.message
        else:
            assert [len(row) for row in read_table(path).rows] == [columns] * 3
