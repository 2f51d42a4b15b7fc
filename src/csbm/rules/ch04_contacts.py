"""Chapter II (defence planning), Chapter III ¶17 (hazardous incidents) and Chapter IV
(contacts), judged over a State's records of contacts and exchanges."""

from __future__ import annotations

from csbm.model.finding import Deadline, Finding, Outcome
from csbm.model.state_year import ContactKind
from csbm.rules.engine import rule
from csbm.rules.state_year import StateYearContext


@rule(
    "ch04.air_base_visit",
    title="An air base visit once every five years",
    cites=[("vd2011", "IV (air base visits)")],
    since="2011-12-01",
    needs="state_year",
    reads=["ch04.air_base_visit_years"],
)
def air_base_visit(ctx: StateYearContext) -> list[Finding]:
    """Each State with air combat units arranges, once in every five years, a visit for the
    other States to one of its normal peacetime air bases with such units."""
    years = int(ctx.params.number("ch04.air_base_visit_years"))
    rec = ctx.record
    if rec.air_combat_units is False:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE, f"{rec.state} reports no air combat units.", applies=False
            )
        ]
    first = rec.year - years + 1
    records = [rec, *ctx.history]
    visits = sorted(
        (c for r in records for c in r.contacts if c.kind is ContactKind.AIR_BASE_VISIT),
        key=lambda c: c.date,
    )
    inside = [c for c in visits if first <= c.date.year <= rec.year]
    span = f"{first}–{rec.year}"
    if inside:
        c = inside[-1]
        return [
            ctx.finding(
                Outcome.COMPLIANT,
                f"{rec.state} hosted an air base visit on {c.date} "
                f"({c.what or 'air base not named'}; per {c.source}), within {span}.",
                applies=True,
                deadline=Deadline(due=None, met=True, done=c.date),
            )
        ]
    covered = sorted({r.year for r in records})
    unit_note = "" if rec.air_combat_units else "; whether it has air combat units is not on record"
    return [
        ctx.finding(
            Outcome.INDETERMINATE,
            f"No air base visit by {rec.state} in {span} is on record (records held for "
            f"{', '.join(map(str, covered))}){unit_note}; missing is not proof none was held.",
            applies=rec.air_combat_units,
        )
    ]


@rule(
    "ch04.demonstration",
    title="Demonstration of a new type of major weapon and equipment system",
    cites=[("vd2011", "IV 31")],
    since="2011-12-01",
    needs="state_year",
    reads=["ch04.demonstration_within_years"],
)
def demonstration(ctx: StateYearContext) -> list[Finding]:
    """The first State to deploy a new type of major weapon and equipment system in the zone
    arranges a demonstration of it for the other States."""
    rec = ctx.record
    deployed = [n for n in rec.new_types if n.first_deployed.year == rec.year]
    if not deployed:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                f"No new type first deployed by {rec.state} in {rec.year} is on record.",
                applies=False,
            )
        ]
    limit = ctx.params.known_number("ch04.demonstration_within_years")
    shows = [
        c for r in (rec, *ctx.history) for c in r.contacts if c.kind is ContactKind.DEMONSTRATION
    ]
    out = []
    for n in deployed:
        shown = sorted(
            (
                c
                for c in shows
                if c.what and n.name.lower() in c.what.lower() and c.date >= n.first_deployed
            ),
            key=lambda c: c.date,
        )
        subject = f"{n.name}, first deployed {n.first_deployed}"
        if shown:
            c = shown[0]
            timing = (
                "; whether in time is unknown (the time limit is not known)"
                if limit is None
                else ""
            )
            outcome = (
                Outcome.COMPLIANT
                if limit is None or c.date.year - n.first_deployed.year <= limit
                else Outcome.NON_COMPLIANT
            )
            out.append(
                ctx.finding(
                    outcome,
                    f"Demonstrated on {c.date} (per {c.source}){timing}.",
                    applies=True,
                    subject=subject,
                    deadline=Deadline(
                        due=None,
                        met=None if limit is None else outcome is Outcome.COMPLIANT,
                        done=c.date,
                    ),
                )
            )
        else:
            out.append(
                ctx.finding(
                    Outcome.INDETERMINATE,
                    "No demonstration of it is on record"
                    + (" and the time limit is not known" if limit is None else "")
                    + "; missing is not proof none was held.",
                    applies=True,
                    subject=subject,
                )
            )
    return out


@rule(
    "ch02.defence_planning",
    title="Defence planning information exchanged every year",
    cites=[("vd2011", "II (exchange of information)")],
    since="2011-12-01",
    needs="state_year",
    reads=["ch02.months_after_budget"],
)
def defence_planning(ctx: StateYearContext) -> list[Finding]:
    """Each State exchanges, every year, information on its defence policy and doctrine, force
    planning, previous expenditure and budgets, within a time after its military budget is
    approved that csbm records as unknown."""
    rec = ctx.record
    months = ctx.params.known_number("ch02.months_after_budget")
    sub = rec.defence_planning
    if sub is None:
        return [
            ctx.finding(
                Outcome.INDETERMINATE,
                f"No record of {rec.state}'s defence planning information for {rec.year}.",
                applies=True,
            )
        ]
    if not sub.made:
        return [
            ctx.finding(
                Outcome.NON_COMPLIANT,
                f"{rec.state} did not exchange its defence planning information for {rec.year} "
                f"(per {sub.source}).",
                applies=True,
                deadline=Deadline(due=None, met=False),
            )
        ]
    timing = (
        "; whether in time is unknown (the time after budget approval is not known)"
        if months is None or rec.budget_approved is None
        else ""
    )
    return [
        ctx.finding(
            Outcome.COMPLIANT,
            f"{rec.state} exchanged it on {sub.date} (per {sub.source}){timing}.",
            applies=True,
            deadline=Deadline(due=None, met=None, done=sub.date),
        )
    ]


@rule(
    "ch03.hazardous_incident",
    title="Clarification of a hazardous incident of a military nature",
    cites=[("vd2011", "III 17")],
    since="2011-12-01",
    needs="state_year",
    reads=[],
)
def hazardous_incident(ctx: StateYearContext) -> list[Finding]:
    """A State whose forces were involved in a hazardous incident of a military nature gives
    the clarification another State asks for (the Document sets no time limit in hours)."""
    rec = ctx.record
    if not rec.incident_requests:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                f"No request to {rec.state} about a hazardous incident in {rec.year} is on record.",
                applies=False,
            )
        ]
    out = []
    for r in rec.incident_requests:
        subject = f"request by {r.by} on {r.date}"
        if r.answered is None:
            outcome, reason = (
                Outcome.INDETERMINATE,
                f"Whether it was answered is not on record (per {r.source}).",
            )
        elif r.answered:
            when = f" on {r.answer_date}" if r.answer_date else ""
            outcome, reason = Outcome.COMPLIANT, f"Clarification given{when} (per {r.source})."
        else:
            outcome, reason = Outcome.NON_COMPLIANT, f"No clarification was given (per {r.source})."
        out.append(ctx.finding(outcome, reason, applies=True, subject=subject))
    return out
