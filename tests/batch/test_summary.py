"""What a person sees: the progress bar on standard error, the summary on standard output."""

from __future__ import annotations

from pathlib import Path

from csbm.batch._synthetic import write_archive
from tests.batch.conftest import run_csbm


def test_progress_and_summary(tmp_path: Path) -> None:
    write_archive(tmp_path / "in", 120, seed=5)
    result = run_csbm(
        "batch", "extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
        "--workers", "1", "--partition-size", "40",
    )  # fmt: skip
    for label in (
        "documents read",
        "skipped by prefilter",
        "with claims",
        "claims",
        "failed",
        "bad date",
        "not UTF-8",
        "errors file",
        "partitions",
    ):
        assert label in result.stdout
    bar = " ".join(result.stderr.split())
    assert "extracting" in bar and "125/125 docs" in bar and "docs/s" in bar and "ETA" in bar
