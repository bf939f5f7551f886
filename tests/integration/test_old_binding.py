"""A database, its key file and a backup written by the old SQLCipher binding (``sqlcipher3-binary``,
tests/data/old-binding/) open unchanged with the binding pyproject.toml names now, with the same key
handling: sign in, list the workers, integrity check, restore the backup."""

from __future__ import annotations

import hashlib
import importlib.metadata
import shutil
from pathlib import Path

import pytest

from desktop.services import keys
from desktop.services.accounts import authenticate
from desktop.services.backup import restore_workspace
from desktop.services.errors import AuthenticationFailed
from desktop.services.search import SearchQuery, iter_records
from desktop.services.workspace import Workspace
from desktop.storage.engine import sqlcipher_connect
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "old-binding"
PASSWORD = "rahasia-admin-1"
WORKERS = [("CEW65D-000001-R", "JUMARI"), ("CEW65D-000002-P", "INDRA PERMADI"),
           ("CEW65D-000003-N", "AMELIA ASTUTI"), ("CEW65D-000004-L", "GENTA PUDJIASTUTI"),
           ("CEW65D-000005-J", "EVA")]


def required_binding() -> str:
    """The SQLCipher distribution pyproject.toml depends on."""
    from tests.integration.test_wheels import runtime_requirements

    deps = runtime_requirements()
    names = [d.split(">")[0].split("=")[0].split("<")[0].strip() for d in deps if d.lower().startswith("sqlcipher")]
    assert len(names) == 1, names
    return names[0]


def test_the_binding_in_use_is_the_one_with_wheels_for_every_system():
    import sqlcipher3

    name = required_binding()
    assert name == "sqlcipher3", "sqlcipher3-binary has no wheels for Windows or macOS"
    # The module imported is the one that distribution installed (not a leftover of the old binding,
    # which installs the same package name).
    files = {str(f) for f in importlib.metadata.distribution(name).files}
    module = Path(sqlcipher3.__file__).resolve()
    assert f"sqlcipher3/{module.name}" in files
    version = sqlcipher_connect(":memory:", b"\0" * 32).execute("PRAGMA cipher_version").fetchone()[0]
    assert version.startswith("4."), version           # SQLCipher 4: the format of the committed files


@pytest.fixture
def laptop(tmp_path):
    """Copies of the committed files, as they lie on a volunteer's laptop."""
    for name in ("lindung.sqlite3", "lindung.sqlite3.key", "lindung-backup.sqlite3"):
        shutil.copy2(DATA / name, tmp_path / name)
    return tmp_path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listed(ws) -> list[tuple[str, str]]:
    return sorted((r.registration_no, r.full_name) for r in iter_records(ws, SearchQuery()))


def test_an_old_database_opens_with_its_key_file_unchanged(laptop):
    db = laptop / "lindung.sqlite3"
    keyfile = digest(keys.key_path(db))
    assert keys.needs_password(db)                      # encrypted for its accounts, as it was written
    with pytest.raises(AuthenticationFailed):
        keys.unlock(db, "admin", "bukan-sandinya")
    key = keys.unlock(db, "admin", PASSWORD)
    ws = Workspace(db, today=TODAY, key=key)
    try:
        assert authenticate(ws, "admin", PASSWORD).username == "admin"
        assert listed(ws) == WORKERS
    finally:
        ws.close()
    assert digest(keys.key_path(db)) == keyfile         # the key file is read, never rewritten
    assert not keys.is_plain_sqlite(db)
    connection = sqlcipher_connect(db, key)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA cipher_integrity_check").fetchall() == []
    finally:
        connection.close()


def test_an_old_backup_restores_over_a_changed_database(laptop):
    from desktop.services import enrollment
    from tests.conftest import make_raw

    db = laptop / "lindung.sqlite3"
    key = keys.unlock(db, "admin", PASSWORD)
    ws = Workspace(db, today=TODAY, key=key)
    admin = authenticate(ws, "admin", PASSWORD)
    enrollment.enroll(ws, make_raw(), admin)            # written after the backup: the restore drops it
    assert len(listed(ws)) == len(WORKERS) + 1
    ws.close()

    info = restore_workspace(db, laptop / "lindung-backup.sqlite3", key, admin)
    assert info.workers == len(WORKERS)
    ws = Workspace(db, today=TODAY, key=keys.unlock(db, "admin", PASSWORD))
    try:
        assert listed(ws) == WORKERS
    finally:
        ws.close()
    kept = list(laptop.glob("lindung.sqlite3.sebelum-pulih-*"))
    assert len(kept) == 1                               # the database before the restore, kept aside
    connection = sqlcipher_connect(db, key)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
