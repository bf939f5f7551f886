"""Plain frozen data handed to the GUI and the command line: a worker's record (what
``storage.workers`` maps a row to), a line of the list, a school, and the query of a list or search."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from desktop.domain.enrollment import FIELDS
from desktop.domain.lifecycle import effective_status
from desktop.domain.text import format_date


@dataclass(frozen=True)
class WorkerRecord:
    id: str                      # global UUID
    registration_no: str
    revision: int
    kpj_number: str | None
    nik: str
    no_kk: str | None
    full_name: str
    birth_place: str
    birth_date: dt.date
    sex: str
    address: str
    kabupaten_code: str
    kecamatan_code: str
    desa_code: str
    phone: str | None
    occupation: str
    occupation_other: str
    monthly_income: int
    heir_name: str
    heir_relationship: str
    heir_phone: str | None
    school_npsn: str | None
    school_name: str | None
    pupil_name: str
    pupil_class: str
    programme: str
    funding_source: str
    asnaf: str
    coverage_start: dt.date | None     # the KPJ membership start date (once BPJS answered)
    coverage_end: dt.date | None       # the last day paid for
    status: str                        # as stored: enrolled, submitted, active, refused, deleted
    lifecycle: tuple                   # the BPJS/BAZNAS events (dicts), oldest first
    enrolled_by: str
    device_id: str
    enrolled_at: dt.datetime
    updated_by: str
    updated_at: dt.datetime
    deleted_at: dt.datetime | None
    deleted_by: str | None
    deleted_reason: str | None

    def to_json(self) -> dict[str, Any]:
        """JSON-ready: dates as ``YYYY-MM-DD``, times as UTC ISO 8601 with ``Z``."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, dt.datetime):
                value = value.isoformat(timespec="seconds") + "Z"
            elif isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    def status_on(self, today: dt.date) -> str:
        """The status on ``today`` (an active record whose coverage ran out is ended)."""
        return effective_status(self.status, self.coverage_end, today)

    def form_values(self) -> dict[str, str]:
        """The editable fields as the enrollment form shows them."""
        values: dict[str, str] = {}
        for name in FIELDS:
            value = getattr(self, name)
            if isinstance(value, dt.date):
                values[name] = format_date(value)
            elif value is None:
                values[name] = ""
            else:
                values[name] = str(value)
        return values


@dataclass(frozen=True)
class SearchQuery:
    """Which workers a list, a search or an export takes (``storage.workers.where``)."""

    text: str = ""
    kabupaten_code: str | None = None
    school_id: int | None = None
    status: str | None = None  # None: every record that is not deleted; "ended": active, coverage run out
    unprinted: bool = False    # only workers whose card was never printed
    expiring_days: int | None = None   # active, coverage ending within this many days (or ended)
    batch: str | None = None           # in this submission batch
    today: dt.date | None = None       # the day "ended" and "expiring" are judged on (default: today)
    reprint_kpj: bool = False          # card printed before the KPJ number came back


@dataclass(frozen=True)
class WorkerRow:
    """One line of the main window's list."""

    rowid: int
    id: str
    registration_no: str
    full_name: str
    name_key: str
    nik: str
    birth_date: dt.date
    sex: str
    kabupaten_code: str
    occupation: str
    status: str                  # on today's date (``ended`` once coverage ran out)
    kpj_number: str | None = None
    coverage_end: dt.date | None = None


@dataclass(frozen=True)
class Page:
    rows: tuple[WorkerRow, ...]
    total: int | None          # matching records (None when not asked for)
    has_more: bool
    cursor: tuple[str, int] | None = None  # keyset position after the last row, for the next page


@dataclass(frozen=True)
class SchoolInfo:
    id: int
    npsn: str
    name: str
    level: str
    kabupaten_code: str
    coordinator: str


@dataclass(frozen=True)
class EnrollOutcome:
    records: tuple[WorkerRecord, ...]
    warnings: dict[int, list]   # record index -> warnings (Problem)
