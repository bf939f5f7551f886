"""One codec for the dates and times the laptop stores: every writer (the ORM, the bulk enrollment, the
sync pull, the lifecycle appends) stores them as SQLAlchemy's SQLite types do, so every row of a column has
one format and the readers need not tolerate others.

- a date: ``2026-11-24``;
- a time (UTC, naive): ``2026-11-24 08:00:00.000000`` (microseconds always written: the driver's own
  adapter drops them when they are zero, and then ``08:00:00`` sorts before ``08:00:00.000000``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def sql_datetime(value: dt.datetime) -> str:
    return (f"{value.year:04d}-{value.month:02d}-{value.day:02d} {value.hour:02d}:{value.minute:02d}:"
            f"{value.second:02d}.{value.microsecond:06d}")


def sql_date(value: dt.date) -> str:
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def stored(value: Any) -> Any:
    """``value`` as it is stored: dates and times as their text, anything else as it is."""
    if isinstance(value, dt.datetime):
        return sql_datetime(value)
    if isinstance(value, dt.date):
        return sql_date(value)
    return value


def read_datetime(text: str | None) -> dt.datetime | None:
    """A stored time back (also the ``T``-separated and second-only forms written before the codec)."""
    return dt.datetime.fromisoformat(text) if text else None


def read_date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None
