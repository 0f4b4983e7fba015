"""Alembic environment: migrations run only through ``reviewer.store.database.migrate``, which
passes an open connection inside a locked write transaction."""

from __future__ import annotations

from alembic import context

from reviewer.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run reviewer migrations through reviewer.store.open_store()")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
