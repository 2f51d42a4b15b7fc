"""Chapter VIII: constraining provisions.

The large-activity rule looks at one activity. The four counting constraints need
every activity of a State, so they are evaluated over the set of dossiers being
assessed: their reasons say how many activities that set held.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from csbm.evidence.estimate import Estimates
from csbm.model.dossier import ActivityKind, ActType, Dossier, Quantity
from csbm.model.finding import Finding, Outcome
from csbm.rules._common import (
    Obligation,
    Test,
    bound,
    combine,
    fmt,
    gated,
    label,
    not_bound,
    november_deadline,
    owed_by_conductors,
    threshold_test,
)
from csbm.rules._factors import command_factor, duty_factor, lean_of, rebuttal, triggers
from csbm.rules.ch_zone import activity_zone
from csbm.rules.engine import Context, ParameterView, Peer, rule
from csbm.rules.lean import Shape, Verdict

_MULTINATIONAL = (
    "A multinational activity counts in full against each conducting State's limits; the "
    "Document's text on sharing is unverified."
)


_QUANTITIES = (Quantity.TROOPS, Quantity.TANKS, Quantity.ACV, Quantity.ARTILLERY)

# The four criteria of each Chapter VIII tier ("more than" any one of them), as parameter
# paths in the order of _QUANTITIES. Constraint 2 (¶67.1, not seen) is read with the band of
# ¶67.3, and its findings say so.
_TIERS: dict[str, tuple[str, str, str, str]] = {
    "large": ("ch08.large.troops", "ch08.large.tanks", "ch08.large.acv", "ch08.large.artillery"),
    "band": ("ch08.band.troops", "ch08.band.tanks", "ch08.band.acv", "ch08.band.artillery"),
    "upper": (
        "ch08.constraint_3.troops",
        "ch08.constraint_3.tanks",
        "ch08.constraint_3.acv",
        "ch08.constraint_3.artillery",
    ),
    "simultaneous": (
        "ch08.band.troops",
        "ch08.band.tanks",
        "ch08.band.acv",
        "ch08.band.artillery",
    ),
}


def _large_test(estimates: Estimates, params: ParameterView) -> tuple[bool | None, str, list[str]]:
    t = threshold_test(
        estimates, params, list(zip(_QUANTITIES, _TIERS["large"], strict=True)), strict=True
    )
    return t.result, t.reason, t.claims


@rule(
    "ch08.large_activity_communication",
    title="Large activities communicated two years ahead",
    cites=[("vd2011", "VIII 68"), ("vd2011", "VIII 70")],
    since="1991-01-01",
    reads=["ch08.large.", "ch07.", "evidence.default_", "evidence.prior_weight"],
)
def large_activity_communication(ctx: Context) -> list[Finding]:
    """An activity of more than 40,000 troops, 900 battle tanks, 2,000 ACV or 900 artillery
    pieces is communicated in writing by 15 November two years before the year it starts in,
    and may not be carried out unless it was so communicated and is in the annual calendar."""
    activity = ctx.dossier.activity
    unbound = not_bound(ctx, activity.conducting_states, "the communication of a large activity")
    if unbound is not None:
        return [unbound]
    where = activity_zone(ctx.dossier)
    if where.where == "outside":
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                f"Outside the zone of application ({where.reason}).",
                applies=False,
            )
        ]
    result, why, claims = _large_test(ctx.estimates, ctx.params)
    gate_reason = f"{ctx.scenario.value} figures: {why}"
    if where.where == "mixed" and result is True:
        result = None
        gate_reason += ", but part of the activity may lie outside the zone"
    if activity.kind is ActivityKind.LAND_EXERCISE and result is not False:
        soc = activity.single_operational_command
        if soc is False:
            result, gate_reason = False, "not under a single operational command; " + gate_reason
        elif soc is None and result is True:
            result = None
            gate_reason += ", but whether under a single operational command is unknown"
    if result is False:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                f"Not a large activity: {gate_reason}.",
                applies=False,
                claims=claims,
                verdict=rebuttal(command_factor(ctx)[1]),
            )
        ]
    years = int(ctx.params.number("ch08.large.communication_years_ahead"))
    comm_due = november_deadline(ctx, years)
    cal_due = november_deadline(ctx, 1)
    communicated = owed_by_conductors(ctx, ActType.LARGE_ACTIVITY_COMMUNICATION, comm_due)
    both = combine([communicated, owed_by_conductors(ctx, ActType.CALENDAR_ENTRY, cal_due)])
    obligation = Obligation(both.outcome, both.reason, communicated.deadline)
    duty = f"it had to be communicated by {comm_due} and be in the calendar sent by {cal_due}"
    outcome, reason = gated(Test(result, gate_reason, claims), obligation, "a large activity", duty)
    return [
        ctx.finding(
            outcome,
            reason,
            applies=result,
            claims=claims,
            deadline=obligation.deadline,
            verdict=_large_lean(ctx, comm_due, cal_due),
            assumptions=[
                "Alert activities are not exempted here; whether the Document exempts them "
                "from this rule is unverified."
            ],
        )
    ]


def _large_lean(ctx: Context, comm_due: date, cal_due: date) -> Verdict:
    thresholds = list(zip(_QUANTITIES, _TIERS["large"], strict=True))
    facts, rebutted = triggers(ctx, thresholds, strict=True)
    states = bound(ctx, ctx.dossier.activity.conducting_states)
    duties = [
        duty_factor(ctx, ActType.LARGE_ACTIVITY_COMMUNICATION, states, comm_due),
        duty_factor(ctx, ActType.CALENDAR_ENTRY, states, cal_due),
    ]
    return lean_of(Shape(facts, duties, not_owed="not a large activity"), rebutted)


# --- counting constraints over a State's activities -----------------------------------


def _or(a: bool | None, b: bool | None) -> bool | None:
    if a is True or b is True:
        return True
    if a is False and b is False:
        return False
    return None


def _and(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    if a is True and b is True:
        return True
    return None


def _not(a: bool | None) -> bool | None:
    return None if a is None else not a


@dataclass(frozen=True)
class _Counted:
    dossier: Dossier
    status: bool | None  # True: counts; None: might count; False: does not


def _single_command(d: Dossier) -> bool | None:
    if d.activity.kind is not ActivityKind.LAND_EXERCISE:
        return True
    return d.activity.single_operational_command


def _more(est: Estimates, q: Quantity, threshold: float | None) -> bool | None:
    """More than the threshold? None when the figure, or the threshold, is unknown."""
    if threshold == math.inf:
        return False  # the instrument has no such criterion
    e = est.get(q)
    if e is None or threshold is None:
        return None
    return e.interval.more_than(threshold)


# Which tiers decide whether an activity counts towards each limit: the first is the tier
# itself; a second one is the large-activity tier it must stay below.
_KIND_PATHS = {
    "large": ["large"],
    "band": ["large", "band"],
    # Constraint 3 counts "of those" of constraint 2: in the band as well as above its own.
    "upper": ["large", "upper", "band"],
    "simultaneous": ["simultaneous"],
}

_Limits = tuple[float | None, ...]


def _classify(limits: list[_Limits], peer: Peer, kind: str) -> bool | None:
    """Does the activity count towards a constraint? None when the evidence cannot say.

    `limits` are the thresholds of the tiers in `_KIND_PATHS[kind]`, in that order.
    """
    est = peer.estimates

    def above(limit: _Limits) -> bool | None:
        out: bool | None = False
        for q, threshold in zip(_QUANTITIES, limit, strict=True):
            out = _or(out, _more(est, q, threshold))
        return out

    if kind == "large" or kind == "simultaneous":
        counts = above(limits[0])
    else:  # band / upper: above their own thresholds, but not a large activity
        counts = _not(above(limits[0]))
        for limit in limits[1:]:
            counts = _and(counts, above(limit))
    return _and(_in_zone(peer.dossier), _and(_single_command(peer.dossier), counts))


def _in_zone(d: Dossier) -> bool | None:
    """Only activities in the zone count against the limits (no location: taken as in it)."""
    where = activity_zone(d).where
    return False if where == "outside" else None if where == "mixed" else True


def _limits(ctx: Context, tier: str) -> _Limits:
    """A tier's thresholds: None where the value is unknown under the ruleset."""
    return tuple(ctx.params.threshold(path) for path in _TIERS[tier])


