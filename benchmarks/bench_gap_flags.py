"""The worker list's coverage-gap marks (issue 30): what ``claims.gap_flags_of`` adds to a page of the list
on a database of N workers, every one active (submitted, paid, answered), a tenth of them ending within
30 days, against judging every worker (``claims.gap_flags``, what the list does NOT do).

    .venv/bin/python benchmarks/bench_gap_flags.py [--records 20000] [--runs 5]

Figures, 7 December 2026, 20,000 workers, a 200-row page (load average 3.4 on 2 shared cores): the page's
search 7.6 ms, the gap flags of the page 17.2 ms (26 flagged), every worker judged 1214 ms (2,000 flagged).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

from _common import OUT

TODAY = dt.date(2026, 11, 24)
ANSWER = "0123456789abcdef0123456789abcdef"


def base_db(records: int) -> Path:
    from desktop.services.accounts import SYSTEM
    from desktop.services.demo import add_demo_workers
    from desktop.services.membership import events as membership_events
    from desktop.services.workspace import Workspace

    path = OUT / f"gaps-{records}.sqlite3"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    for suffix in ("", ".key", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    ws = Workspace(tmp, today=TODAY)
    add_demo_workers(ws, records, SYSTEM, seed=30)
    with ws.write() as tx:
        ids = tx.column("SELECT id FROM workers ORDER BY id")
        for n, kind in enumerate(("submitted", "paid", "activated")):
            events = {}
            for i, wid in enumerate(ids):
                months = 11 if i % 10 == 0 else 12          # a tenth end on 30-11-2026: flagged
                event = {"submitted": {"type": "submitted", "batch": "AJ-ABCDEF-0001", "months": months, "income": 1_000_000},
                         "paid": {"type": "paid", "payment": "BY-ABCDEF-0001", "months": months, "amount": 16_800 * months},
                         "activated": {"type": "activated", "kpj": f"26{i:09d}", "start": "2026-01-01", "answer": ANSWER}}[kind]
                event.update(at=f"2026-0{n + 1}-01T08:00:00Z", by="admin")
                events[wid] = event
            membership_events._append(tx, ws, SYSTEM, events, dt.datetime(2026, n + 1, 1, 8))
    ws.close()
    Path(str(tmp) + ".key").replace(Path(str(path) + ".key"))
    tmp.replace(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from desktop.services import claims, search
    from desktop.services.accounts import SYSTEM
    from desktop.services.search import SearchQuery
    from desktop.services.workspace import Workspace

    ws = Workspace(base_db(args.records), today=TODAY)
    page = search.search(ws, SearchQuery(today=TODAY))
    ids = [row.id for row in page.rows]
    times = {"search page": [], "gap flags of the page": [], "gap flags of every worker": []}
    for _ in range(args.runs):
        t = time.perf_counter()
        search.search(ws, SearchQuery(today=TODAY))
        times["search page"].append(time.perf_counter() - t)
        t = time.perf_counter()
        flagged = claims.gap_flags_of(ws, SYSTEM, ids)
        times["gap flags of the page"].append(time.perf_counter() - t)
    t = time.perf_counter()
    every = claims.gap_flags(ws, SYSTEM)
    times["gap flags of every worker"].append(time.perf_counter() - t)
    print(f"{args.records} workers, a page of {len(ids)} rows: {len(flagged)} flagged on the page, {len(every)} in all")
    for name, values in times.items():
        print(f"  {name}: median {statistics.median(values) * 1000:.1f} ms (runs {len(values)})")
    ws.close()


if __name__ == "__main__":
    main()
