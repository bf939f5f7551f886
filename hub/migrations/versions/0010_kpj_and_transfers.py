"""one live holder per KPJ, and each bank transfer recorded once per batch

Records get their KPJ number as a column (live records only), unique where set. A hub that accepted the
same KPJ on two live records before keeps it on the first (by when it reached the hub); the later ones
are refused at their next change until the branch settles them. ``payment_references`` holds, per batch
and transfer reference, the payment that recorded it first (filled from the payment events held).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 12:00:00
"""
import json

from alembic import op
import sqlalchemy as sa

from desktop.domain import lifecycle

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("kpj_number", sa.String(length=11), nullable=True))
    op.create_table(
        "payment_references",
        sa.Column("batch_no", sa.String(length=24), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("payment", sa.String(length=24), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("batch_no", "reference", name=op.f("pk_payment_references")),
    )
    bind = op.get_bind()
    holders: dict[str, str] = {}
    claims: dict[tuple[str, str], dict] = {}
    rows = bind.execute(sa.text("SELECT uuid, data, device_id, updated_at FROM records "
                                "WHERE deleted = FALSE AND merged = FALSE ORDER BY COALESCE(created_seq, seq)"))
    for uid, data, device_id, updated_at in rows:
        record = json.loads(data)
        kpj = record.get("kpj_number")
        if kpj and kpj not in holders:
            holders[kpj] = uid
        events = record.get("lifecycle") or []
        if not isinstance(events, list):
            continue
        batch_no = lifecycle.derive(events).batch or ""
        for event in events:
            reference = str(event.get("reference") or "").strip() if isinstance(event, dict) else ""
            if event.get("type") == lifecycle.PAID and reference:
                claims.setdefault((batch_no[:24], reference[:200]), {
                    "batch_no": batch_no[:24], "reference": reference[:200],
                    "payment": str(event.get("payment") or "")[:24], "device_id": device_id, "created_at": updated_at})
    if holders:
        bind.execute(sa.text("UPDATE records SET kpj_number = :kpj WHERE uuid = :uid"),
                     [{"kpj": kpj, "uid": uid} for kpj, uid in holders.items()])
    if claims:
        table = sa.table("payment_references", *(sa.column(c) for c in
                                                  ("batch_no", "reference", "payment", "device_id", "created_at")))
        op.bulk_insert(table, list(claims.values()))
    where = sa.text("kpj_number IS NOT NULL")
    op.create_index("uq_records_kpj_live", "records", ["kpj_number"], unique=True, sqlite_where=where,
                    postgresql_where=where)


def downgrade() -> None:
    op.drop_index("uq_records_kpj_live", table_name="records")
    op.drop_table("payment_references")
    with op.batch_alter_table("records") as batch:
        batch.drop_column("kpj_number")
