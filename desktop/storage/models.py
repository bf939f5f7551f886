"""Tables of the laptop's database."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint, text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Key/value settings of this installation: device identity, sequence, programme policy."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RegionRow(Base):
    __tablename__ = "regions"
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    level: Mapped[int] = mapped_column(Integer)


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    school_npsn: Mapped[str | None] = mapped_column(String(8), nullable=True)  # a coordinator's school


class School(Base):
    __tablename__ = "schools"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    npsn: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    level: Mapped[str] = mapped_column(String(8))
    kabupaten_code: Mapped[str] = mapped_column(String(4))
    coordinator: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Worker(Base):
    """One enrollment: a vulnerable worker covered by JKK + JKM."""

    __tablename__ = "workers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # local rowid, joins the FTS index
    uuid: Mapped[str] = mapped_column(String(36), unique=True)  # client-generated, global
    revision: Mapped[int] = mapped_column(Integer, default=1)
    synced_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)  # acknowledged by the hub
    hub_revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    registration_no: Mapped[str] = mapped_column(String(16), unique=True)
    kpj_number: Mapped[str | None] = mapped_column(String(11), nullable=True)

    nik: Mapped[str] = mapped_column(String(16))
    no_kk: Mapped[str | None] = mapped_column(String(16), nullable=True)  # family card number
    full_name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100))  # accent-free, for sorting
    birth_place: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))
    address: Mapped[str] = mapped_column(String(200))
    kabupaten_code: Mapped[str] = mapped_column(String(4))
    kecamatan_code: Mapped[str] = mapped_column(String(6))
    desa_code: Mapped[str] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(16), nullable=True)
    occupation: Mapped[str] = mapped_column(String(32))
    occupation_other: Mapped[str] = mapped_column(String(100), default="")
    monthly_income: Mapped[int] = mapped_column(Integer)
    heir_name: Mapped[str] = mapped_column(String(100))
    heir_relationship: Mapped[str] = mapped_column(String(16))
    heir_phone: Mapped[str | None] = mapped_column(String(16), nullable=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"), nullable=True)
    pupil_name: Mapped[str] = mapped_column(String(100), default="")
    pupil_class: Mapped[str] = mapped_column(String(20), default="")
    programme: Mapped[str] = mapped_column(String(16))
    funding_source: Mapped[str] = mapped_column(String(20))
    asnaf: Mapped[str] = mapped_column(String(16), default="miskin", server_default="miskin")
    # Status, KPJ number and coverage follow from the BPJS/BAZNAS events (desktop.domain.lifecycle).
    lifecycle: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    coverage_start: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # KPJ membership start
    coverage_end: Mapped[dt.date | None] = mapped_column(Date, nullable=True)    # last day paid for
    status: Mapped[str] = mapped_column(String(12))
    batch_no: Mapped[str | None] = mapped_column(String(24), nullable=True)      # last submission batch

    enrolled_by: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(36))
    enrolled_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    deleted_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    deleted_reason: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (
        # A NIK can be enrolled once among records that are not deleted.
        Index("uq_workers_nik_live", "nik", unique=True,
              sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL")),
        Index("ix_workers_regno_live", "registration_no",
              sqlite_where=text("deleted_at IS NULL"), postgresql_where=text("deleted_at IS NULL")),
        Index("ix_workers_unsynced", "id",
              sqlite_where=text("synced_revision IS NULL OR synced_revision < revision"),
              postgresql_where=text("synced_revision IS NULL OR synced_revision < revision")),
        Index("ix_workers_name_key", "name_key", "id"),
        Index("ix_workers_kabupaten_name", "kabupaten_code", "name_key", "id"),
        Index("ix_workers_school", "school_id"),
        Index("ix_workers_status", "status"),
        # The last four digits of a NIK, which the masked list shows, are searched on their own.
        Index("ix_workers_nik_tail", text("substr(nik, 13)")),
        # One KPJ number per live person.
        Index("uq_workers_kpj_live", "kpj_number", unique=True,
              sqlite_where=text("deleted_at IS NULL AND kpj_number IS NOT NULL"),
              postgresql_where=text("deleted_at IS NULL AND kpj_number IS NOT NULL")),
        Index("ix_workers_batch", "batch_no"),
        Index("ix_workers_coverage_end", "coverage_end",
              sqlite_where=text("deleted_at IS NULL AND coverage_end IS NOT NULL"),
              postgresql_where=text("deleted_at IS NULL AND coverage_end IS NOT NULL")),
    )


class WorkerChange(Base):
    """Who changed which fields of a worker, and when (old and new values)."""

    __tablename__ = "worker_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("workers.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))  # create, update, delete, restore
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(36))
    changes: Mapped[str] = mapped_column(Text)  # JSON {field: [old, new]}


class Draft(Base):
    """A half-filled enrollment form, autosaved so nothing typed is lost."""

    __tablename__ = "drafts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    form_key: Mapped[str] = mapped_column(String(48))  # "new" or a worker uuid
    payload: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("username", "form_key", name="uq_drafts_user_form"),)


class PrintBatch(Base):
    """One run of card printing: who, when, which layout, and why when it re-prints cards."""

    __tablename__ = "print_batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(36))
    layout: Mapped[str] = mapped_column(String(8))
    card_count: Mapped[int] = mapped_column(Integer)
    reprint_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    file_name: Mapped[str] = mapped_column(String(255))


class MembershipBatch(Base):
    """One submission of records to BPJS Ketenagakerjaan (the collective registration spreadsheet)."""

    __tablename__ = "membership_batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(36))
    months: Mapped[int] = mapped_column(Integer)
    record_count: Mapped[int] = mapped_column(Integer)
    filters: Mapped[str] = mapped_column(Text)          # JSON: how the records were chosen
    file_name: Mapped[str] = mapped_column(String(255))


class Payment(Base):
    """BAZNAS's payment of contributions for a batch or a list (a renewal), for N months."""

    __tablename__ = "payments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    batch_no: Mapped[str | None] = mapped_column(String(24), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(36))
    months: Mapped[int] = mapped_column(Integer)
    record_count: Mapped[int] = mapped_column(Integer)
    amount_owed: Mapped[int] = mapped_column(Integer)
    amount_paid: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reference: Mapped[str] = mapped_column(Text)
    renewal: Mapped[bool] = mapped_column(Boolean)
    fund: Mapped[str] = mapped_column(String(10), server_default="zakat")    # contributions.Fund
    # Credit of earlier payments this payment used besides its transfer (rupiah).
    credit_used: Mapped[int] = mapped_column(Integer, server_default="0", default=0)

    # A transfer is recorded once for a batch (payments of a list, with no batch, are checked by their
    # workers' events).
    __table_args__ = (Index("uq_payments_batch_reference", "batch_no", "reference", unique=True,
                            sqlite_where=text("batch_no IS NOT NULL AND reference != ''")),)