def _state_peers(ctx: Context, state: str) -> list[Peer]:
    key = ("peers-of", state)
    if key not in ctx.memo:
        ids = {p.dossier.activity.id for p in ctx.peers}
        # A part of an activity in the set counts through its parent, not on its own.
        ctx.memo[key] = [
            p
            for p in ctx.peers
            if state in p.dossier.activity.conducting_states
            and p.dossier.activity.parent not in ids
        ]
    found: list[Peer] = ctx.memo[key]  # type: ignore[assignment]
    return found


def _count(
    ctx: Context, state: str, kind: str, first: date, last: date, *, started: bool
) -> list[_Counted]:
    """The State's activities that started in [first, last] (or, with started=False, that
    overlap it), each with whether it counts as `kind`.

    Memoised per set and scenario: every activity of a State in a year asks the same.
    """
    # The thresholds are part of the key: activities judged under different dates of one
    # ruleset (or a what-if) may read different values.
    limits = [_limits(ctx, tier) for tier in _KIND_PATHS[kind]]
    key = ("count", state, kind, first, last, started, tuple(limits))
    if key not in ctx.memo:
        ctx.memo[key] = [
            _Counted(p.dossier, _classify(limits, p, kind))
            for p in _state_peers(ctx, state)
            if (first <= p.dossier.activity.start <= last)
            or (
                not started and p.dossier.activity.start <= last and p.dossier.activity.end >= first
            )
        ]
    found: list[_Counted] = ctx.memo[key]  # type: ignore[assignment]
    return found


