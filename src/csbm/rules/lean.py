"""The lean of an open finding: which outcome the evidence favours, how likely, and the
facts it hinges on (docs/lean.md).

A headline duty has one shape: it is owed when every trigger fact holds (in the zone,
under a single operational command, figures at a threshold) and no exemption does (a short
alert activity); it is kept when every duty fact holds (the act made in time). Each fact
is a `Factor` with the probability that it holds, worked out from the graded evidence or
from a presumption. The chance of each outcome is summed over every combination of the
facts, taken as independent; the lean is the likeliest outcome, none when the two likeliest
are within `BALANCE` of each other. A hinge is a fact that, once known, would settle the
finding another way than the lean.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from csbm.evidence.weighing import likelihood_words
from csbm.model.finding import Hinge, Lean, Likelihood, Outcome, PresumptionUse

BALANCE = 0.05
_CERTAIN = 1 - 1e-9


@dataclass(frozen=True)
class Factor:
    """A fact a finding depends on, with the probability that it holds."""

    fact: str  # stable id: "single_operational_command", "figures", "notification", ...
    label: str  # in words: "single operational command"
    p: float | None  # None: unknown, and nothing (or --strict) gives a reading
    yes: str  # the fact holding, in words: "true", "made in time"
    no: str  # the fact failing: "false", "not made in time"
    basis: str  # how p was worked out, for the finding's account
    presumptions: tuple[PresumptionUse, ...] = ()
    short: str = ""  # the fact as the headline quotes it: "no notification, per LSM"

    @property
    def settled(self) -> bool:
        return self.p is not None and (self.p <= 0 or self.p >= 1)

    @property
    def presumed(self) -> bool:
        return bool(self.presumptions)


def certain(fact: str, label: str, holds: bool, basis: str = "") -> Factor:
    return Factor(fact, label, 1.0 if holds else 0.0, "true", "false", basis)


@dataclass(frozen=True)
class Shape:
    """Which facts trigger the duty, which exempt from it, which keep it."""

    triggers: Sequence[Factor]
    duties: Sequence[Factor]
    exemptions: Sequence[Factor] = ()
    # What "not owed" is called for this duty: "not notifiable", "not observable", ...
    not_owed: str = "not applicable"

    @property
    def factors(self) -> list[Factor]:
        return [*self.triggers, *self.exemptions, *self.duties]

    def outcome(self, values: dict[str, bool]) -> Outcome:
        if not all(values[f.fact] for f in self.triggers):
            return Outcome.NOT_APPLICABLE
        if any(values[f.fact] for f in self.exemptions):
            return Outcome.NOT_APPLICABLE
        return (
            Outcome.COMPLIANT if all(values[f.fact] for f in self.duties) else Outcome.NON_COMPLIANT
        )


def chances(shape: Shape, fixed: dict[str, bool] | None = None) -> dict[Outcome, float] | None:
    """The probability of each outcome, summed over every combination of the open facts;
    None when an open fact has no probability."""
    fixed = fixed or {}
    open_facts: list[Factor] = []
    values: dict[str, bool] = {}
    for f in shape.factors:
        if f.fact in fixed:
            values[f.fact] = fixed[f.fact]
        elif f.p is not None and f.p >= _CERTAIN:
            values[f.fact] = True
        elif f.p is not None and f.p <= 1 - _CERTAIN:
            values[f.fact] = False
        elif f.p is None:
            return None
        else:
            open_facts.append(f)
    out = {o: 0.0 for o in (Outcome.COMPLIANT, Outcome.NON_COMPLIANT, Outcome.NOT_APPLICABLE)}
    for combo in itertools.product((True, False), repeat=len(open_facts)):
        weight = 1.0
        for f, v in zip(open_facts, combo, strict=True):
            assert f.p is not None
            weight *= f.p if v else 1 - f.p
        out[
            shape.outcome(values | {f.fact: v for f, v in zip(open_facts, combo, strict=True)})
        ] += weight
    return out


_LEAN = {
    Outcome.COMPLIANT: Lean.COMPLIANT,
    Outcome.NON_COMPLIANT: Lean.NON_COMPLIANT,
    Outcome.NOT_APPLICABLE: Lean.NOT_APPLICABLE,
}
_EFFECT = {Outcome.COMPLIANT: "kept", Outcome.NON_COMPLIANT: "not kept"}


@dataclass(frozen=True)
class Verdict:
    """What a finding carries beside its outcome."""

    lean: Lean | None
    likelihood: Likelihood | None
    hinges: list[Hinge]
    presumptions: list[PresumptionUse]
    basis: list[str] = field(default_factory=list)
    chances: dict[Outcome, float] | None = None
    summary: str | None = None  # the quotable reasons: facts, then what it hinges on


def _choose(found: dict[Outcome, float]) -> tuple[Lean, float]:
    ranked = sorted(found.items(), key=lambda kv: -kv[1])
    (top, p), (_, second) = ranked[0], ranked[1]
    if p - second < BALANCE:
        return Lean.NONE, p
    return _LEAN[top], p


def _effect(shape: Shape, outcome: Outcome) -> str:
    return shape.not_owed if outcome is Outcome.NOT_APPLICABLE else _EFFECT[outcome]


def _hinge(f: Factor, value: bool, effect: str) -> Hinge:
    flip = f.yes if value else f.no
    return Hinge(fact=f.fact, label=f.label, flip=flip, effect=effect, presumed=f.presumed)


def hinges(shape: Shape, lean: Lean | None, limit: int = 3) -> list[Hinge]:
    """The facts that, once known, would settle the finding otherwise than its lean (or,
    with no lean, settle it at all): the likeliest such value first."""
    found: list[tuple[float, int, Hinge]] = []
    for order, f in enumerate(shape.factors):
        if f.settled:
            continue
        for value in (True, False):
            result = chances(shape, {f.fact: value})
            if result is None:
                # Other facts are unknown too: say what this one would do with them held open.
                continue
            outcome, p = max(result.items(), key=lambda kv: kv[1])
            if lean is not None and _LEAN.get(outcome) is lean:
                continue
            plausible = 0.5 if f.p is None else (f.p if value else 1 - f.p)
            if p >= _CERTAIN:
                effect, rank = _effect(shape, outcome), 0
            else:
                # It would not settle the finding, but would turn its lean.
                turned, q = _choose(result)
                if turned is Lean.NONE or turned is lean:
                    continue
                effect, rank = f"{likelihood_words(q)} {_effect(shape, outcome)} ({q:.0%})", 1
            found.append((rank - plausible, order, _hinge(f, value, effect)))
    if not found and lean is None:
        # Several unknown facts settle it only together: name the open ones.
        for order, f in enumerate(shape.factors):
            if f.p is None:
                found.append(
                    (
                        -0.5,
                        order,
                        Hinge(
                            fact=f.fact,
                            label=f.label,
                            flip=f"{f.yes} or {f.no}",
                            effect="decisive",
                            presumed=False,
                        ),
                    )
                )
    if not found:
        # No single fact would settle or turn it: name those that would move it most.
        for order, f in enumerate(shape.factors):
            if f.settled or f.p is None:
                continue
            value = f.p < 0.5  # the value contrary to the fact's reading
            result = chances(shape, {f.fact: value})
            if result is None:
                continue
            outcome, q = max(result.items(), key=lambda kv: kv[1])
            effect = f"{likelihood_words(q)} {_effect(shape, outcome)} ({q:.0%})"
            found.append((2.0 + abs(f.p - 0.5), order, _hinge(f, value, effect)))
    found.sort(key=lambda t: (t[0], t[1]))
    # One hinge per fact: its most decisive value.
    best: dict[str, Hinge] = {}
    for _, _, h in found:
        best.setdefault(h.fact, h)
    return list(best.values())[:limit]


def verdict(shape: Shape) -> Verdict:
    """The lean, its likelihood and hinges, the presumptions used and the basis of each fact."""
    found = chances(shape)
    used = list(dict.fromkeys(u for f in shape.factors if not f.settled for u in f.presumptions))
    basis = [f"{f.label}: {f.basis}" for f in shape.factors if f.basis]
    if found is None:
        turns = hinges(shape, None)
        return Verdict(None, None, turns, used, basis, None, summary(shape, turns))
    lean, p = _choose(found)
    likelihood = Likelihood(probability=round(p, 3), words=likelihood_words(p))
    turns = hinges(shape, lean)
    return Verdict(lean, likelihood, turns, used, basis, found, summary(shape, turns))


def summary(shape: Shape, turns: Sequence[Hinge]) -> str:
    """The reasons a headline quotes: each fact in short, then the facts it hinges on."""
    parts = [f.short for f in shape.factors if f.short]
    if turns:
        parts.append(
            "hinges on: "
            + "; ".join(h.label + (" (presumed)" if h.presumed else "") for h in turns)
        )
    return "; ".join(parts)


__all__ = ["BALANCE", "Factor", "Shape", "Verdict", "certain", "chances", "hinges", "verdict"]
