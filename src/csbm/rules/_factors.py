"""The facts a headline duty depends on, each with the probability that it holds
(docs/lean.md): worked out from the graded evidence, the acts on record and, unless
`--strict`, the presumptions of rules/presumptions.yaml."""

from __future__ import annotations

import math
from collections.abc import Sequence

from csbm.evidence.interval import Interval
from csbm.evidence.weighing import (
    RELIABILITY_WEIGHT,
    Graded,
    Weighing,
    likelihood_words,
    weighted_probability,
)
from csbm.model.dossier import (
    Act,
    ActivityKind,
    ActType,
    PartialDate,
    Quantity,
    SourceKind,
    earliest_day,
    latest_day,
)
from csbm.model.finding import Outcome, PresumptionUse
from csbm.rules._common import (
    LAND_QUANTITIES,
    TO_ALL,
    When,
    day,
    fmt,
    label,
    made_first,
    not_to_all,
    timing,
)
from csbm.rules.engine import Context
from csbm.rules.lean import Factor, Shape, Verdict, certain, verdict
from csbm.rules.presumption import EQUIPMENT

# The outcomes that carry a lean.
OPEN = (Outcome.INDETERMINATE, Outcome.CONFLICT)
_OFFICIAL = {SourceKind.OFFICIAL_NOTIFICATION, SourceKind.OFFICIAL_CALENDAR}


def _pct(p: float) -> str:
    return f"{likelihood_words(p)} ({p:.0%})"


# --- what triggers the duty -----------------------------------------------------------


def zone_factor(ctx: Context) -> Factor | None:
    """Only where part of the activity lies outside the zone (wholly outside, the rule has
    already answered; unknown, the rules test the figures as given)."""
    from csbm.rules.ch_zone import activity_zone

    where = activity_zone(ctx.dossier)
    if where.where != "mixed":
        return None
    label_ = "forces in the zone reach the threshold"
    if ctx.presume is None:
        return Factor(
            "zone",
            label_,
            None,
            "true",
            "false",
            "part of the activity lies outside",
            short="part of it outside the zone",
        )
    p = ctx.presume["zone_share"]
    return Factor(
        "zone",
        label_,
        p.confidence,
        "true",
        "false",
        f"part of the activity lies outside the zone; presumed an even chance ({where.reason})",
        (p.used(),),
        "part of it outside the zone",
    )


def command_factor(ctx: Context) -> tuple[Factor | None, PresumptionUse | None]:
    """Single operational command (land exercises only); the second value is the
    presumption a source rebutted, for the finding to show."""
    activity = ctx.dossier.activity
    if activity.kind is not ActivityKind.LAND_EXERCISE:
        return None, None
    soc = activity.single_operational_command
    name = "single operational command"
    if soc is True:
        return None, None
    if soc is False:
        rebutted = None
        if ctx.presume is not None:
            rebutted = ctx.presume["single_operational_command"].rebutted(
                "the record states the forces were not under a single operational command"
            )
        return certain("single_operational_command", name, False), rebutted
    if ctx.presume is None:
        return (
            Factor(
                "single_operational_command",
                name,
                None,
                "true",
                "false",
                "unknown",
                short="single operational command unknown",
            ),
            None,
        )
    p = ctx.presume["single_operational_command"]
    return (
        Factor(
            "single_operational_command",
            name,
            p.confidence,
            "true",
            "false",
            f"not stated by any source; presumed, as it was announced and run as one "
            f"exercise: {_pct(p.confidence)}",
            (p.used(),),
            "single operational command presumed",
        ),
        None,
    )


def _point(ctx: Context, quantity: Quantity) -> float | None:
    weighing = ctx.estimates.weighing.get(quantity)
    if weighing is not None and weighing.best is not None:
        return weighing.best
    est = ctx.estimates.get(quantity)
    # Open at either end (no lower figure, or no upper one): no central figure to go by.
    if est is None or est.interval.high == math.inf or est.interval.low == 0:
        return None
    return (est.interval.low + est.interval.high) / 2


