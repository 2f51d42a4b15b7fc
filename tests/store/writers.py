"""Work run in other threads and processes by the concurrency and crash tests (a module of
its own so that spawned processes can import it)."""

from __future__ import annotations

import sys
import time
from typing import Any

from csbm.store import Store
from tests.store.gen import make_dossier

SHARED = "shared-exercise"
COMMON = "common-exercise"
ROUNDS = 3


def write(url: str, writer: int, barrier: Any) -> None:
    """Each round: one dossier of this writer's own, a new version of the shared one (its
    notes name the writer and round: a read-modify-write of the version counter), and
    the same new dossier every writer imports (a race to create it)."""
    with Store(url) as store:
        barrier.wait()
        for r in range(ROUNDS):
            store.import_dossiers(
                [
                    make_dossier(f"writer-{writer}-{r}"),
                    make_dossier(SHARED, notes=f"writer {writer} round {r}"),
                    make_dossier(COMMON),
                ],
                by=f"writer-{writer}",
            )


def bulk_import(url: str, n: int, park: bool) -> None:
    """Import n dossiers in one transaction. With `park`, stop inside the transaction after
    the first batch is written (printing how many) and wait to be killed."""

    def progress(done: int, total: int) -> None:
        print(done, flush=True)
        if park:
            time.sleep(120)

    with Store(url) as store:
        store.import_dossiers([make_dossier(f"bulk-{i:05d}") for i in range(n)], progress=progress)
    print("committed", flush=True)


if __name__ == "__main__":
    bulk_import(sys.argv[1], int(sys.argv[2]), sys.argv[3] == "park")
