"""A batch's invoice is a numbered document fixed when issued: printed again on any day it gives the same
figures and number (read back from the PDF); a later change is a credit note or a supplementary invoice
referring to it. Real SQLite files, real processes, PDFs read back with pypdf."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from desktop.services import enrollment, membership, reporting
from desktop.services.accounts import SYSTEM
from desktop.services.workspace import Workspace
from desktop.storage import documents
from tests.conftest import make_raw
from tests.integration.test_cli import errors, run
from tests import ormdb

ISSUED = dt.date(2026, 12, 7)
A_YEAR_LATER = dt.date(2027, 12, 7)
SAMBAS = dict(kabupaten_code="6101", kecamatan_code="610101", desa_code="6101012001")
RINA = "6101015507900003"


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def figures_printed(path) -> list[str]:
    """Every amount and count row the invoice prints: its table rows and its total."""
    text = pdf_text(path)
    rows = re.findall(r"(?:Kabupaten|Kota) [A-Z][a-z]+(?: [A-Z][a-z]+)? [−+]?\d+(?: [−+]?Rp [\d.]+){3}", text)
    return rows + re.findall(r"(?:Jumlah [−+]?\d+(?: [−+]?Rp [\d.]+){3})|(?:Total kewajiban: Rp [\d.]+)", text)


def enroll_three(ws):
    enrollment.enroll(ws, make_raw(), SYSTEM)                                           # Pontianak, vendor
    enrollment.enroll(ws, make_raw(nik="6101011203850002", full_name="Budi Santoso", sex="L",
                                   birth_date="12-03-1985", occupation="motorbike_taxi", **SAMBAS), SYSTEM)
    enrollment.enroll(ws, make_raw(nik=RINA, full_name="Rina", birth_date="15-07-1990", **SAMBAS), SYSTEM)


def answer(ws, path, line):
    path.write_text(f"NIK;No KPJ;TMT;Keterangan\n{line}\n", encoding="utf-8")
    return membership.import_answer(ws, path, SYSTEM)


@pytest.fixture
def issued(tmp_path):
    """A laptop on 7 December 2026 with a batch of three submitted workers."""
    path = tmp_path / "lindung.sqlite3"
    ws = Workspace(path, today=ISSUED)
    try:
        enroll_three(ws)
        batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM).number
    finally:
        ws.close()
    return path, batch


def test_the_invoice_printed_a_year_later_has_the_figures_and_number_it_was_issued_with(issued, tmp_path):
    path, batch = issued
    ws = Workspace(path, today=ISSUED)
    try:
        first = tmp_path / "tagihan-2026.pdf"
        total = reporting.contributions_report(ws, first, None, SYSTEM, batch=batch)
    finally:
        ws.close()
    # December 2026 halved for all (PP 50/2025), the ojek driver also January-March 2027.
    assert total == 554_400
    text = pdf_text(first)
    number = re.search(r"Nomor dokumen: (INV-\w+-0001) · diterbitkan 7 Desember 2026", text).group(1)
    assert "Total kewajiban: Rp 554.400" in text

    ws = Workspace(path, today=A_YEAR_LATER)      # no relief in force any more: priced today it would be more
    try:
        again = tmp_path / "tagihan-2027.pdf"
        assert reporting.contributions_report(ws, again, None, SYSTEM, batch=batch) == 554_400
        assert [d.number for d in reporting.issued_documents(ws, SYSTEM)] == [number]
    finally:
        ws.close()
    assert figures_printed(again) == figures_printed(first)
    assert len(figures_printed(first)) == 16                         # 14 kabupaten/kota, the sum, the total
    assert f"Nomor dokumen: {number} · diterbitkan 7 Desember 2026" in pdf_text(again)
    assert "Desember 2026 – November 2027" in pdf_text(again)


def test_a_refusal_is_a_credit_note_and_a_later_activation_a_supplementary_invoice(issued, tmp_path):
    path, batch = issued
    ws = Workspace(path, today=ISSUED)
    try:
        invoice = reporting.batch_invoice(ws, tmp_path / "tagihan.pdf", SYSTEM, batch)
        assert invoice.issued and invoice.printed.kind == "invoice" and invoice.printed.figures["total"] == 554_400
        # BPJS refuses Rina: the invoice is still printed as issued, and the change is said, not issued.
        assert answer(ws, tmp_path / "jawaban.csv", f"'{RINA};;;Data ahli waris tidak lengkap").refused == 1
        said = reporting.batch_invoice(ws, tmp_path / "lagi.pdf", SYSTEM, batch)
        assert (said.printed, said.issued, said.changed_since) == (invoice.printed, False, invoice.printed.number)
        rina = 12 * 16_800 - 8_400                                     # December halved
        assert said.difference == -rina
        assert "Total kewajiban: Rp 554.400" in pdf_text(tmp_path / "lagi.pdf")

        credit = reporting.batch_invoice(ws, tmp_path / "nota-kredit.pdf", SYSTEM, batch, reissue=True)
        note = credit.printed
        assert (note.kind, note.refers_to, note.figures["total"]) == ("credit_note", invoice.printed.number, -rina)
        assert note.number.startswith("NK-") and note.figures["basis"]["total"] == 554_400 - rina
        text = pdf_text(tmp_path / "nota-kredit.pdf")
        assert f"Nomor dokumen: {note.number}" in text and f"Mengoreksi {invoice.printed.number}" in text
        assert f"Kredit BAZNAS (kewajiban berkurang): Rp {rina:,}".replace(",", ".") in text
        assert re.search(r"Kabupaten Sambas −1 −Rp 115\.000 −Rp 78\.200 −Rp 193\.200", text)
        # Issued once: asked again, nothing new.
        assert not reporting.batch_invoice(ws, tmp_path / "x.pdf", SYSTEM, batch, reissue=True).issued

        # BPJS activates her after all: the difference comes back as a supplementary invoice.
        assert answer(ws, tmp_path / "jawaban-2.csv", f"'{RINA};21012345678;01-12-2026;").activated == 1
        more = reporting.batch_invoice(ws, tmp_path / "tambahan.pdf", SYSTEM, batch, reissue=True).printed
        assert (more.kind, more.refers_to, more.figures["total"], more.figures["since"]) == (
            "supplementary", invoice.printed.number, rina, note.number)
        assert more.number.startswith("INV-") and more.number != invoice.printed.number
        assert f"Tambahan kewajiban BAZNAS: Rp {rina:,}".replace(",", ".") in pdf_text(tmp_path / "tambahan.pdf")
        assert [(d.kind, d.figures["total"]) for d in reporting.issued_documents(ws, SYSTEM, batch)] == [
            ("invoice", 554_400), ("credit_note", -rina), ("supplementary", rina)]
        # The invoice itself never changed.
        assert reporting.issued_documents(ws, SYSTEM, batch)[0] == invoice.printed
    finally:
        ws.close()


def test_a_document_is_read_back_as_it_was_written_and_a_batch_has_one_invoice(ws):
    record = documents.DocumentRecord("INV-ABC123-0007", documents.CREDIT_NOTE, "AJ-ABC123-0001", "INV-ABC123-0001",
                                      dt.datetime(2026, 12, 7, 8, 30, 15, 123456), "admin",
                                      {"rows": [{"kabupaten": "6101", "name": "Kabupaten Sambas", "workers": -1,
                                                 "jkk": -115_000, "jkm": -78_200}],
                                       "total": -193_200, "notes": ["PP 50/2025: iuran 50% lebih rendah"],
                                       "first_month": "2026-12-01", "months": 12, "basis": {"total": 361_200}},
                                      ws.device.id)
    with ws.write() as tx:
        documents.add(tx, record)
    with ws.read() as tx:
        assert documents.get(tx, record.number) == record
        assert documents.listing(tx, "AJ-ABC123-0001") == [record]
        assert documents.get(tx, "INV-NONE-0001") is None
    with pytest.raises(ValueError), ws.write() as tx:
        documents.add(tx, documents.DocumentRecord(**{**record.__dict__, "number": "X-1", "kind": "receipt"}))
    invoice = documents.DocumentRecord(**{**record.__dict__, "number": "INV-ABC123-0001", "kind": documents.INVOICE,
                                          "refers_to": None})
    with ws.write() as tx:
        documents.add(tx, invoice)
    with pytest.raises(sqlite_integrity_error()):       # a second invoice for the same batch: the database refuses
        with ws.write() as tx:
            documents.add(tx, documents.DocumentRecord(**{**invoice.__dict__, "number": "INV-ABC123-0002"}))


def sqlite_integrity_error():
    from desktop.storage.database import IntegrityError

    return IntegrityError


def test_documents_survive_the_upgrade_from_0014(issued, tmp_path):
    from alembic import command as alembic_command

    from desktop.storage.engine import HEAD_REVISION, _alembic_config, current_revision

    path, batch = issued
    ws = Workspace(path, today=ISSUED)
    try:
        payment = membership.add_payment(ws, SYSTEM, 12, batch=batch).number
        with ormdb.engine(ws).begin() as connection:        # the laptop as it was before 0015
            alembic_command.downgrade(_alembic_config(connection), "0014")
            tables = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
            assert "documents" not in tables
    finally:
        ws.close()
    ws = Workspace(path, today=ISSUED)
    try:
        assert current_revision(ormdb.engine(ws)) == HEAD_REVISION == "0016"
        assert [p.number for p in membership.payments(ws)] == [payment]
        issued_now = reporting.batch_invoice(ws, tmp_path / "tagihan.pdf", SYSTEM, batch)
        assert issued_now.issued and reporting.issued_documents(ws, SYSTEM) == [issued_now.printed]
    finally:
        ws.close()


def test_the_command_line_issues_reprints_and_corrects(tmp_path):
    db = tmp_path / "cli.sqlite3"
    ws = Workspace(db, today=ISSUED)
    try:
        enroll_three(ws)
    finally:
        ws.close()
    day = {"LINDUNG_TODAY": ISSUED.isoformat()}
    later = {"LINDUNG_TODAY": A_YEAR_LATER.isoformat()}
    batch = json.loads(run(db, "bpjs", "export", str(tmp_path / "a.xlsx"), "--json", env=day).stdout)["batch"]
    assert run(db, "report", "documents", env=day).stdout.strip() == "Belum ada dokumen yang terbit."

    proc = run(db, "report", "contributions", str(tmp_path / "t1.pdf"), "--batch", batch, env=day)
    assert proc.returncode == 0, proc.stderr
    number = re.search(r"Tagihan (INV-\w+-0001) untuk batch \S+: Rp 554\.400 ditulis ke", proc.stdout).group(1)
    proc = run(db, "report", "contributions", str(tmp_path / "t2.pdf"), "--batch", batch, env=later)
    assert proc.returncode == 0 and f"Tagihan {number} untuk batch {batch}: Rp 554.400 (terbit 7 Desember 2026; " \
                                    "dicetak ulang dengan angka yang sama)" in proc.stdout
    assert figures_printed(tmp_path / "t2.pdf") == figures_printed(tmp_path / "t1.pdf")
    proc = run(db, "report", "contributions", str(tmp_path / "t3.pdf"), "--batch", batch, "--months", "6", env=day)
    assert proc.returncode != 0 and f"sudah terbit sebagai {number} untuk 12 bulan" in proc.stderr

    answer_file = tmp_path / "jawaban.csv"
    answer_file.write_text(f"NIK;No KPJ;TMT;Keterangan\n'{RINA};;;Data ahli waris tidak lengkap\n", encoding="utf-8")
    assert run(db, "bpjs", "import", str(answer_file), env=later).returncode == 0
    proc = run(db, "report", "contributions", str(tmp_path / "t4.pdf"), "--batch", batch, env=later)
    assert proc.returncode == 0 and f"Tagihan {number}" in proc.stdout
    assert f"angka batch {batch} berubah sejak {number} (selisih −Rp 193.200)" in errors(proc)
    assert f"--batch {batch} --reissue" in errors(proc)
    assert figures_printed(tmp_path / "t4.pdf") == figures_printed(tmp_path / "t1.pdf")

    proc = run(db, "report", "contributions", str(tmp_path / "nk.pdf"), "--batch", batch, "--reissue", env=later)
    assert proc.returncode == 0
    note = re.search(rf"Nota kredit (NK-\w+-0001) untuk batch {batch}, mengoreksi {number}: −Rp 193\.200 ditulis ke",
                     proc.stdout).group(1)
    assert f"Mengoreksi {number}" in pdf_text(tmp_path / "nk.pdf")
    listed = json.loads(run(db, "report", "documents", "--batch", batch, "--json", env=later).stdout)
    assert [(d["number"], d["kind"], d["refers_to"], d["total"], d["issued_at"][:10]) for d in listed] == [
        (number, "invoice", None, 554_400, "2026-12-07"), (note, "credit_note", number, -193_200, "2027-12-07")]
    text = run(db, "report", "documents", env=later).stdout
    assert f"{note}\tnota kredit\tbatch {batch}\t7 Desember 2027\t−Rp 193.200\tmengoreksi {number}" in text
    proc = run(db, "report", "contributions", str(tmp_path / "c.pdf"), "--months", "3", "--reissue", env=later)
    assert proc.returncode != 0 and "--reissue hanya bersama --batch" in proc.stderr


def test_two_laptop_windows_issuing_at_once_issue_one_invoice(issued, tmp_path):
    path, batch = issued
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    env.update(LINDUNG_DB=str(path), LINDUNG_TODAY=ISSUED.isoformat())
    procs = [subprocess.Popen([sys.executable, "-m", "desktop", "report", "contributions", str(tmp_path / f"{i}.pdf"),
                               "--batch", batch], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(3)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    numbers = {re.search(r"Tagihan (INV-\S+) untuk", out).group(1) for out, _err in outputs}
    listed = json.loads(run(path, "report", "documents", "--json").stdout)
    assert len(numbers) == 1 and [d["number"] for d in listed] == list(numbers)
