"""Benchmark: `extract()` on a news archive, against a plain regex scan as a baseline.

Run with `python -m benchmarks.extract [N]` (N documents, default 2000). Two corpora:

- **archive** (the case of issue 16): news-like documents of which 5 % are about exercises
  (the gold records, markup removed, and the seed article when ../shared is beside the
  checkout) and 95 % other news, generated here from templates: politics, trade, energy,
  sport, weather, culture, courts, with States, capitals, dates, weekdays and many numbers,
  about 1,500 to 2,500 characters each, a few of them with words that look like cues
  ("deployment of the new tram line", "the 2024 edition of the festival") so the gate in
  `extract()` has to read them in full;
- **reports**: only the exercise reports, cycled to N.

For each it prints documents per second and characters per second of

- the baseline: one regular expression that finds "<number> <quantity noun>" in each text,
  which is what a quick scan of an archive would do (no dates, States, qualifiers, speakers,
  thresholds or evidence);
- `extract()` itself, and `extract()` with the JSON output;

the ratio of `extract()` to the scan (both timed in this process, one after the other), and
the peak traced memory of each (tracemalloc, in a second run). The archive also checks the
gate's promise on the spot: every document the gate lets through unread must give no figure
when read in full.
"""

from __future__ import annotations

import random
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.assess import measure
from csbm.extract import extract, to_json
from csbm.extract.gold import load
from csbm.extract.relevance import has_activity_cue

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "extract" / "gold"
SEED = ROOT.parent / "shared" / "seed" / "union-resolve-2022-article.txt"

_BASELINE = re.compile(
    r"\b\d[\d,.\u00a0\u202f ]*\d?\s+(?:\w+\s+){0,2}?(?:troops|soldiers|servicemen|personnel"
    r"|tanks|aircraft|helicopters|ships|vessels|artillery)\b",
    re.IGNORECASE,
)

