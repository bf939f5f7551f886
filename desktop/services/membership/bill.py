"""BPJS's own bill held against the zakat ledger: which workers and months BPJS charged that Lindung did not
expect (a worker Lindung does not know, one refused or not yet active, a month BAZNAS did not buy, a month
charged twice), which months BAZNAS bought that the bill does not list (within the bill's own period: its
first to its last month), and which months BPJS priced otherwise than the rate of that month.

A worker-month is named by the calendar month its coverage month begins in (``ledger.WorkerMonth.begins``),
as a bill names its months. The bill is read as BPJS's answer is (every sheet with a bill's header, merged
two-row headers, a title above the table); nothing in the records changes: the reconciliation is written
as a workbook and the reading is audited (``bpjs_bill``).

Totals, in whole rupiah: ``charged`` (every row read), ``expected`` (the price of every worker-month bought
in the bill's period), and ``difference = charged - expected``, which equals what was charged unexpectedly
plus the price differences less what was expected but not charged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import Any

from desktop.domain import bpjs, bpjs_bill, lifecycle
from desktop.domain.enrollment import Status
from desktop.domain.ledger import worker_ledger
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.text import date_column_order
from desktop.services import audit
from desktop.domain.actors import Actor
from desktop.services.errors import ServiceError
from desktop.services.membership.events import require_branch
from desktop.services.membership.ledger import Prices, bracket_reader
from desktop.services.workspace import Workspace
from desktop.storage import lifecycle_rows

# Why a line stands where it does (a code in JSON, these words in the workbook).
UNKNOWN, NOT_ACTIVE, NOT_BOUGHT, TWICE, NOT_CHARGED, OTHER_PRICE = (
    "unknown", "not_active", "not_bought", "twice", "not_charged", "price")
REASONS = {
    UNKNOWN: QT_TRANSLATE_NOOP("Service", "Peserta tidak ada di Lindung (NIK dan nomor KPJ tidak dikenal)."),
    NOT_ACTIVE: QT_TRANSLATE_NOOP("Service", "Peserta belum aktif, ditolak BPJS atau dihapus di Lindung: BAZNAS "
                                             "tidak membayar bulan ini."),
    NOT_BOUGHT: QT_TRANSLATE_NOOP("Service", "Bulan ini tidak dibayar BAZNAS untuk peserta ini."),
    TWICE: QT_TRANSLATE_NOOP("Service", "Bulan ini ditagih lebih dari sekali dalam tagihan ini."),
    NOT_CHARGED: QT_TRANSLATE_NOOP("Service", "Bulan ini dibayar BAZNAS tetapi tidak ada di tagihan BPJS."),
    OTHER_PRICE: QT_TRANSLATE_NOOP("Service", "Jumlah yang ditagih berbeda dengan iuran bulan itu."),
}


@dataclass(frozen=True)
class Line:
    """One line of the reconciliation: a bill row (or, for months not charged, a worker's months)."""

    reason: str                        # a key of ``REASONS``
    months: tuple[dt.date, ...]        # the months concerned, each as its first day
    charged: int | None                # rupiah the bill charged for them (None: not charged)
    expected: int | None               # rupiah the ledger prices them at (None: not expected)
    nik: str = ""
    kpj: str = ""
    name: str = ""
    registration_no: str = ""
    row: int | None = None             # the bill's row
    sheet: str = ""

    @property
    def difference(self) -> int:
        return (self.charged or 0) - (self.expected or 0)

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, **({"sheet": self.sheet} if self.sheet else {}), "nik": self.nik, "kpj": self.kpj,
                "registration_no": self.registration_no, "reason": self.reason,
                "months": [f"{m:%Y-%m}" for m in self.months], "charged": self.charged, "expected": self.expected,
                "difference": self.difference}


