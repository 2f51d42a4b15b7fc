"""Real-world texts (tests/extract/realworld): the split holds, and the scores stay above floors.

The floors are set a little under what `python -m csbm.extract.score` measured on each split
(the measurement is in the comments below), so a regression fails
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
MIN_TEXTS = 120
MIN_PUBLISHERS = 60

# F1 floors per field, a little under the last measurement (in the comments), so that a
# regression fails; F1 rather than precision and recall apart, so that a change trading one
# for the other (a bigger gazetteer finds more places and some wrong ones) is judged as a whole.
FLOORS: dict[str, dict[str, float]] = {
    "dev": {
        "figures": 0.8,  # F1 0.871 (P 0.906, R 0.839)
        "qualifier": 0.8,  # F1 0.853 (P 0.881, R 0.826)
        "attribution": 0.3,  # F1 0.386 (P 0.586, R 0.288)
        "declared State": 0.3,  # F1 0.357 (P 0.667, R 0.244)
        "dates": 0.65,  # F1 0.705 (P 0.754, R 0.662)
        "names": 0.8,  # F1 0.842 (P 0.914, R 0.780)
        "States": 0.9,  # F1 0.978 (P 0.963, R 0.994)
        "State roles": 0.65,  # F1 0.696 (P 0.724, R 0.670)
        "places": 0.35,  # F1 0.405 (P 0.972, R 0.255)
    },
    "test": {
        "figures": 0.8,  # F1 0.886 (P 0.940, R 0.839)
        "qualifier": 0.8,  # F1 0.875 (P 0.928, R 0.828)
        "attribution": 0.4,  # F1 0.451 (P 0.571, R 0.372)
        "declared State": 0.55,  # F1 0.605 (P 1.000, R 0.433)
        "dates": 0.6,  # F1 0.644 (P 0.690, R 0.604)
        "names": 0.85,  # F1 0.939 (P 0.958, R 0.920)
        "States": 0.9,  # F1 0.988 (P 0.977, R 1.000)
        "State roles": 0.5,  # F1 0.546 (P 0.559, R 0.534)
        "places": 0.35,  # F1 0.400 (P 1.000, R 0.250)
    },
}
# Dates given where the text gives none: at most as many as measured (5 on dev, 3 on test).
MAX_INVENTED_DATES = {"dev": 5, "test": 3}


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


def test_set_size() -> None:
    rows = _manifest()
    publishers = {r["publisher"] for r in rows}
    assert len(rows) >= MIN_TEXTS and len(publishers) >= MIN_PUBLISHERS
    for split in SPLITS:
        assert sum(r["split"] == split for r in rows) >= MIN_TEXTS // 3, split


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
        name: round(c.f1, 3)
        for name, c in scored.counts.items()
        if name in FLOORS[split] and c.f1 < FLOORS[split][name]
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
