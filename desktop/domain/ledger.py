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
- months bought after the month of coverage a worker died in (``lifecycle.kept_months``) buy nothing:
  their money is credit;
- months bought but not fully paid (priced at the rate of a month other than the one covered, a
  transfer smaller than owed) are **owed**.

BAZNAS's credit is carried to a later payment (``credit_used`` on the workers it came from, ``credit`` in
the receiving ``paid`` events) or refunded (``credit_used`` naming the refund): it leaves the first
ledgers and, when carried, enters the others, so the money of all ledgers is what BAZNAS transferred
less what was refunded.

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
    paid: int                  # rupiah the share holds: what came for the worker, less what left it
    months: int                # months it was meant to buy
    allocated: int = 0
    owed: int = 0              # the part of the months it bought that it did not cover
    held: bool = False         # waiting for BPJS's answer (its money is credit until then)
    months_bought: int = 0
    from_credit: int = 0       # of ``paid``, the credit of earlier payments moved to it
    moved: int = 0             # credit that left it for a later payment
    refunded: int = 0          # credit that left it, returned to BAZNAS
    cost: int | None = None    # the price of the months it bought (None: it bought none)
    spans: tuple[tuple[dt.date, dt.date, int], ...] = ()

    @property
    def credit(self) -> int:
        return self.paid - self.allocated

    def settle(self) -> None:
        if self.cost is not None:
            self.allocated = min(self.paid, self.cost)
            self.owed = self.cost - self.allocated


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

    @property
    def moved(self) -> int:
        return sum(s.moved for s in self.shares)

    @property
    def refunded(self) -> int:
        return sum(s.refunded for s in self.shares)


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
    died = lifecycle.death_day(events)

    def buy(share: Share, origin: dt.date, offset: int = 0) -> int:
        """Allocate ``share`` to its months, the ``offset``-th month from ``origin`` on (counted from one
        day, as ``lifecycle.derive`` counts coverage); the offset after its last month. After a death,
        only the months beginning on or before its day."""
        share.spans, share.cost = pricing.span(origin, offset, share.months, bracket)
        if died is not None and share.spans and share.spans[-1][0] > died:
            share.spans = tuple(span for span in share.spans if span[0] <= died)
            share.cost = sum(cost for _b, _e, cost in share.spans)
        share.months_bought = len(share.spans)
        ledger.bought += share.months_bought
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
            share = Share(str(event.get("payment") or ""), money_of(event), max(0, int(event.get("months") or 0)),
                          from_credit=_amount(event.get("credit")))
            ledger.shares.append(share)
            if start is None:
                pool.append(share)
            else:
                begin = lifecycle.paid_begin(start, end, event)
                end = add_months(begin, buy(share, begin)) - dt.timedelta(days=1)
        elif kind == lifecycle.PAID_SHARE:
            payment = str(event.get("payment") or "")
            for share in reversed(ledger.shares):
                if share.payment == payment:
                    share.paid = _amount(event.get("paid"))
                    break
        elif kind == lifecycle.CREDIT_USED:
            _take(ledger.shares, _amount(event.get("amount")), refund=event.get("refund") is not None)
    if status != "active":
        for share in pool:
            share.held = status == "submitted" and not deleted
    for share in ledger.shares:
        share.settle()
        if detail and share.cost is not None:
            money = share.paid
            for begins, ends, price_ in share.spans:
                part = min(price_, money)
                money -= part
                ledger.months.append(WorkerMonth(begins, ends, price_, share.payment, part))
    return ledger


def _amount(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _take(shares: Sequence[Share], amount: int, refund: bool) -> None:
    """Money leaving a worker's ledger (credit moved to a later payment, or refunded): first what the
    shares hold beyond the months they bought, then the money of shares that bought nothing (yet), then
    -- only when more was moved than the worker's credit, which the branch's laptop never does -- money
    that bought months, newest first, which leaves those months owed: money is never created or lost."""
    def spare(share: Share) -> int:
        return max(0, share.paid - share.cost) if share.cost is not None else 0

    passes = ([s for s in shares if spare(s)], [s for s in shares if s.cost is None], list(reversed(shares)))
    for index, candidates in enumerate(passes):
        for share in candidates:
            if amount <= 0:
                return
            available = spare(share) if index == 0 else share.paid
            part = min(available, amount)
            share.paid -= part
            amount -= part
            if refund:
                share.refunded += part
            else:
                share.moved += part


def transfer_shares(amount: int | None, owed: Mapping[int, int]) -> dict[int, int] | None:
    """The transfer split among its workers in proportion to what each was owed (largest remainders, in
    worker order on ties), so the shares add up to the transfer exactly and every worker's ledger holds the
    money that came for them; None when no amount was entered (each paid what they were owed)."""
    if amount is None or not owed:
        return None
    total = sum(owed.values())
    if total == 0:
        ids = sorted(owed)
        base, extra = divmod(amount, len(ids))
        return {wid: base + (1 if n < extra else 0) for n, wid in enumerate(ids)}
    exact = {wid: (amount * part) // total for wid, part in owed.items()}
    remainders = sorted(owed, key=lambda wid: (-((amount * owed[wid]) % total), wid))
    for wid in remainders[:amount - sum(exact.values())]:
        exact[wid] += 1
    return exact
