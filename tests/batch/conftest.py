"""One generated archive and one local run per session; a real Dask cluster on loopback.

The archive (about 2,000 documents: JSON Lines, Parquet and .txt, with broken records) is
written once; `local_out` is `csbm batch extract` run once on it, as a subprocess, with
a local cluster of two worker processes. The other runs are compared with it.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest

from csbm.batch._synthetic import write_archive
from tests.conftest import env_without_color
from tests.store.conftest import (  # noqa: F401  (fixtures reused from the store tests)
    db_url,
    pg_database_factory,
    pg_server,
    pg_session_url,
    sqlite_template,
)

N_DOCS = 2000
PARTITION = 100
BIN = Path(sys.executable).parent


def csbm() -> list[str]:
    exe = BIN / "csbm"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "csbm"]


def run_csbm(
    *args: str, check: bool = True, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [*csbm(), *args],
        capture_output=True,
        text=True,
        env=env_without_color(),
        timeout=timeout,
        check=False,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def extract_args(archive: Path, out: Path, *more: str) -> list[str]:
    return [
        "batch", "extract", str(archive), "--out", str(out), "--partition-size",
        str(PARTITION), "--no-progress", "--format", "json", *more,
    ]  # fmt: skip


def rows(out: Path, table: str) -> list[dict[str, Any]]:
    """Every row of a table of OUT, sorted, for comparing runs."""
    data = ds.dataset(out / table, format="parquet").to_table().to_pylist()
    return sorted(data, key=lambda r: json.dumps(r, sort_keys=True, default=str))


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    root = tmp_path_factory.mktemp("archive")
    counts = write_archive(root, N_DOCS, seed=8)
    return root, counts


@pytest.fixture(scope="session")
def local_out(
    archive: tuple[Path, dict[str, int]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("local") / "out"
    result = run_csbm(*extract_args(archive[0], out, "--workers", "2"))
    return out, json.loads(result.stdout)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """End a process and its children (a dask worker runs its worker in a child)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=15)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="session")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A `dask scheduler` and two `dask worker` processes on loopback; torn down at the end."""
    logs = tmp_path_factory.mktemp("dask-logs")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask_cmd = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    worker_cmd = [sys.executable, "-m", "distributed.cli.dask_worker"]
    procs: list[subprocess.Popen[bytes]] = []

    def start(cmd: list[str], name: str) -> None:
        log = open(logs / f"{name}.log", "wb")  # noqa: SIM115 - lives as long as the process
        procs.append(
            subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        )

    try:
        start(
            # --dashboard-address: its HTTP health checks on a random port, not 8787.
            [
                *dask_cmd,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-dashboard",
                "--dashboard-address",
                "127.0.0.1:0",
            ],
            "scheduler",
        )
        for i in range(2):
            start(
                [
                    *worker_cmd, address, "--nworkers", "1", "--nthreads", "1",
                    "--host", "127.0.0.1", "--no-dashboard", "--name", f"w{i}",
                    "--local-directory", str(logs / f"w{i}"),
                ],
                f"worker{i}",
            )  # fmt: skip
        _wait_for_workers(address, 2, procs, logs)
        yield address
    finally:
        for proc in reversed(procs):
            _stop(proc)


def _wait_for_workers(
    address: str, n: int, procs: list[subprocess.Popen[bytes]], logs: Path
) -> None:
    from distributed import Client

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            text = "\n".join(f.read_text(errors="replace") for f in logs.glob("*.log"))
            raise AssertionError(f"a dask process exited early:\n{text}")
        try:
            with Client(address, timeout="5s") as client:
                client.wait_for_workers(n, timeout=60)
                return
        except (OSError, TimeoutError):
            time.sleep(0.5)
    raise AssertionError(f"the cluster at {address} did not get {n} workers")
