"""a one-time code may renew one laptop's credential (lindung-hub rotate)

``device_codes.device_id``: the registered laptop the code gives a new credential to (NULL: a code for a
new laptop, as before).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 17:30:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device_codes") as batch:
        batch.add_column(sa.Column("device_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("device_codes") as batch:
        batch.drop_column("device_id")
