"""The output dataset of `csbm batch extract`, and how a run resumes.

Layout of OUT::

    _batch.json             what was run: inputs (with sizes), fields, partition size,
                            extractor version and the partition ids; a re-run must match
    documents/<pid>.parquet one row per document read (extracted or skipped)
    claims/<pid>.parquet    one row per claim
    errors/<pid>.parquet    one row per record that failed (file, line, field, reason)
    _done/<pid>.json        the partition's counts: written last, it is what makes the
                            partition finished
    errors.jsonl            every failure, in input order (rewritten at the end of a run)
    _summary.json           the last run's summary

Every file is written under a temporary name (starting with ".", which Arrow's dataset
discovery ignores) and renamed into place, so a file is whole or absent; the marker comes
after the data, so a run killed at any point leaves partitions that are either finished
or redone by the next run, whose files replace the leftovers. `pyarrow.dataset.dataset(
OUT / "claims")` reads the claims; use `finished()` to read only finished partitions.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from csbm.errors import UsageError

TABLES = ("documents", "claims", "errors")
MANIFEST = "_batch.json"
DONE = "_done"
ERRORS_FILE = "errors.jsonl"
SUMMARY = "_summary.json"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _atomic_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".tmp-{uuid.uuid4().hex}-{path.name}")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _atomic_table(path: Path, table: pa.Table) -> None:
    tmp = path.with_name(f".tmp-{uuid.uuid4().hex}-{path.name}")
    pq.write_table(table, tmp, compression="zstd")
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


@dataclass(frozen=True)
class Dataset:
    root: Path

    def table_dir(self, name: str) -> Path:
        return self.root / name

    def marker(self, pid: str) -> Path:
        return self.root / DONE / f"{pid}.json"

    def prepare(self, manifest: dict[str, Any]) -> None:
        """Create OUT, or check that it was started with the same inputs and options."""
        if self.root.exists() and not self.root.is_dir():
            raise UsageError(f"--out {self.root}: exists and is not a directory")
        path = self.root / MANIFEST
        if path.is_file():
            before = json.loads(path.read_text(encoding="utf-8"))
            if before != manifest:
                changed = sorted(
                    k for k in set(before) | set(manifest) if before.get(k) != manifest.get(k)
                )
                raise UsageError(
                    f"--out {self.root} holds a run over other inputs or options "
                    f"({', '.join(changed)} differ); use another --out, or delete it to start over"
                )
        elif self.root.is_dir() and any(self.root.iterdir()):
            raise UsageError(f"--out {self.root}: not empty and not a csbm batch output")
        # The manifest first: a run killed right after this leaves a resumable OUT, never
        # a non-empty directory without one (which a re-run would refuse).
        self.root.mkdir(parents=True, exist_ok=True)
        if not path.is_file():
            _atomic_bytes(path, json.dumps(manifest, indent=1, sort_keys=True).encode())
        for name in (*TABLES, DONE):
            (self.root / name).mkdir(exist_ok=True)
        self.clean_temporary()

    def clean_temporary(self) -> None:
        """Remove what killed runs left half-written (never counted as finished)."""
        for name in (*TABLES, DONE, "."):
            for tmp in (self.root / name).glob(".tmp-*"):
                tmp.unlink(missing_ok=True)

    def is_done(self, pid: str) -> bool:
        return self.marker(pid).is_file()

    def done_stats(self, pid: str) -> dict[str, Any]:
        stats: dict[str, Any] = json.loads(self.marker(pid).read_text(encoding="utf-8"))
        return stats

    def write_partition(self, pid: str, tables: dict[str, pa.Table], stats: dict[str, Any]) -> None:
        for name in TABLES:
            _atomic_table(self.table_dir(name) / f"{pid}.parquet", tables[name])
        for name in TABLES:
            _fsync_dir(self.table_dir(name))
        _atomic_bytes(self.marker(pid), json.dumps(stats, sort_keys=True).encode())

    def finished(self) -> list[str]:
        """Ids of the finished partitions, sorted (a fixed order, whatever ran where)."""
        done = self.root / DONE
        if not done.is_dir():
            return []
        return sorted(p.stem for p in done.glob("*.json") if not p.name.startswith("."))

    def read(self, name: str, pid: str) -> pa.Table:
        return pq.read_table(self.table_dir(name) / f"{pid}.parquet")

    def tables(self, name: str) -> Iterator[pa.Table]:
        """One table per finished partition, in id order (streamed, not collected)."""
        for pid in self.finished():
            yield self.read(name, pid)

    def write_errors_file(self, order: list[str]) -> int:
        """errors.jsonl from the errors of the partitions `order`, streamed; returns rows."""
        path = self.root / ERRORS_FILE
        tmp = path.with_name(f".tmp-{uuid.uuid4().hex}-{path.name}")
        n = 0
        with open(tmp, "w", encoding="utf-8") as f:
            for pid in order:
                if not self.is_done(pid):
                    continue
                for row in self.read("errors", pid).to_pylist():
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
                    n += 1
        os.replace(tmp, path)
        return n

    def write_summary(self, summary: dict[str, Any]) -> None:
        _atomic_bytes(self.root / SUMMARY, json.dumps(summary, indent=1, sort_keys=True).encode())


def is_batch_output(path: Path) -> bool:
    return (path / MANIFEST).is_file()


__all__ = ["DONE", "ERRORS_FILE", "MANIFEST", "SUMMARY", "TABLES", "Dataset", "is_batch_output"]
