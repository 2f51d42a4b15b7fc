"""A cheap test that a text cannot yield claims, so the extractor need not read it.

The extractor makes claims only from a number (digits or number words) in a text that
names an exercise or a military activity: a word such as "exercise", "drills" or
"deployment" (its own `_EXERCISE_WORD`), a series it knows ("Zapad", "Запад", "BALTOPS"),
a quoted name after "operation", or an unknown name with a year after words that
introduce one ("take part in Nordic Response 2024"). The prefilter asks only for those
things, with the extractor's own patterns where it has them, so it is a necessary
condition: a text it rejects would give no claims (tests/batch/test_prefilter.py checks
this on the gold records and a generated archive). On a short news item that names no
exercise it costs about 50 µs, against about 550 µs for the extractor (measured on the
generated archive's other news).
"""

from __future__ import annotations

import re
from functools import cache

from csbm.extract.exercises import _INTRODUCED
from csbm.extract.gazetteer import series_list, tokens
from csbm.extract.pipeline import _EXERCISE_WORD
from csbm.extract.text import clean

_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)",
    re.I,
)
_OPERATION = re.compile(r"\boperation\b", re.I)


@cache
def _series_first_words() -> frozenset[str]:
    """The first word (case-folded) of every series name and alias. The extractor's
    gazetteer finds a name only where a word of the text is the first word of one (it looks
    names up word by word), so a text with none of them names no known series."""
    words = set()
    for series in series_list():
        for name in [series.name, *series.aliases]:
            key = tokens(name.rstrip("*"))
            if key:
                words.add(key[0])
    return frozenset(words)


def may_have_claims(text: str) -> bool:
    """False only when the extractor could not find a claim in this text."""
    text = clean(text)
    if not _NUMBER.search(text):
        return False
    return bool(
        _EXERCISE_WORD.search(text)
        or _OPERATION.search(text)
        or not _series_first_words().isdisjoint(tokens(text))
        or _INTRODUCED.search(text)
    )


__all__ = ["may_have_claims"]
