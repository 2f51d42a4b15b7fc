"""Concurrent writes through the running app: every write answered 200 is on record, once.

Fifty clients add a text's claims to one activity at the same moment, each with its own
URL, all from one publisher on one day (ids derived from publisher and date alone used to
collide). Afterwards the stored dossier must hold each answered source exactly once, with
the claims its answer listed, and the history one version per write. Run against the
session's SQLite server and a PostgreSQL one.
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any

import httpx

from csbm.store import Store
from tests.web.conftest import Server
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


def test_concurrent_claims_sqlite(server: Server) -> None:
    _hammer(server, "web-concurrent-sqlite")


def test_concurrent_claims_postgresql(pg_server_url: Server) -> None:
    _hammer(pg_server_url, "web-concurrent-pg")
