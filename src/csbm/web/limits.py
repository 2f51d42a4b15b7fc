"""The most work an anonymous request can cause: judgement variants.

A variant of the activity page (`?as_of=`, `?overlay=`, `?strict=`, `?assume=`) assesses
the whole record again (Chapter VIII counts every activity of a State), seconds of CPU,
and anyone may ask for one. Unbounded, 24 distinct dates at once kept one worker busy for
48 s and the cached pages waited behind them. So, per server process:

- at most `ASSESSING` variant assessments run at once (one: the machine's other cores
  stay free for cached pages, which are the same for everyone and cheap);
- a request for a variant already being assessed waits for that one, not a second;
- at most `WAITING` further requests wait; beyond that the answer is at once 503 with
  `Retry-After`, naming the limit.

A request that is let in thus waits at most (ASSESSING + WAITING) assessments of the
record; the rest cost nothing but the refusal. `benchmarks/web.py` measures it.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import TypeVar

T = TypeVar("T")

ASSESSING = 1
WAITING = 3


class Busy(Exception):
    """Too many variant assessments asked for at once; try again after `retry_after` s."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(
            f"the server is busy judging other variants (as_of, overlay, strict, assume): "
            f"at most {ASSESSING + WAITING} are taken at once; try again in {retry_after} s"
        )


class Gate:
    """Runs `make()` for a key under the limits above (single flight per key)."""

    def __init__(self, assessing: int = ASSESSING, waiting: int = WAITING) -> None:
        self.assessing = assessing
        self.waiting = waiting
        self._slots = threading.Semaphore(assessing)
        self._lock = threading.Lock()
        self._flights: dict[Hashable, Future[object]] = {}
        self._holding = 0  # requests inside the gate: running, waiting, or sharing a flight
        self._took = 2.0  # seconds the last assessment took (for Retry-After)
        self.refused = 0  # how many were answered busy (for tests and logs)

    def run(self, key: Hashable, make: Callable[[], T]) -> T:
        with self._lock:
            if self._holding >= self.assessing + self.waiting:
                self.refused += 1
                raise Busy(max(1, math.ceil(self._took * self._holding / self.assessing)))
            self._holding += 1
            flight = self._flights.get(key)
            owner = flight is None
            if flight is None:
                flight = Future()
                self._flights[key] = flight
        try:
            if not owner:
                return flight.result()  # type: ignore[return-value]
            try:
                with self._slots:
                    started = time.monotonic()
                    value = make()
                    self._took = time.monotonic() - started
            except BaseException as exc:
                flight.set_exception(exc)
                raise
            flight.set_result(value)
            return value
        finally:
            with self._lock:
                self._holding -= 1
                if owner:
                    del self._flights[key]


VARIANTS = Gate()

__all__ = ["ASSESSING", "VARIANTS", "WAITING", "Busy", "Gate"]
