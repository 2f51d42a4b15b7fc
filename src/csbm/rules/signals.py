"""Loophole signals: patterns that deserve a closer look, never verdicts of breach.

Each signal is a finding of its own (`signal.*`). When it fires, its outcome is
`indeterminate` with applies=true: the evidence raises a question the rules alone cannot
settle. When it does not fire, the outcome is `not_applicable`. The known ways around the
thresholds are described in the shared brief §14 (declaring just under a threshold,
splitting, alert activities, post-hoc admissions, counting a subset of the forces).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from csbm.evidence.estimate import is_declared, known_on
from csbm.evidence.interval import Interval
from csbm.model.dossier import Claim, Dossier, Quantity
from csbm.model.finding import Finding, Outcome
from csbm.rules._common import LAND_KINDS, chapter_thresholds, fmt, threshold_test
from csbm.rules.engine import Context, Peer, rule

_NOT_A_VERDICT = "A signal to look closer, not a finding of breach."


def _fired(ctx: Context, reason: str, claims: Sequence[str]) -> list[Finding]:
    return [
        ctx.finding(
            Outcome.INDETERMINATE, reason, applies=True, claims=claims, assumptions=[_NOT_A_VERDICT]
        )
    ]


def _quiet(ctx: Context, reason: str) -> list[Finding]:
    return [ctx.finding(Outcome.NOT_APPLICABLE, reason, applies=False)]


def _thresholds(ctx: Context) -> list[tuple[Quantity, str, float]]:
    """Notification and observation thresholds of the activity's kind, as numbers."""
    out = []
    for chapter in ("ch05", "ch06"):
        for quantity, path in chapter_thresholds(ctx.dossier, chapter):
            value = ctx.params.threshold(path)
            if value is not None and value != float("inf"):
                out.append((quantity, path, value))
    return out


def _claims(dossier: Dossier) -> list[tuple[str, Claim]]:
    # Figures only: a bound has no central figure to compare (a signal reading bounds
    # would have to say what a bound proves).
    return [(dossier.claim_id(i), c) for i, c in enumerate(dossier.claims) if c.has_figure]


def _central(claim: Claim) -> float:
    if claim.value is not None:
        return float(claim.value)
    assert claim.low is not None and claim.high is not None
    return (claim.low + claim.high) / 2


def _declarer(dossier: Dossier, claim: Claim) -> str | None:
    return claim.declared_by or dossier.source(claim.source).state


def _known(ctx: Context, claim: Claim) -> bool:
    if ctx.as_of is None:
        return True
    known = known_on(claim, ctx.dossier.source(claim.source))
    return known is not None and known <= ctx.as_of


@rule(
    "signal.near_threshold",
    title="Declared just under a threshold that independent estimates exceed",
    cites=[("vd2011", "V 40.1.1"), ("vd2011", "VI 45.4")],
    since="1991-01-01",
    reads=["evidence.near_threshold_margin", "evidence.approx_margin", "ch05.", "ch06."],
)
def near_threshold(ctx: Context) -> list[Finding]:
    """A declared figure within a documented margin below a notification or observation
    threshold while independent estimates exceed that threshold (Zapad-2017: 12,700
    declared against an observation threshold of 13,000)."""
    margin = ctx.params.number("evidence.near_threshold_margin")
    approx = ctx.params.number("evidence.approx_margin")
    claims = [(cid, c) for cid, c in _claims(ctx.dossier) if c.scope is None and _known(ctx, c)]
    hits = []
    used: list[str] = []
    for quantity, path, t in _thresholds(ctx):
        declared = [
            (cid, c)
            for cid, c in claims
            if c.quantity is quantity
            and is_declared(c, ctx.dossier)
            and t * (1 - margin) <= _central(c) < t
        ]
        above = [
            (cid, c)
            for cid, c in claims
            if c.quantity is quantity
            and not is_declared(c, ctx.dossier)
            and Interval.from_claim(c, approx).low >= t
        ]
        if declared and above:
            figures = ", ".join(fmt(_central(c)) for _, c in declared)
            hits.append(
                f"declared {quantity.value} {figures} within {margin:.0%} below {fmt(t)} "
                f"({path}) while {len(above)} independent "
                f"{'estimates exceed' if len(above) != 1 else 'estimate exceeds'} it"
            )
            used += [cid for cid, _ in declared + above]
    if hits:
        return _fired(ctx, "Near a threshold: " + "; ".join(hits) + ".", used)
    return _quiet(
        ctx, "No declared figure sits just under a threshold that independent estimates exceed."
    )


