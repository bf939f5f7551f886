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
