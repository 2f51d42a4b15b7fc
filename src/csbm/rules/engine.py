"""The rule registry, rulesets and parameter look-up by date, and evaluation.

A rule is a small function registered under a stable id with the paragraphs it
rests on and the date it took effect. It reads parameters through a view fixed
to the activity's dates and returns findings that explain themselves.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from csbm.errors import ParameterError, RulesetError, UnknownRuleError
from csbm.evidence.estimate import Estimates
from csbm.model.dossier import Act, Dossier
from csbm.model.finding import (
    Citation,
    Deadline,
    Finding,
    Level,
    Outcome,
    ParameterUse,
    Scenario,
)
from csbm.rules._tree import (
    Instrument,
    Parameter,
    Scalar,
    load_instruments,
    load_paragraph_checks,
    load_parameters,
)

if TYPE_CHECKING:
    from csbm.rules.lean import Verdict
    from csbm.rules.overlay import Overlay
    from csbm.rules.presumption import Presumptions


@dataclass(frozen=True)
class Ruleset:
    """The rules of one instrument, and why it was chosen for an activity."""

    instrument: Instrument
    instruments: dict[str, Instrument]
    parameters: dict[str, Parameter]
    chosen: str

    @property
    def id(self) -> str:
        return self.instrument.id

    def until(self) -> date | None:
        """The day before the next encoded instrument took effect, if any."""
        later = [
            i.in_force
            for i in self.instruments.values()
            if not i.method and i.in_force > self.instrument.in_force
        ]
        return min(later) - timedelta(days=1) if later else None

    def lookup_date(self, start: date) -> date:
        """The date parameters are read for: the start, held inside this ruleset's period."""
        end = self.until()
        when = max(start, self.instrument.in_force)
        return min(when, end) if end is not None else when

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.instrument.id,
            "title": self.instrument.title,
            "symbol": self.instrument.symbol,
            "in_force": self.instrument.in_force.isoformat(),
            "chosen": self.chosen,
        }


def _legal_instruments() -> list[Instrument]:
    return sorted(
        (i for i in load_instruments().values() if not i.method), key=lambda i: i.in_force
    )


def ruleset_ids() -> list[str]:
    return [i.id for i in _legal_instruments()]


def load_ruleset(ruleset_id: str | None = None, *, on: date | None = None) -> Ruleset | None:
    """The ruleset named, or the one in force on a date (None if no encoded one was)."""
    instruments = load_instruments()
    parameters = load_parameters()
    if ruleset_id is not None:
        inst = instruments.get(ruleset_id)
        if inst is None or inst.method:
            known = ", ".join(ruleset_ids())
            raise RulesetError(f"unknown ruleset {ruleset_id!r}; known rulesets: {known}")
        return Ruleset(inst, instruments, parameters, f"{inst.id} was requested (--ruleset)")
    if on is None:
        raise RulesetError("name a ruleset or give a date")
    in_force = [i for i in _legal_instruments() if i.in_force <= on]
    if not in_force:
        return None
    inst = in_force[-1]
    return Ruleset(
        inst,
        instruments,
        parameters,
        f"in force on the activity's start date {on} (since {inst.in_force})",
    )


