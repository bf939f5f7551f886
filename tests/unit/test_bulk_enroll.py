"""The bulk enrollment hands the driver every value as it is stored (``storage.codec``: dates and times as
their text, never a date object the driver would format its own way), and a validated Enrollment cannot
be changed."""

import datetime as dt
import re

import pytest

from desktop.domain.enrollment import FIELDS, Enrollment, validate
from desktop.services import bulk_enroll
from desktop.services.accounts import SYSTEM
from tests.conftest import make_raw

STORED = (str, int, float, bytes, type(None))
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")


class Recording:
    """The unit of work of the enrollment, with every statement's parameters kept."""

    def __init__(self, tx):
        self._tx, self.params = tx, []

    def execute(self, sql, params=()):
        self.params.append(params)
        return self._tx.execute(sql, params)

    def executemany(self, sql, rows):
        rows = list(rows)
        self.params.extend(rows)
        return self._tx.executemany(sql, rows)

    def __getattr__(self, name):
        return getattr(self._tx, name)


def test_every_value_handed_to_the_driver_is_as_stored(ws, monkeypatch):
    """Right only while the Enroller converts dates and times itself: the driver's own date adapter is
    deprecated, and its time adapter drops ``.000000`` on the second."""
    monkeypatch.setattr(bulk_enroll, "utcnow", lambda: dt.datetime(2026, 11, 24, 8, 0, 0))
    enrollment = validate(make_raw(), ws.context()).enrollment
    with ws.write() as tx:
        recording = Recording(tx)
        bulk_enroll.Enroller(recording, ws, {}, SYSTEM).add([enrollment])
    values = [v for params in recording.params for v in (params.values() if isinstance(params, dict) else params)]
    assert values and all(isinstance(v, STORED) for v in values), [v for v in values if not isinstance(v, STORED)]
    with ws.read() as tx:
        born, enrolled, updated = tx.first("SELECT birth_date, enrolled_at, updated_at FROM workers")
        changed = tx.scalar("SELECT changed_at FROM worker_changes")
    assert DATE.match(born) and born == "1980-08-05"
    assert {enrolled, updated, changed} == {"2026-11-24 08:00:00.000000"} and TIME.match(enrolled)
    assert set(bulk_enroll.ENROLLMENT_COLUMNS) == set(FIELDS) - {"school_npsn"}


def test_an_enrollment_is_immutable_and_its_fields_are_the_records():
    values = {name: f"v-{name}" for name in FIELDS} | {"birth_date": dt.date(1980, 8, 5), "monthly_income": 1}
    made = Enrollment(**values)
    assert made.as_dict() == values and tuple(made.as_dict()) == FIELDS
    with pytest.raises(AttributeError):
        made.nik = "x"
    assert made._replace(school_npsn="69800001").school_npsn == "69800001" and made.school_npsn == "v-school_npsn"


