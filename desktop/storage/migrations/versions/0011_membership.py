"""membership lifecycle: events on each record, asnaf, KPJ, submission batches and payments

A record's status, KPJ number and coverage dates now follow from its BPJS/BAZNAS events
(``workers.lifecycle``); coverage is unknown until BPJS answers and BAZNAS pays, so the coverage
columns may be empty. SQLite keeps a column's NOT NULL in the table's stored SQL only: dropping it
changes nothing on disk, so the stored SQL is edited in place (the procedure SQLite's ALTER TABLE
documentation gives for removing NOT NULL constraints) instead of copying the whole table.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 04:00:00
"""
import re

from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def _set_coverage_nullable(nullable: bool) -> None:
    bind = op.get_bind()
    sql = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'workers'").scalar_one()
    for column in ("coverage_start", "coverage_end"):
        if nullable:
            sql = re.sub(rf"(\b{column} DATE) NOT NULL", r"\1", sql)
        else:
            sql = re.sub(rf"(\b{column} DATE)(?= *,)", r"\1 NOT NULL", sql)
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        bind.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'workers'", (sql,))
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    _set_coverage_nullable(True)
    op.add_column("workers", sa.Column("lifecycle", sa.Text(), nullable=False, server_default="[]"))
    op.add_column("workers", sa.Column("asnaf", sa.String(length=16), nullable=False, server_default="miskin"))
    op.add_column("workers", sa.Column("batch_no", sa.String(length=24), nullable=True))
    op.create_index("uq_workers_kpj_live", "workers", ["kpj_number"], unique=True,
                    sqlite_where=sa.text("deleted_at IS NULL AND kpj_number IS NOT NULL"))
    op.create_index("ix_workers_batch", "workers", ["batch_no"])
    op.create_index("ix_workers_coverage_end", "workers", ["coverage_end"],
                    sqlite_where=sa.text("deleted_at IS NULL AND coverage_end IS NOT NULL"))
    op.add_column("card_prints", sa.Column("with_kpj", sa.Boolean(), nullable=False, server_default=sa.text("0")))
    op.create_table(
        "membership_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("filters", sa.Text(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership_batches")),
        sa.UniqueConstraint("number", name=op.f("uq_membership_batches_number")),
    )
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("batch_no", sa.String(length=24), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("amount_owed", sa.Integer(), nullable=False),
        sa.Column("amount_paid", sa.Integer(), nullable=True),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("renewal", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("number", name=op.f("uq_payments_number")),
    )


def downgrade() -> None:
    op.drop_table("payments")
    op.drop_table("membership_batches")
    op.drop_column("card_prints", "with_kpj")
    op.drop_index("ix_workers_coverage_end", table_name="workers")
    op.drop_index("ix_workers_batch", table_name="workers")
    op.drop_index("uq_workers_kpj_live", table_name="workers")
    op.drop_column("workers", "batch_no")
    op.drop_column("workers", "asnaf")
    op.drop_column("workers", "lifecycle")
    op.execute("UPDATE workers SET coverage_start = date(enrolled_at) WHERE coverage_start IS NULL")
    op.execute("UPDATE workers SET coverage_end = date(enrolled_at, '+1 year', '-1 day') WHERE coverage_end IS NULL")
    _set_coverage_nullable(False)
