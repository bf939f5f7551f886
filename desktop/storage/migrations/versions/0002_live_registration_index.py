"""registration numbers of live records, indexed on their own

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 13:00:00

Search-as-you-type counts the records whose registration number starts with what was typed. With
only the unique index SQLite had to visit every matching row to skip deleted ones (34 ms for the
100,000 records of one laptop's prefix); this partial index answers the count on its own.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_workers_regno_live", "workers", ["registration_no"],
                    sqlite_where=sa.text("deleted_at IS NULL"), postgresql_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    op.drop_index("ix_workers_regno_live", table_name="workers")
