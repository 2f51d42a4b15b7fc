"""Precision and recall on the gold records, per property, printed and held above floors.

Two sets: tests/extract/gold/*.txt, the records the rules were developed against, and
tests/extract/gold/heldout/*.txt, written later and scored separately (see its README and
docs/extract.md for what was measured when). Run with ``pytest -s`` to see the tables.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from csbm.extract import extract
from csbm.extract.gold import GoldError, load, parse, score, table

GOLD = Path(__file__).parent / "gold"

# Floors set a little under what was measured, so a regression fails the suite.
DEV_FLOORS = {
    "troops": 0.95,
    "tanks": 0.95,
    "other equipment": 0.95,
    "qualifier": 0.95,
    "attribution": 0.95,
    "thresholds": 0.95,
    "dates": 0.95,
    "states": 0.95,
    "exercises": 0.95,
}
# Held-out sets: floors under the measurement after the fixes described in docs/extract.md.
# heldout2 is the one measured independently (before those fixes); it is the honest estimate
# of how the rules do on new text, and its floors are correspondingly lower.
HELDOUT_FLOORS = {
    "heldout": {p: 0.85 for p in DEV_FLOORS} | {"thresholds": 0.5},
    "heldout2": {
        "troops": 0.85,
        "tanks": 0.85,
        "other equipment": 0.85,
        "qualifier": 0.8,
        "attribution": 0.8,
        "thresholds": 0.5,
        "dates": 0.85,
        "states": 0.75,
        "exercises": 0.85,
    },
}


def _check(directory: Path, floors: dict[str, float], title: str) -> None:
    records = load(directory)
    counts = score(records)
    print(f"\n{title} ({len(records)} records)\n{table(counts)}")
    for name, c in counts.items():
        for error in c.errors:
            print(f"  [{name}] {error}")
    low = {
        name: (round(c.precision, 3), round(c.recall, 3))
        for name, c in counts.items()
        if c.precision < floors[name] or c.recall < floors[name]
    }
    assert not low, f"below the floors: {low}"


def test_gold_set_size() -> None:
    assert len(load(GOLD)) >= 25


def test_development_gold_set() -> None:
    _check(GOLD, DEV_FLOORS, "Gold records (development set)")


@pytest.mark.parametrize("directory", sorted(p for p in GOLD.iterdir() if p.is_dir()))
def test_heldout_gold_sets(directory: Path) -> None:
    floors = HELDOUT_FLOORS.get(directory.name, HELDOUT_FLOORS["heldout2"])
    _check(directory, floors, f"Held-out gold records ({directory.name})")


def test_must_not_spans_are_never_claims() -> None:
    for rec in load(GOLD) + [r for d in GOLD.iterdir() if d.is_dir() for r in load(d)]:
        claims = extract(rec.text, published=rec.published).claims()
        for neg in rec.negatives:
            hits = [
                f.evidence.text
                for f in claims
                for s, e in f.mentions
                if s < neg.end and neg.start < e
            ]
            assert not hits, f"{rec.name}: {neg.reason} span became a claim: {hits}"


def test_markup_is_removed_and_offsets_kept() -> None:
    rec = parse(
        "published: 2022-02-11\nexercises: Union Resolve 2022\nstates: RUS=participant "
        "BLR=participant+host\nperiod: 2022-02-10..?\n---\nAbout [[troops:30000:approx:"
        "by=Jens Stoltenberg|30,000 troops]] and [[vd:tanks:300|300 tanks]] over "
        "[[no:distance|10 km]].\n"
    )
    assert rec.text == "About 30,000 troops and 300 tanks over 10 km.\n"
    [fig] = rec.figures
    assert rec.text[fig.start : fig.end] == "30,000 troops"
    assert (fig.quantity, fig.value, fig.qualifier, fig.by) == (
        "troops",
        30000,
        "approx",
        "Jens Stoltenberg",
    )
    assert rec.thresholds[0].value == 300
    assert rec.negatives[0].reason == "distance"
    assert rec.states == {"RUS": {"participant"}, "BLR": {"participant", "host"}}
    assert rec.period is not None and rec.period[1] is None


def test_markup_errors() -> None:
    with pytest.raises(GoldError):
        parse("no header separator")
    with pytest.raises(GoldError):
        parse("published: 2022-01-01\n---\n[[troops:5|five troops]]")
