"""Judging a State-year record: the parameter view for its year, the quota ledger, and the
State-year rules (Chapters I and IX)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from csbm._yaml import read_yaml
from csbm.errors import InputError, Problem
from csbm.model.finding import Deadline, Finding, Outcome
from csbm.model.load import problems_from
from csbm.model.state_year import Answer, StateYear, Verification, VerificationKind
from csbm.rules.engine import ParameterView, RuleSpec, load_ruleset, rules

__all__ = [
    "Ledger",
    "StateYearContext",
    "bundled_history",
    "bundled_state_years",
    "find_state_year",
    "judge_state_year",
    "ledger",
    "load_state_year",
    "quota_report",
    "state_years_dir",
]


class StateYearError(InputError):
    """A State-year file that does not validate (names file, line and field)."""


def state_years_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("csbm.data") / "state_years"))


def load_state_year(path: Path) -> StateYear:
    from pydantic import ValidationError

    located = read_yaml(path, StateYearError)
    try:
        record = StateYear.model_validate(located.data)
    except ValidationError as exc:
        raise StateYearError(path, problems_from(exc, located)) from None
    if path.stem != record.id:
        raise StateYearError(path, [Problem(f"file name should be {record.id}.yaml")])
    return record


def bundled_state_years() -> dict[str, Path]:
    return {p.stem: p for p in sorted(state_years_dir().glob("*.yaml"))}


@dataclass
class StateYearContext:
    """What a State-year rule sees: the record and the parameters in force that year."""

    rule: RuleSpec
    record: StateYear
    params: ParameterView
    # The State's other records (any years), for rules over several years (Chapter IV).
    history: Sequence[StateYear] = ()

    def finding(
        self,
        outcome: Outcome,
        reason: str,
        *,
        applies: bool | None,
        subject: str | None = None,
        deadline: Deadline | None = None,
        assumptions: list[str] | None = None,
    ) -> Finding:
        return Finding(
            rule=self.rule.id,
            subject=subject or f"{self.record.state} {self.record.year}",
            applies=applies,
            outcome=outcome,
            reason=reason,
            citations=self.rule.citations_under(self.params.ruleset),
            parameters=list(self.params.used.values()),
            deadline=deadline,
            assumptions=assumptions or [],
        )


@dataclass
class LedgerRow:
    request: Verification
    counted: bool | None  # counts against the quota (accepted and not excluded)
    used_after: int  # quota used once this request is taken into account
    remaining_after: int | None
    remark: str

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.request.kind.value,
            "by": self.request.by,
            "date": self.request.day.isoformat(),
            "date_exact": self.request.exact,
            "requested": self.request.requested.isoformat() if self.request.requested else None,
            "answer": self.request.answer.value,
            "start": self.request.start.isoformat() if self.request.start else None,
            "end": self.request.end.isoformat() if self.request.end else None,
            "counted": self.counted,
            "used_after": self.used_after,
            "remaining_after": self.remaining_after,
            "grounds": self.request.grounds,
            "area": self.request.area,
            "source": self.request.source,
            "remark": self.remark,
        }


@dataclass
class Ledger:
    """One kind of visit (inspection or evaluation) on one State in one year."""

    kind: VerificationKind
    quota: int | None
    per_state: int | None
    rows: list[LedgerRow] = field(default_factory=list)
    exhausted_on: date | None = None
    exhausted_by: int = 0
    exhausted_exact: bool = True  # False: only the latest possible day is known

    @property
    def requests(self) -> int:
        return len(self.rows)

    @property
    def accepted(self) -> int:
        return sum(1 for r in self.rows if r.request.answer is Answer.ACCEPTED)

    @property
    def refused(self) -> int:
        return sum(1 for r in self.rows if r.request.answer is Answer.REFUSED)

    @property
    def used(self) -> int:
        return sum(1 for r in self.rows if r.counted is True)

    @property
    def remaining(self) -> int | None:
        return None if self.quota is None else max(self.quota - self.used, 0)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "quota": self.quota,
            "from_one_state": self.per_state,
            "requests": self.requests,
            "accepted": self.accepted,
            "refused": self.refused,
            "used": self.used,
            "remaining": self.remaining,
            "exhausted_on": self.exhausted_on.isoformat() if self.exhausted_on else None,
            "exhausted_by": self.exhausted_by if self.exhausted_on else None,
            "exhausted_date_exact": self.exhausted_exact if self.exhausted_on else None,
            "rows": [r.as_json() for r in self.rows],
        }


def _quotas(
    record: StateYear, kind: VerificationKind, params: ParameterView
) -> tuple[int | None, int | None]:
    if kind is VerificationKind.INSPECTION:
        return (
            int(params.number("ch09.inspection.quota_per_year")),
            int(params.number("ch09.inspection.max_from_one_state")),
        )
    per_units = params.number("ch09.evaluation.units_per_visit")
    cap = int(params.number("ch09.evaluation.max_per_year"))
    share = params.number("ch09.evaluation.max_share_from_one_state")
    small = params.number("ch09.evaluation.small_quota")
    if record.units_reported is None:
        return None, None
    quota = min(cap, math.ceil(record.units_reported / per_units))
    per_state = 1 if quota < small else math.floor(quota * share)
    return quota, per_state


def ledger(record: StateYear, kind: VerificationKind, params: ParameterView) -> Ledger:
    """The year's requests of one kind in date order, with the quota used and left after each."""
    quota, per_state = _quotas(record, kind, params)
    out = Ledger(kind, quota, per_state)
    used = 0
    for v in sorted(
        (v for v in record.verifications if v.kind is kind and v.day.year == record.year),
        key=lambda v: v.day,
    ):
        counted: bool | None
        if v.answer is Answer.ACCEPTED:
            counted = v.counts_against_quota
        elif v.answer is Answer.REFUSED:
            counted = False
        else:
            counted = None
        if counted:
            used += 1
        remaining = None if quota is None else max(quota - used, 0)
        remark = ""
        if counted and quota is not None and used == quota and out.exhausted_on is None:
            out.exhausted_on, out.exhausted_by, out.exhausted_exact = v.day, used, v.exact
            remark = "quota used up"
        out.rows.append(LedgerRow(v, counted, used, remaining, remark))
    return out


