"""What the hub does, over one unit of work: devices, push, pull, counts. No HTTP here.

Principles (../shared/design.md): client-generated ids and revisions; every operation has an id, so
a resend is answered exactly as before and changes nothing (same id with another payload is
refused); an edit names the hub revision it was based on and a parallel edit becomes a conflict for
a person to resolve; the same NIK from two laptops is kept twice and flagged as a possible
duplicate; pull goes by the hub's change sequence, whose order is commit order. The hub never
trusts a laptop: every record is validated with the laptops' own domain rules.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
import uuid
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import (
    BigInteger,
    String,
    any_,
    bindparam,
    cast,
    func,
    insert,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased, object_session

from desktop.domain import lifecycle
from desktop.domain.enrollment import IDENTITY_FIELDS, SYNCED_KEYS, Context, validate
from desktop.domain.regno import CROCKFORD, PREFIX_LENGTH, is_valid_registration_no
from desktop.domain.regions import RegionCatalog
from hub import scope as scopes
from hub.models import (
    AuditRecord,
    Conflict,
    Counter,
    Device,
    DeviceCode,
    DeviceScope,
    HubSetting,
    Operation,
    PaymentReference,
    PossibleDuplicate,
    Record,
    ScopeExit,
)

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"   # Crockford: no I, L, O, U to misread
MAX_BATCH = 1000
MAX_REVISION = 2**31 - 1      # revisions are database integers


class HubError(Exception):
    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class Unauthorized(HubError):
    status = 401


class Forbidden(HubError):
    status = 403


class Clash(HubError):
    status = 409


class NotFound(HubError):
    status = 404


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- devices ------------------------------------------------------------------------------------

ROLES = ("volunteer", "coordinator", "printer", "admin")


def new_device_code(session: Session, name: str, hours: int = 72, may_review: bool = False,
                    role: str = "volunteer", school_npsn: str | None = None,
                    scope: tuple[str | None, tuple[str, ...]] = (None, ())) -> str:
    """A one-time code (12 characters in 3 groups) to register a laptop named ``name``.

    ``role`` is the most the laptop's accounts may do, enforced at every push: a volunteer's laptop
    changes only what it enrolled, a coordinator's only its school's parents (and its own), a
    printer's changes nothing, an admin's anything. A coordinator's laptop may settle conflicts and
    duplicates of its school; ``may_review`` lets another laptop settle them all (the branch office's).
    ``scope`` (kind, codes; hub.scope) is which records the laptop holds: a coordinator's school
    unless given, every record when neither is."""
    if role not in ROLES:
        raise HubError(f"peran laptop harus salah satu dari: {', '.join(ROLES)}")
    school_npsn = (school_npsn or "").strip() or None
    if role == "coordinator" and (school_npsn is None or not (school_npsn.isdigit() and len(school_npsn) == 8)):
        raise HubError("laptop koordinator sekolah harus menyebut NPSN sekolahnya (8 angka): --school NPSN")
    kind, codes = scope
    if kind is None and role == "coordinator":
        kind, codes = "school", (school_npsn,)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    now = utcnow()
    session.add(DeviceCode(code_hash=_digest(raw), name=name.strip() or "laptop", created_at=now,
                           expires_at=now + dt.timedelta(hours=hours),
                           may_review=may_review or role == "coordinator", role=role,
                           school_npsn=school_npsn if role == "coordinator" else None,
                           scope_kind=kind if codes else None, scope_codes=",".join(codes) if kind and codes else None))
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))


def hub_bundle_key(session: Session):
    """The hub's X25519 key pair for bundles, made on first use and kept in its database.

    Several processes may make it at once on a new hub: each offers a key with an insert that skips
    an existing row (the primary key decides), then all read back the one that was stored first."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from desktop.domain.base64url import b64, unb64

    row = session.get(HubSetting, "bundle_key")
    if row is None:
        raw = X25519PrivateKey.generate().private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                                        serialization.NoEncryption())
        session.execute(_insert_new(session, HubSetting).values(key="bundle_key", value=b64(raw))
                        .on_conflict_do_nothing(index_elements=["key"]))
        row = session.execute(select(HubSetting).where(HubSetting.key == "bundle_key")
                              .execution_options(populate_existing=True)).scalar_one()
    return X25519PrivateKey.from_private_bytes(unb64(row.value))


def register_device(session: Session, code: str, device_id: str, prefix: str, name: str = "",
                    public_key: str | None = None) -> tuple[str, bool]:
    """Exchange a one-time code for this laptop's credential (returned once, stored hashed), and whether
    it renewed a registered laptop's (a code from ``rotate_credential``) rather than registered a new one."""
    raw = code.replace("-", "").replace(" ", "").upper()
    entry = session.get(DeviceCode, _digest(raw), with_for_update=True)
    if entry is None or entry.used_by is not None or entry.expires_at < utcnow():
        raise Unauthorized("kode pendaftaran tidak berlaku (salah, sudah dipakai, atau kedaluwarsa)")
    try:
        uuid.UUID(device_id)
    except ValueError as exc:
        raise HubError("identitas laptop tidak sah") from exc
    if len(prefix) != PREFIX_LENGTH or any(c not in CROCKFORD for c in prefix):
        raise HubError("awalan nomor registrasi harus 6 karakter Crockford (0-9, A-Z tanpa I, L, O, U)")
    secret = secrets.token_urlsafe(32)
    if entry.device_id is not None:
        _renew(session, entry, device_id, prefix, secret)
        return f"{device_id}.{secret}", True
    if session.get(Device, device_id) is not None:
        raise Clash("laptop ini sudah terdaftar di hub")
    if session.scalar(select(Device).where(Device.registration_prefix == prefix)) is not None:
        raise Clash(f"awalan nomor registrasi {prefix} sudah dipakai laptop lain; buat ulang awalan laptop ini")
    session.add(Device(id=device_id, name=name.strip() or entry.name, secret_hash=_digest(secret),
                       registration_prefix=prefix, public_key=public_key, created_at=utcnow(),
                       may_review=entry.may_review, role=entry.role, school_npsn=entry.school_npsn,
                       scope_kind=entry.scope_kind, scope_codes=entry.scope_codes, scope_version=0))
    # Its first scope begins now: records that left a place before it are none of its business.
    session.add(DeviceScope(device_id=device_id, version=0, kind=entry.scope_kind, codes=entry.scope_codes,
                            created_at=utcnow(),
                            seq=session.scalar(select(Counter.value).where(Counter.name == "changes")) or 0))
    entry.used_by = device_id
    return f"{device_id}.{secret}", False


def _renew(session: Session, entry: DeviceCode, device_id: str, prefix: str, secret: str) -> None:
    """A renewal code used by the laptop it was made for: the same device, prefix, role, scope and
    records; only its credential is new (and a revoked laptop is let back in: the admin gave the code)."""
    device = session.get(Device, entry.device_id, with_for_update=True)
    if device is None or device_id != device.id or prefix != device.registration_prefix:
        raise Unauthorized("kode ini untuk memperbarui kredensial laptop lain; minta kode untuk laptop ini "
                           "kepada admin cabang")
    device.secret_hash = _digest(secret)
    device.revoked_at = None
    entry.used_by = device_id


def rotate_credential(session: Session, device_id: str, hours: int = 72) -> str:
    """Withdraw a laptop's credential at once and make a one-time code that gives it a new one (the
    laptop runs ``lindung register`` with it). Its records, role, scope and prefix stay; until it uses
    the code it cannot sync, and says so. An earlier unused renewal code for it stops working."""
    device = session.get(Device, device_id, with_for_update=True)
    if device is None:
        raise HubError(f"laptop {device_id} tidak ada; lihat: lindung-hub devices")
    now = utcnow()
    for earlier in session.scalars(select(DeviceCode).where(DeviceCode.device_id == device_id,
                                                            DeviceCode.used_by.is_(None))):
        earlier.expires_at = min(earlier.expires_at, now)
    device.secret_hash = ""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    session.add(DeviceCode(code_hash=_digest(raw), name=device.name, created_at=now,
                           expires_at=now + dt.timedelta(hours=hours), may_review=device.may_review,
                           role=device.role, school_npsn=device.school_npsn, device_id=device_id))
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))


def check_credential(session: Session, token: str | None) -> Device:
    """The laptop this credential belongs to; refused when unknown or revoked. Writes nothing."""
    if not token or "." not in token or len(token) > 200:
        raise Unauthorized("kredensial laptop tidak ada")
    device_id, secret = token.split(".", 1)
    device = session.get(Device, device_id[:36])
    if device is not None and not device.secret_hash:
        raise Unauthorized("kredensial laptop ini sudah diganti oleh admin cabang; data di laptop tetap aman. "
                           "Minta kode baru kepada admin, lalu jalankan: lindung register --hub ALAMAT --code KODE")
    if device is None or not hmac.compare_digest(device.secret_hash, _digest(secret)):
        raise Unauthorized("kredensial laptop tidak dikenal")
    if device.revoked_at is not None:
        raise Forbidden("laptop ini sudah dicabut aksesnya oleh admin cabang")
    return device


