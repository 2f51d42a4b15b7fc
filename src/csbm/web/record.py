"""The record as the web app sees it: the store, and assessments cached in-process.

Chapter VIII counts every activity of a State together, so an activity's findings depend
on the whole record, not on its own dossier alone. The cache is therefore keyed by the
record's fingerprint, the set of (activity id, dossier content hash) pairs, which one
small query reads per request: an import that changes any dossier (from this process,
another process or `csbm db import`) changes the fingerprint, and the next request
assesses the record again. Views derived from the assessments (table rows, activity
pages) are cached under the same key.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import select

from csbm.model.dossier import Dossier
from csbm.rules import assess
from csbm.rules.assess import Assessment
from csbm.store import ImportReport, Store
from csbm.store.models import ActivityRow
from csbm.web.cache import ResponseCache

T = TypeVar("T")
Fingerprint = frozenset[tuple[str, str]]


@dataclass
class Snapshot:
    """The whole record assessed together, and views computed from it."""

    fingerprint: Fingerprint
    assessments: list[Assessment]
    by_id: dict[str, Assessment]
    dossiers: dict[str, Dossier]
    parts: dict[str, list[str]]
    derived: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Rendered pages and JSON twins of this snapshot (csbm.web.cache).
    responses: ResponseCache = field(default_factory=ResponseCache)

    def cached(self, key: tuple[Any, ...], make: Callable[[], T]) -> T:
        """`make()` once per snapshot and key (views are read-only once made)."""
        with self.lock:
            if key in self.derived:
                return self.derived[key]  # type: ignore[no-any-return]
        value = make()
        with self.lock:
            return self.derived.setdefault(key, value)  # type: ignore[no-any-return]


class Record:
    """One store, opened once for the app's life, and the latest assessed snapshot."""

    def __init__(self, url: str | None) -> None:
        self.store = Store(url)
        self._snapshot: Snapshot | None = None
        # One assessment at a time: concurrent requests after an import wait for the
        # first to finish instead of all assessing the same record.
        self._assessing = threading.Lock()
        self.assessed = 0  # how many times the record was assessed (for tests and logs)
        self._reading = threading.Lock()
        self._fingerprint: Fingerprint | None = None
        self._read_at = 0.0

    def close(self) -> None:
        self.store.close()

    def fingerprint(self) -> Fingerprint:
        """The record's fingerprint as read after this call began.

        Single flight: concurrent requests share one query, provided it started after they
        arrived, so each still sees every change committed before it asked.
        """
        asked = time.monotonic()
        with self._reading:
            if self._fingerprint is not None and self._read_at >= asked:
                return self._fingerprint
            started = time.monotonic()
            with self.store._read() as conn:
                rows = conn.execute(select(ActivityRow.activity_id, ActivityRow.content_hash))
                found = frozenset((r.activity_id, r.content_hash) for r in rows)
            self._fingerprint, self._read_at = found, started
            return found

    def snapshot(self) -> Snapshot:
        current = self.fingerprint()
        snap = self._snapshot
        if snap is not None and snap.fingerprint == current:
            return snap
        with self._assessing:
            snap = self._snapshot
            if snap is not None and snap.fingerprint == current:
                return snap
            # Keyed by the fingerprint read before loading: if an import lands in between,
            # newer dossiers sit under an older key and the next request assesses again;
            # never the reverse (old results under the new key).
            dossiers = self.store.load()
            results = assess(dossiers)
            parts: dict[str, list[str]] = {}
            for d in dossiers:
                if d.activity.parent:
                    parts.setdefault(d.activity.parent, []).append(d.activity.id)
            snap = Snapshot(
                fingerprint=current,
                assessments=results,
                by_id={a.dossier.activity.id: a for a in results},
                dossiers={d.activity.id: d for d in dossiers},
                parts=parts,
            )
            self._snapshot = snap
            self.assessed += 1
            # The assessed record is some 120,000 long-lived objects; a full pass of the
            # cyclic collector over them took about 90 ms, during which every request
            # waited (the p99 under many readers). Collect once now and leave them out of
            # later passes; reference counting still frees a snapshot that is replaced.
            gc.collect()
            gc.freeze()
            return snap

    def import_dossiers(
        self, dossiers: list[Dossier], *, by: str, expect: dict[str, int | None] | None = None
    ) -> ImportReport:
        return self.store.import_dossiers(dossiers, by=by, expect=expect)
