"""SQLAlchemy on a laptop's database, for tests that set rows up or look at them under the services
(migration tests, a row as an older laptop stored it). The app itself never goes this way: its one path
is ``desktop.storage.database``."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager

from desktop.storage.engine import make_engine

_engines: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def engine(ws):
    """One engine per open workspace (on its file and key)."""
    if ws not in _engines:
        made = make_engine(ws.path, ws.key)
        _engines[ws] = made
        weakref.finalize(ws, made.dispose)
    return _engines[ws]


@contextmanager
def session(ws, write: bool = False) -> Iterator:
    """An ORM unit of work, committed at its end (``write``: the write lock at once, as the app's)."""
    from sqlalchemy.orm import Session

    bind = engine(ws).execution_options(lindung_write=True) if write else engine(ws)
    with Session(bind, expire_on_commit=False) as orm, orm.begin():
        yield orm
