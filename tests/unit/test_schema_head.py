"""The packaged schema revision: a database stamped with it opens without Alembic, so it must be
Alembic's head. A new migration without a new ``HEAD_REVISION`` would be skipped on every laptop
whose database is at the previous head."""

import re
from pathlib import Path

from desktop.storage.engine import HEAD_REVISION, MIGRATIONS, head_revision


def test_packaged_head_is_the_newest_migration():
    assert HEAD_REVISION == head_revision(), (
        f"add the new migration's revision to desktop/storage/engine.py: HEAD_REVISION = \"{head_revision()}\"")


def test_a_new_migration_without_a_new_head_fails(tmp_path, monkeypatch):
    """The check above sees a migration added after HEAD_REVISION (a copy of the scripts plus one)."""
    import shutil

    from desktop.storage import engine

    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_next.py").write_text(
        f'revision = "9999"\ndown_revision = "{HEAD_REVISION}"\n\n\ndef upgrade():\n    pass\n\n\n'
        'def downgrade():\n    pass\n', encoding="utf-8")
    monkeypatch.setattr(engine, "MIGRATIONS", scripts)
    assert engine.head_revision() == "9999" != HEAD_REVISION


def test_head_revision_names_a_migration_file():
    names = [re.match(r"(\d{4})_", p.name) for p in (Path(MIGRATIONS) / "versions").glob("*.py")]
    assert HEAD_REVISION == max(m.group(1) for m in names if m)


def test_datetimes_written_through_the_driver_are_those_sqlalchemy_writes():
    """Rows the driver writes (a card batch's log) sit beside rows the ORM writes: the same text."""
    import datetime as dt

    from sqlalchemy import DateTime
    from sqlalchemy.dialects import sqlite

    from desktop.storage.codec import sql_datetime

    store = DateTime().dialect_impl(sqlite.dialect()).bind_processor(sqlite.dialect())
    for value in (dt.datetime(2026, 11, 24, 8, 0), dt.datetime(2026, 1, 2, 3, 4, 5, 6),
                  dt.datetime(999, 12, 31, 23, 59, 59, 999999)):
        assert sql_datetime(value) == store(value)
