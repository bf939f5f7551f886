"""card printing is tracked: batches, and which card was printed in which batch

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 13:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "print_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("layout", sa.String(length=8), nullable=False),
        sa.Column("card_count", sa.Integer(), nullable=False),
        sa.Column("reprint_reason", sa.Text(), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_batches")),
        sa.UniqueConstraint("uuid", name=op.f("uq_print_batches_uuid")),
    )
    op.create_table(
        "card_prints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("reprint", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["print_batches.id"], name=op.f("fk_card_prints_batch_id_print_batches")),
        sa.ForeignKeyConstraint(["worker_id"], ["workers.id"], name=op.f("fk_card_prints_worker_id_workers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_prints")),
    )
    op.create_index("ix_card_prints_worker_id", "card_prints", ["worker_id"])


def downgrade() -> None:
    op.drop_index("ix_card_prints_worker_id", table_name="card_prints")
    op.drop_table("card_prints")
    op.drop_table("print_batches")
