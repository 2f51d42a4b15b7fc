"""The bound on an anonymous request's work (issue 17 §4): judgement variants are assessed
one flight per variant, a few at once, and refused at once (503, Retry-After) beyond."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest

from csbm.web.limits import ASSESSING, WAITING, Busy, Gate
from tests.web.conftest import Server


def test_gate_runs_one_flight_per_key_and_refuses_beyond_its_limit() -> None:
    gate = Gate(assessing=1, waiting=2)
    release = threading.Event()
    made: list[str] = []
    results: dict[str, object] = {}

    def slow(key: str) -> str:
        made.append(key)
        release.wait(10)
        return f"value of {key}"

    def ask(name: str, key: str) -> None:
        try:
            results[name] = gate.run(key, lambda: slow(key))
        except Busy as exc:
            results[name] = exc

    threads = [
        threading.Thread(target=ask, args=(name, key))
        for name, key in [("a1", "a"), ("a2", "a"), ("b", "b")]
    ]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 5
    while gate._holding < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    ask("c", "c")  # a fourth request: over 1 running + 2 waiting
    assert isinstance(results["c"], Busy) and results["c"].retry_after >= 1
    release.set()
    for t in threads:
        t.join(10)
    assert results["a1"] == results["a2"] == "value of a"
    assert results["b"] == "value of b"
    assert sorted(made) == ["a", "b"]  # "a" made once for both who asked
    assert gate.refused == 1 and gate._holding == 0 and not gate._flights
    assert gate.run("d", lambda: "d") == "d"  # free again


def test_a_failed_assessment_reaches_everyone_waiting_and_frees_the_gate() -> None:
    gate = Gate(assessing=1, waiting=1)

    def fail() -> str:
        raise ValueError("broken")

    with pytest.raises(ValueError, match="broken"):
        gate.run("x", fail)
    assert gate._holding == 0 and not gate._flights


async def _at_once(url: str, paths: list[str]) -> list[httpx.Response]:
    async with httpx.AsyncClient(base_url=url, timeout=300) as client:
        return list(await asyncio.gather(*(client.get(p) for p in paths)))


def test_many_variants_at_once_are_bounded(server: Server) -> None:
    n = ASSESSING + WAITING + 4
    paths = [
        f"/activities/union-resolve-2022.json?as_of=2021-{month:02d}-01&strict=true"
        for month in range(1, n + 1)
    ]
    t0 = time.monotonic()
    # In a thread of its own: another test may leave an event loop running in this one.
    found: list[list[httpx.Response]] = []
    worker = threading.Thread(target=lambda: found.append(asyncio.run(_at_once(server.url, paths))))
    worker.start()
    worker.join()
    [answers] = found
    wall = time.monotonic() - t0
    ok = [r for r in answers if r.status_code == 200]
    busy = [r for r in answers if r.status_code == 503]
    assert len(ok) + len(busy) == n
    assert busy, "every variant was taken: no bound"
    assert len(ok) >= ASSESSING
    for r in busy:
        assert int(r.headers["Retry-After"]) >= 1
        assert "at most" in r.json()["error"]["message"]
    for r in ok:
        assert r.json()["judging"]["as_of"].startswith("2021-")
    assert wall < 300
    # The page without a variant is served from the cache, whatever the variants cost.
    assert httpx.get(server.url + "/activities/union-resolve-2022", timeout=60).status_code == 200
