"""workers.no_kk: the family card (Kartu Keluarga) number, as Dapodik exports carry it

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workers") as batch_op:
        batch_op.add_column(sa.Column("no_kk", sa.String(length=16), nullable=True))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): a batch copy of the table would trip the foreign keys pointing at it.
    op.drop_column("workers", "no_kk")
