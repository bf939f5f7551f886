"""BPJS's own bill held against the zakat ledger, on real files: a batch submitted, paid 12 months and
answered (nine active, one refused); BPJS's bill (an .xlsx with a title above its table, a row per worker
per month, one worker's year as a range) charges an unknown NIK, the refused worker, one month beyond what
was bought, leaves out one bought month and prices one month otherwise. Each lands in its own sheet and
JSON list, the workbook's numbers are number cells, and the totals add up."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from desktop.services import audit, enrollment, membership
from desktop.services.accounts import SYSTEM
from desktop.services.errors import ServiceError
from desktop.services.membership.bill import reconcile_bill
from desktop.services.workspace import Workspace
from tests.conftest import make_raw
from tests.integration.test_answer_shapes import KPJS, NAMES, NIKS, csv_answer

DAY = dt.date(2026, 12, 7)
FULL, RELIEF = 16_800, 8_400          # a month at the full rate, and at PP 50/2025's half (December 2026)
ONE = RELIEF + 11 * FULL              # a worker's twelve months from December 2026
STRANGER_NIK, STRANGER_KPJ = "6171014508990099", "26129999999"
MONTHS = [dt.date(2026, 12, 1)] + [dt.date(2027, m, 1) for m in range(1, 12)]


@pytest.fixture
def paid(tmp_path):
    ws = paid_workspace(tmp_path)
    yield ws
    ws.close()


def paid_workspace(tmp_path) -> Workspace:
    """Ten workers submitted, paid 12 months; BPJS answered nine active from 5 December, one refused."""
    ws = Workspace(tmp_path / "cabang.sqlite3", today=DAY)
    for nik, name in zip(NIKS[:10], NAMES):
        enrollment.enroll(ws, make_raw(nik=nik, full_name=name), SYSTEM)
    batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM).number
    membership.add_payment(ws, SYSTEM, 12, batch=batch, reference="TRF-1")
    rows = [[NIKS[n], KPJS[n], "05-12-2026", ""] for n in range(9)] + [[NIKS[9], "", "", "DITOLAK"]]
    membership.import_answer(ws, csv_answer(tmp_path / "jawaban.csv", ["NIK", "No KPJ", "TMT", "Status"], rows),
                             SYSTEM)
    return ws


def price(month: dt.date) -> int:
    return RELIEF if month == dt.date(2026, 12, 1) else FULL


def write_bill(path):
    """BPJS's bill as its portal writes it: a title, the table, a totals row and a signature under it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tagihan"
    sheet.append(["TAGIHAN IURAN PESERTA BPU KOLEKTIF - BAZNAS PROVINSI KALIMANTAN BARAT"])
    sheet.append([])
    sheet.append(["No", "No KPJ", "NIK", "Nama", "Periode Iuran", "Iuran JKK", "Iuran JKM", "Jumlah Iuran"])
    lines = []
    for n in range(7):
        for month in MONTHS:
            if n == 1 and month == dt.date(2027, 3, 1):
                continue                                       # worker 1's March is not charged
            amount = 17_000 if n == 2 and month == dt.date(2027, 5, 1) else price(month)
            lines.append([KPJS[n], NIKS[n], NAMES[n].upper(), f"{month:%m-%Y}", amount])
    lines.append([KPJS[3], NIKS[3], NAMES[3].upper(), "12-2027", FULL])            # a month not bought
    lines.append([KPJS[7], NIKS[7], NAMES[7].upper(), "12-2026 s/d 11-2027", ONE])  # a year in one row
    for month in MONTHS:                                                          # months named in words
        label = f"{('Desember' if month.month == 12 else 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November'.split()[month.month - 1])} {month.year}"
        lines.append(["", NIKS[8], NAMES[8].upper(), label, price(month)])          # by NIK alone
    lines.append([STRANGER_KPJ, STRANGER_NIK, "ORANG LAIN", "12-2026", RELIEF])    # nobody Lindung knows
    lines.append(["", NIKS[9], NAMES[9].upper(), "12-2026", RELIEF])               # the refused worker
    for number, (kpj, nik, name, period, amount) in enumerate(lines, start=1):
        jkm = amount * 6_800 // 16_800
        sheet.append([number, kpj, nik, name, period, amount - jkm, jkm, amount])
    sheet.append(["JUMLAH", len(lines), None, None, None, None, None, sum(line[4] for line in lines)])
    sheet.append([])
    sheet.append(["Pontianak, 10 Desember 2026"])
    book.save(path)
    return path


