"""Search-as-you-type over the enrolled workers, a page at a time (keyset pagination).

- Text with digits is an identifier: a NIK prefix (range scan on the NIK index) or a registration
  number prefix.
- Other text is a name: every word must start a word of the name (FTS5 prefix index), so ``sit am``
  finds ``SITI AMINAH``.
Name searches and plain lists are sorted by name; identifier searches by that identifier, so every
query walks one index in order and stops after a page. The next page continues after the last row
seen (``Page.cursor``), so scrolling far down a list of 100,000 costs the same as the first page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop.domain import lifecycle
from desktop.domain.enrollment import Status
from desktop.domain.lifecycle import effective_status
from desktop.domain.nik import mask_nik
from desktop.domain.text import fold_spaces, search_key
from desktop.services.records import Page, WorkerRecord, WorkerRow
from desktop.services.workspace import Workspace

_WORDS = re.compile(r"\w+", re.UNICODE)
_ID_CHARS = re.compile(r"[\s.\-]")
PAGE_SIZE = 200
NIK_TAIL = 4        # the digits of a NIK's end the masked list shows (617101••••••0001)
# ``substr(nik, 13)`` exactly as the index ``ix_workers_nik_tail`` is written (a literal, not a parameter).
NIK_TAIL_SQL = f"substr(workers.nik, {16 - NIK_TAIL + 1})"


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    kabupaten_code: str | None = None
    school_id: int | None = None
    status: str | None = None  # None: every record that is not deleted; "ended": active, coverage run out
    unprinted: bool = False    # only workers whose card was never printed
    expiring_days: int | None = None   # active, coverage ending within this many days (or ended)
    batch: str | None = None           # in this submission batch
    today: dt.date | None = None       # the day "ended" and "expiring" are judged on (default: today)
    reprint_kpj: bool = False          # card printed before the KPJ number came back


def _digits_upper(text_: str) -> str:
    return _ID_CHARS.sub("", text_).upper()


def _next_prefix(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def fts_query(text_: str) -> str | None:
    words = _WORDS.findall(search_key(text_))
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def _identifier(raw: str) -> tuple[str, str] | None:
    """("nik", prefix) or ("regno", prefix) when the typed text is an identifier, else None."""
    if not any(c.isdigit() for c in raw):
        return None
    ident = _digits_upper(raw)
    if ident.isdigit():
        return "nik", ident
    # Registration numbers are stored as PPPPPP-NNNNNN-C; rebuild the dashes typed or not.
    regno = ident if len(ident) <= 6 else ident[:6] + "-" + ident[6:12] + (
        "-" + ident[12:] if len(ident) > 12 else "")
    return "regno", regno


# The statements are written as SQL and run on the driver's connection (``Workspace.reading``): a
# list or a search needs no SQLAlchemy, which costs more to import than the whole search. They are
# the statements SQLAlchemy composed before, clause for clause, so SQLite walks the same indexes.

def _order_column(query: SearchQuery) -> str:
    ident = _identifier(fold_spaces(query.text))
    if ident is None:
        return "workers.name_key"
    return "workers.nik" if ident[0] == "nik" else "workers.registration_no"


def where_clause(query: SearchQuery) -> tuple[str, list]:
    """``WHERE`` conditions on ``workers`` for ``query`` and their parameters."""
    conditions: list[str] = []
    params: list = []
    raw = fold_spaces(query.text)
    if raw:
        ident = _identifier(raw)
        if ident is not None:
            column = "workers.nik" if ident[0] == "nik" else "workers.registration_no"
            if ident[0] == "nik" and len(ident[1]) == NIK_TAIL:
                # The list shows a NIK's first six and last four digits: four digits find either end,
                # each end by its own index (a plain OR would walk the whole table); the deleted_at
                # condition lets the NIK range use its (partial) index.
                alive = "workers.deleted_at IS NOT NULL" if query.status == Status.DELETED.value \
                    else "workers.deleted_at IS NULL"
                conditions.append(f"workers.id IN (SELECT workers.id FROM workers WHERE {column} >= ? AND {column} < ? "
                                  f"AND {alive} UNION SELECT workers.id FROM workers WHERE {NIK_TAIL_SQL} = ? "
                                  f"AND {alive})")
                params += [ident[1], _next_prefix(ident[1]), ident[1]]
            else:
                conditions.append(f"{column} >= ? AND {column} < ?")
                params += [ident[1], _next_prefix(ident[1])]
        else:
            match = fts_query(raw)
            if match is None:
                conditions.append("0")
            else:
                conditions.append("workers.id IN (SELECT rowid FROM workers_fts WHERE workers_fts MATCH ?)")
                params.append(match)
    if query.kabupaten_code:
        conditions.append("workers.kabupaten_code = ?")
        params.append(query.kabupaten_code)
    if query.school_id is not None:
        conditions.append("workers.school_id = ?")
        params.append(query.school_id)
    if query.unprinted:
        conditions.append("NOT (EXISTS (SELECT * FROM card_prints WHERE card_prints.worker_id = workers.id))")
    today = query.today or dt.date.today()
    active = Status.ACTIVE.value
    if query.status == Status.DELETED.value:
        conditions.append("workers.deleted_at IS NOT NULL")
    else:
        conditions.append("workers.deleted_at IS NULL")
        if query.status == Status.ENDED.value:
            conditions.append("workers.status = ? AND workers.coverage_end < ?")
            params += [active, today.isoformat()]
        elif query.status == Status.ACTIVE.value:
            conditions.append("workers.status = ? AND (workers.coverage_end IS NULL OR workers.coverage_end >= ?)")
            params += [active, today.isoformat()]
        elif query.status:
            conditions.append("workers.status = ?")
            params.append(query.status)
    if query.expiring_days is not None:
        conditions.append("workers.status = ? AND workers.coverage_end IS NOT NULL AND workers.coverage_end <= ?")
        params += [active, (today + dt.timedelta(days=query.expiring_days)).isoformat()]
    if query.batch:
        conditions.append("workers.batch_no = ?")
        params.append(query.batch)
    if query.reprint_kpj:
        # A card went out with Lindung's number only, and BPJS's KPJ number came back since.
        conditions.append("workers.kpj_number IS NOT NULL "
                          "AND (EXISTS (SELECT * FROM card_prints WHERE card_prints.worker_id = workers.id)) "
                          "AND NOT (EXISTS (SELECT * FROM card_prints WHERE card_prints.worker_id = workers.id "
                          "AND card_prints.with_kpj IS 1))")
    return " AND ".join(conditions), params


def _filtered(stmt, query: SearchQuery):
    """An ORM statement on ``workers`` with the conditions of ``query`` (services.membership builds
    its own selections on them): the same SQL, as a text clause with named parameters."""
    from sqlalchemy import text

    where, params = where_clause(query)   # "?" appears in it as a placeholder only
    pieces = where.split("?")
    sql = pieces[0] + "".join(f":search_{i}{piece}" for i, piece in enumerate(pieces[1:]))
    return stmt.where(text(sql).bindparams(**{f"search_{i}": value for i, value in enumerate(params)}))


def _page_sql(columns: str, query: SearchQuery, after: tuple[str, int] | None, limit: int) -> tuple[str, list]:
    """Matching rows from ``after`` on, in the query's order, ``limit`` of them; the last column is the
    sort value (the keyset cursor)."""
    order = _order_column(query)
    where, params = where_clause(query)
    if after is not None:
        where += f" AND ({order}, workers.id) > (?, ?)"
        params += list(after)
    return (f"SELECT {columns}, {order} AS sort_value FROM workers WHERE {where} "
            f"ORDER BY {order}, workers.id LIMIT ?", params + [limit])


def count(ws: Workspace, query: SearchQuery, extra: str = "") -> int:
    """How many workers match ``query`` (and the SQL condition ``extra`` on ``workers``, if given)."""
    where, params = where_clause(query)
    with ws.read() as db:
        return db.execute(f"SELECT count(*) FROM workers WHERE {where}{' AND ' + extra if extra else ''}",
                          params).fetchone()[0]


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _datetime(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


_ROW_COLUMNS = ("workers.id, workers.uuid, workers.registration_no, workers.full_name, workers.name_key, "
                "workers.nik, workers.birth_date, workers.sex, workers.kabupaten_code, workers.occupation, "
                "workers.status, workers.kpj_number, workers.coverage_end")


def search(ws: Workspace, query: SearchQuery, after: tuple[str, int] | None = None,
           limit: int = PAGE_SIZE, with_total: bool = True, mask: bool = True) -> Page:
    """One page of matching workers; ``after`` is the previous page's ``cursor``."""
    sql, params = _page_sql(_ROW_COLUMNS, query, after, limit + 1)
    with ws.read() as db:
        rows = db.execute(sql, params).fetchall()
        total = count(ws, query) if with_total else None
    today = query.today or dt.date.today()
    page = []
    for rowid, wid, regno, name, key, nik, born, sex, kab, occ, status, kpj, end, _ in rows[:limit]:
        end = _date(end)
        page.append(WorkerRow(rowid, wid, regno, name, key, mask_nik(nik) if mask else nik, _date(born), sex, kab,
                              occ, effective_status(status, end, today), kpj, end))
    page = tuple(page)
    cursor = (rows[limit - 1][-1], rows[limit - 1][0]) if len(rows) > limit else None
    return Page(page, total, len(rows) > limit, cursor)


