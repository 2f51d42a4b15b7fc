"""What every page needs: the record, the renderer, and the provenance of the data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import HTTPException, Request, Response
from fastapi.responses import JSONResponse

from csbm import __version__
from csbm.web.cache import ResponseCache, respond
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


def _cache(request: Request, snap: Snapshot | None) -> ResponseCache:
    if snap is not None:
        return snap.responses
    found: ResponseCache = request.app.state.responses
    return found


def cached_page(
    request: Request,
    template: str,
    make: Callable[[], tuple[dict[str, Any], str]],
    snap: Snapshot | None = None,
) -> Response:
    """A page the same for every reader, made once per snapshot (`snap`; None: once per
    process, for pages that do not read the record) and revalidated by ETag.
    `make()` gives the template's context and the page title."""

    def body() -> bytes:
        context, title = make()
        return (
            renderer(request).render(template, context, title=title, path=request.url.path).encode()
        )

    entry = _cache(request, snap).get(request, "text/html; charset=utf-8", body)
    return renderer(request).with_session(request, respond(request, entry))


def cached_json(
    request: Request, make: Callable[[], dict[str, Any]], snap: Snapshot | None = None
) -> Response:
    """A JSON twin (with the provenance), made once like `cached_page`."""
    entry = _cache(request, snap).get(
        request, "application/json", lambda: bytes(JSONResponse(with_meta(make())).body)
    )
    return respond(request, entry)
