"""What every page needs: the record, the renderer, and the provenance of the data."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request

from csbm import __version__
from csbm.web.record import Record, Snapshot
from csbm.web.render import Renderer

# Shown with every page and JSON twin that shows data (docs/web.md says the same).
PROVENANCE: dict[str, Any] = {
    "software": f"csbm {__version__}, MIT licence",
    "data": "Activities, figures and acts: the dossiers' sources, named and linked on each "
    "activity page; each source's own terms apply to its text.",
    "rules": "Vienna Document parameters and citations encoded by csbm; each citation says "
    "what it was checked against (official text, official translation, secondary sources, "
    "or unverified).",
    "borders": "Natural Earth 1:50m admin-0 countries (public domain), via world-atlas "
    "2.0.2 (ISC).",
}


def record(request: Request) -> Record:
    found: Record = request.app.state.record
    return found


def snapshot(request: Request) -> Snapshot:
    return record(request).snapshot()


def renderer(request: Request) -> Renderer:
    found: Renderer = request.app.state.renderer
    return found


def not_found(message: str) -> HTTPException:
    return HTTPException(status_code=404, detail=message)


def bad_request(message: str) -> HTTPException:
    return HTTPException(status_code=400, detail=message)


def with_meta(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "provenance": PROVENANCE}
