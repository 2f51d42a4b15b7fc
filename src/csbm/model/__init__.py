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
        Outcome,
        ParameterUse,
        Scenario,
    )

__getattr__, __dir__ = exports(
    __name__,
    {
        "FORMAT_VERSION": "csbm.model.dossier",
        "Act": "csbm.model.dossier",
        "ActivityKind": "csbm.model.dossier",
        "ActType": "csbm.model.dossier",
        "Claim": "csbm.model.dossier",
        "Dossier": "csbm.model.dossier",
        "Location": "csbm.model.dossier",
        "Qualifier": "csbm.model.dossier",
        "Quantity": "csbm.model.dossier",
        "Source": "csbm.model.dossier",
        "SourceKind": "csbm.model.dossier",
        "Activity": "csbm.model.dossier",
        "Citation": "csbm.model.finding",
        "Deadline": "csbm.model.finding",
        "Finding": "csbm.model.finding",
        "Outcome": "csbm.model.finding",
        "ParameterUse": "csbm.model.finding",
        "Scenario": "csbm.model.finding",
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
    "Location",
    "Outcome",
    "ParameterUse",
    "Qualifier",
    "Quantity",
    "Scenario",
    "Source",
    "SourceKind",
]