def authenticate(session: Session, token: str | None) -> Device:
    """The laptop, its last contact noted (at most once a minute: the row's lock is held to commit,
    and the same laptop's requests should not wait on each other for it)."""
    device = check_credential(session, token)
    now = utcnow()
    if device.last_seen_at is None or not 0 <= (now - device.last_seen_at).total_seconds() < 60:
        device.last_seen_at = now
    return device


def require_reviewer(device: Device) -> None:
    if not device.may_review:
        raise Forbidden("laptop ini tidak diizinkan meninjau konflik dan data ganda; admin cabang dapat memberi "
                        "kode pendaftaran dengan --review")


def revoke_device(session: Session, device_id: str) -> None:
    device = session.get(Device, device_id)
    if device is None:
        raise HubError(f"laptop {device_id} tidak ada")
    device.revoked_at = device.revoked_at or utcnow()


def list_devices(session: Session) -> list[dict[str, Any]]:
    return [{"id": d.id, "name": d.name, "prefix": d.registration_prefix,
             "created_at": d.created_at.isoformat(timespec="seconds"),
             "revoked": d.revoked_at is not None, "awaiting_new_credential": not d.secret_hash,
             "may_review": d.may_review, "role": d.role,
             "school_npsn": d.school_npsn,
             "scope": scopes.of_device(d).as_json(d.scope_version) | {"text": scopes.of_device(d).describe()},
             "last_seen_at": d.last_seen_at.isoformat(timespec="seconds") if d.last_seen_at else None}
            for d in session.scalars(select(Device).order_by(Device.created_at))]


def records_leaving(session: Session, device_id: str, kind: str | None, codes: tuple[str, ...]) -> int:
    """How many records the laptop would remove at its next sync if its scope became ``kind``/``codes``:
    those its current scope holds and the new one does not (none if it never synced)."""
    device = session.get(Device, device_id)
    if device is None:
        raise HubError(f"laptop {device_id} tidak ada")
    if device.last_seen_at is None:
        return 0
    old, new = scopes.of_device(device), scopes.Scope(device_id, kind if codes else None, codes)
    return session.scalar(select(func.count()).select_from(Record).where(
        scopes.condition(old, Record), scopes.outside(new, Record))) or 0


def change_scope(session: Session, device_id: str, kind: str | None, codes: tuple[str, ...]) -> dict[str, Any]:
    """A laptop's new scope (``kind`` None: every record), taken at its next sync. A coordinator
    given a school works for that school from then on."""
    device = session.get(Device, device_id, with_for_update=True)
    if device is None:
        raise HubError(f"laptop {device_id} tidak ada")
    if kind == "school" and device.role == "coordinator":
        if len(codes) != 1:
            raise HubError("laptop koordinator bekerja untuk satu sekolah: --school NPSN")
        device.school_npsn = codes[0]
    version = scopes.set_scope(session, device, kind, codes, begin=lambda: _allocate_seqs(session, 1))
    return scopes.of_device(device).as_json(version) | {"text": scopes.of_device(device).describe()}


# --- push -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HubContext:
    regions: RegionCatalog
    # The laptops' rules' context for each date they apply on (a push's records share a few dates).
    _contexts: dict[dt.date, Context] = field(default_factory=dict, compare=False, repr=False)

    def rules_on(self, today: dt.date) -> Context:
        context = self._contexts.get(today)
        if context is None:
            if len(self._contexts) > 1000:
                self._contexts.clear()
            context = self._contexts[today] = Context(self.regions, today)
        return context


def _allocate_seqs(session: Session, count: int) -> int:
    """Reserve ``count`` change sequence numbers; returns the first. The counter's row lock is held
    to commit, so sequence order is commit order."""
    value = session.execute(update(Counter).where(Counter.name == "changes")
                            .values(value=Counter.value + count).returning(Counter.value)).scalar_one()
    return int(value) - count + 1


_STAMPS = ("enrolled_at", "updated_at", "deleted_at")


def _validated(record: dict[str, Any], ctx: HubContext, today: dt.date | None = None) -> list[str]:
    """What is wrong with a record by itself, on the hub's ``today``: the laptops' rules for its
    fields, its events sound and every date in it plausible. What it may change of the stored version
    (``_admitted``) is checked against that version."""
    today = today or utcnow().date()
    problems = []
    for key in _STAMPS:
        value = record.get(key)
        if value is None and key != "enrolled_at":
            continue
        day = lifecycle.stamp_day(value)
        if day is None or not lifecycle.EARLIEST_DAY <= day <= today + lifecycle.STAMP_AHEAD:
            problems.append(f"{key}: waktu tidak sah atau tidak masuk akal")
    if problems:
        return problems
    on = lifecycle.stamp_day(record["enrolled_at"])
    if record.get("status") == "deleted":
        # A deletion: the person's data must still be sound, and the deletion must say why.
        if len(str(record.get("deleted_reason") or "").strip()) < 5 or not record.get("deleted_at"):
            problems.append("deleted_reason: penghapusan wajib dengan waktu dan alasan")
        record = dict(record, status="enrolled")
    result = validate(record, ctx.rules_on(max(on, today)), reference_date=on)
    problems += lifecycle.event_problems(record.get("lifecycle", []), today)
    return problems + [f"{p.field}: {p.message}" for p in result.errors]


def lock_niks(session: Session, niks) -> None:
    """Hold, until this transaction ends, a lock on each NIK (and KPJ) a push or a review may write, so
    two laptops pushing the same NIK at once are serialised and the second sees the first's record (a
    read-then-write without it misses the pair on PostgreSQL). Locks are taken in one order (no
    deadlock); the key is the NIK's own number (16 digits) or the KPJ's (11 digits: below every NIK),
    far above the hub's other advisory keys. SQLite hubs need none: every unit of work holds the
    database's write lock."""
    if session.get_bind().dialect.name != "postgresql":
        return
    keys = sorted({int(n) for n in niks if isinstance(n, str) and len(n) in (11, 16) and n.isascii() and n.isdigit()})
    if keys:
        session.execute(text("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) AS k ORDER BY k"),
                        {"keys": keys})


class _Batch:
    """What one push needs from the database, loaded with a handful of queries for the whole batch."""

    def __init__(self, session: Session, ops: list[dict[str, Any]], device: Device | None = None):
        self.scope = scopes.of_device(device) if device is not None else None
        self.ops = [op for op in ops if isinstance(op, dict) and isinstance(op.get("record"), dict)]
        records = [op["record"] for op in self.ops]
        ids = [str(r.get("id") or "") for r in records]
        niks = [str(r.get("nik") or "") for r in records]
        lock_niks(session, niks + [str(r.get("kpj_number") or "") for r in records])
        regnos = [str(r.get("registration_no") or "") for r in records]
        op_ids = [str(op.get("op_id") or "") for op in ops if isinstance(op, dict)]
        self.done = {o.op_id: o for o in _in_chunks(session, Operation, Operation.op_id, op_ids)}
        conflicted = [o.op_id for o in self.done.values() if '"conflict"' in o.result]
        settled = {c.op_id: c.record_uuid for c in _in_chunks(session, Conflict, Conflict.op_id, conflicted)
                   if c.resolved_at is not None}
        current = {r.uuid: r for r in _in_chunks(session, Record, Record.uuid, list(settled.values()))}
        self.resolved = {op_id: current[uid] for op_id, uid in settled.items() if uid in current}
        self.records = {r.uuid: r for r in _in_chunks(session, Record, Record.uuid, ids, for_update=True)}
        self.by_nik: dict[str, list[str]] = {}
        self.where: dict[str, Any] = {}     # the live holders of those NIKs: where they are (scopes)
        for r in _in_chunks(session, Record, Record.nik, niks):
            if not r.deleted:
                self.by_nik.setdefault(r.nik, []).append(r.uuid)
                self.where[r.uuid] = r
        self.regnos = {r.registration_no: r.uuid for r in _in_chunks(session, Record, Record.registration_no, regnos)}
        self.new_records: list[dict[str, Any]] = []     # written with one multi-row INSERT each
        self.new_operations: list[dict[str, Any]] = []
        self.created: set[str] = set()
        self.kpjs: dict[str, str] = {}      # KPJ -> the record of this push that holds it


def _chunks(session: Session, column, values: list) -> list:
    """``column IN values`` as conditions: one with an array parameter on PostgreSQL (the statement
    stays the same whatever the count), chunks of 500 placeholders on SQLite."""
    if not values:
        return []
    if session.get_bind().dialect.name == "postgresql":
        kind = BigInteger if isinstance(values[0], int) else String
        return [column == any_(cast(bindparam("values", list(values), unique=True), ARRAY(kind)))]
    return [column.in_(values[start:start + 500]) for start in range(0, len(values), 500)]


def _in_chunks(session: Session, model, column, values: list[str], for_update: bool = False):
    values = [v for v in set(values) if v]
    for where in _chunks(session, column, values):
        query = select(model).where(where)
        if for_update:
            query = query.with_for_update()
        yield from session.scalars(query)


def _checked(op: Any, ctx: HubContext, today: dt.date | None = None) -> list[str]:
    """What is wrong with an operation's record by itself (its shape, the laptops' rules): checked
    before the push takes any lock, so parallel pushes validate side by side."""
    record = op.get("record") if isinstance(op, dict) else None
    if not isinstance(record, dict):
        return []
    return _shape_errors(record) or _validated(record, ctx, today)


