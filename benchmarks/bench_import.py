"""Speed goal of the school import (issue 3), printed as figures.

    .venv/bin/python benchmarks/bench_import.py [--rows 10000]

- a 10,000-row .xlsx parent list validated and committed by ``lindung import``: <= 1.0 s of import
  work (reading, checking, committing), <= 2.5 s for the whole command including start-up;
- memory must not grow with the file beyond the rows themselves (peak RSS printed for 10k and 50k rows).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))

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


def fresh_db(path: Path) -> None:
    from desktop.services.schools import add_school
    from desktop.services.workspace import Workspace

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    ws = Workspace(path)
    add_school(ws, "69800001", "SD Negeri 12 Pontianak", "SD", "6171")
    ws.close()


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
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    source = parent_list(args.rows)
    db = OUT / "import-target.sqlite3"

    from desktop.services.accounts import SYSTEM
    from desktop.services.importing import commit_import, read_import
    from desktop.services.spreadsheets import read_table
    from desktop.services.workspace import Workspace

    stages: dict[str, list[float]] = {"read file": [], "read + check": [], "commit": [], "import work": []}
    for _ in range(args.runs):
        fresh_db(db)
        ws = Workspace(db)
        t = time.perf_counter()
        read_table(source)
        stages["read file"].append(time.perf_counter() - t)
        t = time.perf_counter()
        preview = read_import(ws, source, school_npsn="69800001")
        checked = time.perf_counter() - t
        t = time.perf_counter()
        result = commit_import(ws, preview, SYSTEM)
        committed = time.perf_counter() - t
        assert result.accepted == args.rows, result.accepted
        stages["read + check"].append(checked)
        stages["commit"].append(committed)
        stages["import work"].append(checked + committed)
        ws.close()
    print(f"import of {source.name} ({args.rows:,} rows), {args.runs} runs, in process:")
    for name, values in stages.items():
        print(f"  {name:<13} median {statistics.median(values):.3f} s   worst {max(values):.3f} s")

    whole = []
    for _ in range(args.runs):
        fresh_db(db)
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "import", str(source),
                               "--school", "69800001", "--json"], cwd=ROOT, capture_output=True, text=True)
        whole.append(time.perf_counter() - t)
        if proc.returncode != 0:
            raise SystemExit(proc.stderr)
    print(f"  whole command `lindung import` median {statistics.median(whole):.2f} s   worst {max(whole):.2f} s")

    for rows in (args.rows, args.rows * 5):
        fresh_db(db)
        proc = subprocess.run([sys.executable, "-c", RSS_CHILD, str(db), str(parent_list(rows))], cwd=ROOT,
                              capture_output=True, text=True, env={**os.environ})
        if proc.returncode != 0:
            raise SystemExit(proc.stderr)
        base, peak = (float(x) for x in proc.stdout.split())
        print(f"  peak memory importing {rows:,} rows: {peak:.0f} MB (after start-up {base:.0f} MB, "
              f"{(peak - base) * 1024 / rows:.1f} kB a row)")


if __name__ == "__main__":
    main()
