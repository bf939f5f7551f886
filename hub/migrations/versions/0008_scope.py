"""each laptop holds only its scope: where every record belongs, where moved records were, the laptops' scopes

Records get their kabupaten, kecamatan, desa and school as columns (from their data; empty for a record
merged away into another, which is in no scope), each indexed with the change sequence, and a flag for
records merged away; ``scope_exits`` keeps where a record was before
a change moved it, so the laptops that held it there are sent its removal. Laptops and codes get a scope
(none: every record, as every laptop registered before has) and its history. Open conflicts and
possible duplicates get partial indexes: reviews and counts read only those.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 04:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

LOCATION = ("kabupaten_code", "kecamatan_code", "desa_code", "school_npsn")
LENGTHS = {"kabupaten_code": 4, "kecamatan_code": 6, "desa_code": 10, "school_npsn": 8}
INDEXED = (*LOCATION, "device_id")


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        for column in LOCATION:
            batch.add_column(sa.Column(column, sa.String(length=LENGTHS[column]), nullable=True))
        batch.add_column(sa.Column("merged", sa.Boolean(), nullable=False, server_default=sa.false()))
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        field = "NULLIF(CAST(data AS jsonb) ->> '{0}', '')"
    else:
        field = "NULLIF(json_extract(data, '$.{0}'), '')"
    op.execute("UPDATE records SET " + ", ".join(f"{c} = {field.format(c)}" for c in LOCATION))
    # Records a review merged into another: the pair names the one kept.
    op.execute("UPDATE records SET merged = TRUE WHERE uuid IN ("
               "SELECT CASE WHEN kept_uuid = record_uuid THEN other_uuid ELSE record_uuid END "
               "FROM possible_duplicates WHERE resolution = 'merged' AND kept_uuid IS NOT NULL)")
    # A record merged away has no place: it is in no laptop's scope.
    op.execute("UPDATE records SET " + ", ".join(f"{c} = NULL" for c in LOCATION) + " WHERE merged = TRUE")
    for column in INDEXED:
        op.create_index(f"ix_records_{column}_seq", "records", [column, "seq"])

    op.create_table(
        "scope_exits",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        *(sa.Column(c, sa.String(length=LENGTHS[c]), nullable=True) for c in LOCATION),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scope_exits")),
    )
    for column in (*INDEXED, "record_uuid"):
        op.create_index(f"ix_scope_exits_{column}_seq", "scope_exits", [column, "seq"])

    for table in ("device_codes", "devices"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("scope_kind", sa.String(length=12), nullable=True))
            batch.add_column(sa.Column("scope_codes", sa.Text(), nullable=True))
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("scope_version", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "device_scopes",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=True),
        sa.Column("codes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "version", name=op.f("pk_device_scopes")),
    )

    where = sa.text("resolved_at IS NULL")
    op.create_index("ix_conflicts_open", "conflicts", ["id"], sqlite_where=where, postgresql_where=where)
    op.create_index("ix_possible_duplicates_open", "possible_duplicates", ["id"], sqlite_where=where,
                    postgresql_where=where)
    op.create_index("ix_possible_duplicates_other", "possible_duplicates", ["other_uuid"])


def downgrade() -> None:
    op.drop_index("ix_possible_duplicates_other", table_name="possible_duplicates")
    op.drop_index("ix_possible_duplicates_open", table_name="possible_duplicates")
    op.drop_index("ix_conflicts_open", table_name="conflicts")
    op.drop_table("device_scopes")
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("scope_version")
    for table in ("devices", "device_codes"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("scope_codes")
            batch.drop_column("scope_kind")
    op.drop_table("scope_exits")
    for column in INDEXED:
        op.drop_index(f"ix_records_{column}_seq", table_name="records")
    with op.batch_alter_table("records") as batch:
        batch.drop_column("merged")
        for column in reversed(LOCATION):
            batch.drop_column(column)
