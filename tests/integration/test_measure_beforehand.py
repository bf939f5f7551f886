"""A workbook measured beforehand in a forked process (while `lindung import` opens the database) is
read without measuring it again only when the measuring found it within the limits and the file has
not changed since; otherwise the reader measures it itself and refuses it with the same line."""

from __future__ import annotations

import json
import os
import threading

import pytest

from desktop.services import importing, sheet_limits, spreadsheets
from desktop.services.errors import ServiceError
from desktop.services.spreadsheets import read_table, write_workbook
from tests.conftest import TODAY
from tests.integration.test_hostile_inputs import HOSTILE


@pytest.fixture
def forkable(monkeypatch):
    """Threads other tests of this worker may have left behind do not stop the fork here."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)


@pytest.fixture
def measured_here(monkeypatch):
    """Counts the measurings done in this process."""
    calls = []
    real = sheet_limits.check

    def check(path, *limits):
        calls.append(path)
        real(path, *limits)

    monkeypatch.setattr(sheet_limits, "check", check)
    return calls


def _list(path, rows=40):
    write_workbook(path, importing._column_specs(False),
                   [[f"61710101018{i:05d}", f"ORANG {i}"] + [""] * 16 for i in range(rows)])
    return path


def _gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_a_list_measured_beforehand_is_read_without_measuring_again(tmp_path, forkable, measured_here):
    path = _list(tmp_path / "ortu.xlsx")
    beforehand = sheet_limits.Beforehand.start(path)
    assert beforehand is not None
    pid = beforehand._pid
    assert read_table(path, measured=beforehand).rows == read_table(path).rows
    assert measured_here == [path]            # only the read without the measurement measured here
    assert _gone(pid)                         # the measuring process was reaped


@pytest.mark.parametrize("name, fragment", [("xfd1048576.xlsx", "lebih dari 20.000 baris"),
                                            ("zip-bomb.xlsx", "membengkak menjadi lebih dari 256 MB"),
                                            ("far-cell.xls", "lebih dari 20.000 baris")])
def test_a_file_beyond_the_limits_is_measured_again_and_refused_the_same_way(tmp_path, forkable, measured_here,
                                                                              name, fragment):
    path = HOSTILE / name
    beforehand = sheet_limits.Beforehand.start(path)
    assert beforehand is not None and not beforehand.passed(path)
    with pytest.raises(ServiceError) as refused:
        read_table(path, measured=beforehand)
    assert fragment in refused.value.message and measured_here == [path]
    with pytest.raises(ServiceError) as plain:
        read_table(path)
    assert refused.value.message == plain.value.message


def test_a_file_changed_after_it_was_measured_is_measured_again(tmp_path, forkable, measured_here):
    path = _list(tmp_path / "ortu.xlsx")
    beforehand = sheet_limits.Beforehand.start(path)
    assert beforehand is not None and beforehand.passed(path)
    _list(tmp_path / "lain.xlsx", rows=60).replace(path)       # saved over while the database opened
    assert not beforehand.passed(path)
    assert len(read_table(path, measured=beforehand).rows) == 61 and measured_here == [path]


def test_a_command_that_ends_before_reading_stops_the_measuring(tmp_path, forkable):
    beforehand = sheet_limits.Beforehand.start(HOSTILE / "zip-bomb.xlsx")
    assert beforehand is not None
    pid = beforehand._pid
    beforehand.close()
    beforehand.close()                        # twice is harmless
    assert _gone(pid) and not beforehand.passed(HOSTILE / "zip-bomb.xlsx")


def test_nothing_is_forked_for_a_csv_file_or_beside_another_thread(tmp_path, monkeypatch):
    csv = tmp_path / "ortu.csv"
    csv.write_text("NIK;Nama\n6171010101800001;ORANG\n", encoding="utf-8")
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert sheet_limits.Beforehand.start(csv) is None
    assert sheet_limits.Beforehand.start(tmp_path / "tidak-ada.xlsx") is None
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert sheet_limits.Beforehand.start(_list(tmp_path / "ortu.xlsx")) is None


def test_the_measuring_process_says_nothing(tmp_path, forkable, capfd):
    beforehand = sheet_limits.Beforehand.start(HOSTILE / "zip-bomb.xlsx")
    assert beforehand is not None and not beforehand.passed(HOSTILE / "zip-bomb.xlsx")
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_work_beside_the_reading_has_ended_even_when_the_file_is_refused():
    ran = []
    with pytest.raises(ServiceError):
        spreadsheets.read_table(HOSTILE / "zip-bomb.xlsx", beside=lambda: ran.append(threading.current_thread()))
    assert len(ran) == 1 and ran[0] is not threading.main_thread() and not ran[0].is_alive()


def test_lindung_import_reads_the_list_it_measured_while_the_database_opened(tmp_path, forkable, measured_here,
                                                                            monkeypatch, capsys):
    from desktop import cli
    from desktop.services.demo import make_parent_rows
    from desktop.services.schools import add_school
    from desktop.services.workspace import Workspace

    db = tmp_path / "laptop.sqlite3"
    ws = Workspace(db, today=TODAY)
    add_school(ws, "69800001", "SD Negeri 12 Pontianak", "SD", "6171")
    source = tmp_path / "ortu.xlsx"
    write_workbook(source, importing._column_specs(False), make_parent_rows(ws, 30, seed=2))
    ws.close()
    monkeypatch.delenv("LINDUNG_DB", raising=False)
    monkeypatch.setenv("LINDUNG_TODAY", TODAY.isoformat())
    said = []
    for dry in (["--dry-run"], []):
        assert cli.main(["--db", str(db), "import", str(source), "--school", "69800001", "--json", *dry]) == 0
        said.append(json.loads(capsys.readouterr().out.strip().splitlines()[-1]))
    assert measured_here == []                # measured beside, both times, never here
    assert said[0]["valid"] == 30 and said[1]["accepted"] == 30 and not said[1]["rejected"]
