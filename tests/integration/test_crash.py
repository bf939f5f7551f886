"""A killed process (or a pulled plug) leaves the whole record or none, never half of one."""

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from tests.rawdb import connect

from desktop.services.accounts import SYSTEM
from desktop.services.demo import make_workers
from desktop.services.enrollment import enroll_many
from desktop.services.workspace import Workspace

HELPER = Path(__file__).with_name("crash_helper.py")
ROOT = Path(__file__).resolve().parents[2]


def check_consistent(path: Path) -> int:
    """Integrity, full-text index and change log all agree; returns the number of workers."""
    db = connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.execute("INSERT INTO workers_fts(workers_fts) VALUES ('integrity-check')")
        workers = db.execute("SELECT count(*) FROM workers").fetchone()[0]
        created = db.execute("SELECT count(*) FROM worker_changes WHERE action = 'create'").fetchone()[0]
        assert workers == created
        assert db.execute("SELECT count(*) FROM workers_fts").fetchone()[0] == workers
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        sequence = int(db.execute("SELECT value FROM settings WHERE key = 'next_sequence'").fetchone()[0])
        assert sequence == workers + 1  # no registration number was handed out for a lost record
        return workers
    finally:
        db.close()


def test_killed_inside_the_save_transaction_leaves_nothing_half_written(tmp_path):
    path = tmp_path / "crash.sqlite3"
    ws = Workspace(path)
    batch = make_workers(ws, 1500, seed=11)
    enroll_many(ws, batch[:500], SYSTEM)  # records saved before the crash
    ws.close()
    source = tmp_path / "batch.json"
    source.write_text(json.dumps(batch[500:]), encoding="utf-8")

    child = subprocess.Popen([sys.executable, str(HELPER), str(path), str(source)], cwd=ROOT,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "INSIDE"  # rows written, commit not yet reached
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)

    assert check_consistent(path) == 500
    again = Workspace(path)  # the app opens the file normally afterwards and goes on
    enroll_many(again, batch[500:510], SYSTEM)
    again.close()
    assert check_consistent(path) == 510


def test_the_real_command_killed_at_random_points_stays_consistent(tmp_path):
    path = tmp_path / "random.sqlite3"
    Workspace(path).close()   # created by the app's first start: on a loaded machine the first kill can
    rng = random.Random(2026)  # come before the command has even opened the file
    env = {**os.environ, "LINDUNG_DB": str(path)}
    total_before = 0
    for _ in range(4):
        child = subprocess.Popen([sys.executable, "-m", "desktop", "demo", "--workers", "12000"], cwd=ROOT,
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Kill it at a random point of its work: the timer is the fault being injected, not a race
        # being papered over; every outcome must leave whole batches only.
        try:
            child.wait(timeout=rng.uniform(1.0, 4.0))
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
        count = check_consistent(path)
        assert count >= total_before
        assert (count - total_before) % 5000 == 0 or count - total_before == 12000  # whole batches only
        total_before = count
