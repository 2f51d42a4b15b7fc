"""One activity: verdicts, findings, evidence, deadlines and acts, map: `/activities/{id}`."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from csbm.report.view import activity_view
from csbm.web.pages.common import not_found, renderer, snapshot, with_meta
from csbm.web.record import Snapshot

router = APIRouter(tags=["activities"])
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,254}$")


def view(snap: Snapshot, activity_id: str) -> dict[str, Any]:
    """The shared view model (csbm.report.view), cached with the snapshot."""
    a = snap.by_id.get(activity_id) if _ID.match(activity_id) else None
    if a is None:
        raise not_found(
            f"no activity {activity_id!r} in the record; the activities page lists all "
            f"{len(snap.by_id)}"
        )

    def make() -> dict[str, Any]:
        data = activity_view(a, parts=sorted(snap.parts.get(activity_id, [])))
        links = data["links"]
        # The view names the parent and parts; the page links only those on record.
        links["parent_known"] = links["parent"] in snap.by_id
        links["names"] = {
            i: snap.dossiers[i].activity.name
            for i in [links["parent"], *links["parts"]]
            if i in snap.dossiers
        }
        return data

    return snap.cached(("activity", activity_id), make)


@router.get("/activities/{activity_id}.json", summary="One activity (JSON twin)")
def activity_json(request: Request, activity_id: str) -> JSONResponse:
    return JSONResponse(with_meta(view(snapshot(request), activity_id)))


@router.get("/activities/{activity_id}", response_class=HTMLResponse, summary="One activity")
def activity_page(request: Request, activity_id: str) -> HTMLResponse:
    data = view(snapshot(request), activity_id)
    scenarios: dict[str, list[dict[str, Any]]] = {}
    for f in data["findings"]:
        scenarios.setdefault(f["scenario_label"], []).append(f)
    client = {
        "timeline": data["timeline"],
        "locations": data["locations"],
        "name": data["activity"]["name"],
    }
    return renderer(request).page(
        request,
        "activity.html",
        {"v": data, "by_scenario": scenarios, "client": client},
        title=data["activity"]["name"],
    )
