"""Assessing activities: estimates per scenario, then every rule, into one result per activity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from csbm.errors import UsageError
from csbm.evidence.estimate import Estimates, estimate
from csbm.evidence.weighing import grade_claims, weigh
from csbm.model.dossier import Act, ActivityKind, Dossier, Quantity, SourceKind, latest_day
from csbm.model.finding import Citation, Finding, Outcome, ParameterUse, Scenario
from csbm.rules._common import bound_thresholds
from csbm.rules.engine import Context, ParameterView, Peer, Ruleset, load_ruleset, rules
from csbm.rules.overlay import Overlay

if TYPE_CHECKING:
    from csbm.rules.assumption import Assumptions


@dataclass
class ScenarioResult:
    estimates: Estimates
    findings: list[Finding]

    def as_json(self) -> dict[str, Any]:
        return {
            "estimates": self.estimates.as_json(),
            "findings": [f.model_dump(mode="json") for f in self.findings],
        }

    def finding(self, rule_id: str) -> Finding:
        """The first finding of a rule (rules with subjects may give several)."""
        for f in self.findings:
            if f.rule == rule_id:
                return f
        raise KeyError(rule_id)


@dataclass(frozen=True)
class Change:
    """A finding whose outcome differs between the baseline and the what-if."""

    scenario: Scenario
    rule: str
    subject: str | None
    baseline: Finding | None
    what_if: Finding | None

    def as_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario.value,
            "rule": self.rule,
            "subject": self.subject,
            "baseline_outcome": self.baseline.outcome.value if self.baseline else None,
            "overlay_outcome": self.what_if.outcome.value if self.what_if else None,
            "why": self.what_if.reason if self.what_if else None,
            "baseline_reason": self.baseline.reason if self.baseline else None,
        }


@dataclass
class Assessment:
    """Everything csbm concludes about one activity."""

    dossier: Dossier
    ruleset: Ruleset | None
    as_of: date | None
    scenarios: dict[Scenario, ScenarioResult]
    acts_left_out: list[str] = field(default_factory=list)
    # Set when judged under what-if overlays: the result without them.
    overlays: list[Overlay] = field(default_factory=list)
    baseline: Assessment | None = None

    def changes(self) -> list[Change]:
        """Findings whose outcome the overlays changed, per scenario."""
        if self.baseline is None:
            return []
        out = []
        for scenario, result in self.scenarios.items():
            before = {(f.rule, f.subject): f for f in self.baseline.scenarios[scenario].findings}
            after = {(f.rule, f.subject): f for f in result.findings}
            for key in list(dict.fromkeys([*before, *after])):
                b, a = before.get(key), after.get(key)
                if b is None or a is None or (b.outcome, b.applies) != (a.outcome, a.applies):
                    out.append(Change(scenario, key[0], key[1], b, a))
        return out

    def as_json(self) -> dict[str, Any]:
        a = self.dossier.activity
        return {
            "activity": a.model_dump(mode="json", exclude={"locations", "notes"})
            | {"locations": [loc.model_dump(mode="json") for loc in a.locations]},
            "ruleset": self.ruleset.as_json() if self.ruleset else None,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "acts_left_out": self.acts_left_out,
            "scenarios": {s.value: r.as_json() for s, r in self.scenarios.items()},
        } | self._what_if_json()

    def _what_if_json(self) -> dict[str, Any]:
        if self.baseline is None:
            return {}
        return {
            "overlays": [o.as_json() for o in self.overlays],
            "baseline": {
                "scenarios": {s.value: r.as_json() for s, r in self.baseline.scenarios.items()}
            },
            "changes": [c.as_json() for c in self.changes()],
        }


def parse_scenarios(names: Sequence[str] | None) -> list[Scenario]:
    if not names:
        return list(Scenario)
    try:
        return [Scenario(n) for n in names]
    except ValueError:
        known = ", ".join(s.value for s in Scenario)
        raise UsageError(f"unknown scenario in {list(names)}; use one of {known}") from None


def _known_acts(dossier: Dossier, as_of: date | None) -> tuple[list[Act], list[str]]:
    if as_of is None:
        return list(dossier.acts), []
    kept, left = [], []
    for i, act in enumerate(dossier.acts):
        # The same reading as the store's act_known_from: a month or a year is known by its
        # last day.
        known = (
            latest_day(act.date)
            if act.made and act.date is not None
            else (dossier.source(act.source).published)
        )
        if known is not None and known <= as_of:
            kept.append(act)
        else:
            left.append(act.id or f"acts[{i}]")
    return kept, left


_SOURCE_KINDS = [k.value for k in SourceKind]


def _weigh_all(
    dossier: Dossier,
    per_scenario: dict[Scenario, Estimates],
    params: ParameterView,
    as_of: date | None,
) -> None:
    """Grade the claims, merge syndicated copies and weigh each quantity's thresholds."""
    defaults = {
        f"{axis}.{kind}": params.use(f"evidence.default_{axis}.{kind}")
        for axis in ("reliability", "credibility")
        for kind in _SOURCE_KINDS
    }
    margin = params.number("evidence.approx_margin")
    prior = params.number("evidence.prior_weight")
    chapter_paths = _weighed_thresholds(dossier)
    graded = {s: grade_claims(dossier, s, est, defaults, margin) for s, est in per_scenario.items()}
    declared = graded.get(Scenario.DECLARED)
    if declared is None:
        declared = grade_claims(
            dossier,
            Scenario.DECLARED,
            estimate(
                dossier,
                Scenario.DECLARED,
                params.use("evidence.approx_margin"),
                as_of,
                bound_thresholds(dossier, params),
            ),
            defaults,
            margin,
        )
    for s, est in per_scenario.items():
        kept, merges = graded[s]
        est.merges = merges
        noun = {Scenario.DECLARED: "declared figure", Scenario.INDEPENDENT: "independent source"}
        for quantity in est.by_quantity:
            paths = chapter_paths.get(quantity, [])
            thresholds = [params.use(p) for p in paths]
            strict = [params.ruleset.parameters[p].comparator == ">" for p in paths]
            est.weighing[quantity] = weigh(
                quantity,
                kept,
                thresholds,
                prior,
                declared_elsewhere=declared[0] if s is Scenario.INDEPENDENT else (),
                noun=noun.get(s, "source"),
                strict=strict,
            )


