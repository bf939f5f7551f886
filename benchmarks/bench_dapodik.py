"""Speed goal of the Dapodik import (issue 14), printed as figures.

    .venv/bin/python benchmarks/bench_dapodik.py [--pupils 1000] [--runs 5]

A 1,000-pupil "Daftar Peserta Didik" export (about 2,000 parents and guardians, laid out as Dapodik
writes it: merged two-row header, 66 columns) read, checked and committed: <= 1.0 s of import work.
Also printed: the whole ``lindung import --json`` command, start-up included.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))

NPSN = "69800001"


def fresh_db(path: Path) -> None:
    from desktop.services.schools import add_school
    from desktop.services.workspace import Workspace

    for suffix in ("", "-wal", "-shm", ".key"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    ws = Workspace(path)
    add_school(ws, NPSN, "SD Negeri 12 Pontianak", "SD", "6171")
    ws.close()


def export(pupils: int) -> Path:
    from desktop.services.workspace import Workspace
    from tests.dapodik import make_pupils, write_dapodik_xlsx

    path = OUT / f"dapodik-{pupils}.xlsx"
    if not path.exists():
        ws = Workspace(OUT / "scratch.sqlite3")
        write_dapodik_xlsx(path, make_pupils(ws.regions, pupils, seed=5))
        ws.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pupils", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    source = export(args.pupils)
    db = OUT / "dapodik-target.sqlite3"

    from desktop.services.accounts import SYSTEM
    from desktop.services.importing import commit_import, read_import
    from desktop.services.spreadsheets import read_table
    from desktop.services.workspace import Workspace

    stages: dict[str, list[float]] = {"read file": [], "read + check": [], "commit": [], "import work": []}
    people = accepted = 0
    for _ in range(args.runs):
        fresh_db(db)
        ws = Workspace(db)
        t = time.perf_counter()
        read_table(source)
        stages["read file"].append(time.perf_counter() - t)
        t = time.perf_counter()
        preview = read_import(ws, source, school_npsn=NPSN)
        checked = time.perf_counter() - t
        t = time.perf_counter()
        result = commit_import(ws, preview, SYSTEM)
        committed = time.perf_counter() - t
        people, accepted = len(preview.rows), result.accepted
        stages["read + check"].append(checked)
        stages["commit"].append(committed)
        stages["import work"].append(checked + committed)
        ws.close()
    print(f"import of {source.name} ({args.pupils:,} pupils, {people:,} people, {accepted:,} enrolled), "
          f"{args.runs} runs, in process:")
    for name, values in stages.items():
        print(f"  {name:<13} median {statistics.median(values):.3f} s   worst {max(values):.3f} s")

    whole = []
    for _ in range(args.runs):
        fresh_db(db)
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "import", str(source),
                               "--school", NPSN, "--json"], cwd=ROOT, capture_output=True, text=True)
        whole.append(time.perf_counter() - t)
        if proc.returncode != 0:
            raise SystemExit(proc.stderr)
    print(f"  whole command `lindung import` median {statistics.median(whole):.2f} s   worst {max(whole):.2f} s")


if __name__ == "__main__":
    main()
