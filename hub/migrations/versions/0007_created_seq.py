"""the change sequence at which each record was created, so counts can be compared as of one cursor

A laptop ends its sync by comparing what it holds with the hub's count; other laptops pushing at the
same moment made that count move under it. Counting the records created up to the laptop's cursor
gives the number it must hold. Records from before take their current sequence (an upper bound).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 01:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("created_seq", sa.BigInteger(), nullable=True))
    op.execute("UPDATE records SET created_seq = seq")
    op.create_index("ix_records_created_seq", "records", ["created_seq"])


def downgrade() -> None:
    op.drop_index("ix_records_created_seq", table_name="records")
    with op.batch_alter_table("records") as batch:
        batch.drop_column("created_seq")
