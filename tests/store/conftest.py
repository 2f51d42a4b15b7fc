"""Every store test runs on SQLite and on PostgreSQL.

SQLite: a fresh file per test, copied from one migrated once per session. PostgreSQL: a
throw-away database created for the session on 127.0.0.1:5432 (user postgres, trust
auth), migrated once, emptied before each test and dropped at the end. Without a
PostgreSQL server the PostgreSQL half is skipped, except under CI (CI=true), where it
fails: there the server is part of the set-up.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from csbm.store import Store, init_store
from csbm.store.models import Base

PG_HOST = os.environ.get("CSBM_TEST_PGHOST", "127.0.0.1")
PG_PORT = int(os.environ.get("CSBM_TEST_PGPORT", "5432"))
PG_USER = os.environ.get("CSBM_TEST_PGUSER", "postgres")
PG_ADMIN_DB = os.environ.get("CSBM_TEST_PGDATABASE", "test")

BACKENDS = ["sqlite", "postgresql"]


def _admin() -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(
        host=PG_HOST,
        port=PG_PORT,
        user=PG_USER,
        dbname=PG_ADMIN_DB,
        autocommit=True,
        connect_timeout=5,
    )


def pg_url(name: str) -> str:
    return f"postgresql+psycopg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"


@pytest.fixture(scope="session")
def pg_server() -> None:
    try:
        _admin().close()
    except psycopg.OperationalError as exc:
        message = f"PostgreSQL is not reachable on {PG_HOST}:{PG_PORT}: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def pg_database_factory(pg_server: None) -> Iterator[list[str]]:
    """Names of databases created during the session; all dropped at its end."""
    made: list[str] = []
    yield made
    with _admin() as conn:
        for name in made:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def new_pg_database(made: list[str]) -> str:
    name = f"csbm_test_{os.getpid()}_{secrets.token_hex(4)}"
    with _admin() as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    made.append(name)
    return pg_url(name)


@pytest.fixture(scope="session")
def pg_session_url(pg_database_factory: list[str]) -> str:
    url = new_pg_database(pg_database_factory)
    init_store(url)
    return url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "csbm.sqlite"
    init_store(str(path))  # disposes its engine: the WAL is checkpointed into the file
    return path


def _empty_pg(url: str) -> None:
    names = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as conn:
        conn.execute(sql.SQL(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database: a SQLite file or the session's PostgreSQL database."""
    if request.param == "sqlite":
        path = tmp_path / "csbm.sqlite"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return str(path)
    url: str = request.getfixturevalue("pg_session_url")
    _empty_pg(url)
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as s:
        yield s


@pytest.fixture(params=BACKENDS)
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database with no tables at all (for migration tests)."""
    if request.param == "sqlite":
        return str(tmp_path / "fresh.sqlite")
    return new_pg_database(request.getfixturevalue("pg_database_factory"))
