"""Every query a laptop's sync causes at the hub reads an index, whatever the hub holds in total
(PostgreSQL's plans for pull, push, duplicate detection, review and the end-of-sync counts).

The hub is filled at once (tests/hubload.py, COPY) with 40,000 records over Kalimantan Barat and two
other provinces, moved records, settled and open conflicts and possible duplicates, and analysed; the
statements the hub's own service functions send are captured as they run and each is explained with
its parameters. A sequential scan of a table that grows with the programme fails the test.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.hub.test_sync import in_ci, postgres_database

pytestmark = pytest.mark.skipif(not os.environ.get("LINDUNG_TEST_PG") and not in_ci(),
                                reason="no PostgreSQL server (scripts/test installs and starts one)")

# Tables that grow with the number of records (two million for a national programme). The laptops'
# tables grow with the laptops (hundreds, a few thousand): a few pages, which PostgreSQL rightly reads
# whole when a query wants several of their rows; the change counter and the settings are a row or two.
GROWING = {"records", "scope_exits", "conflicts", "possible_duplicates", "operations", "audit_entries"}
RECORDS = 40_000
LAPTOPS = 500


def _seq_scans(plan: dict) -> list[str]:
    found = []
    if plan.get("Node Type") == "Seq Scan" and plan.get("Relation Name") in GROWING:
        found.append(plan["Relation Name"])
    for child in plan.get("Plans", []):
        found += _seq_scans(child)
    return found


@pytest.fixture(scope="module")
def loaded(regions):
    """A hub database with its bulk load, analysed; the area of laptop 0 and the kabupaten of laptop 1."""
    from hub.db import HubDatabase
    from tests import hubload

    url = postgres_database()
    HubDatabase(url).close()                                  # the schema, by the hub's own migrations
    kalbar = hubload.kalbar_places(regions)
    places = kalbar + hubload.numbered_places("32") + hubload.numbered_places("35")
    area = sorted({p.kecamatan for p in kalbar})[:3]
    with hubload.connect(url) as c:
        hubload.load_devices(c, LAPTOPS, [("area", ",".join(area)), ("kabupaten", "6171,6172"), (None, None)])
        c.execute("UPDATE devices SET may_review = TRUE, role = 'admin' WHERE id = %s", (hubload.device_id(1),))
        with hubload.without_indexes(c, "records"):
            next_seq = hubload.load_records(c, range(RECORDS), places, LAPTOPS, 1)
        # Each record's operation, each laptop's first scope; records that moved, conflicts and possible
        # duplicates: most settled, a few open.
        c.execute("INSERT INTO operations (op_id, device_id, digest, result, created_at) "
                  "SELECT 'bulk:' || uuid || ':1', device_id, md5(uuid), '{}', now() FROM records")
        c.execute("INSERT INTO device_scopes (device_id, version, kind, codes, created_at) "
                  "SELECT id, 0, scope_kind, scope_codes, created_at FROM devices")
        c.execute("INSERT INTO scope_exits (seq, record_uuid, device_id, kabupaten_code, kecamatan_code, desa_code) "
                  "SELECT seq, uuid, device_id, kabupaten_code, kecamatan_code, desa_code FROM records "
                  "WHERE seq % 8 = 0")
        c.execute("INSERT INTO conflicts (record_uuid, device_id, base_revision, incoming, created_at, resolved_at) "
                  "SELECT uuid, device_id, 1, data, now(), CASE WHEN seq % 100 = 0 THEN NULL ELSE now() END "
                  "FROM records WHERE seq % 10 = 0")
        c.execute("INSERT INTO possible_duplicates (nik, record_uuid, other_uuid, created_at, resolved_at) "
                  "SELECT a.nik, a.uuid, b.uuid, now(), CASE WHEN a.seq % 100 = 1 THEN NULL ELSE now() END "
                  "FROM records a JOIN records b ON b.seq = a.seq + 1 WHERE a.seq % 10 = 1")
        c.execute("ANALYZE")
    return url, area, next_seq


def test_pull_push_duplicates_review_and_counts_read_indexes(loaded, regions):
    from sqlalchemy import event

    from hub import service
    from hub.db import HubDatabase
    from hub.models import Device
    from tests import hubload

    url, area, _next_seq = loaded
    db = HubDatabase(url)
    sent: list[tuple[str, object]] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def capture(_conn, _cursor, statement, parameters, _context, executemany):
        if not executemany:
            sent.append((statement, parameters))

    ctx = service.HubContext(regions)
    volunteer, branch = hubload.device_id(0), hubload.device_id(1)
    kalbar = hubload.kalbar_places(regions)
    try:
        with db.session(snapshot=True) as session:                    # a first pull and an idle one
            device = session.get(Device, volunteer)
            first = service.changes(session, 0, 1000, device, known=-1)
            assert first.rows and all(json.loads(d)["kecamatan_code"] in area for _s, _r, d in first.rows)
            idle = service.changes(session, first.cursor if not first.more else RECORDS, 1000, device, known=0)
            assert not idle.more
            service.status(session, RECORDS // 2, device)
        # A push of new records, two of them with NIKs enrolled elsewhere (duplicate detection).
        ops = []
        for number in range(RECORDS, RECORDS + 40):
            _row, data = hubload.record(number, kalbar[number % len(kalbar)], 2, 10_000 + number)
            ops.append({"op_id": f"plan:{number}", "base_revision": 0, "record": json.loads(data)})
        for op, existing in zip(ops[:2], (5, 7), strict=True):
            _row, data = hubload.record(existing, kalbar[0], 0, 1)
            source = json.loads(data)
            op["record"].update({k: source[k] for k in ("nik", "birth_date", "sex")})
        with db.session() as session:
            answers = service.push(session, session.get(Device, hubload.device_id(2)), ops, ctx)
        assert [a["status"] for a in answers].count("duplicate") == 2, answers[:3]
        with db.session() as session:                                  # an edit of one of them
            edit = dict(ops[3], op_id="plan:edit", base_revision=1)
            edit["record"] = dict(ops[3]["record"], phone="+6281299990000")
            assert service.push(session, session.get(Device, hubload.device_id(2)), [edit], ctx)[0]["status"] == "accepted"
        with db.session() as session:                                  # the branch's review
            shown = service.review(session, 200, session.get(Device, branch))
            assert shown["conflicts"] or shown["duplicates"]
        with db.session() as session:                                  # a scope change, pulled as a difference
            from hub import scope

            device = session.get(Device, volunteer)
            scope.set_scope(session, device, "area", (*area[1:], sorted({p.kecamatan for p in kalbar})[5]))
        with db.session(snapshot=True) as session:
            device = session.get(Device, volunteer)
            assert service.changes(session, 0, 1000, device, known=0).rescope
            service.changes(session, 0, 1000, device, fill_from=0)
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
        db.close()

    explained = {}
    with hubload.connect(url) as connection:
        for statement, parameters in sent:
            if not statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE")) or "pg_advisory" in statement:
                continue
            plan = connection.execute("EXPLAIN (FORMAT JSON) " + statement, parameters).fetchone()[0][0]["Plan"]
            explained[statement] = _seq_scans(plan)
    scanned = {s: tables for s, tables in explained.items() if tables}
    assert not scanned, "\n\n".join(f"{tables}: {s}" for s, tables in scanned.items())
    text = "\n".join(explained)
    for what in ("UNION ALL", "FROM scope_exits", "records.nik = ANY", "operations.op_id = ANY", "UPDATE records SET",
                 "FROM conflicts JOIN records", "FROM possible_duplicates JOIN records"):
        assert what in text, f"no statement with {what!r} was checked"   # pull, push, duplicates, review
