"""A partition whose task fails (here: its file is damaged after the plan) is reported,
never marked finished, and the next run redoes it."""

from __future__ import annotations

import shutil
from pathlib import Path

from csbm.batch import Summary, run
from csbm.batch._synthetic import write_archive
from tests.batch.conftest import rows


def test_failed_partition_is_redone(tmp_path: Path) -> None:
    archive = tmp_path / "in"
    write_archive(archive, 150, seed=4, broken=False)
    wire = archive / "wire.parquet"
    good = tmp_path / "wire.parquet.good"
    shutil.copyfile(wire, good)

    def damage(total: int, earlier: Summary) -> None:
        # After the plan and before any task: same size, so the manifest still matches.
        wire.write_bytes(b"\0" * wire.stat().st_size)

    out = tmp_path / "out"
    first = run([archive], out, workers=1, partition_size=40, on_start=damage)
    assert first.failed_partitions
    assert all("wire.parquet" in reason for reason in first.failed_partitions.values())
    assert first.documents == 150 - 30  # the Parquet file's 30 rows were not read
    shutil.copyfile(good, wire)

    second = run([archive], out, workers=1, partition_size=40)
    assert not second.failed_partitions
    assert second.resumed == second.partitions - len(first.failed_partitions)
    assert second.documents == 150
    clean = run([archive], tmp_path / "clean", workers=1, partition_size=40)
    assert rows(out, "claims") == rows(tmp_path / "clean", "claims")
    assert clean.claims == second.claims
