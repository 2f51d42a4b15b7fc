"""Gold records with inline span markup, and precision and recall against them.

A gold record is a short text with a header and PLOVER-style inline markup (the format is
described in tests/extract/gold/README.md)::

    published: 2022-02-03
    exercises: Union Resolve 2022
    states: RUS=participant BLR=participant+host
    period: 2022-02-10..2022-02-20
    ---
    Russia has moved [[troops:30000:approx:by=Jens Stoltenberg|around 30,000 troops]] ...

:func:`parse` strips the markup (offsets refer to the plain text) and :func:`score` compares
the extractor's output with the records, property by property, as sets of items per record:
a figure is (quantity, value or range), with its qualifier for the qualifier property, and
with its speaker for attribution.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from csbm.extract.pipeline import extract
from csbm.extract.result import Extraction

_MARK = re.compile(r"\[\[(?P<ann>[^|\]]+)\|(?P<surface>[^\]]*)\]\]")


@dataclass(frozen=True, slots=True)
class GoldFigure:
    quantity: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    by: str | None
    scope: str | None
    start: int
    end: int
    state: str | None = None  # `state=RUS`: the State the speaker speaks for (declared_by)


@dataclass(frozen=True, slots=True)
class GoldThreshold:
    quantity: str
    value: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GoldNegative:
    reason: str
    start: int
    end: int


@dataclass
class GoldRecord:
    name: str
    text: str
    published: date | None
    exercises: list[str]
    states: dict[str, set[str]]
    period: tuple[date | None, date | None] | None
    figures: list[GoldFigure] = field(default_factory=list)
    thresholds: list[GoldThreshold] = field(default_factory=list)
    negatives: list[GoldNegative] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)  # every header line, as written


class GoldError(ValueError):
    """A gold record that cannot be read."""


def _day(text: str) -> date | None:
    return None if text in ("?", "") else date.fromisoformat(text)


def parse(raw: str, name: str = "<gold>") -> GoldRecord:
    """Read one gold record: header, then text with [[annotation|surface]] spans."""
    if "\n---\n" not in raw:
        raise GoldError(f"{name}: no '---' line between header and text")
    head, body = raw.split("\n---\n", 1)
    header: dict[str, str] = {}
    for line in head.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition(":")
            header[key.strip()] = value.split("#", 1)[0].strip()
    plain: list[str] = []
    pos = 0
    out_len = 0
    record = GoldRecord(
        name=name,
        text="",
        published=_day(header["published"]) if header.get("published") else None,
        exercises=[]
        if header.get("exercises", "none") == "none"
        else [x.strip() for x in header["exercises"].split(";") if x.strip()],
        states={},
        period=None,
        header=header,
    )
    for item in header.get("states", "").split():
        code, _, roles = item.partition("=")
        record.states[code] = set((roles or "mentioned").split("+"))
    period = header.get("period", "none")
    if period != "none":
        a, _, b = period.partition("..")
        record.period = (_day(a), _day(b))
    for m in _MARK.finditer(body):
        plain.append(body[pos : m.start()])
        out_len += m.start() - pos
        surface = m.group("surface")
        start, end = out_len, out_len + len(surface)
        plain.append(surface)
        out_len = end
        pos = m.end()
        _annotation(record, m.group("ann"), start, end, name)
    plain.append(body[pos:])
    record.text = "".join(plain)
    return record


def _annotation(record: GoldRecord, ann: str, start: int, end: int, name: str) -> None:
    parts = ann.split(":")
    if parts[0] == "no":
        record.negatives.append(GoldNegative(":".join(parts[1:]), start, end))
        return
    if parts[0] == "vd":
        record.thresholds.append(GoldThreshold(parts[1], int(parts[2]), start, end))
        return
    if len(parts) < 3:
        raise GoldError(f"{name}: annotation '{ann}' needs quantity:value:qualifier")
    quantity, amount, qualifier = parts[0], parts[1], parts[2]
    options = dict(p.split("=", 1) for p in parts[3:] if "=" in p)
    value = low = high = None
    if "-" in amount:
        a, b = amount.split("-", 1)
        low, high = int(a), int(b)
    else:
        value = int(amount)
    record.figures.append(
        GoldFigure(
            quantity,
            value,
            low,
            high,
            qualifier,
            options.get("by"),
            options.get("scope"),
            start,
            end,
            options.get("state"),
        )
    )


def load(directory: Path) -> list[GoldRecord]:
    """Every *.txt gold record in a directory, sorted by name."""
    return [parse(p.read_text(encoding="utf-8"), p.name) for p in sorted(directory.glob("*.txt"))]


def _norm(who: str | None) -> str:
    text = (who or "").casefold().replace("’", "'")
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text)


def _same_speaker(a: str | None, b: str | None) -> bool:
    x, y = _norm(a), _norm(b)
    return bool(x) and bool(y) and (x in y or y in x)


@dataclass
class Count:
    """True positives, false positives and false negatives for one property."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, record: str, gold: AbstractSet[object], found: AbstractSet[object]) -> None:
        self.tp += len(gold & found)
        for item in sorted(map(str, found - gold)):
            self.fp += 1
            self.errors.append(f"{record}: extra {item}")
        for item in sorted(map(str, gold - found)):
            self.fn += 1
            self.errors.append(f"{record}: missed {item}")


