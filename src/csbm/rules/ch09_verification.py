"""Chapter IX (inspection and evaluation quotas, refusals, reply times) and Chapter I (the
annual exchange), judged over a State-year record rather than an activity."""

from __future__ import annotations

from datetime import date

from csbm.model.finding import Deadline, Finding, Outcome
from csbm.model.state_year import Answer, VerificationKind
from csbm.rules._common import add_hours, on_time
from csbm.rules.engine import rule
from csbm.rules.state_year import Ledger, StateYearContext, ledger, per_state_counts

_KIND_WORD = {VerificationKind.INSPECTION: "inspection", VerificationKind.EVALUATION: "evaluation"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _quota_finding(ctx: StateYearContext, lg: Ledger) -> Finding:
    word = _KIND_WORD[lg.kind]
    who = f"{ctx.record.state} in {ctx.record.year}"
    if not lg.rows:
        return ctx.finding(
            Outcome.NOT_APPLICABLE, f"No {word} request on {who} is on record.", applies=False
        )
    if lg.quota is None:
        return ctx.finding(
            Outcome.INDETERMINATE,
            f"{_plural(lg.requests, word + ' request')} on record for {who}, but the quota is "
            "unknown: the number of units reported under Chapter I is not on record.",
            applies=True,
        )
    text = (
        f"{who}: {_plural(lg.requests, 'request')}, {lg.accepted} accepted, {lg.refused} "
        f"refused; quota {lg.quota}, {lg.used} used, {lg.remaining} left"
    )
    if lg.exhausted_on:
        on = "on" if lg.exhausted_exact else "on or before"
        text += f"; quota exhausted {on} {lg.exhausted_on} by {_plural(lg.exhausted_by, word)}"
    over = [
        f"{state} ({n})"
        for state, n in per_state_counts(lg).items()
        if lg.per_state is not None and n > lg.per_state
    ]
    unknown = [r for r in lg.rows if r.counted is None]
    wrong = _refusals_within_quota(lg)
    if wrong:
        return ctx.finding(
            Outcome.NON_COMPLIANT,
            f"Refused while quota remained. {text}.",
            applies=True,
        )
    extra = ""
    if over:
        extra = (
            f" More than {lg.per_state} from one State was accepted ({', '.join(over)}): "
            "allowed, beyond what the State owed."
        )
    if lg.used > lg.quota:
        extra += " More were accepted than the quota requires: allowed (voluntary)."
    if unknown:
        return ctx.finding(
            Outcome.INDETERMINATE,
            f"{text}; the answer to {_plural(len(unknown), 'request')} is not on record.{extra}",
            applies=True,
        )
    return ctx.finding(Outcome.COMPLIANT, f"{text}.{extra}", applies=True)


def _refusals_within_quota(lg: Ledger) -> list[str]:
    """Refusals made while the quota (and the requester's share) still had room."""
    out = []
    by_state: dict[str, int] = {}
    for r in lg.rows:
        state = r.request.by or "(State not named)"
        if r.request.answer is Answer.REFUSED and lg.quota is not None:
            room = r.used_after < lg.quota
            share = lg.per_state is None or by_state.get(state, 0) < lg.per_state
            # An unnamed requester's share cannot be checked: such a refusal stays undecided.
            if room and share and r.request.by is not None:
                out.append(f"{state} on {r.request.day}")
        if r.counted:
            by_state[state] = by_state.get(state, 0) + 1
    return out


def _refusal_findings(ctx: StateYearContext, lg: Ledger) -> list[Finding]:
    word = _KIND_WORD[lg.kind]
    refusals = [r for r in lg.rows if r.request.answer is Answer.REFUSED]
    if not refusals:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                f"No refused {word} on {ctx.record.state} in {ctx.record.year} is on record.",
                applies=False,
            )
        ]
    wrong = set(_refusals_within_quota(lg))
    out = []
    for r in refusals:
        v = r.request
        subject = f"{word} requested by {v.by or '(State not named)'} on {v.day}"
        grounds = f" (grounds given: {v.grounds})" if v.grounds else ""
        if lg.quota is None:
            outcome, reason = (
                Outcome.INDETERMINATE,
                f"Refused{grounds}; whether quota remained is unknown (per {v.source}).",
            )
        elif v.by is None and r.used_after < lg.quota:
            outcome = Outcome.INDETERMINATE
            reason = (
                f"Refused while quota remained ({r.used_after} of {lg.quota} used), but the "
                f"requesting State is not named, so its share cannot be checked (per {v.source})."
            )
        elif f"{v.by} on {v.day}" in wrong:
            outcome = Outcome.NON_COMPLIANT
            cited = " citing the quota" if v.quota_cited else ""
            reason = (
                f"Refused{cited} while quota remained: {r.used_after} of {lg.quota} used, "
                f"and {v.by} had not reached its share{grounds} (per {v.source})."
            )
        else:
            outcome = Outcome.COMPLIANT
            reason = (
                f"Refused after the quota ({lg.quota}) or {v.by}'s share was used up"
                f"{grounds} (per {v.source})."
            )
        out.append(ctx.finding(outcome, reason, applies=True, subject=subject))
    return out


_QUOTA_READS = ["ch09.inspection.quota_per_year", "ch09.inspection.max_from_one_state"]


