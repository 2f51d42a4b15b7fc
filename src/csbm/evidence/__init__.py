"""Evidence: intervals from claims, and estimates per quantity and scenario."""

from csbm.evidence.estimate import Estimate, Estimates, estimate, is_declared
from csbm.evidence.interval import Interval

__all__ = ["Estimate", "Estimates", "Interval", "estimate", "is_declared"]
