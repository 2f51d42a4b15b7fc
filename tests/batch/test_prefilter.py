"""The prefilter is a necessary condition: a text it skips gives no claims."""

from __future__ import annotations

from pathlib import Path

from csbm.batch._synthetic import documents
from csbm.batch.prefilter import may_have_claims
from csbm.extract import extract
from csbm.extract.gold import load

GOLD = Path(__file__).resolve().parents[1] / "extract" / "gold"


def test_skipped_texts_give_no_claims() -> None:
    texts = [d["text"] for d in documents(600, seed=3)]
    for directory in [GOLD, *sorted(p for p in GOLD.iterdir() if p.is_dir())]:
        texts.extend(r.text for r in load(directory))
    skipped = [t for t in texts if not may_have_claims(t)]
    assert len(skipped) > 100  # the generated sport, market and weather news
    for text in skipped:
        assert extract(text).claims() == []
    assert all(may_have_claims(t) for t in texts if extract(t).claims())


def test_what_it_passes_and_skips() -> None:
    assert may_have_claims("Zapad-2021 will involve 12,800 troops.")
    assert may_have_claims("Запад-2021: двенадцать тысяч. 12 800")
    assert may_have_claims("Poland will take part in Nordic Response 2024 with 3,000 soldiers.")
    assert may_have_claims("The exercise involved thirty thousand troops.")
    assert not may_have_claims("The drills were cancelled.")  # no number at all
    assert not may_have_claims("The home side won 3-1 in front of 40,000 spectators.")
