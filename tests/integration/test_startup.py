"""A command loads what it uses (issue 18): a database at the packaged schema opens without Alembic or
SQLAlchemy, and reading commands load neither them nor Qt, ReportLab or the spreadsheet readers."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services.accounts import SYSTEM

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "PySide6", "reportlab", "openpyxl", "python_calamine", "xlsxwriter", "pikepdf",
         "phonenumbers", "argon2")

# Runs a command in a fresh interpreter, then names the heavy packages it loaded.
CHILD = r"""
import json, sys
from desktop.cli import main
status = main(sys.argv[1:])
loaded = sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(%r)))
print("LOADED " + json.dumps({"status": status, "loaded": loaded}))
"""


def loaded_by(*args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD % json.dumps(HEAVY), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    line = next(line for line in proc.stdout.splitlines() if line.startswith("LOADED "))
    return json.loads(line.removeprefix("LOADED "))


@pytest.fixture
def db(ws):
    """A laptop database made and migrated by the app, with a few workers and a school."""
    from desktop.services.demo import add_demo_workers
    from desktop.services.schools import add_school

    add_demo_workers(ws, 5, SYSTEM, seed=1)
    add_school(ws, "69800001", "SD Negeri 12 Pontianak", "SD", "6171")
    path = ws.path
    ws.close()
    return path


@pytest.mark.parametrize("command", [
    ("list", "--query", "X"),
    ("list", "--json", "--kabupaten", "6171"),
    ("school", "list"),
    ("regions", "info"),
    ("card-key",),
])
def test_reading_commands_load_none_of_the_heavy_packages(db, command):
    """Before issue 18 every command imported SQLAlchemy and Alembic (0.4-0.6 s of each start)."""
    found = loaded_by("--db", str(db), *command)
    assert found["status"] == 0
    assert found["loaded"] == [], found["loaded"]


def test_a_database_at_an_older_schema_is_still_migrated(db):
    """Only the packaged revision skips Alembic: one stamped with an older one is upgraded."""
    from alembic import command as alembic_command

    from desktop.services.workspace import Workspace
    from desktop.storage.engine import HEAD_REVISION, _alembic_config, current_revision

    ws = Workspace(db)
    with ws.engine.begin() as connection:
        alembic_command.downgrade(_alembic_config(connection), "0009")
    ws.close()
    found = loaded_by("--db", str(db), "list", "--query", "X")
    assert found["status"] == 0 and "alembic" in found["loaded"]
    ws = Workspace(db)
    try:
        assert current_revision(ws.engine) == HEAD_REVISION
    finally:
        ws.close()


def test_list_prints_the_same_records_as_before(db):
    """The list runs as SQL on the driver: the records are those the ORM gave (fields and types)."""
    from desktop.services.search import SearchQuery, iter_records
    from desktop.services.workspace import Workspace
    from desktop.storage.models import School, Worker

    ws = Workspace(db)
    try:
        with ws.session(write=True) as session:   # one worker at the school, one deleted
            first, second = session.query(Worker).order_by(Worker.id).limit(2).all()
            first.school_id = session.query(School).filter(School.npsn == "69800001").one().id
            first.pupil_name = "BUDI"
        from desktop.domain.lifecycle import loads
        from desktop.domain.records import WorkerRecord
        from desktop.services.enrollment import delete_worker, get

        def orm_record(session, w):   # the record as the ORM's column types give it
            school = session.get(School, w.school_id) if w.school_id else None
            data = {name: getattr(w, name) for name in WorkerRecord.__dataclass_fields__ if name in Worker.__table__.c}
            data.update(id=w.uuid, school_npsn=school.npsn if school else None,
                        school_name=school.name if school else None, lifecycle=tuple(loads(w.lifecycle)))
            return WorkerRecord(**data)

        delete_worker(ws, get(ws, second.uuid).id, "data ganda", SYSTEM)
        with ws.session() as session:
            expected = {w.uuid: orm_record(session, w) for w in session.query(Worker).filter(Worker.deleted_at.is_(None))}
        found = list(iter_records(ws, SearchQuery()))
        assert {r.id: r for r in found} == expected and len(found) == 4
        deleted = list(iter_records(ws, SearchQuery(status="deleted")))
        assert [r.id for r in deleted] == [second.uuid] and deleted[0].deleted_at is not None
        assert next(r for r in found if r.id == first.uuid).school_npsn == "69800001"
    finally:
        ws.close()


def test_printing_cards_loads_no_sqlalchemy(db, tmp_path):
    """The batch's log is written through the driver: the ORM's import was 0.3 s of `lindung cards`."""
    out = tmp_path / "kartu.pdf"
    found = loaded_by("--db", str(db), "cards", str(out))
    assert found["status"] == 0 and out.stat().st_size > 0
    assert "sqlalchemy" not in found["loaded"] and "reportlab" in found["loaded"]
    again = loaded_by("--db", str(db), "cards", str(out), "--reason", "kartu hilang")   # reprints are logged
    assert again["status"] == 0 and "sqlalchemy" not in again["loaded"]
    from desktop.services import audit
    from desktop.services.cards import list_batches
    from desktop.services.workspace import Workspace

    ws = Workspace(db)
    try:
        assert [b.card_count for b in list_batches(ws)] == [5, 5]
        assert audit.verify(ws, SYSTEM).intact
        with ws.read() as connection:
            assert connection.execute("SELECT count(*), sum(reprint) FROM card_prints").fetchone() == (10, 5)
    finally:
        ws.close()


def test_importing_a_list_loads_no_sqlalchemy(db, tmp_path):
    """`lindung import` reads, checks and enrolls through the driver (the ORM's import was 0.2 s of a
    10,000-row import); the enrolled rows are there, logged once."""
    from desktop.services import importing
    from desktop.services.demo import make_parent_rows
    from desktop.services.spreadsheets import write_workbook
    from desktop.services.workspace import Workspace

    ws = Workspace(db)
    try:
        source = tmp_path / "ortu.xlsx"
        write_workbook(source, importing._column_specs(False), make_parent_rows(ws, 12, seed=6))
        with ws.read() as connection:
            before = connection.execute("SELECT count(*) FROM workers").fetchone()[0]
    finally:
        ws.close()
    found = loaded_by("--db", str(db), "import", str(source), "--school", "69800001", "--json")
    assert found["status"] == 0
    assert "sqlalchemy" not in found["loaded"] and "python_calamine" in found["loaded"]
    ws = Workspace(db)
    try:
        with ws.read() as connection:
            assert connection.execute("SELECT count(*) FROM workers").fetchone()[0] == before + 12
            assert connection.execute("SELECT count(*) FROM audit_log WHERE action = 'import'").fetchone()[0] == 1
        from desktop.services import audit
        assert audit.verify(ws, SYSTEM).intact
    finally:
        ws.close()


def test_signing_in_after_unlocking_computes_argon2_once(tmp_path, monkeypatch):
    """Unlocking the database computed the password's Argon2id hash with the account's own salt and
    parameters: signing in compares it with the stored hash instead of computing it again (0.16-0.3 s),
    and only for the same name and password."""
    from desktop.services import accounts, keys
    from desktop.services.errors import AuthenticationFailed
    from desktop.services.workspace import Workspace

    path = tmp_path / "a.sqlite3"
    ws = Workspace(path)
    accounts.create_account(ws, "admin", "Admin", "kapal-motor-admin-1", accounts.Role.ADMIN)
    ws.close()
    key, proof = keys.unlock_with_proof(path, "admin", "kapal-motor-admin-1")
    real = accounts._hasher()
    computed = []

    class Counting:
        def verify(self, stored, password):
            computed.append(password)
            return real.verify(stored, password)

        def check_needs_rehash(self, stored):
            return real.check_needs_rehash(stored)

    monkeypatch.setattr(accounts, "_hasher", lambda: Counting())
    ws = Workspace(path, key=key)
    try:
        assert accounts.authenticate(ws, "admin", "kapal-motor-admin-1", proof=proof).username == "admin"
        assert computed == []
        with pytest.raises(AuthenticationFailed):   # the proof of the right password vouches for no other
            accounts.authenticate(ws, "admin", "rahasia-salah-9", proof=proof)
        assert computed == ["rahasia-salah-9"]
        assert accounts.authenticate(ws, "admin", "kapal-motor-admin-1").username == "admin"   # no proof: computed
        assert computed == ["rahasia-salah-9", "kapal-motor-admin-1"]
    finally:
        ws.close()


def test_a_signed_in_command_loads_no_sqlalchemy(db, monkeypatch):
    monkeypatch.setenv("LINDUNG_NEW_PASSWORD", "kapal-motor-admin-1")
    from desktop.cli import main

    assert main(["--db", str(db), "user", "add", "admin"]) == 0
    monkeypatch.setenv("LINDUNG_PASSWORD", "kapal-motor-admin-1")
    import os

    proc_env = dict(os.environ)
    found = subprocess.run([sys.executable, "-c", CHILD % json.dumps(HEAVY), "--db", str(db), "--user", "admin",
                            "list", "--query", "X"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                           env=proc_env)
    result = json.loads(next(line for line in found.stdout.splitlines() if line.startswith("LOADED "))[7:])
    assert result["status"] == 0 and result["loaded"] == ["argon2"], (result, found.stderr)


def test_account_audit_settings_backup_and_receipts_commands_load_no_sqlalchemy(db, tmp_path):
    """Accounts, passwords, the recovery code, settings, the region list, the audit log, backups and a
    school's receipts are written and read through storage's table modules on the driver (issue 27): no
    command of theirs loads SQLAlchemy (each of them did, for its ORM session)."""
    import os

    from desktop.domain.regions import Level
    from desktop.paths import REGIONS_CSV

    env = dict(os.environ, LINDUNG_PASSWORD="kapal-motor-admin-1", LINDUNG_NEW_PASSWORD="kapal-motor-admin-1")
    found = {}
    for command in (("user", "add", "admin"), ("user", "add", "relawan", "--role", "volunteer"),
                    ("user", "passwd", "relawan"), ("user", "recovery-code"), ("settings", "set", "max_age", "61"),
                    ("regions", "load", str(REGIONS_CSV), "--source", "Kepmendagri uji"), ("audit", "--verify"),
                    ("backup", str(tmp_path / "cadangan.sqlite3")),
                    ("report", "receipts", str(tmp_path / "terima.pdf"), "--school", "69800001")):
        user = ("--user", "admin") if command[:3] != ("user", "add", "admin") else ()
        if command[:2] == ("user", "passwd"):
            env["LINDUNG_NEW_PASSWORD"] = "perahu-layar-sungai-kapuas"
        proc = subprocess.run([sys.executable, "-c", CHILD % json.dumps(HEAVY), "--db", str(db), *user, *command],
                              cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
        line = next((line for line in proc.stdout.splitlines() if line.startswith("LOADED ")), None)
        assert line is not None, (command, proc.stderr)
        found[command[:3]] = json.loads(line.removeprefix("LOADED "))
    assert {command: result["status"] for command, result in found.items() if result["status"]} == {}
    assert [command for command, result in found.items() if "sqlalchemy" in result["loaded"]] == []
    from desktop.services import accounts, audit, keys
    from desktop.services.workspace import Workspace

    ws = Workspace(db, key=keys.unlock(db, "admin", "kapal-motor-admin-1"))
    try:
        assert [a.username for a in accounts.list_accounts(ws)] == ["admin", "relawan"]
        assert accounts.must_change_password(ws, "relawan") and ws.policy.max_age == 61
        assert audit.verify(ws, accounts.list_accounts(ws)[0]).intact
        assert [e.action for e in audit.entries(ws, accounts.list_accounts(ws)[0], 10)][:4] == [
            "export", "backup", "edit", "recovery_code"]
        assert ws.regions_source()[0] == "Kepmendagri uji" and ws.regions.count(Level.DESA) > 1000
    finally:
        ws.close()
