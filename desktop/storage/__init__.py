"""SQLAlchemy 2 models, the SQLite engine and Alembic migrations."""