def _upper_figure(g: Graded) -> bool:
    """An "up to N" or "at most N" figure for what the Document counts: bounded only
    above (as the weighing reads it), but neither a declared bound nor a total."""
    return g.upper_only and g.claim.bound is None and g.claim.counted_under_vd is not False


def _near_its_bound(
    ctx: Context, weighing: Weighing | None, at: float, what: str
) -> tuple[float, str, tuple[PresumptionUse, ...]] | None:
    """The weight of evidence with every "up to N" figure that straddles the threshold
    read as lying near N (presumption upper_figure_near_its_bound); None when none does."""
    if ctx.presume is None or weighing is None:
        return None
    near = [g for g in weighing.claims if _upper_figure(g) and 0 < g.share_at_least(at) < 1]
    if not near:
        return None
    # Rebutted by another source's figure, bounded on both sides, that settles the
    # threshold ("9,000" beside "up to 9,000"): the "up to" figure then abstains.
    if any(
        g.share_at_least(at) in (0.0, 1.0)
        for g in weighing.claims
        if g not in near and not g.upper_only and g.interval.high != math.inf
    ):
        return None
    presumption = ctx.presume["upper_figure_near_its_bound"]
    share = presumption.low_share
    assert share is not None
    # A figure bounded only below by another source ("at least 13,000" beside "up to
    # 15,500") narrows the reading when the two agree: both bounds hold.
    floors = [g.interval.low for g in weighing.claims if g.interval.high == math.inf]
    readings = {}
    for g in near:
        high = g.interval.high
        low = min(math.ceil(high * share), high)
        agreeing = [f for f in floors if f <= high]
        readings[g.claim_id] = Interval(max([low, *agreeing]), high)
    p = weighted_probability(
        weighing.claims,
        at,
        ctx.params.number("evidence.prior_weight"),
        lambda g: readings.get(g.claim_id),
    )
    figures = ", ".join(
        f"{g.claim.qualifier.value.replace('_', ' ')} {fmt(g.interval.high)}" for g in near
    )
    narrowed = sorted(
        {
            fmt(r.low)
            for cid, r in readings.items()
            if r.low > min(math.ceil(r.high * share), r.high)
        }
    )
    also = f", and not below {' or '.join(narrowed)} as another source has it" if narrowed else ""
    return (
        p,
        f"{what}: {_pct(p)}, with {figures} presumed to lie within {1 - share:.0%} below "
        f"the figure given{also}",
        (presumption.used(),),
    )


