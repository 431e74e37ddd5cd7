"""Alembic environment: run on the connection models.persistence.database hands in."""

from __future__ import annotations

from alembic import context

from models.persistence.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "callfloor migrations run through models.persistence.database.Database.migrate()"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place; batch mode copies the table
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
