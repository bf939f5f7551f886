"""The one transaction API (storage.database): units nest, a write inside a read is refused loudly,
a failed write leaves nothing, another thread waits for the unit to end."""

from __future__ import annotations

import secrets
import threading

import pytest

from desktop.storage.database import Database, NestingError


@pytest.fixture()
def db(tmp_path):
    database = Database(tmp_path / "unit.sqlite3", secrets.token_bytes(32))
    with database.write() as tx:
        tx.execute("CREATE TABLE t (n INTEGER)")
    yield database
    database.close()


def test_a_write_inside_a_write_joins_it_and_commits_once(db):
    with db.write() as outer:
        outer.execute("INSERT INTO t VALUES (1)")
        with db.write() as inner:
            inner.execute("INSERT INTO t VALUES (2)")
        with db.read() as reading:
            assert reading.column("SELECT n FROM t ORDER BY n") == [1, 2]   # sees what the write wrote
    with db.read() as tx:
        assert tx.scalar("SELECT count(*) FROM t") == 2


def test_a_failure_inside_a_nested_write_rolls_back_the_whole_unit(db):
    with pytest.raises(ValueError), db.write() as outer:
        outer.execute("INSERT INTO t VALUES (1)")
        with db.write() as inner:
            inner.execute("INSERT INTO t VALUES (2)")
            raise ValueError("stop")
    with db.read() as tx:
        assert tx.scalar("SELECT count(*) FROM t") == 0


def test_a_write_inside_a_read_is_refused_at_once(db):
    with db.read() as tx:
        with pytest.raises(NestingError):
            with db.write():
                pass
        with pytest.raises(NestingError):
            tx.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(NestingError):
            tx.executemany("INSERT INTO t VALUES (?)", [(1,)])
    with db.write() as tx:   # the refusal left the connection usable
        tx.execute("INSERT INTO t VALUES (3)")
        with db.read() as inner, pytest.raises(NestingError):
            inner.execute("DELETE FROM t")   # a read inside a write reads only
    with db.read() as tx:
        assert tx.column("SELECT n FROM t") == [3]


def test_a_savepoint_undoes_its_part_alone_and_the_unit_goes_on(db):
    with db.write() as tx:
        tx.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(ValueError), tx.savepoint():
            tx.execute("INSERT INTO t VALUES (2)")
            with tx.savepoint():      # they nest: the inner part stays while the outer part goes on
                tx.execute("INSERT INTO t VALUES (3)")
            raise ValueError("this part fails")
        with tx.savepoint():
            tx.execute("INSERT INTO t VALUES (4)")
        assert tx.column("SELECT n FROM t ORDER BY n") == [1, 4]
    with db.read() as tx:
        assert tx.column("SELECT n FROM t ORDER BY n") == [1, 4]   # committed with the unit
        with pytest.raises(NestingError), tx.savepoint():
            pass


def test_another_thread_waits_for_the_unit_to_end(db):
    inside, seen = threading.Event(), []

    def other():
        inside.wait()
        with db.read() as tx:
            seen.append(tx.scalar("SELECT count(*) FROM t"))

    thread = threading.Thread(target=other)
    thread.start()
    with db.write() as tx:
        tx.execute("INSERT INTO t VALUES (1)")
        inside.set()
        thread.join(timeout=0.2)
        assert thread.is_alive()   # held back by the unit, not reading its uncommitted row
    thread.join()
    assert seen == [1]


def test_settings_table_module(tmp_path):
    from desktop.services.workspace import Workspace
    from desktop.storage import settings

    ws = Workspace(tmp_path / "s.sqlite3")
    with ws.write() as tx:
        settings.put(tx, "sync.a_b", "1")
        settings.put(tx, "sync.a_b", "2")
        settings.put(tx, "syncXa", "3")
        assert settings.put_new(tx, "sync.a_b", "9") is False
        assert settings.put_new(tx, "sync.c", "4") is True
    with ws.read() as tx:
        assert settings.get(tx, "sync.a_b") == "2"
        assert settings.get_many(tx, prefix="sync.") == {"sync.a_b": "2", "sync.c": "4"}
        assert settings.get_many(tx, ["syncXa", "missing"]) == {"syncXa": "3"}
    with ws.write() as tx:
        settings.delete(tx, "sync.c")
    with ws.read() as tx:
        assert settings.get(tx, "sync.c") is None
    ws.close()
