"""The month the outside run found the money did not add up, through the command line as the branch runs it:
parents from a school's Dapodik file enrolled, submitted to BPJS, paid 12 months before the answer, BPJS
answering most active (five from 1 January 2027) and three refused, the batch's invoice, the BAZNAS record,
a renewal a year on paid partly from the refused workers' credit, and the invoice printed again a year
later. At every step BAZNAS's money is allocated to months of coverage or shown as credit."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl

from desktop.services.workspace import Workspace
from tests.dapodik import make_pupils, write_dapodik_xlsx
from tests.integration.test_cli import errors, run
from tests.integration.test_documents import figures_printed

NPSN = "69800001"
FULL, RELIEF = 16_800, 8_400          # a month at the full rate, and at PP 50/2025's half (December 2026)


def said(proc) -> dict:
    assert proc.returncode == 0, errors(proc)
    return json.loads(proc.stdout)


def test_a_month_of_the_programme_adds_up_to_the_rupiah(tmp_path):
    db = tmp_path / "cabang.sqlite3"
    today = {"LINDUNG_TODAY": "2026-12-07"}
    a_year_on = {"LINDUNG_TODAY": "2027-11-25"}
    Workspace(db, today=dt.date(2026, 12, 7)).close()
    assert run(db, "school", "add", NPSN, "--name", "SD Negeri 12 Pontianak", "--level", "SD",
               "--kabupaten", "Kota Pontianak", env=today).returncode == 0
    ws = Workspace(db, today=dt.date(2026, 12, 7))
    regions = ws.regions
    ws.close()
    dapodik = write_dapodik_xlsx(tmp_path / "daftar-pd.xlsx", make_pupils(regions, 45, seed=26))
    enrolled = said(run(db, "import", str(dapodik), "--school", NPSN, "--json", env=today))["accepted"]
    assert enrolled > 40

    out = tmp_path / "ajuan.xlsx"
    batch = said(run(db, "bpjs", "export", str(out), "--json", env=today))["batch"]
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    niks = [row[header.index("NIK")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(niks) == enrolled
    paid = said(run(db, "payment", "add", "--batch", batch, "--months", "12", "--reference", "TRF-0712",
                    "--json", env=today))
    one = RELIEF + 11 * FULL                                   # priced from December, before the answer
    assert paid["owed"] == enrolled * one and paid["records"] == enrolled
    assert run(db, "report", "contributions", str(tmp_path / "tagihan.pdf"), "--batch", batch,
               env=today).returncode == 0

    answer = tmp_path / "jawaban.csv"
    lines = ["NIK;No KPJ;TMT;Keterangan"]
    for n, nik in enumerate(niks):
        if n < 3:
            lines.append(f"'{nik};;;NIK tidak terdaftar di Dukcapil")
        else:
            lines.append(f"'{nik};{26120000000 + n};{'01-01-2027' if n < 8 else '05-12-2026'};")
    answer.write_text("\n".join(lines) + "\n", encoding="utf-8")
    applied = said(run(db, "bpjs", "import", str(answer), "--json", env=today))
    assert (applied["activated"], applied["refused"]) == (enrolled - 3, 3)

    ledger = said(run(db, "payment", "balance", "--json", env=today))["total"]
    assert ledger["paid"] == ledger["allocated"] + ledger["credit"] == enrolled * one   # nothing vanished
    assert ledger["credit"] == 3 * one and ledger["held"] == 0      # the three refused: BAZNAS's credit
    assert ledger["owed"] == 5 * (FULL - RELIEF)                    # from January: a full month, not a relief one
    assert ledger["months"] == (enrolled - 3) * 12

    record = tmp_path / "penyaluran.xlsx"
    assert run(db, "report", "baznas", str(record), "--from", "2026-12-01", "--to", "2026-12-31",
               env=today).returncode == 0
    book = openpyxl.load_workbook(record)
    mustahik = [row for row in book["Per Mustahik"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert len(mustahik) == enrolled - 3 and not {row[3] for row in mustahik} & set(niks[:3])
    per_asnaf = list(book["Per Asnaf"].iter_rows(min_row=2, values_only=True))
    assert per_asnaf[-1][1] == sum(row[1] for row in per_asnaf[:-1]) == enrolled - 3     # numbers, summed
    assert sum(row[2] for row in per_asnaf[:-1]) == per_asnaf[-1][2] == (enrolled - 3) * one
    assert list(book["Kredit BAZNAS"].iter_rows(values_only=True))[-1][5] == 3 * one

    # A year on: the renewal of those ending, paid partly by the refused three's credit.
    quote = said(run(db, "renew", "--expiring", "30", "--months", "12", "--use-credit", "--reference",
                     "TRF-1125", "--json", env=a_year_on))
    assert quote["credit_used"] == 3 * one and quote["paid"] is None
    after = said(run(db, "payment", "balance", "--json", env=a_year_on))["total"]
    assert after["credit"] == 0 and after["moved"] == after["from_credit"] == 3 * one
    assert after["paid"] == after["allocated"] + after["credit"] == enrolled * one + quote["owed"] - 3 * one

    # The invoice printed a year later is the one issued, to the figure.
    proc = run(db, "report", "contributions", str(tmp_path / "tagihan-lagi.pdf"), "--batch", batch,
               env={"LINDUNG_TODAY": "2027-12-07"})
    assert proc.returncode == 0
    assert figures_printed(tmp_path / "tagihan-lagi.pdf") == figures_printed(tmp_path / "tagihan.pdf")
