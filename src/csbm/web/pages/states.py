"""The participating States, `/states`, and a State's Chapter VIII constraints in one year:
`/states/{code}/{year}`."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from csbm.data.states import participating_states
from csbm.report.summary import state_year_findings
from csbm.web.pages.activities import all_rows
from csbm.web.pages.common import bad_request, cached_json, cached_page, not_found, snapshot
from csbm.web.record import Snapshot

router = APIRouter(tags=["states"])
_CODE = re.compile(r"^[A-Za-z]{3}$")


def parse_state_year(code: str, year: str) -> tuple[str, int]:
    if not _CODE.match(code):
        raise bad_request(f"{code!r} is not a State code: three letters, ISO 3166 alpha-3 (RUS)")
    if not year.isdigit() or not 1975 <= int(year) <= 2100:
        raise bad_request(f"{year!r} is not a year between 1975 and 2100")
    return code.upper(), int(year)


def named_ids(text: str, known: set[str]) -> list[dict[str, str | None]]:
    """The text cut into pieces, the activity ids it names marked (for links)."""
    if not known:
        return [{"text": text, "id": None}]
    alternatives = "|".join(re.escape(i) for i in sorted(known, key=len, reverse=True))
    pattern = re.compile(rf"(?<![a-z0-9._-])({alternatives})(?![a-z0-9_-])")
    out: list[dict[str, str | None]] = []
    at = 0
    for m in pattern.finditer(text):
        if m.start() > at:
            out.append({"text": text[at : m.start()], "id": None})
        out.append({"text": m.group(1), "id": m.group(1)})
        at = m.end()
    if at < len(text):
        out.append({"text": text[at:], "id": None})
    return out


def _data(snap: Snapshot, code: str, year_text: str) -> dict[str, Any]:
    state, year = parse_state_year(code, year_text)
    rows = all_rows(snap)
    known = participating_states()
    if state not in known and not any(state in r["conducting_states"] for r in rows):
        raise not_found(f"{state} is neither a participating State nor named in the record")
    # Findings are made per State and start year (csbm.rules.ch08_constraints).
    activities = [r for r in rows if state in r["conducting_states"] and r["year"] == year]
    # The constraint findings name, in their reasons, which activities count or might.
    found = state_year_findings(snap.assessments, state, year)
    ids = set(snap.by_id)
    findings = [
        {
            "scenario": s.value,
            "rule": f.rule,
            "outcome": f.outcome.value,
            "applies": f.applies,
            "reason": f.reason,
            # The reason names the activities that count or might count against the limit.
            "activities_named": [p["id"] for p in named_ids(f.reason, ids) if p["id"] is not None],
            "reason_parts": named_ids(f.reason, ids),
            "citations": [c.model_dump(mode="json") | {"label": c.label()} for c in f.citations],
            "parameters": [p.model_dump(mode="json") for p in f.parameters],
        }
        for s, fs in found.items()
        for f in fs
    ]
    name = known[state].name if state in known else state
    return {
        "state": state,
        "name": name,
        "year": year,
        "activities": activities,
        "findings": findings,
        "note": None
        if findings
        else f"No activity conducted by {state} starting in {year} is on record, so no "
        "Chapter VIII constraint finding was made for that State and year.",
    }


@router.get("/states/{code}/{year}.json", summary="A State-year's Chapter VIII limits (JSON)")
def state_year_json(request: Request, code: str, year: str) -> Response:
    snap = snapshot(request)
    return cached_json(request, lambda: _data(snap, code, year), snap)


@router.get("/states/{code}/{year}", response_class=HTMLResponse, summary="A State-year (HTML)")
def state_year_page(request: Request, code: str, year: str) -> Response:
    snap = snapshot(request)

    def make() -> tuple[dict[str, Any], str]:
        data = _data(snap, code, year)
        return data, f"{data['state']} {data['year']}"

    return cached_page(request, "state_year.html", make, snap)


def _index(snap: Snapshot) -> dict[str, Any]:
    """Every seat on file (current and historical) and every State the record names, with
    the years it conducted or hosted activities in, each a link to its State-year page."""
    rows = all_rows(snap)
    known = participating_states()
    codes = set(known) | {c for r in rows for c in r["conducting_states"] + r["host_states"]}
    last = max((r["year"] for r in rows), default=None)
    states: list[dict[str, Any]] = []
    busy: dict[str, int] = {}
    for code in codes:
        ps = known.get(code)
        conducted = [r for r in rows if code in r["conducting_states"]]
        hosted = [r for r in rows if code in r["host_states"]]
        years = sorted({r["year"] for r in conducted + hosted})
        busy[code] = len(conducted) + len(hosted)
        states.append(
            {
                "code": code,
                "name": ps.name if ps else code,
                "participating": ps is not None,
                "joined": ps.joined.isoformat() if ps else None,
                "left": ps.left.isoformat() if ps and ps.left else None,
                "conducted": len(conducted),
                "hosted": len(hosted),
                "years": years,
                # A State with nothing on record still has a State-year page (it says so).
                "link_year": years[-1] if years else last,
                "sources": [s.model_dump(mode="json") for s in ps.sources] if ps else [],
            }
        )
    states.sort(key=lambda x: (-busy[x["code"]], x["name"]))
    return {
        "count": len(states),
        "with_activities": sum(1 for x in states if x["years"]),
        "states": states,
        "note": "Participating States from csbm's data/states.yaml (each with its sources); "
        "States the record names that are not on file are listed as not participating.",
    }


@router.get("/states.json", summary="Participating States, with their State-year pages (JSON)")
def states_json(request: Request) -> Response:
    snap = snapshot(request)
    return cached_json(request, lambda: _index(snap), snap)


@router.get("/states", response_class=HTMLResponse, summary="Participating States (HTML)")
def states_page(request: Request) -> Response:
    snap = snapshot(request)
    return cached_page(request, "states.html", lambda: (_index(snap), "States"), snap)