def _apply(session: Session, device: Device, op: dict[str, Any], ctx: HubContext, batch: _Batch,
           seqs: list[int], errors: list[str] | None = None, text: str | None = None,
           now: dt.datetime | None = None) -> dict[str, Any]:
    record = op.get("record")
    if not isinstance(record, dict):
        return {"status": "rejected", "errors": ["operasi tanpa data peserta"]}
    rid = str(record.get("id") or "")
    regno = str(record.get("registration_no") or "")
    base = op.get("base_revision")
    if not isinstance(base, int) or isinstance(base, bool) or not 0 <= base <= MAX_REVISION:
        return {"status": "rejected", "errors": ["base_revision harus bilangan bulat 0 sampai 2^31-1"]}
    if errors is None:
        errors = _shape_errors(record) or _validated(record, ctx)
    if errors:
        return {"status": "rejected", "errors": errors}
    if rid in batch.created:
        return {"status": "rejected", "errors": ["data yang sama dua kali dalam satu kiriman"]}
    current = batch.records.get(rid)
    if current is not None and base in (0, current.revision) and batch.scope is not None and \
            not scopes.covers(batch.scope, current, merged=current.merged):
        # Outside this laptop's people, whatever its role: never changed by it, and answered as a record
        # the hub does not hold. An edit it made while it held the record (an older revision) is kept
        # as a conflict below, for whoever holds the record now to settle: nothing typed is lost.
        if base != 0:
            return {"status": "rejected", "errors": [_NOT_HELD]}
        if record.get("device_id") != device.id or not regno.startswith((device.registration_prefix or "?") + "-"):
            raise Forbidden(_NOT_OWN)
        return {"status": "rejected", "errors": [f"No. Registrasi {regno} sudah dipakai data lain"]}
    held = json.loads(current.data) if current is not None else None     # parsed once for every check
    refusal = _refusal(device, current, record) or _identity_change(held, record)
    if refusal:
        return {"status": "rejected", "errors": [refusal]}
    now = now or utcnow()
    data = text or _data_text(record)
    deleted = record.get("status") == "deleted" or bool(record.get("deleted_at"))
    if current is None:
        if base != 0:
            return {"status": "rejected", "errors": [_NOT_HELD]}
        if record.get("device_id") != device.id or not regno.startswith((device.registration_prefix or "?") + "-"):
            raise Forbidden(_NOT_OWN)
        if batch.regnos.get(regno, rid) != rid:
            return {"status": "rejected", "errors": [f"No. Registrasi {regno} sudah dipakai data lain"]}
        refusal = _admitted(session, device, None, record, batch, now, role_checked=True)
        if refusal:
            return {"status": "rejected", "errors": [refusal]}
        others = [] if deleted else [u for u in batch.by_nik.get(record["nik"], []) if u != rid]
        where = scopes.location(record)
        batch.new_records.append(dict(
            uuid=rid, registration_no=regno, nik=record["nik"], full_name=record["full_name"], revision=1,
            data=data, device_id=device.id, changed_by_device=device.id, seq=seqs[0], created_seq=seqs.pop(0),
            deleted=deleted, updated_at=now, merged=False, kpj_number=_live_kpj(record), **where))
        batch.where[rid] = where | {"device_id": device.id}
        batch.created.add(rid)
        batch.regnos[regno] = rid
        if not deleted:
            batch.by_nik.setdefault(record["nik"], []).append(rid)
        for other in others:   # a new record: no pair with it exists yet
            session.add(PossibleDuplicate(nik=record["nik"], record_uuid=rid, other_uuid=other, created_at=now))
        return {"status": "duplicate" if others else "accepted", "revision": 1, **_holders(batch, others)}
    if current.revision != base:
        # Kept for a person to settle; what is settled passes the gate then (``resolve_conflict``).
        session.add(Conflict(record_uuid=rid, device_id=device.id, base_revision=base, incoming=data,
                             op_id=str(op.get("op_id")), created_at=now))
        return {"status": "conflict", "revision": current.revision}
    refusal = _admitted(session, device, current, record, batch, now, role_checked=True, held=held)
    if refusal:
        return {"status": "rejected", "errors": [refusal]}
    was_live_as = None if current.deleted else current.nik
    _store(current, record, device.id, seqs.pop(0), data=data)
    batch.where[rid] = current
    others: list[str] = []
    if not current.deleted and current.nik != was_live_as:
        # A corrected NIK (or a record brought back) that another live record holds: a possible
        # duplicate for review, exactly as a new enrollment of that NIK would be.
        if was_live_as is not None and rid in batch.by_nik.get(was_live_as, []):
            batch.by_nik[was_live_as].remove(rid)
        others = [u for u in batch.by_nik.get(current.nik, []) if u != rid]
        batch.by_nik.setdefault(current.nik, []).append(rid)
        _flag(session, current.nik, rid, others, now)
    elif current.deleted and was_live_as is not None and rid in batch.by_nik.get(was_live_as, []):
        batch.by_nik[was_live_as].remove(rid)
    if others:
        return {"status": "duplicate", "revision": current.revision, **_holders(batch, others)}
    return {"status": "accepted", "revision": current.revision}


_NOT_HELD = "data ini belum ada di hub (base_revision harus 0)"
_NOT_OWN = "laptop hanya boleh mengirim pendaftaran buatannya sendiri"


def _holders(batch: _Batch, others: list[str]) -> dict[str, Any]:
    """The other holders of a pushed NIK as the pushing laptop may learn them: those in its scope by
    id; of the others only that they exist ("NIK ini sudah terdaftar di wilayah lain"). The pair is
    flagged at the hub either way, for whoever's scope covers both."""
    if batch.scope is None or not others:
        return {"duplicates": others}
    seen = [u for u in others if scopes.covers(batch.scope, batch.where.get(u) or {})]
    return {"duplicates": seen, **({"elsewhere": True} if len(seen) < len(others) else {})}


def _flag(session: Session, nik: str, rid: str, others: list[str], now: dt.datetime) -> None:
    """Flag ``rid`` as a possible duplicate of each of ``others`` (a pair flagged before stays one pair)."""
    if not others:
        return
    known = {(a, b) for a, b in session.execute(select(PossibleDuplicate.record_uuid, PossibleDuplicate.other_uuid)
                                                .where(PossibleDuplicate.record_uuid.in_([rid, *others]),
                                                       PossibleDuplicate.other_uuid.in_([rid, *others])))}
    for other in others:
        if (rid, other) not in known and (other, rid) not in known:
            session.add(PossibleDuplicate(nik=nik, record_uuid=rid, other_uuid=other, created_at=now))


# A UUID as str(uuid.UUID(…)) writes it: lower-case hexadecimal, hyphenated.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _shape_errors(record: dict[str, Any]) -> list[str]:
    """What the database could not even hold: unknown keys, identities of the wrong form."""
    errors = []
    if not SYNCED_KEYS.issuperset(record):
        unknown = sorted(str(k)[:40] for k in record if k not in SYNCED_KEYS)
        errors.append("kolom tidak dikenal: " + ", ".join(unknown[:10]))
    rid, regno = record.get("id"), record.get("registration_no")
    if not isinstance(rid, str) or not _CANONICAL_UUID.fullmatch(rid):
        errors.append("id harus UUID")
    if not isinstance(regno, str) or not is_valid_registration_no(regno) or len(regno) != 15:
        errors.append("registration_no tidak sah")
    return errors


def _identity_change(held: dict[str, Any] | None, record: dict[str, Any]) -> str | None:
    """An edit may not change who the record is or where it came from."""
    if held is None:
        return None
    changed = [k for k in IDENTITY_FIELDS if record.get(k) != held.get(k)]
    if changed:
        return "kolom identitas tidak boleh diubah: " + ", ".join(changed)
    return None


def _school_of(data: dict[str, Any] | str) -> str | None:
    if isinstance(data, str):
        data = json.loads(data)
    return data.get("school_npsn") or None


def _refusal(device: Device, current: Record | None, record: dict[str, Any]) -> str | None:
    """Why this laptop's role does not allow the operation (None: allowed)."""
    role = device.role
    if role == "admin":
        return None
    if role == "printer":
        return "laptop pencetak tidak mengirim perubahan data peserta"
    if current is None or current.device_id == device.id:
        return None                      # its own enrollments (creating is checked by prefix)
    if _reports_only(device, current, record):
        return None                      # an incident or a claim's papers, on a record it holds
    if role == "coordinator" and device.school_npsn and \
            _school_of(current.data) == device.school_npsn == _school_of(record):
        return None
    if role == "coordinator":
        return f"laptop koordinator hanya boleh mengubah data sekolahnya (NPSN {device.school_npsn})"
    return "laptop relawan hanya boleh mengubah data yang didaftarkan di laptop itu"


# What a change that only reports may touch besides the events: what follows from them, and its stamps.
_REPORT_KEYS = frozenset(lifecycle.LIFECYCLE_KEYS + ("revision", "updated_at", "updated_by"))


