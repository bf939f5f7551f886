"""bundles for laptops without any connection: the hub's own key pair, each laptop's signing key

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 14:50:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_hub_settings")),
    )
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("public_key", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("public_key")
    op.drop_table("hub_settings")
