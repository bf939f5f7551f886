"""Claims on the command line, on a real database: a worker made active through the real steps (BPJS
submission spreadsheet, BPJS's answer, BAZNAS's payment), an incident reported and judged on its day,
the claim carried to paid, a death stopping payments (the ledger credits what was paid beyond it), and the
claim pack read back."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
from pypdf import PdfReader

from tests.hub.test_membership import write_answer
from tests.integration.test_cli import errors, run


def ok(proc):
    assert proc.returncode == 0, proc.stderr
    return proc


def on(day):
    return {"LINDUNG_TODAY": day}


def active_workers(tmp_path, n=2, start=dt.date(2026, 1, 1), months=12):
    """A laptop database with ``n`` workers active from ``start``, ``months`` months paid."""
    db = tmp_path / "cabang.sqlite3"
    env = on("2025-12-20")
    ok(run(db, "demo", "--workers", str(n), "--seed", "30", env=env))
    out = tmp_path / "ajuan.xlsx"
    ok(run(db, "bpjs", "export", str(out), "--months", str(months), env=env))
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    niks = [dict(zip(header, (c.value for c in row)))["NIK"] for row in sheet.iter_rows(min_row=2)]
    write_answer(tmp_path / "jawaban.xlsx", [(i + 1, nik, "", f"2612000{i:04d}", start, "OK")
                                             for i, nik in enumerate(niks)])
    ok(run(db, "bpjs", "import", str(tmp_path / "jawaban.xlsx"), env=env))
    records = json.loads(ok(run(db, "list", "--json", env=env)).stdout)
    regnos = sorted(r["registration_no"] for r in records)
    ok(run(db, "payment", "add", "--records", ",".join(regnos), "--months", str(months), env=env))
    return db, regnos


def test_a_death_reported_judged_carried_to_paid_and_payments_stop(tmp_path):
    db, (dead, alive) = active_workers(tmp_path)
    future = run(db, "claim", "report", dead, "--kind", "death", "--date", "20-04-2026", env=on("2026-04-10"))
    assert future.returncode != 0 and "belum lewat" in errors(future)
    reported = json.loads(ok(run(db, "claim", "report", dead, "--kind", "death", "--date", "01-04-2026",
                                 "--place", "Desa Sungai Ambawang", "--what", "sakit di rumah", "--json",
                                 env=on("2026-04-02"))).stdout)
    assert {k: reported[k] for k in ("covered", "benefit", "amount")} == {"covered": True, "benefit": "JKM",
                                                                          "amount": 42_000_000}
    assert "setelah 3 bulan kepesertaan" in reported["why"] and len(reported["claim"]) == 32
    again = run(db, "claim", "report", dead, "--kind", "death", "--date", "01-04-2026", env=on("2026-04-02"))
    assert again.returncode != 0 and "sudah dilaporkan" in errors(again)
    # an accident at work of the other worker: JKK, the amount assessed by BPJS, deadlines given
    accident = json.loads(ok(run(db, "claim", "report", alive, "--kind", "accident", "--date", "03-04-2026",
                                 "--at-work", "--json", env=on("2026-04-03"))).stdout)
    assert (accident["benefit"], accident["amount"]) == ("JKK", None)

    claim = reported["claim"]
    listed = json.loads(ok(run(db, "claim", "list", "--open", "--json", env=on("2026-04-12"))).stdout)
    assert [c["claim"] for c in listed] == [claim, accident["claim"]]          # oldest first
    assert listed[0]["waits_on"].startswith("keluarga") and listed[0]["waiting_days"] == 10
    wrong = run(db, "claim", "update", claim[:8], "--document", "slip_gaji", env=on("2026-04-12"))
    assert wrong.returncode != 0 and "tidak ada dalam daftar" in errors(wrong)
    ok(run(db, "claim", "update", claim[:8], "--document", "kpj_card", "--document", "death_certificate",
           env=on("2026-04-12")))
    ok(run(db, "claim", "update", claim, "--state", "documents_complete", env=on("2026-04-13")))
    ok(run(db, "claim", "update", claim, "--state", "submitted", env=on("2026-04-14")))
    back = run(db, "claim", "update", claim, "--state", "documents_complete", env=on("2026-04-14"))
    assert back.returncode != 0 and "hanya maju" in errors(back)
    paid = json.loads(ok(run(db, "claim", "update", claim, "--state", "paid", "--amount", "42.000.000", "--date",
                             "16-04-2026", "--json", env=on("2026-04-16"))).stdout)
    assert (paid["state"], paid["amount_paid"], paid["paid_on"]) == ("paid", 42_000_000, "2026-04-16")
    assert paid["documents"] == ["death_certificate", "kpj_card"]
    assert [c["claim"] for c in json.loads(ok(run(db, "claim", "list", "--open", "--json",
                                                  env=on("2026-04-16"))).stdout)] == [accident["claim"]]

    # the death ends payments and renewals for that worker; the months paid beyond April are credit
    shown = json.loads(ok(run(db, "show", dead, "--json", env=on("2026-04-16"))).stdout)
    assert (shown["status"], shown["coverage_end"]) == ("deceased", "2026-04-30")
    refused = run(db, "payment", "add", "--records", dead, "--months", "3", env=on("2026-04-16"))
    assert refused.returncode != 0 and "Tidak ada peserta yang dapat dibayar" in errors(refused)
    renewal = json.loads(ok(run(db, "renew", "--expiring", "400", "--months", "1", "--json",
                                env=on("2026-04-16"))).stdout)
    assert renewal["records"] == 1                       # the living worker only
    balance = json.loads(ok(run(db, "payment", "balance", "--json", env=on("2026-04-16"))).stdout)["total"]
    assert balance["paid"] == balance["allocated"] + balance["credit"]
    assert balance["months"] == 4 + 12 + 1 and balance["credit"] > 0

    # the impact: what zakat paid against what the heirs received, the accident still open
    impact = json.loads(ok(run(db, "claim", "impact", "--json", env=on("2026-04-16"))).stdout)
    assert sum(r["contributions"] for r in impact) == balance["paid"]
    assert {r["year"] for r in impact if r["contributions"]} == {2025, 2026}     # paid Dec 2025, renewed Apr 2026
    assert (sum(r["benefits"] for r in impact), sum(r["claims_paid"] for r in impact)) == (42_000_000, 1)
    assert [(r["claims_open"], r["longest_wait"]) for r in impact if r["claims_open"]] == [(1, 13)]

    # coverage gaps that cost benefits: the living worker's coverage (to 31-01-2027) ends within 30 days
    assert json.loads(ok(run(db, "claim", "gaps", "--json", env=on("2026-12-15"))).stdout) == []
    gaps = json.loads(ok(run(db, "claim", "gaps", "--json", env=on("2027-01-10"))).stdout)
    assert [g["registration_no"] for g in gaps] == [alive]          # never the deceased
    assert [r["condition"] for r in gaps[0]["risks"]] == ["jkm_months", "scholarship"]
    assert "31-01-2027" in gaps[0]["risks"][0]["message"]

    # the pack for the heir, read back
    out = tmp_path / "klaim.pdf"
    ok(run(db, "claim", "pack", claim[:8], str(out), env=on("2026-04-16")))
    reader = PdfReader(out)
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1
    for needed in ("Lembar klaim untuk ahli waris", "JKM Rp 42.000.000", "26120000000", "Akta kematian",
                   "Buku tabungan atas nama ahli waris", "Kantor Cabang BPJS Ketenagakerjaan", "Jam layanan", dead):
        assert needed in text, needed
