"""A claim through two laptops and the hub, scoped (issue 30): a volunteer reports a death on a worker of
her village, the branch pulls it, records it submitted then paid, and the volunteer sees it paid; another
volunteer of the same village reports on a record she did not enroll; a volunteer of another area never
receives the record or its claim; and the hub judges the events with the laptops' rules (an incident dated
ahead of its report, a paid claim with no incident, a volunteer recording a payment: refused)."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import httpx
import openpyxl

from desktop.domain.actors import Actor, Role
from desktop.services import claims
from desktop.services.workspace import Workspace
from tests.hub.test_membership import write_answer
from tests.hub.test_scope import Laptop
from tests.hub.test_sync import _token_and_ops
from tests.integration.test_cli import run

VILLAGE, OTHER = "617101", "617102"          # kecamatan Pontianak Selatan / Pontianak Timur
KADER = Actor("kader", "Kader Siti", Role.VOLUNTEER)
CLERK = Actor("petugas", "Petugas Cabang", Role.ADMIN)


def ok(proc):
    assert proc.returncode == 0, proc.stderr
    return proc


def opened(laptop, day):
    return Workspace(laptop.path, today=dt.date.fromisoformat(day))


def activate(branch, tmp_path):
    """The branch submits what it holds, reads BPJS's answer (active from 1 January 2026) and records 12
    months paid, on the command line."""
    env = {"LINDUNG_TODAY": "2025-12-20"}
    out = tmp_path / "ajuan.xlsx"
    ok(run(branch.path, "bpjs", "export", str(out), "--months", "12", env=env))
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    niks = [dict(zip(header, (c.value for c in row)))["NIK"] for row in sheet.iter_rows(min_row=2)]
    write_answer(tmp_path / "jawaban.xlsx", [(i + 1, nik, "", f"2612000{i:04d}", dt.date(2026, 1, 1), "OK")
                                             for i, nik in enumerate(niks)])
    ok(run(branch.path, "bpjs", "import", str(tmp_path / "jawaban.xlsx"), env=env))
    regnos = [r["registration_no"] for r in json.loads(ok(run(branch.path, "list", "--json", env=env)).stdout)]
    ok(run(branch.path, "payment", "add", "--records", ",".join(regnos), "--months", "12", env=env))


def claims_on(laptop, day):
    ws = opened(laptop, day)
    try:
        return {v.claim: v for v in claims.claims(ws, CLERK)}
    finally:
        ws.close()


def test_a_death_reported_in_the_village_is_paid_through_the_branch_and_stays_in_scope(hub, tmp_path):
    village = Laptop(tmp_path, hub, "relawan-a", "--area", VILLAGE, role="volunteer")
    neighbour = Laptop(tmp_path, hub, "relawan-d", "--area", VILLAGE, role="volunteer")
    elsewhere = Laptop(tmp_path, hub, "relawan-c", "--area", OTHER, role="volunteer")
    branch = Laptop(tmp_path, hub, "cabang", role="admin")
    worker = village.enroll(kecamatan_code=VILLAGE, desa_code=VILLAGE + "1002")
    second = village.enroll(nik="6171014508800002", kecamatan_code=VILLAGE, desa_code=VILLAGE + "1002")
    elsewhere.enroll(nik="6171024508800003", kecamatan_code=OTHER, desa_code=OTHER + "1001")
    for laptop in (village, elsewhere, branch):
        laptop.sync()
    activate(branch, tmp_path)
    branch.sync()
    village.sync(), neighbour.sync(), elsewhere.sync()

    # the volunteer who enrolled him reports the death on the day after
    ws = opened(village, "2026-04-02")
    try:
        reported = claims.report(ws, KADER, worker.registration_no, "death", dt.date(2026, 4, 1),
                                 place="Desa Sungai Ambawang", what="sakit di rumah")
    finally:
        ws.close()
    assert (reported.judgement.benefit, reported.judgement.amount) == ("JKM", 42_000_000)
    claim = reported.claim
    assert village.sync().pushed == 1
    # a neighbour volunteer, holding the village's records, reports an accident of the other worker
    neighbour.sync()
    ws = opened(neighbour, "2026-04-05")
    try:
        accident = claims.report(ws, KADER, second.registration_no, "accident", dt.date(2026, 4, 4), at_work=True,
                                 place="kebun karet", what="jatuh dari pohon")
    finally:
        ws.close()
    assert neighbour.sync().pushed == 1

    # the branch pulls both, records the death's claim submitted, then paid
    branch.sync()
    on_branch = claims_on(branch, "2026-04-10")
    assert set(on_branch) == {claim, accident.claim} and on_branch[claim].state.state == "reported"
    for day, state, extra in (("2026-04-10", "submitted", {}),
                              ("2026-04-14", "paid", {"amount": 42_000_000, "paid_on": dt.date(2026, 4, 14)})):
        ws = opened(branch, day)
        try:
            claims.update(ws, CLERK, claim, state, **extra)
        finally:
            ws.close()
    assert branch.sync().pushed == 1

    # the volunteer sees it paid, and the record deceased
    village.sync()
    seen = claims_on(village, "2026-04-15")[claim]
    assert (seen.state.state, seen.state.amount, seen.state.paid_on) == ("paid", 42_000_000, dt.date(2026, 4, 14))
    held = {r["id"]: r for r in hub.records()}
    assert held[worker.id]["status"] == "deceased" and held[worker.id]["coverage_end"] == "2026-04-30"

    # the other area's volunteer never receives the record, nor its claim
    elsewhere.sync()
    assert worker.id not in elsewhere.ids() and claims_on(elsewhere, "2026-04-15") == {}


def test_the_hub_judges_incidents_and_claims_with_the_laptops_rules(hub, tmp_path):
    volunteer = Laptop(tmp_path, hub, "relawan", "--area", VILLAGE, role="volunteer")
    worker = volunteer.enroll(kecamatan_code=VILLAGE, desa_code=VILLAGE + "1002")
    volunteer.sync()
    token, ops = _token_and_ops(volunteer.path)
    assert ops == []
    from desktop.services import enrollment

    ws = Workspace(volunteer.path)
    try:
        record = enrollment.get(ws, worker.id).to_json()
    finally:
        ws.close()
    base = {k: v for k, v in record.items() if k not in ("school_name", "id_int")}
    claim = uuid.uuid4().hex
    today = dt.date.today()
    future = (today + dt.timedelta(days=20)).isoformat()
    incident = {"type": "incident", "at": f"{today.isoformat()}T08:00:00Z", "by": "kader", "claim": claim,
                "kind": "accident", "day": future, "at_work": True, "place": "", "what": "", "reported_by": "kader"}
    paid = {"type": "claim", "at": f"{today.isoformat()}T08:00:00Z", "by": "kader", "claim": claim,
            "state": "paid", "amount": 1_000_000, "date": today.isoformat()}
    sound = dict(incident, day=today.isoformat())
    forged = [dict(base, lifecycle=[incident]),                         # dated ahead of its report
              dict(base, lifecycle=[paid]),                             # paid, with no incident
              dict(base, lifecycle=[sound, paid])]                      # a volunteer recording a payment
    answer = httpx.post(hub.url + "/v1/push", headers={"Authorization": f"Bearer {token}"},
                        json={"ops": [{"op_id": f"forged:{n}", "base_revision": record["revision"], "record": r}
                                      for n, r in enumerate(forged)]}).json()
    results = answer["results"]
    assert [r["status"] for r in results] == ["rejected"] * 3, results
    assert "tanggal kejadian tidak sah atau belum lewat" in " ".join(results[0]["errors"])
    assert "tanpa laporan kejadian" in " ".join(results[1]["errors"])
    assert "hanya laptop cabang" in " ".join(results[2]["errors"])
    # the sound incident alone is accepted from the volunteer
    answer = httpx.post(hub.url + "/v1/push", headers={"Authorization": f"Bearer {token}"},
                        json={"ops": [{"op_id": "sound", "base_revision": record["revision"],
                                       "record": dict(base, lifecycle=[sound])}]}).json()
    assert [r["status"] for r in answer["results"]] == ["accepted"], answer