def _reports_only(device: Device, current: Record, record: dict[str, Any]) -> bool:
    """Whether a change to a record another laptop enrolled only reports what anyone who may see it
    reports (an incident, a claim's papers: ``lifecycle.branch_only``), on a record in this laptop's
    scope; everything else of the record unchanged."""
    held = json.loads(current.data)
    added = lifecycle.appended(held.get("lifecycle") or [], record.get("lifecycle") or [])
    if not added or any(lifecycle.branch_only(e) for e in added):
        return False
    if any(record.get(k) != held.get(k) for k in set(held) | set(record) if k not in _REPORT_KEYS):
        return False
    return scopes.covers(scopes.of_device(device), current)


_BRANCH_ONLY = "hanya laptop cabang yang boleh mengubah status kepesertaan, KPJ dan masa perlindungan"


def _lifecycle_refusal(device: Device, held: dict[str, Any] | None, record: dict[str, Any]) -> str | None:
    """Submissions, BPJS's answers and payments are events, and everything else of a membership follows
    from them: the events held are never removed or rewritten, only the branch's laptops (role admin)
    append new ones (but incidents and a claim's papers: ``lifecycle.branch_only``), and status, KPJ and coverage must be what the events prove (``lifecycle.expected``).
    ``held``: the version stored (None for a new record)."""
    held_events = (held or {}).get("lifecycle") or []
    events = record.get("lifecycle") or []
    added = lifecycle.appended(held_events, events)
    if added is None:
        return "lifecycle: peristiwa kepesertaan hanya boleh ditambah, tidak dihapus atau diubah"
    if device.role != "admin" and any(lifecycle.branch_only(e) for e in added):
        return _BRANCH_ONLY      # an incident and a claim's papers are anyone's who may see the record
    wrong = lifecycle.mismatch(record, held)
    if wrong:
        return f"{wrong[0]}: tidak sesuai dengan peristiwa kepesertaan"
    deleting = record.get("status") == "deleted" and (held or {}).get("status") != "deleted"
    if deleting and device.role != "admin" and \
            lifecycle.expected(events, held)["status"] in ("submitted", "active"):
        # BPJS holds the registration: ending it is the branch's decision, with its reason.
        return "peserta yang sudah diajukan ke BPJS atau aktif hanya dapat dihapus oleh laptop cabang"
    return None


def _kpj_clash(session: Session, rid: str, record: dict[str, Any], batch: _Batch | None = None) -> str | None:
    """A KPJ number belongs to one live record at the hub, as on every laptop (the caller holds its lock)."""
    kpj = _live_kpj(record)
    if kpj is None:
        return None
    if batch is not None and batch.kpjs.get(kpj, rid) != rid:
        holder = batch.kpjs[kpj]
    else:
        holder = session.scalar(select(Record.registration_no).where(
            Record.kpj_number == kpj, Record.uuid != rid, Record.deleted.is_(False)))
    if holder is None:
        if batch is not None:
            batch.kpjs[kpj] = rid
        return None
    return f"kpj_number: KPJ {kpj} sudah dipegang peserta lain di hub"


def _payment_clash(session: Session, held: dict[str, Any] | None, record: dict[str, Any], device: Device,
                   now: dt.datetime) -> str | None:
    """One transfer is recorded once per batch, across laptops: each new payment event claims its
    (batch, reference) for its payment number; another payment claiming it is refused, naming the first.
    The claim is an insert the primary key decides, so two hub processes cannot both win it."""
    added = (record.get("lifecycle") or [])[len((held or {}).get("lifecycle") or []):]
    paid = [e for e in added if e.get("type") == lifecycle.PAID and str(e.get("reference") or "").strip()]
    if not paid:
        return None
    batch = lifecycle.derive(record["lifecycle"]).batch or ""
    claims = {(batch, str(e["reference"]).strip()): str(e.get("payment") or "") for e in paid}
    for (batch, reference), payment in claims.items():
        session.execute(_insert_new(session, PaymentReference).values(
            batch_no=batch, reference=reference, payment=payment, device_id=device.id, created_at=now)
            .on_conflict_do_nothing(index_elements=["batch_no", "reference"]))
        first = session.scalar(select(PaymentReference.payment).where(
            PaymentReference.batch_no == batch, PaymentReference.reference == reference))
        if first != payment:
            return (f"lifecycle: transfer {reference[:40]} untuk batch {batch or '-'} sudah dicatat sebagai "
                    f"pembayaran {first}")
    return None


def _live_kpj(record: dict[str, Any]) -> str | None:
    """The KPJ a record holds among the live ones (the unique column): none once deleted."""
    deleted = record.get("status") == "deleted" or bool(record.get("deleted_at"))
    return None if deleted else (record.get("kpj_number") or None)


def _insert_new(session: Session, model):
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as insert_new
    else:
        from sqlalchemy.dialects.sqlite import insert as insert_new
    return insert_new(model)


def _admitted(session: Session, device: Device, current: Record | None, record: dict[str, Any],
              batch: _Batch | None = None, now: dt.datetime | None = None, role_checked: bool = False,
              held: dict[str, Any] | None = None) -> str | None:
    """The one gate every write of a record at the hub passes (push, a bundle's operations, a settled
    conflict, a merge): after ``_validated`` (the record by itself), what it may change of the stored
    version: the laptop's role (unless the caller checked it: reviews), its identity, its events and
    what follows from them, its KPJ, its payments. ``held``: the stored version, when the caller parsed it
    already. None: admitted."""
    if held is None and current is not None:
        held = json.loads(current.data)
    rid = str(record.get("id") or "")
    return ((None if role_checked else _refusal(device, current, record))
            or _identity_change(held, record)
            or _lifecycle_refusal(device, held, record)
            or _kpj_clash(session, rid, record, batch)
            or _payment_clash(session, held, record, device, now or utcnow()))


def may_settle(device: Device, *records: Record) -> bool:
    """A reviewing laptop settles everything, a coordinator's only its own school's records."""
    return device.role != "coordinator" or all(_school_of(r.data) == device.school_npsn for r in records)


