"""Figure probes (tests/extract/probes/figures): scores stay above floors.

Floors sit a little under the measurement in the comments (the realworld test's practice).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from csbm.extract.gold import load
from csbm.extract.score import score

ROOT = Path(__file__).parent / "probes" / "figures"

FLOORS: dict[str, dict[str, float]] = {
    # measured on 2026-12-08 (figures pass, h/fig)
    # F1 0.909 / 0.909 before the pass, 0.989 / 0.989 after (tuned on these)
    "tune": {"figures": 0.96, "qualifier": 0.96},
    # F1 0.880 / 0.846 before and after (P 0.963, R 0.811): the tune classes did not reach it
    "heldout": {"figures": 0.86, "qualifier": 0.83},
}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_probe_scores_stay_above_floors(split: str) -> None:
    records = list(load(ROOT / split))
    assert len(records) >= 40
    out = score(records)
    for name, floor in FLOORS[split].items():
        f1 = out.counts[name].f1
        assert f1 >= floor, f"{split} {name}: F1 {f1:.3f} < {floor}"
