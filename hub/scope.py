"""Which records a laptop holds: its scope, applied by the hub in every query that serves the laptop.

A laptop registered without a scope holds every record (as every laptop did before scopes). Otherwise:

- ``area``: kecamatan (6 digits) or desa/kelurahan (10 digits) codes — a field volunteer's villages;
- ``kabupaten``: kabupaten/kota codes (4 digits) — a printer's or a branch office's;
- ``school``: NPSNs — a school coordinator's parents;

and always the records the laptop enrolled itself (it is their home), except records merged away into
another, which no laptop keeps. Each part of a scope is one indexed column compared with one value
(``(column, seq)`` indexes), so a scope's changes are read in change order off the indexes whatever
the hub holds in total. The same predicate exists in Python (:func:`covers`) for single records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, false, func, not_, or_, select, true
from sqlalchemy.orm import Session

from hub.models import Device, DeviceScope

KINDS = ("area", "kabupaten", "school")
LOCATION = ("kabupaten_code", "kecamatan_code", "desa_code", "school_npsn")
_LENGTHS = {"area": (6, 10), "kabupaten": (4,), "school": (8,)}
_KIND_WORDS = {"area": "wilayah", "kabupaten": "kabupaten/kota", "school": "sekolah"}
MAX_CODES = 500


class ScopeError(ValueError):
    """A scope given at the hub's command line that cannot be one (Indonesian message)."""


@dataclass(frozen=True)
class Scope:
    device_id: str
    kind: str | None = None               # None: every record
    codes: tuple[str, ...] = ()

    @property
    def everything(self) -> bool:
        return self.kind is None

    def describe(self) -> str:
        if self.kind is None:
            return "semua"
        return f"{_KIND_WORDS[self.kind]} {','.join(self.codes)}"

    def as_json(self, version: int) -> dict[str, Any]:
        return {"version": version, "kind": self.kind, "codes": list(self.codes)}


def parse_codes(kind: str, text: str, regions=None) -> tuple[str, ...]:
    """``CODE[,CODE…]`` of ``kind``, dots and spaces allowed (``61.71.01``); with ``regions``, each code
    must name a region in it (a code the list does not have would hold no record: the laptop would
    lose all but its own at its next sync)."""
    if kind not in KINDS:
        raise ScopeError(f"jenis cakupan harus salah satu dari: {', '.join(KINDS)}")
    codes = []
    for raw in str(text or "").split(","):
        code = raw.replace(".", "").replace(" ", "").strip()
        if not code:
            continue
        if not (code.isascii() and code.isdigit()) or len(code) not in _LENGTHS[kind]:
            wanted = {"area": "kode kecamatan (6 angka) atau desa/kelurahan (10 angka)",
                      "kabupaten": "kode kabupaten/kota (4 angka)", "school": "NPSN (8 angka)"}[kind]
            raise ScopeError(f"{raw.strip()!r} bukan {wanted}")
        if regions is not None and kind != "school" and code not in regions:
            raise ScopeError(f"kode wilayah {raw.strip()} tidak ada dalam daftar wilayah hub "
                             "(Kalimantan Barat: kode 61…, mis. 6171 Kota Pontianak); periksa kodenya")
        codes.append(code)
    if not codes:
        raise ScopeError(f"cakupan {_KIND_WORDS[kind]} tanpa kode")
    if len(set(codes)) > MAX_CODES:
        raise ScopeError(f"paling banyak {MAX_CODES} kode dalam satu cakupan")
    return tuple(sorted(set(codes)))


def of_device(device: Device) -> Scope:
    return _make(device.id, device.scope_kind, device.scope_codes)


def _make(device_id: str, kind: str | None, codes: str | None) -> Scope:
    if kind not in KINDS:
        return Scope(device_id)
    return Scope(device_id, kind, tuple(c for c in (codes or "").split(",") if c))


def set_scope(session: Session, device: Device, kind: str | None, codes: tuple[str, ...],
              begin: Callable[[], int] | None = None) -> int:
    """Give ``device`` a new scope (``kind`` None: every record); returns its version. The laptop is
    brought to it at its next sync: what the old scope did not hold is sent, what the new one does
    not hold is removed. ``begin`` reserves the change sequence at which the version begins (it holds
    the change counter's lock to commit, so every change before it was committed before the new
    version, every change after it after)."""
    kind = kind if codes else None
    joined = ",".join(codes) if kind else None
    if (device.scope_kind, device.scope_codes) == (kind, joined):
        return device.scope_version
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    if device.scope_version == 0 and session.get(DeviceScope, (device.id, 0)) is None:
        session.add(DeviceScope(device_id=device.id, version=0, kind=device.scope_kind, codes=device.scope_codes,
                                created_at=now))
    device.scope_kind, device.scope_codes = kind, joined
    device.scope_version += 1
    session.add(DeviceScope(device_id=device.id, version=device.scope_version, kind=kind, codes=joined,
                            created_at=now, seq=begin() if begin is not None else None))
    return device.scope_version


