"""A State-year's inspection and evaluation ledger and its Chapter I-IX findings:
`/states/{code}/{year}/quota` and its JSON twin. Read from the bundled State-year records."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from csbm.web.pages.common import cached_json, cached_page, not_found
from csbm.web.pages.states import parse_state_year

router = APIRouter(tags=["states"])


def _data(code: str, year_text: str) -> dict[str, Any]:
    from csbm.rules.state_year import (
        bundled_history,
        find_state_year,
        known_state_years,
        quota_report,
    )

    state, year = parse_state_year(code, year_text)
    record = find_state_year(state, year)
    if record is None:
        known = ", ".join(known_state_years())
        raise not_found(f"no State-year record for {state} {year}; bundled: {known}")
    return quota_report(record, bundled_history(state))


@router.get(
    "/states/{code}/{year}/quota.json", summary="A State-year's quota ledger and findings (JSON)"
)
def quota_json(request: Request, code: str, year: str) -> Response:
    return cached_json(request, lambda: _data(code, year))


@router.get(
    "/states/{code}/{year}/quota", response_class=HTMLResponse, summary="A State-year's ledger"
)
def quota_page(request: Request, code: str, year: str) -> Response:
    def make() -> tuple[dict[str, Any], str]:
        data = _data(code, year)
        return data, f"{data['state']} {data['year']}: quotas and exchanges"

    return cached_page(request, "quota.html", make)
