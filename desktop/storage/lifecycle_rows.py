"""The workers' rows as the membership work reads them and appends events to them
(``desktop.services.membership``): every statement of that work on ``workers``.

A payment for a whole branch appends to some 60,000 records, so the rows are read as the driver gives them
(plain tuples, each distinct stored date read once through the codec) and written with one
``executemany`` per set of columns that change. Two row types: :class:`Held` (a row as an event is
appended to it) and :class:`Candidate` (a row as a submission sends it to BPJS); other reads give the few
columns their question needs.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from desktop.domain.records import SearchQuery
from desktop.storage import workers
from desktop.storage.codec import read_date, sql_date
from desktop.storage.database import Tx

_CHUNK = 500                                 # SQLite's bound-parameter limit, with room
_MANY, _MANY_CACHE = 10_000, -262_144        # rows; KiB (256 MB) for the writes of that many
_day = functools.lru_cache(maxsize=4096)(read_date)    # a branch's workers share a few dates

# The derived columns an append may change (what ``lifecycle.derive`` gives, by column).
DERIVED_COLUMNS = ("status", "kpj_number", "coverage_start", "coverage_end", "batch_no")
# How the events of a record some payment reached are stored (``lifecycle.dumps``: compact JSON).
_PAID = '"type":"paid"'


def _chunks(values: Sequence[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start:start + _CHUNK])


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


# -- a row as an event is appended to it -------------------------------------------------------------

class Held(NamedTuple):
    """A worker's row as an event is appended to it: its events and what follows from them."""

    id: int
    lifecycle: str | None
    revision: int
    status: str
    kpj_number: str | None
    coverage_start: dt.date | None
    coverage_end: dt.date | None
    batch_no: str | None
    occupation: str
    deleted: bool


_HELD = ("SELECT id, lifecycle, revision, status, kpj_number, coverage_start, coverage_end, batch_no, occupation, "
         "deleted_at IS NOT NULL FROM workers ")


def _held(row: Sequence[Any]) -> Held:
    wid, text_, revision, status, kpj, start, end, batch, occupation, deleted = row
    return Held(wid, text_, revision, status, kpj, _day(start) if start else None, _day(end) if end else None,
                batch, occupation, bool(deleted))


def held_rows(tx: Tx, ids: Sequence[int] = (), batch: str | None = None) -> dict[int, Held]:
    """The rows of these workers (or of one submission batch's: one query instead of one per chunk)."""
    if batch is not None:
        return {row[0]: _held(row) for row in tx.execute(_HELD + "WHERE batch_no = ?", (batch,))}
    held: dict[int, Held] = {}
    for chunk in _chunks(ids):
        held.update((row[0], _held(row)) for row in tx.execute(_HELD + f"WHERE id IN ({_marks(chunk)})", chunk))
    return held


def write_appended(tx: Tx, updates: dict[tuple[str, ...], list[tuple[Any, ...]]],
                   history: Iterable[tuple[Any, ...]]) -> None:
    """The rows with their new events: for each set of derived columns that change, rows of (events text,
    each changed column's value as stored (``codec.stored``), revision, updated_by, updated_at (as stored),
    id); and their history lines (worker id, revision, action, changed_at, changed_by, device id, changes)."""
    many = sum(len(rows) for rows in updates.values()) > _MANY
    if many:      # a branch's rows: kept in memory to the commit, not written out and read back midway
        cache = tx.scalar("PRAGMA cache_size")
        tx.execute(f"PRAGMA cache_size = {_MANY_CACHE}")
    try:
        for columns, rows in updates.items():
            if not set(columns) <= set(DERIVED_COLUMNS):
                raise ValueError(f"not a derived column: {columns}")
            assigned = "".join(f"{column} = ?, " for column in columns)
            tx.executemany(f"UPDATE workers SET lifecycle = ?, {assigned}revision = ?, updated_by = ?, "
                           "updated_at = ? WHERE id = ?", rows)
        tx.executemany(
            "INSERT INTO worker_changes (worker_id, revision, action, changed_at, changed_by, device_id, changes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", list(history))
    finally:
        if many:
            tx.execute(f"PRAGMA cache_size = {int(cache)}")


# -- a row as a submission sends it --------------------------------------------------------------------

class Candidate(NamedTuple):
    """A worker's row as a submission to BPJS reads it: the data it sends and what decides whether it may."""

    id: int
    uuid: str
    status: str
    lifecycle: str
    registration_no: str
    nik: str
    no_kk: str | None
    full_name: str
    birth_place: str
    birth_date: dt.date | None
    sex: str
    address: str
    kabupaten_code: str
    kecamatan_code: str
    desa_code: str
    phone: str | None
    occupation: str
    occupation_other: str
    monthly_income: int
    heir_name: str
    heir_relationship: str
    heir_phone: str | None
    funding_source: str
    pupil_name: str
    school_id: int | None
    school_known: bool           # its school is among this laptop's schools


