"""Incidents and claims as events in a record's life: checked like the other events, a death ends the
coverage with the month it fell in (the ledger credits the money of later months), and a claim's progress
read back from the events."""

from __future__ import annotations

import datetime as dt

from desktop.domain import lifecycle
from desktop.domain.claims import claims_of
from desktop.domain.ledger import worker_ledger

D = dt.date
TODAY = D(2026, 6, 15)
CLAIM = "c" * 32
ANSWER = "0123456789abcdef0123456789abcdef"


def ev(type_, at="2026-01-05", **fields):
    return {"type": type_, "at": f"{at}T08:00:00Z", "by": "kader", **fields}


def active(months=12):
    """Submitted, paid ``months`` months before BPJS's answer, active from 1 January 2026."""
    return [ev("submitted", at="2025-12-20", batch="AJ-ABCDEF-0001", months=months, income=1_000_000),
            ev("paid", at="2025-12-21", payment="BY-1", months=months, amount=16_800 * months),
            ev("activated", at="2025-12-30", kpj="26010000001", start="2026-01-01", answer=ANSWER)]


def incident(day="2026-03-10", kind="death", at="2026-03-11", claim=CLAIM, **extra):
    return ev("incident", at=at, claim=claim, kind=kind, day=day, at_work=extra.pop("at_work", False),
              place="Desa Sungai Ambawang", what="meninggal di rumah", reported_by="Kader Siti", **extra)


def claim(state=None, at="2026-04-01", **extra):
    fields = {"state": state} if state else {}
    return ev("claim", at=at, claim=CLAIM, **fields, **extra)


def problems(events, today=TODAY):
    return lifecycle.event_problems(events, today)


def test_a_sound_claim_from_report_to_paid_is_accepted_and_read_back():
    events = active() + [incident(), claim(documents=["kpj_card", "ktp_heir"]),
                         claim("documents_complete", documents=["death_certificate"]), claim("submitted"),
                         claim("paid", at="2026-04-10", amount=42_000_000, date="2026-04-09")]
    assert problems(events) == []
    [state] = claims_of(events)
    assert (state.state, state.amount, state.paid_on, state.open) == ("paid", 42_000_000, D(2026, 4, 9), False)
    assert state.documents == {"kpj_card", "ktp_heir", "death_certificate"}
    assert state.incident.day == D(2026, 3, 10) and state.reported_at == D(2026, 3, 11)


def test_an_incident_dated_in_the_future_or_after_its_report_is_refused():
    assert "tanggal kejadian" in " ".join(problems(active() + [incident(day="2026-07-01", at="2026-06-15")]))
    assert "tanggal kejadian" in " ".join(problems(active() + [incident(day="2026-03-20", at="2026-03-11")]))
    # a day of grace for the time zone: reported at 01:00 WIB on the day, still the day before in UTC
    assert problems(active() + [incident(day="2026-03-12", at="2026-03-11")]) == []


def test_a_claim_with_no_incident_a_step_back_or_after_its_end_is_refused():
    assert "tanpa laporan kejadian" in " ".join(problems(active() + [claim("paid", amount=1, date="2026-04-01")]))
    back = active() + [incident(), claim("submitted"), claim("documents_complete")]
    assert "hanya maju" in " ".join(problems(back))
    ended = active() + [incident(), claim("refused", reason="bukan ahli waris"), claim(documents=["kk"])]
    assert "sudah selesai" in " ".join(problems(ended))


def test_paid_needs_an_amount_and_a_date_refused_a_reason_and_a_worker_dies_once():
    base = active() + [incident()]
    assert "jumlah klaim" in " ".join(problems(base + [claim("paid", date="2026-04-01")]))
    assert "tanggal klaim" in " ".join(problems(base + [claim("paid", amount=10, date="2026-02-01")]))
    assert "alasan penolakan klaim" in " ".join(problems(base + [claim("refused", reason=" ")]))
    assert "sudah dilaporkan" in " ".join(problems(base + [incident(claim="d" * 32)]))
    assert "tidak sah" in " ".join(problems(base + [claim(documents=["../x"])]))
    too_long = incident(claim="e" * 32, kind="accident", at_work=True)
    too_long["what"] = "x" * (lifecycle.MAX_REASON + 1)
    assert "paling panjang" in " ".join(problems(active() + [too_long]))


def test_checked_against_the_earlier_events_as_the_append_path_does():
    held = active() + [incident()]
    assert lifecycle.event_problems([claim("submitted")], TODAY, earlier=held) == []
    assert lifecycle.event_problems([claim("submitted")], TODAY, earlier=active()) != []


def test_only_the_branch_records_submitted_paid_and_refused():
    assert not lifecycle.branch_only(incident())
    assert not lifecycle.branch_only(claim(documents=["kpj_card"]))
    assert not lifecycle.branch_only(claim("documents_complete"))
    assert all(lifecycle.branch_only(claim(state)) for state in ("submitted", "paid", "refused"))
    assert lifecycle.branch_only(ev("paid", payment="BY-1", months=1))


def test_a_death_makes_the_record_deceased_and_ends_coverage_with_its_month():
    events = active(12) + [incident(day="2026-03-10")]
    state = lifecycle.derive(events)
    assert (state.status, state.coverage_end) == ("deceased", D(2026, 3, 31))
    # an accident does not
    assert lifecycle.derive(active(12) + [incident(kind="accident", at_work=True)]).status == "active"
    # a death after coverage ran out leaves it where it ended
    assert lifecycle.derive(active(2) + [incident(day="2026-05-01")]).coverage_end == D(2026, 2, 28)


def price(begins, bracket):
    return 16_800


def test_the_ledger_credits_the_months_paid_after_the_deaths_month():
    events = active(12) + [incident(day="2026-03-10"),
                           ev("paid", at="2026-03-20", payment="BY-2", months=3, amount=3 * 16_800)]
    ledger = worker_ledger(events, price, lambda e: 1_000_000)
    assert ledger.bought == 3
    assert ledger.allocated == 3 * 16_800
    assert ledger.credit == 12 * 16_800          # 9 months of the first payment and all of the second
    assert ledger.paid == ledger.allocated + ledger.credit
    assert [m.begins.month for m in ledger.months] == [1, 2, 3]
    # the months the ledger allocates are the coverage the record shows
    assert max(m.ends for m in ledger.months) == lifecycle.derive(events).coverage_end
