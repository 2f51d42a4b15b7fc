"""Benchmark: the web app under concurrent clients, on loopback.

Run with `python -m benchmarks.web [N]` (N requests per page and concurrency, default 300).
A real `csbm serve` runs in a subprocess over a fresh SQLite file holding the bundled
record (every bundled dossier); httpx async clients fetch

- the activities table (`/activities`, every activity, with its timeline data), and
- an activity page (`/activities/union-resolve-2022`, the full verdict page),

with 1, 8 and 32 clients at once, and a small static file as a reference for the cost of
the server and clients alone. Printed per page and concurrency: requests per second,
median and 99th-percentile latency, and the ratios to the 1-client run of the same page in
the same run. Clients and server share the machine's cores, so the ratios show how the
server holds up under queueing, not how it would scale on a separate host.

Then the same pages at 32 clients with a lean client on raw sockets (httpx costs more per
request than a cached page), with one server worker and with one per CPU
(`csbm serve --workers 0`), each page's p99 against the static file's in the same run.

Then the bound on work an anonymous request can cause (issue 17 §4): 24 distinct
`?as_of=` variants of the activity page at once, without a token (each a full assessment of
the record), then a second wave of 24 with `?strict=true` and `?assume=`; printed: how many
were answered 200 and how many 503 (busy, with Retry-After), p50/p99 of each, and p99 of
the cached activity page fetched meanwhile. `python -m benchmarks.web --variants` runs
this part alone.

Also printed: the first request after start-up, which waits for the record's first
assessment (the cache's miss; the server starts it at start-up), against the cached request
that follows.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from csbm.data import dossiers_dir
from csbm.store import Store, init_store, read_dossiers

PAGES = {
    "table": "/activities",
    "activity": "/activities/union-resolve-2022",
    # A reference: a small static file, i.e. what uvicorn, the middleware and the clients
    # cost alone, so that the pages' ratios can be read against the machine's own.
    "static": "/static/csbm.css",
}
CLIENTS = (1, 8, 32)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _where(port: int, workers: int) -> list[str]:
    return ["--port", str(port), "--workers", str(workers)]


def _serve(db: str, workers: int = 1) -> tuple[subprocess.Popen[bytes], str]:
    port = _port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "csbm", "serve", "--db", db, *_where(port, workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=os.environ.copy(),
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/openapi.json", timeout=2).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("csbm serve did not start")


async def _run(url: str, path: str, clients: int, total: int) -> tuple[float, list[float]]:
    """`total` requests from `clients` concurrent workers; wall seconds and latencies."""
    latencies: list[float] = []
    left = total
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=120) as client:

        async def worker() -> None:
            nonlocal left
            while left > 0:
                left -= 1
                t0 = time.perf_counter()
                r = await client.get(path)
                latencies.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    raise SystemExit(f"{path}: HTTP {r.status_code}")

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        return time.perf_counter() - t0, latencies


# What a browser sends: every current one accepts gzip.
BROWSER_ENCODINGS = "gzip, deflate, br, zstd"


async def _run_lean(
    url: str, path: str, clients: int, total: int, encodings: str = BROWSER_ENCODINGS
) -> tuple[float, list[float]]:
    """As `_run`, with a minimal HTTP/1.1 keep-alive client on raw sockets: httpx costs
    more per request than the server's cached answer, and both share the same cores.
    The body is read as sent (never decompressed: a browser does that off the server)."""
    host, port = url.removeprefix("http://").split(":")
    accept = f"Accept-Encoding: {encodings}\r\n" if encodings else ""
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n{accept}\r\n".encode()
    latencies: list[float] = []
    left = total

    async def worker() -> None:
        nonlocal left
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while left > 0:
                left -= 1
                t0 = time.perf_counter()
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head.split(b" ", 2)[1])
                length = next(
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                await reader.readexactly(length)
                latencies.append(time.perf_counter() - t0)
                if status != 200:
                    raise SystemExit(f"{path}: HTTP {status}")
        finally:
            writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return time.perf_counter() - t0, latencies


def _lean_table(url: str, n: int, label: str) -> None:
    """Requests/s and p50/p99 per page at 32 clients, with the static file as reference;
    the pages as a browser asks for them (gzip accepted), then the two pages again from a
    client that accepts no compression."""
    print(f"{label}: {n} requests per row, 32 clients, lean client")
    print(f"{'page':<22}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'p99 vs static':>15}")
    rows = {}
    asks = [(name, path, BROWSER_ENCODINGS) for name, path in PAGES.items()]
    asks += [(f"{name} (no gzip)", PAGES[name], "") for name in ("table", "activity")]
    for name, path, encodings in asks:
        asyncio.run(_run_lean(url, path, 32, 64, encodings))  # warm every worker's cache
        wall, lat = asyncio.run(_run_lean(url, path, 32, n, encodings))
        rows[name] = (n / wall, _pct(lat, 0.5) * 1000, _pct(lat, 0.99) * 1000)
    for name, (rps, p50, p99) in rows.items():
        print(f"{name:<22}{rps:>9.1f}{p50:>9.1f}{p99:>9.1f}{p99 / rows['static'][2]:>14.2f}x")
    goal = all(rows[name][2] < GOAL_P99_MS for name in ("table", "activity"))
    print(
        f"goal (issue 15): table and activity p99 under {GOAL_P99_MS} ms at 32 clients: "
        + ("met" if goal else "not met")
    )


VARIANTS = 24
GOAL_P99_MS = 50


async def _variants_at_once(url: str, paths: list[str]) -> dict[str, Any]:
    """Every path at once (one client each) while one client keeps fetching the cached
    activity page; status counts and latencies."""
    codes: dict[int, int] = {}
    by_code: dict[int, list[float]] = {}
    cached: list[float] = []
    done = asyncio.Event()
    async with httpx.AsyncClient(base_url=url, timeout=300) as client:

        async def one(path: str) -> None:
            t0 = time.perf_counter()
            r = await client.get(path)
            took = time.perf_counter() - t0
            codes[r.status_code] = codes.get(r.status_code, 0) + 1
            by_code.setdefault(r.status_code, []).append(took)

        async def reader() -> None:
            while not done.is_set():
                t0 = time.perf_counter()
                await client.get(PAGES["activity"])
                cached.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        watcher = asyncio.create_task(reader())
        await asyncio.gather(*(one(p) for p in paths))
        done.set()
        await watcher
        wall = time.perf_counter() - t0
    everyone = [x for lat in by_code.values() for x in lat]
    return {"codes": codes, "by_code": by_code, "all": everyone, "cached": cached, "wall": wall}


def _variants(url: str) -> None:
    print(f"{VARIANTS} distinct variants of the activity page at once, no token, one worker:")
    waves = {
        "as_of": [
            f"{PAGES['activity']}?as_of={date(2021, 1, 1) + timedelta(days=17 * i)}"
            for i in range(VARIANTS)
        ],
        "strict+assume": [
            f"{PAGES['activity']}?strict=true&assume=single_operational_command%3D"
            f"{'true' if i % 2 else 'false'}&as_of={date(2022, 1, 1) + timedelta(days=i)}"
            for i in range(VARIANTS)
        ],
    }
    for name, paths in waves.items():
        got = asyncio.run(_variants_at_once(url, paths))
        parts = [f"{code}: {n}" for code, n in sorted(got["codes"].items())]
        print(
            f"  {name:<14} {', '.join(parts):<18} all p50 {_pct(got['all'], 0.5) * 1000:,.0f} ms"
            f", p99 {_pct(got['all'], 0.99) * 1000:,.0f} ms; wall {got['wall']:.1f} s"
        )
        for code, lat in sorted(got["by_code"].items()):
            print(
                f"    HTTP {code}: p50 {_pct(lat, 0.5) * 1000:,.0f} ms, "
                f"p99 {_pct(lat, 0.99) * 1000:,.0f} ms"
            )
        if got["cached"]:
            print(
                f"    cached activity page meanwhile ({len(got['cached'])} requests): "
                f"p50 {_pct(got['cached'], 0.5) * 1000:,.0f} ms, "
                f"p99 {_pct(got['cached'], 0.99) * 1000:,.0f} ms"
            )


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str]) -> None:
    only_variants = "--variants" in argv
    argv = [a for a in argv if a != "--variants"]
    n = int(argv[0]) if argv else 300
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.sqlite")
        init_store(db)
        with Store(db) as store:
            store.import_dossiers(read_dossiers([dossiers_dir()]), by="benchmark")
        if only_variants:
            proc, url = _serve(db)
            try:
                httpx.get(url + PAGES["activity"], timeout=300)
                _variants(url)
            finally:
                proc.terminate()
                proc.wait(timeout=15)
            return
        proc, url = _serve(db)
        try:
            t0 = time.perf_counter()
            httpx.get(url + PAGES["table"], timeout=120)
            cold = time.perf_counter() - t0
            for path in PAGES.values():  # warm every view once
                httpx.get(url + path, timeout=120)
            with httpx.Client(base_url=url, timeout=120) as one:
                warm = []
                for _ in range(5):
                    t0 = time.perf_counter()
                    one.get(PAGES["table"])
                    warm.append(time.perf_counter() - t0)
            count = len(list(dossiers_dir().glob("*.yaml")))
            print(f"record: {count} bundled dossiers; {n} requests per row; server and clients on")
            print(f"one machine ({os.cpu_count()} CPUs), loopback, one uvicorn worker")
            print(
                f"first table request after start-up (waits for the record's first "
                f"assessment, begun at start-up): {cold * 1000:,.0f} ms; "
                f"cached, median of 5: {sorted(warm)[2] * 1000:,.1f} ms"
            )
            head = (
                f"{'page':<10}{'clients':>8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
                f"{'req/s vs 1':>12}{'p50 vs 1':>10}{'p99 vs 1':>10}"
            )
            print(head)
            for name, path in PAGES.items():
                base: tuple[float, float, float] | None = None
                for clients in CLIENTS:
                    wall, lat = asyncio.run(_run(url, path, clients, n))
                    rps, p50, p99 = n / wall, _pct(lat, 0.5) * 1000, _pct(lat, 0.99) * 1000
                    base = base or (rps, p50, p99)
                    print(
                        f"{name:<10}{clients:>8}{rps:>9.1f}{p50:>9.1f}{p99:>9.1f}"
                        f"{rps / base[0]:>11.2f}x{p50 / base[1]:>9.2f}x{p99 / base[2]:>9.2f}x"
                    )
            sizes = {k: len(httpx.get(url + p).content) for k, p in PAGES.items()}
            sent = {
                k: int(
                    httpx.get(url + p, headers={"Accept-Encoding": "gzip"}).headers.get(
                        "content-length", 0
                    )
                )
                for k, p in PAGES.items()
            }
            print(
                "page sizes (as sent with gzip): "
                + ", ".join(
                    f"{k} {sizes[k] / 1024:,.0f} KiB ({sent[k] / 1024:,.0f} KiB)" for k in sizes
                )
            )
            etag = httpx.get(url + PAGES["activity"]).headers.get("etag")
            again = httpx.get(url + PAGES["activity"], headers={"If-None-Match": etag or ""})
            print(f"activity page revalidated with its ETag: HTTP {again.status_code}")
            _lean_table(url, n * 4, "one worker")
            _variants(url)
        finally:
            proc.terminate()
            proc.wait(timeout=15)
        cpus = len(os.sched_getaffinity(0))
        if cpus > 1:
            proc, url = _serve(db, workers=cpus)
            try:
                for path in PAGES.values():
                    httpx.get(url + path, timeout=120)
                _lean_table(url, n * 4, f"{cpus} workers (csbm serve --workers 0)")
            finally:
                proc.terminate()
                proc.wait(timeout=15)


if __name__ == "__main__":
    main(sys.argv[1:])
