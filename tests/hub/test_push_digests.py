"""Operation digests across the hub's change of JSON writer: an operation a hub answered before (its digest
written by Python's encoder, spaced) is answered the same when a laptop resends it, never refused as an
operation id used for other data; a really different payload under that id still is."""

import hashlib
import json

import pytest
from sqlalchemy import text

from tests.hub.test_sync import BACKENDS, postgres_database


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_operation_answered_before_is_answered_the_same(tmp_path, backend):
    from desktop.domain.regions import RegionCatalog
    from desktop.paths import REGIONS_CSV
    from desktop.services.accounts import SYSTEM
    from desktop.services.demo import make_workers
    from desktop.services.enrollment import enroll_many
    from desktop.services.workspace import Workspace, read_regions_csv
    from desktop.sync.client import _prepare
    from hub import service
    from hub.db import HubDatabase
    from hub.models import Device

    ws = Workspace(tmp_path / "laptop.sqlite3")
    enroll_many(ws, make_workers(ws, 5, seed=71), SYSTEM)
    ops, _pushed, _after = _prepare(ws, 0)
    hub = HubDatabase(f"sqlite:///{tmp_path / 'hub.sqlite3'}" if backend == "sqlite" else postgres_database())
    ctx = service.HubContext(RegionCatalog.from_rows(read_regions_csv(REGIONS_CSV)))
    with hub.session() as session:
        code = service.new_device_code(session, "laptop")
    with hub.session() as session:
        service.register_device(session, code, ws.device.id, ws.device.prefix, "laptop")

    def push(batch):
        with hub.session() as session:
            return service.push(session, session.get(Device, ws.device.id), batch, ctx)

    first = push(ops)
    assert [a["status"] for a in first] == ["accepted"] * 5
    with hub.session() as session:   # as a hub before orjson stored them
        for op in ops:
            earlier = hashlib.sha256(json.dumps(op, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
            session.execute(text("UPDATE operations SET digest = :d WHERE op_id = :o"), {"d": earlier, "o": op["op_id"]})
    assert push(ops) == first
    changed = [dict(ops[0], record=dict(ops[0]["record"], address="Jl. Lain No. 1"))]
    assert push(changed)[0]["status"] == "rejected"
    with hub.session() as session:
        assert session.execute(text("SELECT COUNT(*) FROM records")).scalar() == 5
    hub.close()
    ws.close()
