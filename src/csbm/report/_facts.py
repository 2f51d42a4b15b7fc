"""Text pieces shared by the renderers, so terminal and Markdown say the same things."""

from __future__ import annotations

from csbm.evidence.estimate import is_declared
from csbm.evidence.interval import Interval
from csbm.model.dossier import Claim, Dossier, Qualifier, Quantity
from csbm.model.finding import Deadline, Finding, ParameterUse, Scenario
from csbm.rules.assess import Assessment

SCENARIO_LABEL = {
    Scenario.DECLARED: "declared",
    Scenario.INDEPENDENT: "independent",
    Scenario.ALL: "all evidence",
}


def headline(a: Assessment) -> str:
    act = a.dossier.activity
    kind = act.kind.value.replace("_", " ")
    return (
        f"{act.name} ({act.id}): {kind}, {', '.join(act.conducting_states)} in "
        f"{', '.join(act.host_states)}, {act.start} to {act.end}"
    )


def ruleset_line(a: Assessment) -> str:
    if a.ruleset is None:
        return "Ruleset: none encoded for this date"
    i = a.ruleset.instrument
    return f"Ruleset: {i.id} ({i.symbol}), {a.ruleset.chosen}"


def knowledge_line(a: Assessment) -> str:
    if a.as_of is None:
        return "Evidence: everything on record"
    return f"Evidence: only what was known on {a.as_of}"


def unknowns(a: Assessment) -> list[str]:
    act = a.dossier.activity
    out = []
    if act.single_operational_command is None:
        out.append("single operational command: unknown")
    if act.alert is None:
        out.append("alert activity: unknown")
    return out


def figure(claim: Claim) -> str:
    if claim.bound is not None:
        return claim.bound.text()
    if claim.value is None:
        return f"{claim.low:,}–{claim.high:,}"
    words = {
        Qualifier.EXACT: "",
        Qualifier.APPROX: "about ",
        Qualifier.AT_LEAST: "at least ",
        Qualifier.AT_MOST: "at most ",
        Qualifier.UP_TO: "up to ",
    }
    return f"{words[claim.qualifier]}{claim.value:,}"


def claim_rows(dossier: Dossier, grades: dict[str, str] | None = None) -> list[tuple[str, ...]]:
    """One row per claim: id, quantity, figure, scope, who, when, grade, scenario, link.

    `grades` gives the grades the weighing used (defaults filled in); a grade that came from
    the defaults is marked with '*'.
    """
    rows: list[tuple[str, ...]] = []
    for i, claim in enumerate(dossier.claims):
        s = dossier.source(claim.source)
        grade = f"{s.reliability or '?'}{claim.credibility or '?'}"
        used = (grades or {}).get(dossier.claim_id(i))
        if used is not None and used != grade:
            grade = used + "*"
        side = "declared" if is_declared(claim, dossier) else "independent"
        who = s.publisher + (f" ({s.author})" if s.author else "")
        rows.append(
            (
                dossier.claim_id(i),
                claim.quantity.value,
                figure(claim),
                claim.scope or "whole activity",
                who,
                str(claim.stated or s.published or "undated"),
                grade,
                side,
                s.url or s.symbol or "",
            )
        )
    return rows


def estimate_text(interval: Interval | None) -> str:
    return "—" if interval is None else interval.render()


def deadline_text(d: Deadline | None) -> str:
    if d is None:
        return ""
    due = f"due {d.due}" if d.due is not None else "no dated deadline"
    met = {True: "met", False: "missed", None: "not known if met"}[d.met]
    done = f", done {d.done}" if d.done is not None else ""
    return f"{due}: {met}{done}"


def value_text(p: ParameterUse) -> str:
    if isinstance(p.value, int) and not isinstance(p.value, bool):
        return f"{p.value:,}"
    return "unknown" if p.value is None else str(p.value)


def parameters_used(a: Assessment) -> list[ParameterUse]:
    """Every parameter any finding used, once, in path order."""
    seen: dict[str, ParameterUse] = {}
    for result in a.scenarios.values():
        for f in result.findings:
            for p in f.parameters:
                seen.setdefault(p.path, p)
        if result.estimates.method is not None:
            seen.setdefault(result.estimates.method.path, result.estimates.method)
    return [seen[k] for k in sorted(seen)]


def assumptions(a: Assessment) -> list[str]:
    seen: dict[str, None] = {}
    for result in a.scenarios.values():
        for f in result.findings:
            for x in f.assumptions:
                seen.setdefault(x, None)
    return list(seen)


