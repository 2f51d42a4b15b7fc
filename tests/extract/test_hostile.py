"""Hostile input never crashes and stays bounded in time.

The timings are measured and printed (``pytest -s``); the assertions only hold a generous
sanity bound, so a slow machine does not fail the suite. docs/extract.md reports what was
measured.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from datetime import date

import pytest

from csbm.extract import extract, to_json
from csbm.extract.text import decode

ARTICLE = (
    "NATO says about 30,000 Russian troops are in Belarus for Union Resolve 2022, which runs "
    "from Feb. 10-20. Under the Vienna Document, exercises above 13,000 troops must be open "
    "to observers; the drills take place 100 km from the Lithuanian border.\n"
)
WEIRD = [
    "\u202e",  # right-to-left override
    "\u200b",  # zero-width space
    "\u0301",  # combining acute accent
    "İ",  # lower-cases to two characters
    "ﬀ",  # ligature
    "\U0001f600",
    "３０，０００ troops ",  # full-width digits
    "\ud800",  # lone surrogate
    "Zapad\u2011２０２１",  # non-breaking hyphen, full-width year
    "30\u202f000 troops ",
    "\u2028",  # line separator
    "\x00",
    "Ｒｕｓｓｉａ",
]


def _weird(n: int) -> str:
    rng = random.Random(7)
    return "".join(rng.choice(WEIRD) for _ in range(n))


CASES: dict[str, Callable[[], str]] = {
    "binary 10 MB": lambda: decode(random.Random(1).randbytes(10_000_000)),
    "NUL bytes 1 MB": lambda: decode(b"\x00" * 1_000_000),
    "text 10 MB": lambda: ARTICLE * (10_000_000 // len(ARTICLE)),
    "one line of numbers 2 MB": lambda: "1,000 " * 350_000,
    "weird unicode 1 MB": lambda: _weird(250_000),
    "empty": lambda: "",
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input(name: str) -> None:
    text = CASES[name]()
    start = time.perf_counter()
    result = extract(text, published=date(2022, 2, 11))
    rendered = to_json(result)
    elapsed = time.perf_counter() - start
    print(f"\n{name}: {len(text):,} characters in {elapsed:.2f} s")
    rendered.encode("utf-8")  # writable as UTF-8
    assert elapsed < 300  # sanity bound only; see the module docstring


def test_lone_surrogates_keep_offsets() -> None:
    text = "About 30,000 troops\ud800 for Zapad-2021."
    [f] = extract(text).claims()
    assert (f.evidence.start, f.evidence.end) == (0, 19)


def test_binary_input_is_refused_with_a_note() -> None:
    result = extract(decode(os.urandom(10_000)))
    assert result.figures == [] and result.states == []
    assert "does not look like text" in result.notes[0]


def test_number_budget() -> None:
    result = extract("Zapad-2021 involves " + "1,000 troops, " * 25_000)
    assert any("numbers in one text" in n for n in result.notes)
