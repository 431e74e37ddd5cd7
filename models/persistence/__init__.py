"""Persistence: the SQLAlchemy schema, Alembic migrations and repositories over domain objects."""
