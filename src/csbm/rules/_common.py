"""Pieces several rules share: threshold tests, the notifiability gate, acts and deadlines."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from csbm.evidence.estimate import Estimates
from csbm.model.dossier import (
    Act,
    ActivityKind,
    ActType,
    Claim,
    Dossier,
    PartialDate,
    Quantity,
    earliest_day,
    latest_day,
)
from csbm.model.finding import Deadline, Finding, Outcome
from csbm.rules.engine import Context, ParameterView

LAND_KINDS = {ActivityKind.LAND_EXERCISE, ActivityKind.TRANSFER, ActivityKind.CONCENTRATION}
LAND_QUANTITIES = (Quantity.TROOPS, Quantity.TANKS, Quantity.ACV, Quantity.ARTILLERY)
_LABEL = {
    Quantity.TROOPS: "troops",
    Quantity.TANKS: "battle tanks",
    Quantity.ACV: "ACV",
    Quantity.ARTILLERY: "artillery pieces",
}

DIVISION_ASSUMPTION = (
    "The forces are taken to be organised in a divisional structure or at least two "
    "brigades/regiments, as the land thresholds require; csbm cannot check this."
)


def label(q: Quantity) -> str:
    return _LABEL.get(q, q.value.replace("_", " "))


def fmt(n: float) -> str:
    return f"{n:,.0f}"


@dataclass
class Test:
    """Result of testing an activity's figures against a set of thresholds (any one suffices)."""

    result: bool | None
    reason: str
    claims: list[str] = field(default_factory=list)


def threshold_test(
    estimates: Estimates,
    params: ParameterView,
    thresholds: Sequence[tuple[Quantity, str]],
    *,
    strict: bool = False,
) -> Test:
    """Do the figures reach any threshold? `strict` means 'more than' rather than 'at least'."""
    met: list[str] = []
    straddle: list[str] = []
    below: list[str] = []
    missing: list[str] = []
    unknown_rule: list[str] = []
    claims: list[str] = []
    cmp_word = "above" if strict else "at or above"
    not_criteria: list[str] = []
    for quantity, path in thresholds:
        threshold = params.threshold(path)
        if threshold is None:
            unknown_rule.append(label(quantity))
            continue
        if threshold == math.inf:
            not_criteria.append(label(quantity))
            continue
        est = estimates.get(quantity)
        if est is None:
            missing.append(label(quantity))
            continue
        claims.extend(est.claims)
        verdict = est.interval.more_than(threshold) if strict else est.interval.at_least(threshold)
        text = f"{label(quantity)} {est.interval.render()}"
        if verdict is True:
            met.append(f"{text} ({cmp_word} {fmt(threshold)})")
        elif verdict is False:
            below.append(f"{text} (threshold {fmt(threshold)})")
        else:
            straddle.append(f"{text} (straddles {fmt(threshold)})")
    if met:
        return Test(True, "; ".join(met), claims)
    if not straddle and not missing and not unknown_rule:
        if not below:
            return Test(False, "no criterion applies", claims)
        return Test(False, "below every threshold: " + "; ".join(below), claims)
    parts = []
    if straddle:
        parts.append("; ".join(straddle))
    if below:
        parts.append("below: " + "; ".join(below))
    if missing:
        parts.append("no figures for " + ", ".join(missing))
        if not met and not straddle and not below and estimates.without_figures:
            parts.append(
                "statements by the States themselves give no figures ("
                + ", ".join(estimates.without_figures)
                + ")"
            )
    if unknown_rule:
        parts.append("threshold unknown under this ruleset for " + ", ".join(unknown_rule))
    return Test(None, "; ".join(parts), claims)


def chapter_thresholds(dossier: Dossier, chapter: str) -> list[tuple[Quantity, str]]:
    """The thresholds of Chapter V (`ch05`) or VI (`ch06`) for the activity's kind."""
    if dossier.activity.kind in LAND_KINDS:
        return [(q, f"{chapter}.land.{q.value}") for q in LAND_QUANTITIES]
    return [(Quantity.TROOPS, f"{chapter}.amphibious_parachute.troops")]


_BOUND_CHAPTER = {"notification": "ch05", "observation": "ch06"}


def bound_thresholds(dossier: Dossier, params: ParameterView) -> Callable[[Claim], float | None]:
    """What "below the notification/observation thresholds" means for a claim's quantity
    under the ruleset in force: that chapter's threshold for it (None: no such threshold)."""

    def threshold_of(claim: Claim) -> float | None:
        if claim.bound is None or claim.bound.thresholds is None:
            return None
        chapter = _BOUND_CHAPTER[claim.bound.thresholds]
        for quantity, path in chapter_thresholds(dossier, chapter):
            if quantity is claim.quantity:
                return params.threshold(path)
        return None

    return threshold_of


