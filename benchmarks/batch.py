"""Benchmark: `csbm batch extract` on 1 and 2 Dask workers, against plain extract() in a loop.

Run with `python -m benchmarks.batch [N]` (N generated documents, default 100,000; `make
bench` uses a smaller N). The archive is `csbm.batch._synthetic.write_archive` (JSON Lines
files, one Parquet file, .txt files; about 60 % exercise reports, the rest other news for
the prefilter to skip; a few broken records). Prints, for each run:

- the baseline: every document read from the archive and passed to `extract()` in a loop,
  in this process (no prefilter, no output written), time and peak traced memory through
  the shared `measure()`;
- `run()` on a local cluster of 1 and of 2 worker processes (one thread each), each into a
  fresh output directory: documents per second, and the peak resident memory of each
  worker process (its ru_maxrss: interpreter, libraries and the largest partition);

then the scaling ratio (2 workers against 1) and each run's speed against the baseline.
The driver starts the cluster itself so that it can ask the workers for their peak memory.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster

from benchmarks.assess import measure
from csbm.batch._synthetic import write_archive
from csbm.batch.run import run
from csbm.extract import extract


def _peak_rss_mib() -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _baseline(root: Path) -> int:
    """Every document of the archive through extract(), one after the other."""
    claims = 0
    for path in sorted(root.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                try:
                    record = json.loads(line)
                    text, published = record["text"], date.fromisoformat(record["published"])
                except (ValueError, KeyError, TypeError):
                    continue  # the broken records; batch counts them as failures
                if isinstance(text, str):
                    claims += len(extract(text, published=published).claims())
    import pyarrow.parquet as pq

    for path in sorted(root.glob("*.parquet")):
        for row in pq.read_table(path).to_pylist():
            claims += len(extract(row["text"], published=row["published"]).claims())
    for path in sorted((root / "texts").glob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        claims += len(extract(text).claims())
    return claims


def _busy(out: Path) -> float:
    """Seconds the workers spent in partitions (from the markers): with the wall time it
    tells contention for the cores (other work on the machine) from overhead."""
    return sum(json.loads(p.read_text())["seconds"] for p in (out / "_done").glob("*.json"))


def _on_cluster(root: Path, out: Path, workers: int) -> tuple[float, dict[str, Any], list[float]]:
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        scheduler_kwargs={"dashboard": False, "dashboard_address": ":0"},  # as csbm.batch.run
        silence_logs=logging.ERROR,
    )
    try:
        with Client(cluster) as client:
            client.run(extract, "Zapad-2021 with 12,800 troops.")  # warm-up, as the baseline's
            t0 = time.perf_counter()
            summary = run([root], out, scheduler=cluster.scheduler_address)
            elapsed = time.perf_counter() - t0
            peaks = sorted(client.run(_peak_rss_mib).values())
    finally:
        cluster.close()
    return elapsed, summary.as_dict(), peaks


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 100_000
    work = Path(tempfile.mkdtemp(prefix="csbm-bench-batch-"))
    try:
        root = work / "archive"
        counts = write_archive(root, n, seed=1)
        extract("Zapad-2021 with 12,800 troops.")  # warm-up: gazetteers load once
        t_base, m_base = measure(lambda: _baseline(root))
        docs = counts["documents"]
        runs = []
        for workers in (1, 2):
            elapsed, summary, peaks = _on_cluster(root, work / f"out-{workers}", workers)
            runs.append((workers, elapsed, summary, peaks))
        print(
            f"documents: {docs:,} ({counts['jsonl']:,} JSON Lines, {counts['parquet']:,} "
            f"Parquet, {counts['txt']:,} .txt, {counts['broken']} broken)"
        )
        s = runs[0][2]
        print(
            f"prefilter skipped {s['skipped']:,}; {s['with_claims']:,} with claims, "
            f"{s['claims']:,} claims, {s['failed']} failed"
        )
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"machine: {os.cpu_count()} CPUs, load average {load} (1, 5, 15 min) at the end")
        print(f"{'step':<34}{'seconds':>9}{'docs/s':>10}{'peak MiB':>26}")
        print(f"{'extract() in a loop (baseline)':<34}{t_base:>9.2f}{docs / t_base:>10,.0f}"
              f"{m_base:>16.1f} (traced)")  # fmt: skip
        for workers, elapsed, _, peaks in runs:
            label = f"csbm batch, {workers} worker{'s' if workers > 1 else ''}"
            per_worker = ", ".join(f"{p:,.0f}" for p in peaks)
            print(f"{label:<34}{elapsed:>9.2f}{docs / elapsed:>10,.0f}"
                  f"{per_worker:>16} (RSS per worker)")  # fmt: skip
        for workers, elapsed, _, _ in runs:
            busy = _busy(work / f"out-{workers}")
            print(
                f"{workers} worker(s): {busy:.1f} s busy in partitions over {elapsed:.1f} s "
                f"({busy / elapsed / workers:.0%} of {workers} worker(s)' time)"
            )
        one, two = runs[0][1], runs[1][1]
        print(f"scaling, 2 workers against 1: {one / two:.2f}x")
        for workers, elapsed, _, _ in runs:
            print(f"{workers} worker(s) against the baseline: {t_base / elapsed:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