def _criterion(
    ctx: Context, quantity: Quantity, path: str, threshold: float, strict: bool
) -> tuple[float | None, str, tuple[PresumptionUse, ...]]:
    """The chance one figure reaches its threshold, how it was worked out, and any
    presumption used."""
    cmp_ = "above" if strict else "at or above"
    at = threshold + 1 if strict else threshold  # whole numbers: "more than T" is "≥ T + 1"
    what = f"{label(quantity)} {cmp_} {fmt(threshold)}"
    est = ctx.estimates.get(quantity)
    if est is not None:
        hit = est.interval.more_than(threshold) if strict else est.interval.at_least(threshold)
        if hit is not None:
            return (1.0 if hit else 0.0), f"{what}: {'yes' if hit else 'no'}", ()
        weighing = ctx.estimates.weighing.get(quantity)
        near = _near_its_bound(ctx, weighing, at, what)
        if near is not None:
            return near
        for t in weighing.thresholds if weighing is not None else ():
            if t.parameter == path:
                return t.probability, t.statement, ()
        i = est.interval
        share = 0.5 if i.high == math.inf else (i.high - at + 1) / (i.high - i.low + 1)
        return share, f"{what}: {_pct(share)} (share of the range {i.render()})", ()
    if ctx.presume is None:
        return None, f"no figure for {label(quantity)}", ()
    troops = _point(ctx, Quantity.TROOPS)
    if troops is None:
        land = ctx.dossier.activity.kind is ActivityKind.LAND_EXERCISE
        if not land or any(ctx.estimates.get(q) is not None for q in LAND_QUANTITIES):
            return None, f"no figure for {label(quantity)}", ()
        # No figure at all: the record's own land exercises as the reference class.
        ratios = ctx.presume.ratios
        record_share = ratios.probability_count_at_least(quantity, at)
        if record_share is None:
            return None, f"no figure for {label(quantity)}", ()
        presumption = ctx.presume["figures_from_record"]
        return (
            record_share,
            f"{what}: {_pct(record_share)}, presumed from the record with no figure on record "
            f"({ratios.count_text(quantity, at)})",
            (presumption.used(),),
        )
    if quantity not in EQUIPMENT:
        return None, f"no figure for {label(quantity)}", ()
    ratios = ctx.presume.ratios
    if ratios.count(quantity) == 0:
        return None, f"no figure for {label(quantity)}; {ratios.text(quantity)}", ()
    p = ratios.probability_at_least(quantity, at, troops)
    presumption = ctx.presume["equipment_from_troops"]
    return (
        p,
        f"{what}: {_pct(p)}, presumed from {fmt(troops)} troops ({ratios.text(quantity)})",
        (presumption.used(),),
    )


def figures_factor(
    ctx: Context, thresholds: Sequence[tuple[Quantity, str]], *, strict: bool = False
) -> Factor:
    """Do the figures reach any threshold? The criteria are not independent (a large
    exercise is large in every count), so the strongest single criterion is taken: a lower
    bound on the chance that any is reached. An unknown criterion leaves the chance unknown
    unless a known one already makes it more likely than not."""
    known: list[tuple[float, str, str, tuple[PresumptionUse, ...]]] = []
    unknown: list[str] = []
    for quantity, path in thresholds:
        threshold = ctx.params.threshold(path)
        if threshold == math.inf:
            continue
        if threshold is None:
            unknown.append(f"the {label(quantity)} threshold is unknown under this ruleset")
            continue
        chance, why, used = _criterion(ctx, quantity, path, threshold, strict)
        name = f"{label(quantity)} {'above' if strict else 'at or above'} {fmt(threshold)}"
        if chance is None:
            unknown.append(why)
        else:
            known.append((chance, name, why, used))
    best = max(known, key=lambda k: k[0]) if known else None
    p: float | None
    if best is not None and best[0] >= 1:
        p = 1.0
    elif unknown and (best is None or best[0] < 0.5):
        p = None
    else:
        p = best[0] if best is not None else 0.0
    yes = best[1] if best is not None and best[0] > 0 else "a threshold reached"
    basis = "; ".join([k[2] for k in known] + unknown)
    used = best[3] if best is not None and p is not None else ()
    if p is None:
        short = "figures unknown" if not known else f"{yes}: unknown"
    elif p >= 1:
        short = yes
    elif p <= 0:
        short = "below every threshold"
    else:
        short = f"{likelihood_words(p)} {yes} ({p:.0%})"
        ids = {u.id for u in used}
        if "equipment_from_troops" in ids:
            short += ", equipment presumed from troops"
        if "upper_figure_near_its_bound" in ids:
            short += ", an 'up to' figure presumed near its bound"
        if "figures_from_record" in ids:
            short += ", presumed from the record"
    return Factor(
        "figures", "figures at a threshold", p, yes, "below every threshold", basis, used, short
    )


# --- whether the duty was kept ---------------------------------------------------------


def _per(ctx: Context, source_id: str) -> str:
    """A source as a reader names it: its publisher, with the id to find it in the record."""
    publisher = ctx.dossier.source(source_id).publisher.split(" (")[0]
    return f"{publisher}, {source_id}"