def thresholds_gate(ctx: Context, chapter: str) -> Test:
    """Is the activity subject to the chapter? The zone, the figures, the single command."""
    from csbm.rules.ch_zone import activity_zone

    activity = ctx.dossier.activity
    where = activity_zone(ctx.dossier)
    if where.where == "outside":
        return Test(False, f"outside the zone of application ({where.reason})")
    test = threshold_test(ctx.estimates, ctx.params, chapter_thresholds(ctx.dossier, chapter))
    if where.where == "mixed" and test.result is True:
        test = Test(
            None,
            f"{test.reason}, but part of the activity may lie outside the zone and only "
            "forces in the zone count",
            test.claims,
        )
    prefix = f"{ctx.scenario.value} figures: "
    if activity.kind is not ActivityKind.LAND_EXERCISE:
        return Test(test.result, prefix + test.reason, test.claims)
    soc = activity.single_operational_command
    if soc is False:
        return Test(
            False,
            "the forces were not under a single operational command, so each part is a "
            "separate activity to be tested on its own (" + prefix + test.reason + ")",
            test.claims,
        )
    if soc is None and test.result is True:
        return Test(
            None,
            prefix + test.reason + ", but whether the forces were under a single operational "
            "command is unknown",
            test.claims,
        )
    return Test(test.result, prefix + test.reason, test.claims)


# --- acts and deadlines -------------------------------------------------------------


When = date | datetime
# What an act's date may be: also a month or a year (a PartialDate).
ActWhen = date | datetime | PartialDate


def day(value: ActWhen) -> date:
    """The day of a day or moment; for a month or a year, its first day (for ordering)."""
    return earliest_day(value)


def exact(value: ActWhen | None) -> When | None:
    """A day or a moment as it is; None for a month or a year, which give no deadline."""
    return None if value is None or isinstance(value, PartialDate) else value


def add_hours(start: When, hours: float) -> When:
    """A deadline `hours` after `start`; with a bare date, counted in whole days (48 h = 2
    days). A part of a day counts as the day it ends in: 36 hours after a request made at
    any time of the 1st end some time on the 2nd or 3rd, so a reply on the 3rd may be in
    time (as one on the 3rd is taken to be for 48 hours) and the deadline day is the 3rd."""
    if isinstance(start, datetime):
        return start + timedelta(hours=hours)
    return start + timedelta(days=math.ceil(hours / 24))


def on_time(done: When, due: When) -> bool:
    """Was `done` on or before `due`? Compared at the coarser of the two precisions."""
    # When one has a UTC offset and the other not, only the days can be compared safely.
    same_kind = isinstance(done, datetime) and isinstance(due, datetime)
    if same_kind and (done.tzinfo is None) == (due.tzinfo is None):  # type: ignore[union-attr]
        return done <= due
    return day(done) <= day(due)


def timing(done: ActWhen, due: When) -> bool | None:
    """Was `done` on or before `due`, as far as its precision shows? A month or a year is
    on time only if its last day is, and late only if its first day is; else None."""
    if not isinstance(done, PartialDate):
        return on_time(done, due)
    if latest_day(done) <= day(due):
        return True
    if earliest_day(done) > day(due):
        return False
    return None


def _when_words(done: ActWhen) -> str:
    if isinstance(done, PartialDate):
        return f"in {done} (between {done.earliest()} and {done.latest()})"
    return f"on {done}"


def _lead(ctx: Context, done: PartialDate) -> str:
    """What a month or a year proves about the lead before the start: a range of days."""
    start = ctx.dossier.activity.start
    most, least = (start - done.earliest()).days, (start - done.latest()).days
    if least >= 0:
        return f"at least {least} and at most {most} days before the start on {start}"
    if most >= 0:
        return f"at most {most} days before the start on {start}, possibly after it"
    return f"after the start on {start}"


@dataclass
class Obligation:
    outcome: Outcome
    reason: str
    deadline: Deadline


def _name(act_type: ActType) -> str:
    return act_type.value.replace("_", " ")


# Acts owed to every other participating State (Chapter V ¶38, Chapter VI ¶45.4).
TO_ALL = {ActType.NOTIFICATION, ActType.OBSERVATION_INVITATION}


