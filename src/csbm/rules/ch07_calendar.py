"""Chapter VII: annual calendars."""

from __future__ import annotations

from datetime import date

from csbm.model.dossier import ActType
from csbm.model.finding import Finding, Outcome
from csbm.rules._common import (
    chapter_thresholds,
    gated,
    not_bound,
    november_deadline,
    owed_by_conductors,
    thresholds_gate,
)
from csbm.rules._factors import (
    alert_chance,
    command_factor,
    duty_factor,
    lean_of,
    rebuttal,
    triggers,
)
from csbm.rules.engine import Context, rule
from csbm.rules.lean import Factor, Shape, Verdict


@rule(
    "ch07.annual_calendar",
    title="In the annual calendar by 15 November",
    cites=[("vd2011", "VII (annual calendar)")],
    since="1991-01-01",
    reads=[
        "ch07.",
        "ch05.land.",
        "ch05.amphibious_parachute.",
        "evidence.default_",
        "evidence.prior_weight",
    ],
)
def annual_calendar(ctx: Context) -> list[Finding]:
    """Each State sends, by 15 November, its calendar of the activities subject to prior
    notification that it plans for the next year. Alert activities cannot be foreseen and are
    outside this rule."""
    activity = ctx.dossier.activity
    unbound = not_bound(ctx, activity.conducting_states, "the annual calendar")
    if unbound is not None:
        return [unbound]
    gate = thresholds_gate(ctx, "ch05")
    due = november_deadline(ctx, 1)
    if gate.result is False:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                f"Not a notifiable activity, so not for the calendar: {gate.reason}.",
                applies=False,
                claims=gate.claims,
                verdict=rebuttal(command_factor(ctx)[1]),
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
            outcome,
            reason,
            applies=gate.result,
            claims=gate.claims,
            deadline=obligation.deadline,
            verdict=_lean(ctx, due),
        )
    ]


def _lean(ctx: Context, due: date) -> Verdict:
    facts, rebutted = triggers(ctx, chapter_thresholds(ctx.dossier, "ch05"))
    p_alert, presumed = alert_chance(ctx)
    exemptions = []
    if p_alert != 0.0:
        basis = "unknown" if p_alert is None else f"{p_alert:.0%}, presumed"
        exemptions.append(
            Factor("alert", "an alert activity", p_alert, "true", "false", basis, presumed)
        )
    entered = duty_factor(ctx, ActType.CALENDAR_ENTRY, ctx.dossier.activity.conducting_states, due)
    shape = Shape(facts, [entered], exemptions, not_owed="not for the calendar")
    return lean_of(shape, rebutted)
