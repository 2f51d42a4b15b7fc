"""One real server per session: `csbm serve` in a subprocess on a free loopback port, over a
SQLite file holding the bundled record, plus an API token made with the store's own code.

Tests that write (claims, dossiers) add to this record; tests that count allow for that.
A PostgreSQL-backed server is started only by the smoke test that asks for it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from csbm.data import dossiers_dir
from csbm.store import Store, init_store, read_dossiers
from csbm.store.tokens import create_token

# The PostgreSQL fixtures of the store tests (same server, same skip/fail rule).
from tests.store.conftest import (  # noqa: F401 - fixtures
    new_pg_database,
    pg_database_factory,
    pg_server,
)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


@dataclass(frozen=True)
class Server:
    url: str
    db: str
    token: str


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def populate(db: str) -> str:
    """The bundled record in `db`, and a fresh API token (returned)."""
    with Store(db) as store:
        store.import_dossiers(read_dossiers([dossiers_dir()]), by="tests")
        _, secret = create_token(store, "web-tests", by="tests")
    return secret


def start(db: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "csbm", "serve", "--db", db, "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "COLUMNS": "100"},
        )
    # Wait until it answers (a start-up wait, not an assertion about speed).
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"csbm serve exited: {log.read_text()}")
        try:
            if httpx.get(url + "/openapi.json", timeout=2).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"csbm serve did not answer within 60 s: {log.read_text()}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("web")
    db = str(tmp / "record.sqlite")
    init_store(db)
    token = populate(db)
    proc, url = start(db, tmp / "server.log")
    try:
        yield Server(url, db, token)
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=60) as c:
        yield c


@pytest.fixture(scope="session")
def pg_server_url(
    pg_database_factory: list[str],  # noqa: F811 - the imported fixture
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Server]:
    db = new_pg_database(pg_database_factory)
    init_store(db)
    token = populate(db)
    proc, url = start(db, tmp_path_factory.mktemp("web-pg") / "server.log")
    try:
        yield Server(url, db, token)
    finally:
        stop(proc)