def not_to_all(ctx: Context, acts: Sequence[Act], state: str) -> str | None:
    """Why `state`'s act did not reach every other participating State, on the sources'
    word: it was made only to chosen States, or withheld from some; None when nothing on
    record says so. (A made act with no `to` is taken as sent to all.)"""
    from csbm.data.states import participating_states

    made = [a for a in acts if a.made]
    withheld = [a for a in acts if not a.made and a.to]
    if made and withheld:
        names = sorted({s for a in withheld for s in a.to or []})
        return f"withheld from {', '.join(names)} (per {withheld[0].source})"
    if made and all(a.to for a in made):
        day = ctx.dossier.activity.start
        everyone = {
            code for code, s in participating_states().items() if s.participating_on(day)
        } - {state}
        reached = {s for a in made for s in a.to or []}
        left = everyone - reached
        if left:
            return (
                f"made only to {', '.join(sorted(reached))} (per {made[0].source}), not to the "
                f"other {len(left)} participating States"
            )
    return None


def made_first(acts: Sequence[Act]) -> list[Act]:
    """The acts made, dated ones first and the earliest first; one dated only in words last."""
    return sorted(
        (a for a in acts if a.made),
        key=lambda a: (a.date is None, day(a.date) if a.date is not None else date.min),
    )


def act_by(ctx: Context, act_type: ActType, state: str, due: When | None) -> Obligation:
    """Did `state` do the act, and in time? Missing records make the answer unknown."""
    acts = [a for a in ctx.acts if a.type is act_type and state in a.by]
    partial = not_to_all(ctx, acts, state) if act_type in TO_ALL else None
    if partial is not None:
        what = _name(act_type)
        return Obligation(
            Outcome.NON_COMPLIANT,
            f"the {what} by {state} did not go to every participating State: {partial}",
            Deadline(due=due, met=False),
        )
    made = made_first(acts)
    not_made = [a for a in acts if not a.made]
    what = _name(act_type)
    if made and not_made and due is not None:
        late = [a for a in made if a.date is not None and timing(a.date, due) is False]
        if len(late) == len(made):
            # One source says it was made late, another that it was not made: missed either way.
            first = late[0]
            assert first.date is not None
            return Obligation(
                Outcome.NON_COMPLIANT,
                f"sources disagree on the {what} by {state}, but it missed the deadline of "
                f"{due} either way: {first.source} records one {_when_words(first.date)}, "
                f"after it; {not_made[0].source} says none was made",
                Deadline(due=due, met=False, done=first.date),
            )
    if made and not_made:
        first = made[0]
        when = _when_words(first.date) if first.date is not None else "on a date not given"
        return Obligation(
            Outcome.CONFLICT,
            f"sources disagree on the {what} by {state}: {first.source} records one "
            f"{when}, {not_made[0].source} says none was made",
            Deadline(due=due, met=None, done=first.date),
        )
    if not_made:
        return Obligation(
            Outcome.NON_COMPLIANT,
            f"{state} made no {what} (per {not_made[0].source})",
            Deadline(due=due, met=False),
        )
    if not made:
        return Obligation(
            Outcome.INDETERMINATE,
            f"no {what} by {state} is on record (missing is not proof it was not made)",
            Deadline(due=due, met=None),
        )
    act = made[0]
    done = act.date
    if done is None:
        # Made, on the source's word, but on no date it gives.
        words = f" ('{act.date_text}')" if act.date_text else ""
        if due is None:
            return Obligation(
                Outcome.COMPLIANT,
                f"{state} made the {what}, on a date the source does not give{words} "
                f"(per {act.source})",
                Deadline(due=None, met=True),
            )
        return Obligation(
            Outcome.INDETERMINATE,
            f"{state} made the {what}, but the source gives no date{words}, so whether it "
            f"was made by {due} is unknown (per {act.source})",
            Deadline(due=due, met=None),
        )
    when = _when_words(done)
    if due is None:
        return Obligation(
            Outcome.COMPLIANT,
            f"{state} made the {what} {when} (per {act.source})",
            Deadline(due=None, met=True, done=done),
        )
    met = timing(done, due)
    lead = f"; {_lead(ctx, done)}" if isinstance(done, PartialDate) else ""
    if met is None:
        assert isinstance(done, PartialDate)
        return Obligation(
            Outcome.INDETERMINATE,
            f"{state} made the {what} {when}{lead}; the deadline of {due} falls within that "
            f"period, so the date on record shows neither that it was met nor that it was "
            f"missed (per {act.source})",
            Deadline(due=due, met=None, done=done),
        )
    if met:
        return Obligation(
            Outcome.COMPLIANT,
            f"{state} made the {what} {when}{lead}, on or before {due} (per {act.source})",
            Deadline(due=due, met=True, done=done),
        )
    return Obligation(
        Outcome.NON_COMPLIANT,
        f"{state} made the {what} {when}{lead}, after the deadline of {due} (per {act.source})",
        Deadline(due=due, met=False, done=done),
    )


