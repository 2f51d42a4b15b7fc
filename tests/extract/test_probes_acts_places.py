"""Probe texts on acts and places (tests/extract/probes/acts, .../places): scores stay above floors.

The probes are short texts we wrote ourselves, in the manner of press reports, each about one
way the press reports an act under the Vienna Document (a notification sent or withheld, an
invitation made or refused, a Chapter III request, reply or meeting, an inspection or an
evaluation visit), or places an activity (towns in lists, regions sharing one noun, ranges,
airfields, seas and rivers, compass parts of a State) or names a place that is not the
activity's (a dateline, the seat of a speaker, a treaty, a distance). Each folder was split
once by the SHA-256 of the file name (`tune/`, `heldout/`) before its rules were changed; the
rules were tuned on `tune/` only. Floors sit a little under the measurement in the comments.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from csbm.extract.gold import load
from csbm.extract.score import score

ROOT = Path(__file__).parent / "probes"

FLOORS: dict[tuple[str, str], float] = {
    # measured on 2026-12-08 (h/me), acts F1 before -> after the acts pass: tune 0.750 -> 1.000
    # (53 acts), heldout 0.762 -> 0.894 (P 1.000, R 0.808; 26 acts)
    ("acts", "tune"): 0.97,
    ("acts", "heldout"): 0.85,
    # places F1 after the places pass: tune 1.000 (43 places), heldout 0.773 (22 places)
    ("places", "tune"): 0.97,
    ("places", "heldout"): 0.74,
}
FIELD = {"acts": "acts", "places": "places"}


@pytest.mark.parametrize(("topic", "split"), sorted(FLOORS))
def test_probes_stay_above_their_floor(topic: str, split: str) -> None:
    records = load(ROOT / topic / split)
    assert len(records) >= 10
    count = score(records).counts[FIELD[topic]]
    assert count.f1 >= FLOORS[topic, split], count


@pytest.mark.parametrize("topic", sorted(FIELD))
def test_probe_files_are_split_by_name_hash(topic: str) -> None:
    for split in ("tune", "heldout"):
        for path in (ROOT / topic / split).glob("*.txt"):
            first = hashlib.sha256(path.stem.encode()).digest()[0]
            assert (first < 100) == (split == "heldout"), path.name
