"""what each record's hub knows: the local revision it acknowledged and its own revision

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 14:15:00

A record waits to be pushed while ``synced_revision`` is empty or behind ``revision`` (the outbox is
the records themselves: an edit during an upload is simply sent again); ``hub_revision`` is the
revision an edit is based on when it reaches the hub.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workers") as batch:
        batch.add_column(sa.Column("synced_revision", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("hub_revision", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("workers") as batch:
        batch.drop_column("hub_revision")
        batch.drop_column("synced_revision")
