"""The Markdown report: the same content as the terminal report, for documents."""

from __future__ import annotations

from collections.abc import Sequence

from csbm.model.dossier import Quantity
from csbm.report import _facts as facts
from csbm.rules.assess import Assessment


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def headline_md(a: Assessment) -> list[str]:
    from csbm.report.headline import headline, headline_scenario, scope

    s = headline_scenario(a)
    out = [f"## {facts.headline(a)}", ""]
    out += [f"Scope: {fact}." for fact in scope(a, s)]
    out += [
        "",
        f"**Verdicts** ({facts.SCENARIO_LABEL[s]} figures; a lean sits beside an open outcome):",
        "",
    ]
    for x in headline(a, s):
        out.append(
            f"- **{x.title}**: {x.verdict}" + (f" ({_cell(x.reasons)})" if x.reasons else "")
        )
    given = sorted({c for r in a.scenarios.values() for f in r.findings for c in f.conditional_on})
    if given:
        out += ["", "**Conditional on:** " + ", ".join(f"`{g}`" for g in given)]
    return out


def _estimates_table(a: Assessment) -> list[str]:
    """The estimates per quantity and scenario, as a Markdown table."""
    scenarios = list(a.scenarios)
    out = [
        "| quantity | " + " | ".join(facts.SCENARIO_LABEL[s] for s in scenarios) + " |",
        "|---" * (len(scenarios) + 1) + "|",
    ]
    for q in Quantity:
        if any(a.scenarios[s].estimates.get(q) for s in scenarios):
            cells = " | ".join(facts.estimate_cell(a, s, q) for s in scenarios)
            out.append(f"| {q.value} | {cells} |")
    return out


def render_brief(a: Assessment) -> str:
    """The one-screen Markdown: headline, key figures per scenario, the sources behind."""
    from csbm.report.headline import headline_scenario, sources_behind

    out = [*headline_md(a), "", *_estimates_table(a)]
    lines = {line.split(":", 1)[0]: line for line in facts.source_lines(a.dossier)}
    behind = sources_behind(a, headline_scenario(a))
    out += ["", "Sources behind the verdicts:", ""]
    out += [f"- {_cell(lines.get(sid, sid))}" for sid in behind[:6]]
    if len(behind) > 6:
        out.append(f"- … and {len(behind) - 6} more (`--details`)")
    return "\n".join(out) + "\n"


def render_one(a: Assessment) -> str:
    out = [
        *headline_md(a),
        "",
        f"- {facts.ruleset_line(a)}",
        f"- {facts.knowledge_line(a)}",
    ]
    out += [f"- Unknown: {u}" for u in facts.unknowns(a)]
    if a.baseline is not None:
        out += ["", "### What-if", ""]
        for o in a.overlays:
            values = ", ".join(f"`{k}` = {v}" for k, v in o.parameters.items())
            out.append(f"- {o.title} ({o.source_text}): {values}")
        changes = a.changes()
        if not changes:
            out += ["", "No finding changes against the baseline."]
        else:
            out += ["", "| scenario | rule | baseline | what-if | why |", "|---|---|---|---|---|"]
        for c in changes:
            rule = c.rule + (f" [{c.subject}]" if c.subject else "")
            before = c.baseline.outcome.value if c.baseline else "—"
            after = c.what_if.outcome.value if c.what_if else "—"
            why = _cell(c.what_if.reason) if c.what_if else ""
            out.append(
                f"| {facts.SCENARIO_LABEL[c.scenario]} | `{rule}` | {before} | {after} | {why} |"
            )
    scenarios = list(a.scenarios)
    out += ["", "### Estimates", "", *_estimates_table(a)]
    weights = facts.weight_lines(a)
    if weights:
        out += ["", "### Weight of evidence", ""]
        out += [f"- **{label}**: {text}" for label, text in weights]
    out += [
        "",
        "### Verdicts",
        "",
        "| rule | " + " | ".join(facts.SCENARIO_LABEL[s] for s in scenarios) + " |",
        "|---" * (len(scenarios) + 1) + "|",
    ]
    for rule_id in facts.rule_ids(a):
        out.append(
            f"| `{rule_id}` | "
            + " | ".join(
                facts.summary_outcome([f for f in a.scenarios[s].findings if f.rule == rule_id])
                for s in scenarios
            )
            + " |"
        )
    out += ["", "### Why", ""]
    for rule_id in facts.rule_ids(a):
        found = facts.findings_of(a, rule_id)
        out.append(f"#### `{rule_id}`")
        out.append("")
        first = found[0][1]
        out.append("Cites: " + "; ".join(c.label() for c in first.citations) + ".")
        out.append("")
        for s, f in found:
            subject = f" [{f.subject}]" if f.subject else ""
            line = f"- **{s}**{subject}: *{facts.outcome_word(f)}*. {f.reason}"
            if f.deadline:
                line += f" ({facts.deadline_text(f.deadline)})"
            leaning = facts.lean_text(f)
            if leaning:
                line += " " + leaning
            if f.claims:
                line += " Claims: " + ", ".join(f"`{c}`" for c in f.claims) + "."
            out.append(line)
        if first.parameters:
            out.append("")
            out += [f"  - uses {facts.parameter_text(p)}" for p in first.parameters]
        if first.assumptions:
            out += [f"  - assumes: {x}" for x in first.assumptions]
        out.append("")
    rows = facts.claim_rows(a.dossier, facts.grades_used(a))
    if rows:
        out += [
            "### Evidence",
            "",
            "| claim | quantity | figure | scope | source | date | grade | side | link |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def render(assessments: Sequence[Assessment], *, details: bool = True) -> str:
    return "\n".join(render_one(a) if details else render_brief(a) for a in assessments)
