"""Real-world texts (tests/extract/realworld): the split holds, and the scores stay above floors.

The floors are set a little under what `python -m csbm.extract.score` measured on each split
(the measurement is in the comments below), so a regression fails
and an improvement is seen; they are not targets.
"""

from __future__ import annotations

import csv
import hashlib
import re
from datetime import date
from pathlib import Path

import pytest

from csbm.extract.dates import Period
from csbm.extract.exercises import Exercise
from csbm.extract.gold import load, parse
from csbm.extract.result import Evidence, Extraction, Figure, PlaceFound, ViennaDocument
from csbm.extract.score import FIELDS, GoldAct, Scored, acts, places, report, score
from csbm.extract.states import StateResult
from csbm.model.dossier import Qualifier, Quantity

ROOT = Path(__file__).parent / "realworld"
SPLITS = ("dev", "test")
MIN_TEXTS = 120
MIN_PUBLISHERS = 60

# F1 floors per field, a little under the last measurement (in the comments), so that a
# regression fails; F1 rather than precision and recall apart, so that a change trading one
# for the other (a bigger gazetteer finds more places and some wrong ones) is judged as a whole.
FLOORS: dict[str, dict[str, float]] = {
    # measured on 2026-12-07 with extractor version 5 and the widened gazetteer (main at
    # 1cd6667 plus the figure rules of that day); "was" = the 2026-12-06 measurement
    "dev": {
        "figures": 0.9,  # F1 0.929 (P 0.884, R 0.977); was 0.897
        "qualifier": 0.88,  # F1 0.906 (P 0.859, R 0.959); was 0.867
        "attribution": 0.85,  # F1 0.884 (P 0.833, R 0.941); was 0.835; 0.866 on the widened set
        # the set widened on 2026-12-07 (new publishers, keys written before any run):
        # F1 0.844 on 149 texts -> 0.800 on 154 (P 0.838, R 0.765)
        "declared State": 0.78,
        "dates": 0.91,  # F1 0.943 (P 0.966, R 0.920); was 0.931
        # names and acts pass of 2026-12-07 (h/nam): names F1 0.898 -> 0.933 (P 0.959, R 0.909),
        # acts 0.897 -> 0.978 (P 1.000, R 0.957)
        "names": 0.91,
        "States": 0.95,  # F1 0.984 (P 0.971, R 0.997); unchanged
        "State roles": 0.75,  # F1 0.785 (P 0.790, R 0.780); was 0.782
        # the set widened on 2026-12-07: places F1 0.843 on 149 texts -> 0.809 on 164 (P 0.870,
        # R 0.755), acts 0.951 -> 0.897 (P 0.951, R 0.848: two evaluation visits read as
        # inspections)
        # places pass of 2026-12-07: F1 0.820 -> 0.892 (P 0.896, R 0.889)
        "places": 0.86,
        "acts": 0.95,
    },
    "test": {
        "figures": 0.85,  # F1 0.880 (P 0.891, R 0.870); was 0.872
        "qualifier": 0.83,  # F1 0.858 (P 0.862, R 0.855); was 0.849
        # the set widened on 2026-12-07 (new publishers, keys written before any run):
        # attribution F1 0.719 on 81 texts -> 0.672 on 88 (P 0.717, R 0.632), declared State
        # 0.732 -> 0.658 (P 0.867, R 0.531), State roles 0.664 -> 0.616 (P 0.621, R 0.610)
        "attribution": 0.65,
        "declared State": 0.63,
        "dates": 0.8,  # F1 0.826 (P 0.891, R 0.770); unchanged
        # the set widened on 2026-12-07: F1 0.886 on 81 texts -> 0.808 on 92 (P 0.940, R 0.709)
        # names and acts pass of 2026-12-07 (h/nam): F1 0.808 -> 0.827 (P 0.892, R 0.771)
        "names": 0.8,
        "States": 0.94,  # F1 0.967 (P 0.952, R 0.982); unchanged
        "State roles": 0.59,
        # the set widened on 2026-12-07: F1 0.710 on 81 texts -> 0.679 on 96 (P 0.759, R 0.615)
        # places pass of 2026-12-07: F1 0.693 -> 0.743 (P 0.783, R 0.708)
        "places": 0.71,
        # F1 0.270 (P 0.455, R 0.192); was 0.324: one act fewer since the gazetteer widened
        # (between 2218967 and a4d529e: places it finds give hosts); not looked into here
        # names and acts pass of 2026-12-07 (h/nam, tuned on dev and probes only): F1 0.279 ->
        # 0.528 (P 0.609, R 0.467)
        "acts": 0.49,
    },
}
# Dates given where the text gives none: at most as many as measured (3 on dev, 6 on test
# on 2026-12-07; 5 and 6 the day before).
MAX_INVENTED_DATES = {"dev": 3, "test": 6}


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
                assert g.quantity in {q.value for q in Quantity}, f"{rec.name}: {g.quantity}"
                assert g.qualifier in {"exact", "approx", "at_least", "at_most", "up_to"}, rec.name
                assert g.state is None or len(g.state) == 3, f"{rec.name}: state={g.state}"
                if g.by:  # the speaker is named in the text in these words (at its fullest)
                    who = re.sub(r"^the ", "", g.by.casefold())
                    assert who in rec.text.casefold(), f"{rec.name}: by={g.by} not in the text"
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


