"""Closed intervals of counts, and how a figure and a threshold compare."""

from __future__ import annotations

import math
from dataclasses import dataclass

from csbm.model.dossier import Claim, Qualifier

INF = math.inf


@dataclass(frozen=True)
class Interval:
    """The counts a piece of evidence allows: every whole number in [low, high]."""

    low: float
    high: float

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high) or self.low > self.high:
            raise ValueError(f"not an interval: [{self.low}, {self.high}]")

    @classmethod
    def from_claim(cls, claim: Claim, margin: float, below: float | None = None) -> Interval:
        """The interval a claim allows; `margin` widens approximate figures both ways.

        A bound gives an upper end and no lower one (zero). `below` is the threshold a
        `thresholds` bound stands for, looked up by the caller; without it the claim says
        nothing about the upper end either.
        """
        if claim.bound is not None:
            bound = claim.bound
            if bound.upper is not None:
                return cls(0, max(bound.upper - 1, 0) if bound.strict else bound.upper)
            if below is None or below == INF:
                return cls(0, INF)
            # Below a threshold T that is reached "at T": whole counts up to T - 1.
            return cls(0, max(math.ceil(below) - 1, 0))
        if claim.value is None:
            assert claim.low is not None and claim.high is not None
            return cls(claim.low, claim.high)
        v = claim.value
        match claim.qualifier:
            case Qualifier.EXACT:
                return cls(v, v)
            case Qualifier.APPROX:
                # Whole troops and vehicles: round the bounds inwards to integers.
                return cls(math.ceil(v * (1 - margin)), math.floor(v * (1 + margin)))
            case Qualifier.AT_LEAST:
                return cls(v, INF)
            case Qualifier.AT_MOST | Qualifier.UP_TO:
                return cls(0, v)

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both: conflicting sources widen the estimate."""
        return Interval(min(self.low, other.low), max(self.high, other.high))

    def at_least(self, threshold: float) -> bool | None:
        """Does the figure meet or exceed the threshold? None when the interval straddles it."""
        if self.low >= threshold:
            return True
        if self.high < threshold:
            return False
        return None

    def more_than(self, threshold: float) -> bool | None:
        """Is the figure strictly above the threshold? None when the interval straddles it."""
        if self.low > threshold:
            return True
        if self.high <= threshold:
            return False
        return None

    def render(self) -> str:
        if self.low == self.high:
            return f"{self.low:,.0f}"
        high = "∞" if self.high == INF else f"{self.high:,.0f}"
        return f"{self.low:,.0f}–{high}"

    def as_json(self) -> dict[str, float | None]:
        return {
            "low": self.low,
            "high": None if self.high == INF else self.high,
        }
