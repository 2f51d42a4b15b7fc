"""The executable Vienna Document: instruments, dated parameters, rules and assessment."""

from csbm.rules.assess import Assessment, ScenarioResult, assess
from csbm.rules.engine import (
    Context,
    ParameterView,
    Ruleset,
    RuleSpec,
    get_rule,
    load_ruleset,
    rule,
    rules,
    ruleset_ids,
)

__all__ = [
    "Assessment",
    "Context",
    "ParameterView",
    "RuleSpec",
    "Ruleset",
    "ScenarioResult",
    "assess",
    "get_rule",
    "load_ruleset",
    "rule",
    "rules",
    "ruleset_ids",
]
