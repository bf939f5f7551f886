"""what each laptop may do at the hub: role (volunteer, coordinator, printer, admin) and a coordinator's school

Laptops and codes from before keep full rights (admin), as they had.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 20:15:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("device_codes", "devices"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("role", sa.String(length=16), nullable=False, server_default="admin"))
            batch.add_column(sa.Column("school_npsn", sa.String(length=8), nullable=True))


def downgrade() -> None:
    for table in ("devices", "device_codes"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("school_npsn")
            batch.drop_column("role")
