"""The laptop's one way into its database: units of work on one driver connection.

Like Anki's ``DBProxy``: one SQLCipher connection per open workspace, handed out inside a unit of work
(``Database.read()`` / ``Database.write()``) as a small proxy, :class:`Tx`. The table modules of
``desktop.storage`` hold every statement and take a ``Tx``; services never see the driver.

Units nest on the thread that holds them: a read or a write inside a write joins it (and sees what it
wrote); a write inside a read is refused at once, loudly, because the read's snapshot cannot take the
write lock (SQLite would wait out its busy timeout and fail). Another thread waits for the unit to end
(one unit of work at a time, as the window's single background worker does anyway).

SQLAlchemy stays for the schema: its models describe the tables and Alembic migrates them
(``storage.engine``); no unit of work goes through it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as _driver

from desktop.storage.engine import connect

# The driver's errors, named here so that services catch them without importing the driver: a
# constraint refused (a NIK taken by another process), a locked or unreadable file.
IntegrityError = _driver.IntegrityError
OperationalError = _driver.OperationalError
DatabaseError = _driver.DatabaseError
Error = _driver.Error               # any of the driver's (a value it cannot bind is an InterfaceError)


class NestingError(RuntimeError):
    """A write asked for inside a read of the same thread: a programming error, never a user's."""


class Tx:
    """The statements of one unit of work. Placeholders are the driver's ``?`` (or ``:name``)."""

    __slots__ = ("_db", "writes")

    def __init__(self, db, writes: bool):
        self._db = db
        self.writes = writes

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()):
        """The cursor of one statement (iterate it, or ``fetchone``/``fetchall``)."""
        if not self.writes and not _reads_only(sql):
            raise NestingError("a statement that writes inside a read unit of work")
        return self._db.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any] | dict[str, Any]]) -> int:
        """Run one statement over many rows; the number of rows it changed."""
        if not self.writes:
            raise NestingError("a statement that writes inside a read unit of work")
        return self._db.executemany(sql, rows).rowcount

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    def first(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> tuple | None:
        return self.execute(sql, params).fetchone()

    def all(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple]:
        return self.execute(sql, params).fetchall()

    def column(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        """The first column of every row."""
        return [row[0] for row in self.execute(sql, params)]

    def insert(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """Run an INSERT; the new row's id."""
        return self.execute(sql, params).lastrowid

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A part of a write that fails alone: on an exception what it wrote is undone and the exception
        goes on; the rest of the unit of work stays (SQLite's SAVEPOINT, which nests)."""
        if not self.writes:
            raise NestingError("a savepoint inside a read unit of work")
        self._db.execute("SAVEPOINT part")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK TO part")
            self._db.execute("RELEASE part")
            raise
        self._db.execute("RELEASE part")

    @property
    def driver(self):
        """The DB-API connection, for the few storage modules that need the driver itself (a cursor
        held over a long ``executemany``, SQLCipher's backup). Never used outside ``desktop.storage``."""
        return self._db


_READ_VERBS = ("SELECT", "WITH", "PRAGMA", "EXPLAIN", "VALUES")


def _reads_only(sql: str) -> bool:
    # A read unit holds a snapshot without the write lock: a write there would either fail after the
    # busy timeout or silently upgrade the lock. Checked on the statement's first word only; a
    # ``WITH ... INSERT`` is not used anywhere. A PRAGMA that sets a value is the caller's business.
    return sql.lstrip()[:7].upper().startswith(_READ_VERBS)


class Database:
    """One encrypted SQLite file opened with the engine's settings (WAL, foreign keys, FULL sync)."""

    def __init__(self, path: Path | str, key: bytes):
        self.path = Path(path).expanduser()
        self._db = connect(self.path, key)
        self._lock = threading.RLock()
        self._depth = 0
        self._writes = False

    @contextmanager
    def read(self) -> Iterator[Tx]:
        """A unit that reads one snapshot; inside a write it joins the write."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield Tx(self._db, False)
                finally:
                    self._depth -= 1
                return
            self._db.execute("BEGIN")
            self._depth = 1
            try:
                yield Tx(self._db, False)
            finally:
                self._depth = 0
                if self._db.in_transaction:
                    self._db.execute("COMMIT")   # nothing written: ends the snapshot

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """A unit that holds the write lock from its start (``BEGIN IMMEDIATE``: what it read to decide
        cannot change before it writes), committed when the outermost block ends, rolled back whole on
        any exception. Inside a write it joins it; inside a read it is refused (:class:`NestingError`)."""
        with self._lock:
            if self._depth:
                if not self._writes:
                    raise NestingError("a write cannot start inside a read on the same connection")
                self._depth += 1
                try:
                    yield Tx(self._db, True)
                finally:
                    self._depth -= 1
                return
            self._db.execute("BEGIN IMMEDIATE")
            self._depth, self._writes = 1, True
            try:
                yield Tx(self._db, True)
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")
            finally:
                self._depth, self._writes = 0, False

    def close(self) -> None:
        with self._lock:
            self._db.close()
