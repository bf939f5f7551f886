"""The zakat ledger over random lives of a record: submissions, answers in any order (refused, later
activated, undone), payments before and after the answer, renewals after a gap, resubmissions. Whatever
happens, every rupiah paid is allocated or credit, no month is bought twice, and the months allocated
are exactly the coverage the record shows."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import lifecycle
from desktop.domain.ledger import worker_ledger
from desktop.domain.text import add_months

DAY0 = dt.date(2026, 1, 1)


def price(begins: dt.date, bracket: int) -> int:
    # Any dated price will do: it changes with the month and the bracket, so a month priced at the wrong
    # month or bracket shows.
    return bracket // 100 + 6_800 + (begins.month % 3) * 1_000


def bracket_of(event) -> int:
    return event.get("income") or 1_000_000


def stamp(n: int) -> str:
    return f"{DAY0 + dt.timedelta(days=n)}T08:00:00Z"


step = st.one_of(
    st.tuples(st.just("submit"), st.sampled_from([1_000_000, 2_000_000])),
    st.tuples(st.just("activate"), st.integers(0, 500)),
    st.tuples(st.just("refuse"), st.just(0)),
    st.tuples(st.just("pay"), st.tuples(st.integers(1, 24), st.integers(0, 600_000), st.booleans(),
                                        st.integers(0, 900))),
    st.tuples(st.just("undo"), st.just(0)),
    st.tuples(st.just("use"), st.tuples(st.integers(1, 400_000), st.booleans())),
    st.tuples(st.just("share"), st.integers(0, 600_000)),
)


def events_of(steps) -> list[dict]:
    events, answers, n = [], [], 0
    for kind, arg in steps:
        n += 1
        if kind == "submit":
            events.append({"type": "submitted", "at": stamp(n), "by": "b", "batch": f"AJ-{n}", "months": 12,
                           "income": arg})
        elif kind == "activate":
            answers.append(f"{n:032x}")
            events.append({"type": "activated", "at": stamp(n), "by": "b", "kpj": f"{26100000000 + n}",
                           "start": (DAY0 + dt.timedelta(days=arg)).isoformat(), "answer": answers[-1]})
        elif kind == "refuse":
            answers.append(f"{n:032x}")
            events.append({"type": "refused", "at": stamp(n), "by": "b", "reason": "x", "answer": answers[-1]})
        elif kind == "pay":
            months, money, with_transfer, restart = arg
            event = {"type": "paid", "at": stamp(n), "by": "b", "payment": f"BY-{n}", "months": months,
                     "amount": money}
            if with_transfer:
                event["paid"] = money + 7      # a transfer larger than owed
            if restart > 450:
                event["from"] = (DAY0 + dt.timedelta(days=restart)).isoformat()
            events.append(event)
        elif kind == "undo" and answers:
            events.append({"type": "answer_undone", "at": stamp(n), "by": "b", "answer": answers.pop()})
        elif kind == "use":            # credit carried on or refunded: only what the hub's bound allows
            amount, refund = arg
            event = {"type": "credit_used", "at": stamp(n), "by": "b", "amount": amount,
                     ("refund" if refund else "payment"): f"X-{n}"}
            if not lifecycle.event_problems([event], earlier=events):
                events.append(event)
        elif kind == "share":          # a share stated by the migration of a payment made before the ledger
            payments = [e["payment"] for e in events if e["type"] == "paid" and "paid" not in e]
            event = {"type": "paid_share", "at": stamp(n), "by": "b", "payment": payments[-1] if payments else "BY-0",
                     "paid": arg}
            if not lifecycle.event_problems([event], earlier=events):
                events.append(event)
    return events


def money_in(events) -> int:
    """What came for the record less what left it, as the events state it (no prices)."""
    shares: dict[str, int] = {}
    left = 0
    for e in events:
        if e["type"] == "paid":
            shares[e["payment"]] = e.get("paid", e["amount"])
        elif e["type"] == "paid_share":
            shares[e["payment"]] = e["paid"]
        elif e["type"] == "credit_used":
            left += e["amount"]
    return sum(shares.values()) - left


@settings(max_examples=400, deadline=None)
@given(st.lists(step, max_size=14))
def test_every_rupiah_is_allocated_or_credit_and_the_months_are_the_coverage(steps):
    events = events_of(steps)
    ledger = worker_ledger(events, price, bracket_of)
    state = lifecycle.derive(events)
    assert ledger.paid == ledger.allocated + ledger.credit
    assert ledger.paid == money_in(events)           # money is never created or lost by moving it
    assert ledger.moved + ledger.refunded == sum(e["amount"] for e in events if e["type"] == "credit_used")
    for share in ledger.shares:
        assert 0 <= share.allocated <= share.paid and share.owed >= 0
        assert not share.held or (state.status == "submitted" and share.months_bought == 0)
    begins = [m.begins for m in ledger.months]
    assert len(begins) == len(set(begins)) and begins == sorted(begins)      # no month bought twice
    if ledger.months:
        # The months allocated are the coverage the record shows, month by month from the KPJ start.
        assert state.status in ("active", "submitted", "refused") and state.coverage_start is not None
        assert ledger.months[0].begins >= state.coverage_start
        assert ledger.months[-1].ends == state.coverage_end
        assert all(a.ends < b.begins for a, b in zip(ledger.months, ledger.months[1:]))     # never overlapping
    else:
        assert state.coverage_end is None
    assert all(m.allocated <= m.price for m in ledger.months)
    assert ledger.owed == sum(m.price - m.allocated for m in ledger.months)


def test_a_refused_worker_resubmitted_and_paid_again_is_covered_once_and_the_first_money_is_credit():
    events = events_of([("submit", 1_000_000), ("pay", (12, 201_600, False, 0)), ("refuse", 0),
                        ("submit", 1_000_000), ("pay", (12, 201_600, False, 0)), ("activate", 370)])
    ledger = worker_ledger(events, lambda begins, bracket: 16_800, bracket_of)
    state = lifecycle.derive(events)
    assert len(ledger.months) == 12 and state.coverage_end == add_months(state.coverage_start, 12) - dt.timedelta(1)
    assert (ledger.paid, ledger.allocated, ledger.credit, ledger.owed) == (403_200, 201_600, 201_600, 0)


def test_paid_before_the_answer_is_held_then_bought_from_the_membership_date_at_its_months_rates():
    events = events_of([("submit", 1_000_000), ("pay", (2, 2 * 8_400, False, 0))])
    assert worker_ledger(events, price, bracket_of).held == 16_800
    # BPJS's membership date is in a month with another price: the months bought are priced as covered.
    start = dt.date(2027, 1, 1)
    events.append({"type": "activated", "at": stamp(40), "by": "b", "kpj": "26100000001", "start": start.isoformat()})
    ledger = worker_ledger(events, lambda begins, bracket: 8_400 if begins < start else 16_800, bracket_of)
    assert [m.begins for m in ledger.months] == [start, dt.date(2027, 2, 1)]
    assert (ledger.allocated, ledger.owed, ledger.held, ledger.credit) == (16_800, 16_800, 0, 0)


def test_credit_leaves_from_the_money_no_month_needs_before_any_month_is_left_owed():
    events = events_of([("submit", 1_000_000), ("pay", (12, 201_600, True, 0)), ("activate", 10)])
    flat = lambda begins, bracket: 16_800        # noqa: E731 - one price: 12 months cost 201,600
    assert worker_ledger(events, flat, bracket_of).credit == 7          # the transfer was 7 more than owed
    events.append({"type": "credit_used", "at": stamp(30), "by": "b", "amount": 7, "payment": "BY-9"})
    ledger = worker_ledger(events, flat, bracket_of)
    assert (ledger.paid, ledger.credit, ledger.owed, ledger.moved) == (201_600, 0, 0, 7)
    # Beyond the credit (never done by a laptop; within the hub's bound) the months bought last are owed.
    events.append({"type": "credit_used", "at": stamp(31), "by": "b", "amount": 100, "refund": "RF-1"})
    assert not lifecycle.event_problems(events)
    ledger = worker_ledger(events, flat, bracket_of)
    assert (ledger.paid, ledger.allocated, ledger.credit, ledger.owed) == (201_500, 201_500, 0, 100)
    assert ledger.months[-1].allocated == 16_700
    # More than ever came for the worker is refused by the rule every laptop and the hub apply.
    events.append({"type": "credit_used", "at": stamp(32), "by": "b", "amount": 201_501, "refund": "RF-2"})
    assert lifecycle.event_problems(events) == [
        "lifecycle 6: kredit yang dipakai melebihi uang yang dibayar untuk peserta ini"]
