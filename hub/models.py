"""The hub's tables (its own database and migrations, apart from the laptops')."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.storage.models import (
    NAMING,  # one naming convention for constraints in both databases
)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Device(Base):
    """A laptop allowed to sync: its credential is stored hashed; a revoked one is refused. An empty
    ``secret_hash`` is a credential withdrawn by a rotation, waiting for the laptop's renewal code."""

    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    secret_hash: Mapped[str] = mapped_column(String(128))
    registration_prefix: Mapped[str | None] = mapped_column(String(6), unique=True, nullable=True)
    public_key: Mapped[str | None] = mapped_column(String(64), nullable=True)  # Ed25519, signs its bundles
    may_review: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # settle conflicts
    # The most this laptop's accounts may do (volunteer, coordinator, printer, admin), checked by the hub
    # on every push; laptops registered before roles existed keep full rights.
    role: Mapped[str] = mapped_column(String(16), default="volunteer", server_default="admin")
    school_npsn: Mapped[str | None] = mapped_column(String(8), nullable=True)   # a coordinator's school
    # Which records this laptop holds (hub.scope): None = every record; "area" (kecamatan/desa codes),
    # "kabupaten" (kabupaten/kota codes) or "school" (NPSNs), always with the records it enrolled.
    scope_kind: Mapped[str | None] = mapped_column(String(12), nullable=True)
    scope_codes: Mapped[str | None] = mapped_column(Text, nullable=True)      # comma-separated
    scope_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # DeviceScope.version
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class DeviceCode(Base):
    """A one-time code an administrator hands to a volunteer to register a laptop."""

    __tablename__ = "device_codes"
    code_hash: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    may_review: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    role: Mapped[str] = mapped_column(String(16), default="volunteer", server_default="admin")
    school_npsn: Mapped[str | None] = mapped_column(String(8), nullable=True)
    scope_kind: Mapped[str | None] = mapped_column(String(12), nullable=True)
    scope_codes: Mapped[str | None] = mapped_column(Text, nullable=True)
    # A code that renews this registered laptop's credential (lindung-hub rotate); None: a new laptop.
    device_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class DeviceScope(Base):
    """Every scope a laptop has had (version 0, implicit, is "every record"): a laptop that last
    synced under version N is brought to the current one by the difference (hub.scope)."""

    __tablename__ = "device_scopes"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str | None] = mapped_column(String(12), nullable=True)
    codes: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # The change sequence when this version began (hub.scope.held_since): changes before it were not
    # seen under it, changes after the next version's were not seen under this one. None (versions
    # from before it was kept): from the start.
    seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class Counter(Base):
    """The change cursor: one row, incremented under a row lock so sequence order is commit order."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class Record(Base):
    """The hub's copy of one enrollment (the laptop's JSON, validated), with its change sequence."""

    __tablename__ = "records"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    registration_no: Mapped[str] = mapped_column(String(16), unique=True)
    nik: Mapped[str] = mapped_column(String(16), index=True)
    full_name: Mapped[str] = mapped_column(String(100))
    revision: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)              # the record as JSON (lindung list --json fields)
    device_id: Mapped[str] = mapped_column(String(36))   # who enrolled it
    changed_by_device: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    created_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True, index=True)  # seq when created
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Where the record belongs, copied from its data, for the laptops' scopes (each indexed with the
    # change sequence, so a scope's changes are read in order off one index); empty once merged away.
    kabupaten_code: Mapped[str | None] = mapped_column(String(4), nullable=True)
    kecamatan_code: Mapped[str | None] = mapped_column(String(6), nullable=True)
    desa_code: Mapped[str | None] = mapped_column(String(10), nullable=True)
    school_npsn: Mapped[str | None] = mapped_column(String(8), nullable=True)
    merged: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # merged away: in no scope
    # The KPJ number of a live record (empty once deleted or merged away): one live holder per KPJ.
    kpj_number: Mapped[str | None] = mapped_column(String(11), nullable=True)

    __table_args__ = tuple(Index(f"ix_records_{column}_seq", column, "seq") for column in (
        "kabupaten_code", "kecamatan_code", "desa_code", "school_npsn", "device_id")) + (
        Index("uq_records_kpj_live", "kpj_number", unique=True, sqlite_where=text("kpj_number IS NOT NULL"),
              postgresql_where=text("kpj_number IS NOT NULL")),)


class PaymentReference(Base):
    """A bank transfer recorded for a batch: the payment that recorded it first. Another payment naming
    the same transfer for the same batch is refused (a transfer is money received once)."""

    __tablename__ = "payment_references"
    batch_no: Mapped[str] = mapped_column(String(24), primary_key=True)    # "" for workers in no batch
    reference: Mapped[str] = mapped_column(String(200), primary_key=True)
    payment: Mapped[str] = mapped_column(String(24))
    device_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ScopeExit(Base):
    """Where a record was before a change moved it (another area or school) or merged it away: the
    laptops whose scope held it there are sent its removal."""

    __tablename__ = "scope_exits"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)                # the change that moved it
    record_uuid: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))          # the laptop that enrolled it
    kabupaten_code: Mapped[str | None] = mapped_column(String(4), nullable=True)
    kecamatan_code: Mapped[str | None] = mapped_column(String(6), nullable=True)
    desa_code: Mapped[str | None] = mapped_column(String(10), nullable=True)
    school_npsn: Mapped[str | None] = mapped_column(String(8), nullable=True)

    __table_args__ = tuple(Index(f"ix_scope_exits_{column}_seq", column, "seq") for column in (
        "kabupaten_code", "kecamatan_code", "desa_code", "school_npsn", "device_id", "record_uuid"))


class Operation(Base):
    """Every accepted push operation, so a resend is answered the same and changes nothing."""

    __tablename__ = "operations"
    op_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    digest: Mapped[str] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Conflict(Base):
    """Two versions of one record edited in parallel, for a coordinator to resolve."""

    __tablename__ = "conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    base_revision: Mapped[int] = mapped_column(Integer)
    incoming: Mapped[str] = mapped_column(Text)
    op_id: Mapped[str | None] = mapped_column(String(80), nullable=True, index=True)  # the push it came in
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    resolution: Mapped[str | None] = mapped_column(String(16), nullable=True)   # "resolved"

    # The open ones, which every review and count reads (the settled ones only grow).
    __table_args__ = (Index("ix_conflicts_open", "id", sqlite_where=text("resolved_at IS NULL"),
                            postgresql_where=text("resolved_at IS NULL")),)


class PossibleDuplicate(Base):
    """The same NIK enrolled on two laptops: both kept, flagged for a coordinator to merge."""

    __tablename__ = "possible_duplicates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nik: Mapped[str] = mapped_column(String(16))
    record_uuid: Mapped[str] = mapped_column(String(36))
    other_uuid: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    resolution: Mapped[str | None] = mapped_column(String(16), nullable=True)   # "merged" / "dismissed"
    kept_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True)

    __table_args__ = (Index("ix_possible_duplicates_pair", "record_uuid", "other_uuid", unique=True),
                      Index("ix_possible_duplicates_other", "other_uuid"),
                      Index("ix_possible_duplicates_open", "id", sqlite_where=text("resolved_at IS NULL"),
                            postgresql_where=text("resolved_at IS NULL")))


class HubSetting(Base):
    __tablename__ = "hub_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditRecord(Base):
    """One entry of a laptop's audit log as received. Entries are accepted only when their hash matches
    their content and they continue a chain the hub already holds for that laptop (a restored backup
    may fork it: both branches are kept)."""

    __tablename__ = "audit_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    local_id: Mapped[int] = mapped_column(BigInteger)          # the entry's number on the laptop
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(Text)
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_audit_entries_device_hash", "device_id", "hash", unique=True),
                      Index("ix_audit_entries_device_local", "device_id", "local_id"))
