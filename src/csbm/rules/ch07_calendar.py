"""Chapter VII: annual calendars."""

from __future__ import annotations

from csbm.model.dossier import ActType
from csbm.model.finding import Finding, Outcome
from csbm.rules._common import gated, november_deadline, owed_by_conductors, thresholds_gate
from csbm.rules.engine import Context, rule


@rule(
    "ch07.annual_calendar",
    title="In the annual calendar by 15 November",
    cites=[("vd2011", "VII (annual calendar)")],
    since="1991-01-01",
    reads=["ch07.", "ch05.land.", "ch05.amphibious_parachute."],
)
def annual_calendar(ctx: Context) -> list[Finding]:
    """Each State sends, by 15 November, its calendar of the activities subject to prior
    notification that it plans for the next year. Alert activities cannot be foreseen and are
    outside this rule."""
    activity = ctx.dossier.activity
    gate = thresholds_gate(ctx, "ch05")
    due = november_deadline(ctx, 1)
    if gate.result is False:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                f"Not a notifiable activity, so not for the calendar: {gate.reason}.",
                applies=False,
                claims=gate.claims,
            )
        ]
    if activity.alert is True:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                "An alert activity is not planned in advance, so it is not expected in the "
                "annual calendar.",
                applies=False,
                claims=gate.claims,
            )
        ]
    obligation = owed_by_conductors(ctx, ActType.CALENDAR_ENTRY, due)
    duty = f"it belonged in the calendar for {activity.start.year}, due by {due}"
    if activity.alert is None and obligation.outcome is not Outcome.COMPLIANT:
        obligation.outcome = (
            Outcome.CONFLICT if obligation.outcome is Outcome.CONFLICT else Outcome.INDETERMINATE
        )
        obligation.reason += (
            "; an alert activity would be exempt, and whether it was one is unknown"
        )
    outcome, reason = gated(gate, obligation, "notifiable", duty)
    return [
        ctx.finding(
            outcome, reason, applies=gate.result, claims=gate.claims, deadline=obligation.deadline
        )
    ]
