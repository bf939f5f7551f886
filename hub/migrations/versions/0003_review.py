"""reviews: which push made a conflict, and how conflicts and possible duplicates were settled

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 17:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conflicts") as batch:
        batch.add_column(sa.Column("op_id", sa.String(length=80), nullable=True))
        batch.add_column(sa.Column("resolved_by", sa.String(length=120), nullable=True))
        batch.add_column(sa.Column("resolution", sa.String(length=16), nullable=True))
        batch.create_index("ix_conflicts_op_id", ["op_id"])
    with op.batch_alter_table("possible_duplicates") as batch:
        batch.add_column(sa.Column("resolved_by", sa.String(length=120), nullable=True))
        batch.add_column(sa.Column("resolution", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("kept_uuid", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("possible_duplicates") as batch:
        batch.drop_column("kept_uuid")
        batch.drop_column("resolution")
        batch.drop_column("resolved_by")
    with op.batch_alter_table("conflicts") as batch:
        batch.drop_index("ix_conflicts_op_id")
        batch.drop_column("resolution")
        batch.drop_column("resolved_by")
        batch.drop_column("op_id")