def _verdict(
    counted: Sequence[_Counted], limit: int, what: str, scope: str, set_size: int
) -> tuple[Outcome, str, bool | None]:
    sure = [c.dossier.activity.id for c in counted if c.status is True]
    maybe = [c.dossier.activity.id for c in counted if c.status is None]
    listed = f" ({', '.join(sure)})" if sure else ""
    possible = f"; {len(maybe)} more might ({', '.join(maybe)})" if maybe else ""
    basis = (
        "judged alone: the only activity assessed (csbm assess --all, or the web, count "
        "the whole record)"
        if set_size == 1
        else (f"among the {set_size} activities assessed together")
    )
    # "activities" is the plural the callers write; one activity reads in the singular.
    noun = what.replace("activities", "activity", 1) if len(sure) == 1 else what
    text = f"{scope}: {_n(len(sure))} {noun}{listed}{possible}, limit {limit}, {basis}"
    if len(sure) > limit:
        return Outcome.NON_COMPLIANT, f"Over the limit. {text}.", True
    if len(sure) + len(maybe) <= limit:
        engaged = True if sure else None if maybe else False
        return Outcome.COMPLIANT, f"Within the limit. {text}.", engaged
    return Outcome.INDETERMINATE, f"May exceed the limit. {text}.", None


def _judged(
    ctx: Context, counted: list[_Counted], limit: int, what: str, scope: str
) -> tuple[Outcome, str, bool | None]:
    """`_verdict`, worked out once per counted set: every activity of a State in a year asks
    the same question of the same list (`_count` memoises it, so its identity is stable)."""
    key = ("verdict", id(counted), limit, what, scope)
    if key not in ctx.memo:
        ctx.memo[key] = _verdict(counted, limit, what, scope, len(ctx.peers))
    found: tuple[Outcome, str, bool | None] = ctx.memo[key]  # type: ignore[assignment]
    return found


def _n(count: int) -> str:
    return "no" if count == 0 else str(count)


def _subjects(ctx: Context) -> list[tuple[str, int]]:
    year = ctx.dossier.activity.start.year
    return [(s, year) for s in ctx.dossier.activity.conducting_states]