@rule(
    "signal.alert_use",
    title="Alert activity above a threshold or longer than 72 hours",
    cites=[("vd2011", "V 41"), ("vd2011", "VI (alert-activity provision)")],
    since="1991-01-01",
    reads=["ch05.land.", "ch05.amphibious_parachute.", "ch06.alert_max_hours"],
)
def alert_use(ctx: Context) -> list[Finding]:
    """An activity carried out without advance notice to the troops that reaches a
    notification threshold, or lasts more than 72 hours: the snap-exercise gap."""
    activity = ctx.dossier.activity
    if activity.alert is not True:
        word = "not an alert activity" if activity.alert is False else "alert status unknown"
        return _quiet(ctx, f"Does not apply: {word}.")
    test = threshold_test(ctx.estimates, ctx.params, chapter_thresholds(ctx.dossier, "ch05"))
    limit = ctx.params.known_number("ch06.alert_max_hours")
    shortest, longest = activity.hours_range
    long_run = limit is not None and (
        shortest >= limit if activity.duration_hours is None else shortest > limit
    )
    reasons = []
    if test.result is True:
        reasons.append(f"it reached a notification threshold ({test.reason})")
    if long_run:
        reasons.append(f"it lasted more than {fmt(limit or 0)} hours ({shortest}–{longest} h)")
    if reasons:
        return _fired(ctx, "Alert activity: " + "; and ".join(reasons) + ".", test.claims)
    return _quiet(
        ctx,
        "Alert activity below the notification thresholds and not known to "
        "have lasted more than the alert limit.",
    )


@rule(
    "signal.revision",
    title="A State's later figure far above its earlier declaration",
    cites=[("vd2011", "V 40.1.1")],
    since="1991-01-01",
    reads=["evidence.revision_ratio"],
)
def revision(ctx: Context) -> list[Finding]:
    """Later claims by the same State larger than its earlier declaration (Kavkaz-2016:
    12,500 announced, more than 120,000 admitted afterwards)."""
    ratio = ctx.params.number("evidence.revision_ratio")
    dossier = ctx.dossier
    dated: list[tuple[date, str, Claim, str]] = []
    for cid, c in _claims(dossier):
        if not is_declared(c, dossier) or not _known(ctx, c):
            continue
        when = known_on(c, dossier.source(c.source))
        state = _declarer(dossier, c) or "?"
        if when is not None:
            dated.append((when, cid, c, state))
    dated.sort(key=lambda x: (x[0], x[1]))
    hits, used = [], []
    for i, (when, cid, c, state) in enumerate(dated):
        for later_when, later_id, later, later_state in dated[i + 1 :]:
            if later.quantity is not c.quantity or later_state != state:
                continue
            if later.scope != c.scope:
                continue  # figures for different parts are not a revision
            if later_when > when and _central(later) > ratio * _central(c):
                hits.append(
                    f"{state} gave {fmt(_central(c))} {c.quantity.value} on {when}, then "
                    f"{fmt(_central(later))} on {later_when}"
                )
                used += [cid, later_id]
                break
    if hits:
        return _fired(ctx, "Revised upwards: " + "; ".join(hits) + ".", used)
    return _quiet(
        ctx, f"No State's later figure exceeds its earlier one by more than {ratio:g} times."
    )


