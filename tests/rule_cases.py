"""YAML rule cases, in the spirit of OpenFisca's YAML tests.

Each file in tests/cases holds a list of cases. A case names a dossier fragment,
laid over a base dossier, and the findings it expects:

    - name: 9,000 troops is notifiable
      dossier:
        activity: {start: 2023-06-10}
        claims: [{quantity: troops, value: 9000, source: official}]
        acts: [{type: notification, by: RUS, date: 2023-04-29, source: official}]
      expect:
        ch05.prior_notification: {outcome: compliant, applies: true}

`scenario` (default independent-free `all`) picks the scenario checked; `as_of` and
`ruleset` pass through to assess; `peers` lists further activities (fragments laid over
the same base, each with its own id) assessed in the same set, for Chapter VIII.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from csbm._yaml import read_yaml
from csbm.errors import CaseError
from csbm.model import Dossier, Finding, Outcome, Scenario
from csbm.model.load import problems_from
from csbm.rules import assess
from csbm.rules.overlay import overlay_from_settings

CASES_DIR = Path(__file__).parent / "cases"

BASE: dict[str, Any] = {
    "csbm": 1,
    "activity": {
        "id": "case",
        "name": "Case activity",
        "kind": "land_exercise",
        "conducting_states": ["RUS"],
        "host_states": ["RUS"],
        "start": "2023-06-10",
        "end": "2023-06-20",
        "alert": False,
        "single_operational_command": True,
    },
    "sources": [
        {
            "id": "official",
            "kind": "official_notification",
            "publisher": "Host MoD",
            "published": "2023-04-01",
            "symbol": "CBM/RU/23/0001/F25/O",
            "state": "RUS",
        },
        {
            "id": "ministry",
            "kind": "government_statement",
            "publisher": "Host MoD",
            "published": "2023-06-01",
            "url": "https://example.org/mod",
            "state": "RUS",
        },
        {
            "id": "press",
            "kind": "media",
            "publisher": "A newspaper",
            "published": "2023-06-12",
            "url": "https://example.org/press",
        },
        {
            "id": "alliance",
            "kind": "alliance_statement",
            "publisher": "An alliance",
            "published": "2023-06-15",
            "url": "https://example.org/alliance",
        },
    ],
    "claims": [],
    "acts": [],
}


class Expectation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    outcome: Outcome
    applies: bool | str | None = "any"
    subject: str | None = None
    due: date | None = None
    met: bool | str | None = "any"
    reason_contains: list[str] = Field(default_factory=list)
    reason_lacks: list[str] = Field(default_factory=list)
    claims: list[str] | None = None
    # The lean (docs/lean.md): "absent" for no lean at all, "none" for balanced.
    lean: str | None = None
    likelihood: tuple[float, float] | None = Field(
        default=None, description="[low, high]: the likelihood's probability lies within."
    )
    hinges: list[str] | None = Field(default=None, description="Facts, in order.")
    presumptions: list[str] | None = Field(default=None, description="Ids used, any order.")
    rebutted: list[str] | None = None
    conditional: list[str] | None = None
    # Citations the finding must carry, as "instrument paragraph" (e.g. "vd2011 V 38",
    # "vd1992 V (paragraph not identified)"): the version and paragraph it rests on.
    cites: list[str] = Field(default_factory=list)
    # Parameters the finding must have read, with the value it read: {path: value}.
    params: dict[str, int | float | str | bool | None] = Field(default_factory=dict)
    # The instrument each of those parameters' values was cited to: {path: instrument}.
    param_instruments: dict[str, str] = Field(default_factory=dict)


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    scenario: Scenario = Scenario.ALL
    as_of: date | None = None
    ruleset: str | None = None
    dossier: dict[str, Any] = Field(default_factory=dict)
    peers: list[dict[str, Any]] = Field(default_factory=list)
    strict: bool = False
    assume: list[str] = Field(default_factory=list)
    # What-if parameter settings, as `--set PATH=VALUE` takes them.
    set: list[str] = Field(default_factory=list)
    # Replace the base dossier's sources by these ids only (e.g. [press]: silence).
    base_sources: list[str] | None = None
    expect: dict[str, Expectation | list[Expectation]]


def build(
    fragment: dict[str, Any], activity_id: str = "case", base_sources: list[str] | None = None
) -> Dossier:
    data = copy.deepcopy(BASE)
    data["activity"]["id"] = activity_id
    if base_sources is not None:
        data["sources"] = [s for s in data["sources"] if s["id"] in base_sources]
    for key, value in fragment.items():
        if key == "activity":
            data["activity"].update(value)
        elif key in ("claims", "acts"):
            data[key] = list(value)
        elif key == "sources":
            data["sources"] = data["sources"] + list(value)
        else:
            data[key] = value
    return Dossier.model_validate(data)


def load_cases() -> list[tuple[str, Case]]:
    cases: list[tuple[str, Case]] = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        located = read_yaml(path, CaseError)
        if not isinstance(located.data, list):
            raise CaseError(path, [])
        for i, raw in enumerate(located.data):
            try:
                case = Case.model_validate(raw)
            except ValidationError as exc:
                problems = problems_from(exc, located)
                raise CaseError(path, problems) from None
            cases.append((f"{path.stem}[{i}] {case.name}", case))
    return cases


def run(case: Case) -> list[Finding]:
    subject = build(case.dossier, base_sources=case.base_sources)
    peers = [
        build(p, p.get("activity", {}).get("id", f"peer-{i}")) for i, p in enumerate(case.peers)
    ]
    [result, *_] = assess(
        [subject, *peers],
        ruleset=case.ruleset,
        as_of=case.as_of,
        scenarios=[case.scenario],
        strict=case.strict,
        assume=case.assume,
        overlays=[overlay_from_settings(case.set)] if case.set else (),
    )
    return result.scenarios[case.scenario].findings


def check(case: Case, findings: list[Finding]) -> list[str]:
    """Differences between expected and actual findings (empty when the case passes)."""
    errors: list[str] = []
    for rule_id, wanted in case.expect.items():
        expectations = wanted if isinstance(wanted, list) else [wanted]
        got = [f for f in findings if f.rule == rule_id]
        if not got:
            errors.append(f"{rule_id}: no finding")
            continue
        for exp in expectations:
            candidates = [f for f in got if exp.subject is None or f.subject == exp.subject]
            if not candidates:
                errors.append(
                    f"{rule_id}: no finding with subject {exp.subject!r}; "
                    f"have {[f.subject for f in got]}"
                )
                continue
            f = candidates[0]
            where = f"{rule_id}" + (f" [{f.subject}]" if f.subject else "")
            if f.outcome is not exp.outcome:
                errors.append(
                    f"{where}: outcome {f.outcome.value}, expected {exp.outcome.value} — {f.reason}"
                )
            if exp.applies != "any" and f.applies != exp.applies:
                errors.append(f"{where}: applies {f.applies}, expected {exp.applies}")
            if exp.due is not None:
                due = f.deadline.due if f.deadline else None
                if due != exp.due:
                    errors.append(f"{where}: due {due}, expected {exp.due}")
            if exp.met != "any":
                met = f.deadline.met if f.deadline else None
                if met != exp.met:
                    errors.append(f"{where}: met {met}, expected {exp.met}")
            for text in exp.reason_contains:
                if text not in f.reason:
                    errors.append(f"{where}: reason lacks {text!r}: {f.reason}")
            for text in exp.reason_lacks:
                if text in f.reason:
                    errors.append(f"{where}: reason holds {text!r}: {f.reason}")
            errors += _check_citations(where, exp, f)
            if exp.claims is not None and sorted(f.claims) != sorted(exp.claims):
                errors.append(f"{where}: claims {f.claims}, expected {exp.claims}")
            errors += _check_lean(where, exp, f)
    return errors


def _check_citations(where: str, exp: Expectation, f: Finding) -> list[str]:
    errors: list[str] = []
    cited = [f"{c.instrument} {c.paragraph}" for c in f.citations]
    for wanted in exp.cites:
        if wanted not in cited:
            errors.append(f"{where}: does not cite {wanted!r}; cites {cited}")
    used = {p.path: p for p in f.parameters}
    for path, value in exp.params.items():
        if path not in used:
            errors.append(f"{where}: did not read {path}; read {sorted(used)}")
        elif used[path].value != value:
            errors.append(f"{where}: read {path} = {used[path].value!r}, expected {value!r}")
    for path, instrument in exp.param_instruments.items():
        if path not in used:
            errors.append(f"{where}: did not read {path}; read {sorted(used)}")
        elif used[path].citation.instrument != instrument:
            got = used[path].citation.instrument
            errors.append(f"{where}: {path} cited to {got}, expected {instrument}")
    return errors


def _check_lean(where: str, exp: Expectation, f: Finding) -> list[str]:
    errors: list[str] = []
    if exp.lean is not None:
        got = "absent" if f.lean is None else f.lean.value
        if got != exp.lean:
            errors.append(f"{where}: lean {got}, expected {exp.lean} — {f.summary}")
    if exp.likelihood is not None:
        p = f.likelihood.probability if f.likelihood else None
        low, high = exp.likelihood
        if p is None or not low <= p <= high:
            errors.append(f"{where}: likelihood {p}, expected within [{low}, {high}]")
    if exp.hinges is not None:
        facts = [h.fact for h in f.hinges_on]
        if facts != exp.hinges:
            errors.append(f"{where}: hinges {facts}, expected {exp.hinges}")
    used = sorted(p.id for p in f.presumptions if not p.rebutted_by)
    if exp.presumptions is not None and used != sorted(exp.presumptions):
        errors.append(f"{where}: presumptions {used}, expected {sorted(exp.presumptions)}")
    rebutted = sorted(p.id for p in f.presumptions if p.rebutted_by)
    if exp.rebutted is not None and rebutted != sorted(exp.rebutted):
        errors.append(f"{where}: rebutted {rebutted}, expected {sorted(exp.rebutted)}")
    if exp.conditional is not None and f.conditional_on != exp.conditional:
        errors.append(f"{where}: conditional on {f.conditional_on}, expected {exp.conditional}")
    return errors
