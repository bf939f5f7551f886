"""The SQLite engine: WAL, foreign keys, durable commits, and migrations applied at start.

Nothing here imports SQLAlchemy or Alembic until an engine is made or a migration runs: a command
that only reads opens the file with the driver alone (``connect``), and a database already at the
packaged schema (``HEAD_REVISION``) never loads Alembic at all.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
APP_NAME = "Lindung"

# The newest migration in migrations/versions, the schema this package was built with. A database
# stamped with it opens without Alembic (importing it and reading its script directory cost
# 0.26-0.45 s of every start); any other revision runs Alembic as before. Change it with every new
# migration: tests/unit/test_schema_head.py and scripts/build_bundle.py fail until it names
# Alembic's head.
HEAD_REVISION = "0016"


def default_db_path() -> Path:
    """``--db`` wins over ``LINDUNG_DB``, which wins over the user's data directory."""
    env = os.environ.get("LINDUNG_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "lindung.sqlite3"


def read_only_uri(path: Path | str) -> str:
    """An SQLite URI that opens ``path`` read-only. The path is percent-encoded (``Path.as_uri``): in a
    bare ``file:{path}`` a ``#`` ends the file name and drops ``?mode=ro`` with it, and a ``%`` starts an
    escape, so a folder named ``Data #1`` opened (and created) another file, read-write."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def key_pragma(key: bytes) -> str:
    """SQLCipher's raw-key form: the 32 bytes are the AES key (no passphrase derivation)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


def sqlcipher_connect(path: Path | str, key: bytes, **kwargs):
    """A DB-API connection to an encrypted database, key applied, not yet read."""
    import sqlcipher3.dbapi2 as sqlcipher

    connection = sqlcipher.connect(str(path), **kwargs)
    connection.execute(key_pragma(key))
    return connection


def _on_connect(dbapi_connection, _record=None) -> None:
    # The driver's own transaction handling is switched off (isolation_level=None) so that the
    # BEGIN emitted below covers every statement of a unit of work, reads included.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # FULL: a commit the user was told about survives a power cut, not only a crash.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=10000")
    # 64 MB of decrypted pages: with SQLCipher every page read from the OS cache is decrypted and
    # checked again, so a 32 MB cache (plenty for plain SQLite) doubled the search p95 over 100,000
    # workers (17.6 -> 45.9 ms); at 64 MB it is 22 ms and enrolling is as fast (benchmarks/).
    cursor.execute("PRAGMA cache_size=-64000")
    cursor.close()


def _on_begin(connection) -> None:
    # A unit of work that writes takes the write lock at once (BEGIN IMMEDIATE), so that what it
    # read to decide (free NIK, next sequence) cannot be changed by another process before it writes.
    immediate = connection.get_execution_options().get("lindung_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def connect(path: Path | str, key: bytes):
    """A DB-API connection to the encrypted file with the engine's settings (WAL, foreign keys,
    durable commits, cache), creating its folder when needed; for reads without SQLAlchemy. Usable
    from one thread at a time; transactions are the caller's (``BEGIN`` ... ``COMMIT``)."""
    path = Path(path).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlcipher_connect(path, key, check_same_thread=False)
    try:
        _on_connect(connection)
    except BaseException:   # a wrong key or a file that is no database
        connection.close()
        raise
    return connection


def stored_revision(connection) -> str | None:
    """The schema revision a database is stamped with (None: new, or made before migrations)."""
    import sqlcipher3.dbapi2 as sqlcipher

    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlcipher.OperationalError:   # no such table
        return None
    return row[0] if row else None


def make_engine(path: Path | str, key: bytes) -> Engine:
    """An engine on an encrypted SQLite file (SQLCipher, AES-256 with ``key``), creating its folder
    when needed."""
    import sqlcipher3.dbapi2 as sqlcipher
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url

    path = Path(path).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    url = make_url("sqlite://").set(database=str(path))
    engine = create_engine(url, module=sqlcipher,
                           creator=lambda: sqlcipher_connect(path, key, check_same_thread=False))
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine) -> bool:
    """Bring the schema to the newest revision in one transaction; True if anything ran. A database
    at the packaged ``HEAD_REVISION`` is left alone without loading Alembic."""
    if current_revision(engine) == HEAD_REVISION:
        return False
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
    return True


def migrate_file(path: Path | str, key: bytes) -> bool:
    """``migrate`` on the encrypted file at ``path`` through an engine of its own, disposed after: the
    only use the laptop makes of SQLAlchemy (its units of work go through ``storage.database``)."""
    engine = make_engine(path, key)
    try:
        return migrate(engine)
    finally:
        engine.dispose()


def is_plain_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except FileNotFoundError:
        return False


def encrypt_in_place(path: Path, key: bytes, before_replace=None) -> None:
    """Turn a plain SQLite file into an encrypted one with ``key``: exported whole into a new file,
    flushed, then renamed over the old one. ``before_replace`` runs just before the rename (the
    key file is written there, so an encrypted database never exists without its key)."""
    import sqlcipher3.dbapi2 as sqlcipher

    path = Path(path)
    tmp = path.with_name(path.name + ".encrypting")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    plain = sqlcipher.connect(str(path))
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(tmp),))
        plain.execute("SELECT sqlcipher_export('encrypted')")
        version = plain.execute("PRAGMA main.user_version").fetchone()[0]
        plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    if before_replace is not None:
        before_replace()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    tmp.replace(path)
