"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24 12:30:42.764347

The FTS5 index over worker names (word-prefix search as you type) is kept in step with
``workers`` by triggers.
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

FTS_UP = (
    "CREATE VIRTUAL TABLE workers_fts USING fts5(full_name, content='workers', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')",
    "CREATE TRIGGER workers_fts_ai AFTER INSERT ON workers BEGIN "
    "INSERT INTO workers_fts(rowid, full_name) VALUES (new.id, new.full_name); END",
    "CREATE TRIGGER workers_fts_ad AFTER DELETE ON workers BEGIN "
    "INSERT INTO workers_fts(workers_fts, rowid, full_name) VALUES ('delete', old.id, old.full_name); END",
    "CREATE TRIGGER workers_fts_au AFTER UPDATE OF full_name ON workers BEGIN "
    "INSERT INTO workers_fts(workers_fts, rowid, full_name) VALUES ('delete', old.id, old.full_name); "
    "INSERT INTO workers_fts(rowid, full_name) VALUES (new.id, new.full_name); END",
)
FTS_DOWN = (
    "DROP TRIGGER IF EXISTS workers_fts_au",
    "DROP TRIGGER IF EXISTS workers_fts_ad",
    "DROP TRIGGER IF EXISTS workers_fts_ai",
    "DROP TABLE IF EXISTS workers_fts",
)


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('username', name=op.f('uq_accounts_username'))
    )
    op.create_table('drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('form_key', sa.String(length=48), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drafts')),
    sa.UniqueConstraint('username', 'form_key', name='uq_drafts_user_form')
    )
    op.create_table('regions',
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_regions'))
    )
    op.create_table('schools',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('npsn', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('level', sa.String(length=8), nullable=False),
    sa.Column('kabupaten_code', sa.String(length=4), nullable=False),
    sa.Column('coordinator', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_schools')),
    sa.UniqueConstraint('npsn', name=op.f('uq_schools_npsn'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('workers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('registration_no', sa.String(length=16), nullable=False),
    sa.Column('kpj_number', sa.String(length=11), nullable=True),
    sa.Column('nik', sa.String(length=16), nullable=False),
    sa.Column('full_name', sa.String(length=100), nullable=False),
    sa.Column('name_key', sa.String(length=100), nullable=False),
    sa.Column('birth_place', sa.String(length=100), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('kabupaten_code', sa.String(length=4), nullable=False),
    sa.Column('kecamatan_code', sa.String(length=6), nullable=False),
    sa.Column('desa_code', sa.String(length=10), nullable=False),
    sa.Column('phone', sa.String(length=16), nullable=True),
    sa.Column('occupation', sa.String(length=32), nullable=False),
    sa.Column('occupation_other', sa.String(length=100), nullable=False),
    sa.Column('monthly_income', sa.Integer(), nullable=False),
    sa.Column('heir_name', sa.String(length=100), nullable=False),
    sa.Column('heir_relationship', sa.String(length=16), nullable=False),
    sa.Column('heir_phone', sa.String(length=16), nullable=True),
    sa.Column('school_id', sa.Integer(), nullable=True),
    sa.Column('pupil_name', sa.String(length=100), nullable=False),
    sa.Column('pupil_class', sa.String(length=20), nullable=False),
    sa.Column('programme', sa.String(length=16), nullable=False),
    sa.Column('funding_source', sa.String(length=20), nullable=False),
    sa.Column('coverage_start', sa.Date(), nullable=False),
    sa.Column('coverage_end', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('enrolled_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_workers_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workers')),
    sa.UniqueConstraint('registration_no', name=op.f('uq_workers_registration_no')),
    sa.UniqueConstraint('uuid', name=op.f('uq_workers_uuid'))
    )
    with op.batch_alter_table('workers', schema=None) as batch_op:
        batch_op.create_index('ix_workers_kabupaten_name', ['kabupaten_code', 'name_key', 'id'], unique=False)
        batch_op.create_index('ix_workers_name_key', ['name_key', 'id'], unique=False)
        batch_op.create_index('ix_workers_school', ['school_id'], unique=False)
        batch_op.create_index('ix_workers_status', ['status'], unique=False)
        batch_op.create_index('uq_workers_nik_live', ['nik'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.create_table('worker_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('changed_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['worker_id'], ['workers.id'], name=op.f('fk_worker_changes_worker_id_workers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_worker_changes'))
    )
    with op.batch_alter_table('worker_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_worker_changes_worker_id'), ['worker_id'], unique=False)
    for statement in FTS_UP:
        op.execute(statement)


def downgrade() -> None:
    for statement in FTS_DOWN:
        op.execute(statement)
    with op.batch_alter_table('worker_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_worker_changes_worker_id'))

    op.drop_table('worker_changes')
    with op.batch_alter_table('workers', schema=None) as batch_op:
        batch_op.drop_index('uq_workers_nik_live', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_workers_status')
        batch_op.drop_index('ix_workers_school')
        batch_op.drop_index('ix_workers_name_key')
        batch_op.drop_index('ix_workers_kabupaten_name')

    op.drop_table('workers')
    op.drop_table('settings')
    op.drop_table('schools')
    op.drop_table('regions')
    op.drop_table('drafts')
    op.drop_table('accounts')