def _json_text(value: Any) -> str:
    """Compact JSON with sorted keys, written by orjson (a tenth of Python's encoder's time); Python's
    encoder, in the same form, for what orjson cannot write (integers beyond 64 bits)."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _data_text(record: dict[str, Any]) -> str:
    """A record as stored: its JSON with sorted keys (the hub's revision is added when it is sent)."""
    return _json_text(record)


def _op_text(op: Any) -> tuple[str, str | None]:
    """An operation's digest and its record's stored JSON, from one serialisation: the digest is of the
    whole operation with sorted keys, whose text holds the record's as it is."""
    record = op.get("record") if isinstance(op, dict) else None
    if isinstance(record, dict) and op.keys() == {"base_revision", "op_id", "record"}:
        text = _data_text(record)
        whole = (f'{{"base_revision":{_json_text(op["base_revision"])},'
                 f'"op_id":{_json_text(op["op_id"])},"record":{text}}}')
        return _digest(whole), text
    return _digest(_json_text(op)), None


def _earlier_digest(op: Any) -> str:
    """An operation's digest as hubs wrote it before orjson (Python's encoder, spaced): a laptop may
    resend an operation such a hub answered, and must get the same answer."""
    return _digest(json.dumps(op, sort_keys=True, ensure_ascii=False))


def _store(current: Record, record: dict[str, Any], by_device: str, seq: int, merged: bool = False,
           data: str | None = None) -> None:
    """A new revision of a record the hub holds. When it moves (another area or school) or is merged
    away, where it was is kept: the laptops whose scope held it there are sent its removal."""
    current.merged = current.merged or merged
    # A record merged away has no place any more: it is in no laptop's scope.
    where = {k: None for k in scopes.LOCATION} if current.merged else scopes.location(record)
    if any(getattr(current, k) != v for k, v in where.items()):
        object_session(current).add(ScopeExit(seq=seq, record_uuid=current.uuid, device_id=current.device_id,
                                              **{k: getattr(current, k) for k in scopes.LOCATION}))
    for key, value in where.items():
        setattr(current, key, value)
    current.revision += 1
    current.data = data or _data_text(record)
    current.nik = record["nik"]
    current.full_name = record["full_name"]
    current.deleted = record.get("status") == "deleted" or bool(record.get("deleted_at"))
    current.kpj_number = None if current.merged else _live_kpj(record)
    current.changed_by_device = by_device
    current.updated_at = utcnow()
    current.seq = seq


def push(session: Session, device: Device, ops: list[dict[str, Any]], ctx: HubContext) -> list[dict[str, Any]]:
    """Apply a batch of operations in one transaction; each answer carries the operation id."""
    if len(ops) > MAX_BATCH:
        raise HubError(f"paling banyak {MAX_BATCH} operasi per kiriman")
    # The work on each operation by itself first, holding no lock: its digest and its record's checks.
    texts = [_op_text(op) for op in ops]
    today = utcnow().date()
    checks = [_checked(op, ctx, today) for op in ops]
    batch = _Batch(session, ops, device)
    first = _allocate_seqs(session, len(ops)) if ops else 0
    seqs = list(range(first, first + len(ops)))  # unused numbers are gaps, which the cursor allows
    now = utcnow()                                # the moment of this batch's transaction
    answers: list[dict[str, Any] | None] = []
    seen: set[str] = set()
    handing: list[tuple[int, dict[str, Any], str, str | None, list[str]]] = []
    for op, (digest, text), errors in zip(ops, texts, checks, strict=True):
        op_id = str(op.get("op_id") or "") if isinstance(op, dict) else ""
        if not op_id or len(op_id) > 80 or op_id in seen:
            answers.append({"op_id": op_id, "status": "rejected",
                            "errors": ["op_id wajib, unik dalam kiriman, paling panjang 80"]})
            continue
        seen.add(op_id)
        done = batch.done.get(op_id)
        if done is not None:
            if done.device_id != device.id or (done.digest != digest and done.digest != _earlier_digest(op)):
                answers.append({"op_id": op_id, "status": "rejected",
                                "errors": ["op_id ini sudah dipakai untuk data lain"]})
            else:
                answer = json.loads(done.result)      # a resend: the same answer, nothing changes …
                resolved = batch.resolved.get(op_id)
                if resolved is not None and not scopes.covers(batch.scope, resolved, merged=resolved.merged):
                    resolved = None     # settled out of this laptop's scope: it learns only its removal
                if answer["status"] == "conflict" and resolved is not None:
                    # … unless a coordinator has settled that conflict since: the laptop takes the result.
                    answer = {"op_id": op_id, "status": "resolved", "revision": resolved.revision,
                              "record": _out(resolved)}
                answers.append(answer)
            continue
        answer = {"op_id": op_id, **_apply(session, device, op, ctx, batch, seqs, errors, text, now)}
        if _handed_over(session, op, answer, batch):
            # A KPJ another record of this push gives up (two numbers swapped back by an undone answer):
            # tried again once the records before it in the push have let theirs go.
            handing.append((len(answers), op, digest, text, errors))
            answers.append(None)
            continue
        if answer["status"] != "rejected":
            batch.new_operations.append(dict(op_id=op_id, device_id=device.id, digest=digest,
                                             result=_json_text(answer), created_at=now))
        answers.append(answer)
    exchanging = []
    for item in handing:
        index, op, digest, text, errors = item
        answer = {"op_id": op["op_id"], **_apply(session, device, op, ctx, batch, seqs, errors, text, now)}
        answers[index] = answer
        if _handed_over(session, op, answer, batch):
            exchanging.append(item)
    if exchanging:
        for (index, *_rest), answer in zip(exchanging, _exchanged(session, device, ctx, batch, seqs, now, exchanging)):
            answers[index] = answer
    for index, op, digest, _text, _errors in handing:
        answer = answers[index]
        assert answer is not None
        if answer["status"] != "rejected":
            batch.new_operations.append(dict(op_id=op["op_id"], device_id=device.id, digest=digest,
                                             result=_json_text(answer), created_at=now))
    if batch.new_records:
        _insert_rows(session, Record.__table__, batch.new_records)
    if batch.new_operations:
        _insert_rows(session, Operation.__table__, batch.new_operations)
    return answers


def _handed_over(session: Session, op: dict[str, Any], answer: dict[str, Any], batch: _Batch) -> bool:
    """Whether ``op`` was refused only for a KPJ that a live record of this same push holds at the hub
    and gives up in it (its pushed version names another KPJ, or none)."""
    if answer["status"] != "rejected" or not all(str(e).startswith("kpj_number: KPJ") for e in answer["errors"]):
        return False
    kpj = _live_kpj(op["record"])
    holder = session.scalar(select(Record.uuid).where(Record.kpj_number == kpj, Record.deleted.is_(False)))
    if holder is None:
        return False
    releasing = next((o["record"] for o in batch.ops if str(o["record"].get("id") or "") == holder), None)
    return releasing is not None and _live_kpj(releasing) != kpj


def _exchanged(session: Session, device: Device, ctx: HubContext, batch: _Batch, seqs: list[int],
               now: dt.datetime, items: list[tuple[int, dict[str, Any], str, str | None, list[str]]]) -> list[dict]:
    """Stored records of one push that exchange KPJ numbers among themselves (A takes B's, B takes A's):
    each lets its number go first, then all are applied together, or none is (their refusals stand)."""
    refusals = [{"op_id": op["op_id"], "status": "rejected", "errors": [f"kpj_number: KPJ {_live_kpj(op['record'])} "
                 "sudah dipegang peserta lain di hub"]} for _i, op, *_r in items]
    held = [batch.records.get(str(op["record"].get("id") or "")) for _i, op, *_r in items]
    if any(record is None for record in held):
        return refusals
    claimed = dict(batch.kpjs)
    savepoint = session.begin_nested()
    try:
        for record in held:
            record.kpj_number = None
        session.flush()
        answers = [{"op_id": op["op_id"], **_apply(session, device, op, ctx, batch, seqs, errors, text, now)}
                   for _i, op, _digest, text, errors in items]
        session.flush()
    except IntegrityError:
        answers = refusals
    if any(answer["status"] == "rejected" for answer in answers):
        savepoint.rollback()
        batch.kpjs = claimed
        return refusals
    savepoint.commit()
    return answers


def _insert_rows(session: Session, table, rows: list[dict[str, Any]]) -> None:
    """Write new rows (dicts with the same keys) at once: PostgreSQL's COPY, SQLite's executemany."""
    names = list(rows[0])
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        connection.execute(table.insert(), rows)
        return
    driver = connection.connection.driver_connection          # psycopg, in this unit of work's transaction
    with driver.cursor() as cursor, cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[name] for name in names])


# --- pull and counts ------------------------------------------------------------------------------

def _out(record: Record) -> dict[str, Any]:
    data = json.loads(record.data)
    data["revision"] = record.revision
    return data


@dataclass
class Page:
    """One page of a laptop's pull: the records (seq, revision, data as stored), the ids of records it
    must remove (they left its scope), the cursor after them, whether more follow, and its scope.
    ``rescope``: the laptop's scope changed since it last completed one; it pulls the difference first
    (``changes(fill_from=…)``)."""

    rows: list[tuple[int, int, str]]
    removed: list[str]
    cursor: int
    more: bool
    scope: dict[str, Any]
    rescope: bool = False

    def json(self) -> str:
        """The answer as JSON text, the stored records spliced in as they are (no parsing)."""
        body = ",".join(f'{{"seq":{seq},"record":{_with_revision(data, revision)}}}' for seq, revision, data in self.rows)
        rest = json.dumps({"removed": self.removed, "cursor": self.cursor, "more": self.more, "scope": self.scope,
                           **({"rescope": True} if self.rescope else {})})
        return f'{{"changes":[{body}],{rest[1:]}'


def _with_revision(data: str, revision: int) -> str:
    # The stored JSON object with the hub's revision as its last key (a later key wins when read).
    return f'{data[:-1]},"revision":{revision}}}' if data != "{}" else f'{{"revision":{revision}}}'


def _stream(session: Session, table, seq_column, uuid_column, parts: list, where: list, after: int,
            limit: int) -> list[tuple[int, str]]:
    """(seq, id) of the rows after ``after`` matching any of ``parts`` and all of ``where``, in change
    order, at most ``limit + 1`` (a row matching two parts may come twice). Each part reads its own
    ``(column, seq)`` index from ``after`` on; the database merges them in order and stops early."""
    selects = [select(seq_column.label("seq"), uuid_column.label("uid")).where(part, seq_column > after, *where)
               .order_by(seq_column).limit(limit + 1).subquery() for part in parts]
    if len(selects) == 1:
        query = select(selects[0].c.seq, selects[0].c.uid)
    else:
        merged = union_all(*(select(s.c.seq, s.c.uid) for s in selects)).subquery()
        query = select(merged.c.seq, merged.c.uid).order_by(merged.c.seq).limit(limit + 1)
    return [(int(seq), uid) for seq, uid in session.execute(query)]


def _page_end(streams: list[list[tuple[int, str]]], limit: int) -> int | None:
    """The cursor after a page of at most ``limit`` rows of each stream; None: every stream ends here."""
    ends = [stream[limit - 1][0] for stream in streams if len(stream) > limit]
    return min(ends) if ends else None


def _left(session: Session, scope: scopes.Scope, exits: list[tuple[int, str]]) -> list[str]:
    """Of the records that moved out of somewhere (or were merged away), those not in ``scope`` now."""
    uids = list(dict.fromkeys(uid for _seq, uid in exits))
    if not uids:
        return []
    gone = set()
    for where in _chunks(session, Record.uuid, uids):
        for row in session.execute(select(Record.uuid, Record.device_id, Record.merged,
                                          *(getattr(Record, c) for c in scopes.LOCATION)).where(where)):
            if not scopes.covers(scope, row, merged=row.merged):
                gone.add(row.uuid)
    return [u for u in uids if u in gone]


