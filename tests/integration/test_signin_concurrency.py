"""Sign-ins at the same moment, from truly concurrent processes on one real (encrypted) database: each
attempt is counted before its password is checked, so five are checked and the rest refused while the
name is locked, the count says how many came, and the right password among them does not lift the lock.

Each process runs the real command line in-process (``cli.main``) after a barrier; the clock is the
workspace clock, set per round so that rounds follow one another without waiting."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import multiprocessing
import os

import pytest

from desktop import cli
from desktop.services import lockout

PASSWORD = "kapal-motor-di-kapuas"
WRONG = "salah-sandi-123"
BURST = 24
START = dt.datetime(2026, 11, 24, 8, 0)
CHECKED_WRONG = "lindung: Nama pengguna atau kata sandi salah."
REFUSED_LOCKED = "lindung: Akun ini dikunci sementara"


def _sign_in(db, password, at, barrier, results, index):
    """One process: wait for the others, then sign in once through the command line."""
    from desktop.domain import clock

    clock.utcnow = lambda: at
    os.environ["LINDUNG_PASSWORD"] = password
    err = io.StringIO()
    if barrier is not None:
        barrier.wait(timeout=60)
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = cli.main(["--db", str(db), "--user", "admin", "settings", "show"])
    results.put((index, password, status, err.getvalue()))


def burst(db, passwords, at):
    """Every password at once, one process each; returns (password, exit status, stderr) per process."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(passwords)) if len(passwords) > 1 else None
    results = context.Queue()
    processes = [context.Process(target=_sign_in, args=(db, password, at, barrier, results, i))
                 for i, password in enumerate(passwords)]
    for process in processes:
        process.start()
    got = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    assert [process.exitcode for process in processes] == [0] * len(processes)   # none crashed
    for _, _, status, err in got:
        assert "galat" not in err and "Error" not in err and "Traceback" not in err, err
    return [(password, status, err) for _, password, status, err in sorted(got)]


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "cabang.sqlite3"
    monkeypatch.setenv("LINDUNG_NEW_PASSWORD", PASSWORD)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert cli.main(["--db", str(path), "user", "add", "admin"]) == cli.EXIT_OK
    return path


def _after(db, at):
    """The right password, alone, once the lock is over: signs in, and the count starts again."""
    [(_, status, err)] = burst(db, [PASSWORD], at)
    assert status == cli.EXIT_OK, err
    assert lockout.state(db, "admin").failures == 0


def test_parallel_wrong_sign_ins_are_all_counted_and_only_five_checked(db):
    for round_ in range(2):
        at = START + dt.timedelta(hours=round_)
        outcomes = burst(db, [WRONG] * BURST, at)
        assert {status for _, status, _ in outcomes} == {cli.EXIT_AUTH}
        checked = [err for _, _, err in outcomes if err.startswith(CHECKED_WRONG)]
        refused = [err for _, _, err in outcomes if err.startswith(REFUSED_LOCKED)]
        assert (len(checked), len(refused)) == (lockout.FREE_ATTEMPTS, BURST - lockout.FREE_ATTEMPTS)
        assert sum("dikunci 1 menit" in err for err in checked) == 1      # the fifth says it locked the name
        assert lockout.state(db, "admin") == lockout.State(BURST, at + lockout.FIRST_DELAY)
        # Only the checked ones are wrong passwords in the audit log, numbered one to five.
        assert sorted(e["failures"] for e in lockout.pending_events(db)) == [1, 2, 3, 4, 5]
        _after(db, at + dt.timedelta(minutes=30))


def test_the_right_password_in_a_burst_does_not_lift_the_lock(db):
    passwords = [WRONG] * 7 + [PASSWORD] + [WRONG] * 7 + [PASSWORD] + [WRONG] * 7 + [PASSWORD]
    for round_ in range(2):
        at = START + dt.timedelta(hours=round_)
        outcomes = burst(db, passwords, at)
        assert [(password, status) for password, status, _ in outcomes if password == PASSWORD] == \
            [(PASSWORD, cli.EXIT_AUTH)] * 3
        assert all(REFUSED_LOCKED in err for password, _, err in outcomes if password == PASSWORD)
        assert sum(err.startswith(CHECKED_WRONG) for _, _, err in outcomes) <= lockout.FREE_ATTEMPTS
        after = lockout.state(db, "admin")
        assert after.locked_until == at + lockout.FIRST_DELAY
        assert 21 <= after.failures <= 24      # every wrong one; a right one only when refused unchecked
        _after(db, at + dt.timedelta(minutes=30))
