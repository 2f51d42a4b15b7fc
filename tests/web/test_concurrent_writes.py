"""Concurrent writes through the running app: every write answered 200 is on record, once.

Fifty clients add a text's claims to one activity at the same moment, each with its own
URL, all from one publisher on one day (ids derived from publisher and date alone used to
collide). Afterwards the stored dossier must hold each answered source exactly once, with
the claims its answer listed, and the history one version per write. Run against the
a server of its own on each backend, over a record of that one activity (the session's
servers keep their bundled record; and each write's answer re-assesses the record, which
is not what is tested here).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from csbm.store import Store, init_store
from csbm.store.tokens import create_token
from tests.store.conftest import new_pg_database
from tests.web.conftest import Server, start, stop
from tests.web.test_security import small_dossier

WRITERS = 50


def _hammer(server: Server, activity_id: str) -> None:
    auth = {"Authorization": f"Bearer {server.token}"}
    with httpx.Client(base_url=server.url, timeout=300) as c:
        made = c.post(
            "/api/dossiers", json={"dossiers": [small_dossier(activity_id)]}, headers=auth
        )
        assert made.status_code == 200, made.text
    start = threading.Barrier(WRITERS)
    answers: dict[int, httpx.Response | BaseException] = {}

    def write(n: int) -> None:
        body = {
            "text": f"About {20_000 + n:,} troops took part in the exercise, NATO said.",
            "published": "2023-06-03",
            "url": f"https://example.org/concurrent/{activity_id}/{n}",
            "publisher": "Concurrent desk",
        }
        with httpx.Client(base_url=server.url, timeout=300) as c:
            start.wait()
            try:
                answers[n] = c.post(
                    f"/api/activities/{activity_id}/claims", json=body, headers=auth
                )
            except httpx.HTTPError as exc:
                answers[n] = exc

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    ok: dict[int, dict[str, Any]] = {}
    for n, answer in answers.items():
        assert isinstance(answer, httpx.Response), f"write {n}: {answer!r}"
        # A refusal must say why (409 conflict or 503 busy); none is expected here.
        assert answer.status_code == 200, (n, answer.status_code, answer.text)
        ok[n] = answer.json()
    assert len(ok) == WRITERS

    with Store(server.db) as store:
        [dossier] = store.load([activity_id])
        history = store.history(activity_id)
    urls = Counter(s.url for s in dossier.sources)
    ids = Counter(s.id for s in dossier.sources)
    assert all(k == 1 for k in urls.values()) and all(k == 1 for k in ids.values())
    claim_ids = {dossier.claim_id(i) for i in range(len(dossier.claims))}
    for n, result in ok.items():
        url = f"https://example.org/concurrent/{activity_id}/{n}"
        assert urls[url] == 1, f"answered write {n} is not on record"
        assert result["source"]["url"] == url
        assert set(result["claims_added"]) <= claim_ids
        assert result["claims_added"], result
    assert len(dossier.sources) == 1 + WRITERS
    # One revision per write, each answered with the version it made.
    assert [r.version for r in history] == list(range(1, WRITERS + 2))
    assert sorted(r["version"] for r in ok.values()) == list(range(2, WRITERS + 2))


def _serve(db: str, log: Path) -> Iterator[Server]:
    init_store(db)
    with Store(db) as store:
        _, token = create_token(store, "concurrent-tests", by="tests")
    proc, url = start(db, log)
    try:
        yield Server(url, db, token)
    finally:
        stop(proc)


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[Server]:
    yield from _serve(str(tmp_path / "concurrent.sqlite"), tmp_path / "server.log")


@pytest.fixture
def postgres_server(pg_database_factory: list[str], tmp_path: Path) -> Iterator[Server]:
    yield from _serve(new_pg_database(pg_database_factory), tmp_path / "server.log")


def test_concurrent_claims_sqlite(sqlite_server: Server) -> None:
    _hammer(sqlite_server, "web-concurrent")


def test_concurrent_claims_postgresql(postgres_server: Server) -> None:
    _hammer(postgres_server, "web-concurrent")
