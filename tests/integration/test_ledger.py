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
from desktop.services.membership.ledger import balances
from desktop.services.workspace import Workspace
from tests.conftest import make_raw
from tests.integration.test_answer_shapes import KPJS, NAMES, NIKS, csv_answer

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
                                              "owed": 0, "workers": 0, "months": 108}
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
