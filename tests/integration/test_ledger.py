"""The month the outside run found unaccounted, on real files: a batch submitted and paid for 12 months
before BPJS's answer, BPJS answering most active (some from January), two refused, one of them corrected
and submitted again and paid again. Every rupiah is allocated to worker-months or shown as credit, the
refused workers' money is credit, the months covered at another rate than priced are owed, and nobody is
paid for twice."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.services import enrollment, membership
from desktop.services.accounts import SYSTEM
from desktop.services.errors import ServiceError
from desktop.services.membership.ledger import balances
from desktop.services.workspace import Workspace
from tests.conftest import make_raw
from tests.integration.test_answer_shapes import KPJS, NAMES, NIKS, csv_answer
from tests import ormdb

DAY = dt.date(2026, 12, 7)
FULL, RELIEF = 16_800, 8_400          # a month at the full rate, and at PP 50/2025's half (December 2026)


@pytest.fixture
def branch(tmp_path):
    ws = Workspace(tmp_path / "cabang.sqlite3", today=DAY)
    for nik, name in zip(NIKS[:10], NAMES):
        enrollment.enroll(ws, make_raw(nik=nik, full_name=name), SYSTEM)
    yield ws
    ws.close()


def test_every_rupiah_of_a_month_is_allocated_or_credit(branch, tmp_path):
    batch = membership.export_submission(branch, tmp_path / "ajuan.xlsx", SYSTEM).number
    paid = membership.add_payment(branch, SYSTEM, 12, batch=batch, reference="TRF-1")
    # Priced before the answer from this month: December at the relief rate, then 11 full months.
    assert paid.amount_owed == 10 * (RELIEF + 11 * FULL)
    held = balances(branch, SYSTEM).total
    assert (held.paid, held.allocated, held.held, held.credit) == (paid.amount_owed, 0, paid.amount_owed,
                                                                    paid.amount_owed)
    rows = ([[NIKS[n], KPJS[n], "05-12-2026", ""] for n in range(5)]
            + [[NIKS[n], KPJS[n], "01-01-2027", ""] for n in range(5, 8)]
            + [[NIKS[n], "", "", "NIK tidak terdaftar di Dukcapil"] for n in (8, 9)])
    applied = membership.import_answer(branch, csv_answer(tmp_path / "jawaban.csv", ["NIK", "No KPJ", "TMT",
                                                                                      "Keterangan"], rows), SYSTEM)
    assert (applied.activated, applied.refused) == (8, 2)
    one = RELIEF + 11 * FULL
    got = balances(branch, SYSTEM, batch)
    total = got.total
    assert total.paid == total.allocated + total.credit == 10 * one
    assert total.credit == 2 * one and total.held == 0                      # the refused two: BAZNAS's credit
    assert total.owed == 3 * (12 * FULL - one)                              # from January: 12 full months
    assert total.allocated == 5 * one + 3 * one and total.months == 8 * 12
    assert got.payments[paid.number].credit == 2 * one

    # One refused worker is corrected and submitted again, and BAZNAS pays for the new batch.
    refused = enrollment.find_by_nik(branch, NIKS[8]).id
    enrollment.update_worker(branch, refused, make_raw(nik=NIKS[8], full_name=NAMES[8],
                                                       address="Jl. Merdeka No. 7"), SYSTEM)
    again = membership.export_submission(branch, tmp_path / "ajuan-2.xlsx", SYSTEM).number
    second = membership.add_payment(branch, SYSTEM, 12, batch=again, reference="TRF-2")
    membership.import_answer(branch, csv_answer(tmp_path / "jawaban-2.csv", ["NIK", "No KPJ", "TMT"],
                                                [[NIKS[8], KPJS[8], "07-12-2026"]]), SYSTEM)
    worker = enrollment.get(branch, refused)
    assert worker.coverage_end == dt.date(2027, 12, 6)                      # 12 months, not 24
    after = balances(branch, SYSTEM).total
    assert after.paid == after.allocated + after.credit == 10 * one + second.amount_owed
    assert after.credit == 2 * one                                           # the first money stays credit


def test_a_transfer_other_than_owed_is_split_and_its_surplus_is_credit(branch, tmp_path):
    batch = membership.export_submission(branch, tmp_path / "ajuan.xlsx", SYSTEM).number
    owed = membership.quote_payment(branch, SYSTEM, 12, batch=batch).amount_owed
    membership.add_payment(branch, SYSTEM, 12, batch=batch, reference="TRF-9", amount=owed + 1_003)
    rows = [[NIKS[n], KPJS[n], "05-12-2026", ""] for n in range(10)]
    membership.import_answer(branch, csv_answer(tmp_path / "jawaban.csv", ["NIK", "No KPJ", "TMT", "Ket"], rows),
                             SYSTEM)
    total = balances(branch, SYSTEM).total
    assert (total.paid, total.allocated, total.credit, total.owed) == (owed + 1_003, owed, 1_003, 0)


def test_the_cli_says_the_balance_and_its_json_adds_up(branch, tmp_path):
    from tests.integration.test_cli import run

    batch = membership.export_submission(branch, tmp_path / "ajuan.xlsx", SYSTEM).number
    membership.add_payment(branch, SYSTEM, 12, batch=batch)
    rows = [[NIKS[n], KPJS[n], "05-12-2026", ""] for n in range(9)] + [[NIKS[9], "", "", "DITOLAK"]]
    membership.import_answer(branch, csv_answer(tmp_path / "jawaban.csv", ["NIK", "No KPJ", "TMT", "Status"], rows),
                             SYSTEM)
    branch.close()
    env = {"LINDUNG_TODAY": DAY.isoformat()}
    said = json.loads(run(branch.path, "payment", "balance", "--json", env=env).stdout)
    one = RELIEF + 11 * FULL
    assert said["total"] | {"workers": 0} == {"paid": 10 * one, "allocated": 9 * one, "credit": one, "held": 0,
                                              "owed": 0, "workers": 0, "months": 108, "moved": 0,
                                              "refunded": 0, "from_credit": 0}
    assert said["batches"][0]["batch"] == batch and said["batches"][0]["credit"] == one
    text = run(branch.path, "payment", "balance", "--batch", batch, env=env).stdout
    assert f"Batch {batch}: dibayar Rp 1.932.000 = dialokasikan Rp 1.738.800 (108 bulan-peserta) + kredit " \
           f"Rp 193.200." in text


def test_the_invoice_issued_before_the_answer_is_corrected_by_what_the_membership_months_cost(branch, tmp_path):
    from desktop.services.reporting import batch_invoice

    batch = membership.export_submission(branch, tmp_path / "ajuan.xlsx", SYSTEM).number
    one = RELIEF + 11 * FULL                                  # priced from December, before BPJS's answer
    first = batch_invoice(branch, tmp_path / "tagihan.pdf", SYSTEM, batch)
    assert first.issued and first.printed.figures["total"] == 10 * one
    membership.add_payment(branch, SYSTEM, 12, batch=batch, reference="TRF-1")
    rows = ([[NIKS[n], KPJS[n], "05-12-2026", ""] for n in range(7)]
            + [[NIKS[n], KPJS[n], "01-01-2027", ""] for n in range(7, 10)])
    membership.import_answer(branch, csv_answer(tmp_path / "jawaban.csv", ["NIK", "No KPJ", "TMT", "Ket"], rows),
                             SYSTEM)
    # Three memberships begin in January: their twelve months all cost the full rate.
    owed = balances(branch, SYSTEM, batch).total.owed
    assert owed == 3 * (12 * FULL - one)
    again = batch_invoice(branch, tmp_path / "tagihan-2.pdf", SYSTEM, batch)
    assert not again.issued and again.printed.number == first.printed.number and again.difference == owed
    correction = batch_invoice(branch, tmp_path / "tagihan-3.pdf", SYSTEM, batch, reissue=True)
    assert correction.printed.kind == "supplementary" and correction.printed.refers_to == first.printed.number


def test_the_baznas_record_lists_the_covered_mustahik_and_the_refused_money_as_credit(branch, tmp_path):
    import openpyxl

    batch = membership.export_submission(branch, tmp_path / "ajuan.xlsx", SYSTEM).number
    membership.add_payment(branch, SYSTEM, 12, batch=batch, reference="TRF-1")
    rows = ([[NIKS[n], KPJS[n], "05-12-2026", ""] for n in range(8)]
            + [[NIKS[n], "", "", "NIK tidak terdaftar di Dukcapil"] for n in (8, 9)])
    membership.import_answer(branch, csv_answer(tmp_path / "jawaban.csv", ["NIK", "No KPJ", "TMT", "Ket"], rows),
                             SYSTEM)
    out = tmp_path / "penyaluran.xlsx"
    people, total = membership.baznas_report(branch, out, SYSTEM, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    one = RELIEF + 11 * FULL
    assert (people, total) == (8, 10 * one)                    # every rupiah paid: the mustahik's and the credit
    book = openpyxl.load_workbook(out)
    listed = [row for row in book["Per Mustahik"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert {row[3] for row in listed} == set(NIKS[:8])            # the refused two are not paid mustahik
    assert all((row[8], row[9], row[10], row[11]) == (12, one, one, 0) for row in listed)
    credit = list(book["Kredit BAZNAS"].iter_rows(min_row=2, values_only=True))
    assert {row[2] for row in credit[:-1]} == set(NIKS[8:10]) and credit[-1][5] == 2 * one
    assert all(row[6].startswith("ditolak BPJS") for row in credit[:-1])


def _answered(branch, tmp_path, batch, refused=(8, 9), name="jawaban.csv"):
    rows = ([[NIKS[n], KPJS[n], "05-12-2026", ""] for n in range(10) if n not in refused]
            + [[NIKS[n], "", "", "NIK tidak terdaftar di Dukcapil"] for n in refused])
    return membership.import_answer(branch, csv_answer(tmp_path / name, ["NIK", "No KPJ", "TMT", "Ket"], rows),
                                    SYSTEM)


def test_the_refused_workers_money_pays_the_next_payment_and_is_never_counted_twice(branch, tmp_path):
    batch = membership.export_submission(branch, tmp_path / "ajuan.xlsx", SYSTEM).number
    first = membership.add_payment(branch, SYSTEM, 12, batch=batch, reference="TRF-1")
    _answered(branch, tmp_path, batch)
    one = RELIEF + 11 * FULL
    assert balances(branch, SYSTEM).total.credit == 2 * one
    # A renewal of the eight covered ones a year on, paid partly by the credit: BAZNAS transfers the rest.
    later = Workspace(branch.path, today=dt.date(2027, 11, 20))
    try:
        quote = membership.quote_payment(later, SYSTEM, 12, expiring_days=30)
        renewal = membership.renew(later, SYSTEM, 30, 12, reference="TRF-2", amount=quote.amount_owed - 2 * one,
                                   use_credit=True)
        assert (renewal.records, renewal.credit_used, renewal.difference) == (8, 2 * one, 0)
        found = balances(later, SYSTEM)
        total = found.total
        transferred = first.amount_owed + renewal.amount_paid
        assert total.paid == total.allocated + total.credit == transferred       # money is what BAZNAS sent
        assert (total.credit, total.owed, total.moved, total.from_credit) == (0, 0, 2 * one, 2 * one)
        assert found.payments[first.number].paid == 8 * one and found.payments[first.number].moved == 2 * one
        assert found.payments[renewal.number].paid == quote.amount_owed
        # The credit is spent: it cannot be used again, nor refunded.
        with pytest.raises(ServiceError, match="Tidak ada kredit BAZNAS"):
            membership.renew(later, SYSTEM, 400, 1, use_credit=True)
        with pytest.raises(ServiceError, match="Tidak ada kredit BAZNAS"):
            membership.refund_credit(later, SYSTEM)
        assert enrollment.find_by_nik(later, NIKS[0]).coverage_end == dt.date(2028, 12, 4)
    finally:
        later.close()


def test_credit_is_refunded_as_a_numbered_document_and_leaves_the_ledger(branch, tmp_path):
    from desktop.services import reporting

    batch = membership.export_submission(branch, tmp_path / "ajuan.xlsx", SYSTEM).number
    first = membership.add_payment(branch, SYSTEM, 12, batch=batch, reference="TRF-1",
                                   amount=10 * (RELIEF + 11 * FULL) + 5_000)
    one = RELIEF + 11 * FULL
    with pytest.raises(ServiceError, match="Tidak ada kredit BAZNAS yang dapat dikembalikan"):
        membership.refund_credit(branch, SYSTEM)                  # held for BPJS's answer: not yet
    _answered(branch, tmp_path, batch, refused=(9,))
    assert balances(branch, SYSTEM).total.credit == one + 5_000
    with pytest.raises(ServiceError, match="dapat dikembalikan Rp 198.200"):
        membership.refund_credit(branch, SYSTEM, amount=one + 5_001)
    refund = membership.refund_credit(branch, SYSTEM, amount=one, reference="RTR-1")
    assert refund.number.startswith("RF-") and refund.amount == one
    total = balances(branch, SYSTEM).total
    assert (total.paid, total.credit, total.refunded) == (first.amount_paid - one, 5_000, one)
    rest = membership.refund_credit(branch, SYSTEM)
    assert rest.amount == 5_000 and balances(branch, SYSTEM).total.credit == 0
    listed = reporting.issued_documents(branch, SYSTEM)
    assert [(d.number, d.kind, d.figures["amount"]) for d in listed if d.kind == "refund"] == [
        (refund.number, "refund", one), (rest.number, "refund", 5_000)]


def test_the_cli_carries_and_refunds_credit(branch, tmp_path):
    from tests.integration.test_cli import run

    batch = membership.export_submission(branch, tmp_path / "ajuan.xlsx", SYSTEM).number
    membership.add_payment(branch, SYSTEM, 12, batch=batch, reference="TRF-1")
    _answered(branch, tmp_path, batch)
    one = RELIEF + 11 * FULL
    branch.close()
    env = {"LINDUNG_TODAY": DAY.isoformat()}
    text = run(branch.path, "payment", "balance", env=env).stdout
    assert "Kredit BAZNAS yang dapat dipakai: Rp 386.400" in text
    said = json.loads(run(branch.path, "payment", "refund", "--amount", "100.000", "--json", env=env).stdout)
    assert said["amount"] == 100_000 and said["refund"].startswith("RF-")
    later = {"LINDUNG_TODAY": "2027-11-20"}
    paid = json.loads(run(branch.path, "renew", "--expiring", "30", "--months", "1", "--use-credit", "--json",
                          env=later).stdout)
    assert paid["credit_used"] == min(2 * one - 100_000, paid["owed"]) and paid["paid"] is None
    out = run(branch.path, "payment", "balance", "--json", env=later).stdout
    total = json.loads(out)["total"]
    assert total["paid"] == total["allocated"] + total["credit"] == 10 * one - 100_000 + paid["owed"] - paid["credit_used"]
    assert total["refunded"] == 100_000 and total["moved"] == paid["credit_used"]


def test_a_payment_recorded_before_the_ledger_is_brought_into_it(branch, tmp_path):
    """A laptop that recorded a transfer other than owed before workers' events carried their share: the
    upgrade gives each worker their share (appended, so it syncs) and the ledger's money is the transfer."""
    from alembic import command as alembic_command
    from sqlalchemy import text

    from desktop.domain import lifecycle
    from desktop.storage.engine import HEAD_REVISION, _alembic_config, current_revision

    batch = membership.export_submission(branch, tmp_path / "ajuan.xlsx", SYSTEM).number
    owed = membership.quote_payment(branch, SYSTEM, 12, batch=batch).amount_owed
    paid = membership.add_payment(branch, SYSTEM, 12, batch=batch, reference="TRF-1", amount=owed - 7)
    _answered(branch, tmp_path, batch, refused=())
    with ormdb.engine(branch).begin() as connection:             # the laptop as it was before 0016
        alembic_command.downgrade(_alembic_config(connection), "0015")
        for wid, events, revision in connection.execute(text("SELECT id, lifecycle, revision FROM workers")).all():
            old = [{k: v for k, v in e.items() if k != "paid"} for e in lifecycle.loads(events)]
            connection.execute(text("UPDATE workers SET lifecycle = :l WHERE id = :i"),
                               {"l": lifecycle.dumps(old), "i": wid})
    revisions = dict(ormdb.engine(branch).connect().execute(text("SELECT id, revision FROM workers")).all())
    branch.close()
    ws = Workspace(branch.path, today=DAY)
    try:
        assert current_revision(ormdb.engine(ws)) == HEAD_REVISION == "0016"
        total = balances(ws, SYSTEM).total
        assert (total.paid, total.allocated, total.owed) == (owed - 7, owed - 7, 7)
        with ormdb.engine(ws).connect() as connection:
            rows = connection.execute(text("SELECT id, lifecycle, revision FROM workers")).all()
        shares = [e for _i, events, _r in rows for e in lifecycle.loads(events) if e["type"] == "paid_share"]
        assert len(shares) == 7 and all(e["payment"] == paid.number for e in shares)    # 7 workers 1 short
        assert all(revision == revisions[wid] + 1 for wid, events, revision in rows if "paid_share" in events)
        assert all(not lifecycle.event_problems(lifecycle.loads(events), DAY) for _i, events, _r in rows)
    finally:
        ws.close()


