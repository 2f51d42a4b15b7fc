"""Benchmark: `csbm extract` on a news archive, against a plain regex scan as a baseline.

Run with `python -m benchmarks.extract [N]` (N documents, default 2000). The corpus is the
plain text of the gold records (tests/extract/gold, markup removed) and, when ../shared is
beside the checkout, the seed article, cycled to N documents. Prints documents and
characters per second for

- the baseline: one regular expression that finds "<number> <quantity noun>" in each text,
  which is what a quick scan of an archive would do (no dates, States, qualifiers, speakers,
  thresholds or evidence);
- the extractor: everything `csbm extract --format json` computes, JSON included;

their ratio, and the peak memory of each (tracemalloc, in a second run).
"""

from __future__ import annotations

import re
import sys
import time
from datetime import date
from pathlib import Path

from benchmarks.assess import measure
from csbm.extract import extract, to_json
from csbm.extract.gold import load

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "extract" / "gold"
SEED = ROOT.parent / "shared" / "seed" / "union-resolve-2022-article.txt"

_BASELINE = re.compile(
    r"\b\d[\d,.\u00a0\u202f ]*\d?\s+(?:\w+\s+){0,2}?(?:troops|soldiers|servicemen|personnel"
    r"|tanks|aircraft|helicopters|ships|vessels|artillery)\b",
    re.IGNORECASE,
)


def corpus(n: int) -> list[tuple[str, date | None]]:
    """N (text, publication date) pairs cycled from the gold records and the seed article."""
    base: list[tuple[str, date | None]] = []
    for directory in [GOLD, *sorted(p for p in GOLD.iterdir() if p.is_dir())]:
        base.extend((r.text, r.published) for r in load(directory))
    if SEED.is_file():
        base.append((SEED.read_text(encoding="utf-8"), date(2022, 2, 11)))
    return [base[i % len(base)] for i in range(n)]


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 2000
    docs = corpus(n)
    chars = sum(len(t) for t, _ in docs)

    def baseline() -> int:
        return sum(len(_BASELINE.findall(text)) for text, _ in docs)

    def full() -> int:
        size = 0
        for text, published in docs:
            size += len(to_json(extract(text, published=published)))
        return size

    t0 = time.perf_counter()
    extract("Zapad-2021 with 12,800 troops.")  # warm-up: gazetteers and caches load once
    warm = time.perf_counter() - t0
    t_base, m_base = measure(baseline)
    t_full, m_full = measure(full)
    print(f"documents: {n} ({chars / n:,.0f} characters on average, {chars / 1e6:.1f} M in all)")
    print(f"one-off loading of gazetteers and rule parameters: {warm:.2f} s")
    print(f"{'step':<30}{'seconds':>9}{'docs/s':>10}{'M chars/s':>11}{'peak MiB':>10}")
    for label, t, m in (
        ("regex scan (baseline)", t_base, m_base),
        ("csbm extract (with JSON)", t_full, m_full),
    ):
        print(f"{label:<30}{t:>9.3f}{n / t:>10,.0f}{chars / t / 1e6:>11.2f}{m:>10.1f}")
    print(f"csbm extract costs {t_full / t_base:.0f}x the regex scan")


if __name__ == "__main__":
    main(sys.argv[1:])
