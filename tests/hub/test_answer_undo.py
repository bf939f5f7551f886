"""A BPJS answer undone on the branch's laptop goes through the real hub (SQLite and PostgreSQL) to every
laptop: the hub's one gate admits the undo (appended, from the branch, what follows from it matching), the
KPJ numbers it took back are free again at the hub for the right answer pushed in the same sync; and an
undo forged on a volunteer's laptop is refused."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import openpyxl
import pytest

from tests.hub.test_audit import hub_audit
from tests.hub.test_membership import as_json, ok, write_answer
from tests.hub.test_sync import _token_and_ops, laptop, listed, run, sync


def _submitted(tmp_path, branch):
    out = tmp_path / "ajuan.xlsx"
    ok(run(branch, "bpjs", "export", str(out)))
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    return [row[rows[0].index("NIK")] for row in rows[1:]]


def test_an_undo_reaches_the_hub_and_the_other_laptop_and_frees_the_kpj_numbers(hub, tmp_path):
    volunteer = laptop(tmp_path, "relawan", hub, workers=3, seed=81, role="volunteer")
    branch = laptop(tmp_path, "cabang", hub, role="admin")
    sync(volunteer), sync(branch)
    niks = _submitted(tmp_path, branch)
    kpjs = [f"2612000002{i}" for i in range(3)]
    # The wrong file: a month read as the day, the third's KPJ given to the second, the third refused.
    wrong = tmp_path / "jawaban-salah.xlsx"
    write_answer(wrong, [(1, niks[0], "", kpjs[0], dt.date(2027, 1, 12), "OK"),
                         (2, niks[1], "", kpjs[2], dt.date(2027, 1, 12), "OK"),
                         (3, niks[2], "", None, None, "NIK tidak ditemukan")])
    applied = as_json(run(branch, "bpjs", "import", str(wrong), "--json"))
    assert (applied["activated"], applied["refused"]) == (2, 1)
    assert sync(branch).startswith("pushed 3,")
    sync(volunteer)
    assert sorted(r["kpj_number"] or "" for r in listed(volunteer).values()) == ["", kpjs[0], kpjs[2]]

    undone = as_json(run(branch, "bpjs", "undo", applied["answer"], "--json"))
    assert (undone["records"], undone["by_status"]) == (3, {"submitted": 3})
    assert sync(branch) == "pushed 3, pulled 0, conflicts 0, duplicates 0"
    assert {(r["status"], r["kpj_number"], r["coverage_start"]) for r in hub.records()} == {("submitted", None, None)}
    [logged] = [e for e in hub_audit(hub) if e["action"] == "answer_undo"]      # the log reached the hub too
    assert logged["details"]["answer"] == applied["answer"] and logged["details"]["records"] == 3
    assert sync(volunteer).startswith("pushed 0, pulled 3,")
    assert {(r["status"], r["kpj_number"]) for r in listed(volunteer).values()} == {("submitted", None)}

    # The right answer: the KPJ the undo took from the second is free at the hub for the third.
    right = tmp_path / "jawaban-benar.xlsx"
    write_answer(right, [(i + 1, nik, "", kpjs[i], dt.date(2026, 12, 1), "OK") for i, nik in enumerate(niks)])
    assert as_json(run(branch, "bpjs", "import", str(right), "--json"))["activated"] == 3
    pushed = ok(run(branch, "sync"))
    assert pushed.stdout.startswith("pushed 3, pulled 0, conflicts 0,") and "ditolak" not in pushed.stderr
    by_nik = {r["nik"]: r for r in hub.records()}
    assert [(by_nik[nik]["status"], by_nik[nik]["kpj_number"], by_nik[nik]["coverage_start"]) for nik in niks] == \
        [("active", kpjs[i], "2026-12-01") for i in range(3)]
    assert [e["type"] for e in by_nik[niks[0]]["lifecycle"]] == ["submitted", "activated", "answer_undone", "activated"]
    assert sync(volunteer).startswith("pushed 0, pulled 3,")
    on_volunteer = {r["nik"]: r for r in listed(volunteer).values()}
    assert [(on_volunteer[nik]["status"], on_volunteer[nik]["kpj_number"]) for nik in niks] == \
        [("active", kpjs[i]) for i in range(3)]
    shown = ok(run(volunteer, "show", on_volunteer[niks[0]]["registration_no"])).stdout
    assert "diurungkan" in shown and f"aktif: KPJ {kpjs[0]} sejak 01-12-2026" in shown


def test_kpj_numbers_swapped_by_a_wrong_answer_are_put_right_in_one_sync(hub, tmp_path):
    branch = laptop(tmp_path, "cabang", hub, workers=2, seed=83, role="admin")
    niks = _submitted(tmp_path, branch)
    kpjs = ["26120000041", "26120000042"]
    wrong = tmp_path / "jawaban-salah.xlsx"
    write_answer(wrong, [(1, niks[0], "", kpjs[1], dt.date(2026, 12, 1), "OK"),
                         (2, niks[1], "", kpjs[0], dt.date(2026, 12, 1), "OK")])
    applied = as_json(run(branch, "bpjs", "import", str(wrong), "--json"))
    sync(branch)
    as_json(run(branch, "bpjs", "undo", applied["answer"], "--json"))
    right = tmp_path / "jawaban-benar.xlsx"
    write_answer(right, [(i + 1, nik, "", kpjs[i], dt.date(2026, 12, 1), "OK") for i, nik in enumerate(niks)])
    as_json(run(branch, "bpjs", "import", str(right), "--json"))
    pushed = ok(run(branch, "sync"))
    assert "ditolak" not in pushed.stderr, pushed.stderr
    by_nik = {r["nik"]: r["kpj_number"] for r in hub.records()}
    assert [by_nik[nik] for nik in niks] == kpjs


def test_an_undo_forged_on_a_volunteers_laptop_is_refused_by_the_hub(sqlite_hub, tmp_path):
    hub = sqlite_hub
    volunteer = laptop(tmp_path, "relawan", hub, workers=2, seed=82, role="volunteer")
    branch = laptop(tmp_path, "cabang", hub, role="admin")
    sync(volunteer), sync(branch)
    niks = _submitted(tmp_path, branch)
    answer = tmp_path / "jawaban.xlsx"
    write_answer(answer, [(i + 1, nik, "", f"2612000003{i}", dt.date(2026, 12, 1), "OK") for i, nik in enumerate(niks)])
    applied = as_json(run(branch, "bpjs", "import", str(answer), "--json"))
    sync(branch), sync(volunteer)
    token, ops = _token_and_ops(volunteer)
    assert ops == []                                     # nothing of its own to send: the forgery is by hand
    record = next(r for r in hub.records() if r["nik"] == niks[0])
    undo = {"type": "answer_undone", "at": "2026-12-02T08:00:00Z", "by": "relawan", "answer": applied["answer"],
            "file": "jawaban.xlsx"}
    forged = dict(record, lifecycle=record["lifecycle"] + [undo], status="submitted", kpj_number=None,
                  coverage_start=None, coverage_end=None)
    forged.pop("revision", None)
    reply = httpx.post(hub.url + "/v1/push", headers={"Authorization": f"Bearer {token}"},
                       json={"ops": [{"op_id": "forged-undo", "base_revision": record["revision"], "record": forged}]})
    result = reply.json()["results"][0]
    assert result["status"] == "rejected", result
    assert "hanya laptop cabang" in " ".join(result["errors"])
    after = next(r for r in hub.records() if r["nik"] == niks[0])
    assert (after["status"], after["kpj_number"]) == ("active", "26120000030")
    # The branch's own undo of an answer no event of the record carries is refused by the hub's checks too.
    token, _ops = _token_and_ops(branch)
    stray = dict(undo, answer="f" * 32, by="admin")
    reply = httpx.post(hub.url + "/v1/push", headers={"Authorization": f"Bearer {token}"},
                       json={"ops": [{"op_id": "stray-undo", "base_revision": record["revision"],
                                      "record": dict(record, lifecycle=record["lifecycle"] + [stray])}]})
    result = reply.json()["results"][0]
    assert result["status"] == "rejected" and "tidak ada pada data ini" in json.dumps(result, ensure_ascii=False)
