"""Every writer of a worker's row stores its dates and times in one format (storage.codec): the enrollment
(bulk), an edit (the ORM), the sync pull's insert, the lifecycle appends. A time on a whole second is the
case the driver's own adapter writes otherwise (``08:00:00`` instead of ``08:00:00.000000``)."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import text

from desktop.services import enrollment, membership
from desktop.services.accounts import SYSTEM
from desktop.storage import workers
from desktop.storage.database import tx_of
from desktop.storage.models import Worker
from tests.conftest import make_raw

TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
ON_THE_SECOND = dt.datetime(2026, 11, 24, 8, 0, 0)


def stored_times(ws) -> dict[str, set[str]]:
    """Every stored value of the workers' and their history's date and time columns."""
    found: dict[str, set[str]] = {}
    with ws.engine.connect() as connection:
        for column in ("enrolled_at", "updated_at", "deleted_at", "birth_date", "coverage_start", "coverage_end"):
            found[column] = {v for (v,) in connection.execute(text(f"SELECT {column} FROM workers")) if v}
        found["changed_at"] = {v for (v,) in connection.execute(text("SELECT changed_at FROM worker_changes"))}
    return found


def assert_one_format(ws) -> None:
    for column, values in stored_times(ws).items():
        pattern = DATE if column in ("birth_date", "coverage_start", "coverage_end") else TIME
        wrong = sorted(v for v in values if not pattern.match(v))
        assert not wrong, (column, wrong)


def test_every_writer_stores_times_in_one_format(ws, tmp_path, monkeypatch):
    import desktop.services.bulk_enroll as bulk

    monkeypatch.setattr(bulk, "utcnow", lambda: ON_THE_SECOND)
    first = enrollment.enroll(ws, make_raw(), SYSTEM)                                # the bulk path
    with ws.engine.connect() as connection:
        assert connection.execute(text("SELECT enrolled_at FROM workers")).scalar() == "2026-11-24 08:00:00.000000"
    enrollment.update_worker(ws, first.id, make_raw(address="Jl. Merdeka No. 9"), SYSTEM)    # the ORM
    batch = membership.export_submission(ws, tmp_path / "ajuan.xlsx", SYSTEM).number       # lifecycle appends
    membership.add_payment(ws, SYSTEM, 1, batch=batch)
    # The sync pull's insert, with a record whose times are on the second.
    with ws.session(write=True) as session:
        values = {c.key: None for c in Worker.__table__.columns if c.key != "id"}
        values.update({k: v for k, v in session.execute(Worker.__table__.select()).mappings().one().items()
                       if k != "id"})
        values.update(uuid="00000000-0000-4000-8000-000000000001", nik="6171014508990001",
                      registration_no="LDG-PULL-0001", kpj_number=None, enrolled_at=ON_THE_SECOND,
                      updated_at=ON_THE_SECOND, birth_date=dt.date(1990, 1, 1))
        workers.insert_rows(tx_of(session), "workers", list(values), [tuple(values.values())])
    assert_one_format(ws)
    assert "2026-11-24 08:00:00.000000" in stored_times(ws)["updated_at"]


def test_times_written_without_microseconds_before_are_brought_to_the_one_format(ws, tmp_path):
    from alembic import command as alembic_command

    from desktop.services.workspace import Workspace
    from desktop.storage.engine import _alembic_config

    first = enrollment.enroll(ws, make_raw(), SYSTEM)
    with ws.engine.begin() as connection:                 # as the bulk path wrote a time on the second
        alembic_command.downgrade(_alembic_config(connection), "0015")
        connection.execute(text("UPDATE workers SET enrolled_at = '2026-11-24 08:00:00', "
                                "updated_at = '2026-11-24 08:00:00'"))
        connection.execute(text("UPDATE worker_changes SET changed_at = '2026-11-24 08:00:00'"))
    ws.close()
    again = Workspace(ws.path, today=ws.today)
    try:
        assert_one_format(again)
        assert stored_times(again)["enrolled_at"] == {"2026-11-24 08:00:00.000000"}
        assert enrollment.get(again, first.id).enrolled_at == ON_THE_SECOND          # the same instant
    finally:
        again.close()
