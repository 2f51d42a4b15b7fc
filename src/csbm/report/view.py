"""One activity's assessment as plain data, for the pages and documents that show it.

The web app's activity page, its JSON twin and the reader's report (HTML, PDF, Markdown)
all show the same things: the verdict per scenario, the findings with their citations and
parameters, the evidence, the official acts and deadlines on a timeline, the places. They
all read them from `activity_view`, so that a page and a report can never disagree.

Everything in the returned dict is JSON-ready (strings, numbers, booleans, None, lists and
dicts); dates are ISO strings. The keys are listed in `activity_view`'s docstring.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from csbm.evidence.estimate import is_declared
from csbm.model.dossier import Act, ActType, Dossier, PartialDate
from csbm.model.finding import Citation, Deadline, Finding, ParameterUse
from csbm.report import _facts
from csbm.rules.assess import Assessment
from csbm.rules.engine import RuleSpec, rules

# The rules a reader asks about first, in the order the one-line verdict names them.
HEADLINE_RULES: tuple[tuple[str, str], ...] = (
    ("ch05.prior_notification", "notification"),
    ("ch06.observation_invitation", "observation"),
    ("ch07.annual_calendar", "calendar"),
    ("ch08.large_activity_communication", "large-activity communication"),
)

# Worst first: the one-word summary of several findings is the first that occurs.
OUTCOME_ORDER = ("conflict", "non_compliant", "indeterminate", "compliant", "not_applicable")

ACT_LABEL = {
    ActType.NOTIFICATION: "Prior notification",
    ActType.CALENDAR_ENTRY: "Annual calendar entry",
    ActType.OBSERVATION_INVITATION: "Invitation to observe",
    ActType.LARGE_ACTIVITY_COMMUNICATION: "Large-activity communication",
    ActType.CHAPTER3_REQUEST: "Chapter III request for explanation",
    ActType.CHAPTER3_REPLY: "Chapter III reply",
    ActType.CHAPTER3_MEETING: "Chapter III meeting",
    ActType.INSPECTION: "Inspection (Chapter IX)",
    ActType.EVALUATION_VISIT: "Evaluation visit (Chapter IX)",
}

# What each rule's deadline is called on a timeline.
DEADLINE_LABEL = {
    "ch05.prior_notification": "Notification due",
    "ch06.observation_invitation": "Invitation due",
    "ch07.annual_calendar": "Calendar entry due",
    "ch08.large_activity_communication": "Large-activity communication due",
    "ch03.unusual_activity_reply": "Chapter III reply due",
    "ch03.meeting": "Chapter III meeting due",
}


def _iso(value: date | datetime | PartialDate | None) -> str | None:
    return value.isoformat() if value is not None else None


def _day(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def worst(outcomes: Sequence[str]) -> str | None:
    """The outcome a reader must see first among several (None when there are none)."""
    present = [o for o in OUTCOME_ORDER if o in outcomes]
    return present[0] if present else None


def citation_data(c: Citation) -> dict[str, Any]:
    return {
        "instrument": c.instrument,
        "symbol": c.symbol,
        "paragraph": c.paragraph,
        "level": c.level.value,
        "language": c.language,
        "sources": [s.model_dump(mode="json") for s in c.sources],
        "level_label": c.level_label(),
        "verified": c.verified,
        "label": c.label(),
    }


def parameter_data(p: ParameterUse) -> dict[str, Any]:
    return {
        "path": p.path,
        "value": p.value,
        "text": _facts.value_text(p),
        "since": p.since.isoformat(),
        "confidence": p.confidence,
        "citation": citation_data(p.citation),
    }


def _deadline_data(d: Deadline | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"due": _iso(d.due), "met": d.met, "done": _iso(d.done), "text": _facts.deadline_text(d)}


def _finding_data(
    scenario: str, label: str, f: Finding, specs: dict[str, RuleSpec]
) -> dict[str, Any]:
    spec = specs.get(f.rule)
    return {
        "scenario": scenario,
        "scenario_label": label,
        "rule": f.rule,
        "title": spec.title if spec else f.rule,
        # Docstrings wrap lines; a summary is one paragraph.
        "summary": " ".join(spec.summary.split()) if spec else "",
        "subject": f.subject,
        "outcome": f.outcome.value,
        "applies": f.applies,
        "reason": f.reason,
        "citations": [citation_data(c) for c in f.citations],
        "parameters": [parameter_data(p) for p in f.parameters],
        "claims": list(f.claims),
        "deadline": _deadline_data(f.deadline),
        "assumptions": list(f.assumptions),
        "lean": f.lean.value if f.lean else None,
        "likelihood": f.likelihood.model_dump(mode="json") if f.likelihood else None,
        "hinges_on": [h.model_dump(mode="json") for h in f.hinges_on],
        "presumptions": [p.model_dump(mode="json") for p in f.presumptions],
        "conditional_on": list(f.conditional_on),
        "basis": list(f.basis),
        "lean_text": _facts.lean_text(f),
    }


def _verdicts(a: Assessment) -> list[dict[str, Any]]:
    out = []
    for scenario, result in a.scenarios.items():
        outcomes: dict[str, str] = {}
        for rule_id in dict.fromkeys(f.rule for f in result.findings):
            found = worst([f.outcome.value for f in result.findings if f.rule == rule_id])
            if found is not None:
                outcomes[rule_id] = found
        words = [
            f"{name} {outcomes[rule_id].replace('_', ' ')}"
            for rule_id, name in HEADLINE_RULES
            if rule_id in outcomes
        ]
        label = _facts.SCENARIO_LABEL[scenario]
        out.append(
            {
                "scenario": scenario.value,
                "label": label,
                "line": f"{label}: " + ("; ".join(words) if words else "no rule applies"),
                "worst": worst(list(outcomes.values())),
                "outcomes": outcomes,
            }
        )
    return out


def _estimates(a: Assessment) -> list[dict[str, Any]]:
    out = []
    for scenario, result in a.scenarios.items():
        for quantity, e in result.estimates.by_quantity.items():
            w = result.estimates.weighing.get(quantity)
            out.append(
                {
                    "scenario": scenario.value,
                    "scenario_label": _facts.SCENARIO_LABEL[scenario],
                    "quantity": quantity.value,
                    "low": e.interval.low,
                    "high": None if e.interval.high == float("inf") else e.interval.high,
                    "text": e.interval.render(),
                    "best": w.best if w is not None else None,
                    "claims": list(e.claims),
                }
            )
    return out


def _evidence(a: Assessment) -> list[dict[str, Any]]:
    dossier = a.dossier
    grades = _facts.grades_used(a)
    out = []
    for i, claim in enumerate(dossier.claims):
        source = dossier.source(claim.source)
        claim_id = dossier.claim_id(i)
        written = f"{source.reliability or '?'}{claim.credibility or '?'}"
        used = grades.get(claim_id)
        out.append(
            {
                "claim_id": claim_id,
                "quantity": claim.quantity.value,
                "figure": _facts.figure(claim),
                "value": claim.value,
                "low": claim.low,
                "high": claim.high,
                "qualifier": claim.qualifier.value,
                "scope": claim.scope,
                "contingent": claim.contingent,
                "attributed_to": claim.attributed_to,
                "source_id": source.id,
                "publisher": source.publisher,
                "source_kind": source.kind.value,
                "source_title": source.title,
                # The grade the weighing used; `grade_defaulted` when csbm filled a gap.
                "grade": used or written,
                "grade_defaulted": used is not None and used != written,
                "side": "declared" if is_declared(claim, dossier) else "independent",
                "stated": _iso(claim.stated or source.published),
                "url": source.url,
                "symbol": source.symbol,
                "quote": claim.quote,
            }
        )
    return out


def _sources(dossier: Dossier) -> list[dict[str, Any]]:
    return [s.model_dump(mode="json") for s in dossier.sources]


def _act_data(dossier: Dossier, i: int, act: Act) -> dict[str, Any]:
    return {
        "id": act.id or f"acts[{i}]",
        "type": act.type.value,
        "label": ACT_LABEL[act.type],
        "by": list(act.by),
        "to": list(act.to) if act.to else None,
        "made": act.made,
        "date": _iso(act.date),
        "requested": _iso(act.requested),
        "source": act.source,
        "source_publisher": dossier.source(act.source).publisher,
        "note": act.note,
    }


def _timeline(a: Assessment, acts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The activity period, every deadline a finding computed, and the recorded acts."""
    act = a.dossier.activity
    events: list[dict[str, Any]] = [
        {
            "date": act.start.isoformat(),
            "end": act.end.isoformat(),
            "kind": "activity",
            "label": act.name,
            "status": None,
        }
    ]
    # A deadline shows once, with the worst outcome any scenario gave its rule: "missed"
    # only says the act was not done by then, the outcome says whether it was owed.
    deadlines: dict[tuple[str, str], dict[str, Any]] = {}
    for result in a.scenarios.values():
        for f in result.findings:
            due = _day(f.deadline.due) if f.deadline else None
            if f.deadline is None or due is None:
                continue
            met = f.deadline.met
            event = deadlines.setdefault(
                (f.rule, due),
                {
                    "date": due,
                    "end": None,
                    "kind": "deadline",
                    "label": DEADLINE_LABEL.get(f.rule, f.rule),
                    "rule": f.rule,
                    "status": "met" if met else "missed" if met is False else "open",
                    "outcome": f.outcome.value,
                },
            )
            event["outcome"] = worst([event["outcome"], f.outcome.value])
    events += deadlines.values()
    for item in acts:
        when = item["date"] or item["requested"]
        if when is None:
            continue
        events.append(
            {
                "date": when[:10],
                "end": None,
                "kind": "act",
                "label": item["label"] + ("" if item["made"] else " (not made)"),
                "act": item["id"],
                "status": "made" if item["made"] else "not_made",
            }
        )
    return sorted(events, key=lambda e: (e["date"], e["kind"] != "activity"))


