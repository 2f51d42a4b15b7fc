"""The driver of `csbm batch extract`: plan, start or join a Dask cluster, run, summarise.

Partitions are submitted a few at a time (twice the number of worker threads), and the
next is submitted as each finishes, so neither the scheduler nor the driver holds more
than a handful of tasks whatever the archive's size; tasks return counts, not rows. Without
a scheduler address a local cluster of worker processes is started (the extractor is pure
Python, so threads would share one core) and closed at the end; with one, the same tasks
go to that cluster, whose workers must see INPUT and OUT at the same paths.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import distributed

from csbm.batch.dataset import Dataset
from csbm.batch.defaults import DEFAULT_PARTITION_SIZE
from csbm.batch.inputs import Fields, Partition, plan
from csbm.batch.pipeline import process_partition
from csbm.errors import CsbmError
from csbm.extract import EXTRACTOR_VERSION

# distributed is only partly annotated; its objects are used through Any, checked by tests.
_dist: Any = distributed


@dataclass
class Summary:
    documents: int = 0
    skipped: int = 0
    with_claims: int = 0
    claims: int = 0
    failed: int = 0
    failures: dict[str, int] = field(default_factory=dict)
    partitions: int = 0
    resumed: int = 0  # partitions finished by an earlier run
    failed_partitions: dict[str, str] = field(default_factory=dict)
    workers: int = 0
    seconds: float = 0.0
    out: str = ""
    errors_file: str = ""

    def add(self, stats: dict[str, Any]) -> None:
        for name in ("documents", "skipped", "with_claims", "claims", "failed"):
            setattr(self, name, getattr(self, name) + int(stats[name]))
        merged = Counter(self.failures)
        merged.update(stats.get("failures", {}))
        self.failures = dict(sorted(merged.items()))

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class BatchError(CsbmError):
    """Some partitions could not be processed (not a bad document: a task that failed)."""


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


@contextmanager
def cluster_client(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    """A client of the cluster at `scheduler`, or of a local cluster started here."""
    if scheduler:
        try:
            client = _dist.Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise CsbmError(f"--scheduler {scheduler}: cannot connect: {exc}") from None
        try:
            yield client
        finally:
            client.close()
        return
    cluster = _dist.LocalCluster(
        n_workers=workers or default_workers(),
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        # Even without a dashboard the scheduler serves health checks over HTTP, by default
        # on port 8787: a random port keeps two clusters on one machine from colliding.
        scheduler_kwargs={"dashboard": False, "dashboard_address": ":0"},
        silence_logs=logging.ERROR,
        # The archive is read by the workers from disk; nothing large goes through here.
        memory_limit="auto",
    )
    try:
        client = _dist.Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


def manifest(partitions: Sequence[Partition], fields: Fields, size: int) -> dict[str, Any]:
    files: dict[str, int] = {}
    for p in partitions:
        for path, label in p.files or ((p.path, p.label),):
            files[label] = Path(path).stat().st_size
    return {
        "format": 1,
        "extractor": EXTRACTOR_VERSION,
        "text_field": fields.text,
        "published_field": fields.published,
        "partition_size": size,
        "files": dict(sorted(files.items())),
        "partitions": sorted(p.pid for p in partitions),
    }


def run(
    inputs: Sequence[Path],
    out: Path,
    *,
    fields: Fields | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    prefilter: bool = True,
    on_start: Callable[[int, Summary], None] | None = None,
    on_partition: Callable[[dict[str, Any]], None] | None = None,
) -> Summary:
    """Extract every document of INPUT into OUT; finished partitions of OUT are kept.

    `on_start(total documents, summary of what earlier runs did)` and `on_partition(stats)` report
    progress. Raises InputError/UsageError before anything runs when the input or options
    are wrong; documents that fail are counted and written to OUT/errors.jsonl.
    """
    fields = fields or Fields()
    started = time.perf_counter()
    partitions = plan(inputs, fields, partition_size, exclude=out)
    dataset = Dataset(out)
    dataset.prepare(manifest(partitions, fields, partition_size))
    summary = Summary(partitions=len(partitions), out=str(out))
    todo = []
    for p in partitions:
        if dataset.is_done(p.pid):
            summary.add(dataset.done_stats(p.pid))
            summary.resumed += 1
        else:
            todo.append(p)
    if on_start:
        on_start(sum(p.count for p in partitions), summary)
    if todo:
        with cluster_client(scheduler, workers) as client:
            summary.workers = len(client.scheduler_info().get("workers", {}))
            window = max(2, 2 * sum(client.nthreads().values()))
            pending = iter(todo)
            by_key: dict[str, Partition] = {}

            def submit(p: Partition) -> Any:
                future = client.submit(
                    process_partition,
                    p,
                    str(out.resolve()),
                    fields,
                    partition_size,
                    prefilter,
                    key=f"csbm-batch-{p.pid}-{os.getpid()}-{time.monotonic_ns()}",
                    retries=1,
                )
                by_key[future.key] = p
                return future

            # range first: zip stops on it without drawing one partition too many.
            first = [submit(p) for _, p in zip(range(window), pending, strict=False)]
            queue = _dist.as_completed(first)
            for future in queue:
                p = by_key.pop(future.key)
                try:
                    stats = future.result()
                except Exception as exc:  # reported; the other partitions go on
                    summary.failed_partitions[p.pid] = f"{p.label}: {type(exc).__name__}: {exc}"
                else:
                    summary.add(stats)
                    if on_partition:
                        on_partition(stats)
                future.release()
                nxt = next(pending, None)
                if nxt is not None:
                    queue.add(submit(nxt))
    summary.errors_file = str(out / "errors.jsonl")
    dataset.write_errors_file([p.pid for p in partitions])
    summary.seconds = round(time.perf_counter() - started, 3)
    dataset.write_summary(summary.as_dict())
    return summary


__all__ = ["DEFAULT_PARTITION_SIZE", "BatchError", "Summary", "cluster_client", "run"]
