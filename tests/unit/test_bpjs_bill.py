"""Reading BPJS's bill: its header in the spellings and shapes BPJS writes, the months a row charges, and
what a row may claim."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain import bpjs_bill
from desktop.domain.text import MONTH_FIRST

DEC, JAN = dt.date(2026, 12, 1), dt.date(2027, 1, 1)
NIK, KPJ = "6171014508800001", "26120000001"


@pytest.mark.parametrize("written,first,count", [
    ("12-2026", DEC, 1), ("12/2026", DEC, 1), ("2026-12", DEC, 1), ("202612", DEC, 1), ("Desember 2026", DEC, 1),
    ("DES-26", DEC, 1), ("Des 2026", DEC, 1), ("01-12-2026", DEC, 1), (dt.datetime(2026, 12, 5), DEC, 1),
    (46357, DEC, 1), ("01-2027 s/d 12-2027", JAN, 12), ("Januari 2027 s.d. Desember 2027", JAN, 12),
    ("01-2027 - 12-2027", JAN, 12), ("12-2026 sampai dengan 11-2031", DEC, 60),
])
def test_the_months_a_period_names(written, first, count):
    months = bpjs_bill.months_of(written)
    assert (months[0], len(months)) == (first, count)
    assert all(m.day == 1 for m in months) and len(set(months)) == count


@pytest.mark.parametrize("written", ["12-2026 s/d 12-2031", "12-2027 s/d 01-2027", "01-2000 s/d 12-2026"])
def test_a_row_claims_at_most_sixty_months_forward(written):
    assert bpjs_bill.months_of(written) == ()


@pytest.mark.parametrize("written", ["", "bulan lalu", "13-2026", "Desember", "12-2026 s/d besok", "2026", "01-1990 s/d 12-2026"])
def test_what_names_no_month_is_unread(written):
    assert bpjs_bill.months_of(written) is None


def test_a_month_named_without_its_year_takes_the_year_column_and_dates_follow_the_column_order():
    assert bpjs_bill.months_of("Desember", year=2026) == (DEC,)
    assert bpjs_bill.months_of(12, year=2026) == (DEC,)
    assert bpjs_bill.months_of("12/1/2026", order=MONTH_FIRST) == (DEC,)
    assert bpjs_bill.months_of("12-2026", "01-2027") == (DEC, JAN)       # a period in two columns


def test_the_header_is_found_under_a_title_and_across_two_merged_rows():
    rows = [["TAGIHAN IURAN BPU"], [],
            ["No", "No. KPJ", "NIK Tenaga Kerja", "Nama Peserta", "Bulan Iuran", "Iuran", None, None],
            [None, None, None, None, None, "JKK (Rp)", "JKM (Rp)", "Jumlah"],
            [1, KPJ, NIK, "SITI", "12-2026", 5_000, 3_400, 8_400]]
    found = bpjs_bill.find_bill(rows)
    assert (found.first, found.last) == (2, 3)
    assert found.mapping == {"kpj": 1, "nik": 2, "name": 3, "period": 4, "jkk": 5, "jkm": 6, "amount": 7}
    row = bpjs_bill.read_bill_row(5, rows[4], found.mapping)
    assert (row.nik, row.kpj, row.months, row.amount, row.problem) == (NIK, KPJ, (DEC,), 8_400, None)
    # Without a total, JKK and JKM together are the amount.
    mapping = {"kpj": 0, "period": 1, "jkk": 2, "jkm": 3}
    assert bpjs_bill.read_bill_row(6, [KPJ, "12-2026", "5.000", "Rp 3.400"], mapping).amount == 8_400
    assert bpjs_bill.find_bill([["NIK", "No KPJ", "TMT"], [NIK, KPJ, "05-12-2026"]]) is None    # an answer


def test_totals_footers_and_unreadable_rows():
    mapping = {"nik": 0, "kpj": 1, "period": 2, "amount": 3}
    assert bpjs_bill.read_bill_row(9, ["JUMLAH", None, None, 193_200], mapping) is None
    assert bpjs_bill.read_bill_row(9, ["Pontianak, 10 Desember 2026", None, None, None], mapping) is None
    assert bpjs_bill.read_bill_row(9, [None, None, None, None], mapping) is None
    problems = {
        ("123", "", "12-2026", 8_400): bpjs_bill.NO_WORKER,
        (NIK, "", "kemarin", 8_400): bpjs_bill.NO_PERIOD,
        (NIK, "", "01-2020 s/d 12-2026", 8_400): bpjs_bill.LONG_PERIOD,
        (NIK, "", "12-2026", "delapan ribu"): bpjs_bill.NO_AMOUNT,
        (NIK, "", "12-2026", -8_400): bpjs_bill.NO_AMOUNT,
        (NIK, "", "12-2026", 8_400.4): bpjs_bill.NO_AMOUNT,
    }
    for cells, problem in problems.items():
        assert bpjs_bill.read_bill_row(9, list(cells), mapping).problem == problem, cells
    # A NIK Excel stored as a number keeps its 16 digits when they are whole; a KPJ alone names the worker.
    assert bpjs_bill.read_bill_row(9, [None, float(KPJ), "12-2026", 8_400.0], mapping).kpj == KPJ
    assert bpjs_bill.read_bill_row(9, [None, float(KPJ), "12-2026", 8_400.0], mapping).amount == 8_400
