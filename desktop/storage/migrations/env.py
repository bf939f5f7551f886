"""Alembic environment: runs on the connection handed over by ``desktop.storage.engine.migrate``."""

from alembic import context

from desktop.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for `alembic revision --autogenerate` by developers
    from desktop.storage.engine import default_db_path, make_engine

    connection = make_engine(default_db_path()).connect()

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
