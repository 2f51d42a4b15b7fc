"""Chapter III: risk reduction — the mechanism on unusual military activities."""

from __future__ import annotations

from csbm.model.dossier import Act, ActType, earliest_day, latest_day
from csbm.model.finding import Deadline, Finding, Outcome
from csbm.rules._common import acts_of, add_hours, exact, made_first, timing
from csbm.rules.engine import Context, rule

_UNUSUAL = (
    "Whether the activity was 'unusual' is the requesting State's judgement; the Document "
    "does not define it and csbm does not compute it."
)


def _who(states: list[str] | None) -> str:
    return ", ".join(states) if states else "(unnamed)"


def _answers(request: Act, reply: Act) -> bool:
    """A reply answers a request when it comes from a requested State to a requester."""
    if request.to is None or not set(reply.by) & set(request.to):
        return False
    if reply.to is not None and not set(reply.to) & set(request.by):
        return False
    if reply.date is None or request.date is None:
        return not reply.made or reply.date is None
    return latest_day(reply.date) >= earliest_day(request.date)


def _weigh_answer(made: list[Act], outcome: Outcome, reason: str) -> tuple[Outcome, str]:
    """A reply in time that did not answer the questions asked does not keep the duty;
    sources that disagree on whether it answered make it a conflict."""
    said = [r for r in made if r.answered is not None]
    if not said:
        return outcome, reason
    no = [r for r in said if r.answered is False]
    yes = [r for r in said if r.answered is True]
    if no and yes:
        return (
            Outcome.CONFLICT if outcome is not Outcome.NON_COMPLIANT else outcome,
            f"{reason} Sources disagree on whether it answered the questions asked: "
            f"{yes[0].source} says it did, {no[0].source} that it did not.",
        )
    if no:
        return (
            Outcome.NON_COMPLIANT,
            f"{reason} It did not answer the questions asked (per {no[0].source}), so the "
            "explanation the request was owed was not given.",
        )
    return outcome, f"{reason} It answered the questions asked (per {yes[0].source})."


@rule(
    "ch03.unusual_activity_reply",
    title="Reply to a request about unusual activity within 48 hours",
    cites=[("vd2011", "III 16")],
    since="1991-01-01",
    reads=["ch03.reply_hours"],
)
def unusual_activity_reply(ctx: Context) -> list[Finding]:
    """A participating State concerned about an unusual and unscheduled activity of another
    State's forces may ask it for an explanation; the reply is due within 48 hours."""
    requests = [a for a in acts_of(ctx, ActType.CHAPTER3_REQUEST) if a.made]
    if not requests:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                "No Chapter III request about this activity is on record.",
                applies=False,
            )
        ]
    hours = ctx.params.number("ch03.reply_hours")
    replies = acts_of(ctx, ActType.CHAPTER3_REPLY)
    findings = []
    for request in requests:
        asked = request.date
        on = f"on {asked}" if asked is not None else f"({request.date_text or 'undated'})"
        subject = f"request by {_who(request.by)} to {_who(request.to)} {on}"
        # A request dated by month, year or words only gives no 48-hour deadline.
        exact_asked = exact(asked)
        due = add_hours(exact_asked, hours) if exact_asked is not None else None
        answers = [r for r in replies if _answers(request, r)]
        made = made_first(answers)
        if request.to is None:
            outcome, met, done = Outcome.INDETERMINATE, None, None
            reason = "The request names no State it was sent to, so no reply can be matched."
        elif made and any(not r.made for r in answers):
            outcome, met, done = Outcome.CONFLICT, None, made[0].date
            reason = "Sources disagree on whether the request was answered."
        elif made:
            done = made[0].date
            met = timing(done, due) if done is not None and due is not None else None
            if met is None:
                outcome = Outcome.INDETERMINATE
                reason = (
                    f"{_who(made[0].by)} replied ({done or made[0].date_text or 'undated'}) "
                    f"to the request {on}; the dates on record are not precise enough to "
                    f"check the {hours:.0f}-hour limit (per {made[0].source})."
                )
            else:
                outcome = Outcome.COMPLIANT if met else Outcome.NON_COMPLIANT
                within = "within" if met else "later than"
                reason = (
                    f"{_who(made[0].by)} replied on {done}, {within} {hours:.0f} hours of "
                    f"the request of {request.date} (due {due}; per {made[0].source})."
                )
        elif answers:
            outcome, met, done = Outcome.NON_COMPLIANT, False, None
            reason = f"{_who(request.to)} did not reply (per {answers[0].source})."
        else:
            outcome, met, done = Outcome.INDETERMINATE, None, None
            by = (
                f"it was due by {due}" if due else f"it was due {hours:.0f} hours after the request"
            )
            reason = f"No reply by {_who(request.to)} is on record; it was due {by}."
        if request.to is not None and made and outcome is not Outcome.CONFLICT:
            outcome, reason = _weigh_answer(made, outcome, reason)
        findings.append(
            ctx.finding(
                outcome,
                reason,
                applies=True,
                subject=subject,
                deadline=Deadline(due=due, met=met, done=done),
                assumptions=[_UNUSUAL],
            )
        )
    return findings


@rule(
    "ch03.meeting",
    title="Meeting within 48 hours of the request for it",
    cites=[("vd2011", "III 16")],
    since="1991-01-01",
    reads=["ch03.meeting_hours"],
)
def meeting(ctx: Context) -> list[Finding]:
    """When a reply does not satisfy it, the requesting State may ask for a meeting with the
    responding State, or of all participating States; the meeting is held within 48 hours of
    the request for it."""
    meetings = acts_of(ctx, ActType.CHAPTER3_MEETING)
    if not meetings:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                "No Chapter III meeting about this activity is on record.",
                applies=False,
            )
        ]
    hours = ctx.params.number("ch03.meeting_hours")
    findings = []
    for act in meetings:
        if act.date is not None:
            held = f"on {act.date}"
        else:
            held = f"({act.date_text})" if act.made and act.date_text else "(not held)"
        subject = f"meeting of {_who(act.by)} with {_who(act.to)} {held}"
        requested = exact(act.requested)
        if requested is None:
            outcome = Outcome.INDETERMINATE
            reason = (
                f"The meeting {held} is on record (per {act.source}), but not the day it was "
                "requested, so the 48-hour limit cannot be checked."
            )
            deadline = Deadline(due=None, met=None, done=act.date)
        else:
            due = add_hours(requested, hours)
            if not act.made:
                outcome = Outcome.NON_COMPLIANT
                reason = (
                    f"A meeting requested on {act.requested} was not held "
                    f"(per {act.source}); it was due by {due}."
                )
                deadline = Deadline(due=due, met=False)
            else:
                met = timing(act.date, due) if act.date is not None else None
                if met is None:
                    outcome = Outcome.INDETERMINATE
                    reason = (
                        f"Requested on {act.requested} and held {held}: not precise enough "
                        f"to check the {hours:.0f}-hour limit (due {due}; per {act.source})."
                    )
                else:
                    outcome = Outcome.COMPLIANT if met else Outcome.NON_COMPLIANT
                    within = "within" if met else "later than"
                    reason = (
                        f"Requested on {act.requested} and held on {act.date}, {within} "
                        f"{hours:.0f} hours (due {due}; per {act.source})."
                    )
                deadline = Deadline(due=due, met=met, done=act.date)
        findings.append(
            ctx.finding(outcome, reason, applies=True, subject=subject, deadline=deadline)
        )
    return findings