@rule(
    "signal.subset_counting",
    title="Figure counted under the Document far below the declared total",
    cites=[("vd2011", "V 40.1.1")],
    since="1991-01-01",
    reads=["evidence.subset_ratio"],
)
def subset_counting(ctx: Context) -> list[Finding]:
    """A declared figure said to fall under the Document that is a small part of the same
    State's declared total (Kavkaz-2020: 12,900 under the Document of 80,000)."""
    ratio = ctx.params.number("evidence.subset_ratio")
    claims = [
        (cid, c)
        for cid, c in _claims(ctx.dossier)
        if is_declared(c, ctx.dossier) and _known(ctx, c)
    ]
    hits, used = [], []
    for cid, c in claims:
        if c.counted_under_vd is not True:
            continue
        for tid, total in claims:
            if _declarer(ctx.dossier, total) != _declarer(ctx.dossier, c):
                continue  # one State's count against another State's total says nothing
            if (
                total.quantity is c.quantity
                and total.counted_under_vd is False
                and (_central(c) <= ratio * _central(total))
            ):
                hits.append(
                    f"{fmt(_central(c))} {c.quantity.value} counted under the Document of "
                    f"{fmt(_central(total))} declared in all"
                )
                used += [cid, tid]
    if hits:
        return _fired(ctx, "Subset counted: " + "; ".join(dict.fromkeys(hits)) + ".", used)
    return _quiet(ctx, "No declared figure under the Document is a small part of a declared total.")


# --- splitting: needs the other activities of the set ---------------------------------


def _family_root(d: Dossier, ids: set[str]) -> str:
    return d.activity.parent if d.activity.parent in ids else d.activity.id


def _related(a: Dossier, b: Dossier) -> bool:
    """Same State(s), and running at the same time or named in the same series that year."""
    if not set(a.activity.conducting_states) & set(b.activity.conducting_states):
        return False
    overlap = a.activity.start <= b.activity.end and b.activity.start <= a.activity.end
    series = (
        a.activity.series is not None
        and a.activity.series == b.activity.series
        and a.activity.start.year == b.activity.start.year
    )
    return overlap or series


@rule(
    "signal.splitting",
    title="Parts below a threshold that together cross it",
    cites=[("vd2011", "V 40.1.1"), ("vd2011", "VI 45.4")],
    since="1991-01-01",
    reads=["ch05.", "ch06."],
    needs="set",
)
def splitting(ctx: Context) -> list[Finding]:
    """Activities or declared parts of the same State(s), running at the same time or in
    the same named series, whose figures together cross a threshold that none crosses alone
    (Zapad-2013: parts declared separately for Belarus and Kaliningrad)."""
    if ctx.dossier.activity.kind not in LAND_KINDS:
        return _quiet(ctx, "Splitting is tested for land activities only.")
    me = ctx.dossier
    ids = _index(ctx).ids
    root = _family_root(me, ids)
    if root != me.activity.id:
        return _quiet(ctx, f"A part of {root}: tested with its parent.")
    hits, used = [], []
    for quantity, path, t in _thresholds(ctx):
        parts = _parts(ctx, quantity)
        if len(parts) < 2:
            continue
        if any(interval.low >= t for _, interval, _ in parts):
            continue
        total = sum(interval.low for _, interval, _ in parts)
        if total >= t:
            listed = ", ".join(f"{name} {interval.render()}" for name, interval, _ in parts)
            hits.append(
                f"{quantity.value}: {listed}: none certainly reaches {fmt(t)} ({path}) "
                f"alone, together at least {fmt(total)}"
            )
            used += [cid for _, _, cids in parts for cid in cids]
    if hits:
        return _fired(ctx, "Split below a threshold: " + "; ".join(hits) + ".", used)
    return _quiet(
        ctx,
        "No set of parts or related activities crosses a threshold together "
        "while each stays below it.",
    )