def test_the_bill_is_held_against_the_months_bought(paid, tmp_path):
    out = tmp_path / "rekon.xlsx"
    before = [(w.status, w.coverage_end) for w in map(lambda n: enrollment.find_by_nik(paid, n), NIKS[:10])]
    result = reconcile_bill(paid, write_bill(tmp_path / "tagihan.xlsx"), SYSTEM, out)

    assert result.expected == 9 * ONE
    assert result.charged == 9 * ONE - FULL + 200 + FULL + 2 * RELIEF
    assert (result.first, result.last) == (dt.date(2026, 12, 1), dt.date(2027, 12, 1))
    unexpected = {(line.nik, line.reason): (line.months, line.charged) for line in result.unexpected}
    assert unexpected == {(STRANGER_NIK, "unknown"): ((dt.date(2026, 12, 1),), RELIEF),
                          (NIKS[9], "not_active"): ((dt.date(2026, 12, 1),), RELIEF),
                          (NIKS[3], "not_bought"): ((dt.date(2027, 12, 1),), FULL)}
    assert [(line.nik, line.months, line.expected) for line in result.missing] == [
        (NIKS[1], (dt.date(2027, 3, 1),), FULL)]
    assert [(line.nik, line.months, line.charged, line.expected) for line in result.price] == [
        (NIKS[2], (dt.date(2027, 5, 1),), 17_000, FULL)]
    assert result.unread == []
    assert result.difference == (sum(l.charged for l in result.unexpected) + sum(l.difference for l in result.price)
                                 - sum(l.expected for l in result.missing)) == 2 * RELIEF + 200

    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Ringkasan", "Ditagih tidak diharapkan", "Diharapkan tidak ditagih", "Selisih harga"]
    summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert summary["Ditagih BPJS (Rp)"] == result.charged and type(summary["Ditagih BPJS (Rp)"]) is int
    assert summary["Diharapkan Lindung (Rp)"] == 9 * ONE
    assert summary["Selisih: ditagih - diharapkan (Rp)"] == 2 * RELIEF + 200
    charged = list(book["Ditagih tidak diharapkan"].iter_rows(min_row=2, values_only=True))
    assert {(row[2], row[5]) for row in charged[:-1]} == {(STRANGER_NIK, "12-2026"), (NIKS[9], "12-2026"),
                                                          (NIKS[3], "12-2027")}
    assert [type(row[7]) for row in charged] == [int] * 4 and charged[-1][7] == 2 * RELIEF + FULL
    [missing, total] = list(book["Diharapkan tidak ditagih"].iter_rows(min_row=2, values_only=True))
    assert missing[:2] == (KPJS[1], NIKS[1]) and missing[4:7] == ("03-2027", 1, FULL) and total[6] == FULL
    [priced, total] = list(book["Selisih harga"].iter_rows(min_row=2, values_only=True))
    assert priced[2] == NIKS[2] and priced[5] == "05-2027" and priced[7:10] == (17_000, FULL, 200)

    # Nothing in the records changed; the reading is in the audit log.
    assert [(w.status, w.coverage_end) for w in map(lambda n: enrollment.find_by_nik(paid, n), NIKS[:10])] == before
    [entry] = audit.entries(paid, SYSTEM, action="bpjs_bill")
    assert entry.subject == "tagihan.xlsx"


def test_a_file_that_is_no_bill_is_said_so(paid, tmp_path):
    path = csv_answer(tmp_path / "jawaban.csv", ["NIK", "No KPJ", "TMT"], [[NIKS[0], KPJS[0], "05-12-2026"]])
    with pytest.raises(ServiceError) as caught:
        reconcile_bill(paid, path, SYSTEM, tmp_path / "rekon.xlsx")
    assert "bukan tagihan iuran BPJS" in str(caught.value)
    assert not (tmp_path / "rekon.xlsx").exists()