_CANDIDATE = ("SELECT " + ", ".join(f"workers.{name}" for name in Candidate._fields[:-1])
              + ", EXISTS (SELECT 1 FROM schools WHERE schools.id = workers.school_id) FROM workers ")
_BIRTH = Candidate._fields.index("birth_date")


def _candidate(row: Sequence[Any]) -> Candidate:
    values = list(row)
    values[_BIRTH] = _day(values[_BIRTH]) if values[_BIRTH] else None
    values[-1] = bool(values[-1])
    return Candidate._make(values)


def candidates(tx: Tx, query: SearchQuery, statuses: Sequence[str]) -> Iterator[Candidate]:
    """The living workers of ``statuses`` that match ``query`` (as the list filters), by kabupaten, then
    name."""
    p = workers.Params()
    condition = workers.where(query, p)
    for row in tx.execute(_CANDIDATE + f"WHERE ({condition}) AND workers.deleted_at IS NULL AND "
                          f"workers.status IN ({', '.join(p(status) for status in statuses)}) "
                          "ORDER BY workers.kabupaten_code, workers.name_key, workers.id", p):
        yield _candidate(row)


def candidates_of(tx: Tx, ids: Sequence[int]) -> list[Candidate]:
    found: list[Candidate] = []
    for chunk in _chunks(ids):
        found += map(_candidate, tx.execute(_CANDIDATE + f"WHERE workers.id IN ({_marks(chunk)})", chunk))
    return found


def skipped_niks(tx: Tx) -> set[str]:
    """NIKs of the records the hub holds back as possible duplicates (``sync_skipped``)."""
    return set(tx.column("SELECT nik FROM sync_skipped"))


# -- which workers --------------------------------------------------------------------------------------

def ids_of_registrations(tx: Tx, registration_nos: Sequence[str]) -> list[int]:
    ids: list[int] = []
    for chunk in _chunks(registration_nos):
        ids += tx.column(f"SELECT id FROM workers WHERE registration_no IN ({_marks(chunk)})", chunk)
    return ids


def expiring_ids(tx: Tx, query: SearchQuery, last_day: dt.date, active: str) -> list[int]:
    """Living ``active`` workers matching ``query`` whose coverage ends by ``last_day`` (or has ended)."""
    p = workers.Params()
    condition = workers.where(query, p)
    return tx.column(f"SELECT workers.id FROM workers WHERE ({condition}) AND workers.deleted_at IS NULL "
                     f"AND workers.status = {p(active)} AND workers.coverage_end IS NOT NULL "
                     f"AND workers.coverage_end <= {p(sql_date(last_day))}", p)


def batch_known(tx: Tx, batch: str) -> bool:
    return tx.scalar("SELECT id FROM workers WHERE batch_no = ? LIMIT 1", (batch,)) is not None


def batch_events(tx: Tx, batch: str) -> str | None:
    """The events of one of the batch's records (each carries the batch's submission)."""
    return tx.scalar("SELECT lifecycle FROM workers WHERE batch_no = ? LIMIT 1", (batch,))


def events_of(tx: Tx, uuid: str) -> str | None:
    """A record's events as stored, None when no record has this uuid."""
    return tx.scalar("SELECT lifecycle FROM workers WHERE uuid = ?", (uuid,))


def _effective(today: dt.date, active: str, ended: str) -> tuple[str, list[Any]]:
    """The status on ``today`` (``ended`` for an active record whose coverage ran out), as SQL."""
    return ("CASE WHEN workers.status = ? AND workers.coverage_end IS NOT NULL AND workers.coverage_end < ? "
            "THEN ? ELSE workers.status END", [active, today.isoformat(), ended])


def batch_status_counts(tx: Tx, today: dt.date, active: str, ended: str) -> list[tuple[str, str, int]]:
    """(batch, status on ``today``, living records) of every submission batch."""
    effective, params = _effective(today, active, ended)
    return tx.all(f"SELECT workers.batch_no, {effective} AS effective, count(*) FROM workers "
                  "WHERE workers.batch_no IS NOT NULL AND workers.deleted_at IS NULL "
                  "GROUP BY workers.batch_no, effective", params)


def pipeline(tx: Tx, today: dt.date, soon: dt.date, by_school: bool, active: str,
             ended: str) -> list[tuple[str, str, int, int]]:
    """(kabupaten code or school NPSN, status on ``today``, living records, of them active and ending
    between ``today`` and ``soon``)."""
    effective, params = _effective(today, active, ended)
    key, join = (("schools.npsn", "JOIN schools ON schools.id = workers.school_id ") if by_school
                 else ("workers.kabupaten_code", ""))
    return tx.all(f"SELECT {key}, {effective} AS effective, count(*), sum(CASE WHEN workers.status = ? AND "
                  "workers.coverage_end IS NOT NULL AND workers.coverage_end >= ? AND workers.coverage_end <= ? "
                  f"THEN 1 ELSE 0 END) FROM workers {join}WHERE workers.deleted_at IS NULL GROUP BY {key}, effective",
                  [*params, active, today.isoformat(), soon.isoformat()])


