"""Benchmark: how long csbm's commands take to start, against any Typer + Rich program.

Run with `python -m benchmarks.startup [RUNS]` (default 7). Each command runs as a whole
process, alternately with the floor `python -c "import typer, rich.console"` (what every
Typer program with Rich output pays before doing anything), so that a slower or faster
moment of the machine touches both alike. Printed per command: the median wall time of
the command and of the floor, and the median of the per-pair ratios, with the goal of
issue 15 (`csbm --help` at most 2.5 times the floor, `csbm assess ACTIVITY` at most 6).

The commands run with an empty data directory and without CSBM_DATABASE_URL (the bundled
dossier is read), and once more with the default database holding the bundled record
(`assess` then reads the activity from it, which loads SQLAlchemy). csbm keeps the zone
judgement of each set of places and the record's equipment ratios in its user cache: the
goal is read with that cache warm, as every run after the first is; the cold row gives
each run an empty cache.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = [sys.executable, "-c", "import typer, rich.console"]
CSBM = [sys.executable, "-m", "csbm"]
GOALS = {"--help": 2.5, "assess union-resolve-2022": 6.0}


def _wall(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-500:]}")
    return took


def _pairs(
    args: list[str], env: dict[str, str], runs: int, cold: bool = False
) -> tuple[float, float, float]:
    _wall(CSBM + args, env)  # warm-up: the file cache, .pyc files, csbm's user cache
    _wall(FLOOR, env)
    a, b = [], []
    for n in range(runs):
        # Cold: an empty csbm cache each run (the first run after an install or an upgrade).
        run_env = {**env, "XDG_CACHE_HOME": f"{env['XDG_CACHE_HOME']}-cold-{n}"} if cold else env
        a.append(_wall(CSBM + args, run_env))
        b.append(_wall(FLOOR, env))
    ratios = [x / y for x, y in zip(a, b, strict=True)]
    return statistics.median(a), statistics.median(b), statistics.median(ratios)


def main(argv: list[str]) -> None:
    runs = int(argv[0]) if argv else 7
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "CSBM_DATABASE_URL"}
        env |= {
            "XDG_DATA_HOME": str(Path(tmp) / "empty"),
            "XDG_CACHE_HOME": str(Path(tmp) / "cache"),
            "COLUMNS": "100",
            "NO_COLOR": "1",
        }
        filled = {**env, "XDG_DATA_HOME": str(Path(tmp) / "filled")}
        subprocess.run([*CSBM, "db", "init"], env=filled, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(
            [*CSBM, "db", "import", "--bundled"], env=filled, check=True, stdout=subprocess.DEVNULL
        )
        commands = [
            ("--help", env, "--help"),
            ("rules list", env, "rules list"),
            ("assess union-resolve-2022", env, "assess union-resolve-2022"),
            ("assess union-resolve-2022", env, "assess union-resolve-2022 (cold cache)"),
            ("assess union-resolve-2022", filled, "assess union-resolve-2022 (default db)"),
            ("db list", filled, "db list (default db)"),
        ]
        print(f"{runs} runs each, alternating with the floor {' '.join(FLOOR[1:])!r}")
        print(f"{'command':<42}{'median s':>9}{'floor s':>9}{'ratio':>8}{'goal':>7}")
        for args, where, label in commands:
            cmd, floor, ratio = _pairs(args.split(), where, runs, cold="cold" in label)
            goal = GOALS.get(label)
            mark = f"{goal:>6.1f}x" if goal else ""
            print(f"{'csbm ' + label:<42}{cmd:>9.3f}{floor:>9.3f}{ratio:>7.2f}x{mark}")


if __name__ == "__main__":
    main(sys.argv[1:])
