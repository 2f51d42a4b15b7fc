"""Chapter III: risk reduction — the mechanism on unusual military activities."""

from __future__ import annotations

from csbm.model.dossier import Act, ActType
from csbm.model.finding import Deadline, Finding, Outcome
from csbm.rules._common import acts_of, add_hours, day, on_time
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
        return not reply.made
    return day(reply.date) >= day(request.date)


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
        assert asked is not None  # a made act always has a date
        subject = f"request by {_who(request.by)} to {_who(request.to)} on {request.date}"
        due = add_hours(asked, hours)
        answers = [r for r in replies if _answers(request, r)]
        made = sorted((r for r in answers if r.made), key=lambda r: day(r.date or asked))
        if request.to is None:
            outcome, met, done = Outcome.INDETERMINATE, None, None
            reason = "The request names no State it was sent to, so no reply can be matched."
        elif made and any(not r.made for r in answers):
            outcome, met, done = Outcome.CONFLICT, None, made[0].date
            reason = "Sources disagree on whether the request was answered."
        elif made:
            done = made[0].date
            assert done is not None
            met = on_time(done, due)
            outcome = Outcome.COMPLIANT if met else Outcome.NON_COMPLIANT
            timing = "within" if met else "later than"
            reason = (
                f"{_who(made[0].by)} replied on {done}, {timing} {hours:.0f} hours of the "
                f"request of {request.date} (due {due}; per {made[0].source})."
            )
        elif answers:
            outcome, met, done = Outcome.NON_COMPLIANT, False, None
            reason = f"{_who(request.to)} did not reply (per {answers[0].source})."
        else:
            outcome, met, done = Outcome.INDETERMINATE, None, None
            reason = f"No reply by {_who(request.to)} is on record; it was due by {due}."
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
        held = f"on {act.date}" if act.date else "(not held)"
        subject = f"meeting of {_who(act.by)} with {_who(act.to)} {held}"
        if act.requested is None:
            outcome = Outcome.INDETERMINATE
            reason = (
                f"The meeting {held} is on record (per {act.source}), but not the date it was "
                "requested, so the 48-hour limit cannot be checked."
            )
            deadline = Deadline(due=None, met=None, done=act.date)
        else:
            due = add_hours(act.requested, hours)
            if not act.made:
                outcome = Outcome.NON_COMPLIANT
                reason = (
                    f"A meeting requested on {act.requested} was not held "
                    f"(per {act.source}); it was due by {due}."
                )
                deadline = Deadline(due=due, met=False)
            else:
                assert act.date is not None
                met = on_time(act.date, due)
                outcome = Outcome.COMPLIANT if met else Outcome.NON_COMPLIANT
                timing = "within" if met else "later than"
                reason = (
                    f"Requested on {act.requested} and held on {act.date}, {timing} "
                    f"{hours:.0f} hours (due {due}; per {act.source})."
                )
                deadline = Deadline(due=due, met=met, done=act.date)
        findings.append(
            ctx.finding(outcome, reason, applies=True, subject=subject, deadline=deadline)
        )
    return findings
