"""Probe texts on exercise names and dates (tests/extract/probes/names_dates): above floors.

The probes are short texts we wrote ourselves, in the manner of press reports, each about one
way the press names an exercise (quoted or not, with a year in any form, glued "X24", after
"dubbed" or "hosts", opening a sentence, in headlines, among other exercises) or dates its
period ("from 10 to 16 September", "Sept. 10-20", "10.09.-20.09.2021", weekdays against the
publication date, "next week", "until the end of the month", "for two weeks", phases, past
editions and page debris). They were split once by the SHA-256 of the file name (`tune/`,
`heldout/`) before the rules were changed; rules were tuned on `tune/` only. Floors sit a
little under the measurement in the comments, so a regression fails; no date may be invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from csbm.extract.gold import load
from csbm.extract.score import score

ROOT = Path(__file__).parent / "probes" / "names_dates"

# measured on 2026-12-08 (h/nd), 87 probes (58 tune, 29 heldout) after the names and dates
# pass of that day: tune names F1 0.896, dates 0.917; heldout names 0.945, dates 0.984; no
# date invented (before it, on the first 57: tune names 0.847, dates 0.925; heldout 0.927,
# 0.902)
FLOORS = {"tune": {"names": 0.88, "dates": 0.90}, "heldout": {"names": 0.93, "dates": 0.96}}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_names_dates_probes_stay_above_their_floor(split: str) -> None:
    records = load(ROOT / split)
    assert len(records) >= 20
    scored = score(records)
    for field, floor in FLOORS[split].items():
        assert scored.counts[field].f1 >= floor, (field, scored.counts[field])
    assert scored.invented_dates == 0


def test_probe_files_are_split_by_name_hash() -> None:
    import hashlib

    for split in FLOORS:
        for path in (ROOT / split).glob("*.txt"):
            first = hashlib.sha256(path.stem.encode()).digest()[0]
            assert (first < 100) == (split == "heldout"), path.name
