"""A BPJS answer applied by mistake taken back in one step, on one laptop with real files: the records are
what they were before it (submitted, no KPJ, paid months waiting), every event stays in the history, the
undo is audited, the right answer then applies; and what cannot be undone is refused or reported."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from desktop.domain import lifecycle
from desktop.services import audit, enrollment, membership
from desktop.services.accounts import SYSTEM, Actor, Role
from desktop.services.errors import NotFound, PermissionDenied, ServiceError
from tests.conftest import make_raw
from tests.integration.test_cli import errors, run
from tests.integration.test_membership import OJEK

SITI, BUDI = "6171014508800001", "6101011203850002"
KPJ_SITI, KPJ_BUDI = "26120000011", "26120000012"


@pytest.fixture
def two(ws):
    return enrollment.enroll(ws, make_raw(), SYSTEM), enrollment.enroll(ws, make_raw(**OJEK), SYSTEM)


def answer(path, rows):
    book = openpyxl.Workbook()
    book.active.append(["NIK", "No. KPJ", "TMT Kepesertaan", "Keterangan"])
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return path


def wrong_answer(tmp_path):
    """A misread answer: Siti gets Budi's KPJ and a month misread as the day; Budi is refused."""
    return answer(tmp_path / "jawaban-salah.xlsx", [(SITI, KPJ_BUDI, dt.date(2027, 1, 12), "OK"),
                                                    (BUDI, None, None, "NIK tidak ditemukan")])


def right_answer(tmp_path):
    return answer(tmp_path / "jawaban-benar.xlsx", [(SITI, KPJ_SITI, dt.date(2026, 12, 1), "OK"),
                                                    (BUDI, KPJ_BUDI, dt.date(2026, 12, 1), "OK")])


def test_a_wrong_answer_undone_puts_everyone_back_and_the_right_one_applies(ws, two, tmp_path):
    siti, budi = two
    batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM, months=12)
    wrong = membership.import_answer(ws, wrong_answer(tmp_path), SYSTEM)
    assert (wrong.activated, wrong.refused) == (1, 1)
    membership.add_payment(ws, SYSTEM, 12, batch=batch.number, reference="TRF-1")
    paid = enrollment.get(ws, siti.id)
    assert (paid.kpj_number, str(paid.coverage_start), str(paid.coverage_end)) == (KPJ_BUDI, "2027-01-12", "2028-01-11")

    listed = membership.applied_answers(ws, SYSTEM)
    assert [(a.answer, a.file, a.activated, a.refused, a.undone) for a in listed] == [
        (wrong.answer, "jawaban-salah.xlsx", 1, 1, False)]

    undone = membership.undo_answer(ws, wrong.answer[:8], SYSTEM, reason="tanggal salah dibaca")
    assert (undone.answer, undone.records, undone.by_status, undone.payments_waiting, undone.kept,
            undone.kpj_freed) == (wrong.answer, 2, {"submitted": 2}, 1, [], 1)
    for record in (enrollment.get(ws, siti.id), enrollment.get(ws, budi.id)):
        assert (record.status, record.kpj_number, record.coverage_start, record.coverage_end) == \
            ("submitted", None, None, None)
    history = enrollment.get(ws, siti.id).lifecycle
    assert [e["type"] for e in history] == ["submitted", "activated", "paid", "answer_undone"]
    assert history[-1]["answer"] == wrong.answer and history[-1]["reason"] == "tanggal salah dibaca"
    assert "diurungkan" in membership.describe_event(history[-1])
    assert lifecycle.derive(history).months_paid == 12
    [entry] = audit.entries(ws, SYSTEM, action="answer_undo")
    assert entry.subject == "jawaban-salah.xlsx"
    assert entry.details["answer"] == wrong.answer and entry.details["records"] == 2
    assert entry.details["back_to_submitted"] == 2 and entry.details["reason"] == "tanggal salah dibaca"
    said = audit.describe(entry.details)
    assert "kembali diajukan: 2" in said and "pembayaran menunggu aktivasi: 1" in said
    assert audit.verify(ws, SYSTEM).intact
    assert membership.applied_answers(ws, SYSTEM)[0].undone

    with pytest.raises(ServiceError, match="sudah diurungkan"):
        membership.undo_answer(ws, wrong.answer, SYSTEM)

    # The right answer: Budi's KPJ is free again, the 12 months paid start at the right date.
    right = membership.import_answer(ws, right_answer(tmp_path), SYSTEM)
    assert (right.activated, right.refused, right.unknown) == (2, 0, [])
    now = enrollment.get(ws, siti.id)
    assert (now.kpj_number, str(now.coverage_start), str(now.coverage_end)) == (KPJ_SITI, "2026-12-01", "2027-11-30")
    assert enrollment.get(ws, budi.id).kpj_number == KPJ_BUDI
    assert [a.answer for a in membership.applied_answers(ws, SYSTEM)] == [right.answer, wrong.answer]


def test_a_record_submitted_again_since_keeps_that_answer_and_is_reported(ws, two, tmp_path):
    siti, budi = two
    membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM)
    refusals = answer(tmp_path / "tolak.xlsx", [(SITI, None, None, "Data ganda"), (BUDI, None, None, "Data ganda")])
    applied = membership.import_answer(ws, refusals, SYSTEM)
    enrollment.update_worker(ws, budi.id, make_raw(**OJEK) | {"phone": "0813 5555 1212"}, SYSTEM)
    second = membership.export_submission(ws, tmp_path / "ajuan-2.xlsx", SYSTEM)
    assert second.records == 1
    # A preview changes nothing and says the same as the undo.
    preview = membership.preview_undo(ws, SYSTEM, applied.answer)
    assert enrollment.get(ws, siti.id).status == "refused"
    undone = membership.undo_answer(ws, applied.answer, SYSTEM)
    assert undone == preview
    budi_no = enrollment.get(ws, budi.id).registration_no
    assert (undone.records, undone.by_status) == (1, {"submitted": 1})
    assert [regno for regno, _reason in undone.kept] == [budi_no]
    assert "diajukan lagi" in undone.kept[0][1]
    assert enrollment.get(ws, siti.id).status == "submitted"
    kept = enrollment.get(ws, budi.id)
    assert kept.status == "submitted" and kept.lifecycle[-1]["batch"] == second.number
    with pytest.raises(ServiceError, match="sudah diurungkan"):
        membership.undo_answer(ws, applied.answer, SYSTEM)


