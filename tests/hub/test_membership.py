"""From enrolled to protected, end to end on real files: a volunteer enrolls, the branch submits a batch to
BPJS, reads BPJS's answer (an openpyxl workbook as the branch receives it), records BAZNAS's payment, the
volunteer's laptop gets the status and KPJ numbers through the real hub, a card carries the KPJ in print
and in its QR code, coverage is renewed and runs out on injected dates; and the hub refuses these
changes from a volunteer's laptop."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import openpyxl
import pypdfium2 as pdfium
import zxingcpp

from tests.hub.test_sync import _token_and_ops, laptop, listed, run, sync
from tests.integration.test_cli import errors


def ok(proc):
    assert proc.returncode == 0, proc.stderr
    return proc


def as_json(proc):
    return json.loads(ok(proc).stdout)


def write_answer(path, rows, headers=("No", "NIK", "Nama Peserta", "No. KPJ", "TMT Kepesertaan", "Keterangan")):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DAFTAR HASIL REGISTRASI PESERTA BPU KOLEKTIF"])   # a title row above the header
    sheet.append([])
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    sheet.append([])
    sheet.append(["", "Pontianak, 10 Desember 2026"])                  # a footer line, no NIK
    book.save(path)


def test_a_batch_goes_to_bpjs_comes_back_is_paid_synced_printed_renewed_and_ends(hub, tmp_path):
    volunteer = laptop(tmp_path, "relawan", hub, workers=30, seed=71, role="volunteer")
    branch = laptop(tmp_path, "cabang", hub, role="admin")
    assert sync(volunteer).startswith("pushed 30,")
    assert sync(branch).startswith("pushed 0, pulled 30,")

    # --- the submission spreadsheet ------------------------------------------------------------
    out = tmp_path / "ajuan.xlsx"
    batch = as_json(run(branch, "bpjs", "export", str(out), "--months", "12", "--json"))
    assert batch["records"] == 30 and batch["batch"].startswith("AJ-")
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["No", "NIK", "Nama Lengkap", "Tempat Lahir"]
    for needed in ("Kode Desa/Kelurahan", "Jenis Pekerjaan", "Penghasilan per Bulan", "Program",
                   "Jumlah Bulan Dibayar", "Pihak Pembayar", "Nama Ahli Waris", "Hubungan Ahli Waris"):
        assert needed in header
    data = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    assert len(data) == 30
    assert all(isinstance(r["NIK"], str) and len(r["NIK"]) == 16 for r in data)     # text, never a number
    assert {r["Program"] for r in data} == {"JKK, JKM"} and {r["Pihak Pembayar"] for r in data} == {"BAZNAS"}
    assert {r["Jumlah Bulan Dibayar"] for r in data} == {12}
    # Cards go out before BPJS answers: Lindung's own number on them.
    assert "30 kartu ditulis" in ok(run(branch, "cards", str(tmp_path / "awal.pdf"))).stdout
    again = run(branch, "bpjs", "export", str(tmp_path / "lagi.xlsx"))
    assert again.returncode == 1 and "Tidak ada peserta yang siap diajukan" in errors(again)

    # --- BPJS's answer -----------------------------------------------------------------------------
    niks = [r["NIK"] for r in data]
    rows = []
    for i, nik in enumerate(niks[:26]):
        kpj = f"2612{i:07d}"
        rows.append((i + 1, nik, "", kpj if i % 2 else int(kpj), dt.date(2026, 12, 5), "OK"))
    rows[25] = (26, niks[25], "", "26120000003", dt.date(2026, 12, 5), "")    # a KPJ already given above
    for j, nik in enumerate(niks[26:29]):
        rows.append((27 + j, nik, "", None, None, "NIK tidak terdaftar di Dukcapil"))
    rows.append((30, "6171019999990001", "", "26129999999", "05-12-2026", ""))    # never submitted
    answer = tmp_path / "jawaban.xlsx"
    write_answer(answer, rows)
    result = as_json(run(branch, "bpjs", "import", str(answer), "--json"))
    assert (result["activated"], result["refused"], result["unchanged"]) == (25, 3, 0)
    reasons = {u["row"]: u["reason"] for u in result["unknown"]}
    assert set(reasons) == {29, 33}       # rows 29 and 33 of the sheet (header on row 3)
    assert "sudah dipakai peserta lain" in reasons[29] and "NIK tidak ada" in reasons[33]
    again = as_json(run(branch, "bpjs", "import", str(answer), "--json"))
    assert {key: again[key] for key in ("activated", "refused", "unchanged", "pending", "unknown", "answer")} == {
        "activated": 0, "refused": 0, "unchanged": 28, "pending": 0, "unknown": result["unknown"], "answer": None}

    # --- BAZNAS pays the batch -------------------------------------------------------------------
    paid = as_json(run(branch, "payment", "add", "--batch", batch["batch"], "--months", "12",
                       "--reference", "TRF-BAZNAS-0912", "--amount", "5.000.000", "--json"))
    assert paid["records"] == 27 and paid["skipped"] == {"refused": 3}          # 25 active + 1 still submitted
    assert paid["owed"] > 0 and paid["difference"] == 5_000_000 - paid["owed"]
    on_branch = listed(branch)
    active = [r for r in on_branch.values() if r["status"] == "active"]
    assert len(active) == 25
    first = min(active, key=lambda r: r["kpj_number"])
    assert first["coverage_start"] == "2026-12-05" and first["coverage_end"] == "2027-12-04"
    refused = [r for r in on_branch.values() if r["status"] == "refused"]
    assert len(refused) == 3

    # --- through the hub to the volunteer's laptop -------------------------------------------------
    assert sync(branch).startswith("pushed 30,")
    assert sync(volunteer).startswith("pushed 0, pulled 30,")
    on_volunteer = listed(volunteer)
    assert {r["id"]: (r["status"], r["kpj_number"], r["coverage_end"]) for r in on_volunteer.values()} == \
        {r["id"]: (r["status"], r["kpj_number"], r["coverage_end"]) for r in on_branch.values()}
    shown = ok(run(volunteer, "show", first["registration_no"])).stdout
    assert "riwayat kepesertaan:" in shown and f"aktif: KPJ {first['kpj_number']} sejak 05-12-2026" in shown

    # A fixed refusal is ready again, and goes in the next batch.
    fixed = refused[0]
    ok(run(volunteer, "edit", fixed["registration_no"], "-", stdin=json.dumps({"phone": "0813 5555 1212"})))
    assert sync(volunteer).startswith("pushed 1,")
    sync(branch)
    second = as_json(run(branch, "bpjs", "export", str(tmp_path / "ajuan-2.xlsx"), "--json"))
    assert second["records"] == 1

    # --- the card carries the KPJ, in print and in its QR code -------------------------------------
    pdf_path = tmp_path / "kartu.pdf"
    reprint = ok(run(branch, "cards", str(pdf_path), "--layout", "card", "--new-kpj", "--query",
                     first["registration_no"])).stdout
    assert "1 kartu ditulis" in reprint and "(1 cetak ulang)" in reprint
    rest = ok(run(branch, "cards", str(tmp_path / "kpj.pdf"), "--new-kpj")).stdout
    assert "24 kartu ditulis" in rest                          # the other active ones, once
    none_left = run(branch, "cards", str(tmp_path / "lagi.pdf"), "--new-kpj")
    assert none_left.returncode != 0 and "Tidak ada peserta yang cocok" in none_left.stderr
    audit = json.loads(ok(run(branch, "audit", "--action", "print", "--json")).stdout)
    assert any(e["details"].get("reprint_reason") == "nomor KPJ terbit" for e in audit)
    pdf = pdfium.PdfDocument(str(pdf_path))
    page_text = pdf[0].get_textpage().get_text_range()
    assert first["kpj_number"] in page_text and first["registration_no"] in page_text
    image = pdf[0].render(scale=600 / 72).to_pil()
    codes = [c.text for c in zxingcpp.read_barcodes(image)]
    assert len(codes) == 1 and codes[0].startswith("LDG2|") and f"|{first['kpj_number']}|" in codes[0]
    verified = ok(run(branch, "verify-card", codes[0])).stdout
    assert f"KPJ {first['kpj_number']}" in verified and "04-12-2027" in verified

    # --- coverage ends soon, is renewed, and runs out where it is not --------------------------------
    soon = {"LINDUNG_TODAY": "2027-11-20"}
    expiring = as_json(run(branch, "list", "--json", "--expiring", "30", env=soon))
    assert len(expiring) == 25
    school_ids = sorted(r["registration_no"] for r in expiring)[:5]
    renewed = as_json(run(branch, "payment", "add", "--records", ",".join(school_ids), "--months", "6", "--json",
                          env=soon))
    assert renewed["records"] == 5
    after = listed(branch)
    assert {after[r["id"]]["coverage_end"] for r in expiring if r["registration_no"] in school_ids} == {"2028-06-04"}
    late = {"LINDUNG_TODAY": "2027-12-10"}
    ended = as_json(run(branch, "list", "--json", "--status", "ended", env=late))
    assert len(ended) == 20
    renewal = as_json(run(branch, "renew", "--expiring", "0", "--months", "12", "--json", env=late))
    assert renewal["records"] == 20
    back = listed(branch)
    restarted = back[ended[0]["id"]]
    assert restarted["coverage_end"] == "2028-12-09"          # paid again from the day it was renewed
    assert as_json(run(branch, "list", "--json", "--status", "ended", env=late)) == []


def test_the_hub_takes_membership_changes_only_from_the_branch(sqlite_hub, tmp_path):
    hub = sqlite_hub
    volunteer = laptop(tmp_path, "relawan", hub, workers=3, seed=72, role="volunteer")
    # Its own (unaccounted) laptop lets anyone act as admin locally; the hub knows it is a volunteer's.
    out = tmp_path / "ajuan.xlsx"
    ok(run(volunteer, "bpjs", "export", str(out)))
    proc = run(volunteer, "sync")
    assert proc.returncode == 0, proc.stderr
    assert "hanya laptop cabang yang boleh mengubah status kepesertaan" in proc.stderr
    assert {r["status"] for r in hub.records()} == set()

    branch = laptop(tmp_path, "cabang", hub, workers=2, seed=73, role="admin")
    ok(run(branch, "bpjs", "export", str(tmp_path / "cabang.xlsx")))
    assert sync(branch).startswith("pushed 2,")
    assert {r["status"] for r in hub.records()} == {"submitted"}
    # Forged: a status or KPJ without the events it would follow from is refused even from the branch.
    edit_ops = []
    extra = laptop(tmp_path, "cabang2", hub, workers=1, seed=74, role="admin")
    token, ops = _token_and_ops(extra)
    record = ops[0]["record"]
    for n, forged in enumerate((dict(record, status="active", kpj_number="26120000001"),
                                dict(record, lifecycle=[{"type": "activated", "at": "2026-12-01T00:00:00Z", "by": "x",
                                                         "kpj": "123", "start": "2026-12-01"}]))):
        edit_ops.append({"op_id": f"forged:{n}", "base_revision": 0, "record": forged})
    answer = httpx.post(hub.url + "/v1/push", headers={"Authorization": f"Bearer {token}"},
                        json={"ops": edit_ops}).json()
    assert [r["status"] for r in answer["results"]] == ["rejected", "rejected"]
    assert "tidak sesuai dengan peristiwa kepesertaan" in " ".join(answer["results"][0]["errors"])
    assert "KPJ (11 digit)" in " ".join(answer["results"][1]["errors"])


def test_a_record_open_at_the_hubs_review_waits_before_going_to_bpjs(sqlite_hub, tmp_path):
    hub = sqlite_hub
    volunteer = laptop(tmp_path, "relawan", hub, workers=3, seed=75, role="volunteer")
    branch = laptop(tmp_path, "cabang", hub, role="admin", review=True)
    sync(volunteer), sync(branch)
    target = sorted(listed(branch).values(), key=lambda r: r["registration_no"])[0]["registration_no"]
    ok(run(volunteer, "edit", target, "-", stdin=json.dumps({"phone": "0813 1111 0001"})))
    ok(run(branch, "edit", target, "-", stdin=json.dumps({"phone": "0813 2222 0002"})))
    sync(volunteer)
    assert ", conflicts 1," in sync(branch)                   # the branch's edit met the volunteer's
    result = as_json(run(branch, "bpjs", "export", str(tmp_path / "ajuan.xlsx"), "--json"))
    assert result["records"] == 2                             # the one in conflict waits for the review
    rows = list(openpyxl.load_workbook(tmp_path / "ajuan.xlsx").active.iter_rows(values_only=True))
    column = rows[0].index("No. Registrasi Lindung")
    assert target not in [row[column] for row in rows[1:]]