def _extraction(text: str) -> Extraction:
    """A hand-made result (the extractor's own types) to test the scorer against."""
    a, b = text.index("12,800"), text.index("150,000")
    return Extraction(
        text=text,
        url=None,
        published=date(2021, 9, 9),
        exercises=[
            Exercise("Zapad 2021", "Zapad", 2021, main=True),
            Exercise("Zapad 1981", "Zapad", 1981),
        ],
        states=[StateResult("BLR", ["host", "mentioned"]), StateResult("USA", ["mentioned"])],
        period=Period("Zapad 2021", date(2021, 9, 10), date(2021, 9, 30), "", "", ()),
        dates=[],
        figures=[
            Figure(
                Quantity.TROOPS,
                12800,
                None,
                None,
                Qualifier.EXACT,
                "the ministry",
                None,
                None,
                Evidence("12,800 troops", a, a + 13),
                [(a, a + 13)],
                declared_by="RUS",
            ),
            Figure(
                Quantity.TROOPS,
                150000,
                None,
                None,
                Qualifier.EXACT,
                None,
                None,
                None,
                Evidence("150,000", b, b + 7),
                [(b, b + 7)],
            ),
        ],
        locations=[
            PlaceFound("Obuz-Lesnovsky range", 0.0, 0.0, "BLR", "", "", Evidence("", 0, 0), 1)
        ],
        vienna_document=ViennaDocument(False),
        dropped=[],
    )


def test_scorer_counts_each_class_of_error() -> None:
    from csbm.extract.score import score_record

    rec = parse(
        "published: 2021-09-09\nexercises: Zapad 2021\nstates: BLR=host+participant\n"
        "period: 2021-09-10..?\nplaces: Obuz-Lesnovsky|Obuz-Lesnikovsky; Brest\n"
        "acts: notification:BLR; -observation_invitation:RUS\n---\n"
        "The Belarusian defence ministry said "
        "[[troops:12800:approx:by=Belarusian defence ministry:state=BLR|about 12,800 troops]]"
        " would train. In 1981 there were [[no:other-exercise|150,000]] troops.\n"
    )
    assert acts(rec) == {
        GoldAct("notification", "BLR", True),
        GoldAct("observation_invitation", "RUS", False),
    }
    out = Scored()
    score_record(rec, _extraction(rec.text), out)
    c = out.counts
    assert (c["figures"].tp, c["figures"].fp, c["figures"].fn) == (1, 1, 0)
    assert (c["qualifier"].tp, c["qualifier"].fp, c["qualifier"].fn) == (0, 2, 1)
    # "the ministry" is contained in "Belarusian defence ministry": the same speaker
    assert (c["attribution"].tp, c["attribution"].fp, c["attribution"].fn) == (1, 0, 0)
    assert (c["declared State"].tp, c["declared State"].fp, c["declared State"].fn) == (0, 1, 1)
    assert (c["dates"].tp, c["dates"].fp, c["dates"].fn) == (1, 1, 0) and out.invented_dates == 1
    assert (c["names"].tp, c["names"].fp, c["names"].fn) == (1, 1, 0)
    assert (c["States"].tp, c["States"].fp, c["States"].fn) == (1, 1, 0)
    # BLR's "mentioned" next to "host" says nothing and is not counted
    assert (c["State roles"].tp, c["State roles"].fp, c["State roles"].fn) == (1, 1, 1)
    assert (c["places"].tp, c["places"].fp, c["places"].fn) == (1, 0, 1)
    assert (c["acts"].tp, c["acts"].fp, c["acts"].fn) == (0, 0, 2)
    classes = out.classes()
    assert classes["figure extra (trap: other-exercise)"] == 1
    assert classes["qualifier wrong (approx read as exact)"] == 1
    assert classes["declared State wrong"] == 1
    assert classes["date invented"] == 1
    assert classes["place missed"] == 1 and classes["role missed (participant)"] == 1
