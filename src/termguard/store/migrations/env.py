"""Alembic environment: runs on the connection the register hands over (`config.attributes["connection"]`).

There is no alembic.ini: `termguard.store.db.migrate` configures Alembic in code, so the migrations ship as
package data and work from an installed wheel.
"""

from __future__ import annotations

from alembic import context

from termguard.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached by a bare `alembic` call
    raise RuntimeError("run migrations through termguard.store.db.migrate()")

context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
