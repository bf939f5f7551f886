"""BAZNAS's credit carried to a later payment; payments recorded before the ledger brought into it

``payments.credit_used``: the credit of earlier payments a payment used besides its transfer.

A payment recorded with a transfer amount other than what was owed, before the workers' ``paid`` events
carried their share of the transfer, told the ledger each worker paid what they owed: the difference
lived only in the payment's row. Each such worker gets a ``paid_share`` event with their share (split
as payments split transfers now, ``desktop.domain.ledger.transfer_shares``), appended like any event so
it syncs, and the record's revision moves on.

Times written on a whole second by the bulk enrollment and the sync pull lacked their microseconds
(``08:00:00`` beside the ORM's ``08:00:00.000000``): they are written as every time is now
(``desktop.storage.codec``), the same instant.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 18:00:00
"""
import datetime as dt
import json

from alembic import op
import sqlalchemy as sa

from desktop.domain import lifecycle
from desktop.domain.ledger import transfer_shares


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("payments") as batch:
        batch.add_column(sa.Column("credit_used", sa.Integer(), nullable=False, server_default="0"))
    bind = op.get_bind()
    for table, column in (("workers", "enrolled_at"), ("workers", "updated_at"), ("workers", "deleted_at"),
                          ("worker_changes", "changed_at")):
        bind.execute(sa.text(f"UPDATE {table} SET {column} = {column} || '.000000' WHERE length({column}) = 19"))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    stamp = now.isoformat(timespec="seconds") + "Z"
    changed_at = now.strftime("%Y-%m-%d %H:%M:%S.%f")
    payments = bind.execute(sa.text("SELECT number, amount_paid, device_id FROM payments "
                                    "WHERE amount_paid IS NOT NULL ORDER BY id")).all()
    for number, amount_paid, device_id in payments:
        needle = json.dumps({"payment": number}, separators=(",", ":"))[1:-1]
        rows = bind.execute(sa.text("SELECT id, lifecycle, revision FROM workers WHERE instr(lifecycle, :n) > 0"),
                            {"n": needle}).all()
        owed, held = {}, {}
        for wid, text_, revision_ in rows:
            events = lifecycle.loads(text_)
            mine = [e for e in events if e.get("type") == lifecycle.PAID and e.get("payment") == number]
            if not mine:
                continue
            if any("paid" in e for e in mine) or any(e.get("type") == lifecycle.PAID_SHARE for e in events):
                owed = {}        # recorded with shares already: nothing to bring in
                break
            owed[wid] = sum(int(e.get("amount") or 0) for e in mine)
            held[wid] = (events, revision_)
        shares = transfer_shares(int(amount_paid), owed) or {}
        for wid, share in shares.items():
            if share == owed[wid]:
                continue
            events, revision_ = held[wid]
            events.append({"type": lifecycle.PAID_SHARE, "at": stamp, "by": "migrasi", "payment": number,
                           "paid": share})
            bind.execute(sa.text("UPDATE workers SET lifecycle = :l, revision = :r, updated_at = :t WHERE id = :i"),
                         {"l": lifecycle.dumps(events), "r": revision_ + 1, "t": changed_at, "i": wid})
            bind.execute(sa.text(
                "INSERT INTO worker_changes (worker_id, revision, action, changed_at, changed_by, device_id, changes) "
                "VALUES (:i, :r, 'lifecycle', :t, 'migrasi', :d, :c)"),
                {"i": wid, "r": revision_ + 1, "t": changed_at, "d": device_id,
                 "c": json.dumps({"lifecycle": lifecycle.PAID_SHARE})})


def downgrade() -> None:
    with op.batch_alter_table("payments") as batch:
        batch.drop_column("credit_used")
