"""What the extractor returns: plain data, with the evidence and the reason for every item.

These are the Python side of the JSON contract in docs/extract.md (`csbm extract --format
json`): field names there are a contract (added to, never renamed), and
:mod:`csbm.extract.output.json` is the only place that maps these types onto it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from csbm.extract.acts import ActFound
from csbm.extract.dates import DateMention, Period
from csbm.extract.exercises import Exercise
from csbm.extract.states import StateResult
from csbm.model.dossier import Qualifier, Quantity


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the text something was read: offsets into the text and the words there."""

    text: str
    start: int
    end: int


@dataclass
class Figure:
    """A claim the text makes about an activity's size."""

    quantity: Quantity
    value: int | None
    low: int | None
    high: int | None
    qualifier: Qualifier
    attributed_to: str | None
    exercise: str | None
    scope: str | None
    evidence: Evidence
    mentions: list[tuple[int, int]] = field(default_factory=list)
    declared_by: str | None = None
    contingent: str | None = None
    attribution: Evidence | None = None
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ThresholdMention:
    """A Vienna Document threshold the text cites (not a claim about the activity)."""

    quantity: Quantity
    value: int
    evidence: Evidence
    reason: str


@dataclass(frozen=True, slots=True)
class Dropped:
    """A number that looked like a figure but is not one, and why."""

    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class PlaceFound:
    """A place from the gazetteer (town, region, range, airfield, area, sea), with its
    coordinates and where they come from (``source``: a dossier, a page or GeoNames), or a
    part of a State the text names by compass ("southern Sweden"), which has no point:
    ``lat`` and ``lon`` are then None, never a guess."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    precision: str
    source: str
    evidence: Evidence
    mentions: int


@dataclass
class ViennaDocument:
    """Whether the text names the Vienna Document, and the thresholds it cites."""

    mentioned: bool
    mentions: list[tuple[int, int]] = field(default_factory=list)
    threshold_mentions: list[ThresholdMention] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything read from one text."""

    text: str
    url: str | None
    published: date | None
    exercises: list[Exercise]
    states: list[StateResult]
    period: Period | None
    dates: list[DateMention]
    figures: list[Figure]
    locations: list[PlaceFound]
    vienna_document: ViennaDocument
    dropped: list[Dropped]
    notes: list[str] = field(default_factory=list)
    acts: list[ActFound] = field(default_factory=list)

    @property
    def main_exercise(self) -> Exercise | None:
        return next((x for x in self.exercises if x.main), None)

    def claims(self) -> list[Figure]:
        """Figures about the exercise the text reports (not about other editions)."""
        main = self.main_exercise
        name = main.name if main is not None else None
        return [f for f in self.figures if f.exercise is None or f.exercise == name]


__all__ = [
    "ActFound",
    "Dropped",
    "Evidence",
    "Extraction",
    "Figure",
    "PlaceFound",
    "ThresholdMention",
    "ViennaDocument",
]
