"""Imports are all or nothing; concurrent writers lose no update; a killed import leaves
the database consistent."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from csbm.errors import DossierError
from csbm.store import Store, StoreError, read_dossiers
from csbm.store.files import dossier_yaml
from tests.conftest import ROOT
from tests.store import writers
from tests.store.gen import make_dossier


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_one_bad_file_names_file_line_and_field_and_nothing_is_written(
    store: Store, tmp_path: Path
) -> None:
    _write(tmp_path / "a.yaml", dossier_yaml(make_dossier("ex-a")))
    bad = dossier_yaml(make_dossier("ex-b")).replace("value: 12000", "value: many")
    _write(tmp_path / "b.yaml", bad)
    _write(tmp_path / "c.yaml", dossier_yaml(make_dossier("ex-c")))
    line = bad.splitlines().index("    value: many") + 1
    with pytest.raises(DossierError) as err:
        read_dossiers([tmp_path])
    assert f"b.yaml:{line}: claims[0].value: " in str(err.value)
    assert store.activities() == []


def test_values_the_database_cannot_hold_are_named_with_their_line(tmp_path: Path) -> None:
    text = dossier_yaml(make_dossier("ex-a")).replace("value: 12000", f"value: {2**64}")
    _write(tmp_path / "huge.yaml", text)
    line = text.splitlines().index(f"    value: {2**64}") + 1
    # Refused by the dossier's own bound, long before the database's 64 bits.
    with pytest.raises(DossierError, match=rf"huge.yaml:{line}: claims\[0\].value: .*10000000"):
        read_dossiers([tmp_path])


def test_a_failure_mid_import_rolls_back_every_batch(store: Store) -> None:
    store.import_dossiers([make_dossier("kept")], by="t")
    before = store.counts()

    def fail(done: int, total: int) -> None:
        if done > 500:  # after the first batch of 500 was written
            raise RuntimeError("disk on fire")

    many = [make_dossier(f"bulk-{i:04d}") for i in range(700)]
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.import_dossiers([*many, make_dossier("kept", troops=1)], by="t", progress=fail)
    assert store.counts() == before
    assert store.load(["kept"]) == [make_dossier("kept")]


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    from csbm.store import init_store

    init_store(str(tmp_path / "x.sqlite"))
    with Store(str(tmp_path / "x.sqlite")) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 60_000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_eight_concurrent_writers_lose_no_update(store: Store) -> None:
    store.import_dossiers([make_dossier(writers.SHARED, notes="initial")], by="setup")
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(8, timeout=120)
    # Two processes (spawned interpreters are the slow part of this test) and six threads.
    procs = [ctx.Process(target=writers.write, args=(store.url, w, barrier)) for w in range(2)]
    errors: list[BaseException] = []

    def in_thread(w: int) -> None:
        try:
            writers.write(store.url, w, barrier)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=in_thread, args=(w,)) for w in range(2, 8)]
    for p in procs:
        p.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=180)
    for p in procs:
        p.join(timeout=180)
    assert errors == []
    assert [p.exitcode for p in procs] == [0, 0]

    rounds = range(writers.ROUNDS)
    own = [f"writer-{w}-{r}" for w in range(8) for r in rounds]
    assert [d.activity.id for d in store.load(own)] == own
    history = store.history(writers.SHARED)
    expected = 1 + 8 * writers.ROUNDS
    assert [h.version for h in history] == list(range(1, expected + 1))
    # Every writer's change is one version: none overwrote another.
    notes = [h.previous().activity.notes for h in history[1:]]  # type: ignore[union-attr]
    notes.append(store.load([writers.SHARED])[0].activity.notes)
    assert sorted(notes) == sorted(
        ["initial"] + [f"writer {w} round {r}" for w in range(8) for r in rounds]
    )
    assert len(store.history(writers.COMMON)) == 1
    assert store.verify() == []


def _bulk(url: str, n: int, park: bool) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store.writers", url, str(n), "park" if park else "go"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_process_killed_mid_import_leaves_the_database_consistent(store: Store) -> None:
    store.import_dossiers([make_dossier("before")], by="t")
    proc = _bulk(store.url, 700, park=True)
    assert proc.stdout is not None
    first = proc.stdout.readline().strip()  # the first batch is written, not committed
    assert first == "500"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    assert store.verify() == []
    assert [d.activity.id for d in store.load()] == ["before"]
    # Nothing is left locked: the same import now goes through.
    report = store.import_dossiers([make_dossier(f"bulk-{i:05d}") for i in range(700)], by="t")
    assert len(report.created) == 700
    assert store.verify() == []


def test_a_kill_at_any_moment_leaves_all_or_none(store: Store) -> None:
    proc = _bulk(store.url, 600, park=False)
    assert proc.stdout is not None
    proc.stdout.readline()  # the process is importing by now
    time.sleep(random.uniform(0, 0.3))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert store.verify() == []
    assert len(store.load()) in {0, 600}


def test_unknown_ids_and_missing_databases_are_store_errors(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"not in .*: nope"):
        store.load(["nope"])
    with pytest.raises(StoreError, match="run `csbm db init` first"):
        Store(str(tmp_path / "missing.sqlite"))
