"""Presumptions as data (rules/presumptions.yaml), and the equipment ratios of the record.

A presumption gives a default reading of a fact the record leaves open, with a confidence.
Only leans use them (docs/lean.md); `--strict` switches them off (no Presumptions at all).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from csbm.model.dossier import ActivityKind, Dossier, Quantity
from csbm.model.finding import PresumptionUse

if TYPE_CHECKING:
    from csbm.evidence.estimate import Estimates

REQUIRED = (
    "single_operational_command",
    "not_an_alert_activity",
    "equipment_from_troops",
    "zone_share",
    "duty_not_on_record",
    "acts_of_one_activity_go_together",
    "undated_act_in_time",
    "act_day_uniform",
    "calendar_follows_notification",
    "notification_with_invitation",
    "figures_from_record",
    "upper_figure_near_its_bound",
)
EQUIPMENT = (Quantity.TANKS, Quantity.ACV, Quantity.ARTILLERY)


class Presumption(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = ""
    statement: str = Field(min_length=1)
    confidence: float = Field(gt=0, lt=1)
    since: date
    reviewed: date
    citation: str = Field(min_length=1)
    rebutted_by: str = Field(min_length=1)
    min_activities: int | None = Field(default=None, ge=1)
    done_given: dict[str, float] | None = None
    # upper_figure_near_its_bound: the share of N above which an "up to N" figure lies.
    low_share: float | None = Field(default=None, gt=0, lt=1)

    def used(self, confidence: float | None = None) -> PresumptionUse:
        """The presumption as a finding lists it (with the confidence actually applied)."""
        return PresumptionUse(
            id=self.id,
            statement=self.statement,
            confidence=self.confidence if confidence is None else confidence,
            since=self.since,
            citation=self.citation,
        )

    def rebutted(self, by: str) -> PresumptionUse:
        """The presumption as a finding lists it when a source rebutted it (not used)."""
        return self.used().model_copy(update={"rebutted_by": by})


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    presumptions: dict[str, Presumption]


@cache
def load_presumptions(path: Path | None = None) -> dict[str, Presumption]:
    """The bundled presumptions (or those of `path`), each checked; the file is named on error."""
    from importlib import resources

    from pydantic import ValidationError

    from csbm._yaml import read_yaml
    from csbm.errors import InputError
    from csbm.model.load import problems_from

    where = path or Path(str(resources.files("csbm.rules"))) / "presumptions.yaml"
    located = read_yaml(where, InputError)
    try:
        parsed = _File.model_validate(located.data)
    except ValidationError as exc:
        raise InputError(where, problems_from(exc, located)) from None
    out = {key: p.model_copy(update={"id": key}) for key, p in parsed.presumptions.items()}
    missing = [k for k in REQUIRED if k not in out]
    if missing:
        from csbm.errors import Problem

        raise InputError(where, [Problem(f"presumptions missing: {', '.join(missing)}")])
    return out


@dataclass(frozen=True)
class Ratios:
    """Equipment per 1,000 troops in the land exercises of a record where both are known."""

    per_kind: dict[Quantity, tuple[float, ...]]
    record: str  # which record: "the set assessed" or "the bundled record"
    activities: dict[Quantity, tuple[str, ...]] = field(default_factory=dict)
    # Each quantity's own figures in the record's land exercises, for an activity with none.
    counts: dict[Quantity, tuple[float, ...]] = field(default_factory=dict)

    def probability_count_at_least(self, quantity: Quantity, threshold: float) -> float | None:
        """The share of the record's land exercises whose figure reaches `threshold`,
        smoothed like the ratios; None when the record gives no such figure."""
        counts = self.counts.get(quantity, ())
        if not counts:
            return None
        hits = sum(1 for c in counts if c >= threshold)
        return (hits + 0.5) / (len(counts) + 1)

    def count_text(self, quantity: Quantity, threshold: float) -> str:
        counts = self.counts.get(quantity, ())
        hits = sum(1 for c in counts if c >= threshold)
        return (
            f"{hits} of {len(counts)} recorded land exercises of {self.record} with a figure "
            f"for {quantity.value} reach {threshold:,.0f}"
        )

    def count(self, quantity: Quantity) -> int:
        return len(self.per_kind.get(quantity, ()))

    def probability_at_least(self, quantity: Quantity, threshold: float, troops: float) -> float:
        """The chance that `troops` troops come with at least `threshold` of the equipment:
        the share of recorded ratios that would reach it, smoothed by half an observation
        either way so that no count of cases gives certainty."""
        ratios = self.per_kind.get(quantity, ())
        hits = sum(1 for r in ratios if r * troops / 1000 >= threshold)
        return (hits + 0.5) / (len(ratios) + 1)

    def text(self, quantity: Quantity) -> str:
        ratios = sorted(self.per_kind.get(quantity, ()))
        name = {Quantity.TANKS: "tanks", Quantity.ACV: "ACV", Quantity.ARTILLERY: "artillery"}
        if not ratios:
            return (
                f"no recorded land exercise of {self.record} gives both {quantity.value} and troops"
            )
        return (
            f"in {len(ratios)} recorded land exercises of {self.record}, "
            f"{name.get(quantity, quantity.value)} per 1,000 troops ranged "
            f"{ratios[0]:.1f}–{ratios[-1]:.1f} (median {statistics.median(ratios):.1f})"
        )


def _point(estimates: Estimates, quantity: Quantity) -> float | None:
    """A figure for a quantity where the record pins it down: the weighing's best estimate,
    or the interval when it is a single number."""
    weighing = estimates.weighing.get(quantity)
    if weighing is not None and weighing.best is not None:
        return weighing.best
    est = estimates.get(quantity)
    if est is not None and est.interval.low == est.interval.high:
        return est.interval.low
    return None


def ratios_of(pairs: Sequence[tuple[Dossier, Estimates]], record: str) -> Ratios:
    per: dict[Quantity, list[float]] = {q: [] for q in EQUIPMENT}
    names: dict[Quantity, list[str]] = {q: [] for q in EQUIPMENT}
    counts: dict[Quantity, list[float]] = {q: [] for q in (Quantity.TROOPS, *EQUIPMENT)}
    for dossier, estimates in pairs:
        if dossier.activity.kind is not ActivityKind.LAND_EXERCISE:
            continue
        for q, found in counts.items():
            n = _point(estimates, q)
            if n is not None:
                found.append(n)
        troops = _point(estimates, Quantity.TROOPS)
        if not troops:
            continue
        for q in EQUIPMENT:
            n = _point(estimates, q)
            if n is not None:
                per[q].append(n * 1000 / troops)
                names[q].append(dossier.activity.id)
    return Ratios(
        {q: tuple(v) for q, v in per.items()},
        record,
        {q: tuple(v) for q, v in names.items()},
        {q: tuple(v) for q, v in counts.items()},
    )


@cache
def bundled_ratios() -> Ratios:
    """The ratios of the bundled record, all figures (scenario `all`).

    Working them out means reading and weighing every bundled dossier, which would cost a
    one-activity `csbm assess` more than all its rules; so they are kept in the user's cache
    directory under a digest of the bundled files and csbm's version, and worked out again
    whenever either changes (a cache that cannot be read or written is simply not used).
    """
    from importlib.metadata import version

    from csbm._cache import digest_of, read_entry, write_entry
    from csbm.data import bundled_dossier, bundled_ids

    paths = [p for p in (bundled_dossier(i) for i in bundled_ids()) if p is not None]
    # The code that works them out is part of the key: the version, and this module itself.
    name = digest_of(
        version("csbm"),
        Path(__file__).read_bytes(),
        *(part for path in paths for part in (path.name, path.read_bytes())),
    )
    cached = read_entry("ratios", name)
    if cached is not None:
        try:
            return _ratios_from_json(cached)
        except (ValueError, KeyError, TypeError):
            pass
    found = _work_out_bundled(paths)
    write_entry("ratios", name, _ratios_json(found))
    return found


def _work_out_bundled(paths: Sequence[Path]) -> Ratios:
    from csbm.model.finding import Scenario
    from csbm.model.load import load_dossiers
    from csbm.rules.assess import estimates_for

    dossiers = load_dossiers(paths)
    return ratios_of(estimates_for(dossiers, Scenario.ALL), "the bundled record")


def _ratios_json(r: Ratios) -> dict[str, object]:
    return {
        "record": r.record,
        "per_kind": {q.value: list(v) for q, v in r.per_kind.items()},
        "activities": {q.value: list(v) for q, v in r.activities.items()},
        "counts": {q.value: list(v) for q, v in r.counts.items()},
    }


def _ratios_from_json(data: dict[str, object]) -> Ratios:
    def table(key: str, kind: type) -> dict[Quantity, tuple[object, ...]]:
        raw = data[key]
        if not isinstance(raw, dict):
            raise ValueError(key)
        return {Quantity(q): tuple(kind(x) for x in v) for q, v in raw.items()}

    return Ratios(
        table("per_kind", float),  # type: ignore[arg-type]
        str(data["record"]),
        table("activities", str),  # type: ignore[arg-type]
        table("counts", float),  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Presumptions:
    """What the leans of one assessment may presume: the presumptions and the ratios."""

    items: dict[str, Presumption]
    ratios_source: Sequence[tuple[Dossier, Estimates]] = ()

    def __getitem__(self, key: str) -> Presumption:
        return self.items[key]

    @cached_property
    def ratios(self) -> Ratios:
        """Ratios from the set assessed when it holds enough cases, else the bundled record's."""
        need = self.items["equipment_from_troops"].min_activities or 1
        own = ratios_of(self.ratios_source, "the set assessed")
        enough = all(own.count(q) >= need for q in EQUIPMENT)
        return own if enough else bundled_ratios()


def presumptions_for(pairs: Sequence[tuple[Dossier, Estimates]] = ()) -> Presumptions:
    return Presumptions(load_presumptions(), pairs)


__all__ = [
    "Presumption",
    "Presumptions",
    "Ratios",
    "bundled_ratios",
    "load_presumptions",
    "presumptions_for",
    "ratios_of",
]
