"""documents issued to BAZNAS, their figures fixed when issued

A batch's invoice is a numbered document: what it printed is recorded, so printing it again gives the
same figures, and a later change is a new document (a supplementary invoice or a credit note) that
refers to it. Nothing was recorded before: the table starts empty.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 16:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("batch_no", sa.String(length=24), nullable=False),
        sa.Column("refers_to", sa.String(length=24), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("number", name=op.f("uq_documents_number")),
    )
    op.create_index(op.f("ix_documents_batch_no"), "documents", ["batch_no"], unique=False)
    # A batch has one invoice; what changes later is a supplementary invoice or a credit note.
    op.create_index("uq_documents_batch_invoice", "documents", ["batch_no"], unique=True,
                    sqlite_where=sa.text("kind = 'invoice'"))


def downgrade() -> None:
    op.drop_index("uq_documents_batch_invoice", table_name="documents")
    op.drop_index(op.f("ix_documents_batch_no"), table_name="documents")
    op.drop_table("documents")
