"""hub records a laptop keeps out on purpose (possible duplicates of its own), for the count check

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 14:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_skipped",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("nik", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_sync_skipped")),
    )


def downgrade() -> None:
    op.drop_table("sync_skipped")
