"""One line per activity (csbm assess --all) and a State-year's Chapter VIII constraints."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from rich.console import Console
from rich.table import Table

from csbm.model.finding import Finding, Outcome, Scenario
from csbm.rules.assess import Assessment

SYMBOL = {
    Outcome.COMPLIANT: "✓",
    Outcome.NON_COMPLIANT: "✗",
    Outcome.INDETERMINATE: "?",
    Outcome.NOT_APPLICABLE: "–",
    Outcome.CONFLICT: "!",
}
LEGEND = (
    "Per scenario: notification (ch05.prior_notification), then observation "
    "(ch06.observation_invitation): ✓ compliant, ✗ non-compliant, ? indeterminate, "
    "– not applicable, ! conflict; an open outcome is followed by its lean (?✗: leans "
    "non-compliant; ?= balanced). Indented: a part of the activity above it."
)
LEAN_SYMBOL = {"compliant": "✓", "non_compliant": "✗", "not_applicable": "–", "none": "="}
_ORDER = [
    Outcome.CONFLICT,
    Outcome.NON_COMPLIANT,
    Outcome.INDETERMINATE,
    Outcome.COMPLIANT,
    Outcome.NOT_APPLICABLE,
]


def _outcome(findings: Sequence[Finding], rule: str) -> Outcome | None:
    mine = [f.outcome for f in findings if f.rule == rule]
    return min(mine, key=_ORDER.index) if mine else None


def _lean(findings: Sequence[Finding], rule: str) -> str:
    """The lean of a rule's (first) open finding, as its value; empty when none."""
    for f in findings:
        if f.rule == rule and f.lean is not None:
            return f.lean.value
    return ""


def _family_order(assessments: Sequence[Assessment]) -> list[Assessment]:
    """By start date, each part right after its parent."""
    ids = {a.dossier.activity.id for a in assessments}
    tops = sorted(
        (a for a in assessments if a.dossier.activity.parent not in ids),
        key=lambda a: (a.dossier.activity.start, a.dossier.activity.id),
    )
    out = []
    for top in tops:
        out.append(top)
        out += sorted(
            (a for a in assessments if a.dossier.activity.parent == top.dossier.activity.id),
            key=lambda a: (a.dossier.activity.start, a.dossier.activity.id),
        )
    return out


def summary_rows(assessments: Sequence[Assessment]) -> list[dict[str, Any]]:
    rows = []
    for a in _family_order(assessments):
        act = a.dossier.activity
        row: dict[str, Any] = {
            "id": act.id,
            "name": act.name,
            "start": act.start.isoformat(),
            "end": act.end.isoformat(),
            "states": " ".join(act.conducting_states),
            "parent": act.parent or "",
            "ruleset": a.ruleset.id if a.ruleset else "",
        }
        signals: dict[str, None] = {}
        for s in Scenario:
            result = a.scenarios.get(s)
            if result is None:
                continue
            notify = _outcome(result.findings, "ch05.prior_notification")
            observe = _outcome(result.findings, "ch06.observation_invitation")
            law = [f for f in result.findings if not f.rule.startswith(("signal.", "general."))]
            worst = min((f.outcome for f in law), key=_ORDER.index) if law else None
            row[f"{s.value}_notification"] = notify.value if notify else ""
            row[f"{s.value}_notification_lean"] = _lean(result.findings, "ch05.prior_notification")
            row[f"{s.value}_observation"] = observe.value if observe else ""
            row[f"{s.value}_observation_lean"] = _lean(
                result.findings, "ch06.observation_invitation"
            )
            row[f"{s.value}_worst"] = worst.value if worst else ""
            for f in result.findings:
                if f.rule.startswith("signal.") and f.applies:
                    signals[f.rule.removeprefix("signal.")] = None
        row["signals"] = " ".join(signals)
        rows.append(row)
    return rows


