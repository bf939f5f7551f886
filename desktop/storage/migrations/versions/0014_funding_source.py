"""the BAZNAS fund each payment came from

BAZNAS pays this programme from zakat, infak or sedekah funds; a payment records which. Payments
recorded before were zakat (the programme's usual source).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 15:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("payments") as batch:
        batch.add_column(sa.Column("fund", sa.String(length=10), nullable=False, server_default="zakat"))


def downgrade() -> None:
    with op.batch_alter_table("payments") as batch:
        batch.drop_column("fund")
