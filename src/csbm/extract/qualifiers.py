"""How a figure is hedged: exact, approx, at_least, at_most, up_to.

The qualifier decides the interval csbm builds from a claim (docs/evidence.md), so "about
30,000" and "more than 30,000" must not be read alike. The words come before the number
("about", "more than", "will not exceed", "up to") or right after it ("9,000 or more",
"30,000-plus", "or so"). When several readings match, the longest wins: "no fewer than" is
at_least, although it ends with "fewer than". "Far more than the 12,700 declared" compares
with a figure stated elsewhere and hedges nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from csbm.model.dossier import Qualifier

_BEFORE: list[tuple[Qualifier, str]] = [
    (
        Qualifier.AT_MOST,
        r"(?:fewer|less)\s+than|no\s+more\s+than|not\s+more\s+than"
        r"|(?:will|would|shall|does|did|do|must|should|can|could|may)\s+not\s+exceed"
        r"|(?:won|wouldn|doesn|didn|don|mustn|shouldn|can)[’']t\s+exceed"
        r"|not\s+(?:to\s+)?exceed(?:ing)?|never\s+exceed(?:s|ed)?|a\s+maximum\s+of|maximum\s+of"
        r"|at\s+(?:the\s+)?most|just\s+under|under|below",
    ),
    # "estimates as high as 200,000", "the number could reach 13,000": a ceiling as a guess
    (
        Qualifier.UP_TO,
        r"up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as"
        r"|(?:could|may|might|would|will|can)\s+(?:even\s+|eventually\s+)?reach",
    ),
    (
        Qualifier.AT_LEAST,
        r"more\s+than|just\s+over|over|at\s+least|upwards?\s+of|in\s+excess\s+of"
        r"|no\s+(?:fewer|less)\s+than|not\s+(?:fewer|less)\s+than|above|exceeding|exceeds?"
        r"|exceeded|a\s+minimum\s+of",
    ),
    (
        Qualifier.APPROX,
        r"about|around|some|nearly|roughly|approximately|approx\.?|almost|circa|ca\.|(?-i:c\.)"
        r"|close\s+to|closer\s+to|an\s+estimated|estimated|~",
    ),
]
# Words that may stand between the qualifier and the number: "up to a total of 30,000".
_FILLER = r"(?:\s+(?:a\s+total\s+of|a\s+further|only|just|the|an?\s+additional))?"
_BEFORE_RX = [
    (q, re.compile(rf"(?:^|(?<=[^\w]))(?:{p}){_FILLER}\s*$", re.IGNORECASE)) for q, p in _BEFORE
]
_AFTER: list[tuple[Qualifier, re.Pattern[str]]] = [
    (Qualifier.AT_LEAST, re.compile(r"\s+or\s+(?:more|above|over)\b|\+|-?plus\b", re.I)),
    (Qualifier.AT_MOST, re.compile(r"\s+or\s+(?:fewer|less|below|under)\b", re.I)),
    (Qualifier.APPROX, re.compile(r"\s+or\s+so\b|-odd\b", re.I)),
]
# The last word of every qualifier reading (with its optional filler), lower-cased.
_FINAL_WORDS = frozenset(
    [
        "than",
        "most",
        "under",
        "below",
        "to",
        "as",
        "reach",
        "over",
        "least",
        "of",
        "above",
        "exceeding",
        "exceeds",
        "exceed",
        "exceeded",
        "about",
        "around",
        "some",
        "nearly",
        "roughly",
        "approximately",
        "approx",
        "approx.",
        "almost",
        "circa",
        "ca.",
        "c.",
        "estimated",
        "the",
        "only",
        "just",
        "further",
        "additional",
    ]
)
_WORD_AT_END = re.compile(r"[\w.]+$")


def _last_word(text: str) -> str:
    m = _WORD_AT_END.search(text, max(0, len(text) - 20))
    return m.group().lower() if m is not None else ""


_COMPARISON = re.compile(r"\bthe\s*$", re.I)
# How far back a qualifier may start; "will not exceed a total of" is the longest.
WINDOW = 48


@dataclass(frozen=True, slots=True)
class Hedge:
    """A qualifier found in the text: which, where, and the words."""

    qualifier: Qualifier
    start: int
    end: int
    text: str


def before(text: str, number_start: int, floor: int = 0) -> Hedge | None:
    """The qualifier that ends right before the number, if any (the longest reading)."""
    lo = max(floor, number_start - WINDOW)
    window = text[lo:number_start]
    stripped = window.rstrip()
    if not stripped.endswith("~") and _last_word(stripped) not in _FINAL_WORDS:
        return None  # cheap test first: every reading ends with one of these words
    best: Hedge | None = None
    for qualifier, rx in _BEFORE_RX:
        m = rx.search(window)
        if m is None:
            continue
        if _COMPARISON.search(m.group()):
            continue  # "more than the 12,700 declared": a comparison with a figure, not a hedge
        if best is None or lo + m.start() < best.start:
            words = m.group().strip()
            best = Hedge(qualifier, lo + m.start(), lo + m.start() + len(words), words)
    return best


def after(text: str, number_end: int, limit: int | None = None) -> Hedge | None:
    """A qualifier right after the number: '9,000 or more', '30,000-plus', 'or so'."""
    stop = len(text) if limit is None else limit
    for qualifier, rx in _AFTER:
        m = rx.match(text, number_end, stop)
        if m is not None:
            return Hedge(qualifier, m.start(), m.end(), m.group().strip())
    return None


__all__ = ["WINDOW", "Hedge", "after", "before"]
