"""The web app: `create_app(db_url)` gives a FastAPI application over one csbm store.

Pages (HTML) and their JSON twins (same URL + `.json`) read the record through
`Record`, which assesses it once per change (see record.py). Writes need a token (see
security.py). Every response carries the security headers; every error is a page or a
JSON object with a message, never a traceback.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from csbm import __version__
from csbm.errors import ConflictError, CsbmError
from csbm.web import pages
from csbm.web.cache import ResponseCache
from csbm.web.limits import Busy
from csbm.web.pages.geo import countries_geojson, zone_geojson
from csbm.web.record import Record
from csbm.web.render import Renderer, wants_json
from csbm.web.security import SECRET_ENV, SECURITY_HEADERS, AuthError, Guard

log = logging.getLogger("csbm.web")
HERE = Path(__file__).resolve().parent


def _secret(given: bytes | None) -> bytes:
    if given is not None:
        return given
    env = os.environ.get(SECRET_ENV)
    # A fresh key per process unless one is set: sessions and CSRF tokens then end with
    # the server, which is what a single-user offline tool wants.
    return env.encode() if env else secrets.token_bytes(32)


def create_app(db_url: str | None = None, *, secret: bytes | None = None) -> FastAPI:
    """The app over the store at `db_url` (None: `CSBM_DATABASE_URL`, else the default
    SQLite file). Raises StoreError at once if the database is missing or not migrated."""
    record = Record(db_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Assess the record and build the map layers while nobody waits; a request that
        # comes first waits for the same work instead of repeating it.
        threading.Thread(target=_warm, args=(record,), daemon=True).start()
        yield
        record.close()

    app = FastAPI(
        title="csbm",
        version=__version__,
        description="The OSCE Vienna Document, executable: activities, cited verdicts, "
        "rules and extraction. Every HTML page has a JSON twin at the same URL + `.json`; "
        "writes need `Authorization: Bearer <token>` (`csbm token create NAME`).",
        # Swagger UI and ReDoc load their scripts from a CDN; the app works offline.
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.record = record
    app.state.guard = Guard(_secret(secret))
    app.state.renderer = Renderer(HERE / "templates")
    app.state.responses = ResponseCache()  # pages that do not read the record (the rules)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in pages.routers():
        app.include_router(router)

    app.add_middleware(_Headers)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"there is no page at {request.url.path}"
        if exc.status_code == 405:
            message = f"{request.method} is not allowed at {request.url.path}"
        return _error(request, exc.status_code, message)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body"))
            parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else e.get("msg", ""))
        return _error(request, 422, "invalid request: " + "; ".join(parts))

    async def auth_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, AuthError)
        response = _error(request, exc.status, exc.message)
        if exc.status == 401 and wants_json(request):
            response.headers["WWW-Authenticate"] = "Bearer"
        return response

    async def csbm_error(request: Request, exc: Exception) -> Response:
        # A write based on a version that is no longer current: 409, nothing written.
        return _error(request, 409 if isinstance(exc, ConflictError) else 400, str(exc))

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(AuthError, auth_error)
    app.add_exception_handler(CsbmError, csbm_error)

    async def busy_error(request: Request, exc: Exception) -> Response:
        # Too many judgement variants at once (csbm.web.limits): refused at once, not queued.
        assert isinstance(exc, Busy)
        response = _error(request, 503, str(exc))
        response.headers["Retry-After"] = str(exc.retry_after)
        return response

    app.add_exception_handler(Busy, busy_error)
    return app


class _Headers:
    """The security headers on every response, and a page (or JSON) for an error that no
    handler answered, with the traceback in the log only.

    Plain ASGI rather than Starlette's BaseHTTPMiddleware, which copies every response
    through a stream and cost more than serving a cached page."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            request = Request(scope)
            log.exception("error serving %s", request.url.path)
            if started:  # too late for an error page: the client sees a cut response
                raise
            response = _error(
                request, 500, f"csbm failed on this request ({type(exc).__name__}); see the log"
            )
            await response(scope, receive, send_with_headers)


def _warm(record: Record) -> None:
    try:
        record.snapshot()
        countries_geojson()
        zone_geojson()
    except Exception:  # the first request will meet the same error and report it
        log.exception("warming up")


def _error(request: Request, status: int, message: str) -> Response:
    if wants_json(request):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    renderer: Renderer = request.app.state.renderer
    context: dict[str, Any] = {"status": status, "message": message}
    return renderer.page(request, "error.html", context, status=status, title="Error")


def app_from_env() -> FastAPI:
    """For `uvicorn --factory csbm.web.app:app_from_env` (database from the environment)."""
    return create_app(None)
