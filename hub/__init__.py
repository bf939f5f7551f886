"""The branch hub: gathers every laptop's enrollments, spots the same person enrolled twice, and
sends back what others enrolled. An ASGI service (FastAPI) over SQLAlchemy, SQLite by default,
PostgreSQL in production; it validates every record with the same domain rules as the laptops."""