@dataclass
class BillResult:
    file: str
    rows: int = 0                                      # bill rows read and compared
    charged: int = 0
    expected: int = 0
    first: dt.date | None = None                       # the bill's period: its first and last month
    last: dt.date | None = None
    unexpected: list[Line] = field(default_factory=list)
    missing: list[Line] = field(default_factory=list)
    price: list[Line] = field(default_factory=list)
    unread: list[bpjs_bill.BillRow] = field(default_factory=list)   # rows that could not be compared
    sheets: tuple[str, ...] = ()

    @property
    def difference(self) -> int:
        return self.charged - self.expected

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "rows": self.rows,
                "period": [f"{m:%Y-%m}" if m else None for m in (self.first, self.last)],
                "charged": self.charged, "expected": self.expected, "difference": self.difference,
                "unexpected": [line.to_json() for line in self.unexpected],
                "missing": [line.to_json() for line in self.missing],
                "price": [line.to_json() for line in self.price],
                "unread": [{"row": r.row, **({"sheet": r.sheet} if r.sheet else {}), "reason": r.problem,
                            "value": r.value} for r in self.unread]}


def _read(path: Path) -> tuple[list[bpjs_bill.BillRow], tuple[str, ...]]:
    """Every sheet of the bill that has a bill's header; of each row only the cells the bill's columns name."""
    from desktop.services import sheet_limits
    from desktop.services.spreadsheets import read_sheets

    def wanted(head: Sequence[Sequence[Any]]) -> bool:
        return bpjs_bill.find_bill(head) is not None

    sheets = read_sheets(Path(path), sheet_limits.ANSWER, wanted)
    many = len(sheets) > 1
    out: list[bpjs_bill.BillRow] = []
    for sheet in sheets:
        stream = iter(sheet)
        head = list(islice(stream, bpjs_bill.HEADER_ROWS))
        found = bpjs_bill.find_bill(head)
        if found is None:
            names = ", ".join([sheet.sheet] + [name for name, _ in sheets[0].ignored])
            raise ServiceError(bpjs_bill.MISSING_COLUMNS, name=Path(path).name, sheets=names)
        columns = sorted(set(found.mapping.values()))
        mapping = {key: columns.index(index) for key, index in found.mapping.items()}
        kept: list[tuple[int, list[Any]]] = []
        for number, row in enumerate(chain(head[found.last + 1:], stream), start=found.last + 2):
            # The cells the columns name, and the word of a totals row wherever it stands (``JUMLAH`` under No).
            cells = [row[index] if index < len(row) else None for index in columns] + [bpjs.totals_label(row)]
            if any(cell not in (None, "") for cell in cells):
                kept.append((number, cells))
        order, _basis = date_column_order(bpjs_bill.period_texts([cells for _, cells in kept], mapping))
        for number, cells in kept:
            got = bpjs_bill.read_bill_row(number, cells, mapping, order)
            if got is not None:
                out.append(replace(got, sheet=sheet.sheet) if many else got)
    return out, tuple(s.sheet for s in sheets)


@dataclass
class _Worker:
    nik: str
    kpj: str
    name: str
    registration_no: str
    status: str
    deleted: bool
    bought: dict[dt.date, list[int]] = field(default_factory=dict)    # month -> prices of its worker-months
    all_bought: set[dt.date] = field(default_factory=set)


def _period_text(months: Sequence[dt.date]) -> str:
    """``12-2026``, ``01-2027 s/d 12-2027``, runs joined by commas."""
    runs: list[list[dt.date]] = []
    for month in sorted(months):
        if runs and (month.year * 12 + month.month) - (runs[-1][-1].year * 12 + runs[-1][-1].month) == 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return ", ".join(f"{run[0]:%m-%Y}" + (f" s/d {run[-1]:%m-%Y}" if len(run) > 1 else "") for run in runs)


