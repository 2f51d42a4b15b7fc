"""Signing in with an API token (`/login`, `/logout`), for forms that write."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from csbm.store.tokens import check_token
from csbm.web.pages.common import record, renderer
from csbm.web.security import AUTH_COOKIE, SESSION_COOKIE, AuthError, Guard

router = APIRouter(tags=["sign-in"], include_in_schema=False)


def _safe_next(target: str) -> str:
    # Only a path on this site: no scheme, no host, no protocol-relative "//".
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/extract"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/extract") -> HTMLResponse:
    guard: Guard = request.app.state.guard
    signed = guard.signed_in(request, record(request).store)
    return renderer(request).page(
        request,
        "login.html",
        {"next": _safe_next(next), "signed_in": signed.name if signed else None},
        title="Sign in",
    )


@router.post("/login")
def login(
    request: Request,
    token: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/extract",
) -> Response:
    guard: Guard = request.app.state.guard
    guard.check_csrf(request, csrf_token)
    found = check_token(record(request).store, token.strip())
    if found is None:
        raise AuthError(401, "that API token is not valid (unknown or revoked)")
    session = request.cookies[SESSION_COOKIE]  # check_csrf made sure there is one
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        AUTH_COOKIE,
        guard.auth_cookie(found, session),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form()] = "") -> Response:
    guard: Guard = request.app.state.guard
    guard.check_csrf(request, csrf_token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(AUTH_COOKIE)
    return response
