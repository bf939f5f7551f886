"""the last four digits of a NIK, indexed: the masked list shows them, so they are searched

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 05:00:00

The list masks a NIK as ``617101••••••0001``; a volunteer who reads the last four digits off it
types them into the search box. Without this index those four digits scan every record (80 ms for
100,000); with it they are a lookup like a NIK prefix.
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_workers_nik_tail", "workers", [sa.text("substr(nik, 13)")])


def downgrade() -> None:
    op.drop_index("ix_workers_nik_tail", table_name="workers")
