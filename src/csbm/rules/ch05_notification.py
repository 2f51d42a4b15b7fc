"""Chapter V: prior notification of certain military activities."""

from __future__ import annotations

from datetime import date, timedelta

from csbm.model.dossier import ActType
from csbm.model.finding import Finding, Outcome
from csbm.rules._common import (
    DIVISION_ASSUMPTION,
    LAND_KINDS,
    chapter_thresholds,
    either_due,
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
from csbm.rules.lean import Shape, Verdict

OTHER_STATES_ASSUMPTION = (
    "Only the host State's notification is tested; other participating States whose own "
    "forces reach a threshold also notify, which needs per-State figures."
)


@rule(
    "ch05.prior_notification",
    title="Prior notification 42 days ahead",
    cites=[
        ("vd2011", "V 38"),
        ("vd2011", "V 38.1"),
        ("vd2011", "V 40.1.1"),
        ("vd2011", "V 40.2.1"),
        ("vd2011", "V 40.3"),
        ("vd2011", "V 41"),
    ],
    since="1991-01-01",
    reads=[
        "ch05.lead_days",
        "ch05.land.",
        "ch05.amphibious_parachute.",
        "evidence.default_",
        "evidence.prior_weight",
    ],
)
def prior_notification(ctx: Context) -> list[Finding]:
    """An activity at or above any Chapter V threshold is notified in writing by the State on
    whose territory it takes place, 42 days or more before it starts; an alert activity
    (no advance notice to the troops) is notified when the troops start it."""
    activity = ctx.dossier.activity
    unbound = not_bound(ctx, activity.host_states, "prior notification")
    if unbound is not None:
        return [unbound]
    gate = thresholds_gate(ctx, "ch05")
    lead = int(ctx.params.number("ch05.lead_days"))
    normal_due = activity.start - timedelta(days=lead)
    assumptions = [OTHER_STATES_ASSUMPTION]
    if activity.kind in LAND_KINDS:
        assumptions.insert(0, DIVISION_ASSUMPTION)
    if gate.result is False:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                f"Not notifiable: {gate.reason}.",
                applies=False,
                claims=gate.claims,
                assumptions=assumptions,
                verdict=rebuttal(command_factor(ctx)[1]),
            )
        ]
    if activity.alert is True:
        obligation = owed_by_hosts(ctx, ActType.NOTIFICATION, activity.start)
        duty = (
            "as an alert activity, notification was due when the troops started it "
            f"({activity.start})"
        )
    elif activity.alert is False:
        obligation = owed_by_hosts(ctx, ActType.NOTIFICATION, normal_due)
        duty = f"notification was due by {normal_due}, {lead} days before the start"
    else:
        obligation = either_due(ctx, ActType.NOTIFICATION, normal_due, activity.start)
        duty = (
            f"notification was due by {normal_due} ({lead} days ahead), or at the start if it "
            "was an alert activity"
        )
    outcome, reason = gated(gate, obligation, "notifiable", duty)
    return [
        ctx.finding(
            outcome,
            reason,
            applies=gate.result,
            claims=gate.claims,
            deadline=obligation.deadline,
            assumptions=assumptions,
            verdict=_lean(ctx, normal_due),
        )
    ]


def _lean(ctx: Context, normal_due: date) -> Verdict:
    facts, rebutted = triggers(ctx, chapter_thresholds(ctx.dossier, "ch05"))
    p_alert, presumed = alert_chance(ctx)
    notified = host_duty(ctx, ActType.NOTIFICATION, normal_due, p_alert, presumed)
    return lean_of(Shape(facts, [notified], not_owed="not notifiable"), rebutted)
