"""The push's outbox, read straight from the database rows (no hub needed): every record goes exactly as
the record services give it (``WorkerRecord.to_json``), whatever it holds."""

import datetime as dt
import json

from sqlalchemy import select
from tests import ormdb


def test_pushed_records_are_the_records_as_the_services_give_them(tmp_path):
    from desktop.services.accounts import SYSTEM
    from desktop.services.demo import make_workers
    from desktop.services.enrollment import enroll_many, get
    from desktop.services.schools import add_school
    from desktop.services.workspace import Workspace
    from desktop.storage.models import School, Worker
    from desktop.sync import client

    ws = Workspace(tmp_path / "laptop.sqlite3")
    add_school(ws, "69800001", "SD Negeri 12 Pontianak", "SD", "6171")
    enroll_many(ws, make_workers(ws, 40, seed=31), SYSTEM)
    events = [{"type": "submitted", "batch": "AJ-X-0001", "months": 3, "at": "2026-11-02T03:04:05Z", "by": "admin"},
              {"type": "activated", "kpj": "26120000001", "start": "2026-11-10", "at": "2026-11-10T00:00:00Z",
               "by": "admin"}]
    with ormdb.session(ws, write=True) as session:
        school = session.scalar(select(School.id).where(School.npsn == "69800001"))
        workers = session.scalars(select(Worker).order_by(Worker.id)).all()
        workers[0].school_id, workers[0].pupil_name, workers[0].pupil_class = school, "ANAK", "3A"
        workers[1].lifecycle, workers[1].status, workers[1].kpj_number = json.dumps(events), "active", "26120000001"
        workers[1].coverage_start, workers[1].coverage_end = dt.date(2026, 11, 10), dt.date(2027, 2, 9)
        workers[2].deleted_at = dt.datetime(2026, 11, 3, 4, 5, 6, 789)   # microseconds are not sent
        workers[2].deleted_by, workers[2].deleted_reason, workers[2].status = "admin", "salah orang", "deleted"
        workers[3].updated_at = dt.datetime(2026, 11, 4, 0, 0, 0)      # stored without a fraction
        workers[4].lifecycle = "[]"
        workers[5].no_kk, workers[5].phone, workers[5].heir_phone = None, None, None
        workers[6].revision, workers[6].synced_revision, workers[6].hub_revision = 3, 2, 2   # an edit
        workers[7].revision, workers[7].synced_revision, workers[7].hub_revision = 2, 2, 2   # in step: not sent
        # Written by the driver's own adapter (as bulk inserts write): "YYYY-MM-DD HH:MM:SS", no fraction.
        session.flush()
        session.connection().exec_driver_sql("UPDATE workers SET enrolled_at = '2026-10-01 07:08:09' WHERE id = ?",
                                             (workers[8].id,))
        expected = {w.uuid: (w.revision, w.hub_revision) for w in workers if w is not workers[7]}
        last = max(w.id for w in workers if w is not workers[7])

    ops, pushed, after = client._prepare(ws, 0)
    assert len(ops) == len(expected) == 39 and after == last
    for op in ops:
        uid = op["record"]["id"]
        revision, base = expected[uid]
        assert op["op_id"] == f"{ws.device.prefix}:{uid}:{revision}" and op["base_revision"] == base
        assert pushed[uid] == revision
        assert op["record"] == get(ws, uid).to_json(), uid
        assert list(op["record"]) == list(get(ws, uid).to_json())       # the same keys in the same order
    sent = {op["record"]["id"]: op["record"] for op in ops}
    assert sent[workers[0].uuid]["school_npsn"] == "69800001" and sent[workers[0].uuid]["school_name"]
    assert sent[workers[1].uuid]["lifecycle"] == events and sent[workers[1].uuid]["coverage_end"] == "2027-02-09"
    assert sent[workers[2].uuid]["deleted_at"] == "2026-11-03T04:05:06Z"
    assert sent[workers[8].uuid]["enrolled_at"] == "2026-10-01T07:08:09Z"

    # Batches follow one another by id, none twice.
    client.PUSH_BATCH, saved = 7, client.PUSH_BATCH
    try:
        seen, after = [], 0
        while True:
            ops, _pushed, after = client._prepare(ws, after)
            if not ops:
                break
            assert len(ops) <= 7
            seen += [op["record"]["id"] for op in ops]
    finally:
        client.PUSH_BATCH = saved
    assert sorted(seen) == sorted(expected)
    ws.close()
