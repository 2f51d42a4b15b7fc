"""Who may write, and proof that a form was sent from one of our own pages.

Three mechanisms, described for users in docs/web.md:

* **API tokens** (`csbm token create NAME`): the JSON write endpoints take
  `Authorization: Bearer <token>`, checked against the digests in the store
  (`csbm.store.tokens`). A bearer header is never sent by a browser on its own, so these
  endpoints need no CSRF check.
* **A session cookie** (`csbm_session`, random, HttpOnly, SameSite=Strict) that every HTML
  page sets if absent, and a **CSRF token** derived from it: HMAC-SHA256 of the session
  under the server's secret key. Forms carry it in a hidden field; a POST is refused
  unless the field matches the session cookie (signed double submit: another site can
  neither read the cookie nor compute the HMAC).
* **Sign-in by token** (`/login`): the API token pasted once; the server checks it and sets
  `csbm_auth`, holding the token's database key and an HMAC over that key and the session,
  never the token itself. Every write checks again that the token is not revoked. Forms that
  write also accept the token pasted into the form instead.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from csbm.errors import CsbmError
from csbm.store import Store
from csbm.store.tokens import TokenInfo, check_token, list_tokens

SESSION_COOKIE = "csbm_session"
AUTH_COOKIE = "csbm_auth"
CSRF_FIELD = "csrf_token"
SECRET_ENV = "CSBM_WEB_SECRET"


class AuthError(CsbmError):
    """A write without valid credentials (401) or without a valid CSRF token (403)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _mac(key: bytes, purpose: str, value: str) -> str:
    digest = hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def new_session() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Guard:
    """The server's secret key and the checks that use it."""

    key: bytes

    def csrf_token(self, session: str) -> str:
        return _mac(self.key, "csrf", session)

    def check_csrf(self, request: Request, sent: str | None) -> None:
        session = request.cookies.get(SESSION_COOKIE)
        if not session or not sent:
            raise AuthError(
                403, "the form has no valid CSRF token: reload the page and send it again"
            )
        if not hmac.compare_digest(self.csrf_token(session), sent):
            raise AuthError(
                403, "the form's CSRF token does not match this session: reload the page"
            )
        origin = request.headers.get("origin")
        # Defence in depth: a browser that names the origin must name ours. "null" is what
        # sandboxed frames, data: and file: pages send: never one of our own pages.
        if origin is not None and origin != _own_origin(request):
            raise AuthError(403, f"the form was sent from another site ({origin})")

    def auth_cookie(self, token: TokenInfo, session: str) -> str:
        return f"{token.pk}.{_mac(self.key, 'auth', f'{token.pk}:{session}')}"

    def signed_in(self, request: Request, store: Store) -> TokenInfo | None:
        """The active token the browser signed in with, if any (bound to its session)."""
        raw = request.cookies.get(AUTH_COOKIE, "")
        session = request.cookies.get(SESSION_COOKIE, "")
        pk_text, _, mac = raw.partition(".")
        if not pk_text.isdigit() or not session or not mac:
            return None
        expected = _mac(self.key, "auth", f"{pk_text}:{session}")
        if not hmac.compare_digest(expected, mac):
            return None
        pk = int(pk_text)
        return next((t for t in list_tokens(store) if t.pk == pk and t.active), None)

    def form_writer(self, request: Request, store: Store, pasted: str | None) -> TokenInfo:
        """Who writes through an HTML form: a pasted token, else the signed-in one."""
        if pasted:
            found = check_token(store, pasted.strip())
            if found is None:
                raise AuthError(401, "that API token is not valid (unknown or revoked)")
            return found
        found = self.signed_in(request, store)
        if found is None:
            raise AuthError(
                401, "writing needs an API token: sign in (/login) or paste one into the form"
            )
        return found


# auto_error=False: a missing header is answered by AuthError, with csbm's own message.
bearer_scheme = HTTPBearer(
    auto_error=False, description="An API token from `csbm token create NAME`."
)


def bearer_writer(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> TokenInfo:
    """Who writes through the JSON API: `Authorization: Bearer <token>`. A dependency, so
    that a request without a valid token is refused before its body is looked at."""
    if credentials is None or not credentials.credentials.strip():
        raise AuthError(
            401, "this endpoint needs 'Authorization: Bearer <token>' (csbm token create NAME)"
        )
    found = check_token(request.app.state.record.store, credentials.credentials.strip())
    if found is None:
        raise AuthError(401, "the bearer token is not valid (unknown or revoked)")
    return found


def _own_origin(request: Request) -> str:
    host = request.headers.get("host", "")
    return f"{request.url.scheme}://{host}"


# Only our own origin may load anything; the map, charts and timeline are served by the
# app itself. Inline scripts and style attributes are refused (data for scripts travels in
# <script type="application/json">, which is never executed).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