def summary_table(assessments: Sequence[Assessment], console: Console) -> None:
    rows = summary_rows(assessments)
    scenarios = [s for s in Scenario if any(s in a.scenarios for a in assessments)]
    table = Table(title=f"{len(rows)} activities", title_justify="left", box=None)
    table.add_column("activity", no_wrap=True, overflow="ellipsis", max_width=34)
    table.add_column("start", no_wrap=True)
    table.add_column("days", justify="right")
    table.add_column("rules", no_wrap=True)
    for s in scenarios:
        table.add_column(s.value[:5] + ".", no_wrap=True, justify="center")
    table.add_column("signals", overflow="fold")
    for row in rows:
        cells = []
        for s in scenarios:
            n = row.get(f"{s.value}_notification")
            o = row.get(f"{s.value}_observation")
            notify = SYMBOL[Outcome(n)] if n else " "
            observe = SYMBOL[Outcome(o)] if o else " "
            notify += LEAN_SYMBOL.get(row.get(f"{s.value}_notification_lean", ""), "")
            observe += LEAN_SYMBOL.get(row.get(f"{s.value}_observation_lean", ""), "")
            cells.append(f"{notify:<2} {observe:<2}")
        days = (date.fromisoformat(row["end"]) - date.fromisoformat(row["start"])).days + 1
        name = row["id"] if not row["parent"] else f"  {row['id']}"
        table.add_row(
            name, row["start"], str(days), row["ruleset"] or "none", *cells, row["signals"]
        )
    console.print(table)
    console.print(LEGEND, style="dim")


def summary_json(assessments: Sequence[Assessment]) -> str:
    return json.dumps(summary_rows(assessments), indent=2, ensure_ascii=False) + "\n"


def summary_csv(assessments: Sequence[Assessment]) -> str:
    rows = summary_rows(assessments)
    out = io.StringIO()
    fields = list(dict.fromkeys(k for row in rows for k in row))
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


FINDING_COLUMNS = (
    "activity",
    "scenario",
    "rule",
    "outcome",
    "lean",
    "likelihood",
    "due",
    "met",
    "citations",
    "subject",
)


def _finding_row(activity: str, scenario: Scenario, f: Finding) -> dict[str, str]:
    due = f.deadline.due if f.deadline else None
    met = f.deadline.met if f.deadline else None
    return {
        "activity": activity,
        "scenario": scenario.value,
        "rule": f.rule,
        "outcome": f.outcome.value,
        "lean": f.lean.value if f.lean else "",
        "likelihood": f"{f.likelihood.probability:g}" if f.likelihood else "",
        "due": due.isoformat() if due else "",
        "met": "" if met is None else ("yes" if met else "no"),
        "citations": "; ".join(c.label() for c in f.citations),
        "subject": f.subject or "",
    }


def _csv(rows: Sequence[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FINDING_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def findings_csv(assessments: Sequence[Assessment]) -> str:
    """One row per finding: activity, scenario, rule, outcome, lean, likelihood (the lean's
    probability), due, met (yes/no/empty), citations, subject (a State-year, a request)."""
    return _csv(
        [
            _finding_row(a.dossier.activity.id, s, f)
            for a in assessments
            for s, result in a.scenarios.items()
            for f in result.findings
        ]
    )


def state_year_csv(found: dict[Scenario, list[Finding]], state: str, year: int) -> str:
    """The Chapter VIII findings of a State-year in the columns of `findings_csv` (the
    activity column empty: they are about the State-year, named in subject)."""
    return _csv([_finding_row("", s, f) for s, fs in found.items() for f in fs])


def state_year_findings(
    assessments: Sequence[Assessment], state: str, year: int
) -> dict[Scenario, list[Finding]]:
    """The Chapter VIII constraint findings for one State and year, per scenario."""
    subject = f"{state} {year}"
    out: dict[Scenario, list[Finding]] = {}
    for a in assessments:
        for s, result in a.scenarios.items():
            for f in result.findings:
                if f.rule.startswith("ch08.constraint_") and f.subject == subject:
                    have = out.setdefault(s, [])
                    if all(x.rule != f.rule for x in have):
                        have.append(f)
    return out