def _parts(ctx: Context, quantity: Quantity) -> list[tuple[str, Interval, list[str]]]:
    """The separately declared pieces, for one quantity: the activity's part dossiers (or,
    without parts, the activity itself) plus related activities of the same State(s)
    outside its family.

    Scoped figures inside one dossier (a contingent, a territory, a phase) are parts of one
    activity and are not treated as a split.
    """
    me = ctx.dossier
    parts: list[tuple[str, Interval, list[str]]] = []
    children = _index(ctx).children.get(me.activity.id, [])
    for child in children:
        parts += _whole(child, quantity)
    if not children:
        # National contingents of one activity are one activity, not a split: the activity
        # takes part as a whole.
        own = ctx.estimates.get(quantity)
        if own is not None:
            parts.append((me.activity.id, own.interval, list(own.claims)))
    for peer in _related_peers(ctx):
        parts += _whole(peer, quantity)
    return parts


@dataclass
class _SetIndex:
    """The set's activities arranged for quick look-up: parts by parent, tops by State."""

    ids: set[str]
    children: dict[str, list[Peer]]
    tops_by_state: dict[str, list[Peer]]
    # Per State, its top-level activities sorted by start, with the start days alone for
    # bisecting, and the longest activity's length (how far back an overlap can start).
    starts_by_state: dict[str, list[date]]
    longest_days: int
    by_series: dict[tuple[str, str, int], list[Peer]]


def _index(ctx: Context) -> _SetIndex:
    key = ("signals-index",)
    if key not in ctx.memo:
        ids = {p.dossier.activity.id for p in ctx.peers}
        children: dict[str, list[Peer]] = {}
        by_state: dict[str, list[Peer]] = {}
        for p in ctx.peers:
            parent = p.dossier.activity.parent
            if parent in ids:
                children.setdefault(parent, []).append(p)
                continue
            for state in p.dossier.activity.conducting_states:
                by_state.setdefault(state, []).append(p)
        series: dict[tuple[str, str, int], list[Peer]] = {}
        for state, peers in by_state.items():
            peers.sort(key=lambda p: (p.dossier.activity.start, p.dossier.activity.id))
            for p in peers:
                a = p.dossier.activity
                if a.series is not None:
                    series.setdefault((state, a.series, a.start.year), []).append(p)
        starts = {s: [p.dossier.activity.start for p in ps] for s, ps in by_state.items()}
        longest = max(
            ((p.dossier.activity.end - p.dossier.activity.start).days for p in ctx.peers), default=0
        )
        ctx.memo[key] = _SetIndex(ids, children, by_state, starts, longest, series)
    found: _SetIndex = ctx.memo[key]  # type: ignore[assignment]
    return found


def _related_peers(ctx: Context) -> list[Peer]:
    """Top-level activities of the same State(s) related to this one (not its own parts)."""
    me = ctx.dossier
    key = ("related", me.activity.id)
    if key not in ctx.memo:
        index = _index(ctx)
        a = me.activity
        seen: dict[str, Peer] = {}
        for state in a.conducting_states:
            peers = index.tops_by_state.get(state, [])
            starts = index.starts_by_state.get(state, [])
            # Only activities starting between (my start - the longest length) and my end
            # can overlap me; those of my series that year are looked up directly.
            lo = bisect_left(starts, a.start - timedelta(days=index.longest_days))
            hi = bisect_right(starts, a.end)
            candidates = peers[lo:hi]
            if a.series is not None:
                candidates = candidates + index.by_series.get((state, a.series, a.start.year), [])
            for peer in candidates:
                other = peer.dossier
                if other.activity.id != a.id and _related(me, other):
                    seen.setdefault(other.activity.id, peer)
        ctx.memo[key] = list(seen.values())
    found: list[Peer] = ctx.memo[key]  # type: ignore[assignment]
    return found


def _whole(peer: Peer, quantity: Quantity) -> list[tuple[str, Interval, list[str]]]:
    est = peer.estimates.get(quantity)
    if est is None:
        return []
    return [(peer.dossier.activity.id, est.interval, list(est.claims))]