def _grade_weight(ctx: Context, act: Act) -> float:
    source = ctx.dossier.source(act.source)
    grade = source.reliability or str(
        ctx.params.value(f"evidence.default_reliability.{source.kind.value}")
    )
    return RELIABILITY_WEIGHT[grade]


def _in_time(
    ctx: Context, act: Act, due: When | None
) -> tuple[float | None, str, tuple[PresumptionUse, ...]]:
    """The chance a made act was in time, with how it was worked out."""
    if due is None:
        return 1.0, "made (no deadline)", ()
    if act.date is None:
        if ctx.presume is None:
            return None, "made, on a date the source does not give", ()
        p = ctx.presume["undated_act_in_time"]
        return (
            p.confidence,
            f"made on a date the source does not give; presumed in time: {_pct(p.confidence)}",
            (p.used(),),
        )
    met = timing(act.date, due)
    if met is not None:
        return (1.0 if met else 0.0), f"made {act.date}, {'by' if met else 'after'} {due}", ()
    assert isinstance(act.date, PartialDate)
    if ctx.presume is None:
        return None, f"made in {act.date}, which spans the deadline {due}", ()
    first, last = earliest_day(act.date), latest_day(act.date)
    share = ((day(due) - first).days + 1) / ((last - first).days + 1)
    p = ctx.presume["act_day_uniform"]
    return (
        share,
        f"made in {act.date}; {(day(due) - first).days + 1} of its {(last - first).days + 1} "
        f"days are by {due}: {_pct(share)}",
        (p.used(share),),
    )


def _invited_all(ctx: Context, state: str) -> Act | None:
    """The first observation invitation `state` made to every participating State, if any
    (what presumption notification_with_invitation reads a missing notification with)."""
    invited = made_first(
        [a for a in ctx.acts if a.type is ActType.OBSERVATION_INVITATION and state in a.by]
    )
    if invited and not not_to_all(ctx, invited[:1], state):
        return invited[0]
    return None


def _not_on_record(
    ctx: Context,
    act_type: ActType,
    state: str,
    partner: Act | None = None,
    due: When | None = None,
) -> tuple[float | None, str, tuple[PresumptionUse, ...]]:
    """A State's act that is not on record. `partner`: the same act, made by another State
    that owes it for the same activity; `due`: when the act was owed."""
    if ctx.presume is None:
        return None, "no act on record", ()
    if act_type is ActType.NOTIFICATION:
        invited = _invited_all(ctx, state)
        if invited is not None:
            # The invitation goes out with the notification: in time as it was.
            p_time, why, used = _in_time(ctx, invited, due) if due is not None else (1.0, "", ())
            w = ctx.presume["notification_with_invitation"]
            # A late invitation does not date the notification: that is left to the rest.
            if p_time:
                p = w.confidence * p_time
                when = f"; the invitation {why}" if why and p_time < 1 else ""
                return (
                    p,
                    f"no notification on record, but {state} invited observers to the activity "
                    f"(per {_per(ctx, invited.source)}){when}: {_pct(p)}",
                    (w.used(), *used),
                )
    if act_type is ActType.CALENDAR_ENTRY:
        notified = [
            a for a in ctx.acts if a.type is ActType.NOTIFICATION and state in a.by and a.made
        ]
        follows = ctx.presume["calendar_follows_notification"]
        if notified:
            return (
                follows.confidence,
                f"no calendar entry on record, but {state} notified the activity "
                f"(per {_per(ctx, notified[0].source)}): {_pct(follows.confidence)}",
                (follows.used(),),
            )
        invited = _invited_all(ctx, state)
        if invited is not None:
            # No notification on record, but an invitation, which goes out with one.
            w = ctx.presume["notification_with_invitation"]
            p = follows.confidence * w.confidence
            return (
                p,
                f"no calendar entry or notification on record, but {state} invited observers "
                f"to the activity (per {_per(ctx, invited.source)}): {_pct(p)}",
                (w.used(), follows.used()),
            )
    presumption = ctx.presume["duty_not_on_record"]
    given = presumption.done_given or {}
    sources = ctx.dossier.sources
    if any(s.kind in _OFFICIAL and (s.state in (None, state)) for s in sources):
        kind, words = "official_document", "an official document of the activity is on record"
    elif any(s.kind is SourceKind.GOVERNMENT_STATEMENT and s.state == state for s in sources):
        # The State's own words come before what its partner did.
        kind, words = "own_statement_silent", f"{state}'s own statements on record are silent on it"
    elif partner is not None:
        together = ctx.presume["acts_of_one_activity_go_together"]
        others = ", ".join(s for s in partner.by if s != state) or "another State"
        return (
            together.confidence,
            f"no act on record, but {others} made it for the same activity "
            f"(per {_per(ctx, partner.source)}): {_pct(together.confidence)}",
            (together.used(),),
        )
    else:
        kind, words = "silence", "only other sources are on record, silent on it"
    p = given[kind]
    return p, f"no act on record; {words}: {_pct(p)}", (presumption.used(p),)


