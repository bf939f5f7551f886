"""Reports read back with a PDF parser: Indonesian text, page numbers, dates, filters, sums."""

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from desktop.services import cards, enrollment, reporting
from desktop.services.accounts import SYSTEM
from desktop.services.schools import add_school
from desktop.services.search import SearchQuery
from tests.conftest import TODAY, make_raw
from tests.integration.test_cli import run

# When the reports are made: fixed, a second before midnight (a test that read the clock itself could see
# another date than the report did).
NOW = dt.datetime(2026, 11, 24, 23, 59, 59)


def text_of(path):
    reader = PdfReader(path)
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def people(ws):
    add_school(ws, "69800001", "SD Negeri 12 Pontianak", "SD", "6171", "Ibu Rina Marlina")
    siti = enrollment.enroll(ws, make_raw(school_npsn="69800001", pupil_name="Nur Aminah", pupil_class="5A"), SYSTEM)
    ojek = enrollment.enroll(ws, make_raw(nik="6101011203850002", full_name="Budi Santoso", sex="L",
                                          birth_date="12-03-1985", kabupaten_code="6101", kecamatan_code="610101",
                                          desa_code="6101012001", occupation="motorbike_taxi",
                                          school_npsn="69800001", pupil_name="Bayu", pupil_class="3"), SYSTEM)
    ended = enrollment.enroll(ws, make_raw(nik="6101015507900003", full_name="Rina", birth_date="15-07-1990",
                                           kabupaten_code="6101", kecamatan_code="610101",
                                           desa_code="6101012001"), SYSTEM)
    # Rina was sent to BPJS and refused: no longer owed for (a status typed by hand is not taken).
    from desktop.services import membership

    membership.export_submission(ws, ws.path.parent / "ajuan.xlsx", SYSTEM, SearchQuery("rina"))
    answer = ws.path.parent / "jawaban.csv"
    answer.write_text("NIK;No KPJ;Keterangan\n'6101015507900003;;Data ahli waris tidak lengkap\n", encoding="utf-8")
    assert membership.import_answer(ws, answer, SYSTEM).refused == 1
    return siti, ojek, enrollment.get(ws, ended.id)


def test_summary_counts_chart_and_target(ws, tmp_path, people):
    cards.print_cards(ws, SearchQuery("siti"), tmp_path / "k.pdf", "card", SYSTEM, workers=1)
    out = tmp_path / "ringkasan.pdf"
    assert reporting.summary_report(ws, out, SYSTEM, target_count=10, now=NOW) == 3
    reader, text = text_of(out)
    assert "Ringkasan kepesertaan pekerja rentan" in text
    assert "3 dari target 10 pekerja rentan terdaftar (30,0%)" in text
    assert re.search(r"Kota Pontianak\s+1\s+1\s+0", text) and re.search(r"Kabupaten Sambas\s+2\s+0\s+0", text)
    assert re.search(r"Jumlah\s+3\s+1\s+0", text)
    assert "Pengemudi ojek" in text and "Target: 10 pekerja rentan" in text
    assert f"Halaman 1 dari {len(reader.pages)}" in text
    assert "Dibuat 24 November 2026 23:59" in text


def test_receipts_list_the_schools_parents_with_a_signature_column(ws, tmp_path, people):
    out = tmp_path / "tanda-terima.pdf"
    assert reporting.receipts_report(ws, out, "69800001", SYSTEM, now=NOW) == 2
    _, text = text_of(out)
    assert "Tanda terima kartu peserta JKK + JKM" in text and "Tanda tangan" in text
    assert "Kota Pontianak, 24 November 2026" in text and "Dibuat 24 November 2026 23:59" in text
    assert "BUDI SANTOSO" in text and "BAYU (3)" in text and "NUR AMINAH (5A)" in text
    assert people[0].registration_no in text and "Ibu Rina Marlina" in text
    assert "RINA" not in text.replace("Rina Marlina", "")  # not linked to this school
    with pytest.raises(Exception, match="belum terdaftar"):
        reporting.receipts_report(ws, tmp_path / "x.pdf", "12345678", SYSTEM)


def test_receipts_keep_the_widest_registration_number_on_one_line(tmp_path, monkeypatch):
    """Registration numbers start with the laptop's random prefix: the widest one must not break in two
    (it did in 1 run in 20, with a prefix of wide letters such as W and M)."""
    from desktop.services import workspace

    monkeypatch.setattr(workspace, "new_device_prefix", lambda: "WWWWWW")
    ws = workspace.Workspace(tmp_path / "lebar.sqlite3", today=TODAY)
    try:
        add_school(ws, "69800001", "SD Negeri 12 Pontianak", "SD", "6171", "Ibu Rina Marlina")
        record = enrollment.enroll(ws, make_raw(school_npsn="69800001", pupil_name="Nur Aminah"), SYSTEM)
        assert record.registration_no.startswith("WWWWWW-")
        out = tmp_path / "tanda-terima.pdf"
        assert reporting.receipts_report(ws, out, "69800001", SYSTEM, now=NOW) == 1
    finally:
        ws.close()
    _, text = text_of(out)
    assert record.registration_no in text


def test_contributions_use_the_rates_of_each_month(ws, tmp_path, people):
    out = tmp_path / "iuran.pdf"
    # From November 2026, 3 months: Nov and Dec halved for everyone (the ojek driver also in Jan).
    total = reporting.contributions_report(ws, out, 3, SYSTEM, start=dt.date(2026, 11, 1))
    farmer = 8_400 * 2 + 16_800          # SITI (street vendor): halved Nov, Dec; full Jan
    ojek = 8_400 * 3                     # transport: halved until March 2027
    assert total == farmer + ojek        # RINA was refused by BPJS: not covered
    _, text = text_of(out)
    assert "Rp 58.800" in text and "Kewajiban iuran BAZNAS" in text
    assert "November 2026 – Januari 2027" in text
    assert re.search(r"Kota Pontianak\s+1\s+Rp 20\.000\s+Rp 13\.600\s+Rp 33\.600", text)
    assert "PP 50/2025" in text


def test_cli_reports(tmp_path):
    db = tmp_path / "cli.sqlite3"
    assert run(db, "demo", "--workers", "40", "--seed", "9").returncode == 0
    proc = run(db, "report", "summary", str(tmp_path / "s.pdf"))
    assert proc.returncode == 0 and "Ringkasan 40 peserta" in proc.stdout
    proc = run(db, "report", "contributions", str(tmp_path / "c.pdf"), "--months", "12")
    assert proc.returncode == 0 and re.search(r"Kewajiban iuran Rp [\d.]+ untuk 12 bulan", proc.stdout)
    proc = run(db, "report", "contributions", str(tmp_path / "c.pdf"), "--months", "0")
    assert proc.returncode != 0 and "1 sampai 60" in proc.stderr
    proc = run(db, "report", "receipts", str(tmp_path / "r.pdf"), "--school", "99999999")
    assert proc.returncode != 0 and "belum terdaftar" in proc.stderr


def test_the_progress_bar_stays_inside_its_frame_past_100_percent():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    from reports.documents import _progress_bar

    frame = A4[0] - 2 * 18 * mm - 2 * 6          # between the margins, inside the frame's paddings
    bar = _progress_bar(5300, 3533)                # 150 % of the target
    outline, filled = bar.contents
    assert bar.width <= frame and outline.width <= frame
    assert filled.width == outline.width           # full, not beyond
