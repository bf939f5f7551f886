"""The zakat ledger: every rupiah BAZNAS paid for a worker, allocated to the months of coverage it bought,
or shown as credit.

The unit is the **worker-month**: the i-th month of a worker's coverage, counted from the membership date
BPJS gave (the KPJ start), is owed once, at the rate of the calendar month it begins in (dated rates:
PP 50/2025 reliefs, the JKK bracket the worker was submitted at). A payment's money for a worker (its
``paid`` event: the transfer's share for that worker, or the amount owed when no transfer was entered)
is allocated to the months that event bought, month by month; what is left is the payment's **credit**:

- money paid before BPJS's answer waits (**held**, part of the credit) until the answer says which
  months it bought; a refusal leaves it credit, and a resubmission after a refusal starts afresh (the
  money paid for the refused submission stays credit: a worker is never paid for twice);
- money beyond the price of the months it bought (a transfer larger than owed) is credit;
- months bought but not fully paid (priced at the rate of a month other than the one covered, a
  transfer smaller than owed) are **owed**.

So ``paid == allocated + credit`` for every worker and every payment, by construction, and no month is
allocated twice (each payment's months follow the last covered one). Everything follows from the
record's events (which sync), exactly as ``lifecycle.derive`` reads them: the coverage a ledger allocates
is the coverage the record shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain import lifecycle
from desktop.domain.text import add_months

# The price of one worker-month: (first day of the coverage month, the worker's bracket) -> rupiah.
Price = Callable[[dt.date, int], int]


class Pricing:
    """A price per worker-month, with the months a payment buys worked out once per (origin, offset,
    months, bracket): the branch's workers mostly share a membership date, so a whole branch's ledger
    prices a handful of spans, not a million months."""

    def __init__(self, price: Price):
        self.price = price
        self.spans: dict[tuple[dt.date, int, int, int], tuple[tuple[tuple[dt.date, dt.date, int], ...], int]] = {}

    def span(self, origin: dt.date, offset: int, months: int,
             bracket: int) -> tuple[tuple[tuple[dt.date, dt.date, int], ...], int]:
        """((begins, ends, price) of each month, their total) for the ``offset``-th to the
        ``offset + months - 1``-th month from ``origin`` (counted as ``lifecycle.derive`` counts)."""
        key = (origin, offset, months, bracket)
        found = self.spans.get(key)
        if found is None:
            each = tuple((add_months(origin, i), add_months(origin, i + 1) - dt.timedelta(days=1),
                          self.price(add_months(origin, i), bracket)) for i in range(offset, offset + months))
            found = self.spans[key] = (each, sum(cost for _b, _e, cost in each))
        return found


@dataclass
class Share:
    """One payment's money for one worker and what became of it."""

    payment: str
    paid: int                  # rupiah
    months: int                # months it was meant to buy
    allocated: int = 0
    owed: int = 0              # the part of the months it bought that it did not cover
    held: bool = False         # waiting for BPJS's answer (its money is credit until then)
    months_bought: int = 0

    @property
    def credit(self) -> int:
        return self.paid - self.allocated


@dataclass(frozen=True)
class WorkerMonth:
    begins: dt.date            # the day this month of coverage begins
    ends: dt.date              # its last day
    price: int
    payment: str
    allocated: int             # <= price; price - allocated is owed


@dataclass
class WorkerLedger:
    shares: list[Share] = field(default_factory=list)
    months: list[WorkerMonth] = field(default_factory=list)     # each worker-month (``detail``)
    bought: int = 0                                              # how many worker-months were bought

    @property
    def paid(self) -> int:
        return sum(s.paid for s in self.shares)

    @property
    def allocated(self) -> int:
        return sum(s.allocated for s in self.shares)

    @property
    def credit(self) -> int:
        return sum(s.credit for s in self.shares)

    @property
    def held(self) -> int:
        return sum(s.credit for s in self.shares if s.held)

    @property
    def owed(self) -> int:
        return sum(s.owed for s in self.shares)


def money_of(event: Mapping[str, Any]) -> int:
    """What a ``paid`` event brought for its worker: its share of the transfer (``paid``), or, when no
    transfer amount was entered, the amount owed it recorded."""
    for key in ("paid", "amount"):
        value = event.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
    return 0


def worker_ledger(events: Sequence[Mapping[str, Any]], price: Price | Pricing,
                  bracket_of: Callable[[Mapping[str, Any]], int], deleted: bool = False,
                  detail: bool = True) -> WorkerLedger:
    """A worker's ledger from their events (oldest first). ``bracket_of`` gives the bracket a ``submitted``
    event sent BPJS; ``deleted``: a record deleted before BPJS's answer leaves its held money credit;
    ``detail``: list each worker-month (else only the figures: a branch's balance)."""
    pricing = price if isinstance(price, Pricing) else Pricing(price)
    ledger = WorkerLedger()
    status, start, end, bracket = "enrolled", None, None, 0
    pool: list[Share] = []              # paid before the answer: their months begin at the KPJ start
    undone = lifecycle.undone_answers(events)

    def buy(share: Share, origin: dt.date, offset: int = 0) -> int:
        """Allocate ``share`` to its months, the ``offset``-th month from ``origin`` on (counted from one
        day, as ``lifecycle.derive`` counts coverage), month by month; the offset after its last month."""
        months, cost = pricing.span(origin, offset, share.months, bracket)
        share.allocated = min(share.paid, cost)
        share.owed = cost - share.allocated
        share.months_bought = share.months
        ledger.bought += share.months
        if detail:
            money = share.paid
            for begins, ends, price_ in months:
                part = min(price_, money)
                money -= part
                ledger.months.append(WorkerMonth(begins, ends, price_, share.payment, part))
        return offset + share.months

    for event in events:
        kind = event.get("type")
        if undone and kind != lifecycle.UNDONE and event.get("answer") in undone:
            continue
        if kind == lifecycle.SUBMITTED:
            if status in ("enrolled", "refused"):
                if status == "refused":
                    pool = []           # the refused submission's money stays credit: paid once, not twice
                status, bracket = "submitted", bracket_of(event)
        elif kind == lifecycle.ACTIVATED:
            if status != "active":
                status, start = "active", lifecycle._day(event.get("start"))
                if start is not None:
                    offset = 0
                    for share in pool:
                        offset = buy(share, start, offset)
                    end = add_months(start, offset) - dt.timedelta(days=1) if offset else None
                pool = []
        elif kind == lifecycle.REFUSED:
            if status == "submitted":
                status = "refused"
        elif kind == lifecycle.PAID:
            share = Share(str(event.get("payment") or ""), money_of(event), max(0, int(event.get("months") or 0)))
            ledger.shares.append(share)
            if start is None:
                pool.append(share)
            else:
                begin = lifecycle.paid_begin(start, end, event)
                end = add_months(begin, buy(share, begin)) - dt.timedelta(days=1)
    if status != "active":
        for share in pool:
            share.held = status == "submitted" and not deleted
    return ledger
