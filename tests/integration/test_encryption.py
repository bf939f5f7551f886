"""The laptop database is encrypted at rest; the sign-in unlocks it; plain databases are migrated."""

import datetime as dt
import sqlite3

import pytest

from desktop.services import enrollment, keys
from desktop.services.accounts import SYSTEM, Role, authenticate, create_account
from desktop.services.backup import auto_backup
from desktop.services.errors import AuthenticationFailed
from desktop.services.search import SearchQuery, iter_records
from desktop.services.workspace import Workspace
from desktop.storage.engine import sqlcipher_connect
from tests.conftest import TODAY, make_raw

NIK, NAME = "6171014508800001", "SITI AMINAH"


def files_of(path):
    return [p for p in path.parent.iterdir() if p.name.startswith(path.name) and not p.name.endswith(".key")]


def test_a_copied_database_reveals_nothing(tmp_path):
    path = tmp_path / "lindung.sqlite3"
    ws = Workspace(path, today=TODAY)
    enrollment.enroll(ws, make_raw(), SYSTEM)
    for copy in files_of(path):                 # the database and its write-ahead log, as they lie on disk
        data = copy.read_bytes()
        assert NIK.encode() not in data and NAME.encode() not in data and b"Tanjungpura" not in data
    assert not path.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT count(*) FROM workers").fetchone()
    ws.close()


def test_the_sign_in_unlocks_the_database(tmp_path):
    path = tmp_path / "lindung.sqlite3"
    ws = Workspace(path, today=TODAY)
    assert keys.load(path).open_key is not None          # no account yet: opens without a password
    admin = create_account(ws, "admin", "Admin Cabang", "kapal-motor-admin-1", Role.ADMIN)
    create_account(ws, "ani", "Ani", "kebun-karet-ani-7", Role.VOLUNTEER, by=admin)
    enrollment.enroll(ws, make_raw(), admin)
    ws.close()
    keyfile = keys.load(path)
    assert keyfile.open_key is None and set(keyfile.accounts) == {"admin", "ani"}
    assert "kapal-motor-admin-1" not in keys.key_path(path).read_text()
    assert keys.needs_password(path)
    with pytest.raises(keys.Locked):
        Workspace(path)
    with pytest.raises(AuthenticationFailed):
        keys.unlock(path, "admin", "salah-sandi")
    with pytest.raises(AuthenticationFailed):
        keys.unlock(path, "tidak-ada", "kapal-motor-admin-1")
    for user, password in (("admin", "kapal-motor-admin-1"), ("ani", "kebun-karet-ani-7")):
        opened = Workspace(path, today=TODAY, key=keys.unlock(path, user, password))
        assert authenticate(opened, user, password).username == user
        assert [r.nik for r in iter_records(opened, SearchQuery())] == [NIK]
        opened.close()
    wrong = keys.new_key()
    with pytest.raises(Exception):                       # a wrong key reads nothing
        sqlcipher_connect(path, wrong).execute("SELECT count(*) FROM workers").fetchone()


def _plain_copy(ws, target):
    """What a laptop from before encryption holds: the same database, not encrypted."""
    connection = sqlcipher_connect(ws.path, ws.key)
    connection.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    connection.execute("SELECT sqlcipher_export('plain')")
    connection.execute("DETACH DATABASE plain")
    connection.close()


def test_a_plain_database_is_encrypted_on_first_start_for_every_account(tmp_path):
    source = Workspace(tmp_path / "source.sqlite3", today=TODAY)
    admin = create_account(source, "admin", "Admin Cabang", "kapal-motor-admin-1", Role.ADMIN)
    create_account(source, "ani", "Ani", "kebun-karet-ani-7", Role.VOLUNTEER, by=admin)
    enrollment.enroll(source, make_raw(), admin)
    old = tmp_path / "old" / "lindung.sqlite3"
    old.parent.mkdir()
    _plain_copy(source, old)
    (old.parent / "backups").mkdir()
    _plain_copy(source, old.parent / "backups" / "lindung-20261101.sqlite3")
    source.close()
    assert old.read_bytes().startswith(b"SQLite format 3") and NIK.encode() in old.read_bytes()

    first = Workspace(old, today=TODAY)                  # the first start after the update
    first.close()
    assert not old.read_bytes().startswith(b"SQLite format 3") and NIK.encode() not in old.read_bytes()
    backup_copy = old.parent / "backups" / "lindung-20261101.sqlite3"
    assert NIK.encode() not in backup_copy.read_bytes()  # the earlier daily copies too
    assert keys.needs_password(old)
    for day, (user, password) in enumerate((("admin", "kapal-motor-admin-1"), ("ani", "kebun-karet-ani-7")), start=2):
        ws = Workspace(old, today=TODAY, key=keys.unlock(old, user, password))
        assert [r.full_name for r in iter_records(ws, SearchQuery())] == [NAME]
        assert auto_backup(ws.path, ws.key, now=dt.datetime(2026, 11, day)) is not None
        ws.close()
    with sqlcipher_connect(backup_copy, keys.unlock(old, "admin", "kapal-motor-admin-1")) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_files_with_personal_data_warn_outside_the_data_folder(tmp_path):
    from tests.integration.test_cli import run

    db = tmp_path / "data" / "lindung.sqlite3"
    assert run(db, "demo", "--workers", "3", "--seed", "5").returncode == 0
    outside = run(db, "cards", str(tmp_path / "usb" / "kartu.pdf"))
    assert outside.returncode == 0 and "peringatan" in outside.stderr and "data pribadi" in outside.stderr
    inside = run(db, "cards", str(tmp_path / "data" / "keluaran" / "kartu.pdf"), "--reason", "uji cetak ulang")
    assert inside.returncode == 0 and "data pribadi" not in inside.stderr
    ws = Workspace(db)
    assert ws.exports_dir == db.parent / "keluaran"
    assert ws.outside_data_dir(tmp_path / "data" / ".." / "lain.pdf")
    assert not ws.outside_data_dir(ws.exports_dir / "x.pdf")
    ws.close()
