"""Alembic environment: csbm runs migrations with a connection it opened itself.

`csbm.store.engine.migrate` puts that connection (already inside a write transaction and,
on PostgreSQL, holding the migration lock) in ``config.attributes["connection"]``. Run
without it (``alembic -x url=…``), a connection is made from the URL given.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from csbm.store.engine import make_engine
from csbm.store.models import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite alters tables by copying them; batch mode does that for us.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise SystemExit("give the database with -x url=…")
    engine = make_engine(url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("csbm migrations run online only (csbm db upgrade)")
run_migrations_online()
