"""Weighing the evidence: Admiralty grades, syndicated copies, a best estimate, and the
weight of evidence for each threshold in the estimative language of ICD 203.

The method (docs/weighing.md) is deterministic:

1. Every claim of the scenario gets a grade: the source's reliability (A-F) and the claim's
   credibility (1-6), from the dossier or, failing that, from the documented defaults per
   source kind (parameters evidence.default_reliability.* and evidence.default_credibility.*).
2. Syndicated copies count once: claims with the same originator (or the same quote) and
   the same figure are merged into the best-graded copy, and the merge is reported.
3. Each remaining claim weighs reliability weight x credibility weight (tables below) and
   says which share of its interval lies at or above the threshold (a whole interval above
   counts 1, below 0, a straddling one the share of whole numbers above; one open at either
   end, i.e. bounded only below or only above, that straddles abstains: it says the figure
   may lie on either side, not how likely each is, so it carries no weight for that
   threshold).
4. The score is the weighted mean of those shares, pulled towards an even chance by a
   prior worth `evidence.prior_weight` A1 sources, and is named with the ICD 203 band.
5. The best estimate is the weighted median of the claims' central figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from csbm.evidence.estimate import Estimates, in_scenario, is_declared
from csbm.evidence.interval import INF, Interval
from csbm.model.dossier import Claim, Dossier, Qualifier, Quantity
from csbm.model.finding import ParameterUse, Scenario

RELIABILITY_WEIGHT = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.3}
CREDIBILITY_WEIGHT = {1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.3}

# ICD 203 expressions of likelihood, with the upper bound of each band.
ICD_203 = [
    (0.05, "almost no chance"),
    (0.20, "very unlikely"),
    (0.45, "unlikely"),
    (0.55, "roughly even chance"),
    (0.80, "likely"),
    (0.95, "very likely"),
    (1.01, "almost certain"),
]


_LABELS = {Quantity.ACV: "ACV", Quantity.TANKS: "Battle tanks"}


def likelihood_words(p: float) -> str:
    for upper, words in ICD_203:
        if p < upper:
            return words
    return ICD_203[-1][1]


@dataclass(frozen=True)
class Graded:
    claim_id: str
    claim: Claim
    interval: Interval
    reliability: str
    credibility: int
    declared: bool

    @property
    def grade(self) -> str:
        return f"{self.reliability}{self.credibility}"

    @property
    def weight(self) -> float:
        return RELIABILITY_WEIGHT[self.reliability] * CREDIBILITY_WEIGHT[self.credibility]

    @property
    def central(self) -> float:
        c = self.claim
        if c.value is not None:
            return float(c.value)
        assert c.low is not None and c.high is not None
        return (c.low + c.high) / 2

    @property
    def upper_only(self) -> bool:
        """Does the claim bound the figure from above only ("up to", "at most", "fewer
        than")? Its low end of zero is then no figure but the absence of one."""
        c = self.claim
        return c.bound is not None or (
            c.value is not None and c.qualifier in (Qualifier.AT_MOST, Qualifier.UP_TO)
        )

    def abstains(self, threshold: float) -> bool:
        """Is the claim open at one end and on both sides of `threshold`? It then tells
        nothing about which side the figure is on, and carries no weight there."""
        open_ended = self.upper_only or self.interval.high == INF
        return open_ended and 0 < share_at_least(self.interval, threshold) < 1

    def share_at_least(self, threshold: float) -> float:
        share = share_at_least(self.interval, threshold)
        if self.upper_only and 0 < share < 1:
            return 0.5  # like an open-ended one: either side, and not how likely each is
        return share


def share_at_least(i: Interval, threshold: float) -> float:
    """Which share of an interval's whole numbers lies at or above `threshold` (one half
    for an open-ended interval that straddles it)."""
    if i.low >= threshold:
        return 1.0
    if i.high < threshold:
        return 0.0
    if i.high == INF:
        return 0.5
    return (i.high - threshold + 1) / (i.high - i.low + 1)


def weighted_probability(
    graded: Sequence[Graded],
    threshold: float,
    prior_weight: float,
    interval_of: Callable[[Graded], Interval | None] | None = None,
) -> float:
    """Step 4 of the method: the claims' weighted mean share at or above `threshold`,
    pulled towards an even chance by the prior. A claim open at one end that straddles the
    threshold abstains. `interval_of` reads some claims' intervals otherwise than the
    weighing does (a presumption of the lean; None: as weighed)."""
    total = prior_weight
    score = prior_weight * 0.5
    for g in graded:
        read = interval_of(g) if interval_of is not None else None
        if read is None:
            if g.abstains(threshold):
                continue
            share = g.share_at_least(threshold)
        else:
            share = share_at_least(read, threshold)
        total += g.weight
        score += g.weight * share
    return score / total


@dataclass(frozen=True)
class Merge:
    kept: str
    merged: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class ThresholdWeight:
    parameter: str
    threshold: float
    comparator: str
    probability: float
    words: str
    statement: str


@dataclass
class Weighing:
    quantity: Quantity
    best: float | None
    claims: list[Graded]
    thresholds: list[ThresholdWeight] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "best_estimate": self.best,
            "graded_claims": [
                {"claim": g.claim_id, "grade": g.grade, "weight": round(g.weight, 3)}
                for g in self.claims
            ],
            "weight_of_evidence": [
                {
                    "parameter": t.parameter,
                    "threshold": t.threshold,
                    "comparator": t.comparator,
                    "probability": round(t.probability, 3),
                    "likelihood": t.words,
                    "statement": t.statement,
                }
                for t in self.thresholds
            ],
        }


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").lower()).strip()


