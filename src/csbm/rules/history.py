"""How the rules changed: parameter values between two rulesets, and over time."""

from __future__ import annotations

from typing import Any

from csbm.errors import RulesetError, UnknownRuleError
from csbm.rules._tree import load_parameters
from csbm.rules.engine import Ruleset, RuleSpec, get_rule, load_ruleset, ruleset_ids


def _entry(ruleset: Ruleset, path: str) -> dict[str, Any] | None:
    param = ruleset.parameters[path]
    when = ruleset.lookup_date(ruleset.instrument.in_force)
    if not param.dates or param.dates[0] > when:
        return None  # no value: the rule did not exist under this ruleset
    use = param.at(when, ruleset.instruments)
    if use.citation.instrument not in (ruleset.id, "csbm-method"):
        return None  # an older instrument's value would only be carried over, not set
    return use.model_dump(mode="json")


def diff_rulesets(old_id: str, new_id: str) -> list[dict[str, Any]]:
    """Every parameter whose value differs between two rulesets (or exists in one only)."""
    old, new = load_ruleset(old_id), load_ruleset(new_id)
    if old is None or new is None:  # pragma: no cover - load_ruleset raises for unknown ids
        raise RulesetError("unknown ruleset")
    rows = []
    for path in sorted(new.parameters):
        a, b = _entry(old, path), _entry(new, path)
        if (a or {}).get("value", "absent") == (b or {}).get("value", "absent"):
            continue
        rows.append({"parameter": path, "unit": new.parameters[path].unit, "old": a, "new": b})
    return rows


def parameter_timeline(path: str, ruleset: Ruleset | None = None) -> list[dict[str, Any]]:
    """A parameter's dated values with their citations (unknown values included).

    Citations are resolved with `ruleset`'s instruments; by default, with the ruleset in
    force on the parameter's last date (a method parameter dated before any instrument
    needs the caller's).
    """
    params = load_parameters()
    param = params.get(path)
    if param is None:
        raise UnknownRuleError(f"no parameter {path!r}; see `csbm rules show RULE_ID`")
    ruleset = ruleset or load_ruleset(on=param.dates[-1])
    if ruleset is None:  # pragma: no cover - every parameter has a value in an instrument
        raise RulesetError(f"no ruleset for {path}")
    out = []
    for since, value in zip(param.dates, param.values, strict=True):
        use = param.at(since, ruleset.instruments)
        out.append(use.model_dump(mode="json") | {"unit": param.unit, "note": value.note})
    return out


def rule_summary(spec: RuleSpec) -> dict[str, Any]:
    """A rule as data: what it says, when it is in force, what it cites."""
    return {
        "id": spec.id,
        "title": spec.title,
        "summary": " ".join(spec.summary.split()),
        "in_force": {"from": str(spec.since), "until": str(spec.until) if spec.until else None},
        "needs": spec.needs,
        "citations": [c.model_dump(mode="json") | {"label": c.label()} for c in spec.citations],
        # Derived, kept for readers of the JSON before verification levels.
        "verified": all(c.verified for c in spec.citations) if spec.citations else None,
    }


def rule_data(rule_id: str) -> dict[str, Any]:
    """`rule_summary` plus every parameter the rule reads, with its values over time."""
    spec = get_rule(rule_id)
    latest = load_ruleset(ruleset_ids()[-1])
    if latest is None:  # pragma: no cover - there is always a latest ruleset
        raise RulesetError("no ruleset encoded")
    params = []
    for path in spec.parameter_paths(latest):
        param = latest.parameters[path]
        params.append(
            {
                "path": path,
                "description": param.description,
                "unit": param.unit,
                "comparator": param.comparator,
                "values": parameter_timeline(path, latest),
            }
        )
    return rule_summary(spec) | {"parameters": params}
