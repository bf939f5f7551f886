"""Issue 30, the impact report BAZNAS and BPJS are handed: written through the command line on a real
database (workers made active, paid from zakat, a death carried to paid, an accident still open, a renewal
paid), read back with pypdf: a table per year with the kabupaten/kota, the rupiah, the ratio benefits ÷
contributions, the claims and the longest wait, a total row and the columns explained."""

from __future__ import annotations

import json
import re

from pypdf import PdfReader

from tests.integration.test_claims import active_workers, ok, on
from tests.integration.test_cli import run


def test_the_impact_report_prints_each_year_its_totals_and_the_ratio(tmp_path):
    db, (dead, alive) = active_workers(tmp_path)          # both paid for 12 months in December 2025
    death = json.loads(ok(run(db, "claim", "report", dead, "--kind", "death", "--date", "01-04-2026", "--json",
                              env=on("2026-04-02"))).stdout)["claim"]
    ok(run(db, "claim", "report", alive, "--kind", "accident", "--date", "03-04-2026", "--at-work",
           env=on("2026-04-03")))
    ok(run(db, "claim", "update", death, "--state", "paid", "--amount", "42.000.000", "--date", "16-04-2026",
           env=on("2026-04-16")))
    ok(run(db, "renew", "--expiring", "400", "--months", "1", env=on("2026-04-16")))   # the living worker, 2026

    figures = json.loads(ok(run(db, "claim", "impact", "--json", env=on("2026-04-20"))).stdout)
    out = tmp_path / "laporan" / "dampak.pdf"
    said = ok(run(db, "report", "impact", str(out), env=on("2026-04-20"))).stdout
    assert "Laporan dampak ditulis" in said and "Rp 42.000.000" in said

    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    flat = re.sub(r"\s+", " ", text)
    for needed in ("Dampak perlindungan", "Halaman 1 dari", "Dibuat 20 April 2026", "Tahun 2025", "Tahun 2026",
                   "Kabupaten/ Kota", "Kabupaten Sintang", "Kabupaten Melawi", "Penjelasan kolom", "Rasio manfaat ÷ iuran",
                   "Tunggu terlama", "17 hari"):              # the accident, reported 3 April, on 20 April
        assert needed in flat, needed
    # every figure the command computes is printed, as rupiah
    for row in figures:
        for amount in (row["contributions"], row["benefits"]):
            assert f"Rp {amount:,}".replace(",", ".") in flat, amount
    by_year = {year: sum(r["contributions"] for r in figures if r["year"] == year) for year in (2025, 2026)}
    assert by_year == {2025: 126_000 + 100_800, 2026: 8_400}      # 12 months of two workers; 1 month renewed
    assert "Jumlah Rp 226.800 Rp 0 0,00 0 0 -" in flat                      # 2025: nothing paid out yet
    # 2026: Rp 42.000.000 paid to the heir for Rp 8.400 of zakat that year: 5.000 rupiah for each rupiah
    assert "Jumlah Rp 8.400 Rp 42.000.000 5.000,00 1 1 17 hari" in flat
    # all years: 42.000.000 ÷ 235.200 = 178,57; no ratio where nothing was paid in
    assert "Rp 235.200" in flat and "(rasio 178,57)" in flat
    assert "Kabupaten Sintang Rp 0 Rp 42.000.000 - 1 0 -" in flat