def _figure_key(c: Claim) -> tuple[object, ...]:
    return (c.quantity, c.value, c.low, c.high, c.qualifier)


def grade_claims(
    dossier: Dossier,
    scenario: Scenario,
    estimates: Estimates,
    defaults: dict[str, ParameterUse],
    margin: float,
) -> tuple[list[Graded], list[Merge]]:
    """The scenario's whole-activity claims with grades, syndicated copies merged."""
    used = {cid for e in estimates.by_quantity.values() for cid in e.claims}
    graded = []
    for index, claim in enumerate(dossier.claims):
        cid = dossier.claim_id(index)
        if cid not in used or not in_scenario(scenario, claim, dossier):
            continue
        source = dossier.source(claim.source)
        rel = source.reliability or str(defaults[f"reliability.{source.kind.value}"].value)
        cred_default = defaults[f"credibility.{source.kind.value}"].value
        cred = claim.credibility or int(cred_default)  # type: ignore[arg-type]
        if claim.scope is not None:
            continue  # summed contingents enter the interval, not the vote
        graded.append(
            Graded(
                cid,
                claim,
                Interval.from_claim(claim, margin, estimates.bounds.get(cid)),
                rel,
                cred,
                is_declared(claim, dossier),
            )
        )
    # Syndicated copies: the same originator's (or the same quoted) figure counts once.
    groups: dict[tuple[object, ...], list[Graded]] = {}
    for g in graded:
        origin = g.claim.originator or (_norm(g.claim.quote) and f"quote:{_norm(g.claim.quote)}")
        key = (origin or f"claim:{g.claim_id}", *_figure_key(g.claim))
        groups.setdefault(key, []).append(g)
    kept: list[Graded] = []
    merges: list[Merge] = []
    for key, members in groups.items():
        best = max(members, key=lambda g: g.weight)
        kept.append(best)
        if len(members) > 1:
            by = "same originator" if not str(key[0]).startswith("quote:") else "same quote"
            merges.append(
                Merge(
                    best.claim_id,
                    tuple(m.claim_id for m in members if m is not best),
                    f"{by} and figure: counted once",
                )
            )
    kept.sort(key=lambda g: g.claim_id)
    return kept, merges


def weighted_median(items: Sequence[tuple[float, float]]) -> float | None:
    """The value at which half the weight lies on either side (ties: the lower)."""
    if not items:
        return None
    ordered = sorted(items)
    total = sum(w for _, w in ordered)
    running = 0.0
    for value, w in ordered:
        running += w
        if running >= total / 2:
            return value
    return ordered[-1][0]


def weigh(
    quantity: Quantity,
    graded: Sequence[Graded],
    thresholds: Sequence[ParameterUse],
    prior_weight: float,
    declared_elsewhere: Sequence[Graded] = (),
    noun: str = "source",
    strict: Sequence[bool] = (),
) -> Weighing:
    """The weight of evidence that `quantity` is at or above each threshold."""
    mine = [g for g in graded if g.claim.quantity is quantity]
    # A bound ("fewer than 13,000") has no central figure: it weighs, but sets no median.
    figures = [(g.central, g.weight) for g in mine if g.claim.has_figure]
    result = Weighing(quantity, weighted_median(figures), mine)
    if not mine:
        return result  # the estimate rests on summed parts only: nothing to weigh claim by claim
    for n, t in enumerate(thresholds):
        if not isinstance(t.value, int | float) or isinstance(t.value, bool):
            continue  # unknown threshold, or no such criterion: nothing to weigh
        more_than = n < len(strict) and strict[n]
        # "More than T" is "at least T + 1" for whole numbers.
        threshold = float(t.value) + (1 if more_than else 0)
        p = weighted_probability(mine, threshold, prior_weight)
        words = likelihood_words(p)
        above = [g for g in mine if g.share_at_least(threshold) == 1.0]
        below = [g for g in mine if g.share_at_least(threshold) == 0.0]
        split = [g for g in mine if 0.0 < g.share_at_least(threshold) < 1.0]
        grades = sorted({g.grade for g in mine})
        parts = [f"{len(mine)} {noun}{'s' if len(mine) != 1 else ''}"]
        if grades:
            parts[0] += f" graded {grades[0]}" + (f"–{grades[-1]}" if len(grades) > 1 else "")
        parts.append(f"{len(above)} above, {len(below)} below, {len(split)} straddling")
        low_declared = [
            g
            for g in declared_elsewhere
            if g.claim.quantity is quantity and g.share_at_least(threshold) == 0.0
        ]
        if low_declared:
            parts.append(
                f"{len(low_declared)} declared figure{'s' if len(low_declared) != 1 else ''} below"
            )
        relation = f"above {float(t.value):,.0f}" if more_than else f"at or above {threshold:,.0f}"
        statement = (
            f"{_LABELS.get(quantity, quantity.value.replace('_', ' ').capitalize())} {relation}: "
            f"{words} ({'; '.join(parts)})"
        )
        result.thresholds.append(
            ThresholdWeight(t.path, float(t.value), ">" if more_than else ">=", p, words, statement)
        )
    return result


__all__ = [
    "CREDIBILITY_WEIGHT",
    "ICD_203",
    "RELIABILITY_WEIGHT",
    "Graded",
    "Merge",
    "ThresholdWeight",
    "Weighing",
    "grade_claims",
    "likelihood_words",
    "share_at_least",
    "weigh",
    "weighted_median",
    "weighted_probability",
]
