"""Syncing killed at random points, many times, against the real hub: the laptop's database stays
whole and keeps every acknowledged record, and one clean sync afterwards brings both sides level
(nothing sent twice, nothing missing, the audit chain accepted)."""

import random

from tests.hub.test_audit import hub_audit
from tests.hub.test_sync import laptop, listed, run, sync
from tests.integration.test_crash_random import (
    ROUNDS,
    acknowledged_and_chained,
    run_and_kill,
)
from tests.rawdb import connect


def check_whole(db, acknowledged: set[str]) -> None:
    """Integrity and indexes (pulled records have no local creation, so not check_consistent), then
    every acknowledged record and the audit chain."""
    connection = connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.execute("INSERT INTO workers_fts(workers_fts) VALUES ('integrity-check')")
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        workers = connection.execute("SELECT count(*) FROM workers").fetchone()[0]
        assert connection.execute("SELECT count(*) FROM workers_fts").fetchone()[0] == workers
    finally:
        connection.close()
    acknowledged_and_chained(db, acknowledged)


def test_sync_killed_at_random_points(sqlite_hub, tmp_path):
    hub, rng = sqlite_hub, random.Random(63)
    other = laptop(tmp_path, "ketapang", hub, workers=1500, seed=9)
    sync(other)                                        # records for the laptop below to pull
    a = laptop(tmp_path, "sambas", hub)
    acknowledged: set[str] = set()
    kills = synced = 0
    for _ in range(ROUNDS):
        batches, killed = run_and_kill("sync", a, [str(rng.randrange(1 << 30))], rng, tmp_path / "out.txt",
                                       (1.0, 6.0), acks=(0, 2), after=(0.0, 1.5))
        kills += killed
        synced += (tmp_path / "out.txt").read_text().count("SYNCED\n")
        acknowledged.update(n for batch in batches for n in batch)
        check_whole(a, acknowledged)
    print(f"sync: {kills} kills in {ROUNDS} rounds, {synced} syncs finished, {len(acknowledged)} acknowledged")
    assert kills >= ROUNDS // 2

    proc = run(a, "sync")
    assert proc.returncode == 0 and "ditolak" not in proc.stderr, proc.stderr
    here = {r["registration_no"] for r in listed(a).values()}
    at_hub = [r["registration_no"] for r in hub.records()]
    assert len(at_hub) == len(set(at_hub))            # nothing stored twice by a resend
    assert set(at_hub) == here and acknowledged <= here
    prefix = _prefix(a)
    assert len(here) == 1500 + len({n for n in here if n.startswith(prefix)})
    assert hub_audit(hub, "--verify")["broken"] == []


def _prefix(db) -> str:
    from desktop.services.workspace import Workspace

    ws = Workspace(db)
    try:
        return ws.device.prefix
    finally:
        ws.close()