def reconcile_bill(ws: Workspace, path: Path, actor: Actor, out: Path | None = None) -> BillResult:
    """Hold BPJS's bill (``path``) against the ledger; the reconciliation is written to ``out`` (.xlsx)
    when given. Nothing in the records changes; the reading is audited."""
    require_branch(actor)
    path = Path(path)
    rows, sheets = _read(path)
    result = BillResult(path.name, sheets=sheets)
    result.unread = [r for r in rows if r.problem]
    read = [r for r in rows if not r.problem]
    months = [m for r in read for m in r.months]
    if months:
        result.first, result.last = min(months), max(months)
    prices = Prices()
    bracket_of = bracket_reader(ws.policy.jkk_income)
    workers: dict[int, _Worker] = {}
    by_kpj: dict[str, int] = {}
    by_nik: dict[str, int] = {}

    def keep(wid: int, nik: str, kpj: str | None, name: str, regno: str, status: str, deleted: bool) -> _Worker:
        worker = workers[wid] = _Worker(nik, kpj or "", name, regno or "", status, deleted)
        for index, key in ((by_kpj, kpj), (by_nik, nik)):
            if key and (key not in index or workers[index[key]].deleted):   # the living record wins
                index[key] = wid
        return worker

    with ws.read() as tx:
        if result.first is not None:
            for wid, nik, kpj, name, regno, status, deleted, occupation, events in lifecycle_rows.paid_identities(tx):
                worker = keep(wid, nik, kpj, name, regno, status, deleted)
                ledger = worker_ledger(lifecycle.loads(events), prices.of(occupation), bracket_of, deleted,
                                       detail=True)
                for month in ledger.months:
                    begins = month.begins.replace(day=1)
                    worker.all_bought.add(begins)
                    if result.first <= begins <= result.last:
                        worker.bought.setdefault(begins, []).append(month.price)
                        result.expected += month.price
        for key, index in (("kpj", by_kpj), ("nik", by_nik)):
            wanted = sorted({getattr(r, key) for r in read if getattr(r, key)} - index.keys())
            for wid, nik, kpj, name, regno, status, deleted in lifecycle_rows.identities(tx, key, wanted):
                if wid not in workers:
                    keep(wid, nik, kpj, name, regno, status, deleted)
    for r in read:
        result.rows += 1
        result.charged += r.amount or 0
        wid = by_kpj.get(r.kpj) if r.kpj else None
        if wid is None and r.nik:
            wid = by_nik.get(r.nik)
        if wid is None:
            result.unexpected.append(Line(UNKNOWN, r.months, r.amount, None, r.nik, r.kpj, r.name, row=r.row,
                                          sheet=r.sheet))
            continue
        worker = workers[wid]
        matched, expected, reason = [], 0, None
        other: list[dt.date] = []
        for month in r.months:
            left = worker.bought.get(month)
            if left:
                expected += left.pop()
                matched.append(month)
                continue
            other.append(month)
            if reason is None:
                if month in worker.all_bought:
                    reason = TWICE
                elif worker.deleted or worker.status not in (Status.ACTIVE.value, Status.ENDED.value):
                    reason = NOT_ACTIVE
                else:
                    reason = NOT_BOUGHT
        ident = {"nik": worker.nik, "kpj": worker.kpj or r.kpj, "name": worker.name,
                 "registration_no": worker.registration_no, "row": r.row, "sheet": r.sheet}
        if other:
            # The months Lindung expected are taken at their price; the rest of the row is what BPJS charged
            # beyond them.
            result.unexpected.append(Line(reason or NOT_BOUGHT, tuple(other), (r.amount or 0) - expected, None,
                                          **ident))
        elif r.amount != expected:
            result.price.append(Line(OTHER_PRICE, tuple(matched), r.amount, expected, **ident))
    for worker in workers.values():
        left = {month: prices_ for month, prices_ in worker.bought.items() if prices_}
        if left:
            result.missing.append(Line(NOT_CHARGED, tuple(sorted(m for m, p in left.items() for _ in p)), None,
                                       sum(sum(p) for p in left.values()), worker.nik, worker.kpj, worker.name,
                                       worker.registration_no))
    result.missing.sort(key=lambda line: (line.registration_no, line.months))
    if out is not None:
        write_reconciliation(result, Path(out))
    audit.log(ws, actor, "bpjs_bill", path.name, {
        "rows": result.rows, "charged": result.charged, "expected": result.expected,
        "difference": result.difference, "unexpected": len(result.unexpected), "missing": len(result.missing),
        "price": len(result.price), "unread": len(result.unread),
        **({"file": Path(out).name} if out is not None else {})})
    return result


