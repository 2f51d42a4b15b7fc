"""A cheap test that a text cannot yield claims, so the extractor need not read it.

The extractor makes claims only from a number (digits or number words) in a text that
names an exercise or a military activity: a word such as "exercise", "drills" or
"deployment" (its own `_EXERCISE_WORD`), a series it knows ("Zapad", "Запад", "BALTOPS"),
a quoted name after "operation", or an unknown name with a year after words that
introduce one ("take part in Nordic Response 2024"). The prefilter asks only for those
things, with the extractor's own patterns where it has them, so it is a necessary
condition: a text it rejects would give no claims (tests/batch/test_prefilter.py checks
this on the gold records and a generated archive). It reads each text once with a few
regular expressions, about a hundred times cheaper than extraction.
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
def _series() -> re.Pattern[str]:
    # The extractor compares names word by word, whatever stands between the words
    # ("Defender-Europe" is "Defender Europe"), so the pattern allows any separator.
    names = set()
    for series in series_list():
        for name in [series.name, *series.aliases]:
            words = tokens(name.rstrip("*"))
            if words:
                names.add(r"[\W_]*".join(re.escape(w) for w in words))
    ordered = sorted(names, key=len, reverse=True)
    return re.compile("|".join(ordered), re.I)


def may_have_claims(text: str) -> bool:
    """False only when the extractor could not find a claim in this text."""
    text = clean(text)
    if not _NUMBER.search(text):
        return False
    return bool(
        _EXERCISE_WORD.search(text)
        or _OPERATION.search(text)
        or _series().search(text)
        or _INTRODUCED.search(text)
    )


__all__ = ["may_have_claims"]
