"""Peak memory of the importers on the largest files they accept (issue 24), printed as figures.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_import_memory.py

Each file of tests/memory_files.py (a parent list and BPJS's answer, as .csv, .xlsx, .xls and .ods, at
the row and cell limits and at the text limit) is imported by `lindung import` / `lindung bpjs import`
in a fresh database; the peak is the process's and its forked helpers' (ru_maxrss). Goal: < 300 MB.
"""

from __future__ import annotations

import shutil
import time

from _common import OUT, ROOT, SCHOOL, fresh_school_db

from tests import memory_files
from tests.integration.test_import_memory import run_peak

FILES = [(make, kind) for make in ("largest_list", "longest_list", "largest_answer", "longest_answer")
         for kind in memory_files.KINDS]


def main() -> None:
    folder = OUT / "memory"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    db = folder / "laptop.sqlite3"
    print("peak memory of the import (goal < 300 MB), largest accepted files:")
    for make, kind in FILES:
        path = getattr(memory_files, make)(folder, kind)
        fresh_school_db(db)
        started = time.perf_counter()
        args = (["import", str(path), "--school", SCHOOL, "--json"] if "list" in make
                else ["bpjs", "import", str(path), "--json"])
        proc, peak = run_peak(db, *args)
        outcome = "read" if proc.returncode == 0 else "refused: " + proc.stderr.strip().splitlines()[-1][:90]
        print(f"  {path.name:26} {path.stat().st_size / 1e6:6.1f} MB file  peak {peak:4.0f} MB  "
              f"{time.perf_counter() - started:5.1f} s  {outcome}")
        path.unlink()
    print(f"(files made in {folder.relative_to(ROOT)})")


if __name__ == "__main__":
    main()
