"""Probe texts on acts (tests/extract/probes/acts): the scores stay above floors.

The probes are short texts we wrote ourselves, in the manner of press reports, each about one
way the press reports an act under the Vienna Document (a notification sent or withheld, an
invitation made or refused, a Chapter III request, reply or meeting, an inspection or an
evaluation visit). They were split once by the SHA-256 of the file name (`tune/`, `heldout/`)
before the acts rules were changed for them; the rules were tuned on `tune/` only. Floors sit a
little under the measurement in the comments, so a regression fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from csbm.extract.gold import load
from csbm.extract.score import score

ROOT = Path(__file__).parent / "probes" / "acts"

# measured on 2026-12-08 (h/me): tune acts F1 0.750 -> 1.000 (53 acts), heldout 0.762 -> 0.894
# (P 1.000, R 0.808; 26 acts), before -> after the acts pass of that day
FLOORS = {"tune": 0.97, "heldout": 0.85}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_acts_probes_stay_above_their_floor(split: str) -> None:
    records = load(ROOT / split)
    assert len(records) >= 20
    scored = score(records)
    assert scored.counts["acts"].f1 >= FLOORS[split], scored.counts["acts"]


def test_probe_files_are_split_by_name_hash() -> None:
    import hashlib

    for split in FLOORS:
        for path in (ROOT / split).glob("*.txt"):
            first = hashlib.sha256(path.stem.encode()).digest()[0]
            assert (first < 100) == (split == "heldout"), path.name
