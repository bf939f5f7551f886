"""The one import path the window, ``lindung import`` and Windows all take: read, check a chunk at a time
(the window shown each chunk's final verdicts as they come), then enroll in one transaction. What the
removed one-pass (forked) import was tested for is kept here: the outcome of real lists, registration
numbers in file order, one audit entry, nothing half-written after a failure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop.cli.common import NO_ACCOUNT_WARNING
from desktop.services import audit, bulk_enroll, importing, spreadsheets
from desktop.services.accounts import SYSTEM
from desktop.services.demo import make_parent_rows
from desktop.services.errors import ServiceError
from desktop.services.schools import add_school
from desktop.services.spreadsheets import write_workbook
from desktop.services.workspace import Workspace
from tests.conftest import TODAY
from tests.integration.test_cli import run
from tests.integration.test_hostile_inputs import HOSTILE

NPSN = "69800001"
ROOT = Path(__file__).resolve().parents[2]
DATED = {"LINDUNG_TODAY": TODAY.isoformat()}


def _workspace(path):
    ws = Workspace(path, today=TODAY)
    add_school(ws, NPSN, "SD Negeri 12 Pontianak", "SD", "6171")
    return ws


@pytest.fixture
def parents(tmp_path):
    """A list of 90 parents with what real lists hold: a person typed twice (rows 20 and 70), a person
    enrolled here already (row 5's NIK), and rows that cannot be enrolled (a bad NIK, no name)."""
    scratch = Workspace(tmp_path / "scratch.sqlite3", today=TODAY)
    rows = [list(r) for r in make_parent_rows(scratch, 90, seed=8)]
    scratch.close()
    rows[69] = list(rows[19])                      # the same person twice in the file
    rows[40][0] = "61710145088"                    # too short
    rows[41][1] = ""                               # no name
    path = tmp_path / "ortu.xlsx"
    write_workbook(path, importing._column_specs(False), rows)
    return path, rows


def _enroll_first(ws, rows, index):
    """Someone enrolled the person of ``rows[index]`` before the import."""
    path = ws.path.parent / "satu.xlsx"
    write_workbook(path, importing._column_specs(False), [rows[index]])
    assert importing.commit_import(ws, importing.read_import(ws, path, school_npsn=NPSN), SYSTEM).accepted == 1


def _stored(ws):
    with ws.read() as db:
        return db.execute("SELECT registration_no, nik, full_name, birth_date, phone, occupation, school_id, "
                          "status, revision, enrolled_at FROM workers ORDER BY registration_no").fetchall()


def _verdicts(rows):
    return [(r.number, r.status, r.problems, r.duplicate_reason.split("(")[0], r.enrollment) for r in rows]


def test_the_window_is_shown_each_chunk_s_final_verdicts_and_the_command_stores_the_same(
        tmp_path, parents, monkeypatch):
    path, rows = parents
    monkeypatch.setattr(importing, "_CHUNK_ROWS", 7)          # 13 chunks: duplicates across chunks
    window, command = _workspace(tmp_path / "a.sqlite3"), _workspace(tmp_path / "b.sqlite3")
    try:
        for ws in (window, command):
            _enroll_first(ws, rows, 4)
        shown, told = [], []
        preview = importing.read_import(window, path, school_npsn=NPSN, progress=lambda d, t: told.append((d, t)),
                                        cancel=threading.Event(), checked=shown.append)
        # Each chunk as it was checked: the rows so far, their verdicts already final.
        assert [len(p.rows) for p in shown] == [min(7 * n, 90) for n in range(1, 14)]
        assert told == [(len(p.rows), 90) for p in shown]
        for partial in shown:
            assert _verdicts(partial.rows) == _verdicts(preview.rows[:len(partial.rows)])
        committed = importing.commit_import(window, preview, SYSTEM)
    finally:
        window.close()
        command.close()
    said = run(tmp_path / "b.sqlite3", "import", str(path), "--school", NPSN, "--json", env=DATED)
    assert said.returncode == 0, said.stderr
    summary = json.loads(said.stdout)
    assert summary["accepted"] == committed.accepted == 86           # 90 - duplicate - enrolled - 2 errors
    assert [r["row"] for r in summary["rejected"]] == [42, 43]
    assert sorted(r["row"] for r in summary["duplicates"]) == [6, 71]
    statuses = {r.number: r.status for r in committed.preview.rows}
    assert statuses[71] == statuses[6] == importing.DUPLICATE and statuses[21] != importing.DUPLICATE
    assert statuses[42] == statuses[43] == importing.ERROR
    window, command = Workspace(tmp_path / "a.sqlite3", today=TODAY), Workspace(tmp_path / "b.sqlite3", today=TODAY)
    try:
        # Stored the same, registration numbers following the file's rows, one audit entry for the import.
        assert [row[1:9] for row in _stored(command)] == [row[1:9] for row in _stored(window)]
        numbers = list(committed.registration_nos)
        assert numbers == sorted(numbers) and len(set(numbers)) == 86
        by_number = dict(zip(numbers, committed.preview.committable))
        for ws in (window, command):
            with ws.read() as db:
                for regno, nik in db.execute("SELECT registration_no, nik FROM workers"):
                    if regno in by_number:
                        assert by_number[regno].enrollment.nik == nik
                assert db.execute("SELECT count(*) FROM workers_fts").fetchone()[0] == 87
                assert db.execute("SELECT count(*) FROM worker_changes").fetchone()[0] == 87
                imports = db.execute("SELECT details FROM audit_log WHERE action = 'import'").fetchall()
            assert len(imports) == 2 and '"file": "ortu.xlsx"' in imports[1][0]
            assert audit.verify(ws, SYSTEM).intact
        assert importing.saved_mapping(command, NPSN) == importing.saved_mapping(window, NPSN)
        # The same file again: everyone is already enrolled, nothing more is stored.
        again = importing.commit_import(command, importing.read_import(command, path, school_npsn=NPSN), SYSTEM)
        assert again.accepted == 0 and len(_stored(command)) == 87
    finally:
        window.close()
        command.close()


def test_a_failure_midway_through_the_enrolling_leaves_nothing(tmp_path, parents, monkeypatch):
    path, _ = parents
    ws = _workspace(tmp_path / "a.sqlite3")
    real_add = bulk_enroll.Enroller.add

    def add(self, enrollments):
        real_add(self, enrollments)             # every row inserted, then the failure
        raise ServiceError("NIK sudah terdaftar oleh proses lain; tidak ada yang disimpan.")

    try:
        preview = importing.read_import(ws, path, school_npsn=NPSN)
        monkeypatch.setattr(bulk_enroll.Enroller, "add", add)
        with pytest.raises(ServiceError, match="proses lain"):
            importing.commit_import(ws, preview, SYSTEM)
        assert _stored(ws) == []
        with ws.read() as db:
            assert db.execute("SELECT count(*) FROM audit_log WHERE action = 'import'").fetchone()[0] == 0
            assert db.execute("SELECT count(*) FROM workers_fts").fetchone()[0] == 0
            assert db.execute("SELECT value FROM settings WHERE key = 'next_sequence'").fetchone()[0] == "1"
        assert importing.saved_mapping(ws, NPSN) is None
        monkeypatch.setattr(bulk_enroll.Enroller, "add", real_add)
        assert importing.commit_import(ws, preview, SYSTEM).accepted == 87   # all of it, now
    finally:
        ws.close()


def test_work_beside_the_reading_has_ended_even_when_the_file_is_refused():
    ran = []
    with pytest.raises(ServiceError, match="membengkak"):
        spreadsheets.read_table(HOSTILE / "zip-bomb.xlsx", beside=lambda: ran.append(threading.current_thread()))
    assert len(ran) == 1 and ran[0] is not threading.main_thread() and not ran[0].is_alive()


def test_the_lindung_program_ends_the_usual_way_its_exit_handlers_run(tmp_path):
    """``console()`` (the console script, ``python -m desktop``, the bundle) returns the command's status
    through SystemExit: a handler registered with atexit runs, whatever the command."""
    db = tmp_path / "laptop.sqlite3"
    assert run(db, "school", "add", NPSN, "--name", "SD Negeri 12 Pontianak", "--level", "SD",
               "--kabupaten", "Kota Pontianak", env=DATED).returncode == 0
    program = ("import atexit, sys\n"
               "atexit.register(lambda: print('handler ran', flush=True))\n"
               "sys.argv = ['lindung', *sys.argv[1:]]\n"
               "from desktop.cli import console\n"
               "console()\n")
    for command, status in ((["list", "--json"], 0), (["show", "LDG-0000-0000"], None)):
        proc = subprocess.run([sys.executable, "-c", program, "--db", str(db), *command], cwd=ROOT,
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(ROOT), **DATED})
        assert proc.stdout.rstrip().endswith("handler ran"), (proc.stdout, proc.stderr)
        assert proc.returncode == status if status is not None else proc.returncode != 0



def test_output_to_a_reader_that_stopped_reading_ends_quietly(tmp_path):
    """``lindung list --json | head``: the reader has gone, the command ends without a word on stderr."""
    db = tmp_path / "laptop.sqlite3"
    assert run(db, "school", "add", NPSN, "--name", "SD Negeri 12 Pontianak", "--level", "SD",
               "--kabupaten", "Kota Pontianak", env=DATED).returncode == 0
    for workers, command in ((0, ["list", "--json"]), (300, ["list", "--json"]), (0, ["list"])):
        if workers:   # more than the pipe's buffer: the write fails during the command, not at its exit
            assert run(db, "demo", "--workers", str(workers), env=DATED).returncode == 0
        read_end, write_end = os.pipe()
        os.close(read_end)   # as `| head` after its lines: every write the command makes fails with EPIPE
        try:
            proc = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *command], stdout=write_end,
                                  stderr=subprocess.PIPE, text=True, timeout=120, cwd=ROOT,
                                  env={**os.environ, "PYTHONPATH": str(ROOT), **DATED})
        finally:
            os.close(write_end)
        said = [line for line in proc.stderr.splitlines() if line != NO_ACCOUNT_WARNING]
        assert said == [] and proc.returncode == 0, (command, proc.stderr)
