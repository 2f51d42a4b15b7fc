"""Real-world texts (tests/extract/realworld): the split holds, and the scores stay above floors.

The floors are set a little under what `python -m csbm.extract.score` measured on each split
(the measurement and its date are in tests/extract/realworld/README.md), so a regression fails
and an improvement is seen; they are not targets.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from csbm.extract.gold import load
from csbm.extract.score import FIELDS, acts, places, report, score

ROOT = Path(__file__).parent / "realworld"
SPLITS = ("dev", "test")

# (precision floor, recall floor) per field, a little under the last measurement.
FLOORS: dict[str, dict[str, tuple[float, float]]] = {
    "dev": {
        "figures": (0.85, 0.9),
        "qualifier": (0.85, 0.9),
        "attribution": (0.45, 0.3),
        "declared State": (0.95, 0.3),
        "dates": (0.8, 0.7),
        "names": (0.95, 0.8),
        "States": (0.85, 0.95),
        "State roles": (0.7, 0.65),
        "places": (0.95, 0.5),
    },
    "test": {
        "figures": (0.9, 0.7),
        "qualifier": (0.85, 0.7),
        "attribution": (0.3, 0.2),
        "declared State": (0.95, 0.5),
        "dates": (0.55, 0.5),
        "names": (0.95, 0.9),
        "States": (0.95, 0.95),
        "State roles": (0.7, 0.65),
        "places": (0.95, 0.3),
    },
}
MAX_INVENTED_DATES = {"dev": 0, "test": 0}


def _manifest() -> list[dict[str, str]]:
    with (ROOT / "manifest.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_manifest_lists_every_text_with_its_header() -> None:
    rows = _manifest()
    listed = {(r["split"], r["file"]) for r in rows}
    on_disk = {(s, p.name) for s in SPLITS for p in (ROOT / s).glob("*.txt")}
    assert listed == on_disk
    for split in SPLITS:
        by_name = {r["file"]: r for r in rows if r["split"] == split}
        for rec in load(ROOT / split):
            row = by_name[rec.name]
            assert rec.header["publisher"] == row["publisher"], rec.name
            assert rec.header["url"] == row["url"], rec.name
            assert rec.header["url"].startswith(("http://", "https://")), rec.name
            assert (rec.header.get("published") or "unknown") == row["published"], rec.name


def test_split_is_by_publisher_and_fixed_by_its_name() -> None:
    splits: dict[str, set[str]] = {}
    for row in _manifest():
        splits.setdefault(row["publisher"], set()).add(row["split"])
        digest = hashlib.sha256(row["publisher"].casefold().encode()).digest()
        assert row["split"] == ("dev" if digest[0] < 154 else "test"), row["file"]
    both = sorted(p for p, s in splits.items() if len(s) > 1)
    assert not both, f"publishers in both splits: {both}"


def test_records_are_well_formed() -> None:
    for split in SPLITS:
        for rec in load(ROOT / split):
            assert rec.text.strip(), rec.name
            assert "[[" not in rec.text and "]]" not in rec.text, f"{rec.name}: stray markup"
            for g in rec.figures:
                assert g.quantity in {
                    "troops",
                    "tanks",
                    "acv",
                    "artillery",
                    "aircraft",
                    "helicopters",
                    "ships",
                    "air_defence_systems",
                }, f"{rec.name}: {g.quantity}"
                assert g.qualifier in {"exact", "approx", "at_least", "at_most", "up_to"}, rec.name
                assert g.state is None or len(g.state) == 3, f"{rec.name}: state={g.state}"
            places(rec)
            acts(rec)
            if rec.period is not None and all(rec.period):
                start, end = rec.period
                assert start is not None and end is not None and start <= end, rec.name


@pytest.mark.parametrize("split", SPLITS)
def test_scores_stay_above_floors(split: str) -> None:
    records = load(ROOT / split)
    scored = score(records)
    print("\n" + report(scored, f"realworld/{split}"))
    assert set(FLOORS[split]) <= set(FIELDS)
    low = {
        name: (round(c.precision, 3), round(c.recall, 3))
        for name, c in scored.counts.items()
        if name in FLOORS[split]
        and (c.precision < FLOORS[split][name][0] or c.recall < FLOORS[split][name][1])
    }
    assert not low, f"below the floors on {split}: {low}"
    assert scored.invented_dates <= MAX_INVENTED_DATES[split]


def test_score_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from csbm.extract.score import main

    assert main([str(ROOT / "dev")]) == 0
    out = capsys.readouterr().out
    assert "figures" in out and "dates invented:" in out and "errors by class:" in out
    assert main([str(tmp_path / "absent")]) == 2
    assert "not a directory" in capsys.readouterr().err
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_text("published: 2022-01-01\nacts: notification\n---\ntext\n")
    assert main([str(bad)]) == 2
    assert "x.txt" in capsys.readouterr().err
