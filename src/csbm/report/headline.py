"""The headline: one line per obligation that a reader can quote (docs/lean.md#the-headline).

"Prior notification: very likely not kept (85%), indeterminate (notification by BLR: not
made (per ...); hinges on: single operational command, presumed)". Scope facts (in the zone,
participating State) are not obligations and are listed apart as scope, never counted as
verdicts.
"""

from __future__ import annotations

from dataclasses import dataclass

from csbm.model.finding import Finding, Lean, Outcome, Scenario
from csbm.report.view import HEADLINE_RULES
from csbm.rules.assess import Assessment

# The obligations a headline answers (csbm.report.view.HEADLINE_RULES, in the order a
# reader asks about them), each with its title as a line opens.
_TITLE = {
    "ch05.prior_notification": "Prior notification",
    "ch06.observation_invitation": "Observation",
    "ch07.annual_calendar": "Annual calendar",
    "ch08.large_activity_communication": "Large-activity communication",
}
OBLIGATIONS = tuple((rule, _TITLE[rule]) for rule, _ in HEADLINE_RULES)
# Findings about the activity's scope rather than a duty.
SCOPE_RULES = ("zone.in_zone", "general.participating_states")

_WORDS = {
    Outcome.COMPLIANT: "kept",
    Outcome.NON_COMPLIANT: "not kept",
    Outcome.NOT_APPLICABLE: "not owed",
}
_LEAN_WORDS = {
    Lean.COMPLIANT: "kept",
    Lean.NON_COMPLIANT: "not kept",
    Lean.NOT_APPLICABLE: "not owed",
}


@dataclass(frozen=True)
class Line:
    rule: str
    title: str
    verdict: str  # "very likely not kept (85%), indeterminate"
    reasons: str  # what it rests on
    outcome: Outcome
    lean: Lean | None
    probability: float | None

    def text(self) -> str:
        return f"{self.title}: {self.verdict}" + (f" ({self.reasons})" if self.reasons else "")

    def as_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "title": self.title,
            "verdict": self.verdict,
            "reasons": self.reasons,
            "outcome": self.outcome.value,
            "lean": self.lean.value if self.lean else None,
            "probability": self.probability,
            "text": self.text(),
        }


def verdict_words(f: Finding) -> str:
    """The outcome as a reader says it; for an open finding, the lean beside the outcome."""
    if f.outcome in _WORDS:
        return _WORDS[f.outcome]
    state = f.outcome.value
    if f.lean is None or f.likelihood is None:
        return f"open ({state}, no lean: see what it hinges on)"
    if f.lean is Lean.NONE:
        return f"balanced, {state} (no outcome above {f.likelihood.probability:.0%})"
    return f"{f.likelihood.words} {_LEAN_WORDS[f.lean]} ({f.likelihood.probability:.0%}), {state}"


def _short_reason(f: Finding) -> str:
    if f.summary:
        return f.summary
    # No verdict account (settled by the zone or the figures alone): the reason, shortened.
    reason = f.reason.rstrip(".")
    return reason if len(reason) <= 160 else reason[:157].rsplit(" ", 1)[0] + "…"


def line(f: Finding, title: str) -> Line:
    return Line(
        f.rule,
        title,
        verdict_words(f),
        _short_reason(f),
        f.outcome,
        f.lean,
        f.likelihood.probability if f.likelihood else None,
    )


def headline(a: Assessment, scenario: Scenario) -> list[Line]:
    """One line per obligation, for one scenario."""
    result = a.scenarios.get(scenario)
    if result is None:
        return []
    by_rule = {f.rule: f for f in reversed(result.findings)}
    return [line(by_rule[r], t) for r, t in OBLIGATIONS if r in by_rule]


def headline_scenario(a: Assessment) -> Scenario:
    """The scenario the headline reads: all the evidence when it was assessed, else the first."""
    return Scenario.ALL if Scenario.ALL in a.scenarios else next(iter(a.scenarios))


def scope(a: Assessment, scenario: Scenario) -> list[str]:
    """The scope facts, as facts: "in the zone: ...", not as compliant verdicts."""
    result = a.scenarios.get(scenario)
    if result is None:
        return []
    out = []
    for f in result.findings:
        if f.rule in SCOPE_RULES:
            out.append(f.reason.rstrip("."))
    return out


def sources_behind(a: Assessment, scenario: Scenario) -> list[str]:
    """The ids of the sources the headline rests on: the claims of its findings, then the
    acts the duties looked at."""
    result = a.scenarios.get(scenario)
    if result is None:
        return []
    rules = {r for r, _ in OBLIGATIONS}
    ids = {a.dossier.claim_id(i): c.source for i, c in enumerate(a.dossier.claims)}
    out: list[str] = []
    for f in result.findings:
        if f.rule in rules:
            out += [ids[c] for c in f.claims if c in ids]
    out += [act.source for act in a.dossier.acts]
    return list(dict.fromkeys(out))


def headline_json(a: Assessment) -> dict[str, object]:
    s = headline_scenario(a)
    return {
        "scenario": s.value,
        "lines": [x.as_json() for x in headline(a, s)],
        "scope": scope(a, s),
    }


__all__ = [
    "OBLIGATIONS",
    "Line",
    "headline",
    "headline_json",
    "headline_scenario",
    "line",
    "scope",
    "sources_behind",
    "verdict_words",
]