def _window(ctx: Context, year: int) -> list[tuple[int, int]]:
    n = int(ctx.params.number("ch08.constraint_1.window_years"))
    reading = ctx.params.value("ch08.constraint_1.window_reading")
    if reading == "rolling":
        return [(y, y + n - 1) for y in range(year - n + 1, year + 1)]
    if reading == "fixed":
        anchor = int(ctx.params.number("ch08.constraint_1.window_anchor_year"))
        first = anchor + ((year - anchor) // n) * n
        return [(first, first + n - 1)]
    raise ValueError(f"ch08.constraint_1.window_reading is {reading!r}: use rolling or fixed")


def _tier_text(ctx: Context, tier: str) -> str:
    """The tier's criteria as the parameters give them, e.g. 'above 13,000 troops, 300
    battle tanks, 500 ACV or 300 artillery pieces'."""
    parts = []
    for q, threshold in zip(_QUANTITIES, _limits(ctx, tier), strict=True):
        if threshold == math.inf:
            continue
        figure = "an unknown number of" if threshold is None else fmt(threshold)
        parts.append(f"{figure} {label(q)}")
    if len(parts) > 1:
        return "above " + ", ".join(parts[:-1]) + " or " + parts[-1]
    return "above " + "".join(parts)


@rule(
    "ch08.constraint_1",
    title="At most one large activity in three calendar years",
    cites=[("vd2011", "VIII 67")],
    since="1992-05-01",
    needs="set",
    reads=["ch08.large.", "ch08.constraint_1."],
)
def constraint_1(ctx: Context) -> list[Finding]:
    """A State carries out at most one activity of more than 40,000 troops, 900 battle tanks,
    2,000 ACV or 900 artillery pieces
    within three calendar years (read as rolling or fixed, as the parameter says)."""
    limit = int(ctx.params.number("ch08.constraint_1.max_activities"))
    reading = ctx.params.value("ch08.constraint_1.window_reading")
    findings = []
    for state, year in _subjects(ctx):
        worst: tuple[Outcome, str, bool | None] | None = None
        for first, last in _window(ctx, year):
            counted = _count(
                ctx, state, "large", date(first, 1, 1), date(last, 12, 31), started=True
            )
            verdict = _judged(
                ctx,
                counted,
                limit,
                "large activities",
                f"{state}, {first}–{last} ({reading} reading)",
            )
            order = [Outcome.NON_COMPLIANT, Outcome.INDETERMINATE, Outcome.COMPLIANT]
            if worst is None or order.index(verdict[0]) < order.index(worst[0]):
                worst = verdict
        assert worst is not None
        findings.append(
            ctx.finding(
                worst[0],
                worst[1],
                applies=worst[2],
                subject=f"{state} {year}",
                assumptions=[_MULTINATIONAL],
            )
        )
    return findings


_BAND_READING = (
    "Constraint 2 is read with the figures of ¶67.3 (13,000 troops, 300 tanks, 500 ACV, 300 "
    "artillery); the text of ¶67.1 was not seen."
)


def _per_year(ctx: Context, kind: str, limit_path: str, what: str) -> list[Finding]:
    limit = int(ctx.params.number(limit_path))
    findings = []
    for state, year in _subjects(ctx):
        counted = _count(ctx, state, kind, date(year, 1, 1), date(year, 12, 31), started=True)
        outcome, reason, applies = _judged(ctx, counted, limit, what, f"{state} in {year}")
        assumptions = [_MULTINATIONAL] + ([_BAND_READING] if kind == "band" else [])
        findings.append(
            ctx.finding(
                outcome,
                reason,
                applies=applies,
                subject=f"{state} {year}",
                assumptions=assumptions,
            )
        )
    return findings


@rule(
    "ch08.constraint_2",
    title="At most six activities above 13,000 troops or 300 tanks a year",
    cites=[("vd2011", "VIII 67.1")],
    since="1992-05-01",
    needs="set",
    reads=["ch08.large.", "ch08.band.", "ch08.constraint_2."],
)
def constraint_2(ctx: Context) -> list[Finding]:
    """A State carries out at most six activities a calendar year of more than 13,000 troops or
    300 battle tanks, 500 ACV or 300 artillery pieces (and not large activities)."""
    return _per_year(
        ctx,
        "band",
        "ch08.constraint_2.max_per_year",
        f"activities {_tier_text(ctx, 'band')} (not large)",
    )


@rule(
    "ch08.constraint_3",
    title="Of those, at most three above 25,000 troops or 400 tanks",
    cites=[("vd2011", "VIII 67.2")],
    since="1992-05-01",
    needs="set",
    reads=["ch08.large.", "ch08.band.", "ch08.constraint_3."],
)
def constraint_3(ctx: Context) -> list[Finding]:
    """Of the activities under constraint 2, at most three a calendar year may involve more
    than 25,000 troops or 400 battle tanks (the tier's ACV and artillery figures are unknown)."""
    return _per_year(
        ctx,
        "upper",
        "ch08.constraint_3.max_per_year",
        f"activities {_tier_text(ctx, 'upper')} (not large)",
    )


def _overlap_peak(activities: Sequence[Dossier]) -> tuple[int, date | None, list[str]]:
    """The most activities running on one day, the first such day, and which they were."""
    # A sweep over start and end days: the peak is always reached on some activity's start.
    events = sorted(
        [(d.activity.start, 0, d.activity.id) for d in activities]
        + [(d.activity.end + timedelta(days=1), -1, d.activity.id) for d in activities]
    )
    running: dict[str, None] = {}
    best: tuple[int, date | None, list[str]] = (0, None, [])
    for day, kind, activity_id in events:  # ends (-1) sort before starts (0) on a day
        if kind == -1:
            running.pop(activity_id, None)
            continue
        running[activity_id] = None
        if len(running) > best[0]:
            best = (len(running), day, list(running))
    return best


_Peak = tuple[int, date | None, list[str]]


def _peaks(ctx: Context, counted: list[_Counted]) -> tuple[_Peak, _Peak]:
    """The overlap peaks of the sure and of the possible activities, once per counted set."""
    key = ("peaks", id(counted))
    if key not in ctx.memo:
        sure = [c.dossier for c in counted if c.status is True]
        maybe = [c.dossier for c in counted if c.status is not False]
        ctx.memo[key] = (_overlap_peak(sure), _overlap_peak(maybe))
    found: tuple[_Peak, _Peak] = ctx.memo[key]  # type: ignore[assignment]
    return found


@rule(
    "ch08.constraint_4",
    title="At most three such activities at the same time",
    cites=[("vd2011", "VIII 67.3")],
    since="1992-05-01",
    needs="set",
    reads=["ch08.band.", "ch08.constraint_4."],
)
def constraint_4(ctx: Context) -> list[Finding]:
    """A State carries out at most three activities at the same time each of more than 13,000
    troops, 300 battle tanks, 500 ACV or 300 artillery pieces (¶67.3). An activity running
    over the new year is judged for each calendar year it runs in."""
    limit = int(ctx.params.number("ch08.constraint_4.max_simultaneous"))
    tier = _tier_text(ctx, "simultaneous")
    findings = []
    # An activity running over the new year runs at the same time as activities of either
    # year: it is judged for each calendar year it runs in, not only the one it starts in.
    activity = ctx.dossier.activity
    years = range(activity.start.year, activity.end.year + 1)
    for state, year in [(s, y) for s in activity.conducting_states for y in years]:
        start = date(year, 1, 1)
        end = date(year, 12, 31)
        counted = _count(ctx, state, "simultaneous", start, end, started=False)
        (n_sure, day_sure, ids_sure), (n_maybe, day_maybe, ids_maybe) = _peaks(ctx, counted)
        scope = f"{state} in {year}"
        basis = (
            "judged alone: the only activity assessed (csbm assess --all, or the web, count "
            "the whole record)"
            if len(ctx.peers) == 1
            else (f"among the {len(ctx.peers)} activities assessed together")
        )
        applies: bool | None
        if n_sure > limit:
            outcome, applies = Outcome.NON_COMPLIANT, True
            reason = (
                f"Over the limit. {scope}: {n_sure} activities {tier} "
                f"ran at once on {day_sure} ({', '.join(ids_sure)}), limit "
                f"{limit}, {basis}."
            )
        elif n_maybe <= limit:
            engaged = True if n_sure else None if n_maybe else False
            outcome, applies = Outcome.COMPLIANT, engaged
            at_once = (
                f"no activity {tier} ran"
                if n_maybe == 0
                else f"at most {_n(n_maybe)} {tier} ran at the same time"
            )
            reason = f"Within the limit. {scope}: {at_once}, limit {limit}, {basis}."
        else:
            outcome, applies = Outcome.INDETERMINATE, None
            reason = (
                f"May exceed the limit. {scope}: up to {n_maybe} activities that may be "
                f"{tier} ran at once on {day_maybe} "
                f"({', '.join(ids_maybe)}), limit {limit}, {basis}."
            )
        findings.append(
            ctx.finding(
                outcome,
                reason,
                applies=applies,
                subject=f"{state} {year}",
                assumptions=[_MULTINATIONAL],
            )
        )
    return findings
