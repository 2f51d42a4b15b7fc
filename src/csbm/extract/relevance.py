"""The relevance gate: whether a text can be about a military activity at all.

Most of a news archive is about something else, and reading such a text sentence by
sentence (names, dates, numbers, speakers) costs forty times a regular-expression scan of it.
:func:`has_activity_cue` asks, in a few scans of the whole text, for the things without which
the pipeline finds no exercise and makes no figure a claim:

- a word for an activity (the pipeline's own ``_EXERCISE_WORD``: exercise, drills, snap
  check, deployment, build-up ...): without one, ``doc_activity`` is false unless an exercise
  is named;
- the first word of a known series name or alias ("Zapad", "Запад", "BALTOPS"): the
  gazetteer finds a series only where a word of the text is, case-folded, the first word of
  one of its names, so a text with none of them names no known series;
- a word without which no act under the Vienna Document is read (``acts.ACT_STEMS``: the
  Vienna Document, the OSCE, observers, inspection, notification ...), since a Chapter III
  request names no exercise;
- the words before an unknown name: "operation" (a quoted name after it) and the
  introducing words with a year (``exercises._INTRODUCED``: "take part in Nordic Response
  2024"); the other patterns for unknown names need an activity word, which the first test
  already looks for.

So the gate is a necessary condition, by construction: a text without any cue gives no
exercise and no claim when read in full (tests/extract/test_relevance.py checks it on every
gold record and on a generated archive, with ``extract(..., read_all=True)``). The pipeline
then reads such a text no further and says so in a note.
"""

from __future__ import annotations

import re
from functools import cache

from csbm.extract.gazetteer import series_list, tokens

_OPERATION = re.compile(r"\boperation\b", re.I)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
# Every alternative of the pipeline's _EXERCISE_WORD contains one of these, lower-cased
# ("war games" contains "games", "snap inspection" "snap", "checks of readiness" "readiness").
# tests/extract/test_relevance.py checks each alternative against this list.
ACTIVITY_STEMS = (
    "exercise",
    "drill",
    "manoeuvres",
    "maneuvers",
    "games",
    "snap",
    "readiness",
    "live-fir",
    "live fir",
    "buildup",
    "build-up",
    "deployment",
    "massed",
    "massing",
)
# The introducing words of exercises._INTRODUCED (a case-sensitive pattern), lower-cased.
INTRODUCING_STEMS = (
    "part",
    "particip",
    "join",
    "launch",
    "beg",
    "held",
    "hold",
    "during",
    "ahead",
    "exercise",
    "drill",
    "-led",
)


def fold(text: str) -> str:
    """Case-fold so that whatever a case-insensitive pattern matches contains the folded
    stem: ``str.casefold`` plus the two letters that ``re.IGNORECASE`` takes for "i"
    (the dotted capital İ and the dotless ı), which case-fold to something else."""
    low = text.casefold()
    if "ı" in low or "\u0307" in low:
        low = low.replace("i\u0307", "i").replace("ı", "i")
    return low


@cache
def series_words() -> tuple[tuple[str, ...], ...]:
    """The first two words (one for a one-word name), case-folded, of every series name and
    alias: the gazetteer finds a name only where all its words stand in a row, so a text
    without "spring" followed by "storm" names no Spring Storm, whatever else says "spring"."""
    words: set[tuple[str, ...]] = set()
    for series in series_list():
        for name in [series.name, *series.aliases]:
            key = tokens(name.rstrip("*"))
            if key:
                words.add(key[:2])
    return tuple(sorted(words))


@cache
def _word(words: tuple[str, ...]) -> re.Pattern[str]:
    # A word of the gazetteer is a run of letters and digits ([^\W_]+): the same boundaries.
    # The word comes first and the look-behind after it (no letter before the word's first
    # one), so the engine can skip to the places where the word's letters are. A second word
    # follows after anything that is no letter or digit (wider than the gazetteer's own gap).
    n = len(words[0])
    second = rf"[\W_]*{re.escape(words[1])}" if len(words) > 1 else ""
    return re.compile(rf"{re.escape(words[0])}(?<![^\W_].{{{n}}}){second}(?![^\W_])", re.I | re.S)


def has_activity_cue(text: str) -> bool:
    """False only when the pipeline could find no exercise and no claim in the text.

    Substring tests on the case-folded text come first (they cost a few microseconds);
    the patterns themselves run only where a stem of theirs occurs.
    """
    from csbm.extract.acts import has_act_cue
    from csbm.extract.exercises import _INTRODUCED
    from csbm.extract.pipeline import _EXERCISE_WORD

    low = fold(text)
    if any(stem in low for stem in ACTIVITY_STEMS) and _EXERCISE_WORD.search(text):
        return True
    if has_act_cue(low):
        return True
    if "operation" in low and _OPERATION.search(text):
        return True
    if any(w[-1] in low and w[0] in low and _word(w).search(text) for w in series_words()):
        return True
    return (
        _YEAR.search(text) is not None
        and any(stem in low for stem in INTRODUCING_STEMS)
        and _INTRODUCED.search(text) is not None
    )


__all__ = ["ACTIVITY_STEMS", "INTRODUCING_STEMS", "fold", "has_activity_cue", "series_words"]