@rule(
    "ch09.inspection_quota",
    title="Inspections accepted up to the quota of three a calendar year",
    cites=[("vd2011", "IX (inspection quota)")],
    since="2011-12-01",
    needs="state_year",
    reads=_QUOTA_READS,
)
def inspection_quota(ctx: StateYearContext) -> list[Finding]:
    """A participating State need not accept more than three inspections on its territory a
    calendar year, nor more than one from the same State; below that, it accepts them. The
    ledger lists requests, acceptances, refusals, the quota used and left, and the day it ran
    out."""
    return [_quota_finding(ctx, ledger(ctx.record, VerificationKind.INSPECTION, ctx.params))]


@rule(
    "ch09.inspection_refusal",
    title="No inspection refused while the quota remains",
    cites=[("vd2011", "IX (inspection quota)")],
    since="2011-12-01",
    needs="state_year",
    reads=_QUOTA_READS,
)
def inspection_refusal(ctx: StateYearContext) -> list[Finding]:
    """An inspection request is refused only once the year's quota, or the requesting State's
    share of it, is used up (force majeure aside, which the record names)."""
    return _refusal_findings(ctx, ledger(ctx.record, VerificationKind.INSPECTION, ctx.params))


@rule(
    "ch09.inspection_reply",
    title="Reply to an inspection request within 24 hours",
    cites=[("vd2011", "IX (inspection request and reply)")],
    since="2011-12-01",
    needs="state_year",
    reads=["ch09.inspection.reply_hours"],
)
def inspection_reply(ctx: StateYearContext) -> list[Finding]:
    """The receiving State replies to an inspection request within 24 hours."""
    hours = ctx.params.number("ch09.inspection.reply_hours")
    asked = [
        v
        for v in ctx.record.verifications
        if v.kind is VerificationKind.INSPECTION and v.requested is not None
    ]
    if not asked:
        return [
            ctx.finding(
                Outcome.NOT_APPLICABLE,
                "No dated inspection request is on record, so no reply time can be judged.",
                applies=False,
            )
        ]
    out = []
    for v in asked:
        assert v.requested is not None
        due = add_hours(v.requested, hours)
        subject = f"inspection requested by {v.by} on {v.requested}"
        if v.answered is None:
            out.append(
                ctx.finding(
                    Outcome.INDETERMINATE,
                    f"The date of the reply is not on record; it was due by {due}.",
                    applies=True,
                    subject=subject,
                    deadline=Deadline(due=due, met=None),
                )
            )
            continue
        met = on_time(v.answered, due)
        out.append(
            ctx.finding(
                Outcome.COMPLIANT if met else Outcome.NON_COMPLIANT,
                f"Answered ({v.answer.value}) on {v.answered}, "
                f"{'within' if met else 'later than'} {hours:.0f} hours (due {due}; per "
                f"{v.source}).",
                applies=True,
                subject=subject,
                deadline=Deadline(due=due, met=met, done=v.answered),
            )
        )
    return out


_EVAL_READS = ["ch09.evaluation."]


@rule(
    "ch09.evaluation_quota",
    title="Evaluation visits: one per 60 units reported, at most 15 a year",
    cites=[("vd2011", "IX (evaluation quota)")],
    since="2011-12-01",
    needs="state_year",
    reads=_EVAL_READS,
)
def evaluation_quota(ctx: StateYearContext) -> list[Finding]:
    """A State accepts one evaluation visit a calendar year for every 60 units (or part of 60)
    it reported under Chapter I, at most 15, and no more than a fifth of its quota from the
    same State (one, where the quota is under five)."""
    return [_quota_finding(ctx, ledger(ctx.record, VerificationKind.EVALUATION, ctx.params))]


@rule(
    "ch09.evaluation_refusal",
    title="No evaluation visit refused while the quota remains",
    cites=[("vd2011", "IX (evaluation quota)")],
    since="2011-12-01",
    needs="state_year",
    reads=_EVAL_READS,
)
def evaluation_refusal(ctx: StateYearContext) -> list[Finding]:
    """An evaluation visit is refused only once the quota, or the requester's share, is used."""
    return _refusal_findings(ctx, ledger(ctx.record, VerificationKind.EVALUATION, ctx.params))


@rule(
    "ch01.annual_exchange",
    title="Annual exchange of military information by 15 December",
    cites=[("vd2011", "I 10")],
    since="2011-12-01",
    needs="state_year",
    reads=["ch01.exchange_deadline"],
)
def annual_exchange(ctx: StateYearContext) -> list[Finding]:
    """Each State sends its information on military forces, valid as of 1 January, not later
    than 15 December of the year before."""
    month, day = (int(x) for x in str(ctx.params.value("ch01.exchange_deadline")).split("-"))
    due = date(ctx.record.year - 1, month, day)
    sub = ctx.record.annual_exchange
    what = f"the exchange valid from 1 January {ctx.record.year}"
    if sub is None:
        return [
            ctx.finding(
                Outcome.INDETERMINATE,
                f"No record of {what} (due {due}); missing is not proof it was not sent.",
                applies=True,
                deadline=Deadline(due=due, met=None),
            )
        ]
    if not sub.made:
        return [
            ctx.finding(
                Outcome.NON_COMPLIANT,
                f"{ctx.record.state} did not send {what}, due {due} (per {sub.source}).",
                applies=True,
                deadline=Deadline(due=due, met=False),
            )
        ]
    assert sub.date is not None
    met = sub.date <= due
    return [
        ctx.finding(
            Outcome.COMPLIANT if met else Outcome.NON_COMPLIANT,
            f"{ctx.record.state} sent {what} on {sub.date}, "
            f"{'on or before' if met else 'after'} {due} (per {sub.source}).",
            applies=True,
            deadline=Deadline(due=due, met=met, done=sub.date),
        )
    ]
