"""records waiting for the hub, indexed on their own

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 14:30:00

A sync with nothing to do must answer at once even on a laptop with 57,543 records: the partial
index holds only the records not yet acknowledged, so finding them does not read the others.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

WAITING = "synced_revision IS NULL OR synced_revision < revision"


def upgrade() -> None:
    op.create_index("ix_workers_unsynced", "workers", ["id"], sqlite_where=sa.text(WAITING),
                    postgresql_where=sa.text(WAITING))


def downgrade() -> None:
    op.drop_index("ix_workers_unsynced", table_name="workers")
