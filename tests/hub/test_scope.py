"""Each laptop holds only its scope (issue 17): what arrives, what leaves, what stays global.

Real hub processes on loopback (SQLite and PostgreSQL), real laptop databases; the laptops sync in this
process (``desktop.sync.client.sync``) or with the ``lindung sync`` command where its output matters.
"""

from __future__ import annotations

import json

import httpx
import pytest

from desktop.services import enrollment
from desktop.services.accounts import SYSTEM
from desktop.services.workspace import Workspace
from desktop.sync import client
from tests.conftest import make_raw
from tests.hub.test_sync import hub_cli, run
from tests import ormdb

EDITABLE = ("nik", "full_name", "birth_place", "birth_date", "sex", "address", "kabupaten_code", "kecamatan_code",
            "desa_code", "phone", "occupation", "occupation_other", "monthly_income", "heir_name",
            "heir_relationship", "heir_phone", "school_npsn", "pupil_name", "pupil_class", "programme",
            "funding_source", "status")


def code(hub, name, *options, role="admin"):
    proc = hub_cli(hub.db, "device-code", "--name", name, "--role", role, *options)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip().splitlines()[-1]


class Laptop:
    """A laptop database registered at the hub with a scope (``options`` as ``lindung-hub device-code``)."""

    def __init__(self, tmp_path, hub, name, *options, role="admin", demo=0, seed=0):
        from desktop.services.demo import add_demo_workers

        self.path = tmp_path / f"{name}.sqlite3"
        ws = Workspace(self.path)
        try:
            if demo:
                add_demo_workers(ws, demo, SYSTEM, seed=seed)
            client.register(ws, hub.url, code(hub, name, *options, role=role))
            self.device_id = ws.device.id
        finally:
            ws.close()

    def open(self) -> Workspace:
        return Workspace(self.path)

    def sync(self, **kwargs) -> client.SyncReport:
        ws = self.open()
        try:
            return client.sync(ws, **kwargs)
        finally:
            ws.close()

    def ids(self) -> set[str]:
        ws = self.open()
        try:
            from sqlalchemy import select

            from desktop.storage.models import Worker

            with ormdb.session(ws) as session:
                return set(session.scalars(select(Worker.uuid)))
        finally:
            ws.close()

    def edit(self, worker_id, **changes):
        ws = self.open()
        try:
            current = enrollment.get(ws, worker_id).to_json()
            raw = {k: current[k] for k in EDITABLE if current.get(k) is not None} | changes
            return enrollment.update_worker(ws, worker_id, raw, SYSTEM)
        finally:
            ws.close()

    def enroll(self, **overrides):
        ws = self.open()
        try:
            return enrollment.enroll(ws, make_raw(**overrides), SYSTEM)
        finally:
            ws.close()


def hub_records(hub) -> dict[str, dict]:
    return {r["id"]: r for r in hub.records()}


def in_area(record, codes):
    return record["kecamatan_code"] in codes or record["desa_code"] in codes


def test_each_kind_of_scope_gets_its_records_and_counts_match(hub, tmp_path):
    branch = Laptop(tmp_path, hub, "kantor", demo=90, seed=17)
    branch.sync()
    records = list(hub_records(hub).values())
    # An area of one kecamatan and one desa of another, neither where the volunteer's own enrollment is.
    kecamatan = next(r["kecamatan_code"] for r in records if r["kecamatan_code"] != "617101")
    desa = next(r["desa_code"] for r in records if r["desa_code"][:6] not in (kecamatan, "617101"))
    kabupaten = sorted({r["kabupaten_code"] for r in records})[:2]
    school = next(r["school_npsn"] for r in records if r.get("school_npsn"))

    volunteer = Laptop(tmp_path, hub, "relawan", "--area", f"{kecamatan[:2]}.{kecamatan[2:4]}.{kecamatan[4:]},{desa}",
                       role="volunteer")
    own = volunteer.enroll().id        # in Pontianak Selatan, outside its area
    printer = Laptop(tmp_path, hub, "cetak", "--kabupaten", ",".join(kabupaten), role="printer")
    coordinator = Laptop(tmp_path, hub, "sekolah", "--school", school, role="coordinator")
    everything = Laptop(tmp_path, hub, "provinsi")
    assert volunteer.sync().pushed == 1
    held = hub_records(hub)
    assert len(held) == 91

    wanted = {
        volunteer: {i for i, r in held.items() if in_area(r, {kecamatan, desa})} | {own},
        printer: {i for i, r in held.items() if r["kabupaten_code"] in kabupaten},
        coordinator: {i for i, r in held.items() if r.get("school_npsn") == school},
        everything: set(held),
    }
    for laptop, expected in wanted.items():
        report = laptop.sync()
        assert report.counts_match and not report.full_resync, report
        assert laptop.ids() == expected
        assert report.hub_records == len(expected)
        assert len(expected) > 1 and (laptop is everything or len(expected) < 60)
    listing = hub_cli(hub.db, "devices").stdout
    assert f"wilayah {','.join(sorted((kecamatan, desa)))}" in listing
    assert "kabupaten/kota " + ",".join(kabupaten) in listing and f"sekolah {school}" in listing
    assert "cakupan semua" in listing
    # Idle: nothing comes, nothing leaves, counts still match.
    again = volunteer.sync()
    assert (again.pulled, again.removed, again.counts_match, again.full_resync) == (0, 0, True, False)


