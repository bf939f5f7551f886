"""Every read at the hub stays within the asking laptop's scope at the time of the request (issue 24):
a record, an id, a NIK or a registration number outside it never comes back, by any route.

Real hub processes (SQLite and PostgreSQL), real laptop databases and credentials, scopes made and
changed with the hub's command line."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import httpx

from desktop.services import enrollment
from desktop.services.accounts import SYSTEM
from desktop.sync import client
from tests.conftest import make_raw
from tests.hub.test_scope import Laptop, hub_records
from tests.hub.test_sync import _token_and_ops, hub_cli

X = {"kabupaten_code": "6171", "kecamatan_code": "617101", "desa_code": "6171011002"}      # Pontianak Selatan
Y = {"kabupaten_code": "6101", "kecamatan_code": "610101", "desa_code": "6101012001"}      # Sambas
Z = {"kabupaten_code": "6171", "kecamatan_code": "617102", "desa_code": "6171021001"}      # Pontianak Timur


def people(first: int, count: int, place: dict) -> list[dict]:
    """``count`` distinct valid enrollments (NIKs of women born 05-08-1980) in ``place``."""
    return [make_raw(nik=f"6171014508800{n:03d}", full_name=f"Siti Warga {chr(65 + n // 26)}{chr(65 + n % 26)}",
                     **place) for n in range(first, first + count)]


def enroll(laptop: Laptop, raws: list[dict]) -> list[str]:
    ws = laptop.open()
    try:
        return [r.id for r in enrollment.enroll_many(ws, raws, SYSTEM).records]
    finally:
        ws.close()


def token(laptop: Laptop) -> str:
    ws = laptop.open()
    try:
        return client._setting(ws, "sync.token")
    finally:
        ws.close()


def get(hub, laptop, path, **params) -> httpx.Response:
    return httpx.get(hub.url + path, params=params, headers={"Authorization": f"Bearer {token(laptop)}"}, timeout=30)


def post(hub, laptop, path, body) -> httpx.Response:
    return httpx.post(hub.url + path, json=body, headers={"Authorization": f"Bearer {token(laptop)}"}, timeout=30)


def moved_to(laptop: Laptop, record_id: str, place: dict) -> None:
    laptop.edit(record_id, **place)


def test_a_record_outside_the_laptops_scope_is_not_found_even_just_after_it_moved(hub, tmp_path):
    branch = Laptop(tmp_path, hub, "kantor")
    here, there = enroll(branch, people(1, 2, X)), enroll(branch, people(3, 1, Y))
    branch.sync()
    volunteer = Laptop(tmp_path, hub, "relawan", "--area", X["kecamatan_code"], role="volunteer")
    volunteer.sync()
    assert get(hub, volunteer, f"/v1/records/{here[0]}").json()["record"]["id"] == here[0]
    missing = get(hub, volunteer, "/v1/records/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404
    for rid in there:                                   # always elsewhere
        answer = get(hub, volunteer, f"/v1/records/{rid}")
        assert (answer.status_code, answer.json()) == (404, missing.json())
    moved_to(branch, here[1], Y)                        # moved away: its new address is not this laptop's
    branch.sync()
    answer = get(hub, volunteer, f"/v1/records/{here[1]}")
    assert (answer.status_code, answer.json()) == (404, missing.json())
    assert "Sambas" not in answer.text and "610101" not in answer.text


def test_a_moved_laptop_is_told_to_remove_only_what_it_could_have_held(hub, tmp_path):
    """Before: after the move, the difference's removal list named every record of the old area, the
    ones enrolled there after the move too (and the first pull named those that had left the area
    before the laptop was registered); each could then be fetched."""
    branch = Laptop(tmp_path, hub, "kantor")
    held = enroll(branch, people(1, 5, X))
    early = enroll(branch, people(6, 1, X))[0]
    ys = enroll(branch, people(7, 2, Y))
    branch.sync()
    moved_to(branch, early, Y)                          # left X before the volunteer's laptop existed
    branch.sync()
    volunteer = Laptop(tmp_path, hub, "relawan", "--area", X["kecamatan_code"], role="volunteer")
    first = get(hub, volunteer, "/v1/changes", after=0, scope=-1).json()
    assert {c["record"]["id"] for c in first["changes"]} == set(held) and first["removed"] == []
    volunteer.sync()
    assert volunteer.ids() == set(held)

    changed = hub_cli(hub.db, "scope", volunteer.device_id, "--area", Y["kecamatan_code"], "--yes")
    assert changed.returncode == 0, changed.stderr
    after_move = enroll(branch, people(20, 28, X))      # enrolled in the old area after the move
    branch.sync()
    outsiders = set(after_move)
    fill = get(hub, volunteer, "/v1/changes", after=0, fill_from=0, limit=1000).json()
    assert set(fill["removed"]) == set(held), fill["removed"]
    assert {c["record"]["id"] for c in fill["changes"]} == {early, *ys}
    for rid in after_move:
        assert get(hub, volunteer, f"/v1/records/{rid}").status_code == 404
    # Paged one record at a time, by its own cursor: the same removals, never an outsider.
    removed, after = [], 0
    while True:
        page = get(hub, volunteer, "/v1/changes", after=after, fill_from=0, limit=1).json()
        removed += page["removed"]
        if not page["more"]:
            break
        after = page["cursor"]
    assert set(removed) == set(held) and not outsiders & set(removed)
    report = volunteer.sync()
    assert volunteer.ids() == {early, *ys} and report.removed == 5 and report.counts_match
    # A normal page after the move names none of them either.
    page = get(hub, volunteer, "/v1/changes", after=0, scope=1, own="true").json()
    assert not outsiders & set(page["removed"]) and not outsiders & {c["record"]["id"] for c in page["changes"]}


def test_review_answers_and_a_settled_resend_stay_within_the_scope(hub, tmp_path):
    branch = Laptop(tmp_path, hub, "kantor", "--review")
    (record_id,) = enroll(branch, people(1, 1, X))
    enroll(branch, people(2, 1, Z))
    branch.sync()
    a = Laptop(tmp_path, hub, "relawan-a", "--area", X["kecamatan_code"], "--review")
    a.sync()
    a.edit(record_id, phone="0812 3333 4444")          # offline
    branch.edit(record_id, phone="0812 5555 6666")
    branch.sync()
    assert a.sync().conflicts == 1
    conflict = get(hub, branch, "/v1/review").json()["conflicts"][0]
    settled = conflict["hub"] | Y                       # the branch settles it, and moves the person to Sambas
    answer = post(hub, branch, f"/v1/conflicts/{conflict['id']}/resolve",
                  {"record": settled, "revision": conflict["hub"]["revision"], "by": "Rina"})
    assert answer.status_code == 200, answer.text
    # The laptop's edit sent again (as its next sync does): before, the answer was "resolved" with the
    # settled record and its new address in Sambas.
    key, ops = _token_and_ops(a.path)
    again = httpx.post(hub.url + "/v1/push", json={"ops": ops}, headers={"Authorization": f"Bearer {key}"}).json()
    assert [r["status"] for r in again["results"]] == ["conflict"] and "record" not in again["results"][0]
    assert "610101" not in json.dumps(again)
    report = a.sync()
    assert record_id not in a.ids() and report.counts_match

    # Review items out of its scope are answered as ones that do not exist, whatever is sent.
    a_conflict = get(hub, branch, "/v1/review").json()
    assert a_conflict["conflicts"] == []
    for path, body in ((f"/v1/conflicts/{conflict['id']}/resolve", {"record": {}, "revision": 0, "by": "x"}),):
        outside, nothing = post(hub, a, path, body), post(hub, a, "/v1/conflicts/999999/resolve", body)
        assert (outside.status_code, outside.json()) == (nothing.status_code, nothing.json()) == (
            404, {"detail": "konflik ini tidak ada"})
