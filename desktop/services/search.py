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

from sqlalchemy import and_, exists, func, literal_column, or_, select, text, tuple_
from sqlalchemy.sql import Select

from desktop.domain.enrollment import Status
from desktop.domain.lifecycle import effective_status
from desktop.domain.nik import mask_nik
from desktop.domain.text import fold_spaces, search_key
from desktop.services.records import Page, WorkerRow
from desktop.services.workspace import Workspace
from desktop.storage.models import CardPrint, Worker

_WORDS = re.compile(r"\w+", re.UNICODE)
_ID_CHARS = re.compile(r"[\s.\-]")
PAGE_SIZE = 200
NIK_TAIL = 4        # the digits of a NIK's end the masked list shows (617101••••••0001)


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


def nik_tail():
    """``substr(nik, 13)`` written as the index ``ix_workers_nik_tail`` is (a literal, not a parameter)."""
    return func.substr(Worker.nik, literal_column(str(16 - NIK_TAIL + 1)))


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


def _order_column(query: SearchQuery):
    ident = _identifier(fold_spaces(query.text))
    if ident is None:
        return Worker.name_key
    return Worker.nik if ident[0] == "nik" else Worker.registration_no


def _filtered(stmt: Select, query: SearchQuery) -> Select:
    conditions = []
    raw = fold_spaces(query.text)
    if raw:
        ident = _identifier(raw)
        if ident is not None:
            column = Worker.nik if ident[0] == "nik" else Worker.registration_no
            found = and_(column >= ident[1], column < _next_prefix(ident[1]))
            if ident[0] == "nik" and len(ident[1]) == NIK_TAIL:
                # The list shows a NIK's first six and last four digits: four digits find either end,
                # each end by its own index (a plain OR would walk the whole table).
                alive = Worker.deleted_at.is_not(None) if query.status == Status.DELETED.value \
                    else Worker.deleted_at.is_(None)     # lets the NIK range use its (partial) index
                found = Worker.id.in_(select(Worker.id).where(found, alive).union(
                    select(Worker.id).where(nik_tail() == ident[1], alive)))
            conditions.append(found)
        else:
            match = fts_query(raw)
            if match is None:
                conditions.append(text("0"))
            else:
                conditions.append(Worker.id.in_(
                    select(text("rowid")).select_from(text("workers_fts"))
                    .where(text("workers_fts MATCH :match").bindparams(match=match))))
    if query.kabupaten_code:
        conditions.append(Worker.kabupaten_code == query.kabupaten_code)
    if query.school_id is not None:
        conditions.append(Worker.school_id == query.school_id)
    if query.unprinted:
        conditions.append(~exists().where(CardPrint.worker_id == Worker.id))
    today = query.today or dt.date.today()
    if query.status == Status.DELETED.value:
        conditions.append(Worker.deleted_at.is_not(None))
    else:
        conditions.append(Worker.deleted_at.is_(None))
        if query.status == Status.ENDED.value:
            conditions += [Worker.status == Status.ACTIVE.value, Worker.coverage_end < today]
        elif query.status == Status.ACTIVE.value:
            conditions += [Worker.status == Status.ACTIVE.value,
                           or_(Worker.coverage_end.is_(None), Worker.coverage_end >= today)]
        elif query.status:
            conditions.append(Worker.status == query.status)
    if query.expiring_days is not None:
        conditions += [Worker.status == Status.ACTIVE.value, Worker.coverage_end.is_not(None),
                       Worker.coverage_end <= today + dt.timedelta(days=query.expiring_days)]
    if query.batch:
        conditions.append(Worker.batch_no == query.batch)
    if query.reprint_kpj:
        # A card went out with Lindung's number only, and BPJS's KPJ number came back since.
        conditions += [Worker.kpj_number.is_not(None), exists().where(CardPrint.worker_id == Worker.id),
                       ~exists().where(CardPrint.worker_id == Worker.id, CardPrint.with_kpj.is_(True))]
    return stmt.where(*conditions)


def _ordered_page(stmt: Select, query: SearchQuery, after: tuple[str, int] | None, limit: int) -> Select:
    order = _order_column(query)
    if after is not None:
        stmt = stmt.where(tuple_(order, Worker.id) > tuple_(*after))
    return stmt.add_columns(order.label("sort_value")).order_by(order, Worker.id).limit(limit)


_COLUMNS = (Worker.id, Worker.uuid, Worker.registration_no, Worker.full_name, Worker.name_key, Worker.nik,
            Worker.birth_date, Worker.sex, Worker.kabupaten_code, Worker.occupation, Worker.status,
            Worker.kpj_number, Worker.coverage_end)


def search(ws: Workspace, query: SearchQuery, after: tuple[str, int] | None = None,
           limit: int = PAGE_SIZE, with_total: bool = True, mask: bool = True) -> Page:
    """One page of matching workers; ``after`` is the previous page's ``cursor``."""
    stmt = _ordered_page(_filtered(select(*_COLUMNS), query), query, after, limit + 1)
    with ws.session() as session:
        rows = session.execute(stmt).all()
        total = None
        if with_total:
            total = session.execute(_filtered(select(func.count()).select_from(Worker), query)).scalar_one()
    today = query.today or dt.date.today()
    page = tuple(
        WorkerRow(rowid, wid, regno, name, key, mask_nik(nik) if mask else nik, born, sex, kab, occ,
                  effective_status(status, end, today), kpj, end)
        for rowid, wid, regno, name, key, nik, born, sex, kab, occ, status, kpj, end, _ in rows[:limit])
    cursor = (rows[limit - 1].sort_value, rows[limit - 1].id) if len(rows) > limit else None
    return Page(page, total, len(rows) > limit, cursor)


def count_all(ws: Workspace) -> int:
    with ws.session() as session:
        return session.execute(
            select(func.count()).select_from(Worker).where(Worker.deleted_at.is_(None))).scalar_one()


def iter_records(ws: Workspace, query: SearchQuery, batch: int = 2000):
    """Every matching record in full, in name order, fetched in batches (for ``list``/exports)."""
    from desktop.services.enrollment import _record_from_values, _school_names

    after = None
    while True:
        stmt = _ordered_page(_filtered(select(Worker), query), query, after, batch)
        with ws.session() as session:
            found = session.execute(stmt).all()
            workers = [row[0] for row in found]
            schools = _school_names(session, {w.school_id for w in workers if w.school_id})
            records = [_record_from_values({c.key: getattr(w, c.key) for c in Worker.__table__.columns},
                                           w.id, schools) for w in workers]
        yield from records
        if len(workers) < batch:
            return
        after = (found[-1].sort_value, workers[-1].id)
