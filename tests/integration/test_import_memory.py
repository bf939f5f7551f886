"""The importers' memory is bounded (issue 24): the largest file of each kind that `lindung import` (a
parent list) and `lindung bpjs import` (BPJS's answer) accept is imported by a real process whose
peak resident memory, with the helpers it forks, stays under 300 MB; a file just past a limit, and the
files that went to 400-1,700 MB before, are refused with one Indonesian line saying the limit.

The files (tests/memory_files.py) are made once for the module, in a few seconds each."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services.sheet_limits import ANSWER, LIST
from tests import memory_files
from tests.integration.test_cli import errors

NPSN = "69800001"
PEAK_LIMIT_MB = 300

# The command runs under a small wrapper that reports its children's peak (ru_maxrss of the command
# and of the processes it forked and waited for): the wrapper is a few MB, so no size of this test
# process is carried into the figure.
_WRAPPER = ("import resource, subprocess, sys\n"
            "proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
            "sys.stdout.write(proc.stdout)\nsys.stderr.write(proc.stderr)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(proc.returncode)\n")


def run_peak(db: Path, *args: str) -> tuple[subprocess.CompletedProcess, float]:
    """`lindung ARGS` on ``db`` as a real process: what it said, and its peak memory in MB."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    env["LINDUNG_DB"] = str(db)
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, sys.executable, "-m", "desktop", *args],
                          capture_output=True, text=True, env=env, timeout=300)
    *said, peak = proc.stderr.rstrip("\n").split("\n")
    proc.stderr = "".join(line + "\n" for line in said)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    return proc, int(peak) / 1024


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("memori")


@pytest.fixture(scope="module")
def school_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("laptop") / "laptop.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "school", "add", NPSN, "--name", "SD Negeri 12",
                    "--level", "SD", "--kabupaten", "Kota Pontianak"], check=True, env=env, capture_output=True)
    return db


@pytest.fixture
def db(school_db, tmp_path) -> Path:
    """A copy of the laptop with the school: each import starts from the same empty list."""
    copy = tmp_path / "laptop.sqlite3"
    for suffix in ("", ".key"):
        if Path(str(school_db) + suffix).exists():
            shutil.copy(str(school_db) + suffix, str(copy) + suffix)
    return copy


def _rows(path: Path) -> int:
    from desktop.services.spreadsheets import read_rows

    return sum(1 for _ in read_rows(path, ANSWER))


# Each kind at the row and cell limits; at the text limit, the kinds whose text costs most (a CSV list is
# held whole as Python strings; calamine holds an answer's text while its rows are given out).
LISTS = [("largest_list", kind) for kind in memory_files.KINDS] + [("longest_list", kind) for kind in ("csv", "xlsx")]
ANSWERS = [("largest_answer", kind) for kind in memory_files.KINDS] + [("longest_answer", "xlsx")]


@pytest.mark.parametrize("make, kind", LISTS, ids=[f"{m}.{k}" for m, k in LISTS])
def test_the_largest_parent_list_of_each_kind_imports_under_300_mb(files, db, make, kind):
    path = getattr(memory_files, make)(files, kind)
    proc, peak = run_peak(db, "import", str(path), "--school", NPSN, "--json")
    assert proc.returncode == 0, errors(proc)
    summary = json.loads(proc.stdout)
    assert summary["accepted"] >= 9_999 and not summary["rejected"], summary["rejected"][:3]
    assert peak < PEAK_LIMIT_MB, f"{path.name}: peak {peak:.0f} MB"


@pytest.mark.parametrize("make, kind", ANSWERS, ids=[f"{m}.{k}" for m, k in ANSWERS])
def test_the_largest_bpjs_answer_of_each_kind_imports_under_300_mb(files, db, make, kind):
    path = getattr(memory_files, make)(files, kind)
    proc, peak = run_peak(db, "bpjs", "import", str(path), "--json")
    assert proc.returncode == 0, errors(proc)
    unknown = json.loads(proc.stdout)["unknown"]
    assert len(unknown) == _rows(path) - 1 >= 29_999            # every row read (none of them is ours)
    assert peak < PEAK_LIMIT_MB, f"{path.name}: peak {peak:.0f} MB"


def _too_many_rows(folder: Path, limits, name: str) -> Path:
    rows = memory_files.answer_rows(limits.rows + 2, 6)          # the header and limit + 1 rows
    return memory_files.write_csv(folder / name, rows)


def _too_many_cells(folder: Path) -> Path:
    """100 columns (the most a list may have) on 6,001 rows: 600,100 cells."""
    path = folder / "ortu-lebar.csv"
    with open(path, "w") as f:
        f.write(";".join(["NIK", "Nama Lengkap"] + [f"K{i}" for i in range(98)]) + "\n")
        f.write((";".join(["12"] * 100) + "\n") * 6_000)
    return path


def _cells_of_the_issue(folder: Path) -> Path:
    """The CSV of issue 24: 15 MB, 4.99 million cells (16,600 rows of 300), 447 MB to import before."""
    path = folder / "sel.csv"
    with open(path, "w") as f:
        f.write(";".join(["NIK", "Nama Lengkap"] + [f"K{i}" for i in range(298)]) + "\n")
        f.write((";".join(["12"] * 300) + "\n") * 16_599)
    return path


def _text_of_the_issue(folder: Path, header: list[str]) -> Path:
    """60 MB of text in 96,000 rows, a wide character in each field: 1.7 GB to import before."""
    path = folder / "teks.csv"
    line = (";".join(["x" * 58 + memory_files.WIDE] * 10) + "\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write(";".join(header + [f"K{i}" for i in range(10 - len(header))]) + "\n")
        f.write(line * ((60 << 20) // len(line.encode())))
    return path


REFUSED = [
    ("import", lambda d: _too_many_rows(d, LIST, "ortu-panjang.csv"), "lebih dari 20.000 baris"),
    ("import", _too_many_cells, "lebih dari 600.000 sel"),
    ("import", _cells_of_the_issue, "lebih dari 100 kolom"),
    ("import", lambda d: _text_of_the_issue(d, ["NIK", "Nama Lengkap"]), "lebih dari 20.000 baris"),
    ("bpjs import", lambda d: _too_many_rows(d, ANSWER, "jawaban-panjang.csv"), "lebih dari 100.000 baris"),
    ("bpjs import", lambda d: _text_of_the_issue(d, memory_files.ANSWER_HEADER), "teksnya lebih dari 24 MB"),
]


@pytest.mark.parametrize("command, make, fragment", REFUSED,
                         ids=["list-rows", "list-cells", "issue-cells", "issue-text", "answer-rows", "answer-text"])
def test_a_file_past_a_limit_is_refused_with_the_limit_and_what_to_do(files, db, tmp_path, command, make, fragment):
    path = make(tmp_path)
    args = [*command.split(), str(path)] + (["--school", NPSN] if command == "import" else [])
    proc, peak = run_peak(db, *args)
    assert proc.returncode != 0
    said = errors(proc).strip().splitlines()
    assert len(said) == 1 and path.name in said[0] and fragment in said[0], said
    assert "Bagi menjadi beberapa berkas" in said[0] or "Hapus kolom" in said[0]
    assert peak < PEAK_LIMIT_MB, f"{path.name}: peak {peak:.0f} MB"
