"""Chapter VI: observation of certain military activities."""

from __future__ import annotations

from datetime import date, timedelta

from csbm.model.dossier import ActType
from csbm.model.finding import Finding, Outcome
from csbm.rules._common import (
    DIVISION_ASSUMPTION,
    LAND_KINDS,
    Obligation,
    chapter_thresholds,
    gated,
    not_bound,
    owed_by_hosts,
    thresholds_gate,
)
from csbm.rules._factors import (
    alert_chance,
    command_factor,
    host_duty,
    lean_of,
    rebuttal,
    triggers,
)
from csbm.rules.engine import Context, rule
from csbm.rules.lean import Factor, Shape, Verdict


@rule(
    "ch06.observation_invitation",
    title="Observers invited with the notification",
    cites=[("vd2011", "VI 45.4"), ("vd2011", "VI (alert-activity provision)")],
    since="1991-01-01",
    reads=["ch06.", "ch05.lead_days", "evidence.default_", "evidence.prior_weight"],
)
def observation_invitation(ctx: Context) -> list[Finding]:
    """An activity at or above any Chapter VI threshold is open to observers: the host State
    invites all other participating States in writing at the time of notification. An alert
    activity needs no invitation unless it lasts more than 72 hours."""
    activity = ctx.dossier.activity
    unbound = not_bound(ctx, activity.host_states, "the invitation of observers")
    if unbound is not None:
        return [unbound]
    gate = thresholds_gate(ctx, "ch06")
    assumptions = [DIVISION_ASSUMPTION] if activity.kind in LAND_KINDS else []
    if gate.result is False:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                f"Observation not required: {gate.reason}.",
                applies=False,
                claims=gate.claims,
                assumptions=assumptions,
                verdict=rebuttal(command_factor(ctx)[1]),
            )
        ]
    # Not needed for a non-alert activity; unknown under some older rulesets.
    max_hours = None if activity.alert is False else ctx.params.known_number("ch06.alert_max_hours")
    lead = int(ctx.params.number("ch05.lead_days"))
    normal_due = activity.start - timedelta(days=lead)
    shortest, longest = activity.hours_range
    length = (
        f"{longest} hours"
        if shortest == longest
        else (
            f"between {shortest} and {longest} hours (only dates are known)"
            if longest <= 96
            else f"between {shortest // 24} and {longest // 24} days (only dates are known)"
        )
    )
    # Is it an alert activity lasting more than the limit? None: the dates cannot tell.
    # With dates only, the lower bound is exclusive: it ran for more than `shortest` hours.
    long_alert: bool | None
    if max_hours is None:
        long_alert, limit = None, "the alert-activity limit (unknown under this ruleset)"
    else:
        passed = shortest > max_hours or (activity.duration_hours is None and shortest >= max_hours)
        long_alert = True if passed else False if longest <= max_hours else None
        limit = f"{max_hours:.0f} hours"

    # What is owed if it was an alert activity: nothing when short; else an invitation with
    # the notification, which for an alert activity is due when the troops start.
    if long_alert is False:
        as_alert: Obligation | None = None
    else:
        owed = owed_by_hosts(ctx, ActType.OBSERVATION_INVITATION, activity.start)
        if long_alert is None and owed.outcome is not Outcome.COMPLIANT:
            owed = Obligation(
                Outcome.INDETERMINATE,
                f"it lasted {length}, so whether it passed {limit} is unknown: if it did, "
                f"{owed.reason}; if not, no invitation was needed",
                owed.deadline,
            )
        as_alert = owed

    if activity.alert is True:
        if as_alert is None:
            return [
                ctx.finding(
                    Outcome.NOT_APPLICABLE,
                    f"Alert activity of {length}, not more than {limit}: no observation "
                    "invitation is required.",
                    applies=False,
                    claims=gate.claims,
                    assumptions=assumptions,
                )
            ]
        obligation = as_alert
        duty = (
            f"an alert activity of {length} must be opened to observers when it passes "
            f"{limit}, with invitations due with the notification at the start "
            f"({activity.start})"
        )
    elif activity.alert is False:
        obligation = owed_by_hosts(ctx, ActType.OBSERVATION_INVITATION, normal_due)
        duty = f"invitations were due with the notification, by {normal_due}"
    else:
        normal = owed_by_hosts(ctx, ActType.OBSERVATION_INVITATION, normal_due)
        # Either reading gives the same answer: no need to know whether it was an alert.
        agree = (as_alert is not None and as_alert.outcome is normal.outcome) or (
            as_alert is None and normal.outcome is Outcome.COMPLIANT
        )
        if agree:
            obligation = normal
        else:
            other = (
                f"no invitation was needed, as it lasted {length}"
                if as_alert is None
                else as_alert.reason
            )
            obligation = Obligation(
                Outcome.CONFLICT if normal.outcome is Outcome.CONFLICT else Outcome.INDETERMINATE,
                f"whether it was an alert activity is unknown: if not, {normal.reason}; "
                f"if it was, {other}",
                normal.deadline,
            )
        duty = (
            f"invitations were due by {normal_due}, or at the start if it was an alert "
            f"activity lasting more than {limit}"
        )
    outcome, reason = gated(gate, obligation, "observable", duty)
    return [
        ctx.finding(
            outcome,
            reason,
            applies=gate.result,
            claims=gate.claims,
            deadline=obligation.deadline,
            assumptions=assumptions,
            verdict=_lean(ctx, normal_due, max_hours),
        )
    ]


def _long_chance(ctx: Context, max_hours: float | None) -> float | None:
    """The chance the activity lasted more than the alert-activity limit: from the dates,
    the share of the possible lengths above it."""
    if max_hours is None:
        return None
    shortest, longest = ctx.dossier.activity.hours_range
    if shortest > max_hours:
        return 1.0
    if longest <= max_hours:
        return 0.0
    return (longest - max_hours) / (longest - shortest)


def _lean(ctx: Context, normal_due: date, max_hours: float | None) -> Verdict:
    activity = ctx.dossier.activity
    facts, rebutted = triggers(ctx, chapter_thresholds(ctx.dossier, "ch06"))
    p_alert, presumed = alert_chance(ctx)
    p_long = _long_chance(ctx, max_hours) if p_alert != 0.0 else 0.0
    exemptions: list[Factor] = []
    p_alert_owed: float | None = p_alert
    if p_alert != 0.0:
        p_short = None if p_alert is None or p_long is None else p_alert * (1 - p_long)
        exemptions.append(
            Factor(
                "short_alert",
                "a short alert activity (no invitation needed)",
                p_short,
                "true",
                "false",
                "alert activity: "
                + ("unknown" if p_alert is None else f"{p_alert:.0%}")
                + "; lasting more than the limit: "
                + ("unknown" if p_long is None else f"{p_long:.0%}"),
                presumed if activity.alert is None else (),
            )
        )
        # Owed at all: the chance it was a (long) alert activity among the cases owed.
        if p_short is not None and p_short < 1 and p_alert is not None and p_long is not None:
            p_alert_owed = p_alert * p_long / (1 - p_short)
        else:
            p_alert_owed = None if p_short is None else p_alert
    invited = host_duty(ctx, ActType.OBSERVATION_INVITATION, normal_due, p_alert_owed, presumed)
    shape = Shape(facts, [invited], exemptions, not_owed="not observable")
    return lean_of(shape, rebutted)