class ParameterView:
    """Parameters as in force on one date; remembers which ones a rule used."""

    def __init__(
        self,
        ruleset: Ruleset,
        when: date,
        overlays: Sequence[Overlay] = (),
        cache: dict[str, ParameterUse] | None = None,
    ) -> None:
        self.ruleset = ruleset
        self.when = when
        self.overlays = overlays
        self.used: dict[str, ParameterUse] = {}
        # Look-ups shared by every view of the same ruleset, date and overlays.
        self._cache = cache if cache is not None else {}

    def use(self, path: str) -> ParameterUse:
        found = self._cache.get(path)
        if found is None:
            found = self._cache[path] = self._lookup(path)
        self.used[path] = found
        return found

    def _lookup(self, path: str) -> ParameterUse:
        param = self.ruleset.parameters.get(path)
        if param is None:
            raise ParameterError(f"no parameter {path!r} in ruleset {self.ruleset.id}")
        found = param.at(self.when, self.ruleset.instruments)
        for overlay in reversed(self.overlays):  # the last overlay given wins
            if path in overlay.parameters:
                found = ParameterUse(
                    path=path,
                    value=overlay.parameters[path],
                    since=self.when,
                    confidence="what-if",
                    citation=Citation(
                        instrument=f"overlay:{overlay.id}",
                        symbol=overlay.title,
                        paragraph=overlay.source_text,
                    ),
                )
                break
        return found

    def value(self, path: str) -> Scalar:
        return self.use(path).value

    def number(self, path: str) -> float:
        value = self.value(path)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ParameterError(f"parameter {path} is {value!r} on {self.when}, not a number")
        return value

    def known_number(self, path: str) -> float | None:
        """A number, or None where the value under this instrument is recorded as unknown."""
        if self.value(path) is None:
            return None
        return self.number(path)

    def threshold(self, path: str) -> float | None:
        """A threshold: a number; math.inf where the instrument has no such criterion
        (value "none": nothing can reach it); None where the value is unknown."""
        if self.value(path) == NO_CRITERION:
            return math.inf
        return self.known_number(path)


NO_CRITERION = "none"


@dataclass
class Context:
    """What one rule sees for one activity under one scenario."""

    rule: RuleSpec
    dossier: Dossier
    scenario: Scenario
    estimates: Estimates
    acts: list[Act]
    params: ParameterView
    as_of: date | None
    # Every activity of the set being assessed, for rules that need more than one.
    peers: Sequence[Peer] = ()
    # Shared by all rule calls on one set and scenario, for work that does not depend on
    # the activity being judged (e.g. counting a State's activities in a year).
    memo: dict[object, object] = field(default_factory=dict)
    # The presumptions leans may use; None under --strict.
    presume: Presumptions | None = None
    # Facts taken as given by --assume, in FACT=VALUE form, for every finding to show.
    assumed: Sequence[str] = ()

    def finding(
        self,
        outcome: Outcome,
        reason: str,
        *,
        applies: bool | None,
        claims: Sequence[str] = (),
        deadline: Deadline | None = None,
        assumptions: Sequence[str] = (),
        subject: str | None = None,
        verdict: Verdict | None = None,
    ) -> Finding:
        # A lean only where the rules leave the outcome open (docs/lean.md).
        lean: dict[str, Any] = {}
        if verdict is not None and verdict.summary:
            lean["summary"] = verdict.summary
        if verdict is not None and outcome in (Outcome.INDETERMINATE, Outcome.CONFLICT):
            lean |= {
                "lean": verdict.lean,
                "likelihood": verdict.likelihood,
                "hinges_on": verdict.hinges,
                "presumptions": verdict.presumptions,
                "basis": verdict.basis,
            }
        elif verdict is not None:
            # A rebutted presumption is still shown: the finding says what overturned it.
            rebutted = [p for p in verdict.presumptions if p.rebutted_by]
            if rebutted:
                lean["presumptions"] = rebutted
        # The engine builds every field itself (checked by mypy), so skip re-validation.
        return Finding.model_construct(
            rule=self.rule.id,
            subject=subject,
            applies=applies,
            outcome=outcome,
            reason=reason,
            citations=self.rule.citations_under(self.params.ruleset),
            parameters=list(self.params.used.values()),
            claims=list(dict.fromkeys(claims)),
            deadline=deadline,
            assumptions=list(assumptions),
            conditional_on=list(self.assumed),
            # every list given, so model_construct computes no default (it inspects each
            # default factory's signature per call: most of `csbm record gaps`' time)
            **{"hinges_on": [], "presumptions": [], "basis": [], **lean},
        )


@dataclass(frozen=True)
class Peer:
    """Another activity of the assessed set, with its estimates under the same scenario."""

    dossier: Dossier
    estimates: Estimates


RuleFunc = Callable[[Context], list[Finding]]
F = TypeVar("F", bound=Callable[..., list[Finding]])