def _weighed_thresholds(dossier: Dossier) -> dict[Quantity, list[str]]:
    """The thresholds worth weighing for the activity's kind (notification, observation,
    large activity)."""
    if dossier.activity.kind in {ActivityKind.AMPHIBIOUS_LANDING, ActivityKind.PARACHUTE_ASSAULT}:
        return {
            Quantity.TROOPS: [
                "ch05.amphibious_parachute.troops",
                "ch06.amphibious_parachute.troops",
            ]
        }
    return {
        Quantity.TROOPS: ["ch05.land.troops", "ch06.land.troops", "ch08.large.troops"],
        Quantity.TANKS: ["ch05.land.tanks", "ch06.land.tanks", "ch08.large.tanks"],
        Quantity.ACV: ["ch05.land.acv", "ch06.land.acv", "ch08.large.acv"],
        Quantity.ARTILLERY: ["ch05.land.artillery", "ch06.land.artillery", "ch08.large.artillery"],
    }


def _no_ruleset(dossier: Dossier, scenario: Scenario) -> ScenarioResult:
    findings = [
        Finding(
            rule=spec.id,
            applies=False,
            outcome=Outcome.NOT_APPLICABLE,
            reason=(
                f"No encoded ruleset was in force on {dossier.activity.start}; "
                f"this rule applies from {spec.since}."
            ),
            citations=list(spec.citations),
        )
        for spec in rules()
    ]
    return ScenarioResult(Estimates(scenario), findings)


def assess(
    dossiers: Sequence[Dossier],
    *,
    ruleset: str | None = None,
    as_of: date | None = None,
    scenarios: Sequence[Scenario] | None = None,
    overlays: Sequence[Overlay] = (),
    strict: bool = False,
    assume: Sequence[str] = (),
    context: Sequence[Dossier] = (),
) -> list[Assessment]:
    """Assess each dossier under the rules in force on its start date (or `ruleset`).

    Rules that count a State's activities (Chapter VIII) see the whole set given. With
    `overlays`, each result is judged under the overlaid parameters and carries the
    baseline result and the findings that changed. Open findings carry a lean
    (docs/lean.md); `strict` leaves out every presumption. `assume` takes facts as given
    (FACT=VALUE, docs/lean.md#assuming-a-fact): every finding is then conditional on them.
    `context` are further activities of the record (the rest of a database): counted by the
    rules over a set (Chapter VIII), never judged or returned themselves.
    """
    given = None
    if assume:
        from csbm.rules.assumption import parse_assumptions

        given = parse_assumptions(assume)
        dossiers = [given.apply(d) for d in dossiers]
    judged = {d.activity.id for d in dossiers}
    options = _Options(
        strict, tuple(assume), given, [d for d in context if d.activity.id not in judged]
    )
    results = _assess(dossiers, ruleset, as_of, scenarios, (), options)
    if not overlays:
        return results
    changed = _assess(dossiers, ruleset, as_of, scenarios, overlays, options)
    for base, what_if in zip(results, changed, strict=True):
        what_if.overlays = list(overlays)
        what_if.baseline = base
    return changed


