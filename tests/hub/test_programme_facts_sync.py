"""The programme's facts across two branch laptops and the real hub, through the command line: a batch is
billed at the bracket its submission sent BPJS whatever the paying laptop's setting, and the BAZNAS fund of
a payment travels with the workers' records."""

from __future__ import annotations

import openpyxl

from tests.hub.test_membership import as_json, ok
from tests.hub.test_sync import laptop, run, sync
from tests.integration.test_cli import errors


def test_the_bracket_sent_and_the_fund_paid_are_the_same_on_every_laptop(hub, tmp_path):
    first = laptop(tmp_path, "cabang-1", hub, workers=4, seed=5, role="admin")
    second = laptop(tmp_path, "cabang-2", hub, role="admin")
    assert sync(first).startswith("pushed 4,")
    out = tmp_path / "ajuan.xlsx"
    batch = as_json(run(first, "bpjs", "export", str(out), "--months", "12", "--json"))["batch"]
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    income = header.index("Penghasilan per Bulan")
    assert {row[income] for row in sheet.iter_rows(min_row=2, values_only=True)} == {1_000_000}
    zakat = as_json(run(first, "payment", "add", "--batch", batch, "--months", "1", "--reference", "T-1",
                         "--json"))
    assert zakat["fund"] == "zakat"
    sync(first)

    # The other laptop pays for a higher bracket from now on; the batch submitted at Rp 1.000.000 is still
    # billed at it there.
    shown = ok(run(second, "settings", "set", "jkk_income", "2000000")).stdout
    assert "jkk_income = 2000000" in shown
    refused = run(second, "settings", "set", "jkk_income", "2050000")
    assert refused.returncode != 0 and "kelipatan Rp 100.000" in errors(refused)
    sync(second)
    wrong = run(second, "payment", "add", "--batch", batch, "--months", "1", "--fund", "wakaf")
    assert wrong.returncode != 0 and "pilih zakat, infak atau sedekah" in errors(wrong)
    paid = as_json(run(second, "payment", "add", "--batch", batch, "--months", "1", "--reference", "T-2",
                       "--fund", "infak", "--json"))
    assert (paid["fund"], paid["owed"]) == ("infak", zakat["owed"])
    sync(second)
    sync(first)

    # The first laptop's BAZNAS record names both funds, as the second recorded them.
    report = tmp_path / "penyaluran.xlsx"
    ok(run(first, "report", "baznas", str(report), "--from", "01-01-2026", "--to", "31-12-2027"))
    rows = list(openpyxl.load_workbook(report)["Per Sumber Dana"].iter_rows(values_only=True))
    assert rows[1:] == [("Zakat", zakat["owed"]), ("Infak", paid["owed"]), ("Jumlah", zakat["owed"] + paid["owed"])]
