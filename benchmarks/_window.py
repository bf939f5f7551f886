"""The import as the window runs it, beside its floor, for bench_import.py and bench_dapodik.py.

In this process, a QApplication alive (offscreen), the real ``ImportDialog`` on the GUI thread: the file
is read and checked on the window's database worker thread (``DbWorker``) with the progress, the rows
shown as they are checked and the cancel button wired, then saved there the way the commit button
saves it; each step timed from the click to the answer on the screen (``preview_shown``,
``committed``), the GUI thread's event loop running throughout. The floor is python-calamine reading
the same file (open, parse the first sheet, its rows as Python values) in this same process, its runs
alternating with the window's so that both see the same load.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from _common import SCHOOL, fresh_school_db


def _calamine(source: Path) -> float:
    from python_calamine import CalamineWorkbook

    started = time.perf_counter()
    CalamineWorkbook.from_path(str(source)).get_sheet_by_index(0).to_python()
    return time.perf_counter() - started


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _wait(dialog, signal, start) -> tuple[float, object]:
    """Seconds from ``start()`` until ``signal`` is emitted, the event loop running meanwhile; its value.
    The dialog's ``failed`` stops the benchmark with the dialog's message."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    got: list = []
    failed: list = []

    def done(*args):
        got.append(args[0] if args else None)
        loop.quit()

    def refused(message):
        failed.append(message)
        loop.quit()

    signal.connect(done)
    dialog.failed.connect(refused)
    started = time.perf_counter()
    start()
    if not got and not failed:
        loop.exec()
    elapsed = time.perf_counter() - started
    signal.disconnect(done)
    dialog.failed.disconnect(refused)
    if failed:
        raise SystemExit(f"the import failed: {failed[0]}")
    return elapsed, got[0]


def window_run(source: Path, db: Path) -> dict[str, float | object]:
    """One import of ``source`` into a fresh database through the window: seconds of the preview (read and
    check), of the save, their sum; the preview and how many were enrolled."""
    from desktop.gui.import_dialog import ImportDialog
    from desktop.gui.worker import DbWorker
    from desktop.services.accounts import SYSTEM
    from desktop.services.schools import list_schools
    from desktop.services.workspace import Workspace

    _app()
    fresh_school_db(db)
    ws = Workspace(db)
    worker = DbWorker()
    dialog = ImportDialog(ws, worker, SYSTEM, list_schools(ws), default_school=SCHOOL)
    dialog.show()
    try:
        preview_s, preview = _wait(dialog, dialog.preview_shown, lambda: dialog.load(source))
        save_s, accepted = _wait(dialog, dialog.committed, dialog.commit)
    finally:
        dialog.close()
        dialog.deleteLater()
        worker.shutdown()
        ws.close()
    return {"preview": preview_s, "save": save_s, "import work": preview_s + save_s, "rows": preview,
            "accepted": accepted}


def time_import_in_window(source: Path, db: Path, runs: int, goal_ratio: float | None = 5) -> dict:
    """``runs`` window imports of ``source`` alternating with the floor; prints the medians, the ratio and
    its goal beside the load average; returns the last run, with the median import work (``median``)."""
    window_run(source, db)           # untimed: what the first import loads on first use, the page cache
    _calamine(source)
    load = os.getloadavg()[0]
    floor: list[float] = []
    stages: dict[str, list[float]] = {"preview": [], "save": [], "import work": []}
    last: dict = {}
    for _ in range(runs):
        floor.append(_calamine(source))
        last = window_run(source, db)
        for name in stages:
            stages[name].append(last[name])
    bottom = statistics.median(floor)
    work = statistics.median(stages["import work"])
    ratio = work / bottom
    print(f"the window's path (in process, QApplication and GUI thread alive, the ImportDialog on the "
          f"DbWorker thread), {runs} runs:")
    for name, values in stages.items():
        print(f"  {name:<12} median {statistics.median(values):.3f} s   worst {max(values):.3f} s")
    print(f"  floor in the same run, python-calamine reading the same file in this process: median {bottom:.3f} s "
          f"({', '.join(f'{x:.3f}' for x in floor)})")
    goal = (f"; goal ≤ {goal_ratio:g}: {'met' if ratio <= goal_ratio else 'NOT met'}" if goal_ratio is not None
            else "")
    print(f"  ratio {ratio:.1f}{goal}; load average {load:.2f} before, {os.getloadavg()[0]:.2f} after (2 cores: "
          "above 1 the machine is shared)")
    return {**last, "median": work}
