"""The encoded rules: `/rules`, `/rules/{id}`, `/rules/diff?a=vd1999&b=vd2011`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from csbm.errors import UnknownRuleError
from csbm.rules import rules, ruleset_ids
from csbm.rules.history import diff_rulesets, rule_data, rule_summary
from csbm.web.pages.common import bad_request, cached_json, cached_page, not_found

router = APIRouter(tags=["rules"])


def _labelled(value: dict[str, Any]) -> dict[str, Any]:
    c = value["citation"]
    label = " ".join(x for x in (c.get("symbol"), c.get("paragraph")) if x)
    return value | {"citation": c | {"label": label}}


def _rule(rule_id: str) -> dict[str, Any]:
    try:
        data = rule_data(rule_id)
    except UnknownRuleError:
        raise not_found(f"no rule {rule_id!r}; /rules lists every rule") from None
    for param in data["parameters"]:
        param["values"] = [_labelled(v) for v in param["values"]]
    return data


@router.get("/rules.json", summary="Every rule (JSON)")
def rules_json(request: Request) -> Response:
    return cached_json(request, lambda: {"rules": [rule_summary(s) for s in rules()]})


@router.get("/rules", response_class=HTMLResponse, summary="Every rule (HTML)")
def rules_page(request: Request) -> Response:
    def make() -> tuple[dict[str, Any], str]:
        return {"rules": [rule_summary(s) for s in rules()], "rulesets": ruleset_ids()}, "Rules"

    return cached_page(request, "rules.html", make)


def _diff(a: str | None, b: str | None) -> dict[str, Any]:
    ids = ruleset_ids()
    if a is None or b is None:
        return {"a": a, "b": b, "rulesets": ids, "rows": None}
    for given in (a, b):
        if given not in ids:
            raise bad_request(f"{given!r} is not a ruleset; known: {', '.join(ids)}")
    return {"a": a, "b": b, "rulesets": ids, "rows": diff_rulesets(a, b)}


Ruleset = Annotated[str | None, Query(description="A ruleset id, e.g. vd1999")]


@router.get("/rules/diff.json", summary="Parameters that differ between two rulesets (JSON)")
def diff_json(request: Request, a: Ruleset = None, b: Ruleset = None) -> Response:
    if a is None or b is None:
        raise bad_request("give two rulesets: /rules/diff.json?a=vd1999&b=vd2011")
    return cached_json(request, lambda: _diff(a, b))


@router.get("/rules/diff", response_class=HTMLResponse, summary="Rules diff (HTML)")
def diff_page(request: Request, a: Ruleset = None, b: Ruleset = None) -> Response:
    def make() -> tuple[dict[str, Any], str]:
        data = _diff(a, b)
        return data, f"{a} → {b}" if data["rows"] is not None else "Compare rulesets"

    return cached_page(request, "rules_diff.html", make)


@router.get("/rules/{rule_id}.json", summary="One rule (JSON)")
def rule_json(request: Request, rule_id: str) -> Response:
    return cached_json(request, lambda: _rule(rule_id))


@router.get("/rules/{rule_id}", response_class=HTMLResponse, summary="One rule (HTML)")
def rule_page(request: Request, rule_id: str) -> Response:
    return cached_page(request, "rule.html", lambda: _rule_page(rule_id))


def _rule_page(rule_id: str) -> tuple[dict[str, Any], str]:
    data = _rule(rule_id)
    chart = [
        {
            "path": p["path"],
            "unit": p["unit"],
            "points": [
                {
                    "since": v["since"],
                    "value": v["value"]
                    if isinstance(v["value"], int | float) and not isinstance(v["value"], bool)
                    else None,
                    "text": v["value"],
                }
                for v in p["values"]
            ],
        }
        for p in data["parameters"]
    ]
    return {"rule": data, "chart": chart}, data["id"]