def changes(session: Session, after: int, limit: int = 1000, device: Device | None = None, own: bool = False,
            known: int | None = None, fill_from: int | None = None) -> Page:
    """Records changed after cursor ``after`` in the laptop's scope, in change order, and the records
    that left its scope since (moved elsewhere, merged away): their removal.

    A laptop is not sent back its own changes (``own``: it is, for a full resync). The cursor still
    moves past them: sequence order is commit order (the counter's row lock is held to commit), so
    every change up to the highest visible sequence is already visible.

    ``known``: the scope version the laptop last completed (-1: it does not know one). When the
    laptop's scope has changed since, the page only says so (``rescope``); the laptop then pulls the
    difference with ``fill_from`` = that version: the records of the new scope the old one did not
    hold, and the removal of those it may hold that the new one does not (by their own cursor)."""
    limit = max(1, min(limit, MAX_BATCH))
    scope = scopes.of_device(device) if device is not None else scopes.Scope("")
    version = device.scope_version if device is not None else 0
    described = scope.as_json(version)
    if fill_from is not None:
        return _fill(session, after, limit, device, scope, described, fill_from)
    if known is not None and known < 0:
        known = 0 if after > 0 else version      # held nothing yet: the current scope is the laptop's
    if known is not None and known != version:
        return Page([], [], after, True, described, rescope=True)
    where = [] if scope.everything else [Record.merged.is_(False)]
    if device is not None and not own:
        where.append(Record.changed_by_device != device.id)
    parts = scopes.branches(scope, Record)
    if len(parts) == 1:       # every record: one read in change order, the rows at once
        rows = [(int(s), r, d) for s, r, d in session.execute(
            select(Record.seq, Record.revision, Record.data).where(Record.seq > after, *where)
            .order_by(Record.seq).limit(limit + 1))]
        end = rows[limit - 1][0] if len(rows) > limit else None
        exits: list[tuple[int, str]] = []
    else:
        seqs = _stream(session, Record, Record.seq, Record.uuid, parts, where, after, limit)
        # Records that left the scope's places before this laptop had it were never its to hold.
        begun = scopes.current_start(session, device) if device is not None else 0
        exits = _stream(session, ScopeExit, ScopeExit.seq, ScopeExit.record_uuid,
                        scopes.branches(scope, ScopeExit), [ScopeExit.seq > begun] if begun else [], after, limit)
        end = _page_end([seqs, exits], limit)
        wanted = sorted({seq for seq, _uid in seqs if end is None or seq <= end})
        rows = _rows_by_seq(session, wanted)
    cursor = end if end is not None else max(after, session.scalar(select(func.max(Record.seq))) or 0)
    rows = [r for r in rows if r[0] <= cursor]
    removed = _left(session, scope, [e for e in exits if e[0] <= cursor])
    return Page(rows, removed, cursor, end is not None, described)


def _rows_by_seq(session: Session, seqs: list[int]) -> list[tuple[int, int, str]]:
    rows = []
    for where in _chunks(session, Record.seq, seqs):
        rows += [(int(s), r, d) for s, r, d in session.execute(
            select(Record.seq, Record.revision, Record.data).where(where))]
    return sorted(rows)


def _fill(session: Session, after: int, limit: int, device: Device, scope: scopes.Scope,
          described: dict[str, Any], since: int) -> Page:
    """One page of the difference between the scope version ``since`` the laptop completed and its
    current one, by a cursor of its own: records the new scope holds and that version did not, and the
    removal of records the laptop may hold that the new one does not: those in a scope it had since
    then while it had it (or that left one of those places while it had it), never others."""
    held = scopes.held_since(session, device, since)
    additions_where = [Record.merged.is_(False)] + ([scopes.outside(held[0].scope, Record)] if held else [])
    additions = _stream(session, Record, Record.seq, Record.uuid, scopes.branches(scope, Record), additions_where,
                        after, limit)
    outside = scopes.outside(scope, Record)
    leaving = [_stream(session, Record, Record.seq, Record.uuid, scopes.branches(old.scope, Record),
                       [outside, *_there_before(old.end)], after, limit) for old in held]
    exits = [_stream(session, ScopeExit, ScopeExit.seq, ScopeExit.record_uuid, scopes.branches(old.scope, ScopeExit),
                     _left_while_held(old), after, limit) for old in held]
    end = _page_end([additions, *leaving, *exits], limit)
    cursor = end if end is not None else max(after, session.scalar(select(func.max(Record.seq))) or 0)
    rows = _rows_by_seq(session, sorted({seq for seq, _uid in additions if seq <= cursor}))
    removed = list(dict.fromkeys([uid for stream in leaving for seq, uid in stream if seq <= cursor]
                                 + _left(session, scope, [e for stream in exits for e in stream if e[0] <= cursor])))
    return Page(rows, removed, cursor, end is not None, described)


def _there_before(end: int | None) -> list:
    """The record has been where it is since before ``end`` (created before it, not moved since): a
    laptop whose scope held that place until ``end`` may hold it. Records the laptop enrolled itself
    are held in every scope: what happens to them later is told under the later scopes."""
    if end is None:
        return []
    moved = aliased(ScopeExit)
    return [func.coalesce(Record.created_seq, Record.seq) < end,
            ~select(moved.id).where(moved.record_uuid == Record.uuid, moved.seq >= end).exists()]


def _left_while_held(old: scopes.Held) -> list:
    """The record left the place a scope exit keeps while the laptop had ``old``: it moved after
    ``old`` began, and had been there since before ``old`` ended (created before, not moved between)."""
    where = [ScopeExit.seq > old.start] if old.start else []
    if old.end is not None:
        moved = aliased(ScopeExit)
        where += [select(Record.uuid).where(Record.uuid == ScopeExit.record_uuid,
                                            func.coalesce(Record.created_seq, Record.seq) < old.end).exists(),
                  ~select(moved.id).where(moved.record_uuid == ScopeExit.record_uuid, moved.seq >= old.end,
                                          moved.seq < ScopeExit.seq).exists()]
    return where


def get_record(session: Session, record_id: str, device: Device | None = None) -> dict[str, Any]:
    """The hub's version of one record (a laptop dropping an edit the hub refused takes it), when the
    laptop's scope holds it now; one outside it is answered as one that does not exist."""
    record = session.get(Record, record_id[:36])
    if record is None or (device is not None and not scopes.covers(scopes.of_device(device), record,
                                                                      merged=record.merged)):
        raise NotFound("data ini tidak ada di hub")
    return _out(record)


def visible_conflict(session: Session, device: Device, conflict_id: int) -> None:
    """A conflict this laptop may be told about: its record is in the laptop's scope now. Any other is
    answered as one that does not exist (whether it exists, or is settled, is not this laptop's to know)."""
    conflict = session.get(Conflict, conflict_id)
    record = session.get(Record, conflict.record_uuid) if conflict is not None else None
    if record is None or not scopes.covers(scopes.of_device(device), record, merged=record.merged):
        raise NotFound("konflik ini tidak ada")


def visible_pair(session: Session, device: Device, pair_id: int) -> None:
    """A possible duplicate this laptop may be told about: both its records in the laptop's scope now."""
    pair = session.get(PossibleDuplicate, pair_id)
    scope = scopes.of_device(device)
    records = list(_in_chunks(session, Record, Record.uuid, [pair.record_uuid, pair.other_uuid])) if pair else []
    seen = {r.uuid for r in records if scopes.covers(scope, r, merged=r.merged)}
    # The record a merge of this pair took away is seen with the one it was merged into.
    seen |= {r.uuid for r in records if r.merged and pair.kept_uuid in seen and pair.resolution == "merged"}
    if len(records) != 2 or len(seen) != 2:
        raise NotFound("pasangan data ganda ini tidak ada")


def status(session: Session, at: int | None = None, device: Device | None = None) -> dict[str, Any]:
    """Totals in the laptop's scope; ``at``: the records a laptop whose pull reached cursor ``at`` must
    hold (those created up to it that its scope held then), so other laptops' pushes meanwhile do not
    look like a mismatch. Open conflicts and possible duplicates: for a laptop that may review them."""
    scope = scopes.of_device(device) if device is not None else scopes.Scope("")
    conflicts = select(func.count()).select_from(Conflict).where(Conflict.resolved_at.is_(None))
    duplicates = select(func.count()).select_from(PossibleDuplicate).where(PossibleDuplicate.resolved_at.is_(None))
    if scope.everything:
        count = select(func.count()).select_from(Record)
        records = session.scalar(count if at is None else count.where(Record.created_seq <= at)) or 0
    else:
        records = _scoped_count(session, scope, at)
        conflicts = conflicts.join(Record, Record.uuid == Conflict.record_uuid).where(scopes.condition(scope, Record))
        first, second = aliased(Record), aliased(Record)
        duplicates = (duplicates.join(first, first.uuid == PossibleDuplicate.record_uuid)
                      .join(second, second.uuid == PossibleDuplicate.other_uuid)
                      .where(scopes.condition(scope, first), scopes.condition(scope, second)))
    # What waits for review is counted for the laptops that may settle it (the others show no such
    # count): reading every open pair's two records costs with the open pairs of the whole hub.
    reviews = device is None or device.may_review
    return {
        "records": records,
        "cursor": session.scalar(select(func.max(Record.seq))) or 0,
        "conflicts": (session.scalar(conflicts) or 0) if reviews else 0,
        "duplicates": (session.scalar(duplicates) or 0) if reviews else 0,
        "may_review": reviews,
    }


