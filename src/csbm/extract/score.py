"""Score ``csbm extract`` on real-world texts: precision, recall and F1 per field, errors by class.

The texts are gold records (the format of :mod:`csbm.extract.gold`, described in
tests/extract/gold/README.md) with more header lines, described in
tests/extract/realworld/README.md: ``url``, ``publisher``, ``title``, ``places`` (names with
``|`` between spellings of one place) and ``acts`` (``type:STATE``, ``-type:STATE`` for an act
the text says was not made), and ``state=`` on a figure (the State its speaker speaks for).

Run it as ``python -m csbm.extract.score DIR [DIR ...] [--errors]``. The fields:

- ``figures``: (quantity, value or range) per record;
- ``qualifier``: the same with the qualifier;
- ``attribution``: the same with the speaker (one name containing the other is a match);
- ``declared State``: the same with the State the speaker speaks for;
- ``dates``: the reported activity's first and last day; a day given where the record has none
  is counted as *invented*;
- ``names``: the exercises named; ``States``: the States named (any role); ``State roles``:
  (State, role) pairs; ``places``: the places named; ``acts``: (type, State, made);
- ``thresholds``: the Vienna Document thresholds cited.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from csbm.extract.gold import Count, GoldError, GoldFigure, GoldRecord, load
from csbm.extract.result import Extraction, Figure
from csbm.model.dossier import ActType

FIELDS = (
    "figures",
    "qualifier",
    "attribution",
    "declared State",
    "dates",
    "names",
    "States",
    "State roles",
    "places",
    "acts",
    "thresholds",
)

_PLACE_WORDS = re.compile(
    r"\b(?:range|ranges|firing|training|proving|ground|grounds|area|centre|center|"
    r"airfield|airbase|air base|base|oblast|region|district|krai|the)\b"
)


_ACT_TYPES = frozenset(t.value for t in ActType)
# The realworld README's short name for a Chapter IX evaluation visit.
_ACT_ALIASES = {"evaluation": ActType.EVALUATION_VISIT.value}


@dataclass(frozen=True, slots=True)
class GoldAct:
    type: str
    by: str
    made: bool


@dataclass
class Scored:
    """Counts per field, dates invented, and every error with its class."""

    counts: dict[str, Count] = field(default_factory=lambda: {f: Count() for f in FIELDS})
    invented_dates: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (class, record, detail)
    records: int = 0

    def error(self, kind: str, record: str, detail: str) -> None:
        self.errors.append((kind, record, detail))

    def classes(self) -> Counter[str]:
        return Counter(kind for kind, _, _ in self.errors)


def places(record: GoldRecord) -> list[tuple[str, ...]]:
    """The header's places, each as its spellings (``none`` or absent: no place)."""
    raw = record.header.get("places", "none")
    if raw in ("", "none"):
        return []
    return [tuple(s.strip() for s in item.split("|") if s.strip()) for item in raw.split(";")]


def acts(record: GoldRecord) -> set[GoldAct]:
    """The header's acts: ``type:STATE`` made, ``-type:STATE`` said not to be made."""
    raw = record.header.get("acts", "none")
    found: set[GoldAct] = set()
    if raw in ("", "none"):
        return found
    for item in raw.split(";"):
        item = item.strip()
        made = not item.startswith("-")
        kind, sep, by = item.lstrip("-").partition(":")
        if not sep or not kind or not by:
            raise GoldError(f"{record.name}: act '{item}' is not type:STATE")
        kind = _ACT_ALIASES.get(kind.strip(), kind.strip())
        if kind not in _ACT_TYPES:
            raise GoldError(f"{record.name}: act type '{kind}' is not one of {sorted(_ACT_TYPES)}")
        found.add(GoldAct(kind, by.strip(), made))
    return found


def _place_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[-‐–_/.,'’]", " ", text)
    text = _PLACE_WORDS.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def _same_place(gold: tuple[str, ...], found: str) -> bool:
    key = _place_key(found)
    return bool(key) and any(_place_key(g) == key for g in gold)


def _name_key(name: str) -> str:
    return re.sub(r"[\s\-–]+", " ", name.casefold()).strip()


def _norm(who: str | None) -> str:
    text = (who or "").casefold().replace("’", "'")
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text)


def _same_speaker(a: str | None, b: str | None) -> bool:
    x, y = _norm(a), _norm(b)
    return bool(x) and bool(y) and (x in y or y in x)


FigureKey = tuple[str, int | None, int | None, int | None]


def _span_reason(rec: GoldRecord, spans: Iterable[tuple[int, int]]) -> str:
    """Why a figure the record does not have was wrong: the trap its words fall on."""
    for s, e in spans:
        for neg in rec.negatives:
            if s < neg.end and neg.start < e:
                return f"trap: {neg.reason}"
        for t in rec.thresholds:
            if s < t.end and t.start < e:
                return "trap: Vienna Document threshold"
        for g in rec.figures:
            if s < g.end and g.start < e:
                return "wrong value or quantity"
    return "no figure in the record there"


