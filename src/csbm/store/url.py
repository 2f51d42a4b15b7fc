"""Which database: `--db URL/PATH`, else `CSBM_DATABASE_URL`, else a SQLite file in the
user's data directory.

A bare path means a SQLite file, so `--db ./record.sqlite` works without spelling out
`sqlite:///`. `postgresql://` and `postgres://` URLs are given the psycopg 3 driver, the
one csbm installs (SQLAlchemy would otherwise look for psycopg2).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from csbm.store.errors import StoreError

# SQLAlchemy's URL tools are imported in the functions that parse URLs, so that asking
# where the default database is (csbm assess, csbm report) does not load SQLAlchemy.

ENV_VAR = "CSBM_DATABASE_URL"


def default_path() -> Path:
    """`$XDG_DATA_HOME/csbm/csbm.sqlite` on Linux (platformdirs honours XDG_DATA_HOME)."""
    return user_data_path("csbm", appauthor=False) / "csbm.sqlite"


def resolve_url(db: str | None = None) -> str:
    """The database URL for an option value: the value itself, else the environment,
    else the default file. An empty value or `default` also means "not given"."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    raw = db if db not in (None, "", "default") else os.environ.get(ENV_VAR) or None
    if raw is None:
        return _sqlite_url(default_path())
    if "://" not in raw:
        return _sqlite_url(Path(raw))
    try:
        url = make_url(raw)
    except ArgumentError:
        raise StoreError(f"{raw!r} is not a database URL or a file path") from None
    if url.drivername in {"postgresql", "postgres"}:
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in {"sqlite", "postgresql"}:
        raise StoreError(f"csbm stores its record in SQLite or PostgreSQL, not {url.drivername}")
    return url.render_as_string(hide_password=False)


def _sqlite_url(path: Path) -> str:
    from sqlalchemy.engine import URL

    return str(URL.create("sqlite", database=str(path.expanduser().absolute())))


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL and for in-memory SQLite)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def display(url: str) -> str:
    """The URL as shown to people: never with its password."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def default_database_given() -> bool:
    """Is there a default database to read: CSBM_DATABASE_URL set, or the default file
    present? (Without either, reading it would only fail.)"""
    return bool(os.environ.get(ENV_VAR)) or default_path().is_file()


__all__ = [
    "ENV_VAR",
    "default_database_given",
    "default_path",
    "display",
    "resolve_url",
    "sqlite_path",
]
