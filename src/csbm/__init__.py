"""csbm: the OSCE Vienna Document on CSBMs, executable.

>>> from csbm import assess, load_dossier
>>> [result] = assess([load_dossier("union-resolve-2022.yaml")])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csbm._lazy import exports
from csbm.errors import CsbmError, DossierError, InputError, RulesetError, UsageError

if TYPE_CHECKING:
    from csbm.evidence import Interval, estimate
    from csbm.model import (
        Act,
        Activity,
        Citation,
        Claim,
        Deadline,
        Dossier,
        Finding,
        Outcome,
        Scenario,
        Source,
    )
    from csbm.model.load import load_dossier, load_dossiers, parse_dossier
    from csbm.rules import Assessment, Ruleset, assess, get_rule, load_ruleset, rules

__getattr__, __dir__ = exports(
    __name__,
    {
        **dict.fromkeys(["Interval", "estimate"], "csbm.evidence"),
        **dict.fromkeys(
            [
                "Act",
                "Activity",
                "Citation",
                "Claim",
                "Deadline",
                "Dossier",
                "Finding",
                "Outcome",
                "Scenario",
                "Source",
            ],
            "csbm.model",
        ),
        **dict.fromkeys(["load_dossier", "load_dossiers", "parse_dossier"], "csbm.model.load"),
        **dict.fromkeys(
            ["Assessment", "Ruleset", "assess", "get_rule", "load_ruleset", "rules"], "csbm.rules"
        ),
    },
)

__version__ = "0.1.0"

__all__ = [
    "Act",
    "Activity",
    "Assessment",
    "Citation",
    "Claim",
    "CsbmError",
    "Deadline",
    "Dossier",
    "DossierError",
    "Finding",
    "InputError",
    "Interval",
    "Outcome",
    "Ruleset",
    "RulesetError",
    "Scenario",
    "Source",
    "UsageError",
    "__version__",
    "assess",
    "estimate",
    "get_rule",
    "load_dossier",
    "load_dossiers",
    "load_ruleset",
    "parse_dossier",
    "rules",
]
