"""Domain types: the dossier (activity, sources, claims, acts) and findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from csbm._lazy import exports

if TYPE_CHECKING:
    from csbm.model.dossier import (
        FORMAT_VERSION,
        Act,
        ActivityKind,
        ActType,
        Claim,
        Dossier,
        Location,
        Qualifier,
        Quantity,
        Source,
        SourceKind,
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
                "FORMAT_VERSION",
                "Act",
                "ActivityKind",
                "ActType",
                "Claim",
                "Dossier",
                "Location",
                "Qualifier",
                "Quantity",
                "Source",
                "SourceKind",
                "Activity",
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
    "FORMAT_VERSION",
    "Act",
    "ActType",
    "Activity",
    "ActivityKind",
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
    "PresumptionUse",
    "Qualifier",
    "Quantity",
    "Scenario",
    "Source",
    "SourceKind",
]
