"""Benchmark: assessing many generated activities, against validating them as a baseline.

Run with `make bench` (or `python -m benchmarks.assess [N]`). Prints activities per second
for the baseline (pydantic validation of N dossiers) and for validation plus assessment
under all three scenarios, their ratio, and the peak memory of each (tracemalloc).
"""

from __future__ import annotations

import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from csbm import Dossier, assess

STATES = ["RUS", "BLR", "POL", "DEU", "FRA", "UKR", "KAZ", "USA"]


def generate(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        start = date(2012, 1, 1) + timedelta(days=rng.randrange(0, 12 * 365))
        state = rng.choice(STATES)
        out.append(
            {
                "csbm": 1,
                "activity": {
                    "id": f"gen-{i}",
                    "name": f"Generated {i}",
                    "kind": "land_exercise",
                    "conducting_states": [state],
                    "host_states": [state],
                    "start": start.isoformat(),
                    "end": (start + timedelta(days=rng.randrange(1, 20))).isoformat(),
                    "alert": rng.choice([True, False, None]),
                    "single_operational_command": rng.choice([True, None]),
                },
                "sources": [
                    {
                        "id": "mod",
                        "kind": "government_statement",
                        "publisher": "MoD",
                        "url": "https://example.org/mod",
                        "state": state,
                        "published": start.isoformat(),
                    },
                    {
                        "id": "press",
                        "kind": "media",
                        "publisher": "Press",
                        "url": "https://example.org/p",
                        "published": start.isoformat(),
                    },
                ],
                "claims": [
                    {
                        "quantity": "troops",
                        "value": rng.randrange(1000, 60000),
                        "qualifier": rng.choice(["exact", "approx", "up_to"]),
                        "source": "mod",
                    },
                    {
                        "quantity": "troops",
                        "value": rng.randrange(1000, 120000),
                        "qualifier": "approx",
                        "source": "press",
                    },
                    {"quantity": "tanks", "value": rng.randrange(0, 1000), "source": "mod"},
                ],
                "acts": [
                    {
                        "type": "notification",
                        "by": state,
                        "date": (start - timedelta(days=rng.randrange(0, 60))).isoformat(),
                        "source": "mod",
                    }
                ],
            }
        )
    return out


def measure(fn: Callable[[], object]) -> tuple[float, float]:
    """Seconds for one run, then peak MiB in a second run (tracemalloc slows the code down,
    so time and memory are not measured in the same run)."""
    t0 = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - t0
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 2**20


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 2000
    raw = generate(n)

    def baseline() -> list[Dossier]:
        return [Dossier.model_validate(d) for d in raw]

    def full() -> object:
        # Chapter VIII rules compare every activity with the others of its State, so the
        # whole set is assessed at once, as `csbm assess DIR` does.
        return assess(baseline())

    def strict() -> object:
        # Without presumptions: the assessment as it was before leans (issue 12).
        return assess(baseline(), strict=True)

    assess(baseline()[:10])  # warm-up: zone geometry and parameter caches load once
    assess(baseline()[:10], strict=True)
    t_base, m_base = measure(baseline)
    t_strict, m_strict = measure(strict)
    t_full, m_full = measure(full)
    print(f"activities: {n}")
    print(f"{'step':<34}{'seconds':>10}{'per second':>14}{'peak MiB':>12}")
    print(f"{'validate (baseline)':<34}{t_base:>10.3f}{n / t_base:>14,.0f}{m_base:>12.1f}")
    print(
        f"{'validate + assess --strict':<34}{t_strict:>10.3f}{n / t_strict:>14,.0f}"
        f"{m_strict:>12.1f}"
    )
    print(
        f"{'validate + assess (with leans)':<34}{t_full:>10.3f}{n / t_full:>14,.0f}{m_full:>12.1f}"
    )
    print(f"assess costs {t_full / t_base:.1f}x the validation time")
    # The lean's own cost: the goal is at most 1.5x the assessment without it.
    print(
        f"leans cost {(t_full - t_base) / (t_strict - t_base):.2f}x the assessment without them "
        f"({(t_full - t_base) / n * 1000:.2f} against {(t_strict - t_base) / n * 1000:.2f} ms per "
        "activity)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
