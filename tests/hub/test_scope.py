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

            with ws.session() as session:
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
