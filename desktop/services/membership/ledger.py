"""The zakat ledger of the records here (``desktop.domain.ledger``): per submission batch and in total,
what BAZNAS paid, what it bought (allocated to worker-months), what is its credit (held for BPJS's
answer, or for months no one received) and what is still owed for months covered. Everything follows
from the records' events, so every branch laptop holding the same records shows the same balances."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain import lifecycle
from desktop.domain.contributions import is_bpu_bracket, month_start, monthly_rate
from desktop.domain.ledger import Pricing, Share, WorkerLedger, worker_ledger
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.services import permissions
from desktop.domain.actors import Actor
from desktop.services.errors import ServiceError
from desktop.services.workspace import Workspace
from desktop.storage import lifecycle_rows
from desktop.storage.database import Tx


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
    moved: int = 0                 # credit carried from here to later payments (gone from ``paid``)
    refunded: int = 0              # credit returned to BAZNAS (gone from ``paid``)
    from_credit: int = 0           # of ``paid``, credit carried here from earlier payments

    def add_share(self, share: Share) -> None:
        self.paid += share.paid
        self.allocated += share.allocated
        self.credit = self.paid - self.allocated
        self.owed += share.owed
        if share.held:
            self.held += share.paid - share.allocated
        self.moved += share.moved
        self.refunded += share.refunded
        self.from_credit += share.from_credit

    def add(self, ledger: WorkerLedger) -> None:
        for share in ledger.shares:          # a branch adds some 60,000 ledgers
            self.add_share(share)
        self.workers += 1
        self.months += ledger.bought

    def to_json(self) -> dict[str, int]:
        return {"paid": self.paid, "allocated": self.allocated, "credit": self.credit, "held": self.held,
                "owed": self.owed, "workers": self.workers, "months": self.months, "moved": self.moved,
                "refunded": self.refunded, "from_credit": self.from_credit}

    @property
    def usable(self) -> int:
        """Credit that can be carried or refunded now (not waiting for BPJS's answer)."""
        return self.credit - self.held


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


def _ledgers(tx: Tx, ws: Workspace, batch: str | None = None) -> Iterator[tuple[int, str, WorkerLedger]]:
    """(worker id, batch, ledger) of every record some payment reached (or of one batch's)."""
    prices = Prices()
    bracket_of = bracket_reader(ws.policy.jkk_income)
    for wid, batch_no, occupation, events, deleted in lifecycle_rows.ledger_rows(tx, batch):
        yield wid, batch_no or "-", worker_ledger(lifecycle.loads(events), prices.of(occupation), bracket_of,
                                                  deleted, detail=False)


def balances(ws: Workspace, actor: Actor, batch: str | None = None) -> Balances:
    """The ledger's balances of every record with a payment (or of one submission batch's records)."""
    permissions.require(actor, permissions.Action.REPORT)
    out = Balances()
    with ws.read() as tx:
        if batch and not lifecycle_rows.batch_known(tx, batch):
            raise ServiceError(QT_TRANSLATE_NOOP("Service", "Batch {batch} tidak dikenal."), batch=batch)
        for _wid, batch_no, ledger in _ledgers(tx, ws, batch):
            out.total.add(ledger)
            out.batches.setdefault(batch_no, Balance()).add(ledger)
            for share in ledger.shares:
                figures = out.payments.setdefault(share.payment, Balance())
                figures.add_share(share)
                figures.workers += 1
                figures.months += share.months_bought
    return out


def credit_sources(tx: Tx, ws: Workspace) -> list[tuple[int, int]]:
    """(worker id, rupiah) of every record holding credit that can be carried or refunded now (not
    waiting for BPJS's answer), oldest record first."""
    found = []
    for wid, _batch, ledger in _ledgers(tx, ws):
        usable = ledger.credit - ledger.held
        if usable > 0:
            found.append((wid, usable))
    return found


def draw(sources: Sequence[tuple[int, int]], amount: int) -> dict[int, int]:
    """Which records give ``amount`` of credit, oldest first: worker id -> rupiah."""
    taken: dict[int, int] = {}
    for wid, usable in sources:
        if amount <= 0:
            break
        part = min(usable, amount)
        taken[wid] = part
        amount -= part
    return taken


def usable_credit(ws: Workspace, actor: Actor) -> int:
    """BAZNAS's credit that a payment can use or a refund return now (rupiah)."""
    permissions.require(actor, permissions.Action.REPORT)
    with ws.read() as tx:
        return sum(part for _wid, part in credit_sources(tx, ws))
