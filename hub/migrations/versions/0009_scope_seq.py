"""when each scope version of a laptop began, in change sequence

A laptop moved from one area to another may be sent the removal only of records it could have held: in
one of its scope versions, while it had that version. Each version keeps the change sequence at which it
began (the next one's is where it ended). Versions from before have none: counted from the start, as
before.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 09:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device_scopes") as batch:
        batch.add_column(sa.Column("seq", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("device_scopes") as batch:
        batch.drop_column("seq")