_SEVERITY = [Outcome.CONFLICT, Outcome.NON_COMPLIANT, Outcome.INDETERMINATE, Outcome.COMPLIANT]


def combine(obligations: Sequence[Obligation]) -> Obligation:
    """Several States owe the same act: the worst outcome wins; all reasons are kept."""
    worst = min(obligations, key=lambda o: _SEVERITY.index(o.outcome))
    reason = "; ".join(o.reason for o in obligations)
    return Obligation(worst.outcome, reason, worst.deadline)


def bound(ctx: Context, states: Sequence[str]) -> list[str]:
    """The States the Document bound on the activity's start: participating States (a
    State whose standing is not on file is kept, and general.participating_states says so)."""
    from csbm.data.states import participating_on

    day = ctx.dossier.activity.start
    return [s for s in states if participating_on(s, day) is not False]


def not_bound(ctx: Context, states: Sequence[str], owed: str) -> Finding | None:
    """A not_applicable finding when none of the States that owe the duty was bound by it."""
    if bound(ctx, states):
        return None
    day = ctx.dossier.activity.start
    named = ", ".join(states)
    return ctx.finding(
        Outcome.NOT_APPLICABLE,
        f"{named} {'was' if len(states) == 1 else 'were'} not a participating State on {day}: "
        f"{owed} binds only participating States.",
        applies=False,
    )


def owed_by_hosts(ctx: Context, act_type: ActType, due: When | None) -> Obligation:
    """Acts the host State owes (notification, invitations): it acts for the activity."""
    states = bound(ctx, ctx.dossier.activity.host_states)
    return combine([act_by(ctx, act_type, s, due) for s in states])


def owed_by_conductors(ctx: Context, act_type: ActType, due: When | None) -> Obligation:
    """Acts each conducting State owes about its own activities (calendars, Chapter VIII)."""
    states = bound(ctx, ctx.dossier.activity.conducting_states)
    return combine([act_by(ctx, act_type, s, due) for s in states])


def either_due(ctx: Context, act_type: ActType, normal_due: When, alert_due: When) -> Obligation:
    """When it is unknown whether the activity was an alert one, test both deadlines."""
    normal = owed_by_hosts(ctx, act_type, normal_due)
    alert = owed_by_hosts(ctx, act_type, alert_due)
    if normal.outcome is alert.outcome:
        return Obligation(
            normal.outcome,
            normal.reason + " (the answer is the same whether or not it was an alert activity)",
            normal.deadline,
        )
    return Obligation(
        Outcome.INDETERMINATE,
        f"whether it was an alert activity is unknown: if not, {normal.reason}; "
        f"if it was, {alert.reason}",
        Deadline(due=normal_due, met=None, done=normal.deadline.done),
    )


def gated(gate: Test, obligation: Obligation, trigger: str, duty: str) -> tuple[Outcome, str]:
    """Join 'is the rule triggered?' with 'was the duty done?' into one outcome and reason.

    `trigger` names the state ("notifiable"), `duty` the resulting obligation
    ("notification was due by 2021-12-30").
    """
    if gate.result is True:
        return (
            obligation.outcome,
            f"{trigger.capitalize()} ({gate.reason}): {duty}; {obligation.reason}.",
        )
    if obligation.outcome is Outcome.COMPLIANT:
        return (
            Outcome.COMPLIANT,
            f"Possibly {trigger} ({gate.reason}); {obligation.reason}, so the duty was met "
            "either way.",
        )
    if obligation.outcome is Outcome.CONFLICT:
        return Outcome.CONFLICT, f"Possibly {trigger} ({gate.reason}); {obligation.reason}."
    return (
        Outcome.INDETERMINATE,
        f"Possibly {trigger} ({gate.reason}); if so, {duty}, and {obligation.reason}.",
    )


def acts_of(ctx: Context, act_type: ActType) -> list[Act]:
    return [a for a in ctx.acts if a.type is act_type]


def november_deadline(ctx: Context, years_before: int) -> date:
    month_day = str(ctx.params.value("ch07.calendar_deadline"))
    month, dd = (int(x) for x in month_day.split("-"))
    return date(ctx.dossier.activity.start.year - years_before, month, dd)
