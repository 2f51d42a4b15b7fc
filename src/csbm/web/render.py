"""Rendering: Jinja2 pages (autoescaped) with the session and CSRF token, JSON twins."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from csbm import __version__
from csbm.web.security import SESSION_COOKIE, Guard, new_session

OUTCOME_WORDS = {
    "compliant": "compliant",
    "non_compliant": "non-compliant",
    "indeterminate": "indeterminate",
    "not_applicable": "not applicable",
    "conflict": "conflict",
}


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<m>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# "13-19 September 2017", "9 April 2021", "August 25, 2016": the written forms of a day in
# the texts the record quotes (source names, notes). A digit and dash before the day is a
# range this does not read, left as written rather than half rewritten.
_DAY_RANGE = re.compile(
    rf"(?<![\w.-])(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}}) {_MONTH} (?P<y>\d{{4}})\b", re.I
)
_DAY_MONTH = re.compile(rf"(?<![\w.–-])(?P<d>\d{{1,2}}) {_MONTH},? (?P<y>\d{{4}})\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH} (?P<d>\d{{1,2}}), (?P<y>\d{{4}})\b", re.I)


def _iso(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), _MONTHS[month.lower()], int(day)).isoformat()
    except ValueError:
        return None  # "31 April": not a day, left as written


def iso_dates(text: str) -> str:
    """Days written in words as ISO dates (2021-04-09), so every page shows one form."""

    def one(m: re.Match[str]) -> str:
        return _iso(m["y"], m["m"], m["d"]) or m[0]

    def span(m: re.Match[str]) -> str:
        a, b = _iso(m["y"], m["m"], m["d1"]), _iso(m["y"], m["m"], m["d2"])
        return f"{a} to {b}" if a and b else m[0]

    if not any(c.isdigit() for c in text):
        return text
    text = _DAY_RANGE.sub(span, text)
    text = _DAY_MONTH.sub(one, text)
    return _MONTH_DAY.sub(one, text)


class Verbatim(str):
    """Text printed as given (escaped, never rewritten): form values sent back, quotes."""

    __slots__ = ()


def _finalize(value: Any) -> Any:
    # Plain text only: markup (script JSON, macros' output) is printed as made, and so is
    # what a template marks `| verbatim` (a form's text must come back as it was typed).
    if isinstance(value, str) and not isinstance(value, (Markup, Verbatim)):
        return iso_dates(value)
    return value


def wants_json(request: Request) -> bool:
    """JSON twins end in .json; the /api/ endpoints speak only JSON."""
    path = request.url.path
    return path.endswith(".json") or path.startswith("/api/")


def _script_json(value: Any) -> Markup:
    """JSON for <script type="application/json">: <, > and & escaped, so that no string
    in the data can close the script element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def _web_address(value: Any) -> bool:
    """Only http(s) addresses become links: a dossier's url is free text, and a
    javascript: or data: address must stay text (the CSP would also refuse it)."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def _number(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "—" if value is None else ("yes" if value else "no")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


class Renderer:
    def __init__(self, templates: Path) -> None:
        self.env = Environment(
            loader=FileSystemLoader(templates),
            autoescape=select_autoescape(["html"], default=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=_finalize,
        )
        self.env.filters["script_json"] = _script_json
        self.env.filters["number"] = _number
        self.env.filters["verbatim"] = lambda v: Verbatim("" if v is None else v)
        self.env.filters["outcome"] = lambda o: OUTCOME_WORDS.get(o or "", o or "—")
        self.env.tests["web_address"] = _web_address
        self.env.globals["version"] = __version__

    def render(self, template: str, context: dict[str, Any], *, title: str, path: str) -> str:
        """A page that is the same for every reader (no CSRF token: a template that asks
        for one fails here, so such a page is never cached and shared by mistake)."""
        return self.env.get_template(template).render({**context, "title": title, "path": path})

    def page(
        self,
        request: Request,
        template: str,
        context: dict[str, Any],
        *,
        title: str,
        status: int = 200,
    ) -> HTMLResponse:
        guard: Guard = request.app.state.guard
        session = request.cookies.get(SESSION_COOKIE)
        fresh = session is None or len(session) < 20
        if fresh:
            session = new_session()
        assert session is not None
        html = self.env.get_template(template).render(
            {
                **context,
                "title": title,
                "path": request.url.path,
                "csrf_token": guard.csrf_token(session),
            }
        )
        response = HTMLResponse(html, status_code=status)
        if fresh:
            _set_session(request, response, session)
        return response

    def with_session(self, request: Request, response: Response) -> Response:
        """Give a browser without a session one, as every page does (forms need it)."""
        session = request.cookies.get(SESSION_COOKIE)
        if session is None or len(session) < 20:
            _set_session(request, response, new_session())
        return response


def _set_session(request: Request, response: Response, session: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        session,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def json_twin(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)