def _scoped_count(session: Session, scope: scopes.Scope, at: int | None) -> int:
    """Records in ``scope``; with ``at``, as the scope held them at cursor ``at`` (created by then, where
    they were then): those unchanged since are counted where they are, the few changed since where
    their first move after ``at`` says they were."""
    # Those in its places (read off the indexes alone), and its own not counted there.
    placed = select(func.count()).select_from(Record).where(scopes.located(scope, Record))
    own = select(func.count()).select_from(Record).where(
        Record.device_id == scope.device_id, Record.merged.is_(False), scopes.outside(scope, Record, places_only=True))
    if at is None:
        return (session.scalar(placed) or 0) + (session.scalar(own) or 0)
    total = (session.scalar(placed.where(Record.seq <= at)) or 0) + (session.scalar(own.where(Record.seq <= at)) or 0)
    changed = {r.uuid: r for r in session.execute(
        select(Record.uuid, Record.device_id, Record.merged, *(getattr(Record, c) for c in scopes.LOCATION))
        .where(Record.seq > at, Record.created_seq <= at))}
    before: dict[str, Any] = {}
    uids = list(changed)
    for where in _chunks(session, ScopeExit.record_uuid, uids):
        for e in session.scalars(select(ScopeExit).where(where, ScopeExit.seq > at).order_by(ScopeExit.seq.desc())):
            before[e.record_uuid] = e           # the earliest after ``at`` is written last
    for uid, row in changed.items():
        then = before.get(uid)
        total += scopes.covers(scope, then) if then is not None else scopes.covers(scope, row, merged=row.merged)
    return total


def list_records(session: Session) -> list[dict[str, Any]]:
    return [_out(r) for r in session.scalars(select(Record).order_by(Record.full_name, Record.uuid))]


# --- review: conflicts and possible duplicates, settled by a coordinator ---------------------------

# Changes settled at the hub carry this as their author, so every laptop pulls them (the
# coordinator's own laptop too, which a laptop's own changes never are).
SETTLED_BY = "hub"
# What a settlement may not change: who the record is and where it came from.
_IDENTITY = ("id", "registration_no", "device_id", "enrolled_by", "enrolled_at", "kpj_number")


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds") + "Z"


def review(session: Session, limit: int = 200, device: Device | None = None) -> dict[str, Any]:
    """The open conflicts (the hub's version beside the laptop's) and possible duplicates (both
    records); for a coordinator's laptop, those of its school; for a laptop with a scope, those whose
    records its scope holds (both records of a pair)."""
    limit = max(1, min(limit, 1000))
    conflict_query = select(Conflict).where(Conflict.resolved_at.is_(None))
    pair_query = select(PossibleDuplicate).where(PossibleDuplicate.resolved_at.is_(None))
    scope = scopes.of_device(device) if device is not None else scopes.Scope("")
    if not scope.everything:
        first, second = aliased(Record), aliased(Record)
        conflict_query = conflict_query.join(Record, Record.uuid == Conflict.record_uuid).where(
            scopes.condition(scope, Record))
        pair_query = (pair_query.join(first, first.uuid == PossibleDuplicate.record_uuid)
                      .join(second, second.uuid == PossibleDuplicate.other_uuid)
                      .where(scopes.condition(scope, first), scopes.condition(scope, second)))
    conflicts = list(session.scalars(conflict_query.order_by(Conflict.id).limit(limit)))
    pairs = list(session.scalars(pair_query.order_by(PossibleDuplicate.id).limit(limit)))
    wanted = [c.record_uuid for c in conflicts] + [u for d in pairs for u in (d.record_uuid, d.other_uuid)]
    records = {r.uuid: r for r in _in_chunks(session, Record, Record.uuid, wanted)}
    devices = dict(session.execute(select(Device.id, Device.name).where(
        Device.id.in_({c.device_id for c in conflicts} or {""}))).all())
    totals = status(session, None, device)
    if device is not None and device.role == "coordinator":
        conflicts = [c for c in conflicts if c.record_uuid in records and may_settle(device, records[c.record_uuid])]
        pairs = [d for d in pairs if d.record_uuid in records and d.other_uuid in records
                 and may_settle(device, records[d.record_uuid], records[d.other_uuid])]
    return {
        "conflicts": [{"id": c.id, "record_id": c.record_uuid, "device": devices.get(c.device_id, c.device_id),
                       "created_at": _stamp(c.created_at), "base_revision": c.base_revision,
                       "hub": _out(records[c.record_uuid]), "incoming": json.loads(c.incoming)}
                      for c in conflicts if c.record_uuid in records],
        "duplicates": [{"id": d.id, "nik": d.nik, "created_at": _stamp(d.created_at),
                        "records": [_out(records[d.other_uuid]), _out(records[d.record_uuid])]}
                       for d in pairs if d.record_uuid in records and d.other_uuid in records],
        "open_conflicts": totals["conflicts"], "open_duplicates": totals["duplicates"],
    }


def _reviewer(who: str) -> str:
    who = " ".join(str(who or "").split())[:120]
    if not who:
        raise HubError("nama peninjau wajib ada")
    return who


