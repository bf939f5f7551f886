"""Speed goal of the school import (issue 3), printed as figures.

    .venv/bin/python benchmarks/bench_import.py [--rows 10000]

- a 10,000-row .xlsx parent list validated and committed by ``lindung import``: <= 1.0 s of import
  work (reading, checking, committing); the whole command, start-up included, <= 5 times calamine
  reading the same file in a process of its own (issue 18), both measured in this run (medians of
  ``--runs``, alternating, with the load average: the ratio is what to compare between machines);
- memory must not grow with the file beyond the rows themselves (peak RSS printed for 10k rows and
  for the largest list accepted, 19,999 rows; benchmarks/bench_import_memory.py for every kind of file).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from _common import OUT, ROOT, fresh_school_db, print_stages, time_import, time_import_command

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

    stages, _preview, result = time_import(source, db, args.runs)
    assert result.accepted == args.rows, result.accepted
    print(f"import of {source.name} ({args.rows:,} rows), {args.runs} runs, in process:")
    print_stages(stages)
    time_import_command(source, db, args.runs)

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
