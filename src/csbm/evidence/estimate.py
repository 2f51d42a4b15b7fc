"""Estimates per quantity and scenario, derived from the claims in a dossier."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from csbm.evidence.interval import INF, Interval
from csbm.model.dossier import Claim, Dossier, Quantity, Source, SourceKind
from csbm.model.finding import ParameterUse, Scenario

if TYPE_CHECKING:
    from csbm.evidence.weighing import Merge, Weighing

_OFFICIAL = {SourceKind.OFFICIAL_NOTIFICATION, SourceKind.OFFICIAL_CALENDAR}


def _own_states(dossier: Dossier) -> set[str]:
    return set(dossier.activity.conducting_states) | set(dossier.activity.host_states)


def speaks_for_activity(source: Source, dossier: Dossier) -> bool:
    """The source is an official document, a conducting or host State speaking, or the
    alliance or organisation that conducts the activity speaking for its own exercise
    (what it says is what the conducting States, its members there, say)."""
    if source.kind in _OFFICIAL:
        return True
    organisation = dossier.activity.conducting_organisation
    if organisation is not None and source.organisation == organisation:
        return True
    return source.state is not None and source.state in _own_states(dossier)


def is_declared(claim: Claim, dossier: Dossier) -> bool:
    """A figure is declared when a conducting or host State gives it: in an official
    document, through a source that speaks for it, or as its figure quoted elsewhere
    (`declared_by`). Everything else is an independent estimate."""
    if claim.declared_by is not None:
        return claim.declared_by in _own_states(dossier)
    return speaks_for_activity(dossier.source(claim.source), dossier)


def in_scenario(scenario: Scenario, claim: Claim, dossier: Dossier) -> bool:
    if scenario is Scenario.ALL:
        return True
    return is_declared(claim, dossier) == (scenario is Scenario.DECLARED)


def known_on(claim: Claim, source: Source) -> date | None:
    """When a claim became known: its own date, else its source's publication date."""
    return claim.stated or source.published


@dataclass(frozen=True)
class LeftOut:
    claim: str
    reason: str


@dataclass(frozen=True)
class Estimate:
    """What the claims of one scenario allow for one quantity of the whole activity."""

    quantity: Quantity
    interval: Interval
    claims: tuple[str, ...]

    def as_json(self) -> dict[str, object]:
        return {**self.interval.as_json(), "claims": list(self.claims)}


@dataclass
class Estimates:
    scenario: Scenario
    by_quantity: dict[Quantity, Estimate] = field(default_factory=dict)
    left_out: list[LeftOut] = field(default_factory=list)
    method: ParameterUse | None = None
    # Declared sources that speak about the activity but give no figure ("below the threshold").
    without_figures: list[str] = field(default_factory=list)
    # Which national contingents were summed into a figure for the whole activity.
    summed: list[str] = field(default_factory=list)
    # Claims bounded by "the thresholds": the threshold each stands for (claim id -> T).
    bounds: dict[str, float] = field(default_factory=dict)
    # Filled in by the weighing step (csbm.evidence.weighing), per quantity.
    weighing: dict[Quantity, Weighing] = field(default_factory=dict)
    merges: list[Merge] = field(default_factory=list)

    def get(self, quantity: Quantity) -> Estimate | None:
        return self.by_quantity.get(quantity)

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {q.value: e.as_json() for q, e in self.by_quantity.items()}
        if self.left_out:
            out["left_out"] = [{"claim": x.claim, "reason": x.reason} for x in self.left_out]
        if self.summed:
            out["summed"] = self.summed
        if self.weighing:
            out["weighing"] = {q.value: w.as_json() for q, w in self.weighing.items()}
        if self.merges:
            out["merged_copies"] = [
                {"kept": m.kept, "merged": list(m.merged), "reason": m.reason} for m in self.merges
            ]
        if self.without_figures:
            out["sources_without_figures"] = self.without_figures
        if self.method is not None:
            out["method"] = self.method.model_dump(mode="json")
        return out


def _add(result: Estimates, quantity: Quantity, interval: Interval, ids: tuple[str, ...]) -> None:
    held = result.by_quantity.get(quantity)
    if held is None:
        result.by_quantity[quantity] = Estimate(quantity, interval, ids)
    else:
        result.by_quantity[quantity] = Estimate(
            quantity, held.interval.hull(interval), (*held.claims, *ids)
        )


