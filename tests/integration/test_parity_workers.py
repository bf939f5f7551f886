"""The parity test of the workers table: a record written through every service path (the form, an
import, a Dapodik export, ``lindung edit``, lifecycle events, a sync pull from the real hub) reads back
identical through the one mapper (``storage.workers``), whichever reader reads it, and every stored date
and time of ``workers`` and ``worker_changes`` is in the one format (``storage.codec``). A time on a whole
second is the case the driver's own adapter writes otherwise (``08:00:00`` instead of ``08:00:00.000000``)."""

from __future__ import annotations

import datetime as dt
import json
import re

from sqlalchemy import text

from desktop.domain.enrollment import FIELDS, validate
from desktop.services import drafts, enrollment, importing, membership
from desktop.services.accounts import SYSTEM
from desktop.services.search import SearchQuery, iter_records
from desktop.storage import workers
from tests.conftest import make_raw
from tests import ormdb

TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
ON_THE_SECOND = dt.datetime(2026, 11, 24, 8, 0, 0)
NPSN = "69800001"


def stored_times(ws) -> dict[str, set[str]]:
    """Every stored value of every Date and DateTime column of every table the schema declares
    (workers and their history, schools, drafts, submissions, payments, documents, accounts, prints…)."""
    from sqlalchemy import Date, DateTime

    from desktop.storage.models import Base

    found: dict[str, set[str]] = {}
    with ws.read() as tx:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, (Date, DateTime)):
                    kind = "date" if not isinstance(column.type, DateTime) else "time"
                    found[f"{table.name}.{column.name}:{kind}"] = {
                        v for v in tx.column(f"SELECT {column.name} FROM {table.name}") if v is not None}
    return found


def assert_one_format(ws) -> None:
    for column, values in stored_times(ws).items():
        pattern = DATE if column.endswith(":date") else TIME
        wrong = sorted(v for v in values if not isinstance(v, str) or not pattern.match(v))
        assert not wrong, (column, wrong)


def read_back(ws) -> dict[str, workers.WorkerRecord]:
    """Every record, read by each reader, which must agree: the list's iterator, ``get`` by id, by
    registration number and (live ones) by NIK, and the record the hub is sent made from the row."""
    listed = {r.id: r for r in iter_records(ws, SearchQuery())}
    listed |= {r.id: r for r in iter_records(ws, SearchQuery(status="deleted"))}
    with ws.read() as tx:
        rows = tx.all(f"SELECT {', '.join(workers.RECORD_COLUMNS)} FROM workers")
        names = workers.names_for(tx, rows)
    assert len(rows) == len(listed)
    for row in rows:
        record = listed[row[0]]
        assert workers.record_json(row, names) == record.to_json()
        assert workers.record_of(row, names) == record
        assert enrollment.get(ws, record.id) == record
        assert enrollment.get_by_registration_no(ws, record.registration_no) == record
        if record.deleted_at is None:
            assert enrollment.find_by_nik(ws, record.nik) == record
    return listed


def entered(record) -> dict:
    return {name: getattr(record, name) for name in FIELDS}


