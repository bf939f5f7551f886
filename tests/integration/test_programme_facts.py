"""The programme's facts as BPJS and BAZNAS apply them, on real files read back: the income bracket sent to
BPJS and priced (JKK is 1 % of it), figures fixed when recorded, BAZNAS's fund on each payment, and the
rules printed on the back of every card."""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from desktop.services import audit, cards, enrollment, membership, reporting, settings
from desktop.services.accounts import SYSTEM
from desktop.services.errors import ServiceError
from desktop.services.search import SearchQuery
from desktop.services.workspace import Workspace
from tests.conftest import TODAY, make_raw
from tests import ormdb

MM = 72 / 25.4
# A Dapodik parent declared under BPJS's lowest bracket, and a street vendor declared above it.
LOW = dict(nik="6101011203850002", full_name="Budi Santoso", sex="L", birth_date="12-03-1985",
           kabupaten_code="6101", kecamatan_code="610101", desa_code="6101012001", monthly_income="750.000")
HIGH = dict(nik="6171010101800002", full_name="Rahmat Hidayat", sex="L", birth_date="01-01-1980",
            monthly_income="2.000.000")


def sheet_rows(path, sheet=None):
    book = openpyxl.load_workbook(path)
    rows = list((book[sheet] if sheet else book.active).iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def set_bracket(ws, income):
    return settings.save_programme_settings(
        ws, SYSTEM, settings.ProgrammeSettings(**{**settings.programme_settings(ws).__dict__, "jkk_income": income}))


def test_the_upload_sends_the_programme_bracket_and_the_worker_keeps_their_income(ws, tmp_path):
    siti = enrollment.enroll(ws, make_raw(), SYSTEM)                 # declared Rp 1.500.000
    low = enrollment.enroll(ws, make_raw(**LOW), SYSTEM)
    high = enrollment.enroll(ws, make_raw(**HIGH), SYSTEM)
    out = tmp_path / "ajuan.xlsx"
    batch = membership.export_submission(ws, out, SYSTEM).number
    sent = {r["NIK"]: r["Penghasilan per Bulan"] for r in sheet_rows(out)}
    assert sent == {siti.nik: 1_000_000, low.nik: 1_000_000, high.nik: 1_000_000}
    assert [enrollment.get(ws, w.id).monthly_income for w in (siti, low, high)] == [1_500_000, 750_000, 2_000_000]
    # Priced at 1 % of the bracket sent: Rp 10.000 JKK + Rp 6.800 JKM, halved in November 2026 (PP 50/2025).
    paid = membership.add_payment(ws, SYSTEM, 1, batch=batch)
    assert paid.amount_owed == 3 * 8_400

    # The programme pays for a higher bracket from now on: the next upload sends it and is priced from it.
    set_bracket(ws, 2_000_000)
    later = enrollment.enroll(ws, make_raw(nik="6171010202800003", full_name="Ahmad Fauzi", sex="L",
                                           birth_date="02-02-1980"), SYSTEM)
    out2 = tmp_path / "ajuan-2.xlsx"
    batch2 = membership.export_submission(ws, out2, SYSTEM).number
    assert [(r["NIK"], r["Penghasilan per Bulan"]) for r in sheet_rows(out2)] == [(later.nik, 2_000_000)]
    # November and December halved, January full: (20.000 + 6.800) / 2 × 2 + 26.800.
    assert membership.quote_payment(ws, SYSTEM, 3, batch=batch2).amount_owed == 13_400 * 2 + 26_800

    # What was recorded keeps its figures; the first batch is still billed at the bracket BPJS was sent.
    assert [p.amount_owed for p in membership.payments(ws)] == [paid.amount_owed]
    assert membership.add_payment(ws, SYSTEM, 1, batch=batch).amount_owed == 3 * 8_400
    invoice = tmp_path / "tagihan.pdf"
    assert reporting.contributions_report(ws, invoice, 1, SYSTEM, batch=batch) == 3 * 8_400
    text = " ".join(PdfReader(invoice).pages[0].extract_text().split())
    assert "JKK Rp 10.000 (1% dari upah yang dilaporkan Rp 1.000.000)" in text
    # BAZNAS's forecast for everyone covered prices each at what BPJS was (or will be) sent.
    assert reporting.contributions_report(ws, tmp_path / "kewajiban.pdf", 1, SYSTEM,
                                          start=dt.date(2027, 1, 1)) == 3 * 16_800 + 26_800


def test_the_bracket_setting_is_bounded_kept_and_audited(tmp_path):
    path = tmp_path / "lindung.sqlite3"
    ws = Workspace(path, today=TODAY)
    try:
        assert settings.programme_settings(ws).jkk_income == 1_000_000
        for wrong in (999_999, 500_000, 1_050_000, 20_800_000):
            with pytest.raises(ServiceError) as caught:
                set_bracket(ws, wrong)
            assert caught.value.message == ("Upah yang dilaporkan untuk JKK harus kelipatan Rp 100.000 dari "
                                            "Rp 1.000.000 sampai Rp 20.700.000 (tingkat penghasilan peserta BPU di "
                                            "BPJS Ketenagakerjaan).")
            assert settings.programme_settings(ws).jkk_income == 1_000_000
        assert set_bracket(ws, 20_700_000).jkk_income == 20_700_000
        entries = [e for e in audit.entries(ws, SYSTEM) if e.subject == "pengaturan program"]
        assert entries and "jkk_income" in entries[0].details
    finally:
        ws.close()
    again = Workspace(path, today=TODAY)       # kept in the database file
    try:
        assert again.policy.jkk_income == 20_700_000
    finally:
        again.close()


def test_a_payment_names_its_fund_in_the_list_the_history_and_the_baznas_record(ws, tmp_path):
    enrollment.enroll(ws, make_raw(asnaf="fakir"), SYSTEM)
    enrollment.enroll(ws, make_raw(**LOW), SYSTEM)
    batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM).number
    with pytest.raises(ServiceError) as caught:
        membership.add_payment(ws, SYSTEM, 1, batch=batch, fund="wakaf")
    assert caught.value.message.startswith("Sumber dana wakaf tidak dikenal: pilih zakat, infak atau sedekah.")
    assert membership.payments(ws) == []                           # nothing recorded
    zakat = membership.add_payment(ws, SYSTEM, 1, batch=batch, reference="TRF-1")
    infak = membership.add_payment(ws, SYSTEM, 2, batch=batch, reference="TRF-2", fund="infak")
    assert (zakat.fund, infak.fund) == ("zakat", "infak")
    assert [(p.number, p.fund) for p in membership.payments(ws)] == [(infak.number, "infak"), (zakat.number, "zakat")]
    out = tmp_path / "penyaluran.xlsx"
    count, total = membership.baznas_report(ws, out, SYSTEM, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert (count, total) == (2, zakat.amount_owed + infak.amount_owed)
    rows = sheet_rows(out)
    assert {r["Sumber Dana"] for r in rows} == {"Infak, Zakat"}
    per_fund = {r["Sumber Dana"]: int(r["Jumlah (Rp)"]) for r in sheet_rows(out, "Per Sumber Dana")}
    assert per_fund == {"Zakat": zakat.amount_owed, "Infak": infak.amount_owed, "Jumlah": total}


def test_the_card_says_each_rule_as_it_is_and_the_fund_that_paid(ws, tmp_path):
    siti = enrollment.enroll(ws, make_raw(), SYSTEM)
    batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM).number
    membership.add_payment(ws, SYSTEM, 12, batch=batch, fund="sedekah")
    out = tmp_path / "kartu.pdf"
    cards.print_cards(ws, SearchQuery("siti"), out, "card", SYSTEM, workers=1)
    reader = PdfReader(out)
    front = reader.pages[0].extract_text()
    back = " ".join(reader.pages[1].extract_text().split())
    assert "BAZNAS (dana sedekah)" in front and siti.full_name in front
    assert "dana zakat" not in front                       # the card's head names no fund it was not paid from
    assert ("JKM (Jaminan Kematian), meninggal bukan karena kecelakaan kerja: ahli waris menerima Rp 42.000.000 "
            "bila sudah menjadi peserta 3 bulan atau lebih; kurang dari 3 bulan Rp 10.000.000.") in back
    # The 2 × 24-hour report is for work accidents: said in the JKK rule, and JKM is said to have none.
    jkk = back[back.index("JKK (Jaminan"):back.index("JKM (Jaminan")]
    assert "Kecelakaan kerja wajib dilaporkan ke BPJS Ketenagakerjaan paling lambat 2 x 24 jam." in jkk
    assert "Klaim JKM tidak dibatasi 2 x 24 jam." in back
    assert ("Beasiswa (JKM) untuk paling banyak 2 anak bila peserta meninggal setelah membayar iuran paling "
            "sedikit 3 tahun.") in back
    assert "laporkan kejadian ke kantor cabang paling lambat 2 x 24 jam" not in back    # the old, wrong claim rule
    # Every rule fits on the card, above the signature line (11.5 mm from the bottom), inside the margins.
    page = pdfium.PdfDocument(out)[1]
    inside = " ".join(page.get_textpage().get_text_bounded(3 * MM, 12 * MM, 82 * MM, 52 * MM).split())
    for rule in ("JKK (Jaminan Kecelakaan Kerja)", "paling lambat 2 x 24 jam.", "Rp 10.000.000.",
                 "paling sedikit 3 tahun.", "peserta dan ahli waris."):
        assert rule in inside
    assert re.search(r"Tanda tangan peserta", back)


def test_payments_recorded_before_funds_were_are_zakat_after_the_upgrade(tmp_path):
    from alembic import command as alembic_command

    from desktop.storage.engine import HEAD_REVISION, _alembic_config, current_revision

    path = tmp_path / "lama.sqlite3"
    ws = Workspace(path, today=TODAY)
    try:
        enrollment.enroll(ws, make_raw(), SYSTEM)
        batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM).number
        number = membership.add_payment(ws, SYSTEM, 1, batch=batch, fund="infak").number
        with ormdb.engine(ws).begin() as connection:        # the laptop as it was before 0014, its payment in it
            alembic_command.downgrade(_alembic_config(connection), "0013")
            columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(payments)")]
            assert "fund" not in columns
    finally:
        ws.close()
    ws = Workspace(path, today=TODAY)
    try:
        assert current_revision(ormdb.engine(ws)) == HEAD_REVISION   # 0014 and every migration after it
        assert [(p.number, p.fund) for p in membership.payments(ws)] == [(number, "zakat")]
    finally:
        ws.close()
