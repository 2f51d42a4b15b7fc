"""`csbm batch extract` end to end: local cluster, real cluster, a killed run resumed."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from csbm.batch.dataset import Dataset
from csbm.extract import extract, to_dict
from tests.batch.conftest import PARTITION, csbm, extract_args, rows, run_csbm
from tests.conftest import env_without_color


def test_local_run_counts_every_document(
    archive: tuple[Path, dict[str, int]], local_out: tuple[Path, dict[str, Any]]
) -> None:
    _, counts = archive
    out, summary = local_out
    assert summary["documents"] == counts["documents"]
    assert summary["failed"] == counts["broken"] == 5
    assert summary["failures"] == {
        "bad date": 1,
        "missing field": 1,
        "not JSON": 1,
        "not UTF-8": 1,
        "not text": 1,
    }
    assert 0 < summary["skipped"] < summary["documents"]
    assert 0 < summary["with_claims"] <= summary["documents"] - summary["skipped"]
    assert summary["claims"] == len(rows(out, "claims"))
    documents = rows(out, "documents")
    assert len(documents) == summary["documents"] - summary["failed"]
    assert sum(d["status"] == "skipped" for d in documents) == summary["skipped"]
    assert summary["workers"] == 2
    assert summary["resumed"] == 0
    # Every partition finished, nothing half-written left behind.
    assert len(Dataset(out).finished()) == summary["partitions"]
    assert not list(out.rglob(".tmp-*"))


def test_errors_file_names_file_line_and_reason(local_out: tuple[Path, dict[str, Any]]) -> None:
    out, _ = local_out
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    where = {(e["file"], e["line"], e["field"]) for e in errors}
    # write_archive puts the broken lines at 6, 8, 10, 12 of news-00 (after a blank line at 4).
    assert where == {
        ("news-00.jsonl", 7, None),
        ("news-00.jsonl", 9, "text"),
        ("news-00.jsonl", 11, "published"),
        ("news-00.jsonl", 13, "text"),
        ("texts/latin1.txt", 1, None),
    }
    by_field = {e["line"]: e["reason"] for e in errors if e["file"] == "news-00.jsonl"}
    assert by_field[11] == "'2021-02-30' is not a date (YYYY-MM-DD or an ISO date-time)"
    assert by_field[9].startswith("no such field")


def test_claims_are_what_extract_gives(
    archive: tuple[Path, dict[str, int]], local_out: tuple[Path, dict[str, Any]]
) -> None:
    """The rows hold the same fields as `csbm extract --format json`, for the same text."""
    root, _ = archive
    out, _ = local_out
    claims = rows(out, "claims")
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        by_doc.setdefault(c["doc_id"], []).append(c)
    lines = (root / "news-01.jsonl").read_text(encoding="utf-8").splitlines()
    checked = 0
    for number, line in enumerate(lines[:60], start=1):
        record = json.loads(line)
        x = extract(
            record["text"], published=date.fromisoformat(record["published"]), url=record["url"]
        )
        data = to_dict(x)
        main = {id(f) for f in x.claims()}
        expected = [d for f, d in zip(x.figures, data["figures"], strict=True) if id(f) in main]
        got = sorted(by_doc.get(f"news-01.jsonl:{number}", []), key=lambda c: c["claim_index"])
        assert [
            (c["quantity"], c["value"], c["low"], c["high"], c["qualifier"], c["attributed_to"],
             c["evidence_text"], c["evidence_start"], c["reasons"])
            for c in got
        ] == [
            (f["quantity"], f["value"], f["low"], f["high"], f["qualifier"], f["attributed_to"],
             f["evidence"]["text"], f["evidence"]["start"], f["reasons"])
            for f in expected
        ]  # fmt: skip
        checked += bool(expected)
    assert checked > 10


def test_parquet_and_text_documents_are_read(local_out: tuple[Path, dict[str, Any]]) -> None:
    out, _ = local_out
    files = {d["file"] for d in rows(out, "documents")}
    assert "wire.parquet" in files
    assert any(f.startswith("texts/") for f in files)
    parquet_docs = [d for d in rows(out, "documents") if d["file"] == "wire.parquet"]
    assert {d["line"] for d in parquet_docs} == set(range(1, len(parquet_docs) + 1))
    assert all(d["published"] is not None for d in parquet_docs)


def test_real_cluster_gives_the_same_output(
    archive: tuple[Path, dict[str, int]],
    local_out: tuple[Path, dict[str, Any]],
    dask_cluster: str,
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    result = run_csbm(*extract_args(archive[0], out, "--scheduler", dask_cluster))
    summary = json.loads(result.stdout)
    assert summary["workers"] == 2
    local, local_summary = local_out
    for key in ("documents", "skipped", "with_claims", "claims", "failed", "failures"):
        assert summary[key] == local_summary[key]
    for table in ("claims", "documents", "errors"):
        assert rows(out, table) == rows(local, table)
    assert (out / "errors.jsonl").read_text() == (local / "errors.jsonl").read_text()


def test_killed_run_resumes_without_duplicates(
    archive: tuple[Path, dict[str, int]], local_out: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = extract_args(archive[0], out, "--workers", "2")
    args[args.index("--partition-size") + 1] = str(PARTITION // 2)
    proc = subprocess.Popen(
        [*csbm(), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env_without_color(),
        start_new_session=True,  # its own group: the kill takes the local workers too
    )
    done = out / "_done"
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if done.is_dir() and len(list(done.glob("*.json"))) >= 3:
                break
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    total = len(json.loads((out / "_batch.json").read_text())["partitions"])
    finished_before = len(Dataset(out).finished())
    assert 0 < finished_before < total, "the run was not killed half-way"

    result = run_csbm(*args)
    summary = json.loads(result.stdout)
    assert summary["resumed"] == finished_before
    assert len(Dataset(out).finished()) == total
    claims = rows(out, "claims")
    keys = [(c["doc_id"], c["claim_index"]) for c in claims]
    assert len(keys) == len(set(keys))
    local, local_summary = local_out
    assert summary["claims"] == local_summary["claims"] == len(claims)
    assert claims == rows(local, "claims")
    assert rows(out, "documents") == rows(local, "documents")
    assert not list(out.rglob(".tmp-*"))


def test_rerun_of_a_finished_output_does_nothing(
    archive: tuple[Path, dict[str, int]], local_out: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    local, local_summary = local_out
    out = tmp_path / "out"
    shutil.copytree(local, out)
    before = {p: p.stat().st_mtime_ns for p in (out / "claims").glob("*.parquet")}
    summary = json.loads(run_csbm(*extract_args(archive[0], out)).stdout)
    assert summary["resumed"] == summary["partitions"] == local_summary["partitions"]
    assert summary["workers"] == 0  # no cluster was needed
    assert summary["claims"] == local_summary["claims"]
    assert {p: p.stat().st_mtime_ns for p in (out / "claims").glob("*.parquet")} == before


def test_half_written_partition_is_redone(
    archive: tuple[Path, dict[str, int]], local_out: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    """Data files present but no marker (killed between the two): not finished, redone."""
    local, _ = local_out
    out = tmp_path / "out"
    shutil.copytree(local, out)
    pid = Dataset(out).finished()[0]
    (out / "_done" / f"{pid}.json").unlink()
    pq.write_table(pq.read_table(out / "claims" / f"{pid}.parquet").slice(0, 1),
                   out / "claims" / f"{pid}.parquet")  # fmt: skip
    (out / "claims" / ".tmp-deadbeef-x.parquet").write_bytes(b"PAR1 half")
    summary = json.loads(run_csbm(*extract_args(archive[0], out, "--workers", "1")).stdout)
    assert summary["resumed"] == summary["partitions"] - 1
    assert rows(out, "claims") == rows(local, "claims")
    assert not list(out.rglob(".tmp-*"))
