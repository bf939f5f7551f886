"""Speed goal of the school import (issues 3, 18 and 27), printed as figures.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_import.py [--rows 10000] [--runs 3]

- the window's path (issue 27): a 10,000-row .xlsx parent list read, checked and saved through the real
  ``ImportDialog`` on its database worker thread, a QApplication and the GUI thread's event loop alive
  (``_window.py``): preview + save <= 5 times python-calamine reading the same file in the same process,
  measured in this run (medians of ``--runs``, alternating, with the load average: the ratio is what
  to compare between machines). The window, ``lindung import`` and Windows all take this one path;
- the whole command ``lindung import`` (start-up included) beside calamine reading the same file in a
  process of its own (issue 18: <= 5 times), and the command's start (a one-row list, ``--dry-run``)
  beside ``python -c "import sqlcipher3"``: <= 0.35 s;
- memory must not grow with the file beyond the rows themselves (peak RSS printed for 10k rows and
  for the largest list accepted, 19,999 rows; benchmarks/bench_import_memory.py for every kind of file).

Notes from earlier measurements (a 10,000-row list, this machine): the cyclic garbage collector ran
hundreds of times while the rows were built, 0.17 s (16 %) before ``workspace.bulk_work`` paused it;
calamine's rows given out through a Python generator that handles merged cells cost 0.07 s more than
calamine's own iterator, which a sheet without merged cells now uses; measuring the file before
calamine reads it (``sheet_limits``) is 0.08-0.12 s, its quick scan and its exact scan of the cell
references about 0.1 s each; calamine reads the list in about 0.2 s where openpyxl takes about 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from _common import (OUT, ROOT, SCHOOL, compare, fresh_school_db, print_stages, run_timed, time_import,
                     time_import_command)
from _window import time_import_in_window

RSS_CHILD = r"""
import sys
from pathlib import Path

def peak_mb():  # VmHWM: this process's own peak (ru_maxrss would carry the parent's across fork+exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

from desktop.services.workspace import Workspace
from desktop.services.importing import read_import, commit_import
from desktop.services.accounts import SYSTEM
ws = Workspace(Path(sys.argv[1]))
base = peak_mb()
preview = read_import(ws, Path(sys.argv[2]), school_npsn="69800001")
commit_import(ws, preview, SYSTEM)
print(base, peak_mb())
"""


def parent_list(rows: int) -> Path:
    from desktop.services.demo import make_parent_rows
    from desktop.services.importing import _column_specs
    from desktop.services.spreadsheets import write_workbook
    from desktop.services.workspace import Workspace

    path = OUT / f"parents-{rows}.xlsx"
    if not path.exists():
        ws = Workspace(OUT / "scratch.sqlite3")
        write_workbook(path, _column_specs(False), make_parent_rows(ws, rows, seed=3))
        ws.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    source = parent_list(args.rows)
    db = OUT / "import-target.sqlite3"

    last = time_import_in_window(source, db, args.runs)
    assert last["accepted"] == args.rows, last["accepted"]
    stages, _preview, result = time_import(source, db, args.runs)
    assert result.accepted == args.rows, result.accepted
    print(f"import of {source.name} ({args.rows:,} rows), {args.runs} runs, in process, no window:")
    print_stages(stages)
    time_import_command(source, db, args.runs)
    one = parent_list(1)
    fresh_school_db(db)
    compare(f"the command's start (`lindung import {one.name} --dry-run`, one row)",
            lambda: run_timed([sys.executable, "-m", "desktop", "--db", str(db), "import", str(one), "--school",
                               SCHOOL, "--dry-run", "--json"]),
            "python -c \"import sqlcipher3\"", lambda: run_timed([sys.executable, "-c", "import sqlcipher3"]),
            args.runs, goal_seconds=0.35)

    from desktop.services.sheet_limits import LIST

    for rows in (args.rows, LIST.rows - 1):   # the largest list accepted: its header and 19,999 parents
        fresh_school_db(db)
        proc = subprocess.run([sys.executable, "-c", RSS_CHILD, str(db), str(parent_list(rows))], cwd=ROOT,
                              capture_output=True, text=True, env={**os.environ})
        if proc.returncode != 0:
            raise SystemExit(proc.stderr)
        base, peak = (float(x) for x in proc.stdout.split())
        print(f"  peak memory importing {rows:,} rows: {peak:.0f} MB (after start-up {base:.0f} MB, "
              f"{(peak - base) * 1024 / rows:.1f} kB a row)")


if __name__ == "__main__":
    main()