# -- BPJS's answers --------------------------------------------------------------------------------------

def answerable(tx: Tx, niks: Sequence[str]) -> dict[str, tuple[int, str, str | None, str, str]]:
    """NIK -> (id, status, KPJ, events, full name) of the living workers with these NIKs."""
    found: dict[str, tuple[int, str, str | None, str, str]] = {}
    for chunk in _chunks(niks):
        for wid, nik, status, kpj, life, name in tx.execute(
                "SELECT id, nik, status, kpj_number, lifecycle, full_name FROM workers "
                f"WHERE nik IN ({_marks(chunk)}) AND deleted_at IS NULL", chunk):
            found[nik] = (wid, status, kpj, life, name)
    return found


def coverage_starts(tx: Tx, ids: Sequence[int]) -> dict[int, dt.date | None]:
    found: dict[int, dt.date | None] = {}
    for chunk in _chunks(ids):
        found.update((wid, _day(start) if start else None) for wid, start in tx.execute(
            f"SELECT id, coverage_start FROM workers WHERE id IN ({_marks(chunk)})", chunk))
    return found


def kpj_holders(tx: Tx, kpjs: Sequence[str]) -> dict[str, str]:
    """KPJ -> NIK of the living workers holding these KPJ numbers."""
    found: dict[str, str] = {}
    for chunk in _chunks(kpjs):
        found.update(tx.all(f"SELECT kpj_number, nik FROM workers WHERE kpj_number IN ({_marks(chunk)}) "
                            "AND deleted_at IS NULL", chunk))
    return found


def carrying(tx: Tx, answer_prefix: str) -> Iterator[tuple[int, str, dt.date | None, bool, str]]:
    """(id, registration no., coverage start, deleted, events) of the records whose events carry an answer
    id starting with ``answer_prefix`` (hexadecimal, checked by the caller; "" for every answer)."""
    for wid, regno, start, deleted, life in tx.execute(
            "SELECT id, registration_no, coverage_start, deleted_at IS NOT NULL, lifecycle FROM workers "
            "WHERE lifecycle LIKE ?", (f'%"answer":"{answer_prefix}%',)):
        yield wid, regno, _day(start) if start else None, bool(deleted), life


# -- the ledger ---------------------------------------------------------------------------------------------

def ledger_rows(tx: Tx, batch: str | None = None) -> Iterator[tuple[int, str | None, str, str, bool]]:
    """(id, batch, occupation, events, deleted) of every record some payment reached (of one batch's), by id:
    only these carry money."""
    batch_clause, params = (" AND batch_no = ?", [_PAID, batch]) if batch else ("", [_PAID])
    for wid, batch_no, occupation, life, deleted in tx.execute(
            "SELECT id, batch_no, occupation, lifecycle, deleted_at IS NOT NULL FROM workers "
            f"WHERE instr(lifecycle, ?) > 0{batch_clause} ORDER BY id", params):
        yield wid, batch_no, occupation, life, bool(deleted)


_IDENTITY = "SELECT id, nik, kpj_number, full_name, registration_no, status, deleted_at IS NOT NULL"


def paid_identities(tx: Tx) -> Iterator[tuple[int, str, str | None, str, str, str, bool, str, str]]:
    """(id, NIK, KPJ, full name, registration no., status, deleted, occupation, events) of every record some
    payment reached (BPJS's bill is held against them)."""
    for row in tx.execute(f"{_IDENTITY}, occupation, lifecycle FROM workers WHERE instr(lifecycle, ?) > 0",
                          (_PAID,)):
        yield (*row[:6], bool(row[6]), *row[7:])


def identities(tx: Tx, by: str, values: Sequence[str]) -> list[tuple[int, str, str | None, str, str, str, bool]]:
    """(id, NIK, KPJ, full name, registration no., status, deleted) of the records (living or not) with these
    KPJ numbers (``by="kpj"``) or NIKs (``by="nik"``)."""
    column = {"kpj": "kpj_number", "nik": "nik"}[by]
    found = []
    for chunk in _chunks(values):
        found += [(*row[:6], bool(row[6])) for row in tx.execute(
            f"{_IDENTITY} FROM workers WHERE {column} IN ({_marks(chunk)})", chunk)]
    return found


def paid_recipients(tx: Tx) -> Iterator[tuple[str, str | None, str, str, str, str, str, str, str, bool]]:
    """(registration no., KPJ, NIK, full name, asnaf, kabupaten, events, occupation, status, deleted) of every
    record whose events name a payment, by kabupaten, then name (BAZNAS's distribution record)."""
    for row in tx.execute("SELECT registration_no, kpj_number, nik, full_name, asnaf, kabupaten_code, lifecycle, "
                          "occupation, status, deleted_at IS NOT NULL FROM workers WHERE lifecycle LIKE ? "
                          "ORDER BY kabupaten_code, name_key, id", ('%"paid"%',)):
        yield (*row[:9], bool(row[9]))
