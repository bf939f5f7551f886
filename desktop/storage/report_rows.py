"""The read-only statements the branch's and BAZNAS's reports are drawn from (``services.reporting``):
counts of live workers, a school's people for its hand-over sheet, the workers a contributions report
prices. They read ``workers``, ``schools``, ``card_prints`` and ``membership_batches`` and write nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from desktop.storage.codec import read_date
from desktop.storage.database import Tx
from desktop.storage.print_batches import PRINTED

_LIVE = "deleted_at IS NULL"
_GROUPS = ("kabupaten_code", "occupation")


def live_counts(tx: Tx, by: str, printed: bool = False) -> dict[str, int]:
    """Live workers per ``by`` (``kabupaten_code`` or ``occupation``); with ``printed``, only those whose
    card was printed."""
    if by not in _GROUPS:
        raise ValueError(f"unknown grouping {by!r}")
    where = f"{_LIVE} AND {PRINTED}" if printed else _LIVE
    return dict(tx.all(f"SELECT {by}, count(*) FROM workers WHERE {where} GROUP BY {by}"))


@dataclass(frozen=True)
class SchoolSheet:
    name: str
    level: str
    coordinator: str
    kabupaten_code: str
    people: list[tuple[str, str, str | None, str | None, str | None]]   # name, reg. no., pupil, class, KPJ


def school_sheet(tx: Tx, npsn: str) -> SchoolSheet | None:
    """The school with ``npsn`` and its live workers by name (None: no such school)."""
    school = tx.first("SELECT id, name, level, coordinator, kabupaten_code FROM schools WHERE npsn = ?", (npsn,))
    if school is None:
        return None
    school_id, name, level, coordinator, kab = school
    people = tx.all(f"SELECT full_name, registration_no, pupil_name, pupil_class, kpj_number FROM workers "
                    f"WHERE {_LIVE} AND school_id = ? ORDER BY name_key, id", (school_id,))
    return SchoolSheet(name, level, coordinator, kab, people)


def batch_workers(tx: Tx, batch_no: str) -> int:
    """How many workers (deleted ones too) carry submission batch ``batch_no``."""
    return tx.scalar("SELECT count(*) FROM workers WHERE batch_no = ?", (batch_no,))


def batch_months(tx: Tx, batch_no: str) -> int | None:
    """The months submission batch ``batch_no`` was made for (None: not made on this laptop)."""
    return tx.scalar("SELECT months FROM membership_batches WHERE number = ?", (batch_no,))


def priced(tx: Tx, statuses: Sequence[str], batch_no: str | None = None
           ) -> Iterator[tuple[str, str, str, str, dt.date | None]]:
    """(kabupaten, occupation, lifecycle JSON, status, coverage start) of each live worker in one of
    ``statuses`` (of batch ``batch_no`` when given): those a contributions report prices."""
    where, params = f"{_LIVE} AND status IN ({', '.join('?' * len(statuses))})", list(statuses)
    if batch_no is not None:
        where += " AND batch_no = ?"
        params.append(batch_no)
    for kab, occupation, events, status, began in tx.execute(
            f"SELECT kabupaten_code, occupation, lifecycle, status, coverage_start FROM workers WHERE {where}",
            params):
        yield kab, occupation, events, status, read_date(began)