def count_all(ws: Workspace) -> int:
    with ws.read() as db:
        return db.execute("SELECT count(*) FROM workers WHERE workers.deleted_at IS NULL").fetchone()[0]


# A whole record: the fields of WorkerRecord the workers table stores (school_npsn and school_name
# come from the school), converted as SQLAlchemy's Date and DateTime types did (by declared type).
_CONVERT = {"DATE": _date, "DATETIME": _datetime}
_FROM_SCHOOL = ("school_npsn", "school_name")


def _record_plan(db) -> tuple[tuple[str, ...], tuple]:
    declared = {name: kind.upper() for _, name, kind, *_ in db.execute("PRAGMA table_info(workers)")}
    names = tuple(n for n in WorkerRecord.__dataclass_fields__ if n in declared and n not in ("id", *_FROM_SCHOOL))
    return names, tuple((i, _CONVERT[declared[n]]) for i, n in enumerate(names) if declared[n] in _CONVERT)


def iter_records(ws: Workspace, query: SearchQuery, batch: int = 2000):
    """Every matching record in full, in name order, fetched in batches (for ``list``/exports)."""
    after = None
    names: dict[int, tuple[str, str]] = {}   # school id -> (npsn, name)
    with ws.read() as db:
        columns, conversions = _record_plan(db)
    selected = ", ".join(f"workers.{name}" for name in ("uuid", "school_id", *columns, "id"))
    while True:
        sql, params = _page_sql(selected, query, after, batch)
        with ws.read() as db:
            found = db.execute(sql, params).fetchall()
            wanted = {row[1] for row in found if row[1] is not None} - names.keys()
            if wanted:
                names.update((sid, (npsn, name)) for sid, npsn, name in db.execute(
                    f"SELECT id, npsn, name FROM schools WHERE id IN ({', '.join('?' * len(wanted))})",
                    list(wanted)))
        for row in found:
            values = list(row[2:-2])
            for i, convert in conversions:
                if values[i] is not None:
                    values[i] = convert(values[i])
            school = names.get(row[1])
            data = dict.fromkeys(WorkerRecord.__dataclass_fields__)
            data.update(zip(columns, values))
            data.update(id=row[0], school_npsn=school[0] if school else None,
                        school_name=school[1] if school else None, lifecycle=tuple(lifecycle.loads(data["lifecycle"])))
            yield WorkerRecord(**data)
        if len(found) < batch:
            return
        after = (found[-1][-1], found[-1][-2])