def score_record(rec: GoldRecord, x: Extraction, out: Scored) -> None:
    """Add one record's comparison to ``out``."""
    out.records += 1
    name = rec.name
    c = out.counts
    found = x.claims()

    gold_fig: dict[FigureKey, list[GoldFigure]] = {}
    for g in rec.figures:
        gold_fig.setdefault((g.quantity, g.value, g.low, g.high), []).append(g)
    found_fig: dict[FigureKey, list[Figure]] = {}
    for f in found:
        found_fig.setdefault((f.quantity.value, f.value, f.low, f.high), []).append(f)

    # figures
    for key in gold_fig.keys() - found_fig.keys():
        out.error("figure missed", name, _fig(key))
    for key in found_fig.keys() - gold_fig.keys():
        f = found_fig[key][0]
        spans = list(f.mentions) or [(f.evidence.start, f.evidence.end)]
        out.error(f"figure extra ({_span_reason(rec, spans)})", name, _fig(key))
    c["figures"].add(name, set(gold_fig), set(found_fig))

    # qualifier, speaker and State, on the figures found in both
    gold_q = {(k, g.qualifier) for k, gs in gold_fig.items() for g in gs}
    found_q = {(k, f.qualifier.value) for k, fs in found_fig.items() for f in fs}
    c["qualifier"].add(name, gold_q, found_q)
    for key in gold_fig.keys() & found_fig.keys():
        g_ql = {g.qualifier for g in gold_fig[key]}
        f_ql = {f.qualifier.value for f in found_fig[key]}
        if g_ql != f_ql:
            out.error(
                f"qualifier wrong ({'/'.join(sorted(g_ql))} read as {'/'.join(sorted(f_ql))})",
                name,
                _fig(key),
            )

    gold_by = {(k, g.by) for k, gs in gold_fig.items() for g in gs if g.by}
    found_by: set[tuple[FigureKey, str]] = set()
    for key, fs in found_fig.items():
        for f in fs:
            who = f.attributed_to
            if not who:
                continue
            match = next((g for g in gold_by if g[0] == key and _same_speaker(g[1], who)), None)
            found_by.add(match if match is not None else (key, who))
    c["attribution"].add(name, set(gold_by), found_by)
    for key, who in gold_by:
        if (key, who) in found_by:
            continue
        said = [f.attributed_to for f in found_fig.get(key, [])]
        if not found_fig.get(key):
            kind = "speaker lost with the figure"
        elif not any(said):
            kind = "speaker missing"
        else:
            kind = "speaker wrong"
        out.error(kind, name, f"{_fig(key)}: {who!r}, found {said}")
    for key, who in found_by - gold_by:
        if key in gold_fig:
            out.error("speaker where the record has none or another", name, f"{_fig(key)}: {who!r}")

    gold_st = {(k, g.state) for k, gs in gold_fig.items() for g in gs if g.state}
    found_st = {(k, f.declared_by) for k, fs in found_fig.items() for f in fs if f.declared_by}
    c["declared State"].add(name, gold_st, found_st)
    for key, st in gold_st - found_st:
        states = [f.declared_by for f in found_fig.get(key, [])]
        if key in found_fig:
            kind = "declared State wrong" if any(states) else "declared State missing"
            out.error(kind, name, f"{_fig(key)}: {st}, found {states}")
    for key, st in found_st - gold_st:
        if key in gold_fig:
            out.error(
                "declared State where the record has none or another", name, f"{_fig(key)}: {st}"
            )

    # dates
    gold_d: dict[str, object] = {}
    if rec.period is not None:
        gold_d = {k: d for k, d in zip(("start", "end"), rec.period, strict=True) if d}
    found_d: dict[str, object] = {}
    if x.period is not None:
        found_d = {k: d for k, d in (("start", x.period.start), ("end", x.period.end)) if d}
    c["dates"].add(name, set(gold_d.items()), set(found_d.items()))
    for end in ("start", "end"):
        want, got = gold_d.get(end), found_d.get(end)
        if want is not None and got is None:
            out.error("date missed", name, f"{end} {want}")
        elif want is None and got is not None:
            out.invented_dates += 1
            out.error("date invented", name, f"{end} {got}")
        elif want != got:
            out.error("date wrong", name, f"{end} {want}, found {got}")

    # names, States, roles
    gold_n = {_name_key(n): n for n in rec.exercises}
    found_n = {_name_key(e.name): e.name for e in x.exercises}
    c["names"].add(name, set(gold_n), set(found_n))
    for k in gold_n.keys() - found_n.keys():
        out.error("name missed", name, gold_n[k])
    for k in found_n.keys() - gold_n.keys():
        out.error("name extra", name, found_n[k])

    gold_s = set(rec.states)
    found_s = {s.code for s in x.states}
    c["States"].add(name, gold_s, found_s)
    for s in sorted(gold_s - found_s):
        out.error("State missed", name, s)
    for s in sorted(found_s - gold_s):
        out.error("State extra", name, s)
    # `mentioned` means "named, with no other role" (tests/extract/gold/README.md): next to
    # another role it says nothing, so it is dropped there on both sides.
    gold_r = {(s, r) for s, roles in rec.states.items() for r in _roles(roles)}
    found_r = {(s.code, r) for s in x.states for r in _roles(s.roles)}
    c["State roles"].add(name, gold_r, found_r)
    for s, r in sorted(gold_r - found_r):
        if s in found_s:
            out.error(f"role missed ({r})", name, s)
    for s, r in sorted(found_r - gold_r):
        if s in gold_s:
            out.error(f"role extra ({r})", name, s)

    # places: a found place matches a gold place by any of its spellings
    gold_p = places(rec)
    matched: set[int] = set()
    extra = 0
    for loc in x.locations:
        hit = next((i for i, p in enumerate(gold_p) if _same_place(p, loc.name)), None)
        if hit is None:
            extra += 1
            out.error("place extra", name, loc.name)
        elif hit in matched:
            continue  # a second spelling of a place already found
        else:
            matched.add(hit)
    c["places"].tp += len(matched)
    c["places"].fp += extra
    c["places"].fn += len(gold_p) - len(matched)
    for i, spellings in enumerate(gold_p):
        if i not in matched:
            out.error("place missed", name, spellings[0])

    # acts: (type, acting State, made)
    gold_a = {(a.type, a.by, a.made) for a in acts(rec)}
    found_a = {(a.type.value, a.by, a.made) for a in x.acts}
    c["acts"].add(name, set(gold_a), set(found_a))
    for t, by, made in sorted(gold_a - found_a):
        out.error("act missed", name, f"{'' if made else 'not '}{t} by {by}")
    for t, by, made in sorted(found_a - gold_a):
        out.error("act extra", name, f"{'' if made else 'not '}{t} by {by}")

    gold_t = {(t.quantity, t.value) for t in rec.thresholds}
    found_t = {(t.quantity.value, t.value) for t in x.vienna_document.threshold_mentions}
    c["thresholds"].add(name, gold_t, found_t)
    for q, v in sorted(gold_t - found_t):
        out.error("threshold missed", name, f"{q} {v}")
    for q, v in sorted(found_t - gold_t):
        out.error("threshold extra", name, f"{q} {v}")