def _view(record: StateYear) -> ParameterView | None:
    # The quotas are per calendar year: the ruleset in force on 1 January (or on the day the
    # ruleset took effect, for the year it did).
    rs = load_ruleset(on=date(record.year, 12, 31))
    if rs is None:
        return None
    return ParameterView(rs, rs.lookup_date(date(record.year, 1, 1)))


def judge_state_year(record: StateYear, history: Sequence[StateYear] = ()) -> list[Finding]:
    """Every State-year rule over one record (`history`: the State's records of other years)."""
    findings: list[Finding] = []
    for spec in rules():
        if spec.needs != "state_year":
            continue
        view = _view(record)
        if view is None or not spec.in_force_on(view.when):
            findings.append(
                Finding(
                    rule=spec.id,
                    subject=record.id,
                    applies=False,
                    outcome=Outcome.NOT_APPLICABLE,
                    reason=f"Rule not in force in {record.year} (from {spec.since}).",
                    citations=list(spec.citations),
                )
            )
            continue
        others = [h for h in history if h.state == record.state and h.year != record.year]
        findings.extend(spec.func(StateYearContext(spec, record, view, others)))
    return findings


def per_state_counts(lg: Ledger) -> Counter[str]:
    """Counted visits per requesting State (requests whose State is not named are left out)."""
    return Counter(r.request.by for r in lg.rows if r.counted is True and r.request.by)


def find_state_year(state: str, year: int) -> StateYear | None:
    path = bundled_state_years().get(f"{state.upper()}-{year}")
    return load_state_year(path) if path else None


def bundled_history(state: str) -> list[StateYear]:
    """Every bundled record of one State."""
    prefix = f"{state.upper()}-"
    return [load_state_year(p) for k, p in bundled_state_years().items() if k.startswith(prefix)]


def quota_report(record: StateYear, history: Sequence[StateYear] = ()) -> dict[str, Any]:
    """The State-year as data: its ledgers, statements and findings (CLI JSON and web twin)."""
    view = _view(record)
    ledgers = (
        {k.value: ledger(record, k, view).as_json() for k in VerificationKind}
        if view is not None
        else {}
    )
    return {
        "state": record.state,
        "year": record.year,
        "ruleset": view.ruleset.id if view else None,
        "units_reported": record.units_reported,
        "ledgers": ledgers,
        "statements": [s.model_dump(mode="json") for s in record.statements],
        "findings": [f.model_dump(mode="json") for f in judge_state_year(record, history)],
        "sources": [s.model_dump(mode="json") for s in record.sources],
    }
