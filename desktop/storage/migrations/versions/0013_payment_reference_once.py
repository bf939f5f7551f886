"""a bank transfer is recorded once for a batch

A payment names the transfer that paid it (its reference); the same transfer recorded again for the
same batch counted the money twice and gave every worker of the batch coverage a second time. The pair
is now unique. A laptop that recorded a transfer twice before keeps both payments, the later ones'
reference marked with the first payment's number, so the index can hold and the branch sees them.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 12:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    first: dict[tuple[str, str], str] = {}
    for pid, number, batch_no, reference in bind.execute(sa.text(
            "SELECT id, number, batch_no, reference FROM payments WHERE batch_no IS NOT NULL AND reference != '' "
            "ORDER BY id")).all():
        earlier = first.setdefault((batch_no, reference), number)
        if earlier != number:
            bind.execute(sa.text("UPDATE payments SET reference = :r WHERE id = :id"),
                         {"r": f"{reference} (tercatat ganda: {earlier}, {number})", "id": pid})
    op.create_index("uq_payments_batch_reference", "payments", ["batch_no", "reference"], unique=True,
                    sqlite_where=sa.text("batch_no IS NOT NULL AND reference != ''"))


def downgrade() -> None:
    op.drop_index("uq_payments_batch_reference", table_name="payments")