def _done_by(
    ctx: Context, act_type: ActType, state: str, due: When | None, partner: Act | None = None
) -> tuple[float | None, str, tuple[PresumptionUse, ...], Act | None]:
    """The chance `state` made the act in time, how it was worked out, the presumptions
    used, and the one act that chance rests on (None when it rests on anything else): one
    act made by several States is one uncertain fact, not one per State."""
    acts = [a for a in ctx.acts if a.type is act_type and state in a.by]
    partial = not_to_all(ctx, acts, state) if act_type in TO_ALL else None
    if partial is not None:
        return 0.0, f"not to every participating State: {partial}", (), None
    made = made_first(acts)
    not_made = [a for a in acts if not a.made]
    if not made and not not_made:
        return (*_not_on_record(ctx, act_type, state, partner, due), None)
    if not made:
        return 0.0, f"not made (per {_per(ctx, not_made[0].source)})", (), None
    p_time, why, used = _in_time(ctx, made[0], due)
    if not not_made:
        return p_time, f"{why} (per {_per(ctx, made[0].source)})", used, made[0]
    if p_time is None:
        return None, f"sources disagree ({why})", used, None
    w_made = sum(_grade_weight(ctx, a) for a in made)
    w_not = sum(_grade_weight(ctx, a) for a in not_made)
    p = p_time * w_made / (w_made + w_not)
    return (
        p,
        f"sources disagree: {', '.join(a.source for a in made)} record it ({why}), "
        f"{', '.join(a.source for a in not_made)} say none was made; weighed by their "
        f"reliability: {_pct(p)}",
        used,
        None,
    )


def alert_chance(ctx: Context) -> tuple[float | None, tuple[PresumptionUse, ...]]:
    """The chance the activity was an alert activity."""
    alert = ctx.dossier.activity.alert
    if alert is not None:
        return (1.0 if alert else 0.0), ()
    if ctx.presume is None:
        return None, ()
    p = ctx.presume["not_an_alert_activity"]
    return 1 - p.confidence, (p.used(),)


# The presumptions that read a State's missing act; several States so read are one fact.
_TOGETHER = ("acts_of_one_activity_go_together", "duty_not_on_record")