def _roles(roles: Iterable[str]) -> set[str]:
    kept = set(roles)
    return kept - {"mentioned"} if len(kept) > 1 else kept


def _fig(key: FigureKey) -> str:
    q, v, lo, hi = key
    return f"{q} {v if v is not None else f'{lo}-{hi}'}"


def score(
    records: Iterable[GoldRecord], run: Callable[[GoldRecord], Extraction] | None = None
) -> Scored:
    """Score the extractor (or ``run``) on the records."""
    from csbm.extract.pipeline import extract

    out = Scored()
    for rec in records:
        x = run(rec) if run is not None else extract(rec.text, published=rec.published)
        score_record(rec, x, out)
    return out


def report(scored: Scored, title: str, errors: bool = False) -> str:
    """The table, the dates invented, the error classes (and with ``errors`` every error)."""
    lines = [
        f"{title} ({scored.records} texts)",
        f"{'field':<15} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}",
    ]
    for name, c in scored.counts.items():
        if c.tp + c.fp + c.fn == 0:
            lines.append(f"{name:<15} {'-':>9} {'-':>7} {'-':>6} {0:>5} {0:>5} {0:>5}")
            continue
        lines.append(
            f"{name:<15} {c.precision:>9.3f} {c.recall:>7.3f} {c.f1:>6.3f}"
            f" {c.tp:>5} {c.fp:>5} {c.fn:>5}"
        )
    lines.append(f"dates invented: {scored.invented_dates}")
    lines.append("errors by class:")
    for kind, n in sorted(scored.classes().items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {n:>4}  {kind}")
    if errors:
        lines.append("errors:")
        for kind, rec, detail in sorted(scored.errors):
            lines.append(f"  [{kind}] {rec}: {detail}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m csbm.extract.score",
        description="Score csbm extract on directories of gold records (real-world texts).",
    )
    parser.add_argument("directories", nargs="+", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every error, not only classes")
    args = parser.parse_args(argv)
    for directory in args.directories:
        if not directory.is_dir():
            print(f"error: {directory}: not a directory", file=sys.stderr)
            return 2
        try:
            records = load(directory)
            for rec in records:
                places(rec)
                acts(rec)
        except (GoldError, KeyError, ValueError) as exc:
            print(f"error: {directory}: {exc}", file=sys.stderr)
            return 2
        if not records:
            print(f"error: {directory}: no *.txt records", file=sys.stderr)
            return 2
        print(report(score(records), str(directory), errors=args.errors))
        print()
    return 0


__all__ = ["FIELDS", "GoldAct", "Scored", "acts", "main", "places", "report", "score"]

if __name__ == "__main__":
    raise SystemExit(main())