def _revision(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise HubError("revisi harus bilangan bulat")
    return value


# The branch at the hub's own console (``lindung-hub`` commands settle with no laptop): the branch's rights.
_HUB_ITSELF = Device(id=SETTLED_BY, name="hub", role="admin")


def _settled(session: Session, current: Record, submitted: Any, who: str, ctx: HubContext, reviewer: Device | None,
             extension: tuple[Device, list[Any]] | None = None) -> dict[str, Any]:
    """The record as the coordinator settled it: their fields over the hub's; its identity and its
    membership (events, status, KPJ, coverage) are not theirs to choose: the hub's events stay, with those
    a branch laptop's conflicting push appended to them (``extension``: that laptop and its events).
    The result passes the same gate as a push."""
    if not isinstance(submitted, dict):
        raise HubError("data hasil tinjauan tidak ada")
    held = json.loads(current.data)
    record = dict(held)
    record.update({k: v for k, v in submitted.items()
                   if k not in _IDENTITY and k not in lifecycle.LIFECYCLE_KEYS and k != "revision"})
    author = reviewer
    if extension is not None:
        author, record["lifecycle"] = extension
        record.update({k: v for k, v in lifecycle.expected(record["lifecycle"]).items()
                       if not (k == "status" and held.get("status") == "deleted")})
    record["updated_by"], record["updated_at"] = who, _stamp(utcnow())
    errors = _shape_errors(record) or _validated(record, ctx)
    if errors:
        raise HubError("data hasil tinjauan tidak sah: " + "; ".join(errors))
    refusal = _admitted(session, author or _HUB_ITSELF, current, record, role_checked=True)
    if refusal:
        raise HubError("data hasil tinjauan tidak sah: " + refusal)
    return record


def _extension(session: Session, conflict: Conflict, current: Record) -> tuple[Device, list[Any]] | None:
    """The events a branch laptop's conflicting version added to the hub's, kept when it is settled."""
    device = session.get(Device, conflict.device_id)
    try:
        incoming = json.loads(conflict.incoming).get("lifecycle") or []
    except (ValueError, AttributeError):
        return None
    held = json.loads(current.data).get("lifecycle") or []
    if device is None or device.role != "admin" or not lifecycle.appended(held, incoming):
        return None
    return device, incoming


def _flag_same_nik(session: Session, record: Record) -> None:
    """After a review changed a record's NIK (the caller holds that NIK's lock): pair it with the
    other live holders."""
    if record.deleted:
        return
    others = list(session.scalars(select(Record.uuid).where(Record.nik == record.nik, Record.uuid != record.uuid,
                                                            Record.deleted.is_(False))))
    _flag(session, record.nik, record.uuid, others, utcnow())


def _lock_submitted_nik(session: Session, submitted: Any) -> None:
    lock_niks(session, [submitted.get("nik")] if isinstance(submitted, dict) else [])


def _require_settle(device: Device | None, settled: dict[str, Any] | None, *records: Record) -> None:
    if device is not None and (not may_settle(device, *records) or (
            settled is not None and device.role == "coordinator" and _school_of(settled) != device.school_npsn)):
        raise Forbidden(f"laptop koordinator hanya boleh meninjau data sekolahnya (NPSN {device.school_npsn})")
    if device is not None and not all(scopes.covers(scopes.of_device(device), r, merged=r.merged) for r in records):
        raise Forbidden("data ini di luar cakupan laptop ini; yang meninjaunya laptop yang cakupannya memuat keduanya")


def resolve_conflict(session: Session, conflict_id: int, submitted: Any, revision: Any, who: str,
                     ctx: HubContext, device: Device | None = None) -> dict[str, Any]:
    """Settle a conflict with the version the coordinator chose (field by field); ``revision`` is the
    hub revision they were shown, so a change made meanwhile is not overwritten unseen."""
    who, revision = _reviewer(who), _revision(revision)
    _lock_submitted_nik(session, submitted)      # before any row lock, in the order pushes take them
    conflict = session.get(Conflict, conflict_id, with_for_update=True)
    if conflict is None:
        raise NotFound("konflik ini tidak ada")
    if conflict.resolved_at is not None:
        raise Clash("konflik ini sudah diselesaikan")
    current = session.get(Record, conflict.record_uuid, with_for_update=True)
    if current is None or current.revision != revision:
        raise Clash("data ini sudah berubah sejak ditampilkan; muat ulang tinjauan")
    _require_settle(device, None, current)
    record = _settled(session, current, submitted, who, ctx, device, _extension(session, conflict, current))
    _require_settle(device, record, current)
    nik_changed = record["nik"] != current.nik
    _store(current, record, SETTLED_BY, _allocate_seqs(session, 1))
    if nik_changed:
        _flag_same_nik(session, current)
    conflict.resolved_at, conflict.resolved_by, conflict.resolution = utcnow(), who, "resolved"
    return {"record": _out(current)}


def merge_duplicate(session: Session, pair_id: int, keep: str, submitted: Any, revisions: Any, who: str,
                    ctx: HubContext, device: Device | None = None) -> dict[str, Any]:
    """Merge a possible duplicate: ``keep`` stays (with the fields the coordinator chose, under its own
    registration number), the other is deleted with a reason naming the kept one."""
    who = _reviewer(who)
    _lock_submitted_nik(session, submitted)
    pair = session.get(PossibleDuplicate, pair_id, with_for_update=True)
    if pair is None:
        raise NotFound("pasangan data ganda ini tidak ada")
    if pair.resolved_at is not None:
        raise Clash("pasangan data ganda ini sudah diselesaikan")
    if keep not in (pair.record_uuid, pair.other_uuid):
        raise HubError("data yang dipertahankan harus salah satu dari pasangan ini")
    drop = pair.other_uuid if keep == pair.record_uuid else pair.record_uuid
    rows = {r.uuid: r for r in _in_chunks(session, Record, Record.uuid, [keep, drop], for_update=True)}
    if not isinstance(revisions, dict) or any(
            uid not in rows or rows[uid].revision != _revision(revisions.get(uid)) for uid in (keep, drop)):
        raise Clash("data ini sudah berubah sejak ditampilkan; muat ulang tinjauan")
    kept, gone = rows[keep], rows[drop]
    _require_settle(device, None, kept, gone)
    record = _settled(session, kept, submitted, who, ctx, device)
    _require_settle(device, record, kept, gone)
    now = _stamp(utcnow())
    removed = json.loads(gone.data) | {"status": "deleted", "deleted_at": now, "deleted_by": who,
                                       "deleted_reason": f"digabung ke {kept.registration_no}",
                                       "updated_by": who, "updated_at": now}
    first = _allocate_seqs(session, 2)
    # The removal comes first in change order: a laptop holding the removed record frees its NIK
    # before the kept one arrives.
    nik_changed = record["nik"] != kept.nik
    _store(gone, removed, SETTLED_BY, first, merged=True)
    _store(kept, record, SETTLED_BY, first + 1)
    moment = utcnow()
    for other in session.scalars(select(PossibleDuplicate).where(
            PossibleDuplicate.resolved_at.is_(None),
            (PossibleDuplicate.record_uuid == drop) | (PossibleDuplicate.other_uuid == drop))):
        other.resolved_at, other.resolved_by, other.resolution, other.kept_uuid = moment, who, "merged", keep
    if nik_changed:
        session.flush()
        _flag_same_nik(session, kept)
    return {"kept": _out(kept), "removed": _out(gone)}


def dismiss_duplicate(session: Session, pair_id: int, who: str, device: Device | None = None) -> dict[str, Any]:
    """Not the same person after all (for instance one NIK was corrected): the pair is closed."""
    who = _reviewer(who)
    pair = session.get(PossibleDuplicate, pair_id, with_for_update=True)
    if pair is None:
        raise NotFound("pasangan data ganda ini tidak ada")
    _require_settle(device, None, *_in_chunks(session, Record, Record.uuid, [pair.record_uuid, pair.other_uuid]))
    if pair.resolved_at is None:
        pair.resolved_at, pair.resolved_by, pair.resolution = utcnow(), who, "dismissed"
    return {"id": pair.id}


# --- audit ---------------------------------------------------------------------------------------

_AUDIT_TEXT = {"at": 32, "actor": 64, "device_id": 36, "action": 16, "prev_hash": 64, "hash": 64,
               "subject": 2000, "details": 4_000_000}


def _audit_entry(device: Device, entry: Any) -> dict[str, Any]:
    from desktop.domain.audit_chain import ACTIONS, hash_of

    if not isinstance(entry, dict) or not isinstance(entry.get("id"), int) or not 0 < entry["id"] <= 2**62 \
            or any(not isinstance(entry.get(k), str) or len(entry[k]) > n for k, n in _AUDIT_TEXT.items()) \
            or entry["action"] not in ACTIONS:
        raise HubError("catatan audit tidak sah")
    if entry["device_id"] != device.id:
        raise HubError(f"catatan audit #{entry['id']} bukan dari laptop ini")
    if hash_of(entry) != entry["hash"]:
        raise Clash(f"catatan audit #{entry['id']} tidak cocok dengan isinya (diubah sesudah ditulis)")
    return entry


def store_audit(session: Session, device: Device, entries: list[Any]) -> dict[str, int]:
    """Keep a laptop's audit entries, checked: each hash must match its entry and continue the chain
    the hub holds for the laptop (from its start, or from an entry already here). Entries already
    here are skipped, so a resend is harmless. A broken chain refuses the whole batch (409)."""
    from desktop.domain.audit_chain import GENESIS

    checked = [_audit_entry(device, e) for e in entries]
    wanted = list({h for e in checked for h in (e["hash"], e["prev_hash"])})
    known: set[str] = set()
    for start in range(0, len(wanted), 500):
        known.update(session.scalars(select(AuditRecord.hash).where(
            AuditRecord.device_id == device.id, AuditRecord.hash.in_(wanted[start:start + 500]))))
    rows, already, now = [], 0, utcnow()
    for e in checked:
        if e["hash"] in known:
            already += 1
            continue
        if e["prev_hash"] != GENESIS and e["prev_hash"] not in known:
            raise Clash(f"catatan audit #{e['id']} tidak bersambung dengan yang sudah diterima (ada yang hilang)")
        known.add(e["hash"])
        rows.append({"device_id": device.id, "local_id": e["id"], "received_at": now,
                     **{k: e[k] for k in _AUDIT_TEXT if k != "device_id"}})
    if rows:
        session.execute(insert(AuditRecord), rows)
    return {"stored": len(rows), "already": already}


def audit_entries(session: Session, device_id: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """The newest entries first, with the laptop's name."""
    names = dict(session.execute(select(Device.id, Device.name)).all())
    query = select(AuditRecord).order_by(AuditRecord.id.desc()).limit(limit)
    if device_id:
        query = query.where(AuditRecord.device_id == device_id)
    return [{"device_id": r.device_id, "device": names.get(r.device_id, "?"), "id": r.local_id, "at": r.at,
             "actor": r.actor, "action": r.action, "subject": r.subject, "details": json.loads(r.details)}
            for r in session.scalars(query)]


def verify_audit(session: Session) -> dict[str, Any]:
    """Check every stored entry again (the hub's own copy could be edited too): its hash, and that it
    continues an entry of the same laptop. Returns counts and the broken entries."""
    from desktop.domain.audit_chain import GENESIS, hash_of

    hashes = {(d, h) for d, h in session.execute(select(AuditRecord.device_id, AuditRecord.hash))}
    total, broken = 0, []
    for r in session.scalars(select(AuditRecord).order_by(AuditRecord.id).execution_options(yield_per=1000)):
        total += 1
        if hash_of(r) != r.hash or (r.prev_hash != GENESIS and (r.device_id, r.prev_hash) not in hashes):
            broken.append({"device_id": r.device_id, "id": r.local_id})
    return {"entries": total, "devices": len({d for d, _ in hashes}), "broken": broken}


# --- bundles ------------------------------------------------------------------------------------

def import_bundle(session: Session, data: bytes, ctx: HubContext) -> dict[str, int]:
    """Apply a laptop's bundle (same operations and idempotency as a push): counts by outcome."""
    from desktop.domain.base64url import unb64
    from desktop.domain.bundle import BundleError, open_sealed, read_envelope

    try:
        envelope = read_envelope(data)
    except BundleError as exc:
        raise HubError(str(exc)) from exc
    device = session.get(Device, envelope["device_id"])
    if device is None or not device.public_key:
        raise Unauthorized("bundel dari laptop yang tidak terdaftar di hub ini")
    if device.revoked_at is not None:
        raise Forbidden("laptop ini sudah dicabut aksesnya oleh admin cabang")
    try:
        payload = open_sealed(envelope, unb64(device.public_key), hub_bundle_key(session))
    except BundleError as exc:
        raise HubError(str(exc)) from exc
    ops = payload.get("ops")
    if not isinstance(ops, list):
        raise HubError("bundel tanpa daftar operasi")
    counts = {"accepted": 0, "duplicate": 0, "conflict": 0, "rejected": 0, "already": 0, "audit": 0}
    for start in range(0, len(ops), MAX_BATCH):
        chunk = ops[start:start + MAX_BATCH]
        known = {o.op_id for o in _in_chunks(session, Operation, Operation.op_id,
                                             [str(op.get("op_id") or "") for op in chunk if isinstance(op, dict)])}
        for op, answer in zip(chunk, push(session, device, chunk, ctx), strict=True):
            if isinstance(op, dict) and op.get("op_id") in known and answer["status"] != "rejected":
                counts["already"] += 1
            else:
                counts[answer["status"]] += 1
    audit = payload.get("audit") or []
    if isinstance(audit, list) and audit:
        try:
            with session.begin_nested():   # a broken audit chain does not undo the records
                counts["audit"] = store_audit(session, device, audit)["stored"]
        except HubError as exc:
            counts["audit_refused"] = exc.message
    return counts