class Document(Base):
    """A document issued to BAZNAS (a batch's invoice, a supplementary invoice, a credit note), its
    printed figures fixed when issued; a correction is a new document referring to the one it corrects.
    Read and written through ``desktop.storage.documents`` only."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    kind: Mapped[str] = mapped_column(String(16))                # invoice | supplementary | credit_note
    batch_no: Mapped[str] = mapped_column(String(24), index=True)
    refers_to: Mapped[str | None] = mapped_column(String(24), nullable=True)   # the number it corrects
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)    # UTC
    issued_by: Mapped[str] = mapped_column(String(64))
    figures: Mapped[str] = mapped_column(Text)                  # JSON: every figure printed
    device_id: Mapped[str] = mapped_column(String(36))

    # A batch has one invoice; what changes later is a supplementary invoice or a credit note.
    __table_args__ = (Index("uq_documents_batch_invoice", "batch_no", unique=True,
                            sqlite_where=text("kind = 'invoice'")),)


class CardPrint(Base):
    __tablename__ = "card_prints"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("print_batches.id"))
    worker_id: Mapped[int] = mapped_column(ForeignKey("workers.id"), index=True)
    reprint: Mapped[bool] = mapped_column(Boolean)
    with_kpj: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))  # KPJ on the card


class SyncSkipped(Base):
    """A hub record not brought in because it duplicates a NIK held here (a possible duplicate the
    coordinator merges on the hub); counted when this laptop checks its total against the hub's."""

    __tablename__ = "sync_skipped"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    nik: Mapped[str] = mapped_column(String(16))


class AuditEntry(Base):
    """One thing someone did, chained to the entry before by its hash (tamper-evident): changing,
    removing or reordering any entry breaks every hash after it."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32))                 # UTC, ISO 8601
    actor: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(Text)                  # record ids, file names, counts
    details: Mapped[str] = mapped_column(Text)                  # JSON: what changed
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
