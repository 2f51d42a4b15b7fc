"""The terminal report: Rich tables for people at a shell."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from csbm.model.dossier import Quantity
from csbm.model.finding import Outcome
from csbm.report import _facts as facts
from csbm.rules.assess import Assessment

STYLE = {
    Outcome.COMPLIANT.value: "green",
    Outcome.NON_COMPLIANT.value: "bold red",
    Outcome.INDETERMINATE.value: "yellow",
    Outcome.NOT_APPLICABLE.value: "dim",
    Outcome.CONFLICT.value: "bold magenta",
    "fired": "bold cyan",
    "not fired": "dim",
}


def _outcome(word: str) -> Text:
    return Text(word, style=STYLE.get(word, ""))


_BRIEF_SOURCES = 6


def _headline_block(a: Assessment) -> list[object]:
    from csbm.report.headline import headline, headline_scenario, scope

    s = headline_scenario(a)
    parts: list[object] = [Text(facts.headline(a), style="bold")]
    for fact in scope(a, s):
        parts.append(Text(f"Scope: {fact}", style="dim"))
    label = facts.SCENARIO_LABEL[s]
    parts.append(Text(f"Verdicts ({label} figures; a lean sits beside an open outcome)"))
    for x in headline(a, s):
        t = Text("  ")
        t.append(f"{x.title}: ", style="bold")
        t.append(x.verdict, style=STYLE.get(x.lean.value if x.lean else x.outcome.value, ""))
        if x.reasons:
            t.append(f" ({x.reasons})")
        parts.append(t)
    return parts


def render_brief(a: Assessment) -> Group:
    """One screen: the headline, the key figures per scenario, the sources they rest on."""
    from csbm.report.headline import headline_scenario, sources_behind

    parts = _headline_block(a)
    if a.baseline is not None or any(
        f.conditional_on for r in a.scenarios.values() for f in r.findings
    ):
        given = sorted(
            {c for r in a.scenarios.values() for f in r.findings for c in f.conditional_on}
        )
        if given:
            parts.append(Text("Conditional on: " + ", ".join(given), style="bold magenta"))
        if a.baseline is not None:
            parts.append(Text(f"What-if: {len(a.changes())} finding(s) change (--details)"))
    scenarios = list(a.scenarios)
    quantities = [q for q in Quantity if any(r.estimates.get(q) for r in a.scenarios.values())]
    est = Table(title="Key figures", title_justify="left", box=None, pad_edge=False)
    est.add_column("quantity")
    for s in scenarios:
        est.add_column(facts.SCENARIO_LABEL[s])
    for q in quantities[:6]:
        est.add_row(q.value, *[facts.estimate_cell(a, s, q) for s in scenarios])
    if not quantities:
        est.add_row("(no figures)", *["—" for _ in scenarios])
    parts.append(est)
    behind = sources_behind(a, headline_scenario(a))
    lines = {line.split(":", 1)[0]: line for line in facts.source_lines(a.dossier)}
    text = Text("Sources behind the verdicts\n", style="bold")
    for sid in behind[:_BRIEF_SOURCES]:
        text.append("  " + lines.get(sid, sid) + "\n", style="")
    if len(behind) > _BRIEF_SOURCES:
        text.append(f"  … and {len(behind) - _BRIEF_SOURCES} more\n", style="dim")
    text.append("Full account: --details", style="dim")
    parts.append(text)
    return Group(*parts)  # type: ignore[arg-type]


def render_one(a: Assessment) -> Group:
    parts: list[object] = []
    head = [facts.ruleset_line(a), facts.knowledge_line(a)]
    if facts.unknowns(a):
        head.append("Unknown: " + "; ".join(facts.unknowns(a)))
    parts.extend(_headline_block(a))
    parts.append(Panel("\n".join(head)))
    if a.baseline is not None:
        parts.append(_what_if(a))

    scenarios = list(a.scenarios)
    est = Table(title="Estimates", title_justify="left")
    est.add_column("quantity")
    for s in scenarios:
        est.add_column(facts.SCENARIO_LABEL[s])
    quantities = [q for q in Quantity if any(r.estimates.get(q) for r in a.scenarios.values())]
    for q in quantities:
        est.add_row(q.value, *[facts.estimate_cell(a, s, q) for s in scenarios])
    if not quantities:
        est.add_row("(no figures)", *["—" for _ in scenarios])
    parts.append(est)
    weights = facts.weight_lines(a)
    if weights:
        wt = Table(
            title="Weight of evidence",
            title_justify="left",
            box=None,
            show_header=False,
            expand=True,
        )
        wt.add_column("scenario", no_wrap=True, style="cyan")
        wt.add_column("statement", ratio=1)
        for label, text in weights:
            wt.add_row("  " + label, text)
        parts.append(wt)

    verdicts = Table(title="Verdicts", title_justify="left")
    verdicts.add_column("rule")
    for s in scenarios:
        verdicts.add_column(facts.SCENARIO_LABEL[s])
    for rule_id in facts.rule_ids(a):
        cells = [
            _outcome(
                facts.summary_outcome([f for f in a.scenarios[s].findings if f.rule == rule_id])
            )
            for s in scenarios
        ]
        verdicts.add_row(rule_id, *cells)
    parts.append(verdicts)

    parts.append(Text("Why", style="bold"))
    for rule_id in facts.rule_ids(a):
        found = facts.findings_of(a, rule_id)
        why = Table(box=None, show_header=False, pad_edge=False, expand=True)
        why.add_column("scenario", no_wrap=True, style="cyan")
        why.add_column("outcome", no_wrap=True)
        why.add_column("reason", ratio=1)
        for label, f in found:
            reason = (f"[{f.subject}] " if f.subject else "") + f.reason
            if f.deadline:
                reason += f" ({facts.deadline_text(f.deadline)})"
            leaning = facts.lean_text(f)
            if leaning:
                reason += " " + leaning
            why.add_row("  " + label, _outcome(facts.outcome_word(f)), reason)
        cites = "; ".join(c.label() for c in found[0][1].citations)
        parts.append(Group(Text(f"{rule_id}  cites {cites}", style="bold"), why))

    used = facts.parameters_used(a)
    if used:
        ptable = Table(title="Parameters used", title_justify="left")
        for col in ("parameter", "value", "since", "confidence", "citation"):
            ptable.add_column(col)
        for p in used:
            ptable.add_row(
                p.path, facts.value_text(p), str(p.since), p.confidence, p.citation.label()
            )
        parts.append(ptable)
    assumptions = facts.assumptions(a)
    if assumptions:
        parts.append(Text("Assumed: " + " ".join(assumptions), style="dim"))

    rows = facts.claim_rows(a.dossier, facts.grades_used(a))
    if rows:
        ev = Table(title="Evidence", title_justify="left")
        for col in ("claim", "quantity", "figure", "scope", "source", "date", "grade", "side"):
            ev.add_column(col, overflow="fold")
        for claim_row in rows:
            ev.add_row(*claim_row[:-1])
        parts.append(ev)
    sources = Text("Sources\n", style="bold")
    for line in facts.source_lines(a.dossier):
        sources.append(line + "\n", style="")
    parts.append(sources)
    if a.acts_left_out:
        parts.append(Text("Acts not yet known on the as-of date: " + ", ".join(a.acts_left_out)))
    return Group(*parts)  # type: ignore[arg-type]


def _what_if(a: Assessment) -> Group:
    lines: list[Text | Table] = [Text("What-if", style="bold")]
    for o in a.overlays:
        values = ", ".join(f"{k} = {v}" for k, v in o.parameters.items())
        lines.append(Text(f"  {o.title} ({o.source_text}): {values}"))
    changes = a.changes()
    if not changes:
        lines.append(Text("  No finding changes against the baseline.", style="dim"))
        return Group(*lines)
    table = Table(box=None, show_header=True, pad_edge=False, expand=True)
    for col in ("scenario", "rule", "baseline", "what-if"):
        table.add_column(col, no_wrap=True)
    table.add_column("why", ratio=1)
    for c in changes:
        rule = c.rule + (f" [{c.subject}]" if c.subject else "")
        table.add_row(
            "  " + facts.SCENARIO_LABEL[c.scenario],
            rule,
            _outcome(c.baseline.outcome.value if c.baseline else "—"),
            _outcome(c.what_if.outcome.value if c.what_if else "—"),
            c.what_if.reason if c.what_if else "",
        )
    lines.append(table)
    return Group(*lines)


def render(assessments: Sequence[Assessment], console: Console, *, details: bool = False) -> None:
    for i, a in enumerate(assessments):
        if i:
            console.rule()
        console.print(render_one(a) if details else render_brief(a))
