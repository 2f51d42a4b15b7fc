"""Benchmark: the database store on SQLite and PostgreSQL, against pydantic validation.

Run with `python -m benchmarks.store [N] [--backends sqlite,postgresql] [--no-assess]`
(N defaults to 10,000 generated dossiers, the same generator as benchmarks.assess).
For each backend, in a fresh database:

- import N dossiers in one transaction (dossiers/s and table rows/s),
- import them again (nothing changes: the identity check),
- load all of them as known on an as-of date (filtered in SQL),
- assess what was loaded, with the same as-of date.

The baseline is pydantic validation of the same N dossiers. Every step, the baseline too,
runs in a fresh process of this script (its set-up untimed), so that its peak memory is its
own: the peak resident set above the step's start, read from /proc (tracemalloc where
/proc is missing). Each prints its time, its throughput, its peak memory, and both as a
ratio to the baseline. PostgreSQL uses a throw-away database on 127.0.0.1:5432 (user
postgres; CSBM_BENCH_PG overrides the server URL), dropped at the end.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import psycopg
from psycopg import sql

from benchmarks.assess import generate
from csbm import Dossier, assess
from csbm.store import Store, init_store

T = TypeVar("T")
AS_OF = date(2018, 1, 1)
PG_SERVER = os.environ.get("CSBM_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
_PROC = Path("/proc/self/status")


def _kib(field: str) -> int:
    match = re.search(rf"^{field}:\s+(\d+) kB", _PROC.read_text(), re.MULTILINE)
    return int(match.group(1)) if match else 0


@dataclass
class Step:
    name: str
    seconds: float
    items: int
    unit: str
    peak_mib: float


def measure(name: str, items: int, unit: str, fn: Callable[[], T]) -> tuple[Step, T]:
    """Time one run of fn and its peak memory above where it started."""
    gc.collect()
    if _PROC.exists():
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to now
        start = _kib("VmRSS")
        t0 = time.perf_counter()
        result = fn()
        seconds = time.perf_counter() - t0
        peak = max(_kib("VmHWM") - start, 0) / 1024
    else:  # pragma: no cover - not Linux
        tracemalloc.start()
        t0 = time.perf_counter()
        result = fn()
        seconds = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return Step(name, seconds, items, unit, peak), result


@contextmanager
def database(backend: str) -> Iterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield str(Path(tmp) / "bench.sqlite")
        return
    name = f"csbm_bench_{os.getpid()}_{secrets.token_hex(3)}"
    with psycopg.connect(PG_SERVER, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        server = PG_SERVER.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(PG_SERVER, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def _step(kind: str, url: str, n: int) -> dict[str, Any]:
    """One step in this (fresh) process: set up untimed, then measure."""
    raw = generate(n)
    if kind == "baseline":
        step, _ = measure(
            "validate (baseline)", n, "dossiers", lambda: [Dossier.model_validate(d) for d in raw]
        )
        return step.__dict__
    if kind == "assess":
        with Store(url) as store:
            loaded = store.load(as_of=AS_OF)
        assess(loaded[:10], as_of=AS_OF)  # warm-up: zone geometry, parameter caches
        step, results = measure(
            f"assess all as of {AS_OF}", n, "dossiers", lambda: assess(loaded, as_of=AS_OF)
        )
        assert len(results) == n
        return step.__dict__
    with Store(url) as store:
        if kind == "load":
            step, loaded = measure(
                f"load all as of {AS_OF}", n, "dossiers", lambda: store.load(as_of=AS_OF)
            )
            assert len(loaded) == n
            return step.__dict__
        dossiers = [Dossier.model_validate(d) for d in raw]
        if kind == "import":
            step, report = measure(
                "import (one transaction)",
                n,
                "dossiers",
                lambda: store.import_dossiers(dossiers, by="bench"),
            )
            assert len(report.created) == n
            return step.__dict__ | {"rows": sum(store.counts().values())}
        step, report = measure(
            "import again (unchanged)", n, "dossiers", lambda: store.import_dossiers(dossiers)
        )
        assert len(report.unchanged) == n
        return step.__dict__


def _in_subprocess(kind: str, url: str, n: int) -> dict[str, Any]:
    """Each step runs in a process of its own, so its peak memory is its own."""
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.store", str(n), "--step", kind, "--url", url],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"step {kind} failed:\n{out.stderr}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def run_backend(backend: str, n: int, with_assess: bool) -> list[Step]:
    steps = []
    with database(backend) as url:
        init_store(url)
        kinds = ["import", "reimport", "load"] + (["assess"] if with_assess else [])
        for kind in kinds:
            found = _in_subprocess(kind, url, n)
            rows = found.pop("rows", None)
            steps.append(Step(**found))
            if rows is not None:
                steps.append(Step("  (table rows written)", found["seconds"], rows, "rows", 0.0))
    return steps


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("n", nargs="?", type=int, default=10_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--no-assess", action="store_true", help="Skip the slow assessment.")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        print(json.dumps(_step(args.step, args.url, args.n)))
        return

    base = Step(**_in_subprocess("baseline", "", args.n))
    print(
        f"dossiers: {args.n:,}; as-of date {AS_OF}; each step in a fresh process; "
        "peak = resident memory above the step's start"
    )
    header = (
        f"{'step':<30}{'seconds':>9}{'per second':>19}{'peak MiB':>10}{'time x':>9}{'mem x':>8}"
    )
    for backend in args.backends.split(","):
        try:
            steps = run_backend(backend, args.n, not args.no_assess)
        except psycopg.OperationalError as exc:
            print(f"\n{backend}: skipped ({str(exc).strip().splitlines()[0]})")
            continue
        print(f"\n{backend}")
        print(header)
        for s in [base, *steps]:
            rate = f"{s.items / s.seconds:,.0f} {s.unit}"
            peak = f"{s.peak_mib:>10.1f}" if s.unit != "rows" else f"{'':>10}"
            ratio = f"{s.peak_mib / base.peak_mib:>8.1f}" if s.unit != "rows" else ""
            times = f"{s.seconds / base.seconds:>9.1f}"
            print(f"{s.name:<30}{s.seconds:>9.2f}{rate:>19}{peak}{times}{ratio}")


if __name__ == "__main__":
    main()