@dataclass(frozen=True)
class RuleSpec:
    id: str
    title: str
    summary: str
    citations: tuple[Citation, ...]
    since: date
    until: date | None
    needs: Literal["activity", "set", "state_year"]
    parameters: tuple[str, ...]
    # A state_year rule takes a csbm.rules.state_year.StateYearContext instead of a Context.
    func: Callable[[Any], list[Finding]] = field(compare=False)

    def parameter_paths(self, ruleset: Ruleset) -> list[str]:
        """The parameters the rule reads: every path under its declared prefixes."""
        return sorted(
            p for p in ruleset.parameters if any(p.startswith(x) for x in self.parameters)
        )

    def citations_under(self, ruleset: Ruleset) -> list[Citation]:
        """The rule's citations as they apply under a ruleset.

        Citations are written against the text they were taken from (VD2011). Under another
        instrument the paragraph numbers may differ, so only the chapter is kept, marked as
        not identified, under the number that instrument gives the chapter (VD1990 has no
        chapter on defence planning, so its risk reduction is II, not III).
        """
        out = []
        for c in self.citations:
            if c.instrument == ruleset.id:
                out.append(c)
                continue
            chapter = c.paragraph.split()[0]
            if c.instrument == "vd2011":
                chapter = ruleset.instrument.chapters.get(chapter, chapter)
            out.append(
                Citation(
                    instrument=ruleset.id,
                    symbol=ruleset.instrument.symbol,
                    paragraph=f"{chapter} (paragraph not identified)",
                )
            )
        return list({c.label(): c for c in out}.values())

    def in_force_on(self, when: date) -> bool:
        return self.since <= when and (self.until is None or when <= self.until)


_REGISTRY: dict[str, RuleSpec] = {}


def rule(
    rule_id: str,
    *,
    title: str,
    cites: Sequence[tuple[str, str]],
    since: str,
    until: str | None = None,
    reads: Sequence[str],
    needs: Literal["activity", "set", "state_year"] = "activity",
) -> Callable[[F], F]:
    """Register a rule function.

    `cites` lists (instrument id, paragraph); what each was checked against is data
    (rules/paragraphs.yaml). `reads` lists the parameter path prefixes the rule reads (checked
    by the test suite against what it really reads).
    """

    def register(func: F) -> F:
        instruments = load_instruments()
        checks = load_paragraph_checks()
        citations = []
        for instrument, paragraph in cites:
            inst = instruments[instrument]
            check = checks.get((instrument, paragraph))
            citations.append(
                Citation(
                    instrument=inst.id,
                    symbol=inst.symbol,
                    paragraph=paragraph,
                    level=check.level if check else Level.UNVERIFIED,
                    language=check.language if check else None,
                    sources=check.sources if check else [],
                )
            )
        if rule_id in _REGISTRY:
            raise RulesetError(f"rule {rule_id} registered twice")
        _REGISTRY[rule_id] = RuleSpec(
            id=rule_id,
            title=title,
            summary=(func.__doc__ or "").strip(),
            citations=tuple(citations),
            since=date.fromisoformat(since),
            until=date.fromisoformat(until) if until else None,
            needs=needs,
            parameters=tuple(reads),
            func=func,
        )
        return func

    return register


def rules() -> list[RuleSpec]:
    """Every registered rule, in a stable order."""
    _load_rule_modules()
    return sorted(_REGISTRY.values(), key=lambda r: r.id)


def get_rule(rule_id: str) -> RuleSpec:
    _load_rule_modules()
    try:
        return _REGISTRY[rule_id]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise UnknownRuleError(f"no rule {rule_id!r}; known rules: {known}") from None


def _load_rule_modules() -> None:
    # Importing the chapter modules runs their @rule decorators.
    from csbm.rules import (  # noqa: F401
        ch03_risk_reduction,
        ch04_contacts,
        ch05_notification,
        ch06_observation,
        ch07_calendar,
        ch08_constraints,
        ch09_verification,
        ch_zone,
        general,
        signals,
    )
