"""One module per page (and its JSON twin)."""

from __future__ import annotations

from fastapi import APIRouter

from csbm.web.pages import (
    activities,
    activity,
    auth,
    extract,
    geo,
    imports,
    quota,
    record,
    rules,
    states,
)


def routers() -> list[APIRouter]:
    # Order matters where paths overlap: /rules/diff before /rules/{rule_id}, and each
    # `.json` twin before its page (see the modules).
    return [
        activities.router,
        activity.router,
        quota.router,
        record.router,
        states.router,
        rules.router,
        extract.router,
        imports.router,
        auth.router,
        geo.router,
    ]
