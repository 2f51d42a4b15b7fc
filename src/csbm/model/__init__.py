"""Domain types: the dossier (activity, sources, claims, acts) and findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from csbm._lazy import exports

if TYPE_CHECKING:
    from csbm.model.dossier import (
        CHAPTER9_ACTS,
        FORMAT_VERSION,
        Act,
        ActivityKind,
        ActType,
        Bound,
        Claim,
        Dossier,
        Location,
        PartialDate,
        Qualifier,
        Quantity,
        Source,
        SourceKind,
        When,
        earliest_day,
        latest_day,
        parse_when,
    )
    from csbm.model.dossier import Activity as Activity
    from csbm.model.finding import (
        Citation,
        Deadline,
        Finding,
        Hinge,
        Lean,
        Likelihood,
        Outcome,
        ParameterUse,
        PresumptionUse,
    )
    from csbm.model.scenario import Scenario

__getattr__, __dir__ = exports(
    __name__,
    {
        **dict.fromkeys(
            [
                "CHAPTER9_ACTS",
                "FORMAT_VERSION",
                "Act",
                "ActivityKind",
                "ActType",
                "Bound",
                "Claim",
                "Dossier",
                "Location",
                "PartialDate",
                "Qualifier",
                "Quantity",
                "Source",
                "SourceKind",
                "Activity",
                "When",
                "earliest_day",
                "latest_day",
                "parse_when",
            ],
            "csbm.model.dossier",
        ),
        **dict.fromkeys(
            [
                "Citation",
                "Deadline",
                "Finding",
                "Hinge",
                "Lean",
                "Likelihood",
                "Outcome",
                "ParameterUse",
                "PresumptionUse",
            ],
            "csbm.model.finding",
        ),
        "Scenario": "csbm.model.scenario",
    },
)

__all__ = [
    "CHAPTER9_ACTS",
    "FORMAT_VERSION",
    "Act",
    "ActType",
    "Activity",
    "ActivityKind",
    "Bound",
    "Citation",
    "Claim",
    "Deadline",
    "Dossier",
    "Finding",
    "Hinge",
    "Lean",
    "Likelihood",
    "Location",
    "Outcome",
    "ParameterUse",
    "PartialDate",
    "PresumptionUse",
    "Qualifier",
    "Quantity",
    "Scenario",
    "Source",
    "SourceKind",
    "When",
    "earliest_day",
    "latest_day",
    "parse_when",
]
