"""Alembic environment of the hub: runs on the connection handed over by ``hub.db.migrate``."""

from alembic import context

from hub.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite", version_table="hub_alembic_version")
with context.begin_transaction():
    context.run_migrations()