def test_the_baznas_record_says_where_the_credit_went(branch, tmp_path):
    import openpyxl

    batch = membership.export_submission(branch, tmp_path / "ajuan.xlsx", SYSTEM).number
    membership.add_payment(branch, SYSTEM, 12, batch=batch, reference="TRF-1")
    _answered(branch, tmp_path, batch)
    one = RELIEF + 11 * FULL
    used = membership.add_payment(branch, SYSTEM, 1, batch=batch, reference="TRF-2", use_credit=True)
    refund = membership.refund_credit(branch, SYSTEM)
    assert used.credit_used + refund.amount == 2 * one
    out = tmp_path / "penyaluran.xlsx"
    people, total = membership.baznas_report(branch, out, SYSTEM, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert total == 10 * one + used.amount_owed - used.credit_used       # what BAZNAS transferred in the period
    book = openpyxl.load_workbook(out)
    listed = [row for row in book["Per Mustahik"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert sum(row[15] for row in listed) == used.credit_used   # the credit carried, as numbers
    credit = list(book["Kredit BAZNAS"].iter_rows(min_row=2, values_only=True))
    assert credit[-1][5:] == (0, None, used.credit_used, refund.amount)
    assert {row[2] for row in credit[:-1]} == set(NIKS[8:10])
