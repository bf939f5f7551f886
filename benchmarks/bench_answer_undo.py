"""Speed goal of taking back a BPJS answer applied by mistake (issue 25), printed as figures.

    .venv/bin/python benchmarks/bench_answer_undo.py [--records 10000] [--runs 3]

- a 10,000-row answer undone (an ``answer_undone`` event appended to every record it activated or
  refused, in one transaction, audited) <= 2 s;
- the list of applied answers read (from the records' events) — printed, for the window that shows it.
Each run starts from a copy of one database of N enrolled workers, submitted and answered (not timed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time

from _common import OUT
from bench_membership import answer_file, base_db, copy_db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from desktop.services import membership
    from desktop.services.accounts import SYSTEM
    from desktop.services.workspace import Workspace

    source = base_db(args.records)
    answer = OUT / f"undo-answer-{args.records}.xlsx"
    undo_times, list_times = [], []
    for run in range(args.runs):
        db = copy_db(source, OUT / "undo-run.sqlite3")
        ws = Workspace(db, today=dt.date(2026, 12, 1))
        out = OUT / "undo-export.xlsx"
        membership.export_submission(ws, out, SYSTEM, months=12)
        if run == 0 or not answer.exists():
            answer_file(out, answer)
        applied = membership.import_answer(ws, answer, SYSTEM)
        assert applied.activated + applied.refused == args.records, applied.to_json()
        start = time.perf_counter()
        listed = membership.applied_answers(ws, SYSTEM)
        list_times.append(time.perf_counter() - start)
        assert [a.answer for a in listed] == [applied.answer]
        start = time.perf_counter()
        undone = membership.undo_answer(ws, applied.answer, SYSTEM, reason="benchmark")
        undo_times.append(time.perf_counter() - start)
        assert undone.records == args.records and undone.by_status == {"submitted": args.records}, undone.to_json()
        ws.close()
    for label, times, goal in (("BPJS answer of %d rows undone" % args.records, undo_times, 2.0),
                               ("applied answers listed (%d records)" % args.records, list_times, 2.0)):
        median = statistics.median(times)
        print(f"{label}: median {median:.2f} s over {len(times)} runs "
              f"(min {min(times):.2f}, max {max(times):.2f}) — goal <= {goal:.1f} s: "
              f"{'met' if median <= goal else 'NOT met'}")
    print("load average (1, 5, 15 min): %.2f %.2f %.2f on %d cores" % (*os.getloadavg(), os.cpu_count() or 0))


if __name__ == "__main__":
    main()
