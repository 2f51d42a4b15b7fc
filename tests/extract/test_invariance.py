"""Metamorphic checks: rewritings of the real-world dev texts that keep their keys true
(number formats, quotes, line ends, speech verbs, nouns for troops, debris) move no score.

A rule that reads "30,000" but not "30 000", or counts the States of a "Read more:" line, is
brittle in a way no single text shows; these rewritings show it on the whole dev split. The
markup's annotations are kept as they are; only the text (the surfaces included) is rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from csbm.extract.gold import parse
from csbm.extract.score import Scored, score

DEV = Path(__file__).parent / "realworld" / "dev"
FIELDS = ("figures", "qualifier", "attribution", "declared State", "dates", "names", "States")
# F1 may move by this much (one error in several hundred): rounding, not brittleness
TOLERANCE = 0.005
_HEAD = re.compile(r"(\[\[[^|\]]*\|)")


def _in_text(rewrite: Callable[[str], str]) -> Callable[[str], str]:
    """Apply ``rewrite`` to the text and the surfaces, never to the header or annotations."""

    def apply(raw: str) -> str:
        head, body = raw.split("\n---\n", 1)
        parts = _HEAD.split(body)
        return head + "\n---\n" + "".join(p if i % 2 else rewrite(p) for i, p in enumerate(parts))

    return apply


REWRITES: dict[str, Callable[[str], str]] = {
    "thousands with a space": _in_text(lambda t: re.sub(r"(?<=\d),(?=\d{3}\b)", " ", t)),
    "thousands with a dot": _in_text(lambda t: re.sub(r"(?<=\d),(?=\d{3}\b)", ".", t)),
    "thousands with a no-break space": _in_text(
        lambda t: re.sub(r"(?<=\d),(?=\d{3}\b)", "\u00a0", t)
    ),
    "curly quotes": _in_text(lambda t: re.sub(r'"([^"\n]{1,400}?)"', "\u201c\\1\u201d", t)),
    "said -> stated": _in_text(lambda t: re.sub(r"\bsaid\b", "stated", t)),
    "troops -> personnel": _in_text(lambda t: re.sub(r"\btroops\b", "personnel", t)),
    "CRLF line ends": _in_text(lambda t: t.replace("\n", "\r\n")),
    "a 'Read more' line at the end": lambda raw: (
        raw.rstrip()
        + "\n\nRead more: Ukraine says [[no:distance|2,000 km]] of its border is mined\n"
    ),
}


def _scores(rewrite: Callable[[str], str] | None) -> Scored:
    records = []
    for path in sorted(DEV.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        records.append(parse(rewrite(raw) if rewrite else raw, path.name))
    return score(records)


@pytest.fixture(scope="module")
def baseline() -> Scored:
    return _scores(None)


@pytest.mark.parametrize("name", sorted(REWRITES))
def test_a_rewriting_that_keeps_the_keys_moves_no_score(name: str, baseline: Scored) -> None:
    rewritten = _scores(REWRITES[name])
    moved = {
        f: (round(baseline.counts[f].f1, 3), round(rewritten.counts[f].f1, 3))
        for f in FIELDS
        if abs(rewritten.counts[f].f1 - baseline.counts[f].f1) > TOLERANCE
    }
    assert not moved, f"{name}: F1 before -> after {moved}"
