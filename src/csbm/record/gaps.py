"""What the verdicts lack, per activity, and how many headline verdicts each gap would settle.

A gap is a fact the record does not hold: an act the rules owe that is not on record, an
act on record with no date, a quantity the thresholds read with no figure, or a fact of
the activity left unknown (`alert`, `single_operational_command`). For each gap the
activity's dossier is assessed again with the fact set to each value in a fixed ladder
(an act made well before every deadline, made late, not made; a figure far below and far
above every threshold; true and false). A headline finding open now (indeterminate or
conflict) is *settled* by the gap when it is determinate under every value tried: once
the fact is found, whatever it turns out to be, that verdict is decided. The method and
its limits are in docs/gaps.md.

The values tried are hypotheses, never facts: they live only in the copies assessed here
and are never written to a dossier.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from csbm.report.view import HEADLINE_RULES as _HEADLINE

if TYPE_CHECKING:
    from csbm.model.dossier import ActType, Dossier, Quantity
    from csbm.model.finding import Finding

# The verdicts the gaps are counted against: one per chapter, in the scenario that reads
# every source.
HEADLINE_RULES = tuple(rule for rule, _ in _HEADLINE)
SCENARIO = "all"

# The ladders of values tried. A figure of 1 is below, and one of 1,000,000 above, every
# threshold of Chapters V, VI and VIII for any quantity; an act dated four calendar years
# before the start is ahead of every deadline (42 days, the calendar's 15 November, the
# two or three years of Chapter VIII), one dated on the last day is after all of them.
FAR_BELOW = 1
FAR_ABOVE = 1_000_000
EARLY_YEARS = 4
HYPOTHESIS_SOURCE = "csbm-gaps-hypothesis"

Key = tuple[str, str | None]
# A copy of a dossier with one fact set to one of the values tried.
Change = Callable[["Dossier"], "Dossier"]


@dataclass(frozen=True)
class Gap:
    activity: str
    name: str
    kind: str  # act_missing | act_undated | no_figure | unknown_fact
    fact: str  # what to find, in words
    tried: tuple[str, ...]
    settles: tuple[str, ...]  # headline rule ids (with subject) settled under every value
    bears_on: tuple[str, ...]  # open now, settled under some value tried but not all
    open_now: int  # headline findings of the activity open now
    start: date
    words: str | None = None  # an undated act's date_text, the source's words for when

    @property
    def count(self) -> int:
        return len(self.settles)

    def as_json(self) -> dict[str, Any]:
        return {
            "activity": self.activity,
            "name": self.name,
            "kind": self.kind,
            "fact": self.fact,
            "would_settle": self.count,
            "settles": list(self.settles),
            "bears_on": list(self.bears_on),
            "open_now": self.open_now,
            "values_tried": list(self.tried),
            "date_text": self.words,
        }


@dataclass(frozen=True)
class _Trial:
    kind: str
    fact: str
    values: tuple[tuple[str, Change], ...]
    words: str | None = None


def _headline(dossier: Dossier) -> dict[Key, Finding]:
    """The headline findings of one dossier assessed alone, without presumptions.

    The four headline rules read only the activity's own dossier (no other activity's),
    so assessing it alone gives the same outcomes as assessing the whole record.
    """
    from csbm.model.finding import Scenario
    from csbm.rules.assess import assess

    [result] = assess([dossier], scenarios=[Scenario(SCENARIO)], strict=True)
    return {
        (f.rule, f.subject): f
        for f in result.scenarios[Scenario(SCENARIO)].findings
        if f.rule in HEADLINE_RULES
    }


def _is_open(f: Finding) -> bool:
    from csbm.model.finding import Outcome

    return f.outcome in (Outcome.INDETERMINATE, Outcome.CONFLICT)


def _rebuild(d: Dossier, **update: Any) -> Dossier:
    """A copy with fields replaced, validated again: the dossier derives claim ids and
    other state when it is validated, which a plain model_copy would leave stale."""
    from csbm.model.dossier import Dossier

    return Dossier.model_validate({**dict(d), **update})


def _with_hypothesis_source(dossier: Dossier) -> list[Any]:
    from csbm.model.dossier import Source, SourceKind

    if any(s.id == HYPOTHESIS_SOURCE for s in dossier.sources):
        return list(dossier.sources)
    return [
        *dossier.sources,
        Source(
            id=HYPOTHESIS_SOURCE,
            kind=SourceKind.OTHER,
            publisher="csbm record gaps (a value tried, not a fact)",
            url="https://csbm.invalid/record/gaps",  # no real page: marks the value as tried
        ),
    ]


def _add_act(act_type: ActType, state: str, made: bool, when: date | None) -> Change:
    def apply(d: Dossier) -> Dossier:
        from csbm.model.dossier import Act

        act = Act(
            type=act_type,
            by=[state],
            made=made,
            date=when,
            source=HYPOTHESIS_SOURCE,
        )
        return _rebuild(d, acts=[*d.acts, act], sources=_with_hypothesis_source(d))

    return apply


def _date_act(index: int, when: date) -> Change:
    def apply(d: Dossier) -> Dossier:
        acts = list(d.acts)
        acts[index] = acts[index].model_copy(update={"date": when})
        return _rebuild(d, acts=acts)

    return apply


def _add_figure(quantity: Quantity, value: int) -> Change:
    def apply(d: Dossier) -> Dossier:
        from csbm.model.dossier import Claim

        claim = Claim(
            id=f"{HYPOTHESIS_SOURCE}-{quantity.value}",
            quantity=quantity,
            value=value,
            source=HYPOTHESIS_SOURCE,
            attributed_to="a value tried by csbm record gaps",
        )
        return _rebuild(d, claims=[*d.claims, claim], sources=_with_hypothesis_source(d))

    return apply


def _set_fact(field: str, value: bool) -> Change:
    def apply(d: Dossier) -> Dossier:
        return _rebuild(d, activity=d.activity.model_copy(update={field: value}))

    return apply


def _owed(dossier: Dossier) -> list[tuple[ActType, list[str]]]:
    """The acts the headline rules owe and the States owing them: the host States notify
    and invite, the conducting States enter the calendar and communicate large activities."""
    from csbm.model.dossier import ActType

    a = dossier.activity
    hosts = list(a.host_states)
    conductors = list(a.conducting_states)
    return [
        (ActType.NOTIFICATION, hosts),
        (ActType.OBSERVATION_INVITATION, hosts),
        (ActType.CALENDAR_ENTRY, conductors),
        (ActType.LARGE_ACTIVITY_COMMUNICATION, conductors),
    ]


def _act_words(act_type: ActType) -> str:
    return act_type.value.replace("_", " ")


def trials(dossier: Dossier) -> list[_Trial]:
    """Every gap of a dossier, each with the values to try."""
    from csbm.model.dossier import Quantity
    from csbm.rules._common import LAND_KINDS, LAND_QUANTITIES

    a = dossier.activity
    early = date(a.start.year - EARLY_YEARS, 1, 1)
    late = a.end
    out: list[_Trial] = []
    for act_type, states in _owed(dossier):
        for state in states:
            acts = [(i, x) for i, x in enumerate(dossier.acts) if x.type is act_type]
            mine = [(i, x) for i, x in acts if state in x.by]
            what = _act_words(act_type)
            if not mine:
                out.append(
                    _Trial(
                        "act_missing",
                        f"{what} by {state}: not on record",
                        (
                            (f"made {early}", _add_act(act_type, state, True, early)),
                            (f"made {late}", _add_act(act_type, state, True, late)),
                            ("not made", _add_act(act_type, state, False, None)),
                        ),
                    )
                )
                continue
            made = [(i, x) for i, x in mine if x.made]
            if made and len(made) == len(mine) and all(x.date is None for _, x in made):
                i, first = made[0]
                # Every made act of the type is undated: date the first, as the rules
                # read the earliest; the others stay undated (they come after it).
                out.append(
                    _Trial(
                        "act_undated",
                        f"{what} by {state}: on record, no date",
                        (
                            (f"dated {early}", _date_act(i, early)),
                            (f"dated {late}", _date_act(i, late)),
                        ),
                        first.date_text,
                    )
                )
    quantities = LAND_QUANTITIES if a.kind in LAND_KINDS else (Quantity.TROOPS,)
    for q in quantities:
        if not any(c.quantity is q and c.has_figure for c in dossier.claims):
            bounds = any(c.quantity is q for c in dossier.claims)
            note = " (a bound only)" if bounds else ""
            out.append(
                _Trial(
                    "no_figure",
                    f"{q.value}: no figure on record{note}",
                    (
                        (f"{FAR_BELOW:,}", _add_figure(q, FAR_BELOW)),
                        (f"{FAR_ABOVE:,}", _add_figure(q, FAR_ABOVE)),
                    ),
                )
            )
    for field in ("single_operational_command", "alert"):
        if getattr(a, field) is None:
            out.append(
                _Trial(
                    "unknown_fact",
                    f"{field.replace('_', ' ')}: unknown",
                    (("true", _set_fact(field, True)), ("false", _set_fact(field, False))),
                )
            )
    return out


def _label(key: Key) -> str:
    rule, subject = key
    return f"{rule} [{subject}]" if subject else rule


def gaps_of(dossier: Dossier) -> list[Gap]:
    """The gaps of one dossier, each with the headline verdicts it would settle."""
    now = _headline(dossier)
    open_keys = [k for k, f in now.items() if _is_open(f)]
    out = []
    for trial in trials(dossier):
        settled = set(open_keys)
        some: set[Key] = set()
        for _, apply in trial.values:
            after = _headline(apply(dossier))
            decided = {k for k in open_keys if k in after and not _is_open(after[k])}
            settled &= decided
            some |= decided
        out.append(
            Gap(
                activity=dossier.activity.id,
                name=dossier.activity.name,
                kind=trial.kind,
                fact=trial.fact,
                tried=tuple(label for label, _ in trial.values),
                settles=tuple(_label(k) for k in open_keys if k in settled),
                bears_on=tuple(_label(k) for k in open_keys if k in some - settled),
                open_now=len(open_keys),
                start=dossier.activity.start,
                words=trial.words,
            )
        )
    return out


KIND_ORDER = {"act_missing": 0, "act_undated": 1, "unknown_fact": 2, "no_figure": 3}


def record_gaps(dossiers: Iterable[Dossier], *, include_idle: bool = False) -> list[Gap]:
    """The gaps of every dossier, the most decisive first: most verdicts settled, then
    most verdicts it would settle for some of its values, then the earliest activity.

    Gaps that bear on no open verdict at all are left out unless `include_idle`.
    """
    found = [g for d in dossiers for g in gaps_of(d)]
    if not include_idle:
        found = [g for g in found if g.count or g.bears_on]
    return sorted(
        found,
        key=lambda g: (
            -g.count,
            -len(g.bears_on),
            g.start,
            g.activity,
            KIND_ORDER[g.kind],
            g.fact,
        ),
    )


def gaps_json(gaps: Sequence[Gap]) -> dict[str, Any]:
    return {
        "scenario": SCENARIO,
        "headline_rules": list(HEADLINE_RULES),
        "method": "docs/gaps.md",
        "gaps": [g.as_json() for g in gaps],
    }


def _chapters(labels: Sequence[str]) -> str:
    return ", ".join(s.split(".", 1)[0] for s in labels) or "-"


def gap_line(g: Gap) -> str:
    """One line of the research list: settles / open, activity, the fact to find."""
    return (
        f"settles {g.count} of {g.open_now} open ({_chapters(g.settles)}); "
        f"bears on {len(g.bears_on)} more ({_chapters(g.bears_on)}): {g.activity}: {g.fact}"
    )


__all__ = [
    "HEADLINE_RULES",
    "Gap",
    "gap_line",
    "gaps_json",
    "gaps_of",
    "record_gaps",
    "trials",
]