def fts_rowids(laptop, name) -> list[int]:
    """The search index's own answer for a name (not the records table's)."""
    from sqlalchemy import text

    ws = laptop.open()
    try:
        with ormdb.session(ws) as session:
            return list(session.scalars(text("SELECT rowid FROM workers_fts WHERE workers_fts MATCH :q"),
                                        {"q": '"' + name.split()[0] + '"'}))
    finally:
        ws.close()


def moved(record, to):
    """``record``'s fields with the region of record ``to``."""
    return {k: to[k] for k in ("kabupaten_code", "kecamatan_code", "desa_code")}


def review(hub, laptop) -> dict:
    ws = laptop.open()
    try:
        token = client._setting(ws, "sync.token")
    finally:
        ws.close()
    answer = httpx.get(hub.url + "/v1/review", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_a_record_moving_to_another_volunteers_area_leaves_after_its_unsent_edit_is_pushed(hub, tmp_path):
    from desktop.services.drafts import load_draft, save_draft

    branch = Laptop(tmp_path, hub, "kantor", "--review", demo=40, seed=23)
    branch.sync()
    records = list(hub_records(hub).values())
    there = records[0]
    other = next(r for r in records if r["kecamatan_code"] != there["kecamatan_code"])
    x, y = there["kecamatan_code"], other["kecamatan_code"]
    # Two laptops with the areas of two volunteers (rights to edit, so the first can edit offline).
    a = Laptop(tmp_path, hub, "relawan-a", "--area", x)
    b = Laptop(tmp_path, hub, "relawan-b", "--area", y, "--review")
    a.sync(), b.sync()
    assert there["id"] in a.ids() and there["id"] not in b.ids()
    assert fts_rowids(a, there["full_name"])

    a.edit(there["id"], phone="0812 3333 4444")           # offline: not sent yet
    ws = a.open()
    save_draft(ws, "admin", there["id"], {"phone": "0812 3333 5555"})   # and a half-typed edit
    ws.close()
    branch.edit(there["id"], **moved(there, other))       # meanwhile the branch moves the person to y
    assert branch.sync().pushed == 1

    report = a.sync()
    assert (report.conflicts, report.removed) == (1, 1), report   # pushed first (a conflict), then removed
    assert report.counts_match and not report.full_resync
    assert there["id"] not in a.ids()
    assert not [r for r in fts_rowids(a, there["full_name"]) if r not in _rowids(a)]
    ws = a.open()
    assert load_draft(ws, "admin", there["id"]) is None
    ws.close()
    assert b.sync().pulled >= 1 and there["id"] in b.ids()
    conflicts = review(hub, b)["conflicts"]          # b's scope holds it now: b settles a's edit
    assert [c["incoming"]["phone"] for c in conflicts if c["record_id"] == there["id"]] == ["+6281233334444"]


def _rowids(laptop) -> set[int]:
    from sqlalchemy import select

    from desktop.storage.models import Worker

    ws = laptop.open()
    try:
        with ormdb.session(ws) as session:
            return set(session.scalars(select(Worker.id)))
    finally:
        ws.close()


def test_a_refused_change_keeps_a_leaving_record_until_it_is_given_up(sqlite_hub, tmp_path):
    hub = sqlite_hub
    branch = Laptop(tmp_path, hub, "kantor", demo=30, seed=29)
    branch.sync()
    records = list(hub_records(hub).values())
    there = records[0]
    other = next(r for r in records if r["kecamatan_code"] != there["kecamatan_code"])
    volunteer = Laptop(tmp_path, hub, "relawan", "--area", there["kecamatan_code"], role="volunteer")
    volunteer.sync()
    volunteer.edit(there["id"], phone="0812 3333 4444")    # not its enrollment: the hub will refuse it
    branch.edit(there["id"], **moved(there, other))
    branch.sync()
    report = volunteer.sync()
    assert report.rejected and report.removed == 0
    assert there["id"] in volunteer.ids()                  # its change is neither at the hub nor lost
    assert report.counts_match and not report.full_resync  # waiting to leave, not counted
    proc = run(volunteer.path, "sync", "--drop", there["registration_no"])
    assert proc.returncode == 0, proc.stderr
    report = volunteer.sync()
    assert report.removed == 1 and there["id"] not in volunteer.ids() and report.counts_match


SAMBAS = {"kabupaten_code": "6101", "kecamatan_code": "610101", "desa_code": "6101012001"}


def test_duplicate_detection_stays_global_and_says_only_that_the_nik_is_enrolled_elsewhere(hub, tmp_path):
    from desktop.services.accounts import Actor, Role
    from desktop.sync import review as reviewing

    a = Laptop(tmp_path, hub, "relawan-pontianak", "--area", "617101", role="volunteer")
    b = Laptop(tmp_path, hub, "relawan-sambas", "--area", "610101", role="volunteer")
    first = a.enroll(full_name="Siti Aminah")
    a.sync()
    second = b.enroll(full_name="Siti Aminah Binti Yusuf", **SAMBAS)          # the same NIK, in Sambas
    proc = run(b.path, "sync")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("pushed 1, pulled 0, conflicts 0, duplicates 1")
    assert f"{second.registration_no}: NIK ini sudah terdaftar di wilayah lain" in proc.stderr
    assert first.registration_no not in proc.stderr + proc.stdout and first.id not in proc.stderr + proc.stdout
    assert b.ids() == {second.id} and a.sync().pulled == 0 and a.ids() == {first.id}

    # Reviewed by a laptop whose scope covers both; one that covers only one of them does not see it.
    pontianak = Laptop(tmp_path, hub, "cabang-pontianak", "--kabupaten", "6171", "--review")
    both = Laptop(tmp_path, hub, "cabang-kalbar", "--kabupaten", "6171,6101", "--review")
    assert review(hub, pontianak)["duplicates"] == [] and review(hub, pontianak)["open_duplicates"] == 0
    pair = review(hub, both)["duplicates"]
    assert [sorted(r["id"] for r in p["records"]) for p in pair] == [sorted([first.id, second.id])]
    refused = _post(hub, pontianak, f"/v1/duplicates/{pair[0]['id']}/dismiss", {"by": "rina"})
    assert refused.status_code == 404       # a pair it cannot see is one that does not exist

    both.sync()                                     # the branch of both merges them into the first
    ws = both.open()
    try:
        admin = Actor("admin", "Admin Cabang", Role.ADMIN)
        item = next(i for i in reviewing.load_review(ws, admin).items if i.kind == "duplicate")
        keep = first.id
        kept = item.left if item.left["id"] == keep else item.right
        reviewing.merge_duplicate(ws, admin, item, keep, kept)
    finally:
        ws.close()
    report = b.sync()                               # merged away: it leaves the laptop that enrolled it
    assert report.removed == 1 and b.ids() == set() and report.counts_match
    assert a.sync().pulled == 1 and a.ids() == {first.id}


def _post(hub, laptop, path, body):
    ws = laptop.open()
    try:
        token = client._setting(ws, "sync.token")
    finally:
        ws.close()
    return httpx.post(hub.url + path, json=body, headers={"Authorization": f"Bearer {token}"})


def test_a_scope_change_fills_in_the_new_area_resumably_and_removes_what_it_no_longer_holds(hub, tmp_path,
                                                                                             monkeypatch):
    from desktop.storage.models import Setting

    branch = Laptop(tmp_path, hub, "kantor", demo=60, seed=31)
    branch.sync()
    held = hub_records(hub)
    by_kecamatan: dict[str, set[str]] = {}
    for i, r in held.items():
        by_kecamatan.setdefault(r["kecamatan_code"], set()).add(i)
    x, z = sorted(by_kecamatan, key=lambda k: -len(by_kecamatan[k]))[:2]
    volunteer = Laptop(tmp_path, hub, "relawan", "--area", x, role="volunteer")
    volunteer.sync()
    assert volunteer.ids() == by_kecamatan[x]

    changed = hub_cli(hub.db, "scope", volunteer.device_id, "--area", f"{x},{z}", "--yes")
    assert changed.returncode == 0 and "versi 1" in changed.stdout, changed.stderr
    # The first sync after the change is cut off after one page of the difference: it resumes there.
    monkeypatch.setattr(client, "PULL_BATCH", 1)
    pages = []
    report = volunteer.sync(progress=lambda phase, n: pages.append(phase), cancelled=lambda: len(pages) >= 1)
    ws = volunteer.open()
    with ormdb.session(ws) as session:
        fill = json.loads(session.get(Setting, "sync.fill").value)
    ws.close()
    assert fill["from"] == 0 and fill["to"] == 1 and fill["after"] > 0
    assert by_kecamatan[x] < volunteer.ids() < by_kecamatan[x] | by_kecamatan[z]
    monkeypatch.setattr(client, "PULL_BATCH", 1000)
    report = volunteer.sync()
    assert volunteer.ids() == by_kecamatan[x] | by_kecamatan[z]
    assert report.counts_match and not report.full_resync and report.pulled == len(by_kecamatan[z]) - 1

    # Narrowed to z alone: x's records leave; widened to everything: the rest arrive.
    assert hub_cli(hub.db, "scope", volunteer.device_id, "--area", z, "--yes").returncode == 0
    report = volunteer.sync()
    assert report.removed == len(by_kecamatan[x]) and volunteer.ids() == by_kecamatan[z] and report.counts_match
    assert hub_cli(hub.db, "scope", volunteer.device_id, "--all", "--yes").returncode == 0
    report = volunteer.sync()
    assert volunteer.ids() == set(held) and report.counts_match and not report.full_resync
    # From an area to a school and back: records without a school leave, then come back.
    school = next(r["school_npsn"] for r in held.values() if r.get("school_npsn"))
    pupils = {i for i, r in held.items() if r.get("school_npsn") == school}
    assert hub_cli(hub.db, "scope", volunteer.device_id, "--area", z, "--yes").returncode == 0
    volunteer.sync()
    assert hub_cli(hub.db, "scope", volunteer.device_id, "--school", school, "--yes").returncode == 0
    report = volunteer.sync()
    assert volunteer.ids() == pupils and report.counts_match and not report.full_resync
    assert hub_cli(hub.db, "scope", volunteer.device_id, "--area", z, "--yes").returncode == 0
    report = volunteer.sync()
    assert volunteer.ids() == by_kecamatan[z] and report.counts_match and not report.full_resync


def test_scopes_at_the_hub_command_line(sqlite_hub):
    hub = sqlite_hub
    for options, message in ((["--area", "6171"], "bukan kode kecamatan"), (["--area", "617199"], "tidak ada"),
                             (["--kabupaten", "61.7"], "bukan kode kabupaten/kota"), (["--school", "123"], "NPSN"),
                             (["--area", " , "], "tanpa kode")):
        proc = hub_cli(hub.db, "device-code", "--name", "x", *options)
        assert proc.returncode == 1 and message in proc.stderr and len(proc.stderr.splitlines()) == 1, proc.stderr
    both = hub_cli(hub.db, "device-code", "--name", "x", "--area", "617101", "--kabupaten", "6171")
    assert both.returncode == 2
    made = hub_cli(hub.db, "device-code", "--name", "Relawan Sambas", "--area", "61.01.01,6101012001")
    assert made.returncode == 0 and "cakupan wilayah 610101,6101012001" in made.stdout
    missing = hub_cli(hub.db, "scope", "00000000-0000-0000-0000-000000000000", "--all")
    assert missing.returncode == 1 and "tidak ada" in missing.stderr


def test_several_hub_processes_answer_without_waiting_for_the_laptops_acknowledgement(tmp_path):
    """With ``serve --workers 2`` every answer used to wait 40 ms for the laptop's delayed TCP
    acknowledgement (Nagle's algorithm left on: uvicorn's own listening socket has no protocol number,
    so asyncio did not turn it off): an idle sync took twice as long as with one process."""
    import os
    import subprocess
    import sys
    import time
    import uuid

    from tests.hub.test_sync import free_port

    db = tmp_path / "hub.sqlite3"
    assert hub_cli(db, "init").returncode == 0
    code_ = hub_cli(db, "device-code", "--name", "x").stdout.strip().splitlines()[-1]
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINDUNG_")}
    proc = subprocess.Popen([sys.executable, "-m", "hub.cli", "--db", str(db), "serve", "--port", str(port),
                             "--workers", "2"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.05)
        token = httpx.post(base + "/v1/devices/register", json={
            "code": code_, "device_id": str(uuid.uuid4()), "prefix": "ABCDEF"}).json()["token"]
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as client:  # kept alive
            answers = []
            for _ in range(10):
                started = time.perf_counter()
                assert client.get("/v1/status").status_code == 200
                answers.append(time.perf_counter() - started)
        assert sorted(answers)[5] < 0.035, answers       # before: every answer but the first took 40-50 ms
    finally:
        proc.terminate()
        proc.wait(timeout=30)
