"""Search-as-you-type over the enrolled workers, a page at a time (keyset pagination).

- Text with digits is an identifier: a NIK prefix (range scan on the NIK index) or a registration
  number prefix.
- Other text is a name: every word must start a word of the name (FTS5 prefix index), so ``sit am``
  finds ``SITI AMINAH``.
Name searches and plain lists are sorted by name; identifier searches by that identifier, so every
query walks one index in order and stops after a page. The next page continues after the last row
seen (``Page.cursor``), so scrolling far down a list of 100,000 costs the same as the first page.
The statements are ``storage.workers``'s; a list or a search needs no SQLAlchemy, which costs more to
import than the whole search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from desktop.domain.lifecycle import effective_status
from desktop.domain.nik import mask_nik
from desktop.domain.records import Page, SearchQuery, WorkerRecord, WorkerRow
from desktop.services.workspace import Workspace
from desktop.storage import workers

__all__ = ["PAGE_SIZE", "SearchQuery", "count", "count_all", "iter_records", "search"]

PAGE_SIZE = 200
NIK_TAIL = workers.NIK_TAIL

# Transitional: the membership services still build ORM selections on the query's conditions.
_filtered = workers.orm_filter


def count(ws: Workspace, query: SearchQuery, extra: str = "") -> int:
    """How many workers match ``query`` (and the SQL condition ``extra`` on ``workers``, if given)."""
    with ws.read() as tx:
        return workers.count(tx, query, extra)


def search(ws: Workspace, query: SearchQuery, after: tuple[str, int] | None = None,
           limit: int = PAGE_SIZE, with_total: bool = True, mask: bool = True) -> Page:
    """One page of matching workers; ``after`` is the previous page's ``cursor``."""
    with ws.read() as tx:
        rows = workers.list_page(tx, query, after, limit + 1)
        total = workers.count(tx, query) if with_total else None
    today = query.today or dt.date.today()
    page = tuple(WorkerRow(rowid, wid, regno, name, key, mask_nik(nik) if mask else nik, born, sex, kab, occ,
                           effective_status(status, end, today), kpj, end)
                 for wid, regno, name, key, nik, born, sex, kab, occ, status, kpj, end, rowid, _ in rows[:limit])
    cursor = (rows[limit - 1][-1], rows[limit - 1][-2]) if len(rows) > limit else None
    return Page(page, total, len(rows) > limit, cursor)


def count_all(ws: Workspace) -> int:
    with ws.read() as tx:
        return workers.count_live(tx)


def iter_records(ws: Workspace, query: SearchQuery, batch: int = 2000) -> Iterator[WorkerRecord]:
    """Every matching record in full, in name order, fetched in batches (for ``list``/exports)."""
    names: dict[int, tuple[str, str]] = {}   # school id -> (npsn, name), looked up once
    after: tuple[str, int] | None = None
    while True:
        with ws.read() as tx:
            page, after = workers.record_page(tx, query, after, batch, names)
        yield from page
        if after is None:
            return