def activity_view(a: Assessment, *, parts: Sequence[str] = ()) -> dict[str, Any]:
    """Everything the pages and reports show about one assessed activity.

    Keys: ``activity`` (the activity's own fields), ``headline``, ``obligations`` (the
    bottom line: one line per obligation with its lean, and the scope), ``ruleset`` and
    ``ruleset_line``, ``as_of`` and ``knowledge_line``, ``verdicts`` (one line per
    scenario), ``findings`` (every finding, scenario by scenario), ``estimates``,
    ``weighing`` (statements per scenario), ``evidence`` (one row per claim),
    ``sources``, ``acts``, ``acts_left_out``, ``undated_acts``, ``timeline``,
    ``locations``, ``unknowns``, ``assumptions``,
    ``links`` (parent, parts, series) and ``what_if`` (overlays and changed findings,
    or None). `parts` names the activities recorded with this one as their parent.
    """
    from csbm.report.headline import headline_json

    dossier = a.dossier
    act = dossier.activity
    specs = {spec.id: spec for spec in rules()}
    acts = [_act_data(dossier, i, x) for i, x in enumerate(dossier.acts)]
    findings = [
        _finding_data(s.value, _facts.SCENARIO_LABEL[s], f, specs)
        for s, result in a.scenarios.items()
        for f in result.findings
    ]
    what_if = None
    if a.baseline is not None:
        what_if = {
            "overlays": [o.as_json() for o in a.overlays],
            "changes": [c.as_json() for c in a.changes()],
        }
    return {
        "activity": act.model_dump(mode="json", exclude={"locations"}),
        "headline": _facts.headline(a),
        # The quotable bottom line: one line per obligation, the scope apart.
        "obligations": headline_json(a),
        "ruleset": a.ruleset.as_json() if a.ruleset else None,
        "ruleset_line": _facts.ruleset_line(a),
        "as_of": _iso(a.as_of),
        "knowledge_line": _facts.knowledge_line(a),
        "verdicts": _verdicts(a),
        "findings": findings,
        "estimates": _estimates(a),
        "weighing": [{"scenario": s, "statement": t} for s, t in _facts.weight_lines(a)],
        "evidence": _evidence(a),
        "sources": _sources(dossier),
        "acts": acts,
        "acts_left_out": list(a.acts_left_out),
        # Acts on record with no date (and no request date) cannot be placed on a timeline.
        "undated_acts": [x for x in acts if x["date"] is None and x["requested"] is None],
        "timeline": _timeline(a, acts),
        "locations": [loc.model_dump(mode="json") for loc in act.locations],
        "unknowns": _facts.unknowns(a),
        "assumptions": _facts.assumptions(a),
        "links": {"parent": act.parent, "parts": list(parts), "series": act.series},
        "what_if": what_if,
    }


__all__ = ["HEADLINE_RULES", "OUTCOME_ORDER", "activity_view", "worst"]
