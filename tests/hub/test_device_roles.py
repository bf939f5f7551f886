"""Roles enforced at the hub too: each laptop is registered with the most its accounts may do, and
the hub refuses what goes beyond it, whatever the laptop sends."""

import httpx

from desktop.services import enrollment
from desktop.services.accounts import SYSTEM
from desktop.services.schools import add_school
from desktop.services.workspace import Workspace
from tests.conftest import make_raw
from tests.hub.test_review import edit, with_workspace
from tests.hub.test_sync import _token_and_ops, hub_cli, laptop, listed, run

SCHOOL, OTHER = "69800001", "69800002"


def sync_out(db):
    proc = run(db, "sync")
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()[0], proc.stderr


def hub_record(hub, worker_id):
    return next(r for r in hub.records() if r["id"] == worker_id)


def test_a_volunteer_laptop_changes_only_what_it_enrolled(sqlite_hub, tmp_path):
    hub = sqlite_hub
    a = laptop(tmp_path, "a", hub, workers=3, seed=31, role="volunteer")
    b = laptop(tmp_path, "b", hub, workers=1, seed=32, role="volunteer")
    sync_out(a), sync_out(b)
    theirs = next(iter(listed(a)))
    edit(b, theirs, phone="0812 9999 0000")          # an admin account on b could do it locally
    summary, errors = sync_out(b)
    assert "laptop relawan hanya boleh mengubah data yang didaftarkan di laptop itu" in errors
    assert hub_record(hub, theirs)["phone"] != "+6281299990000"
    edit(a, theirs, phone="0812 7777 0000")          # the laptop that enrolled it may
    assert sync_out(a)[0].startswith("pushed 1,")
    assert hub_record(hub, theirs)["phone"] == "+6281277770000"


def test_a_printer_laptop_sends_no_changes(sqlite_hub, tmp_path):
    p = laptop(tmp_path, "cetak", sqlite_hub, workers=2, seed=33, role="printer")
    summary, errors = sync_out(p)
    assert "laptop pencetak tidak mengirim perubahan data peserta" in errors
    assert sqlite_hub.records() == []


def _schools(db):
    def add(ws):
        add_school(ws, SCHOOL, "SD Negeri 12 Pontianak", "SD", "6171")
        add_school(ws, OTHER, "SD Negeri 3 Sambas", "SD", "6101")
    with_workspace(db, add)


def test_a_coordinator_laptop_works_for_its_school(sqlite_hub, tmp_path):
    hub = sqlite_hub
    v = laptop(tmp_path, "relawan", hub, role="volunteer")
    _schools(v)
    ws = Workspace(v)
    ours = enrollment.enroll(ws, make_raw(school_npsn=SCHOOL, pupil_name="Rina", pupil_class="3"), SYSTEM).id
    theirs = enrollment.enroll(ws, make_raw(nik="6171014508800002", school_npsn=OTHER, pupil_name="Dodi",
                                            pupil_class="4"), SYSTEM).id
    ws.close()
    _token, their_ops = _token_and_ops(v)               # the volunteer's versions, to forge an edit from
    sync_out(v)
    c = laptop(tmp_path, "koordinator", hub, role="coordinator", school=SCHOOL)
    _schools(c)
    sync_out(c)
    assert ours in listed(c) and theirs not in listed(c)   # its scope: its school's parents only
    school = {k: listed(c)[ours][k] for k in ("school_npsn", "pupil_name", "pupil_class")}
    edit(c, ours, phone="0812 5555 0000", **school)
    summary, errors = sync_out(c)
    assert summary.startswith("pushed 1,")
    assert hub_record(hub, ours)["phone"] == "+6281255550000"
    # An edit of another school's parent, sent anyway, is refused.
    token, _ops = _token_and_ops(c)
    forged = next(op for op in their_ops if op["record"]["id"] == theirs)
    forged = {"op_id": "forged:1", "base_revision": 1, "record": forged["record"] | {"phone": "+6281266660000"}}
    answer = httpx.post(hub.url + "/v1/push", json={"ops": [forged]}, headers={"Authorization": f"Bearer {token}"})
    # Another school's record is outside this laptop's people: answered as one the hub does not hold.
    assert answer.json()["results"][0]["errors"] == ["data ini belum ada di hub (base_revision harus 0)"]
    assert hub_record(hub, theirs)["phone"] != "+6281266660000"


def test_a_coordinator_reviews_only_its_school_and_devices_show_roles(sqlite_hub, tmp_path):
    hub = sqlite_hub
    a = laptop(tmp_path, "a", hub, role="volunteer")
    b = laptop(tmp_path, "b", hub, role="volunteer")
    for db in (a, b):                                 # the same parent enrolled twice, at the other school
        _schools(db)
        with_workspace(db, lambda ws: enrollment.enroll(
            ws, make_raw(school_npsn=OTHER, pupil_name="Dodi", pupil_class="4"), SYSTEM))
        sync_out(db)
    c = laptop(tmp_path, "koordinator", hub, role="coordinator", school=SCHOOL)
    token, _ops = _token_and_ops(c)
    headers = {"Authorization": f"Bearer {token}"}
    shown = httpx.get(hub.url + "/v1/review", headers=headers).json()
    assert shown["duplicates"] == [] and shown["open_duplicates"] == 0    # not in its scope
    office = laptop(tmp_path, "kantor", hub, review=True)
    token, _ops = _token_and_ops(office)
    pair = httpx.get(hub.url + "/v1/review", headers={"Authorization": f"Bearer {token}"}).json()["duplicates"][0]
    refused = httpx.post(f"{hub.url}/v1/duplicates/{pair['id']}/dismiss", json={"by": "rina"}, headers=headers)
    # Out of its scope: answered as a pair that does not exist (whether it does is not its to know).
    assert refused.status_code == 404 and refused.json()["detail"] == "pasangan data ganda ini tidak ada"
    listing = hub_cli(hub.db, "devices").stdout
    assert "coordinator" in listing and "volunteer" in listing
    bad = hub_cli(hub.db, "device-code", "--name", "x", "--role", "coordinator")
    assert bad.returncode == 1 and "NPSN" in bad.stderr
