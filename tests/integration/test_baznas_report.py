"""BAZNAS's distribution record read back from the file: every count, month and rupiah a number cell that
Excel can sum, every date a date cell, a sheet per asnaf with its total, and totals equal to the payments."""

from __future__ import annotations

import datetime as dt

import openpyxl

from desktop.domain.text import format_rupiah
from desktop.services import enrollment, membership
from desktop.services.accounts import SYSTEM
from desktop.services.workspace import Workspace
from tests.conftest import TODAY, make_raw
from tests.integration.test_membership import OJEK

DEWI = dict(nik="6171015203900003", full_name="Dewi Lestari", birth_date="12-03-1990", asnaf="miskin")


def records(sheet):
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    return [{h: cell for h, cell in zip(header, row)} for row in rows[1:]]


def is_int(cell) -> bool:
    return cell.data_type == "n" and type(cell.value) is int


def test_the_baznas_record_holds_numbers_and_dates_with_a_sheet_and_a_total_per_asnaf(ws, tmp_path):
    siti = enrollment.enroll(ws, make_raw(asnaf="fakir"), SYSTEM)
    enrollment.enroll(ws, make_raw(**OJEK, asnaf="miskin"), SYSTEM)
    enrollment.enroll(ws, make_raw(**DEWI), SYSTEM)
    batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM).number
    zakat = membership.add_payment(ws, SYSTEM, 3, batch=batch, reference="TRF-1")
    infak = membership.add_payment(ws, SYSTEM, 2, batch=batch, reference="TRF-2", fund="infak")
    recorded = zakat.amount_owed + infak.amount_owed
    out = tmp_path / "penyaluran.xlsx"
    count, total = membership.baznas_report(ws, out, SYSTEM, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert (count, total) == (3, recorded)

    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Per Mustahik", "Per Asnaf", "Per Sumber Dana", "Kredit BAZNAS", "Asnaf Fakir",
                               "Asnaf Miskin"]   # paid before BPJS answered: the money is held (credit)
    assert book.active.title == "Per Mustahik"
    people = records(book["Per Mustahik"])
    assert len(people) == 3
    for row in people:
        assert all(is_int(row[column]) for column in ("No", "Bulan", "Jumlah (Rp)")), row
        assert row["Bulan"].value == 5 and row["Sumber Dana"].value == "Infak, Zakat"
        assert row["Tanggal Bayar"].is_date and row["Tanggal Bayar"].value.date() == TODAY
        assert row["NIK"].data_type == "s" and len(row["NIK"].value) == 16
    assert sum(row["Jumlah (Rp)"].value for row in people) == recorded
    by_name = {row["Nama Mustahik"].value: row for row in people}
    assert by_name["SITI AMINAH"]["NIK"].value == siti.nik

    # A sheet per asnaf: its own people, then a total row of numbers equal to the sums above it.
    sums = 0
    for asnaf, names in (("Fakir", {"SITI AMINAH"}), ("Miskin", {"BUDI SANTOSO", "DEWI LESTARI"})):
        *mine, last = records(book[f"Asnaf {asnaf}"])
        assert {row["Nama Mustahik"].value for row in mine} == names
        assert {row["Asnaf"].value for row in mine} == {asnaf}
        assert [row["No"].value for row in mine] == list(range(1, len(mine) + 1))
        assert last["Nama Mustahik"].value == "Jumlah" and is_int(last["Jumlah (Rp)"]) and is_int(last["Bulan"])
        assert last["Jumlah (Rp)"].value == sum(by_name[name]["Jumlah (Rp)"].value for name in names)
        assert last["Bulan"].value == 5 * len(names)
        assert all(is_int(row["Jumlah (Rp)"]) and row["Tanggal Bayar"].is_date for row in mine)
        sums += last["Jumlah (Rp)"].value
    assert sums == recorded

    summary = records(book["Per Asnaf"])
    assert all(is_int(row["Mustahik"]) and is_int(row["Jumlah (Rp)"]) for row in summary)
    assert [(row["Asnaf"].value, row["Mustahik"].value) for row in summary] == [
        ("Fakir", 1), ("Miskin", 2), ("Jumlah", 3)]
    assert summary[-1]["Jumlah (Rp)"].value == sum(row["Jumlah (Rp)"].value for row in summary[:-1]) == recorded

    funds = records(book["Per Sumber Dana"])
    assert all(is_int(row["Jumlah (Rp)"]) for row in funds)
    assert {row["Sumber Dana"].value: row["Jumlah (Rp)"].value for row in funds} == {
        "Zakat": zakat.amount_owed, "Infak": infak.amount_owed, "Jumlah": recorded}


def test_the_record_of_a_period_is_issued_once_and_replaced_only_on_request(ws, tmp_path):
    from tests.integration.test_cli import errors, run

    enrollment.enroll(ws, make_raw(asnaf="fakir"), SYSTEM)
    enrollment.enroll(ws, make_raw(**OJEK, asnaf="miskin"), SYSTEM)
    batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM).number
    first = membership.add_payment(ws, SYSTEM, 3, batch=batch, reference="TRF-1")
    ws.close()
    day = {"LINDUNG_TODAY": TODAY.isoformat()}
    proc = run(ws.path, "report", "baznas", str(tmp_path / "a.xlsx"), "--from", "01-11-2026", "--to", "30-11-2026",
               env=day)
    number = proc.stdout.split()[3].rstrip(":")
    assert number.startswith("LP-") and f"2 mustahik, {format_rupiah(first.amount_owed)}" in proc.stdout
    again = Workspace(ws.path, today=TODAY)
    more = membership.add_payment(again, SYSTEM, 1, batch=batch, reference="TRF-2")
    again.close()
    proc = run(ws.path, "report", "baznas", str(tmp_path / "b.xlsx"), "--from", "01-11-2026", "--to", "30-11-2026",
               env=day)
    assert f"Laporan penyaluran BAZNAS {number}: 2 mustahik" in proc.stdout and "angka yang sama" in proc.stdout
    assert f"berubah sejak {number} terbit" in errors(proc) and "--reissue" in errors(proc)
    written = [[c.value for c in row] for row in openpyxl.load_workbook(tmp_path / "b.xlsx").active.iter_rows()]
    assert written == [[c.value for c in row] for row in openpyxl.load_workbook(tmp_path / "a.xlsx").active.iter_rows()]
    proc = run(ws.path, "report", "baznas", str(tmp_path / "c.xlsx"), "--from", "01-11-2026", "--to", "30-11-2026",
               "--reissue", env=day)
    assert f"menggantikan {number}" in proc.stdout
    assert format_rupiah(first.amount_owed + more.amount_owed) in proc.stdout
    listed = run(ws.path, "report", "documents", env=day).stdout
    assert "laporan penyaluran BAZNAS\tperiode 01-11-2026 s.d. 30-11-2026" in listed
    assert f"menggantikan {number}" in listed