_IDENT = ["No. KPJ", "NIK", "Nama", "No. Registrasi", "Periode", "Bulan"]


def write_reconciliation(result: BillResult, out: Path) -> None:
    """The reconciliation workbook: a summary, then a sheet per kind of line; every count and rupiah a
    number cell, each sheet's total the sum of its rows."""
    from desktop.services.spreadsheets import ColumnSpec, write_rows

    def ident(line: Line) -> list[Any]:
        return [line.kpj, line.nik, line.name, line.registration_no, _period_text(line.months), len(line.months)]

    def specs(*headers: str) -> list[ColumnSpec]:
        widths = {"Nama": 28, "Keterangan": 60, "Periode": 24, "NIK": 18, "No. Registrasi": 18}
        return [ColumnSpec(h, widths.get(h, 14), text=h in ("No. KPJ", "NIK", "No. Registrasi")) for h in headers]

    def total(width: int, label_at: int, sums: dict[int, int]) -> list[Any]:
        row: list[Any] = [None] * width
        row[label_at] = "Jumlah"
        for index, value in sums.items():
            row[index] = value
        return row

    unexpected = [[line.row, *ident(line), line.charged, _words(line.reason)] for line in result.unexpected]
    unexpected.append(total(9, 3, {6: sum(len(l.months) for l in result.unexpected),
                                   7: sum(l.charged or 0 for l in result.unexpected)}))
    missing = [[*ident(line), line.expected, _words(line.reason)] for line in result.missing]
    missing.append(total(8, 2, {5: sum(len(l.months) for l in result.missing),
                                6: sum(l.expected or 0 for l in result.missing)}))
    price = [[line.row, *ident(line), line.charged, line.expected, line.difference] for line in result.price]
    price.append(total(10, 3, {6: sum(len(l.months) for l in result.price),
                               7: sum(l.charged or 0 for l in result.price),
                               8: sum(l.expected or 0 for l in result.price),
                               9: sum(l.difference for l in result.price)}))
    period = (f"{_period_text([result.first])} s/d {_period_text([result.last])}"
              if result.first and result.last else "-")
    summary: list[list[Any]] = [
        ["Berkas tagihan BPJS", result.file], ["Periode tagihan", period],
        ["Baris tagihan dibandingkan", result.rows], ["Baris tidak terbaca", len(result.unread)],
        ["Ditagih BPJS (Rp)", result.charged], ["Diharapkan Lindung (Rp)", result.expected],
        ["Selisih: ditagih - diharapkan (Rp)", result.difference],
        ["Ditagih tidak diharapkan: baris", len(result.unexpected)],
        ["Ditagih tidak diharapkan (Rp)", sum(l.charged or 0 for l in result.unexpected)],
        ["Diharapkan tidak ditagih: peserta", len(result.missing)],
        ["Diharapkan tidak ditagih (Rp)", sum(l.expected or 0 for l in result.missing)],
        ["Selisih harga: baris", len(result.price)],
        ["Selisih harga (Rp)", sum(l.difference for l in result.price)]]
    sheets: dict[str, tuple[Any, list[list[Any]]]] = {
        "Ditagih tidak diharapkan": (specs("Baris", *_IDENT, "Ditagih (Rp)", "Keterangan"), unexpected),
        "Diharapkan tidak ditagih": (specs(*_IDENT, "Diharapkan (Rp)", "Keterangan"), missing),
        "Selisih harga": (specs("Baris", *_IDENT, "Ditagih (Rp)", "Diharapkan (Rp)", "Selisih (Rp)"), price),
    }
    if result.unread:
        sheets["Baris tidak terbaca"] = (specs("Lembar", "Baris", "Isi", "Keterangan"),
                                         [[r.sheet, r.row, r.value, _words(r.problem or "")] for r in result.unread])
    write_rows(out, [ColumnSpec("Uraian", 40), ColumnSpec("Nilai", 24)], summary, extra_sheets=sheets,
               name="Ringkasan")


def _words(reason: str) -> str:
    """A reason code (or a message template) as the words written in the workbook."""
    return REASONS.get(reason, reason)
