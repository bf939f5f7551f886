"""Speed goal of the Dapodik import (issue 14), printed as figures.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_dapodik.py [--pupils 1000] [--runs 3]

A 1,000-pupil "Daftar Peserta Didik" export (about 2,000 parents and guardians, laid out as Dapodik
writes it: merged two-row header, 66 columns) read, checked and committed: <= 1.0 s of import work,
printed first the way the window runs it (the real ``ImportDialog`` on its worker thread, a
QApplication alive: ``_window.py``) beside python-calamine reading the same file in the same process,
then in process without a window. Also printed: the whole ``lindung import --json`` command, start-up
included, beside calamine reading the same file (no ratio goal for this file; issue 18's and 27's is
the 10,000-row list of bench_import.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _common import OUT, print_stages, time_import, time_import_command
from _window import time_import_in_window


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
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    source = export(args.pupils)
    db = OUT / "dapodik-target.sqlite3"
    last = time_import_in_window(source, db, args.runs, goal_ratio=None)
    print(f"  goal ≤ 1.0 s of import work in the window: {'met' if last['median'] <= 1.0 else 'NOT met'} "
          f"(median {last['median']:.3f} s)")
    stages, preview, result = time_import(source, db, args.runs)
    print(f"import of {source.name} ({args.pupils:,} pupils, {len(preview.rows):,} people, {result.accepted:,} "
          f"enrolled), {args.runs} runs, in process:")
    print_stages(stages)
    time_import_command(source, db, args.runs, goal_ratio=None)


if __name__ == "__main__":
    main()
