"""Bad input for the whole run: exit code 2 and a message naming file, line and field,
before any cluster starts."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tests.batch.conftest import run_csbm


def _fails(*args: str) -> str:
    result = run_csbm("batch", "extract", *args, "--no-progress", check=False)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return " ".join(result.stderr.split())


def test_malformed_json_first_line(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "Zapad-2021 drills", \n', encoding="utf-8")
    message = _fails(str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "out"))
    assert "a.jsonl:1: not JSON" in message


def test_unknown_text_field_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"body": "x"}) + "\n", encoding="utf-8")
    message = _fails(str(tmp_path), "--out", str(tmp_path / "out"), "--text-field", "content")
    assert "a.jsonl:1: content: no such field (fields: body)" in message


def test_unknown_text_field_parquet(tmp_path: Path) -> None:
    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "a.parquet")
    message = _fails(str(tmp_path), "--out", str(tmp_path / "out"))
    assert "a.parquet: text: no such column (columns: body)" in message


def test_unknown_published_field(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "x"}) + "\n", encoding="utf-8")
    message = _fails(str(tmp_path), "--out", str(tmp_path / "o"), "--published-field", "date")
    assert "a.jsonl:1: date: no such field" in message


def test_impossible_date_first_line(tmp_path: Path) -> None:
    record = {"text": "x", "published": "2022-02-30"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    message = _fails(str(tmp_path), "--out", str(tmp_path / "out"))
    assert "a.jsonl:1: published: '2022-02-30' is not a date" in message


def test_non_utf8_text_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Manœuvres".encode("cp1252"))
    message = _fails(str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"))
    assert "a.txt:1: not UTF-8 at byte 3" in message


def test_missing_input_and_empty_directory(tmp_path: Path) -> None:
    assert "no such file or directory" in _fails(str(tmp_path / "nope"), "--out", "x")
    (tmp_path / "empty").mkdir()
    assert "no .txt, .jsonl or .parquet files" in _fails(str(tmp_path / "empty"), "--out", "x")


def test_out_from_another_run_is_refused(
    archive: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    """A re-run must have the same inputs and options; else it would mix two datasets."""
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.jsonl").write_text(
        json.dumps({"text": "Zapad-2021: 12,000 troops.", "body": "x"}) + "\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    run_csbm("batch", "extract", str(source), "--out", str(out), "--no-progress", "--workers", "1")
    message = _fails(str(source), "--out", str(out), "--text-field", "body")
    assert "holds a run over other inputs or options (text_field differ)" in message


def test_workers_with_scheduler_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "x"}) + "\n", encoding="utf-8")
    args = ["--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"]
    assert "--workers sizes the local cluster" in _fails(str(tmp_path), *args)


def test_byte_order_mark_and_crlf_are_read(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Zapad-2021 will involve {n},000 troops."}) for n in (12, 13)]
    (tmp_path / "a.jsonl").write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")
    out = tmp_path / "out"
    result = run_csbm(
        "batch", "extract", str(tmp_path), "--out", str(out), "--workers", "1",
        "--no-progress", "--format", "json",
    )  # fmt: skip
    summary = json.loads(result.stdout)
    assert (summary["documents"], summary["failed"], summary["claims"]) == (2, 0, 2)


def test_json_array_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('[\n{"text": "x"}\n]\n', encoding="utf-8")
    message = _fails(str(tmp_path), "--out", str(tmp_path / "out"))
    assert "a.json:1: a JSON array: one JSON object per line is needed" in message


def test_output_inside_the_input_is_not_read_as_input(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"text": "Zapad-2021 will involve 12,000 troops."}) + "\n", encoding="utf-8"
    )
    args = ["batch", "extract", str(tmp_path), "--out", str(tmp_path / "out")]
    args += ["--workers", "1", "--no-progress", "--format", "json"]
    first = json.loads(run_csbm(*args).stdout)
    again = json.loads(run_csbm(*args).stdout)  # OUT now holds Parquet files: not inputs
    assert first["documents"] == again["documents"] == 1
    assert again["resumed"] == again["partitions"] == 1
