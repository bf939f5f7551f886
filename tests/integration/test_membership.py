"""The branch's membership work on one laptop, on real files: who is ready, the branch's own template, the
answer in the formats BPJS's offices send, payments priced with the dated rates, and nothing recorded
when the spreadsheet cannot be written."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from desktop.services import enrollment, membership
from desktop.services.accounts import Actor, Role, SYSTEM
from desktop.services.errors import PermissionDenied, ServiceError
from desktop.services.search import SearchQuery, search
from tests.conftest import make_raw

OJEK = dict(nik="6101011203850002", full_name="Budi Santoso", sex="L", birth_date="12-03-1985",
            kabupaten_code="6101", kecamatan_code="610101", desa_code="6101012001", occupation="motorbike_taxi")


@pytest.fixture
def two(ws):
    return enrollment.enroll(ws, make_raw(), SYSTEM), enrollment.enroll(ws, make_raw(**OJEK), SYSTEM)


def upload_rows(path):
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def test_only_the_branch_submits_and_a_volunteer_is_told(ws, two, tmp_path):
    volunteer = Actor("relawan", "Relawan", Role.VOLUNTEER)
    with pytest.raises(PermissionDenied):
        membership.export_submission(ws, tmp_path / "a.xlsx", volunteer)
    assert not (tmp_path / "a.xlsx").exists()


def test_filters_and_a_branch_template_shape_the_upload(ws, two, tmp_path):
    template = tmp_path / "template-cabang.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["FORMAT UPLOAD BPU KOLEKTIF - KANTOR CABANG PONTIANAK"])
    book.active.append(["NO", "NOMOR KTP", "NAMA SESUAI KTP", "TGL LAHIR", "KODE WILAYAH", "SUMBER DANA",
                        "CATATAN CABANG"])
    book.save(template)
    mapped = membership.load_template(ws, template, SYSTEM)
    assert [key for _, key in mapped] == ["row", "nik", "full_name", "birth_date", "desa_code", "payer", None]
    out = tmp_path / "ajuan.xlsx"
    result = membership.export_submission(ws, out, SYSTEM, SearchQuery(kabupaten_code="6101"))
    assert result.records == 1
    header, rows = upload_rows(out)
    assert list(header) == ["NO", "NOMOR KTP", "NAMA SESUAI KTP", "TGL LAHIR", "KODE WILAYAH", "SUMBER DANA",
                            "CATATAN CABANG"]
    assert rows == [{"NO": 1, "NOMOR KTP": "6101011203850002", "NAMA SESUAI KTP": "BUDI SANTOSO",
                     "TGL LAHIR": "12-03-1985", "KODE WILAYAH": "6101012001", "SUMBER DANA": "BAZNAS",
                     "CATATAN CABANG": None}]
    membership.reset_template(ws, SYSTEM)
    assert membership.template(ws)[1] == ("NIK", "nik")
    assert membership.count_ready(ws).not_ready == {"ready": 1}


def test_a_spreadsheet_that_cannot_be_written_records_nothing(ws, two, tmp_path):
    blocked = tmp_path / "berkas"
    blocked.write_text("not a folder")
    with pytest.raises(ServiceError) as caught:
        membership.export_submission(ws, blocked / "ajuan.xlsx", SYSTEM)
    assert "tidak dapat ditulis" in caught.value.message
    assert {r.status for r in search(ws, SearchQuery()).rows} == {"enrolled"}
    assert membership.batches(ws) == []


def test_the_answer_as_csv_with_semicolons_and_kpj_written_as_text(ws, two, tmp_path):
    membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM)
    answer = tmp_path / "jawaban.csv"
    answer.write_text("No;NIK;Nomor Peserta;Tgl Aktif;Status\r\n"
                      "1;'6171014508800001;'26120000007;05/12/2026;Berhasil\r\n"
                      "2;6101011203850002;;;Data ahli waris tidak lengkap\r\n", encoding="cp1252")
    result = membership.import_answer(ws, answer, SYSTEM)
    assert (result.activated, result.refused, result.unknown) == (1, 1, [])
    siti, budi = (enrollment.get(ws, r.id) for r in two)
    assert (siti.status, siti.kpj_number, siti.coverage_start) == ("active", "26120000007", dt.date(2026, 12, 5))
    assert budi.status == "refused" and budi.lifecycle[-1]["reason"] == "Data ahli waris tidak lengkap"
    # Refused stays out of the next batch until the record is corrected.
    with pytest.raises(membership.NothingReady) as nothing:
        membership.export_submission(ws, tmp_path / "lagi.xlsx", SYSTEM)
    assert nothing.value.not_ready == {"refused": 1}
    values = budi.form_values() | {"heir_name": "Sri Wahyuni"}
    enrollment.update_worker(ws, budi.id, values, SYSTEM)
    assert membership.export_submission(ws, tmp_path / "lagi.xlsx", SYSTEM).records == 1


def test_payment_priced_month_by_month_and_a_different_amount_stated(ws, two, tmp_path):
    batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM).number
    # Paid on 24 November 2026 before BPJS answered: November to January. Siti (street vendor) is halved in
    # November and December (PP 50/2025), full in January; Budi (ojek, transport) halved all three.
    paid = membership.add_payment(ws, SYSTEM, 3, batch=batch, reference="TRF-1", amount=60_000)
    assert paid.amount_owed == (8_400 * 2 + 16_800) + 8_400 * 3
    assert paid.difference == 60_000 - paid.amount_owed
    [info] = membership.payments(ws)
    assert (info.number, info.batch_no, info.amount_paid, info.reference) == (paid.number, batch, 60_000, "TRF-1")
    [listed] = membership.batches(ws)
    assert (listed.number, listed.total, listed.by_status, listed.paid_months) == (batch, 2, {"submitted": 2}, 3)
    with pytest.raises(ServiceError):
        membership.add_payment(ws, SYSTEM, 0, batch=batch)
    with pytest.raises(ServiceError):
        membership.add_payment(ws, SYSTEM, 3, batch="AJ-TIDAKADA-0001")


def test_baznas_distribution_record_per_recipient_with_asnaf(ws, tmp_path):
    fakir = enrollment.enroll(ws, make_raw(asnaf="fakir"), SYSTEM)
    enrollment.enroll(ws, make_raw(**OJEK), SYSTEM)
    batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM).number
    paid = membership.add_payment(ws, SYSTEM, 3, batch=batch, reference="TRF-7")
    out = tmp_path / "penyaluran.xlsx"
    count, total = membership.baznas_report(ws, out, SYSTEM, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert (count, total) == (2, paid.amount_owed)
    book = openpyxl.load_workbook(out)
    header, rows = upload_rows(out)
    by_name = {r["Nama Mustahik"]: r for r in rows}
    assert by_name["SITI AMINAH"]["Asnaf"] == "Fakir" and by_name["BUDI SANTOSO"]["Asnaf"] == "Miskin"
    assert by_name["SITI AMINAH"]["NIK"] == fakir.nik and by_name["SITI AMINAH"]["Referensi"] == "TRF-7"
    assert sum(r["Jumlah (Rp)"] for r in rows) == total
    totals = list(book["Per Asnaf"].iter_rows(values_only=True))
    assert totals[-1][0] == "Jumlah" and int(totals[-1][2]) == total
    with pytest.raises(ServiceError):        # no payment in December
        membership.baznas_report(ws, tmp_path / "kosong.xlsx", SYSTEM, dt.date(2026, 12, 1), dt.date(2026, 12, 31))


def test_a_submitted_record_is_ended_only_by_the_branch_with_its_history_kept(ws, tmp_path):
    volunteer = Actor("relawan", "Relawan", Role.VOLUNTEER)
    own = enrollment.enroll(ws, make_raw(), volunteer)
    membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM)
    with pytest.raises(PermissionDenied) as refused:
        enrollment.delete_worker(ws, own.id, "Pindah ke luar daerah", volunteer)
    assert "hanya admin cabang" in str(refused.value)
    gone = enrollment.delete_worker(ws, own.id, "Pindah ke luar daerah", SYSTEM)
    assert gone.status == "deleted" and gone.deleted_reason == "Pindah ke luar daerah"
    assert [e["type"] for e in gone.to_json()["lifecycle"]] == ["submitted"]      # its membership history stays
    assert [h["action"] for h in enrollment.history(ws, own.id)][-1] == "delete"


def test_still_in_process_changes_nothing_and_bpjs_later_word_wins(ws, two, tmp_path):
    membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM)
    siti, budi = two
    first = tmp_path / "jawaban-1.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["NIK", "No. KPJ", "TMT", "Status", "Keterangan"])
    book.active.append(["6171014508800001", None, None, "PENDING - menunggu verifikasi", None])
    book.active.append(["6101011203850002", None, None, "DITOLAK", "NIK tidak sesuai Dukcapil"])
    book.save(first)
    result = membership.import_answer(ws, first, SYSTEM)
    assert (result.activated, result.refused, result.pending, result.unknown) == (0, 1, 1, [])
    assert result.to_json()["pending"] == 1
    assert enrollment.get(ws, siti.id).status == "submitted"                 # waiting is not a refusal
    refused = enrollment.get(ws, budi.id)
    assert refused.lifecycle[-1]["reason"] == "NIK tidak sesuai Dukcapil"    # the remark, not the word DITOLAK
    # BPJS registers both after all: the earlier refusal does not stand in the way, and stays in the history.
    later = tmp_path / "jawaban-2.csv"
    later.write_text("NIK;No KPJ;TMT;Status\n6171014508800001;26120000011;05-12-2026;AKTIF\n"
                     "6101011203850002;26120000012;05-12-2026;AKTIF\n", encoding="utf-8")
    result = membership.import_answer(ws, later, SYSTEM)
    assert (result.activated, result.unknown) == (2, [])
    now = enrollment.get(ws, budi.id)
    assert now.status == "active" and [e["type"] for e in now.lifecycle] == ["submitted", "refused", "activated"]
