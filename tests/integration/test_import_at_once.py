"""The command line's one-pass import: rows enrolled while the rest are still being checked, on both
cores, with the same outcome as a preview then a commit; a helper that dies or a failure midway loses
nothing and leaves nothing half-written."""

import os

import pytest

from desktop.services import audit, importing
from desktop.services.accounts import SYSTEM
from desktop.services.demo import make_parent_rows
from desktop.services.schools import add_school
from desktop.services.spreadsheets import write_workbook
from desktop.services.workspace import Workspace
from tests.conftest import TODAY

NPSN = "69800001"


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


@pytest.fixture
def forked(monkeypatch):
    """Small chunks and the helper process even for a small file (the command line's path)."""
    monkeypatch.setattr(importing, "_PARALLEL_MIN_ROWS", 10)
    monkeypatch.setattr(importing, "_CHUNK_ROWS", 7)
    monkeypatch.setattr(importing, "can_fork", lambda: True)


def _enroll_first(ws, rows, index):
    """Someone enrolled the person of ``rows[index]`` before the import."""
    preview = importing.read_import(ws, _one_row_file(ws, rows[index]), school_npsn=NPSN)
    assert importing.commit_import(ws, preview, SYSTEM).accepted == 1


def _one_row_file(ws, row):
    path = ws.path.parent / "satu.xlsx"
    write_workbook(path, importing._column_specs(False), [row])
    return path


def _stored(ws):
    with ws.read() as db:
        return db.execute("SELECT registration_no, nik, full_name, birth_date, phone, occupation, school_id, "
                          "status, revision, enrolled_at FROM workers ORDER BY registration_no").fetchall()


def test_one_pass_gives_what_a_preview_and_a_commit_give(tmp_path, parents, forked):
    path, rows = parents
    alone = _workspace(tmp_path / "a.sqlite3")
    together = _workspace(tmp_path / "b.sqlite3")
    try:
        for ws in (alone, together):
            _enroll_first(ws, rows, 4)
        preview = importing.read_import(alone, path, school_npsn=NPSN)
        committed = importing.commit_import(alone, preview, SYSTEM)
        at_once = importing.import_at_once(together, path, SYSTEM, school_npsn=NPSN)

        def verdicts(result):
            return [(r.number, r.status, r.problems, r.duplicate_reason.split("(")[0], r.enrollment)
                    for r in result.preview.rows]

        assert verdicts(at_once) == verdicts(committed)
        assert at_once.accepted == committed.accepted == 86          # 90 - duplicate - enrolled - 2 errors
        statuses = {r.number: r.status for r in at_once.preview.rows}
        assert statuses[71] == statuses[6] == importing.DUPLICATE and statuses[21] != importing.DUPLICATE
        assert statuses[42] == statuses[43] == importing.ERROR
        # Stored the same, registration numbers following the file's rows, one audit entry for the import.
        strip = [row[1:9] for row in _stored(together)]
        assert strip == [row[1:9] for row in _stored(alone)] and len(strip) == 87
        numbers = [n for n in at_once.registration_nos]
        assert numbers == sorted(numbers) and len(set(numbers)) == 86
        by_number = dict(zip(numbers, [r for r in at_once.preview.rows if r.status in (importing.VALID,
                                                                                       importing.WARNING)]))
        with together.read() as db:
            for regno, nik in db.execute("SELECT registration_no, nik FROM workers"):
                if regno in by_number:
                    assert by_number[regno].enrollment.nik == nik
            assert db.execute("SELECT count(*) FROM workers_fts").fetchone()[0] == 87
            assert db.execute("SELECT count(*) FROM worker_changes").fetchone()[0] == 87
            imports = db.execute("SELECT details FROM audit_log WHERE action = 'import'").fetchall()
        assert len(imports) == 2 and '"file": "ortu.xlsx"' in imports[1][0]
        assert audit.verify(together, SYSTEM).intact
        assert importing.saved_mapping(together, NPSN) == importing.saved_mapping(alone, NPSN)
        # The same file again: everyone is already enrolled, nothing more is stored.
        again = importing.import_at_once(together, path, SYSTEM, school_npsn=NPSN)
        assert again.accepted == 0 and len(_stored(together)) == 87
    finally:
        alone.close()
        together.close()


def test_a_helper_that_dies_midway_loses_no_row(tmp_path, parents, forked, monkeypatch):
    """The helper sends one chunk, takes another and is gone (killed): this process checks what it
    took and never sent; everything is enrolled once, in order."""
    path, rows = parents
    reference = _workspace(tmp_path / "ref.sqlite3")
    ws = _workspace(tmp_path / "a.sqlite3")

    def dies():
        work_rows, ctx, matcher, preview, ends, sent, _ = importing._FORK_JOB
        number = importing._take(ends)
        sent.put((number, [(r.status, r.problems, importing.astuple_shallow(r.enrollment) if r.enrollment else None,
                            r.person) for r in importing._check_chunk(work_rows, ctx, matcher, preview, number)]))
        sent.close()
        sent.join_thread()
        importing._take(ends)   # taken, never sent
        os._exit(9)

    try:
        expected = importing.commit_import(reference, importing.read_import(reference, path, school_npsn=NPSN),
                                           SYSTEM)
        monkeypatch.setattr(importing, "_check_from_front", dies)
        got = importing.import_at_once(ws, path, SYSTEM, school_npsn=NPSN)
        assert [(r.number, r.status, r.enrollment) for r in got.preview.rows] == [
            (r.number, r.status, r.enrollment) for r in expected.preview.rows]
        assert got.accepted == expected.accepted == 87
        assert [row[1:9] for row in _stored(ws)] == [row[1:9] for row in _stored(reference)]
    finally:
        reference.close()
        ws.close()


def test_a_failure_midway_leaves_nothing_and_no_helper(tmp_path, parents, forked, monkeypatch):
    path, _ = parents
    ws = _workspace(tmp_path / "a.sqlite3")
    calls = []
    real_add = importing._Enrolling.add

    def add(self, rows):
        calls.append(len(rows))
        if len(calls) == 3:
            raise importing.ServiceError("NIK sudah terdaftar oleh proses lain; tidak ada yang disimpan.")
        real_add(self, rows)

    monkeypatch.setattr(importing._Enrolling, "add", add)
    started = []
    real_process = importing.multiprocessing.get_context("fork").Process

    class Watched(real_process):
        def start(self):
            super().start()
            started.append(self)

    monkeypatch.setattr(importing.multiprocessing.get_context("fork"), "Process", Watched)
    try:
        with pytest.raises(importing.ServiceError, match="proses lain"):
            importing.import_at_once(ws, path, SYSTEM, school_npsn=NPSN)
        assert len(calls) == 3 and len(started) == 1 and not started[0].is_alive()
        assert _stored(ws) == []
        with ws.read() as db:
            assert db.execute("SELECT count(*) FROM audit_log WHERE action = 'import'").fetchone()[0] == 0
            assert db.execute("SELECT value FROM settings WHERE key = 'next_sequence'").fetchone()[0] == "1"
        monkeypatch.setattr(importing._Enrolling, "add", real_add)
        assert importing.import_at_once(ws, path, SYSTEM, school_npsn=NPSN).accepted == 87   # all of it, now
    finally:
        ws.close()

