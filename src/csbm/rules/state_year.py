"""Judging a State-year record: the parameter view for its year, the quota ledger, and the
State-year rules (Chapters I and IX)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from csbm._yaml import read_yaml
from csbm.errors import InputError, Problem
from csbm.model.dossier import Act, Dossier, PartialDate, Source
from csbm.model.finding import Deadline, Finding, Outcome
from csbm.model.load import problems_from
from csbm.model.state_year import Answer, StateYear, Verification, VerificationKind
from csbm.rules.engine import ParameterView, RuleSpec, load_ruleset, rules

__all__ = [
    "Ledger",
    "StateYearContext",
    "bundled_history",
    "bundled_state_years",
    "dossier_verifications",
    "find_state_year",
    "judge_state_year",
    "known_state_years",
    "ledger",
    "load_state_year",
    "quota_report",
    "state_years_dir",
    "with_dossier_acts",
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
    """The bundled record of a State-year, with the bundled dossiers' inspection and
    evaluation acts on that State in that year merged in; a record made from those acts
    alone where no State-year file is bundled; None where neither holds anything."""
    path = bundled_state_years().get(f"{state.upper()}-{year}")
    if path:
        return with_dossier_acts(load_state_year(path))
    found, sources = dossier_verifications(state.upper(), year)
    if not found:
        return None
    return StateYear(
        csbm_state_year=1,
        state=state.upper(),
        year=year,
        sources=sources,
        verifications=found,
        note="Made from the inspection and evaluation acts of the bundled activity dossiers; "
        "no State-year file is bundled for this year.",
    )


def bundled_history(state: str) -> list[StateYear]:
    """Every bundled record of one State (files, with the dossiers' acts merged in)."""
    prefix = f"{state.upper()}-"
    return [
        with_dossier_acts(load_state_year(p))
        for k, p in bundled_state_years().items()
        if k.startswith(prefix)
    ]


def known_state_years() -> list[str]:
    """Every State-year `csbm quota` can show: the bundled files and the dossiers' acts."""
    return sorted(set(bundled_state_years()) | set(dossier_state_years()))


def dossier_state_years() -> list[str]:
    """The State-years (e.g. ITA-2015) on which a bundled dossier records an inspection or
    evaluation visit."""
    out = set()
    for d in _bundled_dossiers():
        for act in d.acts:
            v = _act_verification(act, d.activity.id)
            if v is not None:
                for receiving in act.to or []:
                    out.add(f"{receiving}-{v.day.year}")
    return sorted(out)


_ACT_KIND = {
    "inspection": VerificationKind.INSPECTION,
    "evaluation_visit": VerificationKind.EVALUATION,
}


def _bundled_dossiers() -> list[Dossier]:
    from csbm.data import dossiers_dir
    from csbm.model.load import load_dossiers

    return load_dossiers(sorted(dossiers_dir().glob("*.yaml")))


def _latest_day(when: PartialDate) -> date:
    if when.month is None:
        return date(when.year, 12, 31)
    nxt = date(when.year + (when.month == 12), when.month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def _act_verification(act: Act, activity: str, source: str | None = None) -> Verification | None:
    """An inspection or evaluation_visit act as a ledger request (None for other acts, and
    for requests the dossier says were not made)."""
    kind = _ACT_KIND.get(act.type.value)
    if kind is None or not act.made:
        return None
    requested = not_after = None
    if isinstance(act.date, datetime):
        requested = act.date.date()
    elif isinstance(act.date, date):
        requested = act.date
    elif isinstance(act.date, PartialDate) and act.held_from is None:
        not_after = _latest_day(act.date)
    if requested is None and act.held_from is None and not_after is None:
        return None
    by = act.by[0] if act.by else None
    others = [s for s in act.by[1:]] if act.by else []
    note = f"From the dossier {activity}" + (f" (act {act.id})" if act.id else "") + "."
    if others:
        note += f" Team also from {', '.join(others)}."
    if act.note:
        note += f" {act.note}"
    answer = {"accepted": Answer.ACCEPTED, "refused": Answer.REFUSED}.get(
        act.response or "", Answer.UNKNOWN
    )
    return Verification(
        kind=kind,
        by=by,
        requested=requested,
        answer=answer,
        start=act.held_from,
        end=act.held_to,
        not_after=not_after,
        grounds=act.reason,
        quota_cited=act.quota_cited,
        source=source or act.source,
        note=note,
    )


def dossier_verifications(
    state: str, year: int, dossiers: Sequence[Dossier] | None = None
) -> tuple[list[Verification], list[Source]]:
    """The inspections and evaluation visits on `state` that the dossiers record in `year`,
    with the dossier sources they cite (ids prefixed by the activity id, so that sources of
    different files cannot collide)."""
    found: list[Verification] = []
    sources: dict[str, Source] = {}
    for d in _bundled_dossiers() if dossiers is None else dossiers:
        by_id = {s.id: s for s in d.sources}
        for act in d.acts:
            if state not in (act.to or []):
                continue
            sid = f"{d.activity.id}.{act.source}"
            v = _act_verification(act, d.activity.id, sid)
            if v is None or v.day.year != year:
                continue
            found.append(v)
            sources[sid] = by_id[act.source].model_copy(update={"id": sid})
    return found, list(sources.values())


def _same_request(a: Verification, b: Verification, a_url: str | None, b_url: str | None) -> bool:
    if a.kind is not b.kind or a.by != b.by or a.by is None:
        return False
    if a.start and b.start:
        return a.start == b.start
    return a_url is not None and a_url == b_url and abs((a.day - b.day).days) <= 31


def with_dossier_acts(record: StateYear, dossiers: Sequence[Dossier] | None = None) -> StateYear:
    """The record with the dossiers' inspection and evaluation acts on its State in its year
    added. A request the record already holds (same kind and requesting State, and the same
    first day, or the same source page within a month) is not added twice; the visit's days
    the dossier gives fill in where the record has none."""
    found, sources = dossier_verifications(record.state, record.year, dossiers)
    if not found:
        return record
    url = {s.id: s.url for s in [*record.sources, *sources]}
    merged = list(record.verifications)
    added = []
    for v in found:
        match = next(
            (
                i
                for i, mine in enumerate(merged)
                if _same_request(mine, v, url.get(mine.source), url.get(v.source))
            ),
            None,
        )
        if match is None:
            merged.append(v)
            added.append(v.source)
        elif merged[match].start is None and v.start is not None:
            merged[match] = merged[match].model_copy(update={"start": v.start, "end": v.end})
    used = {s.id: s for s in sources if s.id in added}
    if not used and merged == list(record.verifications):
        return record
    return StateYear.model_validate(
        {
            **record.model_dump(mode="python"),
            "sources": [*record.sources, *used.values()],
            "verifications": merged,
        }
    )


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
