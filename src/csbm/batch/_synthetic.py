"""A generated news archive, for the batch tests and the benchmark.

Deterministic for a seed: exercise reports (bundled exercises with their real dates, so
that ingest can link them, and invented ones, which become proposals) in varied press
phrasing, irrelevant articles (sport, markets, weather, with numbers in them, so the
prefilter has work), and, when asked, a few broken records of every kind the reader must
survive. Nothing here is real reporting.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]


@dataclass(frozen=True)
class _Exercise:
    names: tuple[str, ...]
    start: date
    end: date
    conducting: tuple[str, ...]  # adjectives: "Russian"
    host: str  # a country name, after "in"


_EXERCISES = (
    _Exercise(
        ("Zapad-2021", "Zapad 2021", "West-2021"),
        date(2021, 9, 10),
        date(2021, 9, 16),
        ("Russian", "Belarusian"),
        "Belarus",
    ),
    _Exercise(
        ("Union Resolve 2022", "Allied Resolve 2022"),
        date(2022, 2, 10),
        date(2022, 2, 20),
        ("Russian", "Belarusian"),
        "Belarus",
    ),
    _Exercise(
        ("Trident Juncture 2018", "Trident Juncture 18"),
        date(2018, 10, 25),
        date(2018, 11, 7),
        ("Norwegian", "American"),
        "Norway",
    ),
    _Exercise(
        ("Kavkaz-2020", "Caucasus-2020"),
        date(2020, 9, 21),
        date(2020, 9, 26),
        ("Russian",),
        "Russia",
    ),
    _Exercise(
        ("Anakonda-16", "Anakonda 2016"),
        date(2016, 6, 7),
        date(2016, 6, 17),
        ("Polish", "American"),
        "Poland",
    ),
    _Exercise(
        ("Cold Response 2022",), date(2022, 3, 14), date(2022, 4, 1), ("Norwegian",), "Norway"
    ),
    # Invented: no dossier has them, so ingest proposes them for review.
    _Exercise(
        ("Iron Harbour 2023",),
        date(2023, 5, 3),
        date(2023, 5, 14),
        ("Polish", "Lithuanian"),
        "Lithuania",
    ),
    _Exercise(
        ("Northern Lynx 2024",),
        date(2024, 3, 4),
        date(2024, 3, 15),
        ("Finnish", "Swedish"),
        "Finland",
    ),
    _Exercise(
        ("Amber Gate 2025",), date(2025, 6, 2), date(2025, 6, 12), ("Latvian", "Estonian"), "Latvia"
    ),
)

_MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
_MONTHS += ("August", "September", "October", "November", "December")
_HEDGES = ("", "about ", "some ", "around ", "more than ", "up to ", "nearly ", "at least ")
_SPEAKERS = (
    "the defence ministry said",
    "officials said",
    "NATO Secretary-General Jens Stoltenberg said",
    "a spokesman for the general staff told reporters",
    "the ministry said in a statement",
)
_TOPICS = (
    "The home side won {a}-{b} on Saturday in front of {n:,} spectators.",
    "Shares rose {a}.{b} per cent to {n:,} points as markets opened in Frankfurt.",
    "Forecasters expect up to {a} centimetres of snow and winds of {n} km/h by Monday.",
    "The city council approved a budget of {n:,} euros for {a} new school buildings.",
    "The festival drew {n:,} visitors over {a} days, organisers said.",
    "Some {n:,} runners took part in the marathon, which the favourite won in {a} hours.",
)


def _day(d: date, style: int) -> str:
    month = _MONTHS[d.month - 1]
    return f"{d.day} {month}" if style == 0 else f"{month} {d.day}"


def _period(ex: _Exercise, rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        return f"from {_day(ex.start, 0)} to {_day(ex.end, 0)}"
    if style == 1:
        return f"between {_day(ex.start, 1)} and {_day(ex.end, 1)}"
    return f"until {_day(ex.end, 0)}"


def _figure(rng: random.Random, noun: str, low: int, high: int, step: int) -> str:
    return f"{rng.choice(_HEDGES)}{rng.randrange(low, high, step):,} {noun}"


def exercise_article(rng: random.Random) -> tuple[str, date]:
    """A press report on one exercise, and its publication date."""
    ex = rng.choice(_EXERCISES)
    name = rng.choice(ex.names)
    published = ex.start - timedelta(days=rng.randrange(0, 4))
    forces = " and ".join(ex.conducting)
    lead = rng.choice(
        (
            f"{forces} forces will hold the {name} exercise in {ex.host} {_period(ex, rng)}.",
            f"The {name} drills in {ex.host} are scheduled to run {_period(ex, rng)}.",
            f"{forces} troops are to take part in {name} in {ex.host} {_period(ex, rng)}.",
        )
    )
    figures = [_figure(rng, "troops", 1000, 60000, 100)]
    if rng.random() < 0.6:
        figures.append(_figure(rng, "tanks", 20, 400, 5))
    if rng.random() < 0.4:
        figures.append(_figure(rng, "aircraft", 10, 150, 1))
    body = f"{', '.join(figures[:-1])} and {figures[-1]}" if len(figures) > 1 else figures[0]
    sentences = [
        lead,
        f"The exercise will involve {body}, {rng.choice(_SPEAKERS)}.",
    ]
    if rng.random() < 0.3:
        sentences.append(
            "Under the Vienna Document, exercises with more than 13,000 troops must be "
            "open to observers."
        )
    if rng.random() < 0.3:
        sentences.append(rng.choice(_TOPICS).format(a=rng.randrange(1, 9), b=2, n=4500))
    return " ".join(sentences), published


def irrelevant_article(rng: random.Random) -> tuple[str, date]:
    parts = [
        t.format(a=rng.randrange(1, 9), b=rng.randrange(0, 9), n=rng.randrange(100, 90000))
        for t in rng.sample(_TOPICS, 3)
    ]
    return " ".join(parts), date(2020, 1, 1) + timedelta(days=rng.randrange(2000))


def documents(n: int, *, seed: int = 0, relevant: float = 0.6) -> Iterator[dict[str, Any]]:
    """N documents {text, url, published (ISO)}; `relevant` is the share about exercises."""
    rng = random.Random(seed)
    for i in range(n):
        make = exercise_article if rng.random() < relevant else irrelevant_article
        text, published = make(rng)
        yield {
            "text": text,
            "url": f"https://news.example.org/{seed}/{i}",
            "published": published.isoformat(),
        }


# Broken records for the middle of a JSON Lines file (never its first line, which the
# reader checks before the run to catch a wrong file or --text-field).
BROKEN_LINES = (
    b'{"text": "Zapad-2021 drills with 12,000 troops", "published": "2021-09-1',
    b'{"body": "no text field here", "published": "2021-09-10"}',
    b'{"text": "Zapad-2021 drills with 12,000 troops.", "published": "2021-02-30"}',
    b'{"text": 42, "published": "2021-09-10"}',
)


def write_archive(
    root: Path, n: int, *, seed: int = 0, files: int = 4, broken: bool = True
) -> dict[str, int]:
    """Write about N documents under ROOT: JSON Lines files (most), one Parquet file and a
    directory of .txt files. Returns counts by kind ("broken" = records that must fail)."""
    root.mkdir(parents=True, exist_ok=True)
    docs = list(documents(n, seed=seed))
    n_txt = max(1, n // 50)
    n_parquet = n // 5
    txt, parquet_docs, jsonl = (
        docs[:n_txt],
        docs[n_txt : n_txt + n_parquet],
        docs[n_txt + n_parquet :],
    )
    per_file = -(-len(jsonl) // files)
    n_broken = 0
    for k in range(files):
        chunk = jsonl[k * per_file : (k + 1) * per_file]
        lines = [json.dumps(d, ensure_ascii=False).encode() for d in chunk]
        if broken and k == 0 and len(lines) > 10:
            for j, bad in enumerate(BROKEN_LINES):
                lines.insert(5 + 2 * j, bad)
                n_broken += 1
            lines.insert(3, b"")  # blank lines are not documents
        (root / f"news-{k:02d}.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    table = pa.table(
        {
            "text": [d["text"] for d in parquet_docs],
            "url": [d["url"] for d in parquet_docs],
            "published": [date.fromisoformat(d["published"]) for d in parquet_docs],
        }
    )
    pq.write_table(table, root / "wire.parquet", row_group_size=max(1, len(parquet_docs) // 3))
    texts = root / "texts"
    texts.mkdir(exist_ok=True)
    for i, d in enumerate(txt):
        (texts / f"{i:05d}.txt").write_text(d["text"], encoding="utf-8")
    if broken:
        (texts / "latin1.txt").write_bytes(
            "Manœuvres à Zapad-2021: 12 000 soldats.".encode("cp1252")
        )
        n_broken += 1
    return {
        "documents": len(docs) + n_broken,
        "jsonl": len(jsonl),
        "parquet": len(parquet_docs),
        "txt": len(txt),
        "broken": n_broken,
    }
