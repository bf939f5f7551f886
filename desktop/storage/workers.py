"""The ``workers`` table, its change log and its name index: every statement on them, and the one
row <-> record mapper.

Every writer goes through here (the form, an import, Dapodik, a sync pull, lifecycle events, ``lindung
edit``), so a stored date or time has one format (``storage.codec``). Every reader of a whole record
selects ``RECORD_COLUMNS`` and maps the row with :func:`record_of` (a ``WorkerRecord``) or
:func:`record_json` (the same record as the JSON the hub is sent, made straight from the row).
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.enrollment import FIELDS, Status
from desktop.domain.lifecycle import loads as lifecycle_events
from desktop.domain.records import SearchQuery, WorkerRecord
from desktop.domain.text import fold_spaces, search_key
from desktop.storage import schools
from desktop.storage.codec import read_date, read_datetime, sql_date, stored
from desktop.storage.database import DatabaseError, Tx

_CHUNK = 500   # SQLite's bound-parameter limit, with room to spare

# The school of a record is kept as the school's id; its NPSN and name are looked up (``schools``).


def insert_rows(tx: Tx, table: str, names: Sequence[str], rows: Sequence[Sequence]) -> None:
    """Insert many rows of ``table`` with one ``executemany``, values stored by the codec (thousands of
    rows: several times faster than an ORM or Core insert, benchmarks/bench_sync.py)."""
    placeholders = ", ".join("?" for _ in names)
    tx.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({placeholders})",
                   [tuple(stored(value) for value in row) for row in rows])


# -- the one mapper ------------------------------------------------------------------------------------

RECORD_FIELDS = tuple(WorkerRecord.__dataclass_fields__)
# The column each field of a record is read from: the school's NPSN and name come from its id.
_COLUMN_OF = {"id": "uuid", "school_npsn": "school_id", "school_name": "school_id"}
RECORD_COLUMNS = tuple(_COLUMN_OF.get(name, name) for name in RECORD_FIELDS)
_RECORD_SELECT = ", ".join(f"workers.{name}" for name in RECORD_COLUMNS)
# The date and time fields, by the record's own declared types (``dt.date``, ``dt.datetime``).
_TYPES = {name: str(f.type) for name, f in WorkerRecord.__dataclass_fields__.items()}
DATE_FIELDS = tuple(name for name, kind in _TYPES.items() if kind.split(" |")[0] == "dt.date")
TIME_FIELDS = tuple(name for name, kind in _TYPES.items() if kind.split(" |")[0] == "dt.datetime")
SCHOOL_AT = RECORD_FIELDS.index("school_npsn")   # where a row of RECORD_COLUMNS holds the school id


def _mapped(row: Sequence[Any], names: dict[int, tuple[str, str]], date, time, events) -> dict[str, Any]:
    """The fields of the record a row of ``RECORD_COLUMNS`` holds, its dates, times and lifecycle
    events read by ``date``, ``time`` and ``events`` (every stored value is in the codec's format)."""
    values = dict(zip(RECORD_FIELDS, row))
    school = names.get(values["school_npsn"])
    values["school_npsn"], values["school_name"] = school if school else (None, None)
    values["lifecycle"] = events(values["lifecycle"])
    for name in DATE_FIELDS:
        if values[name] is not None:
            values[name] = date(values[name])
    for name in TIME_FIELDS:
        if values[name] is not None:
            values[name] = time(values[name])
    return values


def _event_tuple(text: str | None) -> tuple:
    return () if not text or text == "[]" else tuple(lifecycle_events(text))


def _event_list(text: str | None) -> list:
    return [] if not text or text == "[]" else lifecycle_events(text)


def _date_text(text: str) -> str:
    return text[:10]


def _time_text(text: str) -> str:
    """A stored time as ``WorkerRecord.to_json`` writes it: ``YYYY-MM-DDTHH:MM:SSZ``."""
    return f"{text[:10]}T{text[11:19]}Z"


def record_of(row: Sequence[Any], names: dict[int, tuple[str, str]]) -> WorkerRecord:
    """A row of ``RECORD_COLUMNS`` as a ``WorkerRecord``; ``names`` maps school ids to (NPSN, name)."""
    return WorkerRecord(**_mapped(row, names, read_date, read_datetime, _event_tuple))


def record_json(row: Sequence[Any], names: dict[int, tuple[str, str]]) -> dict[str, Any]:
    """A row of ``RECORD_COLUMNS`` as ``record_of(row, names).to_json()``, made straight from the row's
    text: no date or time objects are made and formatted back, the bulk of a large push's laptop time
    otherwise (benchmarks/bench_sync.py)."""
    return _mapped(row, names, _date_text, _time_text, _event_list)


def names_for(tx: Tx, rows: Iterable[Sequence[Any]], known: dict[int, tuple[str, str]] | None = None
              ) -> dict[int, tuple[str, str]]:
    """The schools ``rows`` (of ``RECORD_COLUMNS``) name, added to ``known`` (looked up once each)."""
    known = {} if known is None else known
    wanted = {row[SCHOOL_AT] for row in rows if row[SCHOOL_AT] is not None} - known.keys()
    if wanted:
        known.update(schools.names(tx, wanted))
    return known


def records(tx: Tx, rows: Sequence[Sequence[Any]]) -> list[WorkerRecord]:
    names = names_for(tx, rows)
    return [record_of(row, names) for row in rows]


# -- one stored worker ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Stored:
    """A worker as stored: its record and the local columns a record does not carry."""

    rowid: int
    school_id: int | None
    name_key: str
    record: WorkerRecord


def _stored(tx: Tx, where: str, params: Sequence[Any]) -> Stored | None:
    row = tx.first(f"SELECT {_RECORD_SELECT}, workers.id, workers.name_key FROM workers WHERE {where}", params)
    if row is None:
        return None
    return Stored(row[-2], row[SCHOOL_AT], row[-1], record_of(row[:-2], names_for(tx, (row,))))


def by_uuid(tx: Tx, uuid: str) -> Stored | None:
    return _stored(tx, "workers.uuid = ?", (uuid,))


def by_registration_no(tx: Tx, registration_no: str) -> Stored | None:
    return _stored(tx, "workers.registration_no = ?", (registration_no,))


def live_by_nik(tx: Tx, nik: str) -> Stored | None:
    """The record holding ``nik`` that is not deleted."""
    return _stored(tx, "workers.nik = ? AND workers.deleted_at IS NULL", (nik,))


def existing_niks(tx: Tx, niks: Sequence[str], exclude_uuid: str | None = None) -> dict[str, tuple[str, str, str]]:
    """Live records holding any of ``niks``: nik -> (uuid, registration_no, full_name)."""
    found: dict[str, tuple[str, str, str]] = {}
    for start in range(0, len(niks), _CHUNK):
        chunk = list(niks[start:start + _CHUNK])
        for nik, wid, regno, name in tx.execute(
                f"SELECT nik, uuid, registration_no, full_name FROM workers WHERE nik IN "
                f"({', '.join('?' * len(chunk))}) AND deleted_at IS NULL", chunk):
            if wid != exclude_uuid:
                found[nik] = (wid, regno, name)
    return found


def all_niks(tx: Tx) -> set[str]:
    """Every NIK stored, deleted records' included."""
    return set(tx.column("SELECT nik FROM workers"))


# -- writing -------------------------------------------------------------------------------------------

# Worker columns filled from a validated Enrollment, in the order of the insert, then the bookkeeping.
ENROLLMENT_COLUMNS = tuple(name for name in FIELDS if name != "school_npsn")
BOOKKEEPING_COLUMNS = ("school_id", "name_key", "id", "uuid", "revision", "kpj_number", "registration_no",
                       "enrolled_by", "device_id", "enrolled_at", "updated_by", "updated_at", "status",
                       "lifecycle")
INSERT_COLUMNS = ENROLLMENT_COLUMNS + BOOKKEEPING_COLUMNS
CHANGE_COLUMNS = ("worker_id", "revision", "action", "changed_at", "changed_by", "device_id", "changes")
_INSERT = f"INSERT INTO workers ({', '.join(INSERT_COLUMNS)}) VALUES ({', '.join('?' * len(INSERT_COLUMNS))})"
_CHANGE_INSERT = (f"INSERT INTO worker_changes ({', '.join(CHANGE_COLUMNS)}) "
                  f"VALUES ({', '.join('?' * len(CHANGE_COLUMNS))})")


_ENROLLED = operator.attrgetter(*ENROLLMENT_COLUMNS)
_ENROLLED_DATES = tuple(i for i, name in enumerate(ENROLLMENT_COLUMNS) if name in DATE_FIELDS)


def enrolled_rows(enrollments: Sequence[Any], school_ids: Sequence[int | None], first_id: int,
                  uuids: Sequence[str], numbers: Sequence[str], by: str, device_id: str, stamp: str) -> list[tuple]:
    """New workers' rows of ``INSERT_COLUMNS`` from validated enrollments (``domain.enrollment``),
    every value as stored (dates by the codec; ``stamp`` is the batch's time, ``codec.sql_datetime``):
    revision 1, status enrolled, no lifecycle events yet."""
    enrolled = Status.ENROLLED.value
    rows = []
    for offset, (e, school_id, wid, regno) in enumerate(zip(enrollments, school_ids, uuids, numbers, strict=True)):
        values = _ENROLLED(e)
        if _ENROLLED_DATES:
            values = list(values)
            for i in _ENROLLED_DATES:
                values[i] = sql_date(values[i])
            values = tuple(values)
        rows.append(values + (school_id, search_key(e.full_name), first_id + offset, wid, 1, None, regno, by,
                              device_id, stamp, by, stamp, enrolled, "[]"))
    return rows


# A row of ``INSERT_COLUMNS`` (and a None after it) picked into a row of ``RECORD_COLUMNS``; the columns
# an enrollment does not set (coverage, deletion) take that None.
_FROM_INSERTED = operator.itemgetter(*(INSERT_COLUMNS.index(name) if name in INSERT_COLUMNS else len(INSERT_COLUMNS)
                                       for name in RECORD_COLUMNS))


def inserted_records(tx: Tx, rows: Sequence[Sequence[Any]]) -> list[WorkerRecord]:
    """The records of rows ``enrolled_rows`` made, as ``record_of`` reads them once stored."""
    return records(tx, [_FROM_INSERTED((*row, None)) for row in rows])


def next_id(tx: Tx) -> int:
    """The rowid the next worker gets (the caller holds the write lock, so it stays free)."""
    return (tx.scalar("SELECT max(id) FROM workers") or 0) + 1


def insert_enrolled(tx: Tx, rows: Sequence[Sequence[Any]], changed_at: str, changed_by: str, device_id: str) -> None:
    """Insert new workers, rows of ``INSERT_COLUMNS`` with consecutive ids, values as stored (their
    dates and times by the codec: a batch's one stamp is made once by the caller), their names into the
    name index and their creation into the change log. A NIK taken meanwhile raises the driver's
    ``IntegrityError`` (``storage.database``)."""
    if not rows:
        return
    tx.executemany(_INSERT, rows)
    at = INSERT_COLUMNS.index("id")
    first_id, last_id = rows[0][at], rows[-1][at]
    # One statement fills the name index for the whole batch: a per-row trigger would cost more than the
    # insert itself (benchmarks/NOTES.md).
    tx.execute("INSERT INTO workers_fts(rowid, full_name) SELECT id, full_name FROM workers "
               "WHERE id BETWEEN ? AND ?", (first_id, last_id))
    tx.executemany(_CHANGE_INSERT, [(wid, 1, "create", changed_at, changed_by, device_id, "{}")
                                    for wid in range(first_id, last_id + 1)])


def update(tx: Tx, rowid: int, values: dict[str, Any]) -> None:
    """Set columns of one worker (its name index follows by trigger); values stored by the codec."""
    names = list(values)
    tx.execute(f"UPDATE workers SET {', '.join(f'{name} = ?' for name in names)} WHERE id = ?",
               [stored(values[name]) for name in names] + [rowid])


def history(tx: Tx, rowid: int) -> list[tuple[int, str, dt.datetime, str, str]]:
    """A worker's change log, oldest first: (revision, action, changed_at, changed_by, changes JSON)."""
    return [(revision, action, read_datetime(at), by, changes) for revision, action, at, by, changes in tx.execute(
        "SELECT revision, action, changed_at, changed_by, changes FROM worker_changes WHERE worker_id = ? "
        "ORDER BY id", (rowid,))]


def integrity_ok(tx: Tx) -> bool:
    """SQLite's own integrity check, and the name index matching the workers table row for row."""
    if tx.scalar("PRAGMA integrity_check") != "ok":
        return False
    try:
        # FTS5's integrity check is spelled as an INSERT but writes nothing: run inside a read.
        tx.driver.execute("INSERT INTO workers_fts(workers_fts, rank) VALUES ('integrity-check', 1)")
    except DatabaseError:
        return False
    return True


# -- which workers a query takes -----------------------------------------------------------------------

_WORDS = re.compile(r"\w+", re.UNICODE)
_ID_CHARS = re.compile(r"[\s.\-]")
NIK_TAIL = 4        # the digits of a NIK's end the masked list shows (617101••••••0001)
# ``substr(nik, 13)`` exactly as the index ``ix_workers_nik_tail`` is written (a literal, not a parameter).
NIK_TAIL_SQL = f"substr(workers.nik, {16 - NIK_TAIL + 1})"


class Params(dict):
    """Named parameters of one statement, built with it: ``p(value)`` adds one and gives its
    placeholder (``:search_0``), so conditions compose without counting or rewriting ``?``."""

    def __call__(self, value: Any) -> str:
        name = f"search_{len(self)}"
        self[name] = value
        return f":{name}"


def _next_prefix(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def fts_query(text: str) -> str | None:
    words = _WORDS.findall(search_key(text))
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def identifier(raw: str) -> tuple[str, str] | None:
    """("nik", prefix) or ("regno", prefix) when the typed text is an identifier, else None."""
    if not any(c.isdigit() for c in raw):
        return None
    ident = _ID_CHARS.sub("", raw).upper()
    if ident.isdigit():
        return "nik", ident
    # Registration numbers are stored as PPPPPP-NNNNNN-C; rebuild the dashes typed or not.
    regno = ident if len(ident) <= 6 else ident[:6] + "-" + ident[6:12] + (
        "-" + ident[12:] if len(ident) > 12 else "")
    return "regno", regno


def order_column(query: SearchQuery) -> str:
    ident = identifier(fold_spaces(query.text))
    if ident is None:
        return "workers.name_key"
    return "workers.nik" if ident[0] == "nik" else "workers.registration_no"


def where(query: SearchQuery, p: Params) -> str:
    """The ``WHERE`` conditions on ``workers`` for ``query``, its parameters added to ``p``."""
    conditions: list[str] = []
    raw = fold_spaces(query.text)
    if raw:
        ident = identifier(raw)
        if ident is not None:
            column = "workers.nik" if ident[0] == "nik" else "workers.registration_no"
            if ident[0] == "nik" and len(ident[1]) == NIK_TAIL:
                # The list shows a NIK's first six and last four digits: four digits find either end,
                # each end by its own index (a plain OR would walk the whole table); the deleted_at
                # condition lets the NIK range use its (partial) index.
                alive = "workers.deleted_at IS NOT NULL" if query.status == Status.DELETED.value \
                    else "workers.deleted_at IS NULL"
                conditions.append(f"workers.id IN (SELECT workers.id FROM workers WHERE {column} >= {p(ident[1])} "
                                  f"AND {column} < {p(_next_prefix(ident[1]))} AND {alive} UNION SELECT "
                                  f"workers.id FROM workers WHERE {NIK_TAIL_SQL} = {p(ident[1])} AND {alive})")
            else:
                conditions.append(f"{column} >= {p(ident[1])} AND {column} < {p(_next_prefix(ident[1]))}")
        else:
            match = fts_query(raw)
            if match is None:
                conditions.append("0")
            else:
                conditions.append(f"workers.id IN (SELECT rowid FROM workers_fts WHERE workers_fts MATCH {p(match)})")
    if query.kabupaten_code:
        conditions.append(f"workers.kabupaten_code = {p(query.kabupaten_code)}")
    if query.school_id is not None:
        conditions.append(f"workers.school_id = {p(query.school_id)}")
    if query.unprinted:
        conditions.append("NOT (EXISTS (SELECT * FROM card_prints WHERE card_prints.worker_id = workers.id))")
    today = query.today or dt.date.today()
    active = Status.ACTIVE.value
    if query.status == Status.DELETED.value:
        conditions.append("workers.deleted_at IS NOT NULL")
    else:
        conditions.append("workers.deleted_at IS NULL")
        if query.status == Status.ENDED.value:
            conditions.append(f"workers.status = {p(active)} AND workers.coverage_end < {p(today.isoformat())}")
        elif query.status == Status.ACTIVE.value:
            conditions.append(f"workers.status = {p(active)} AND (workers.coverage_end IS NULL "
                              f"OR workers.coverage_end >= {p(today.isoformat())})")
        elif query.status:
            conditions.append(f"workers.status = {p(query.status)}")
    if query.expiring_days is not None:
        conditions.append(f"workers.status = {p(active)} AND workers.coverage_end IS NOT NULL "
                          f"AND workers.coverage_end <= {p((today + dt.timedelta(days=query.expiring_days)).isoformat())}")
    if query.batch:
        conditions.append(f"workers.batch_no = {p(query.batch)}")
    if query.reprint_kpj:
        # A card went out with Lindung's number only, and BPJS's KPJ number came back since.
        conditions.append("workers.kpj_number IS NOT NULL "
                          "AND (EXISTS (SELECT * FROM card_prints WHERE card_prints.worker_id = workers.id)) "
                          "AND NOT (EXISTS (SELECT * FROM card_prints WHERE card_prints.worker_id = workers.id "
                          "AND card_prints.with_kpj IS 1))")
    return " AND ".join(conditions)


def count(tx: Tx, query: SearchQuery, extra: str = "") -> int:
    """How many workers match ``query`` (and the SQL condition ``extra`` on ``workers``, if given)."""
    p = Params()
    return tx.scalar(f"SELECT count(*) FROM workers WHERE {where(query, p)}{' AND ' + extra if extra else ''}", p)


def count_live(tx: Tx) -> int:
    return tx.scalar("SELECT count(*) FROM workers WHERE workers.deleted_at IS NULL")


def page_statement(columns: str, query: SearchQuery, after: tuple[str, int] | None, limit: int) -> tuple[str, Params]:
    """The statement of matching rows from ``after`` on, in the query's order, ``limit`` of them; the
    last two columns are the row's id and its sort value (the keyset cursor is ``(sort value, id)``)."""
    order = order_column(query)
    p = Params()
    condition = where(query, p)
    if after is not None:
        condition += f" AND ({order}, workers.id) > ({p(after[0])}, {p(after[1])})"
    return (f"SELECT {columns}, workers.id, {order} AS sort_value FROM workers WHERE {condition} "
            f"ORDER BY {order}, workers.id LIMIT {p(limit)}", p)


def _page(tx: Tx, columns: str, query: SearchQuery, after: tuple[str, int] | None, limit: int) -> list[tuple]:
    return tx.all(*page_statement(columns, query, after, limit))


_LIST_COLUMNS = ("workers.uuid, workers.registration_no, workers.full_name, workers.name_key, workers.nik, "
                 "workers.birth_date, workers.sex, workers.kabupaten_code, workers.occupation, workers.status, "
                 "workers.kpj_number, workers.coverage_end")


def list_page(tx: Tx, query: SearchQuery, after: tuple[str, int] | None, limit: int) -> list[tuple]:
    """A page of the list's lines: (uuid, registration_no, full_name, name_key, nik, birth_date, sex,
    kabupaten_code, occupation, status as stored, kpj_number, coverage_end, rowid, sort value), dates
    read by the codec."""
    return [(*row[:5], read_date(row[5]), *row[6:11], read_date(row[11]), *row[12:])
            for row in _page(tx, _LIST_COLUMNS, query, after, limit)]


def record_page(tx: Tx, query: SearchQuery, after: tuple[str, int] | None, limit: int,
                names: dict[int, tuple[str, str]]) -> tuple[list[WorkerRecord], tuple[str, int] | None]:
    """A page of whole records in the query's order and the cursor after it (None after the last);
    ``names`` caches the schools' NPSNs and names between pages."""
    rows = _page(tx, _RECORD_SELECT, query, after, limit)
    names_for(tx, rows, names)
    page = [record_of(row, names) for row in rows]
    return page, ((rows[-1][-1], rows[-1][-2]) if len(rows) == limit else None)


# -- the sync push -------------------------------------------------------------------------------------

def outbox(tx: Tx, after: int, limit: int) -> list[tuple]:
    """The next records the hub has not acknowledged after rowid ``after``: rows of ``RECORD_COLUMNS``
    then the rowid and the hub revision the record was based on (for :func:`record_json`)."""
    return tx.all(f"SELECT {_RECORD_SELECT}, workers.id, workers.hub_revision FROM workers "
                  "WHERE (synced_revision IS NULL OR synced_revision < revision) AND id > ? ORDER BY id LIMIT ?",
                  (after, limit))


# -- the sync pull --
# The statements of sync (``desktop.sync.client``) on the records: the pull's inserts, updates and
# removals, the push's acknowledgements, and the counts compared with the hub's. A page's thousand ids
# go as one JSON parameter (``json_each``): the statement stays the same and is prepared once.

import json  # noqa: E402  (this section's own imports: the file above is another change's)
from dataclasses import dataclass  # noqa: E402
from operator import itemgetter  # noqa: E402
from typing import Any  # noqa: E402

_JSON_IDS = "(SELECT value FROM json_each(?))"


@dataclass(slots=True)
class SyncHeld:
    """What sync decides on about a record held here; kept up to date by the caller as it changes it."""

    id: int
    uuid: str
    registration_no: str
    nik: str
    revision: int
    synced_revision: int | None
    hub_revision: int
    deleted: bool

    @property
    def waiting(self) -> bool:
        """Changed here since the hub last acknowledged it."""
        return self.synced_revision is None or self.synced_revision < self.revision


def sync_held(tx: Tx, uuids: Sequence[str]) -> dict[str, SyncHeld]:
    """The records held here among ``uuids``, by uuid."""
    return {row[1]: SyncHeld(*row[:-1], bool(row[-1])) for row in tx.execute(
        "SELECT id, uuid, registration_no, nik, revision, synced_revision, hub_revision, deleted_at IS NOT NULL "
        f"FROM workers WHERE uuid IN {_JSON_IDS}", (json.dumps(list(uuids)),))}


def live_holders(tx: Tx, niks: Sequence[str]) -> dict[str, str]:
    """``{NIK: uuid}`` of the records not deleted that hold these NIKs."""
    return dict(tx.all(f"SELECT nik, uuid FROM workers WHERE nik IN {_JSON_IDS} AND deleted_at IS NULL",
                       (json.dumps(list(niks)),)))


def registration_holders(tx: Tx, numbers: Sequence[str]) -> dict[str, str]:
    """``{registration number: uuid}`` of the records holding these numbers."""
    return dict(tx.all(f"SELECT registration_no, uuid FROM workers WHERE registration_no IN {_JSON_IDS}",
                       (json.dumps(list(numbers)),)))


def last_id(tx: Tx) -> int:
    return tx.scalar("SELECT COALESCE(MAX(id), 0) FROM workers") or 0


def add_pulled(tx: Tx, rows: Sequence[dict[str, Any]]) -> None:
    """Insert the hub's new records (each row the same columns, ``id`` given and rising), with their
    search index entries: one statement for the lot, where the insert trigger would run once a row."""
    if not rows:
        return
    names = tuple(rows[0])
    row = itemgetter(*names)
    insert_rows(tx, "workers", names, [row(values) for values in rows])
    tx.execute("INSERT INTO workers_fts(rowid, full_name) SELECT id, full_name FROM workers WHERE id BETWEEN ? AND ?",
               (rows[0]["id"], rows[-1]["id"]))


def add_changes(tx: Tx, rows: Sequence[Sequence[Any]]) -> None:
    """Lines of the records' history, in ``CHANGE_COLUMNS`` order: (worker id, revision, action, changed at,
    by, device id, changes JSON ``{field: [old, new]}``)."""
    tx.executemany(_CHANGE_INSERT, [tuple(stored(value) for value in row) for row in rows])


def take_hub_version(tx: Tx, worker_id: int, values: dict[str, Any], hub_revision: int, revision: int) -> None:
    """The record's columns become ``values`` (the hub's version): in step with the hub at ``revision``."""
    assigned = "".join(f"{name} = ?, " for name in values)
    tx.execute(f"UPDATE workers SET {assigned}revision = ?, hub_revision = ?, synced_revision = ? WHERE id = ?",
               [stored(value) for value in values.values()] + [revision, hub_revision, revision, worker_id])


def acknowledge(tx: Tx, rows: Sequence[tuple[int, int, str]]) -> None:
    """The hub acknowledged these pushes: (revision pushed, the hub's revision, uuid) each."""
    tx.executemany("UPDATE workers SET synced_revision = ?, hub_revision = ? WHERE uuid = ?", rows)


def mark_synced(tx: Tx, worker_id: int) -> None:
    """The record waits no more (its change is given up)."""
    tx.execute("UPDATE workers SET synced_revision = revision WHERE id = ?", (worker_id,))


def waiting_count(tx: Tx) -> int:
    """Records the hub has not acknowledged."""
    return tx.scalar("SELECT count(*) FROM workers WHERE synced_revision IS NULL OR synced_revision < revision") or 0


def hub_held_count(tx: Tx, among: Sequence[str] | None = None) -> int:
    """Records held here as a copy of the hub's (of those among ``among`` when given)."""
    if among is None:
        return tx.scalar("SELECT count(*) FROM workers WHERE hub_revision > 0") or 0
    return tx.scalar(f"SELECT count(*) FROM workers WHERE hub_revision > 0 AND uuid IN {_JSON_IDS}",
                     (json.dumps(list(among)),)) or 0


def hub_held_uuids(tx: Tx) -> list[str]:
    return tx.column("SELECT uuid FROM workers WHERE hub_revision > 0")


def remove(tx: Tx, ids: Sequence[int]) -> None:
    """Remove records whole: their card prints, their history, the rows (their search index entries go
    with them, by a trigger)."""
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        marks = ", ".join("?" * len(chunk))
        tx.execute(f"DELETE FROM card_prints WHERE worker_id IN ({marks})", chunk)
        tx.execute(f"DELETE FROM worker_changes WHERE worker_id IN ({marks})", chunk)
        tx.execute(f"DELETE FROM workers WHERE id IN ({marks})", chunk)
