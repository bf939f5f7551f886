"""The hub's database: a SQLite file by default, PostgreSQL by URL; migrations applied at start."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_DB = "sqlite:///lindung-hub.sqlite3"
MIGRATION_LOCK = 0x4C444E47  # "LDNG": one process at a time migrates a PostgreSQL hub database


BACKENDS = ("sqlite", "postgresql")


class HubDatabaseError(Exception):
    """The hub's database cannot be used as given (Indonesian message, one line, for the operator)."""


def database_url(given: str | None) -> str:
    """``--db`` wins over ``LINDUNG_HUB_DB``; a bare path means a SQLite file, ``postgresql://`` (or
    ``postgres://``) the psycopg driver the hub is installed with."""
    url = given or os.environ.get("LINDUNG_HUB_DB") or DEFAULT_DB
    if "://" not in url:
        url = "sqlite:///" + str(Path(url).expanduser().resolve())
    for bare in ("postgresql://", "postgres://"):
        if url.startswith(bare):
            url = "postgresql+psycopg://" + url[len(bare):]
    return url


def _checked_url(url: str):
    """The parsed URL of a database the hub can use, else HubDatabaseError."""
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):   # no scheme, a port that is no number
        raise HubDatabaseError("alamat basis data di --db (atau LINDUNG_HUB_DB) tidak dapat dibaca; contoh: "
                               "postgresql+psycopg://pengguna@host/nama atau sqlite:///berkas.sqlite3") from None
    if parsed.get_backend_name() not in BACKENDS:
        raise HubDatabaseError(f"basis data {parsed.get_backend_name()} tidak didukung: hub hanya memakai SQLite "
                               "(sqlite:///berkas) dan PostgreSQL (postgresql+psycopg://…)")
    return parsed


def _sqlite_file(parsed) -> Path | None:
    if parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).expanduser().resolve()


def _unreachable(parsed, exc: Exception) -> HubDatabaseError:
    """Why a PostgreSQL server did not let the hub in, in words: not reachable at its host and port
    (probed with a plain TCP connection), no such database, or refused (user, password, pg_hba.conf)."""
    import socket

    host, port = parsed.host or "localhost", parsed.port or 5432
    try:
        socket.create_connection((host, port), timeout=3).close()
    except OSError:
        return HubDatabaseError(f"server PostgreSQL di {host}:{port} tidak dapat dihubungi: periksa nama host dan "
                                "port di --db, dan bahwa server itu berjalan dan menerima sambungan")
    text = str(getattr(exc, "orig", None) or exc)
    if f'database "{parsed.database}" does not exist' in text:
        return HubDatabaseError(f"basis data {parsed.database} tidak ada di server PostgreSQL {host}:{port}: "
                                f"buat dulu (createdb {parsed.database}), lalu lindung-hub --db … init")
    return HubDatabaseError(f"server PostgreSQL di {host}:{port} menolak sambungan ke basis data {parsed.database}: "
                            "periksa nama pengguna, kata sandi dan izin aksesnya (pg_hba.conf)")


def _missing(where: str) -> HubDatabaseError:
    return HubDatabaseError(f"belum ada basis data hub di {where}; periksa --db (atau LINDUNG_HUB_DB), "
                            "atau buat yang baru: lindung-hub --db … init")


def _sqlite_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=FULL", "busy_timeout=30000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(connection) -> None:
    # Every unit of work takes SQLite's write lock at once: the hub's writes are short and several
    # worker processes may serve one file.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database:
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _current(connection) -> str | None:
    if inspect(connection).has_table("hub_alembic_version"):
        return connection.execute(text("SELECT version_num FROM hub_alembic_version")).scalar()
    return None


def head_revision() -> str:
    """The newest migration this hub's code knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision and make sure the change counter exists.

    Several hub processes may start at once on a fresh database: the first takes a lock (an advisory
    lock on PostgreSQL, SQLite's write lock), the others wait and then find the work done.
    """
    from alembic import command

    from hub.models import Counter

    head = head_revision()
    with engine.connect() as connection:
        if _current(connection) == head and connection.execute(
                select(Counter.name).where(Counter.name == "changes")).first() is not None:
            return
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        if _current(connection) != head:
            command.upgrade(_config(connection), "head")
        if connection.execute(select(Counter.name).where(Counter.name == "changes")).first() is None:
            connection.execute(Counter.__table__.insert().values(name="changes", value=0))


class HubDatabase:
    def __init__(self, url: str, create: bool = True):
        """The hub's database at ``url``, brought to the newest schema. ``create`` False: only one that
        exists (a SQLite file, or a PostgreSQL database with the hub's tables), else HubDatabaseError;
        a server that cannot be reached, or a database the hub cannot use, is HubDatabaseError too."""
        from sqlalchemy.exc import DatabaseError, OperationalError

        parsed = _checked_url(url)
        self.url = url
        path = _sqlite_file(parsed) if parsed.get_backend_name() == "sqlite" else None
        if path is not None and path.is_dir():
            raise HubDatabaseError(f"{path} adalah folder; --db menyebut berkas basis data hub "
                                   f"(mis. {path / 'lindung-hub.sqlite3'})")
        if path is not None and not create and not path.is_file():
            raise _missing(f"berkas {path}")
        self.engine = make_engine(url)
        try:
            if not create and path is None:
                with self.engine.connect() as connection:
                    if not inspect(connection).has_table("hub_alembic_version"):
                        raise _missing(f"{parsed.render_as_string(hide_password=True)}")
            migrate(self.engine)
        except (OperationalError, DatabaseError) as exc:
            self.engine.dispose()
            if path is not None:
                raise HubDatabaseError(f"berkas {path} tidak dapat dibuka sebagai basis data hub") from None
            if isinstance(exc, OperationalError):
                raise _unreachable(parsed, exc) from None
            raise
        except BaseException:
            self.engine.dispose()
            raise
        self.head = head_revision()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def health(self) -> tuple[bool, dict[str, str]]:
        """Whether this hub can serve: its database answers and its schema is the revision this code
        expects (a database restored from an older backup, or migrated by a newer hub, is not).
        What is said holds no personal data: the revisions and the kind of failure."""
        from sqlalchemy.exc import SQLAlchemyError

        head = self.head
        try:
            with self.engine.connect() as connection:
                current = _current(connection)
        except SQLAlchemyError as exc:
            return False, {"status": "database_unreachable", "error": type(exc).__name__, "expected": head}
        if current != head:
            return False, {"status": "migration_mismatch", "migration": current or "none", "expected": head}
        return True, {"status": "ok", "migration": current, "database": self.engine.dialect.name}

    @contextmanager
    def session(self, snapshot: bool = False) -> Iterator[Session]:
        """One unit of work. ``snapshot``: every statement in it sees the database as of its first
        one (PostgreSQL's REPEATABLE READ; a SQLite transaction always does), so a page of changes
        and the cursor after it, or a count and its cursor, agree with each other."""
        with self._sessions() as session, session.begin():
            if snapshot and self.engine.dialect.name == "postgresql":
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            yield session

    def close(self) -> None:
        self.engine.dispose()
