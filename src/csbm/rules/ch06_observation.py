"""Chapter VI: observation of certain military activities."""

from __future__ import annotations

from datetime import timedelta

from csbm.model.dossier import ActType
from csbm.model.finding import Finding, Outcome
from csbm.rules._common import (
    DIVISION_ASSUMPTION,
    LAND_KINDS,
    Obligation,
    gated,
    owed_by_hosts,
    thresholds_gate,
)
from csbm.rules.engine import Context, rule


@rule(
    "ch06.observation_invitation",
    title="Observers invited with the notification",
    cites=[("vd2011", "VI 45.4"), ("vd2011", "VI (alert-activity provision)")],
    since="2011-12-01",
    reads=["ch06.", "ch05.lead_days"],
)
def observation_invitation(ctx: Context) -> list[Finding]:
    """An activity at or above any Chapter VI threshold is open to observers: the host State
    invites all other participating States in writing at the time of notification. An alert
    activity needs no invitation unless it lasts more than 72 hours."""
    activity = ctx.dossier.activity
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
            )
        ]
    max_hours = ctx.params.number("ch06.alert_max_hours")
    hours = activity.hours
    lead = int(ctx.params.number("ch05.lead_days"))
    due = activity.start - timedelta(days=lead)
    long_alert = hours > max_hours
    if activity.alert is True and not long_alert:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                f"Alert activity of {hours} hours, not more than {max_hours:.0f}: no "
                "observation invitation is required.",
                applies=False,
                claims=gate.claims,
                assumptions=assumptions,
            )
        ]
    if activity.alert is True:
        obligation = owed_by_hosts(ctx, ActType.OBSERVATION_INVITATION, None)
        duty = (
            f"the alert activity lasted {hours} hours, more than {max_hours:.0f}, so observers "
            "had to be invited"
        )
    elif activity.alert is None and not long_alert:
        normal = owed_by_hosts(ctx, ActType.OBSERVATION_INVITATION, due)
        if normal.outcome is not Outcome.COMPLIANT:
            normal = Obligation(
                Outcome.INDETERMINATE,
                f"if it was not an alert activity, {normal.reason}; if it was, no invitation "
                f"was needed (it lasted {hours} hours, not more than {max_hours:.0f})",
                normal.deadline,
            )
        obligation = normal
        duty = f"invitations were due by {due}, unless it was an alert activity"
    else:
        obligation = owed_by_hosts(ctx, ActType.OBSERVATION_INVITATION, due)
        duty = f"invitations were due with the notification, by {due}"
    outcome, reason = gated(gate, obligation, "observable", duty)
    return [
        ctx.finding(
            outcome,
            reason,
            applies=gate.result,
            claims=gate.claims,
            deadline=obligation.deadline,
            assumptions=assumptions,
        )
    ]