@dataclass(frozen=True)
class _Options:
    strict: bool = False
    assumed: tuple[str, ...] = ()
    given: Assumptions | None = None
    context: Sequence[Dossier] = ()


def estimates_for(
    dossiers: Sequence[Dossier], scenario: Scenario
) -> list[tuple[Dossier, Estimates]]:
    """Each dossier with its weighed estimates under one scenario (under its own ruleset)."""
    out = []
    for dossier in dossiers:
        rs = load_ruleset(on=dossier.activity.start)
        if rs is None:
            continue
        view = ParameterView(rs, rs.lookup_date(dossier.activity.start))
        out.append((dossier, _weighed(dossier, view, [scenario], None)[scenario]))
    return out


def _weighed(
    dossier: Dossier, view: ParameterView, scenarios: Sequence[Scenario], as_of: date | None
) -> dict[Scenario, Estimates]:
    """The dossier's estimates per scenario, weighed (grades, copies, weight of evidence)."""
    margin = view.use("evidence.approx_margin")
    bounds = bound_thresholds(dossier, view)
    per_scenario = {s: estimate(dossier, s, margin, as_of, bounds) for s in scenarios}
    _weigh_all(dossier, per_scenario, view, as_of)
    return per_scenario


def _assess(
    dossiers: Sequence[Dossier],
    ruleset: str | None,
    as_of: date | None,
    scenarios: Sequence[Scenario] | None,
    overlays: Sequence[Overlay],
    options: _Options = _Options(),
) -> list[Assessment]:
    chosen = list(scenarios or Scenario)
    results: list[Assessment] = []
    fixed = load_ruleset(ruleset) if ruleset else None
    # Parameter look-ups per ruleset and date, shared by every rule call.
    lookups: dict[tuple[str, date], dict[str, ParameterUse]] = {}
    # Estimates of every activity per scenario, shared by the set rules.
    peers: dict[Scenario, list[Peer]] = {s: [] for s in chosen}
    memos: dict[tuple[Scenario, str], dict[object, object]] = {}
    prepared: list[tuple[Dossier, Ruleset | None, date, dict[Scenario, Estimates]]] = []
    for dossier in [*dossiers, *options.context]:
        rs = fixed or load_ruleset(on=dossier.activity.start)
        when = rs.lookup_date(dossier.activity.start) if rs else dossier.activity.start
        if rs is None:
            per_scenario = {s: Estimates(s) for s in chosen}
        else:
            view = ParameterView(rs, when, overlays, lookups.setdefault((rs.id, when), {}))
            per_scenario = _weighed(dossier, view, chosen, as_of)
            if options.given is not None and len(prepared) < len(dossiers):
                for est in per_scenario.values():
                    options.given.apply_to_estimates(est)
        for s in chosen:
            peers[s].append(Peer(dossier, per_scenario[s]))
        prepared.append((dossier, rs, when, per_scenario))
    presume = None
    if not options.strict:
        from csbm.rules.presumption import presumptions_for

        own = [(p.dossier, p.estimates) for p in peers.get(Scenario.ALL, [])]
        presume = presumptions_for(own)
    for dossier, rs, when, per_scenario in prepared[: len(dossiers)]:
        acts, left = _known_acts(dossier, as_of)
        out: dict[Scenario, ScenarioResult] = {}
        for s in chosen:
            if rs is None:
                out[s] = _no_ruleset(dossier, s)
                continue
            findings: list[Finding] = []
            for spec in rules():
                if spec.needs == "state_year":
                    continue  # judged over a State-year record (csbm quota), not an activity
                params = ParameterView(rs, when, overlays, lookups.setdefault((rs.id, when), {}))
                if not spec.in_force_on(when):
                    findings.append(
                        Finding(
                            rule=spec.id,
                            applies=False,
                            outcome=Outcome.NOT_APPLICABLE,
                            reason=f"Rule not in force on {when} (in force from {spec.since}).",
                            citations=spec.citations_under(rs),
                        )
                    )
                    continue
                memo = memos.setdefault((s, rs.id), {})
                ctx = Context(
                    spec,
                    dossier,
                    s,
                    per_scenario[s],
                    acts,
                    params,
                    as_of,
                    peers[s],
                    memo,
                    presume,
                    options.assumed,
                )
                findings.extend(spec.func(ctx))
            out[s] = ScenarioResult(per_scenario[s], findings)
        results.append(Assessment(dossier, rs, as_of, out, left))
    return results


def citations_of(findings: Sequence[Finding]) -> list[Citation]:
    seen: dict[str, Citation] = {}
    for f in findings:
        for c in f.citations:
            seen.setdefault(c.label(), c)
    return list(seen.values())