def test_only_the_branch_undoes_and_an_unknown_or_malformed_code_is_refused(ws, two, tmp_path):
    membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM)
    applied = membership.import_answer(ws, wrong_answer(tmp_path), SYSTEM)
    volunteer = Actor("relawan", "Relawan", Role.VOLUNTEER)
    with pytest.raises(PermissionDenied):
        membership.undo_answer(ws, applied.answer, volunteer)
    with pytest.raises(PermissionDenied):
        membership.applied_answers(ws, volunteer)
    with pytest.raises(NotFound, match="Tidak ada jawaban BPJS dengan kode"):
        membership.undo_answer(ws, "0" * 32 if not applied.answer.startswith("0") else "f" * 32, SYSTEM)
    for bad in ("abc", "zzzzzzzz", applied.answer + "00"):
        with pytest.raises(ServiceError, match="tidak sah"):
            membership.undo_answer(ws, bad, SYSTEM)
    assert enrollment.get(ws, two[0].id).status == "active"          # nothing changed


def test_the_command_line_lists_answers_and_undoes_one(tmp_path):
    db = tmp_path / "cabang.sqlite3"
    assert run(db, "demo", "--workers", "3", "--seed", "5").returncode == 0
    out = tmp_path / "ajuan.xlsx"
    assert run(db, "bpjs", "export", str(out)).returncode == 0
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    nik = rows[0].index("NIK")
    path = answer(tmp_path / "jawaban.xlsx", [(r[nik], f"2612000010{i}", dt.date(2026, 12, 5), "OK")
                                              for i, r in enumerate(rows[1:])])
    applied = json.loads(run(db, "bpjs", "import", str(path), "--json").stdout)
    listed = json.loads(run(db, "bpjs", "answers", "--json").stdout)
    assert [(a["answer"], a["file"], a["activated"], a["undone"]) for a in listed] == [
        (applied["answer"], "jawaban.xlsx", 3, False)]
    said = run(db, "bpjs", "answers").stdout
    assert applied["answer"] in said and "jawaban.xlsx" in said and "berlaku" in said
    proc = run(db, "bpjs", "undo", applied["answer"][:6], "--reason", "berkas batch lain")
    assert proc.returncode == 0, proc.stderr
    assert "jawaban.xlsx diurungkan: 3 peserta, 3 kembali \"Diajukan\"" in proc.stdout
    assert "3 nomor KPJ dilepas" in proc.stdout and "lindung sync" in proc.stdout
    listed = json.loads(run(db, "list", "--json").stdout)
    assert {(r["status"], r["kpj_number"]) for r in listed} == {("submitted", None)}
    again = run(db, "bpjs", "undo", applied["answer"], "--json")
    assert again.returncode != 0 and "sudah diurungkan" in errors(again)
    bad = run(db, "bpjs", "undo", "12")
    assert bad.returncode != 0 and "tidak sah" in errors(bad) and "Traceback" not in bad.stderr
    logged = json.loads(run(db, "audit", "--action", "answer_undo", "--json").stdout)
    assert len(logged) == 1 and logged[0]["details"]["reason"] == "berkas batch lain"
    shown = run(db, "show", listed[0]["registration_no"]).stdout
    assert "diurungkan" in shown


def test_two_clerks_undoing_the_same_answer_at_once_undo_it_once(tmp_path):
    """Two processes undo the same answer at the same moment: the database's write lock lets one do it,
    the other is told it is undone already; each record carries one undo, the log one entry."""
    import os
    import subprocess
    import sys

    db = tmp_path / "cabang.sqlite3"
    assert run(db, "demo", "--workers", "40", "--seed", "6").returncode == 0
    out = tmp_path / "ajuan.xlsx"
    assert run(db, "bpjs", "export", str(out)).returncode == 0
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    nik = rows[0].index("NIK")
    path = answer(tmp_path / "jawaban.xlsx", [(r[nik], f"261200002{i:02d}", dt.date(2026, 12, 5), "OK")
                                              for i, r in enumerate(rows[1:])])
    applied = json.loads(run(db, "bpjs", "import", str(path), "--json").stdout)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")} | {"LINDUNG_DB": str(db)}
    clerks = [subprocess.Popen([sys.executable, "-m", "desktop", "bpjs", "undo", applied["answer"], "--json"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    said = [(clerk.wait(timeout=120), *clerk.communicate()) for clerk in clerks]
    assert sorted(code != 0 for code, _out, _err in said) == [False, True], said
    [(_code, out_ok, _err)] = [s for s in said if s[0] == 0]
    [(_code, _out, refused)] = [s for s in said if s[0] != 0]
    assert json.loads(out_ok)["records"] == 40 and "sudah diurungkan" in refused and "Traceback" not in refused
    records = json.loads(run(db, "list", "--json").stdout)
    assert {(r["status"], r["kpj_number"]) for r in records} == {("submitted", None)}
    logged = json.loads(run(db, "audit", "--action", "answer_undo", "--json").stdout)
    assert len(logged) == 1
    shown = run(db, "show", records[0]["registration_no"]).stdout
    assert shown.count("diurungkan") == 1
