"""A record's life after enrollment, as the events that happened to it.

``enrolled`` (on a laptop) → ``submitted`` (in a batch sent to BPJS Ketenagakerjaan) → ``active`` (BPJS
returned a KPJ number and a membership start date) or ``refused`` (BPJS gave a reason: fix the data and
submit again) → coverage runs for the months BAZNAS paid → renewed (paid again) or ``ended``.

A record carries its events (``lifecycle``, a JSON list, oldest first) and every laptop and the hub derive
the same status, KPJ number and coverage dates from them: nothing of it is typed by hand. ``ended`` is
not stored: an active record whose coverage end has passed is ended on that day (``effective_status``).

Event shapes (all carry ``at`` (UTC ISO 8601) and ``by`` (user name)):
- ``{"type": "submitted", "batch": "…", "months": N}``
- ``{"type": "activated", "kpj": "11 digits", "start": "YYYY-MM-DD"}``
- ``{"type": "refused", "reason": "…", "data": "<fingerprint of the data refused>"}``
- ``{"type": "paid", "payment": "…", "months": N, "amount": RP, "from": "YYYY-MM-DD" (optional)}``
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.text import add_months

SUBMITTED, ACTIVATED, REFUSED, PAID = "submitted", "activated", "refused", "paid"
EVENT_TYPES = (SUBMITTED, ACTIVATED, REFUSED, PAID)
# The record keys that follow from the events: only the branch changes them (through events).
DERIVED_KEYS = ("status", "kpj_number", "coverage_start", "coverage_end")
LIFECYCLE_KEYS = ("lifecycle",) + DERIVED_KEYS
KPJ = re.compile(r"^\d{11}$")
MAX_MONTHS = 60
MAX_EVENTS = 500


@dataclass(frozen=True)
class State:
    status: str                      # enrolled, submitted, active, refused
    kpj_number: str | None
    coverage_start: dt.date | None   # the KPJ membership start date
    coverage_end: dt.date | None     # last day covered by the months paid (None: nothing paid yet)
    batch: str | None                # the last submission batch
    refusal: str | None              # BPJS's reason, while refused
    refused_data: str | None         # fingerprint of the data BPJS refused
    months_paid: int

    def values(self) -> dict[str, Any]:
        """The derived record keys as JSON gives them."""
        return {"status": self.status, "kpj_number": self.kpj_number,
                "coverage_start": self.coverage_start.isoformat() if self.coverage_start else None,
                "coverage_end": self.coverage_end.isoformat() if self.coverage_end else None}


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def derive(events: Sequence[Mapping[str, Any]]) -> State:
    """The state the events lead to (events in the order they happened)."""
    status, kpj, start, end, batch, reason, refused_data = "enrolled", None, None, None, None, None, None
    pool = 0          # months paid before BPJS's answer: coverage starts with the KPJ start date
    months_paid = 0
    for event in events:
        kind = event.get("type")
        if kind == SUBMITTED:
            if status in ("enrolled", "refused"):
                status, batch, reason = "submitted", event.get("batch"), None
        elif kind == ACTIVATED:
            if status != "active":
                status, kpj, start, reason = "active", event.get("kpj"), _day(event.get("start")), None
                if pool and start is not None:
                    end = add_months(start, pool) - dt.timedelta(days=1)
                pool = 0
        elif kind == REFUSED:
            if status == "submitted":
                status, reason, refused_data = "refused", event.get("reason"), event.get("data")
        elif kind == PAID:
            months = int(event.get("months") or 0)
            months_paid += months
            if start is None:
                pool += months
            else:
                begin = end + dt.timedelta(days=1) if end is not None else start
                restart = _day(event.get("from"))
                if restart is not None and restart > begin:
                    begin = restart          # paid again after the coverage had run out
                end = add_months(begin, months) - dt.timedelta(days=1)
    return State(status, kpj, start, end, batch, reason, refused_data, months_paid)


def effective_status(status: str, coverage_end: dt.date | None, today: dt.date) -> str:
    """``ended`` for an active record whose coverage ran out before ``today``."""
    if status == "active" and coverage_end is not None and coverage_end < today:
        return "ended"
    return status


def loads(text: str | None) -> list[dict[str, Any]]:
    if not text:
        return []
    value = json.loads(text)
    return value if isinstance(value, list) else []


def dumps(events: Sequence[Mapping[str, Any]]) -> str:
    return json.dumps(list(events), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# The enrollment fields BPJS reads: a refused record is ready again once one of them changed.
_DATA_KEYS = ("nik", "no_kk", "full_name", "birth_place", "birth_date", "sex", "address", "kabupaten_code",
              "kecamatan_code", "desa_code", "phone", "occupation", "occupation_other", "monthly_income",
              "heir_name", "heir_relationship", "heir_phone")


def fingerprint(record: Mapping[str, Any]) -> str:
    """A short digest of the data a submission sends (same on every laptop and the hub)."""
    values = []
    for key in _DATA_KEYS:
        value = record.get(key)
        if isinstance(value, dt.date):
            value = value.isoformat()
        values.append("" if value is None else str(value))
    return hashlib.sha256("\x1f".join(values).encode("utf-8")).hexdigest()[:16]


def fixed_since_refusal(state: State, record: Mapping[str, Any]) -> bool:
    return state.status == "refused" and state.refused_data != fingerprint(record)


def _is_stamp(value: Any) -> bool:
    return isinstance(value, str) and 10 <= len(value) <= 32


def event_problems(events: Any) -> list[str]:
    """Why a record's ``lifecycle`` is not a sound list of events (hub-side check; messages in Indonesian)."""
    if not isinstance(events, list):
        return ["lifecycle: harus berupa daftar peristiwa"]
    if len(events) > MAX_EVENTS:
        return [f"lifecycle: lebih dari {MAX_EVENTS} peristiwa"]
    problems = []
    for index, event in enumerate(events, 1):
        if not isinstance(event, dict) or event.get("type") not in EVENT_TYPES:
            problems.append(f"lifecycle {index}: jenis peristiwa tidak dikenal")
            continue
        if not _is_stamp(event.get("at")) or not isinstance(event.get("by"), str):
            problems.append(f"lifecycle {index}: waktu atau pelaku tidak sah")
        kind = event["type"]
        if kind == ACTIVATED and (not KPJ.match(str(event.get("kpj") or "")) or _day(event.get("start")) is None):
            problems.append(f"lifecycle {index}: nomor KPJ (11 digit) dan tanggal kepesertaan wajib")
        if kind == PAID:
            months = event.get("months")
            if not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
                problems.append(f"lifecycle {index}: jumlah bulan dibayar harus 1 sampai {MAX_MONTHS}")
            if event.get("from") is not None and _day(event.get("from")) is None:
                problems.append(f"lifecycle {index}: tanggal mulai pembayaran tidak sah")
        if kind == REFUSED and not str(event.get("reason") or "").strip():
            problems.append(f"lifecycle {index}: alasan penolakan wajib")
        if kind == SUBMITTED and not str(event.get("batch") or "").strip():
            problems.append(f"lifecycle {index}: nomor batch wajib")
    return problems


def mismatch(record: Mapping[str, Any]) -> list[str]:
    """Derived keys that do not follow from the record's events (empty: consistent). A record without
    events keeps whatever status it had before events existed (status typed by hand in older versions)."""
    events = record.get("lifecycle") or []
    if not events:
        return []
    derived = derive(events).values()
    return [key for key in DERIVED_KEYS
            if key != "status" or record.get("status") != "deleted"
            if (record.get(key) or None) != (derived[key] or None)]
