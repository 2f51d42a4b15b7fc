from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BUNDLED = ROOT / "src" / "csbm" / "data" / "dossiers"


@pytest.fixture
def csbm_cmd() -> list[str]:
    """The installed console script, run as a real subprocess."""
    exe = Path(sys.executable).parent / "csbm"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "csbm"]


@pytest.fixture
def union_resolve() -> Path:
    return BUNDLED / "union-resolve-2022.yaml"


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


def env_without_color() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("FORCE_COLOR", None)
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "120"
    return env
