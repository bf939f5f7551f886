"""An answer taken back: its events count for nothing wherever the undo stands, and the undo is checked."""

import datetime as dt

from desktop.domain.lifecycle import derive, event_problems, mismatch, undone_answers

A, B = "a" * 32, "b" * 32
TODAY = dt.date(2026, 12, 20)


def ev(kind, **fields):
    return {"type": kind, "at": "2026-12-01T08:00:00Z", "by": "admin", **fields}


SUBMIT = ev("submitted", batch="AJ-ABCDEF-0001", months=12)
WRONG = ev("activated", kpj="26120000001", start="2027-01-12", file="salah.xlsx", answer=A)
PAID = ev("paid", payment="BY-1", months=12)
UNDO_A = ev("answer_undone", answer=A, file="salah.xlsx", reason="tanggal salah dibaca")


def test_an_undone_activation_leaves_the_record_submitted_with_its_payment_waiting():
    state = derive([SUBMIT, WRONG, PAID, UNDO_A])
    assert (state.status, state.kpj_number, state.coverage_start, state.coverage_end) == ("submitted", None, None, None)
    assert state.months_paid == 12 and state.batch == "AJ-ABCDEF-0001"
    right = ev("activated", kpj="26120000002", start="2026-12-01", answer=B)
    again = derive([SUBMIT, WRONG, PAID, UNDO_A, right])
    assert (again.kpj_number, again.coverage_start, again.coverage_end) == (
        "26120000002", dt.date(2026, 12, 1), dt.date(2027, 11, 30))     # the months paid, from the right date
    assert undone_answers([SUBMIT, WRONG, UNDO_A]) == {A}


def test_an_undone_refusal_gives_way_to_a_later_answer_and_an_undone_later_one_restores_the_refusal():
    refused = ev("refused", reason="Data ganda", data="x", answer=A)
    active = ev("activated", kpj="26120000002", start="2026-12-01", answer=B)
    assert derive([SUBMIT, refused, active, UNDO_A]).status == "active"
    later = derive([SUBMIT, refused, active, ev("answer_undone", answer=B)])
    assert (later.status, later.refusal, later.kpj_number) == ("refused", "Data ganda", None)


def test_derived_keys_must_follow_the_undo():
    events = [SUBMIT, WRONG, UNDO_A]
    assert mismatch({"lifecycle": events, "status": "active", "kpj_number": "26120000001",
                     "coverage_start": "2027-01-12"}) == ["status", "kpj_number", "coverage_start"]
    assert mismatch({"lifecycle": events, "status": "submitted"}) == []


def test_an_undo_is_sound_only_for_an_answer_the_record_carries_once():
    assert event_problems([SUBMIT, WRONG, UNDO_A], TODAY) == []
    assert event_problems([UNDO_A], TODAY, earlier=[SUBMIT, WRONG]) == []
    assert "tidak ada pada data ini" in event_problems([SUBMIT, UNDO_A], TODAY)[0]
    assert "tidak ada pada data ini" in event_problems([UNDO_A], TODAY, earlier=[SUBMIT])[0]
    assert "sudah diurungkan" in event_problems([SUBMIT, WRONG, UNDO_A, UNDO_A], TODAY)[0]
    assert "sudah diurungkan" in event_problems([UNDO_A], TODAY, earlier=[SUBMIT, WRONG, UNDO_A])[0]
    # No event joins an answer once it is undone; an answer id has the shape of one.
    assert "sudah diurungkan" in event_problems([SUBMIT, WRONG, UNDO_A, dict(PAID, answer=A)], TODAY)[0]
    for bad in ("A" * 32, "a" * 31, 7, None):
        assert "tidak sah" in event_problems([SUBMIT, WRONG, dict(UNDO_A, answer=bad)], TODAY)[0]
    assert "kode jawaban BPJS tidak sah" in event_problems([SUBMIT, dict(WRONG, answer="x")], TODAY)[0]
    assert "tidak sah" in event_problems([SUBMIT, WRONG, dict(UNDO_A, reason="x" * 501)], TODAY)[0]
    assert "waktu atau pelaku" in event_problems([SUBMIT, WRONG, dict(UNDO_A, by=None)], TODAY)[0]
