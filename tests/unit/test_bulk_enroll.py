"""The driver-level bulk enrollment stores what the ORM would store, and a validated Enrollment made
without its generated __init__ is the same object."""

import dataclasses
import datetime as dt

from sqlalchemy.dialects import sqlite

from desktop.domain.enrollment import FIELDS, Enrollment, enrollment_of
from desktop.services import bulk_enroll
from desktop.storage.models import Worker, WorkerChange


def test_no_inserted_column_needs_sqlalchemys_conversion():
    """bulk_enroll hands values to the driver as they are: right only while no column of the insert has
    a bind processor (a type that SQLAlchemy would convert first)."""
    dialect = sqlite.dialect()
    for table, names in ((Worker.__table__, bulk_enroll.WORKER_INSERT_COLUMNS),
                         (WorkerChange.__table__, bulk_enroll.CHANGE_INSERT_COLUMNS)):
        for name in names:
            assert table.c[name].type.bind_processor(dialect) is None, (table.name, name)
    assert set(bulk_enroll.ENROLLMENT_COLUMNS) == set(FIELDS) - {"school_npsn"}


def test_enrollment_of_is_enrollment():
    values = {name: f"v-{name}" for name in FIELDS} | {"birth_date": dt.date(1980, 8, 5), "monthly_income": 1}
    made, built = enrollment_of(dict(values)), Enrollment(**values)
    assert made == built and hash(dataclasses.astuple(made)) == hash(dataclasses.astuple(built))
    assert dataclasses.asdict(made) == values and type(made) is Enrollment
    try:
        made.nik = "x"
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("an Enrollment made by enrollment_of must stay frozen")
