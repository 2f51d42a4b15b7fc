"""How close a paraphrase is to the page it paraphrases.

    python tests/extract/realworld/overlap.py TEXT ORIGINAL

TEXT is a file of this set; ORIGINAL a plain-text copy of the page (kept outside the
repository: the pages are third-party text). Prints the share of the paraphrase's word
6-grams that the page holds and every run of eight or more consecutive words the two share.
The markup `[[annotation|surface]]` counts as its surface; the header above `---` is left
out. A paraphrase in our own words shares few 6-grams (the set was checked to 0.08 or less
on 2026-12-06) and no run of eight words except names, titles, lists of places or units and
the number phrases a key tests.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_WORD = re.compile(r"[\w\u0400-\u04ff]+(?:[.,'’]\w+)*")
_MARKUP = re.compile(r"\[\[[^|\]]*\|([^\]]*)\]\]")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def body(text: str) -> str:
    if "\n---\n" in text:
        text = text.split("\n---\n", 1)[1]
    return _MARKUP.sub(r"\1", text)


def grams(seq: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(seq[i : i + n]) for i in range(len(seq) - n + 1)}


def shared_runs(mine: list[str], theirs: list[str], least: int = 8) -> list[str]:
    """Runs of `least` or more consecutive words of `mine` that `theirs` holds too."""
    held = grams(theirs, least)
    runs, i = [], 0
    while i <= len(mine) - least:
        if tuple(mine[i : i + least]) in held:
            j = i + least
            while j < len(mine) and tuple(mine[j - least + 1 : j + 1]) in held:
                j += 1
            runs.append(" ".join(mine[i:j]))
            i = j
        else:
            i += 1
    return runs


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    mine = words(body(Path(argv[0]).read_text(encoding="utf-8")))
    theirs = words(Path(argv[1]).read_text(encoding="utf-8"))
    six = grams(mine, 6)
    common = six & grams(theirs, 6)
    print(f"6-gram share: {len(common) / max(len(six), 1):.2f} ({len(common)}/{len(six)})")
    for run in shared_runs(mine, theirs):
        print("RUN:", run)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
