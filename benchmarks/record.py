"""Benchmark: the bundled historical record under every ruleset and every shipped overlay.

Run with `make bench` (or `python -m benchmarks.record`). The baseline is the record
assessed once under the rules in force on each activity's dates; every other line is a
multiple of that time. The last lines time `csbm record gaps` and print the record's
coverage counts (docs/gaps.md).
"""

from __future__ import annotations

import time
import tracemalloc

from csbm import assess
from csbm.data import dossiers_dir
from csbm.model.load import load_dossiers
from csbm.rules import ruleset_ids
from csbm.rules.overlay import bundled_overlays, load_overlay


def _time(fn: object) -> float:
    t0 = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - t0


def main() -> None:
    dossiers = load_dossiers([dossiers_dir()])
    n = len(dossiers)
    assess(dossiers)  # warm-up: loads the zone geometry and parameter caches once
    base = _time(lambda: assess(dossiers))
    tracemalloc.start()
    assess(dossiers)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"bundled record: {n} activities")
    print(f"{'run':<34}{'seconds':>9}{'per second':>12}{'x baseline':>12}")
    print(f"{'rules in force (baseline)':<34}{base:>9.3f}{n / base:>12,.0f}{1:>12.2f}")
    for rs in ruleset_ids():
        t = _time(lambda rs=rs: assess(dossiers, ruleset=rs))
        print(f"{'ruleset ' + rs:<34}{t:>9.3f}{n / t:>12,.0f}{t / base:>12.2f}")
    for name in bundled_overlays():
        overlay = load_overlay(name)
        # An overlay assesses twice (baseline and what-if) to report the changes.
        t = _time(lambda o=overlay: assess(dossiers, overlays=[o]))
        print(f"{'overlay ' + name:<34}{t:>9.3f}{n / t:>12,.0f}{t / base:>12.2f}")
    print(f"peak memory of one baseline run: {peak / 2**20:.1f} MiB")
    from csbm.record.coverage import coverage
    from csbm.record.gaps import record_gaps

    # The research list assesses each activity again under every value of every gap.
    t = _time(lambda: record_gaps(dossiers))
    print(f"{'record gaps (every value tried)':<34}{t:>9.3f}{n / t:>12,.0f}{t / base:>12.2f}")
    print("\n".join(coverage(dossiers).lines()))


if __name__ == "__main__":
    main()