def _sum_contingents(
    result: Estimates,
    dossier: Dossier,
    quantity: Quantity,
    per_state: dict[str, list[tuple[str, Interval]]],
) -> None:
    """Sum national contingents, which are disjoint parts of the activity.

    When every conducting State's contingent has a figure, the sum is a figure for the
    whole activity. When some are missing, the sum is only a floor; it is used as one
    ([sum, ∞)) only when no figure for the whole activity exists.
    """
    ids: list[str] = []
    low = high = 0.0
    for claims in per_state.values():
        hull = claims[0][1]
        for _, interval in claims[1:]:
            hull = hull.hull(interval)
        low += hull.low
        high += hull.high
        ids.extend(cid for cid, _ in claims)
    states = sorted(per_state)
    missing = sorted(set(dossier.activity.conducting_states) - set(states))
    parts = " + ".join(f"{s} contingent" for s in states)
    if not missing:
        _add(result, quantity, Interval(low, high), tuple(ids))
        result.summed.append(f"{quantity.value}: {parts} summed for the whole activity")
    elif quantity not in result.by_quantity:
        _add(result, quantity, Interval(low, INF), tuple(ids))
        result.summed.append(
            f"{quantity.value}: {parts} summed as a floor (no figure for {', '.join(missing)})"
        )
    else:
        result.left_out.extend(
            LeftOut(
                cid,
                f"part of a partial sum ({parts}; no figure for {', '.join(missing)}); "
                "figures for the whole activity are used instead",
            )
            for cid in ids
        )


def estimate(
    dossier: Dossier,
    scenario: Scenario,
    margin: ParameterUse,
    as_of: date | None = None,
    threshold_of: Callable[[Claim], float | None] | None = None,
) -> Estimates:
    """Per quantity, the hull of the intervals of the scenario's whole-activity claims.

    The hull is deliberately wide: when sources disagree, a threshold that falls
    between them is reported as indeterminate rather than silently resolved.

    A claim bounded by "the thresholds" (`bound.thresholds`) needs `threshold_of` to say
    which figure that is under the ruleset in force; without one it is left out.
    """
    result = Estimates(scenario, method=margin)
    if not isinstance(margin.value, float | int) or isinstance(margin.value, bool):
        raise ValueError(f"{margin.path} must be a number, not {margin.value!r}")
    ratio = float(margin.value)
    # National contingents are disjoint parts: collected here, summed below.
    contingents: dict[Quantity, dict[str, list[tuple[str, Interval]]]] = {}
    for index, claim in enumerate(dossier.claims):
        cid = dossier.claim_id(index)
        source = dossier.source(claim.source)
        if not in_scenario(scenario, claim, dossier):
            continue
        if as_of is not None:
            known = known_on(claim, source)
            if known is None:
                result.left_out.append(LeftOut(cid, "undated, so not known to be known by then"))
                continue
            if known > as_of:
                result.left_out.append(LeftOut(cid, f"known on {known}, after the as-of date"))
                continue
        below = None
        if claim.bound is not None and claim.bound.thresholds is not None:
            below = threshold_of(claim) if threshold_of is not None else None
            if below is None:
                result.left_out.append(
                    LeftOut(
                        cid,
                        f"bounded by the {claim.bound.thresholds} thresholds, which give no "
                        f"figure for {claim.quantity.value} here",
                    )
                )
                continue
            result.bounds[cid] = below
        interval = Interval.from_claim(claim, ratio, below)
        if claim.scope is not None and claim.contingent is not None:
            per = contingents.setdefault(claim.quantity, {})
            per.setdefault(claim.contingent, []).append((cid, interval))
            continue
        if claim.scope is not None:
            result.left_out.append(
                LeftOut(
                    cid,
                    f"covers only part of the activity ({claim.scope}), not a "
                    "national contingent, so it cannot be summed with other parts",
                )
            )
            continue
        _add(result, claim.quantity, interval, (cid,))
    for quantity, per_state in contingents.items():
        _sum_contingents(result, dossier, quantity, per_state)
    if scenario is Scenario.DECLARED:
        with_claims = {c.source for c in dossier.claims}
        result.without_figures = [
            s.id
            for s in dossier.sources
            if speaks_for_activity(s, dossier)
            and s.id not in with_claims
            and (as_of is None or (s.published is not None and s.published <= as_of))
        ]
    return result
