"""The relevance gate in extract(): a text it stops gives nothing when read in full."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

from csbm.batch._synthetic import documents
from csbm.extract import extract
from csbm.extract.gold import load
from csbm.extract.pipeline import _EXERCISE_WORD, NO_ACTIVITY_NOTE
from csbm.extract.relevance import (
    ACTIVITY_STEMS,
    INTRODUCING_STEMS,
    fold,
    has_activity_cue,
    series_words,
)

GOLD = Path(__file__).resolve().parent / "gold"

# Other news, written for this test, with the cue-like words that must not fool the gate
# into skipping, and some that must not stop it either.
_OTHER = (
    "The central bank of Poland kept its rate at 5.75 per cent on Wednesday.",
    "Shares in the carmaker fell 3.2 per cent after it cut its 2024 forecast.",
    "Some 4,500 people marched through Vilnius on Saturday against higher rents.",
    "The lowest turnout since 2011 was recorded in the east of the country.",
)


def _texts() -> list[tuple[str, date | None]]:
    out: list[tuple[str, date | None]] = [
        (d["text"], date.fromisoformat(d["published"])) for d in documents(400, seed=5)
    ]
    for directory in [GOLD, *sorted(p for p in GOLD.iterdir() if p.is_dir())]:
        out.extend((r.text, r.published) for r in load(directory))
    out.extend((t, date(2021, 9, 9)) for t in _OTHER)
    return out


def test_a_text_the_gate_stops_gives_nothing_when_read_in_full() -> None:
    texts = _texts()
    stopped = [(t, p) for t, p in texts if not has_activity_cue(t)]
    assert len(stopped) > 100  # the generated sport, market and weather news
    for text, published in stopped:
        full = extract(text, published=published, read_all=True)
        assert full.exercises == [] and full.claims() == [] and full.figures == []
        assert full.acts == []
        gated = extract(text, published=published)
        assert gated.notes == [NO_ACTIVITY_NOTE] and gated.figures == []
    for text, published in texts:
        full = extract(text, published=published, read_all=True)
        if full.claims() or full.acts:
            assert has_activity_cue(text)


def test_a_chapter3_request_passes_the_gate_without_an_activity_word() -> None:
    text = "Ukraine asked Russia to explain its military activity under the Vienna Document."
    assert has_activity_cue(text)
    assert [(a.type.value, a.by) for a in extract(text).acts] == [("chapter3_request", "UKR")]


def test_every_activity_word_contains_a_stem() -> None:
    # Each alternative of the pipeline's pattern, in every case the pattern accepts.
    words = [
        "exercise",
        "Exercises",
        "DRILL",
        "drills",
        "manoeuvres",
        "Maneuvers",
        "war games",
        "wargames",
        "snap check",
        "Snap Inspections",
        "combat readiness check",
        "readiness checks",
        "checks of combat readiness",
        "build-up",
        "buildup",
        "deployments",
        "massed",
        "massing",
        "checking the combat readiness",
        "checked readiness",
        "live-fire",
        "live firing",
    ]
    for word in words:
        assert _EXERCISE_WORD.search(word), word
        assert any(stem in fold(word) for stem in ACTIVITY_STEMS), word
        assert has_activity_cue(f"In 2021 there were {word} with 300 troops.")
    # Every alternative of the pattern is among the words above.
    source = _EXERCISE_WORD.pattern
    for stem in re.findall(r"[a-z]{4,}", source):
        if stem in ("check", "checks", "inspection", "combat", "fire", "firing"):
            continue  # never alone: "snap check", "checks of readiness", "combat readiness"
        assert any(stem in fold(w) for w in words), stem


def test_fold_keeps_what_ignorecase_matches() -> None:
    # Whatever re.IGNORECASE takes for a letter of a stem folds to that letter, so a
    # substring test on the folded text never misses a match of the case-blind patterns.
    names = [w for words in series_words() for w in words]
    letters = {ch for w in (*ACTIVITY_STEMS, *INTRODUCING_STEMS, *names) for ch in w}
    letters = {ch for ch in letters if ch.isalpha()}
    every = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    for a in letters:
        for m in re.finditer(re.escape(a), every, re.I):
            assert fold(m.group()) == a, (hex(ord(m.group())), a)


def test_series_names_in_any_case_and_script_pass() -> None:
    for text in ("ZAPAD 2021 had 12,800 troops", "Запад-2021", "the Allied Resolve 2022 plan"):
        assert has_activity_cue(text), text
    assert has_activity_cue("Poland will take part in Nordic Response 2024 with 3,000 troops.")
    assert has_activity_cue('The operation "Iron Gate" used 400 troops.')
    assert not has_activity_cue("The lowest price since 2019 was 12,000 euros.")


def test_a_series_is_a_cue_only_with_its_first_two_words_in_a_row() -> None:
    # "Union Shield": "union" alone, or both words apart, name no series
    assert has_activity_cue("Union Shield-2023 drew 12,000 people.")
    assert has_activity_cue("The UNION-SHIELD 2023 plan.")
    assert not has_activity_cue("The union said its shield would hold for 12,000 members.")
