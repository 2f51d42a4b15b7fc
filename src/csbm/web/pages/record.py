"""The research list: `/record/gaps` and its JSON twin `/record/gaps.json` (docs/gaps.md).

Each activity's gaps are worked out once per snapshot of the record (every value tried
means assessing the activity again), so a filtered page costs nothing more.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from csbm.web.pages.common import cached_json, cached_page, not_found, snapshot
from csbm.web.record import Snapshot

if TYPE_CHECKING:
    from csbm.record.gaps import Gap

router = APIRouter(tags=["record"])

ActivityParam = Annotated[
    list[str] | None,
    Query(alias="activity", description="Activity ids (repeat the parameter); default: all."),
]
AllParam = Annotated[
    bool, Query(alias="all", description="Also the gaps that bear on no open verdict.")
]


def _data(snap: Snapshot, ids: list[str] | None, include_idle: bool) -> dict[str, Any]:
    from csbm.record.coverage import coverage
    from csbm.record.gaps import KIND_ORDER, gaps_json, gaps_of

    chosen = sorted(set(ids)) if ids else sorted(snap.dossiers)
    unknown = [i for i in chosen if i not in snap.dossiers]
    if unknown:
        raise not_found(f"no activity {', '.join(unknown)} in the record")
    found: list[Gap] = []
    for activity_id in chosen:
        make = partial(gaps_of, snap.dossiers[activity_id])
        found.extend(snap.cached(("gaps-of", activity_id), make))
    if not include_idle:
        found = [g for g in found if g.count or g.bears_on]
    found.sort(
        key=lambda g: (-g.count, -len(g.bears_on), g.start, g.activity, KIND_ORDER[g.kind], g.fact)
    )
    return {
        **gaps_json(found),
        "activities": chosen if ids else None,
        "all": include_idle,
        "coverage": coverage(snap.dossiers.values()).as_json(),
    }


@router.get("/record/gaps.json", summary="What the verdicts lack, per activity (JSON)")
def gaps_json_page(request: Request, ids: ActivityParam = None, all_: AllParam = False) -> Response:
    snap = snapshot(request)
    return cached_json(request, lambda: _data(snap, ids, all_), snap)


@router.get("/record/gaps", response_class=HTMLResponse, summary="What the verdicts lack (HTML)")
def gaps_page(request: Request, ids: ActivityParam = None, all_: AllParam = False) -> Response:
    snap = snapshot(request)

    def make() -> tuple[dict[str, Any], str]:
        data = _data(snap, ids, all_)
        return {**data, "query": request.url.query}, "Gaps in the record"

    return cached_page(request, "gaps.html", make, snap)
