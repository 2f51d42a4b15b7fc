"""Domain types: the dossier (activity, sources, claims, acts) and findings."""

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
    Scenario,
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