def test_a_record_reads_back_the_same_whichever_path_wrote_it(tmp_path, monkeypatch):
    import desktop.services.bulk_enroll as bulk
    from desktop.services.demo import make_parent_rows
    from desktop.services.schools import add_school
    from desktop.services.spreadsheets import write_workbook
    from desktop.services.workspace import Workspace
    from tests.dapodik import write_dapodik_xlsx
    from tests.hub.test_sync import Hub, laptop, sync
    from tests.integration.test_cli import run
    from tests.integration.test_import_dapodik import pupils

    hub = Hub(tmp_path).start()
    try:
        a, b = laptop(tmp_path, "sambas", hub), laptop(tmp_path, "ketapang", hub)
        ws = Workspace(a)
        try:
            monkeypatch.setattr(bulk, "utcnow", lambda: ON_THE_SECOND)
            add_school(ws, NPSN, "SD Negeri 12 Pontianak", "SD", "6171", "Ibu Rina")
            # The form.
            raw = make_raw(school_npsn=NPSN, pupil_name="RIZKI", pupil_class="3A")
            form = enrollment.enroll(ws, raw, SYSTEM)
            assert entered(form) == validate(raw, ws.context()).enrollment.as_dict()
            assert form.enrolled_at == form.updated_at == ON_THE_SECOND
            # An import of a parent list (.xlsx) and a Dapodik export.
            write_workbook(tmp_path / "ortu.xlsx", importing._column_specs(False), make_parent_rows(ws, 3, seed=5))
            written = {}
            for path in (tmp_path / "ortu.xlsx", write_dapodik_xlsx(tmp_path / "dapodik.xlsx", pupils())):
                preview = importing.read_import(ws, path, school_npsn=NPSN)
                accepted = [row.enrollment for row in preview.rows
                            if row.status in (importing.VALID, importing.WARNING)]
                assert importing.commit_import(ws, preview, SYSTEM).accepted == len(accepted) > 0
                written |= {e.nik: e.as_dict() for e in accepted}
            records = read_back(ws)
            by_nik = {r.nik: r for r in records.values()}
            assert {nik: entered(by_nik[nik]) for nik in written} == written
        finally:
            ws.close()
        # ``lindung edit``, in its own process, and a soft delete.
        changes = tmp_path / "changes.json"
        changes.write_text(json.dumps({"address": "Jl. Merdeka No. 9", "birth_date": "05-08-1980"}))
        assert run(a, "edit", form.registration_no, str(changes)).returncode == 0
        ws = Workspace(a)
        try:
            edited = enrollment.get(ws, form.id)
            assert (edited.address, edited.birth_date, edited.revision) == ("Jl. Merdeka No. 9", form.birth_date, 2)
            gone = next(r for r in records.values() if r.id != form.id)
            enrollment.delete_worker(ws, gone.id, "salah data, dobel", SYSTEM)
            # Lifecycle events: a submission to BPJS and BAZNAS's payment.
            batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM).number
            membership.add_payment(ws, SYSTEM, 1, batch=batch)
            drafts.save_draft(ws, "admin", form.id, {"address": "Jl. Merdeka No. 10"})
            assert enrollment.integrity_ok(ws)               # the name index follows every writer
            history = enrollment.history(ws, form.id)
            assert [h["action"] for h in history[:2]] == ["create", "update"]
            assert list(history[1]["changes"]) == ["address"] and isinstance(history[1]["changed_at"], dt.datetime)
            before = read_back(ws)
            assert [event["type"] for event in before[form.id].lifecycle] == ["submitted", "paid"]
            assert before[gone.id].deleted_at is not None
            assert_one_format(ws)
            times = stored_times(ws)      # every table the walk wrote was looked at
            assert all(times[c] for c in ("workers.enrolled_at:time", "workers.deleted_at:time",
                                          "worker_changes.changed_at:time", "payments.created_at:time",
                                          "membership_batches.created_at:time", "drafts.updated_at:time"))
        finally:
            ws.close()
        # A sync pull: what the hub sends another laptop reads back the same there.
        sync(a)
        sync(b)
        ws = Workspace(b)
        try:
            pulled = read_back(ws)
            assert_one_format(ws)
        finally:
            ws.close()
        # Identical but for the revision: the hub numbers the versions it holds itself (its first is 1).
        assert {uid: r.to_json() | {"revision": None} for uid, r in pulled.items()} == \
            {uid: r.to_json() | {"revision": None} for uid, r in before.items()}
        assert {r.revision for r in pulled.values()} == {1} and before[form.id].revision == 4
    finally:
        hub.stop()


def test_times_written_without_microseconds_before_are_brought_to_the_one_format(ws, tmp_path):
    from alembic import command as alembic_command

    from desktop.services.workspace import Workspace
    from desktop.storage.engine import _alembic_config

    first = enrollment.enroll(ws, make_raw(), SYSTEM)
    with ormdb.engine(ws).begin() as connection:                 # as the bulk path wrote a time on the second
        alembic_command.downgrade(_alembic_config(connection), "0015")
        connection.execute(text("UPDATE workers SET enrolled_at = '2026-11-24 08:00:00', "
                                "updated_at = '2026-11-24 08:00:00'"))
        connection.execute(text("UPDATE worker_changes SET changed_at = '2026-11-24 08:00:00'"))
    ws.close()
    again = Workspace(ws.path, today=ws.today)
    try:
        assert_one_format(again)
        assert stored_times(again)["workers.enrolled_at:time"] == {"2026-11-24 08:00:00.000000"}
        assert enrollment.get(again, first.id).enrolled_at == ON_THE_SECOND          # the same instant
    finally:
        again.close()