PROPERTIES = (
    "troops",
    "tanks",
    "other equipment",
    "qualifier",
    "attribution",
    "thresholds",
    "dates",
    "states",
    "exercises",
)


def _figures(
    x: Extraction,
) -> list[tuple[str, int | None, int | None, int | None, str, str | None]]:
    return [
        (f.quantity.value, f.value, f.low, f.high, f.qualifier.value, f.attributed_to)
        for f in x.claims()
    ]


def score(
    records: Iterable[GoldRecord], run: Callable[[GoldRecord], Extraction] | None = None
) -> dict[str, Count]:
    """Precision and recall per property over the records."""
    counts = {p: Count() for p in PROPERTIES}
    for rec in records:
        x = run(rec) if run is not None else extract(rec.text, published=rec.published)
        found = _figures(x)
        gold = [(g.quantity, g.value, g.low, g.high, g.qualifier, g.by) for g in rec.figures]

        def values(
            items: list[tuple[str, int | None, int | None, int | None, str, str | None]],
            keep: Callable[[str], bool],
        ) -> set[object]:
            return {(q, v, lo, hi) for q, v, lo, hi, _, _ in items if keep(q)}

        counts["troops"].add(
            rec.name, values(gold, lambda q: q == "troops"), values(found, lambda q: q == "troops")
        )
        counts["tanks"].add(
            rec.name, values(gold, lambda q: q == "tanks"), values(found, lambda q: q == "tanks")
        )
        counts["other equipment"].add(
            rec.name,
            values(gold, lambda q: q not in ("troops", "tanks")),
            values(found, lambda q: q not in ("troops", "tanks")),
        )
        counts["qualifier"].add(
            rec.name,
            {(q, v, lo, hi, ql) for q, v, lo, hi, ql, _ in gold},
            {(q, v, lo, hi, ql) for q, v, lo, hi, ql, _ in found},
        )
        gold_by = {(q, v, lo, hi, b) for q, v, lo, hi, _, b in gold if b}
        found_by: set[object] = set()
        for q, v, lo, hi, _, b in found:
            if not b:
                continue
            match = next(
                (g for g in gold_by if g[:4] == (q, v, lo, hi) and _same_speaker(g[4], b)), None
            )
            found_by.add(match if match is not None else (q, v, lo, hi, b))
        counts["attribution"].add(rec.name, set(gold_by), found_by)
        counts["thresholds"].add(
            rec.name,
            {(t.quantity, t.value) for t in rec.thresholds},
            {(t.quantity.value, t.value) for t in x.vienna_document.threshold_mentions},
        )
        gold_dates: set[object] = set()
        if rec.period is not None:
            gold_dates = {(k, d) for k, d in zip(("start", "end"), rec.period, strict=True) if d}
        found_dates: set[object] = set()
        if x.period is not None:
            found_dates = {
                (k, d) for k, d in (("start", x.period.start), ("end", x.period.end)) if d
            }
        counts["dates"].add(rec.name, gold_dates, found_dates)
        counts["states"].add(
            rec.name,
            {(c, r) for c, roles in rec.states.items() for r in roles},
            {(s.code, r) for s in x.states for r in s.roles},
        )
        counts["exercises"].add(rec.name, set(rec.exercises), {e.name for e in x.exercises})
    return counts


def table(counts: dict[str, Count]) -> str:
    """A plain-text table of precision, recall and F1 per property."""
    lines = [
        f"{'property':<16} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"
    ]
    for name, c in counts.items():
        lines.append(
            f"{name:<16} {c.precision:>9.3f} {c.recall:>7.3f} {c.f1:>6.3f}"
            f" {c.tp:>4} {c.fp:>4} {c.fn:>4}"
        )
    return "\n".join(lines)


__all__ = ["PROPERTIES", "Count", "GoldError", "GoldRecord", "load", "parse", "score", "table"]
