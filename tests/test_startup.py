"""Import on demand: a command loads only what it uses (issue 15). Each check runs csbm in
a fresh interpreter and reads `sys.modules` as the process ends; the speed itself is
measured by benchmarks/startup.py, never here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# What `csbm --help` (and any command's --help) must never pay for.
HEAVY = (
    "dask",
    "distributed",
    "sqlalchemy",
    "alembic",
    "fastapi",
    "starlette",
    "uvicorn",
    "weasyprint",
    "pyarrow",
    "shapely",
    "numpy",
    "jinja2",
)

_PROBE = """
import atexit, json, sys
OUT = sys.argv[1]
def _dump():
    with open(OUT, "w") as f:
        json.dump(sorted(sys.modules), f)
atexit.register(_dump)
sys.argv = ["csbm", *sys.argv[2:]]
from csbm.cli import main
main()
"""


def loaded(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> set[str]:
    """Top-level packages imported by `csbm ARGS` in a fresh interpreter."""
    out = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(out), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env or _clean_env(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    return {name.split(".")[0] for name in json.loads(out.read_text())}


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CSBM_DATABASE_URL"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")  # no default database
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")  # a cold cache, then what it keeps
    return env


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["assess", "--help"],
        ["db", "--help"],
        ["batch", "extract", "--help"],
        ["serve", "--help"],
        ["report", "--help"],
        ["record", "--help"],
        ["record", "gaps", "--help"],
        ["--version"],
    ],
    ids=" ".join,
)
def test_help_loads_nothing_heavy(tmp_path: Path, args: list[str]) -> None:
    # Typer itself imports pydantic once a subcommand parses its parameters; the top-level
    # help and --version parse none, so there pydantic is heavy too.
    heavy = set(HEAVY) | ({"pydantic"} if len(args) == 1 else set())
    found = loaded(tmp_path, *args) & heavy
    assert found == set(), f"csbm {' '.join(args)} imported {sorted(found)}"


def test_assess_loads_only_what_it_uses(tmp_path: Path) -> None:
    found = loaded(tmp_path, "assess", "union-resolve-2022", "--format", "json")
    # The rules need pydantic and, with a cold cache, the zone's shapely; nothing of the
    # store, web or batch.
    assert {"pydantic", "shapely"} <= found
    unused = {"dask", "distributed", "sqlalchemy", "fastapi", "weasyprint", "pyarrow", "jinja2"}
    assert found & unused == set()
    # The places judged are kept in the cache: a second run needs no geometry at all.
    again = loaded(tmp_path, "assess", "union-resolve-2022", "--format", "json")
    assert "pydantic" in again and "shapely" not in again and "numpy" not in again


def test_rules_list_needs_no_geometry(tmp_path: Path) -> None:
    found = loaded(tmp_path, "rules", "list", "--format", "json")
    assert found & {"shapely", "numpy", "sqlalchemy", "dask", "fastapi"} == set()
