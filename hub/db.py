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


def database_url(given: str | None) -> str:
    """``--db`` wins over ``LINDUNG_HUB_DB``; a bare path means a SQLite file."""
    url = given or os.environ.get("LINDUNG_HUB_DB") or DEFAULT_DB
    if "://" not in url:
        url = "sqlite:///" + str(Path(url).expanduser().resolve())
    return url


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
    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        migrate(self.engine)
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