@dataclass(frozen=True)
class Held:
    """A scope the laptop had, and the changes it may have seen under it: those after ``start`` and
    before ``end`` (None: up to now)."""
    scope: Scope
    start: int
    end: int | None


def held_since(session: Session, device: Device, version: int) -> list[Held]:
    """The scopes the laptop may have held since it completed ``version`` (that one included, the
    current one not), each with the changes it may have seen under it: what it may hold that the
    current scope does not. An unknown version (or version 0 of a laptop registered before scopes)
    counts as every record, from the start."""
    version = max(version, 0)
    rows = {r.version: r for r in session.scalars(select(DeviceScope).where(
        DeviceScope.device_id == device.id, DeviceScope.version >= version,
        DeviceScope.version <= device.scope_version))}
    held = []
    for v in range(version, device.scope_version):
        row, after = rows.get(v), rows.get(v + 1)
        held.append(Held(_make(device.id, row.kind, row.codes) if row is not None else Scope(device.id),
                         (row.seq or 0) if row is not None else 0, after.seq if after is not None else None))
    return held


def current_start(session: Session, device: Device) -> int:
    """The change sequence at which the laptop's current scope began (0: unknown, from the start)."""
    return session.scalar(select(DeviceScope.seq).where(DeviceScope.device_id == device.id,
                                                        DeviceScope.version == device.scope_version)) or 0


def location(record: dict[str, Any]) -> dict[str, str | None]:
    """The columns a record's scope is decided by, from its data."""
    return {name: (str(record.get(name)) if record.get(name) else None) for name in LOCATION}


def branches(scope: Scope, table) -> list:
    """The parts of ``scope`` as conditions on ``table`` (records or scope exits), each one indexed
    column equal to one value; a row is in the scope when any holds. Every record: one, always true."""
    if scope.everything:
        return [true()]
    parts = [table.device_id == scope.device_id]
    if scope.kind == "area":
        parts += [(table.kecamatan_code if len(c) == 6 else table.desa_code) == c for c in scope.codes]
    elif scope.kind == "kabupaten":
        parts += [table.kabupaten_code == c for c in scope.codes]
    else:
        parts += [table.school_npsn == c for c in scope.codes]
    return parts


def condition(scope: Scope, table, records: bool = True):
    """One condition: the row is in ``scope``. With IN lists, so the database may combine the indexes
    (counts, joins); pages in change order use :func:`branches`. A record merged away has no place
    (its location columns are empty) and leaves its own laptop too."""
    if scope.everything:
        return true()
    own = table.device_id == scope.device_id
    return or_(and_(own, table.merged.is_(False)) if records else own, located(scope, table))


def outside(scope: Scope, table, places_only: bool = False):
    """The row is not in ``scope`` (``places_only``: not in its places), a missing place (no school, a
    record merged away) counting as outside rather than unknown."""
    held = located(scope, table) if places_only else condition(scope, table)
    return not_(func.coalesce(held, false()))


def located(scope: Scope, table):
    """The row's place is in ``scope`` (not counting the records the laptop enrolled itself)."""
    if scope.kind == "area":
        kec = [c for c in scope.codes if len(c) == 6]
        desa = [c for c in scope.codes if len(c) == 10]
        return or_(*([table.kecamatan_code.in_(kec)] if kec else []), *([table.desa_code.in_(desa)] if desa else []))
    if scope.kind == "kabupaten":
        return table.kabupaten_code.in_(scope.codes)
    return table.school_npsn.in_(scope.codes)


def any_of(scopes: list[Scope], table, records: bool = True):
    if not scopes:
        return false()
    return or_(*(condition(s, table, records) for s in scopes))


def covers(scope: Scope, row: Any, device_id: str | None = None, merged: bool = False) -> bool:
    """The Python twin of :func:`condition` for one record (a Record, a ScopeExit or a dict of its
    location with ``device_id``)."""
    if scope.everything:
        return True
    if merged:
        return False
    get = row.get if isinstance(row, dict) else (lambda name: getattr(row, name, None))
    if (device_id or get("device_id")) == scope.device_id:
        return True
    if scope.kind == "area":
        return get("kecamatan_code") in scope.codes or get("desa_code") in scope.codes
    if scope.kind == "kabupaten":
        return get("kabupaten_code") in scope.codes
    return get("school_npsn") in scope.codes