def test_rows_that_cannot_be_compared_are_listed_not_guessed(paid, tmp_path):
    rows = [[NIKS[0], KPJS[0], "12-2026", str(RELIEF)],
            [NIKS[1], KPJS[1], "01-2020 s/d 12-2026", "100000"],     # 84 months: more than a row may claim
            [NIKS[2], KPJS[2], "bulan lalu", "16800"],
            [NIKS[3], KPJS[3], "12-2026", "gratis"],
            ["123", "", "12-2026", "8400"]]
    path = csv_answer(tmp_path / "tagihan.csv", ["NIK", "No KPJ", "Bulan Iuran", "Total Iuran"], rows)
    result = reconcile_bill(paid, path, SYSTEM, tmp_path / "rekon.xlsx")
    assert (result.rows, result.charged, [r.row for r in result.unread]) == (1, RELIEF, [3, 4, 5, 6])
    assert result.unexpected == [] and result.price == []
    assert len(result.missing) == 8                     # the bill's period is December: the others' December
    book = openpyxl.load_workbook(tmp_path / "rekon.xlsx")
    assert [row[1] for row in book["Baris tidak terbaca"].iter_rows(min_row=2, values_only=True)] == [3, 4, 5, 6]


def test_the_cli_prints_the_totals_and_its_json_lists_each_line(paid, tmp_path):
    from tests.integration.test_cli import run

    bill = write_bill(tmp_path / "tagihan.xlsx")
    paid.close()
    env = {"LINDUNG_TODAY": DAY.isoformat()}
    said = json.loads(run(paid.path, "bpjs", "bill", str(bill), "--out", str(tmp_path / "r.xlsx"), "--json",
                          env=env).stdout)
    assert (said["charged"], said["expected"], said["difference"]) == (9 * ONE + 200 + 2 * RELIEF, 9 * ONE,
                                                                       2 * RELIEF + 200)
    assert sorted((u["nik"], u["reason"], u["months"], u["charged"]) for u in said["unexpected"]) == sorted([
        (STRANGER_NIK, "unknown", ["2026-12"], RELIEF), (NIKS[9], "not_active", ["2026-12"], RELIEF),
        (NIKS[3], "not_bought", ["2027-12"], FULL)])
    assert [(m["kpj"], m["months"], m["expected"]) for m in said["missing"]] == [(KPJS[1], ["2027-03"], FULL)]
    assert [(p["kpj"], p["charged"], p["expected"], p["difference"]) for p in said["price"]] == [
        (KPJS[2], 17_000, FULL, 200)]
    proc = run(paid.path, "bpjs", "bill", str(bill), "--out", str(tmp_path / "r2.xlsx"), env=env)
    assert proc.returncode == 0, proc.stderr
    assert "Ditagih Rp 1.755.800, diharapkan Rp 1.738.800, selisih Rp 17.000." in proc.stdout
    assert "Ditagih tidak diharapkan: 3 baris (Rp 33.600); diharapkan tidak ditagih: 1 peserta (Rp 16.800); " \
           "selisih harga: 1 baris (Rp 200)." in proc.stdout
    assert NIKS[1] not in proc.stdout and NIKS[1] not in proc.stderr
    logged = json.loads(run(paid.path, "audit", "--action", "bpjs_bill", "--json", env=env).stdout)
    assert len(logged) == 2


def test_a_year_charged_as_thirteen_months_and_a_month_charged_twice(paid, tmp_path):
    from desktop.services.accounts import Actor, Role
    from desktop.services.permissions import PermissionDenied

    rows = [[NIKS[n], KPJS[n], "12-2026 s/d 11-2027", str(ONE)] for n in range(9)]
    rows[0] = [NIKS[0], KPJS[0], "12-2026 s/d 12-2027", str(ONE + 16_000)]     # one month more, at its own price
    rows.append([NIKS[4], KPJS[4], "01-2027", str(FULL)])                      # January again
    path = csv_answer(tmp_path / "tagihan.csv", ["NIK", "No. KPJ", "Bulan Iuran", "Jumlah Iuran (Rp)"], rows)
    result = reconcile_bill(paid, path, SYSTEM, tmp_path / "rekon.xlsx")
    # The twelve months bought are taken at their price; what the row charged beyond them is the 13th month's.
    assert [(line.kpj, line.reason, line.months, line.charged) for line in result.unexpected] == [
        (KPJS[0], "not_bought", (dt.date(2027, 12, 1),), 16_000), (KPJS[4], "twice", (dt.date(2027, 1, 1),), FULL)]
    assert result.missing == [] and result.price == []
    assert result.difference == 16_000 + FULL

    volunteer = Actor("relawan", "Relawan", Role.VOLUNTEER)
    with pytest.raises(PermissionDenied):
        reconcile_bill(paid, path, volunteer, tmp_path / "rekon-2.xlsx")
    assert not (tmp_path / "rekon-2.xlsx").exists()
