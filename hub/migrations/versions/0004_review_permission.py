"""which laptops may settle conflicts and duplicates (the branch office's, by the code they got)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 18:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("device_codes", "devices"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("may_review", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    for table in ("devices", "device_codes"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("may_review")