def parameter_text(p: ParameterUse) -> str:
    value = value_text(p)
    return f"{p.path} = {value} (since {p.since}, confidence {p.confidence}, {p.citation.label()})"


def rule_ids(a: Assessment) -> list[str]:
    seen: dict[str, None] = {}
    for result in a.scenarios.values():
        for f in result.findings:
            seen.setdefault(f.rule, None)
    return list(seen)


def findings_of(a: Assessment, rule_id: str) -> list[tuple[str, Finding]]:
    """A rule's findings; scenarios that reached the same finding are shown once, together."""
    groups: dict[str, tuple[list[Scenario], Finding]] = {}
    for s, r in a.scenarios.items():
        for f in r.findings:
            if f.rule != rule_id:
                continue
            key = f.model_dump_json(exclude={"parameters", "citations", "assumptions"})
            groups.setdefault(key, ([], f))[0].append(s)
    return [
        (", ".join(SCENARIO_LABEL[s] for s in scenarios), f) for scenarios, f in groups.values()
    ]


def is_signal(rule_id: str) -> bool:
    return rule_id.startswith("signal.")


def outcome_word(f: Finding) -> str:
    """The outcome as shown: a signal is not a verdict, so it reads "fired" or "not fired"."""
    if is_signal(f.rule):
        return "fired" if f.applies else "not fired"
    return f.outcome.value


def summary_outcome(findings: list[Finding]) -> str:
    """One word for a rule's findings in one scenario (several subjects: the worst one)."""
    if findings and all(is_signal(f.rule) for f in findings):
        return "fired" if any(f.applies for f in findings) else "not fired"
    order = ["conflict", "non_compliant", "indeterminate", "compliant", "not_applicable"]
    return min((f.outcome.value for f in findings), key=order.index) if findings else "—"


def source_lines(dossier: Dossier) -> list[str]:
    """One line per source: id, who, when, grade, where to find it."""
    lines = []
    for s in dossier.sources:
        who = s.publisher + (f", {s.author}" if s.author else "")
        when = str(s.published) if s.published else "undated"
        speaks = f", speaks for {s.state}" if s.state else ""
        grade = f", reliability {s.reliability}" if s.reliability else ""
        lines.append(f"{s.id}: {who} ({s.kind.value}{speaks}{grade}), {when}, {s.url or s.symbol}")
    return lines


def estimate_cell(a: Assessment, scenario: Scenario, quantity: Quantity) -> str:
    """An estimate as shown in tables: the interval, and the best estimate when weighed."""
    result = a.scenarios[scenario]
    e = result.estimates.get(quantity)
    if e is None:
        return "—"
    w = result.estimates.weighing.get(quantity)
    best = f" (best {w.best:,.0f})" if w is not None and w.best is not None else ""
    return e.interval.render() + best


def weight_lines(a: Assessment) -> list[tuple[str, str]]:
    """(scenario label, statement) for every weighed threshold, scenarios grouped."""
    out = []
    for s, result in a.scenarios.items():
        for w in result.estimates.weighing.values():
            out += [(SCENARIO_LABEL[s], t.statement) for t in w.thresholds]
        for m in result.estimates.merges:
            out.append(
                (
                    SCENARIO_LABEL[s],
                    f"copies counted once: {', '.join(m.merged)} with {m.kept} ({m.reason})",
                )
            )
        for summed in result.estimates.summed:
            out.append((SCENARIO_LABEL[s], f"summed: {summed}"))
    return out


def grades_used(a: Assessment) -> dict[str, str]:
    """The grade each weighed claim carried, by claim id."""
    out: dict[str, str] = {}
    for result in a.scenarios.values():
        for w in result.estimates.weighing.values():
            for g in w.claims:
                out[g.claim_id] = g.grade
    return out


def lean_text(f: Finding) -> str:
    """The lean of an open finding in words, with what it hinges on and the presumptions
    it used (empty for a determinate finding)."""
    from csbm.report.headline import verdict_words

    out = []
    if f.lean is not None or f.hinges_on:
        out.append(f"Lean: {verdict_words(f)}.")
    if f.hinges_on:
        out.append("Hinges on: " + "; ".join(h.text() for h in f.hinges_on) + ".")
    for p in f.presumptions:
        if p.rebutted_by:
            out.append(f"Presumption {p.id} rebutted: {p.rebutted_by}.")
        else:
            out.append(f"Presumed ({p.id}, {p.confidence:.0%}; {p.citation}): {p.statement}")
    if f.conditional_on:
        out.append("Conditional on: " + ", ".join(f.conditional_on) + ".")
    return " ".join(out)
