"""One activity: verdicts, findings, evidence, deadlines and acts, map: `/activities/{id}`.

`?as_of=YYYY-MM-DD` judges with only what was known on that date, and `?overlay=ID` under
a bundled what-if overlay (lower-thresholds, alert-24h), showing which findings change.
These, and `?strict=` and `?assume=`, assess the whole record again (Chapter VIII counts
every activity of a State), so only a few such variants are kept per record snapshot, and
at most a few are assessed or waiting at once (csbm.web.limits; beyond, 503 Retry-After).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from csbm.model.bounds import day_problem
from csbm.report.view import activity_view
from csbm.rules import assess
from csbm.rules.assess import Assessment
from csbm.rules.overlay import bundled_overlays, load_overlay
from csbm.web.limits import VARIANTS
from csbm.web.pages.common import (
    bad_request,
    cached_json,
    cached_page,
    not_found,
    snapshot,
)
from csbm.web.record import Snapshot

router = APIRouter(tags=["activities"])
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,254}$")
# Variants (as-of date, overlay) kept per snapshot; more are computed and not kept, so
# that a stream of dates cannot fill the memory.
MAX_VARIANTS = 8

AsOf = Annotated[
    str | None,
    Query(description="Judge with only the claims and acts known on this date (YYYY-MM-DD)."),
]
Overlay = Annotated[
    str | None,
    Query(description="A bundled what-if overlay, e.g. lower-thresholds or alert-24h."),
]
Strict = Annotated[
    bool, Query(description="No presumptions: open findings lean only on graded evidence.")
]
Assume = Annotated[
    list[str] | None,
    Query(
        description="Take a fact as given, FACT=VALUE (e.g. single_operational_command=false); "
        "repeatable, or several in one value separated by commas (docs/lean.md)."
    ),
]


def assuming(values: list[str] | None) -> tuple[str, ...]:
    """The checked --assume facts of a query or form (400 naming the field when bad)."""
    from csbm.errors import UsageError
    from csbm.rules.assumption import parse_assumptions

    items = tuple(x.strip() for v in values or [] for x in v.split(",") if x.strip())
    try:
        parse_assumptions(items)
    except UsageError as exc:
        raise bad_request(f"assume: {exc}".replace("--assume", "").replace("  ", " ")) from None
    return items


def judging(as_of: str | None, overlay: str | None) -> tuple[date | None, str | None]:
    """The checked query values (empty strings, as a form sends them, mean none)."""
    day = None
    if as_of:
        try:
            day = date.fromisoformat(as_of)
        except ValueError:
            raise bad_request(f"as_of must be a date (YYYY-MM-DD), not {as_of!r}") from None
        problem = day_problem(day)
        if problem is not None:
            raise bad_request(f"as_of: {problem}")
    if overlay and overlay not in bundled_overlays():
        # Only bundled overlays by id: a web request never names a file to read.
        known = ", ".join(bundled_overlays())
        raise bad_request(f"no bundled overlay {overlay!r}; known: {known}")
    return day, overlay or None


def _assessed(
    snap: Snapshot,
    as_of: date | None,
    overlay: str | None,
    strict: bool = False,
    assume: tuple[str, ...] = (),
) -> dict[str, Assessment]:
    if as_of is None and overlay is None and not strict and not assume:
        return snap.by_id

    def make() -> dict[str, Assessment]:
        overlays = [load_overlay(overlay)] if overlay else []
        results = assess(
            list(snap.dossiers.values()),
            as_of=as_of,
            overlays=overlays,
            strict=strict,
            assume=assume,
        )
        return {a.dossier.activity.id: a for a in results}

    key = ("assessed", as_of, overlay, strict, assume)

    def gated() -> dict[str, Assessment]:
        # The bound on an anonymous request's work: one flight per variant, a few at once.
        return VARIANTS.run((id(snap), key), make)

    variants = sum(1 for k in snap.derived if k[0] == "assessed")
    if key in snap.derived or variants < MAX_VARIANTS:
        return snap.cached(key, gated)
    return gated()


def view(
    snap: Snapshot,
    activity_id: str,
    as_of: date | None = None,
    overlay: str | None = None,
    strict: bool = False,
    assume: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The shared view model (csbm.report.view), cached with the snapshot."""
    if not _ID.match(activity_id) or activity_id not in snap.by_id:
        raise not_found(
            f"no activity {activity_id!r} in the record; the activities page lists all "
            f"{len(snap.by_id)}"
        )

    def make() -> dict[str, Any]:
        a = _assessed(snap, as_of, overlay, strict, assume)[activity_id]
        data = activity_view(a, parts=sorted(snap.parts.get(activity_id, [])))
        links = data["links"]
        # The view names the parent and parts; the page links only those on record.
        links["parent_known"] = links["parent"] in snap.by_id
        links["names"] = {
            i: snap.dossiers[i].activity.name
            for i in [links["parent"], *links["parts"]]
            if i in snap.dossiers
        }
        data["judging"] = {
            "as_of": as_of.isoformat() if as_of else None,
            "overlay": overlay,
            "overlays": list(bundled_overlays()),
            "strict": strict,
            "assume": list(assume),
        }
        return data

    if as_of is None and overlay is None and not strict and not assume:
        return snap.cached(("activity", activity_id), make)
    return make()


@router.get("/activities/{activity_id}.json", summary="One activity (JSON twin)")
def activity_json(
    request: Request,
    activity_id: str,
    as_of: AsOf = None,
    overlay: Overlay = None,
    strict: Strict = False,
    assume: Assume = None,
) -> Response:
    day, name = judging(as_of, overlay)
    given = assuming(assume)
    snap = snapshot(request)
    return cached_json(request, lambda: view(snap, activity_id, day, name, strict, given), snap)


@router.get("/activities/{activity_id}", response_class=HTMLResponse, summary="One activity")
def activity_page(
    request: Request,
    activity_id: str,
    as_of: AsOf = None,
    overlay: Overlay = None,
    strict: Strict = False,
    assume: Assume = None,
) -> Response:
    day, name = judging(as_of, overlay)
    given = assuming(assume)
    snap = snapshot(request)
    return cached_page(
        request,
        "activity.html",
        lambda: _page(snap, activity_id, day, name, strict, given),
        snap,
    )


def _page(
    snap: Snapshot,
    activity_id: str,
    day: date | None,
    name: str | None,
    strict: bool = False,
    assume: tuple[str, ...] = (),
) -> tuple[dict[str, Any], str]:
    data = view(snap, activity_id, day, name, strict, assume)
    scenarios: dict[str, list[dict[str, Any]]] = {}
    for f in data["findings"]:
        scenarios.setdefault(f["scenario_label"], []).append(f)
    client = {
        "timeline": data["timeline"],
        "locations": data["locations"],
        "name": data["activity"]["name"],
        "host_states": data["activity"]["host_states"],
    }
    return {"v": data, "by_scenario": scenarios, "client": client}, data["activity"]["name"]