_COUNTRIES = (
    "Germany",
    "Poland",
    "France",
    "Italy",
    "Spain",
    "Lithuania",
    "Latvia",
    "Estonia",
    "Finland",
    "Sweden",
    "Norway",
    "Romania",
    "Hungary",
    "Austria",
    "Belarus",
    "Russia",
    "Ukraine",
    "Georgia",
    "Turkey",
    "Greece",
)
_CAPITALS = ("Berlin", "Warsaw", "Paris", "Rome", "Vilnius", "Riga", "Helsinki", "Minsk")
_PEOPLE = (
    "Anna Keller",
    "Marek Nowak",
    "Ilse Berg",
    "Tomas Varga",
    "Elena Rossi",
    "Piotr Zielinski",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_MONTHS = ("January", "March", "May", "June", "September", "October", "November")
# Other news, written for this benchmark: no exercise, drill or deployment of forces.
_SENTENCES = (
    "The central bank of {c} kept its main rate at {p}.{q} per cent on {d}, citing prices "
    "that rose {q}.{p} per cent in {m}.",
    "Exports from {c} to {c2} grew by {n:,} million euros last quarter, the statistics office "
    "in {k} said.",
    "{who}, the finance minister, told parliament that the budget gap would narrow to {p}.{q} "
    "per cent of output by {y}.",
    "About {n:,} people marched through {k} on {d} to protest against higher rents.",
    "The home side beat {c2} {p}-{q} in front of {n:,} spectators, with two goals in the last "
    "ten minutes.",
    "Forecasters warned of up to {p}{q} centimetres of snow in the north and winds of {n} km/h "
    "on the coast by {d}.",
    "The rail operator said {n:,} passengers a day would use the new line from {m} {p}, when "
    "the timetable changes.",
    "Gas storage in {c} stood at {p}{q} per cent of capacity, against {q}{p} per cent a year "
    "earlier.",
    "A court in {k} sentenced two former officials to {p} years in prison for taking bribes "
    "worth {n:,} euros.",
    "{who} won the {y} prize for a novel about three generations of a family in {c}.",
    "The festival, which drew some {n:,} visitors over {p} days, will return on {m} {q}{p}.",
    "Unemployment in {c} fell to {p}.{q} per cent in {m}, the lowest since {y}.",
    "Talks between {c} and {c2} on fishing quotas will resume in {k} on {d}, diplomats said.",
    "The airline carried {n:,} passengers in {m}, up {p}{q} per cent on the same month of {y}.",
    "Farmers in {c} expect a harvest of {n:,} tonnes of wheat after a dry spring.",
    "The city council of {k} approved {n:,} euros for {p} new schools and a hospital wing.",
    "Shares in the carmaker fell {p}.{q} per cent after it cut its forecast for {y}.",
    "{who} said on {d} that the coalition would put the pension reform to a vote in {m}.",
    "Some {n:,} households were without power for {p} hours after the storm on {d}.",
    "The museum in {k} reopened after a {p}-year renovation that cost {n:,} million euros.",
)
# Cue-like words in other news: the gate must read these documents in full.
_TRAPS = (
    "The deployment of the new tram line in {k} was delayed by {p} months.",
    "Organisers said the {y} edition of the music festival in {k} sold {n:,} tickets.",
    "The firm's drills for offshore wells in {c} reached a depth of {n:,} metres.",
)


def _news(rng: random.Random) -> tuple[str, date]:
    published = date(2016, 1, 1) + timedelta(days=rng.randrange(3000))
    picks = rng.sample(_SENTENCES, rng.randrange(11, 17))
    if rng.random() < 0.1:
        picks.insert(rng.randrange(len(picks)), rng.choice(_TRAPS))
    c, c2 = rng.sample(_COUNTRIES, 2)
    out = []
    for template in picks:
        out.append(
            template.format(
                c=c,
                c2=c2,
                k=rng.choice(_CAPITALS),
                who=rng.choice(_PEOPLE),
                d=rng.choice(_DAYS),
                m=rng.choice(_MONTHS),
                y=rng.randrange(2005, 2025),
                n=rng.randrange(100, 90_000),
                p=rng.randrange(1, 10),
                q=rng.randrange(0, 10),
            )
        )
    return " ".join(out), published


def reports() -> list[tuple[str, date | None]]:
    """The exercise reports: gold records (markup removed) and the seed article."""
    base: list[tuple[str, date | None]] = []
    for directory in [GOLD, *sorted(p for p in GOLD.iterdir() if p.is_dir())]:
        base.extend((r.text, r.published) for r in load(directory))
    if SEED.is_file():
        base.append((SEED.read_text(encoding="utf-8"), date(2022, 2, 11)))
    return base


def archive(n: int, relevant: float = 0.05, seed: int = 16) -> list[tuple[str, date | None]]:
    """N news-like documents, `relevant` of them exercise reports (deterministic for a seed)."""
    rng = random.Random(seed)
    base = reports()
    out: list[tuple[str, date | None]] = []
    for i in range(n):
        out.append(base[i % len(base)] if rng.random() < relevant else _news(rng))
    return out


def corpus(n: int) -> list[tuple[str, date | None]]:
    """N exercise reports, cycled."""
    base = reports()
    return [base[i % len(base)] for i in range(n)]


def _run(label: str, docs: list[tuple[str, date | None]]) -> float:
    n = len(docs)
    chars = sum(len(t) for t, _ in docs)

    def baseline() -> int:
        return sum(len(_BASELINE.findall(text)) for text, _ in docs)

    def bare() -> int:
        return sum(len(extract(text, published=published).figures) for text, published in docs)

    def full() -> int:
        return sum(len(to_json(extract(text, published=p))) for text, p in docs)

    t_base, m_base = measure(baseline)
    t_bare, m_bare = measure(bare)
    t_full, m_full = measure(full)
    print(f"\n{label}: {n} documents ({chars / n:,.0f} characters on average)")
    print(f"{'step':<30}{'seconds':>9}{'docs/s':>10}{'M chars/s':>11}{'peak MiB':>10}")
    for name, t, m in (
        ("regex scan (baseline)", t_base, m_base),
        ("extract()", t_bare, m_bare),
        ("extract() with JSON", t_full, m_full),
    ):
        print(f"{name:<30}{t:>9.3f}{n / t:>10,.0f}{chars / t / 1e6:>11.2f}{m:>10.1f}")
    ratio = t_bare / t_base
    print(f"extract() costs {ratio:.1f}x the regex scan ({t_full / t_base:.1f}x with JSON)")
    return ratio


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 2000
    t0 = time.perf_counter()
    # Warm-up: gazetteers, the threshold parameters and other caches load once per process.
    extract("Zapad-2021 must be notified under the Vienna Document with 13,000 troops.")
    print(f"one-off loading of gazetteers and rule parameters: {time.perf_counter() - t0:.2f} s")
    docs = archive(n)
    gated = [(t, p) for t, p in docs if not has_activity_cue(t)]
    missed = sum(1 for t, p in gated if extract(t, published=p, read_all=True).figures)
    print(
        f"archive: {len(gated)} of {n} documents have no activity cue (not read further); "
        f"of those, {missed} give a figure when read in full"
    )
    _run("archive (5 % exercise reports, 95 % other news)", docs)
    _run("reports (exercise reports only)", corpus(n))


if __name__ == "__main__":
    main(sys.argv[1:])
