"""Connecting to the database and bringing its schema up to date (Alembic).

SQLite is set up for several writers: WAL mode (readers never block the writer), a busy
timeout (a second writer waits instead of failing at once), foreign keys on, and writes
that start with ``BEGIN IMMEDIATE``. The last one matters: with Python's default deferred
transactions two writers can both read, then both try to write, and one of them gets
"database is locked" at once, whatever the timeout. Taking the write lock up front turns
that into an orderly queue. Reads still begin deferred and run beside the writer.

PostgreSQL needs nothing special: row locks (``SELECT … FOR UPDATE``) in the repository
serialise writers of the same activity, and a retry covers two writers creating the same
new activity at once.

Migrations run inside one transaction on both backends (SQLite and PostgreSQL both have
transactional DDL), under a lock, so a failed or concurrent ``csbm db upgrade`` leaves the
schema either before or after, never between.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from csbm.store.errors import StoreError
from csbm.store.url import display, sqlite_path

BUSY_TIMEOUT_MS = 60_000
WRITE = "csbm_write"
# Any fixed number: the key of the PostgreSQL advisory lock taken while migrating.
_MIGRATION_LOCK = 0x6373626D


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (see _sqlite_begin); sqlite3 still commits.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    mode = "IMMEDIATE" if conn.get_execution_options().get(WRITE) else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    """An engine for a csbm database URL (see `csbm.store.url.resolve_url`)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that may write; committed when the block ends."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            yield conn


# ---------------------------------------------------------------------------------------
# Migrations


def migrations_dir() -> Path:
    return Path(str(resources.files("csbm.store") / "migrations"))


def alembic_config() -> Config:
    """Alembic's configuration, made in code: no alembic.ini to find or install."""
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package ships its migrations
        raise StoreError("csbm ships no database migrations (broken installation)")
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database, or None if csbm has never set it up."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, revision: str = "head", *, down: bool = False) -> str | None:
    """Upgrade (or downgrade) the schema in one transaction; return the new revision."""
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    cfg = alembic_config()
    with write_transaction(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        if down:
            command.downgrade(cfg, revision)
        else:
            command.upgrade(cfg, revision)
        return MigrationContext.configure(conn).get_current_revision()


def check_schema(engine: Engine) -> None:
    """Raise StoreError unless the database has csbm's tables at this csbm's revision."""
    where = display(engine.url.render_as_string(hide_password=False))
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open the database {where}: {first_line(exc)}") from None
    if current is None:
        tables = set(inspect(engine).get_table_names())
        hint = "csbm db init" if not tables else "csbm db upgrade"
        raise StoreError(f"{where} has no csbm tables yet: run `{hint}` first")
    head = head_revision()
    if current != head:
        known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
        if current in known:
            raise StoreError(
                f"{where} is at schema revision {current}, this csbm needs {head}: "
                "run `csbm db upgrade`"
            )
        raise StoreError(
            f"{where} is at schema revision {current}, which this csbm does not know "
            "(made by a newer csbm?)"
        )


def first_line(exc: BaseException) -> str:
    """The driver's message, first line only: enough to act on, no SQL or traceback."""
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else type(orig).__name__


__all__ = [
    "check_schema",
    "current_revision",
    "first_line",
    "head_revision",
    "make_engine",
    "migrate",
    "write_transaction",
]
