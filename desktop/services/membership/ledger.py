"""The zakat ledger of the records here (``desktop.domain.ledger``): per submission batch and in total,
what BAZNAS paid, what it bought (allocated to worker-months), what is its credit (held for BPJS's
answer, or for months no one received) and what is still owed for months covered. Everything follows
from the records' events, so every branch laptop holding the same records shows the same balances."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from desktop.domain import lifecycle
from desktop.domain.contributions import is_bpu_bracket, month_start, monthly_rate
from desktop.domain.ledger import Pricing, WorkerLedger, worker_ledger
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services import permissions
from desktop.services.accounts import Actor
from desktop.services.errors import ServiceError
from desktop.services.workspace import Workspace
from desktop.storage.models import Worker


@dataclass
class Balance:
    """Rupiah, integers: ``paid == allocated + credit`` always; ``held`` is the part of the credit waiting
    for BPJS's answer; ``owed`` is what the months covered cost beyond what was paid for them."""

    paid: int = 0
    allocated: int = 0
    credit: int = 0
    held: int = 0
    owed: int = 0
    workers: int = 0
    months: int = 0                # worker-months bought

    def add(self, ledger: WorkerLedger) -> None:
        for share in ledger.shares:          # each figure once: a branch adds some 60,000 ledgers
            self.paid += share.paid
            self.allocated += share.allocated
            self.owed += share.owed
            if share.held:
                self.held += share.paid - share.allocated
        self.credit = self.paid - self.allocated
        self.workers += 1
        self.months += ledger.bought

    def to_json(self) -> dict[str, int]:
        return {"paid": self.paid, "allocated": self.allocated, "credit": self.credit, "held": self.held,
                "owed": self.owed, "workers": self.workers, "months": self.months}


@dataclass
class Balances:
    total: Balance = field(default_factory=Balance)
    batches: dict[str, Balance] = field(default_factory=dict)      # submission batch -> its balance
    payments: dict[str, Balance] = field(default_factory=dict)     # payment number -> its balance

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total.to_json(),
                "batches": [{"batch": b, **v.to_json()} for b, v in sorted(self.batches.items())],
                "payments": [{"payment": p, **v.to_json()} for p, v in sorted(self.payments.items())]}


class Prices:
    """One worker-month's price: JKK at 1 % of the worker's bracket plus JKM, at the rates of the
    calendar month the coverage month begins in; computed once per (occupation, month, bracket), and the
    months a payment buys once per occupation and span (``ledger.Pricing``)."""

    def __init__(self) -> None:
        self.cache: dict[tuple[str, dt.date, int], int] = {}
        self.pricings: dict[str, Pricing] = {}

    def of(self, occupation: str) -> Pricing:
        found = self.pricings.get(occupation)
        if found is None:
            def price(begins: dt.date, bracket: int) -> int:
                key = (occupation, month_start(begins), bracket)
                cost = self.cache.get(key)
                if cost is None:
                    jkk, jkm = monthly_rate(key[1], occupation, bracket=bracket)   # every rate of that month
                    cost = self.cache[key] = jkk + jkm
                return cost
            found = self.pricings[occupation] = Pricing(price)
        return found


def bracket_reader(default: int):
    def bracket_of(event: Mapping[str, Any]) -> int:
        income = event.get("income")
        return income if is_bpu_bracket(income) else default
    return bracket_of


_CHUNK_ROWS = 5_000


def balances(ws: Workspace, actor: Actor, batch: str | None = None) -> Balances:
    """The ledger's balances of every record with a payment (or of one submission batch's records)."""
    permissions.require(actor, permissions.Action.REPORT)
    prices = Prices()
    bracket_of = bracket_reader(ws.policy.jkk_income)
    out = Balances()
    # Only records some payment reached carry money: the events' JSON names the event type.
    where = [Worker.lifecycle.contains('"type":"paid"')]
    if batch:
        where.append(Worker.batch_no == batch)
    with ws.session() as session:
        if batch and session.scalar(select(Worker.id).where(Worker.batch_no == batch).limit(1)) is None:
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Batch {batch} tidak dikenal."), batch=batch)
        rows = session.execute(select(Worker.batch_no, Worker.occupation, Worker.lifecycle, Worker.deleted_at)
                               .where(*where).execution_options(yield_per=_CHUNK_ROWS))
        for batch_no, occupation, events, deleted_at in rows:
            ledger = worker_ledger(lifecycle.loads(events), prices.of(occupation), bracket_of,
                                   deleted_at is not None, detail=False)
            out.total.add(ledger)
            out.batches.setdefault(batch_no or "-", Balance()).add(ledger)
            for share in ledger.shares:
                figures = out.payments.setdefault(share.payment, Balance())
                figures.paid += share.paid
                figures.allocated += share.allocated
                figures.credit += share.credit
                figures.held += share.credit if share.held else 0
                figures.owed += share.owed
                figures.workers += 1
                figures.months += share.months_bought
    return out