def duty_factor(
    ctx: Context,
    act_type: ActType,
    states: Sequence[str],
    due: When | None,
    *,
    alert_due: When | None = None,
    p_alert: float | None = 0.0,
    alert_presumptions: tuple[PresumptionUse, ...] = (),
) -> Factor:
    """Was the act made in time by every State that owes it? With `alert_due`, the deadline
    is `due` unless the activity was an alert one (chance `p_alert`)."""
    what = act_type.value.replace("_", " ")
    p_all: float | None = 1.0
    parts: list[str] = []
    used: list[PresumptionUse] = []
    # The same act made by another State that owes it for this activity: a State whose act
    # is missing is read with it (presumption acts_of_one_activity_go_together).
    partners = {
        state: made[0]
        for state in states
        if (made := made_first([a for a in ctx.acts if a.type is act_type and state in a.by]))
    }
    counted: set[tuple[int, int]] = set()
    together: list[float] = []
    for state in states:
        partner = next((a for s, a in partners.items() if s != state), None)
        p, why, u, act = _done_by(ctx, act_type, state, due, partner)
        act_alert: Act | None = None
        if alert_due is not None and p_alert != 0.0:
            pa, why_a, ua, act_alert = _done_by(ctx, act_type, state, alert_due, partner)
            if pa != p or why_a != why:
                if p_alert is None or p is None or pa is None:
                    p = None
                else:
                    p = (1 - p_alert) * p + p_alert * pa
                    why = f"{why}; if it was an alert activity (due {alert_due}): {why_a}"
                    u = (*u, *ua, *alert_presumptions)
        parts.append(f"{state}: {why}" if len(states) > 1 else why)
        used.extend(u)
        if act is not None:
            if (id(act), id(act_alert)) in counted:  # the same act as a State before
                continue
            counted.add((id(act), id(act_alert)))
        elif p is not None and any(x.id in _TOGETHER for x in u):
            # States whose act is missing go together (acts_of_one_activity_go_together):
            # one fact for them all, as likely as the least likely of them.
            together.append(p)
            continue
        p_all = None if p is None or p_all is None else p_all * p
    if together and p_all is not None:
        p_all *= min(together)
    owed_by = states[0] if len(states) == 1 else f"{len(states)} States"
    if len(states) == 1:
        short = f"{what} by {owed_by}: {parts[0].split('; ')[0]}"
    elif p_all is None:
        short = f"{what} by {owed_by}: unknown"
    else:
        short = f"{what} by {owed_by}: {likelihood_words(p_all)} made in time ({p_all:.0%})"
    return Factor(
        act_type.value,
        f"{what} by {owed_by}",
        p_all,
        "made in time",
        "not made in time",
        "; ".join(parts),
        tuple(dict.fromkeys(used)),
        short,
    )


def host_duty(
    ctx: Context,
    act_type: ActType,
    normal_due: When,
    p_alert: float | None,
    presumed: tuple[PresumptionUse, ...],
) -> Factor:
    """An act the host States owe 42 days ahead, or at the start of an alert activity."""
    from csbm.rules._common import bound

    activity = ctx.dossier.activity
    return duty_factor(
        ctx,
        act_type,
        bound(ctx, activity.host_states),
        activity.start if activity.alert is True else normal_due,
        alert_due=activity.start if activity.alert is None else None,
        p_alert=p_alert,
        alert_presumptions=presumed,
    )


def triggers(
    ctx: Context, thresholds: Sequence[tuple[Quantity, str]], *, strict: bool = False
) -> tuple[list[Factor], PresumptionUse | None]:
    out = [f for f in (zone_factor(ctx),) if f is not None]
    soc, rebutted = command_factor(ctx)
    if soc is not None:
        out.append(soc)
    out.append(figures_factor(ctx, thresholds, strict=strict))
    return out, rebutted


def lean_of(shape: Shape, rebutted: PresumptionUse | None = None) -> Verdict:
    found = verdict(shape)
    if rebutted is None:
        return found
    return Verdict(
        found.lean,
        found.likelihood,
        found.hinges,
        [*found.presumptions, rebutted],
        found.basis,
        found.chances,
    )


def rebuttal(rebutted: PresumptionUse | None) -> Verdict | None:
    """For a finding settled by a source that rebutted a presumption: the rebuttal shown."""
    if rebutted is None:
        return None
    return Verdict(None, None, [], [rebutted])


__all__ = [
    "OPEN",
    "alert_chance",
    "command_factor",
    "duty_factor",
    "figures_factor",
    "host_duty",
    "lean_of",
    "rebuttal",
    "triggers",
    "zone_factor",
]
