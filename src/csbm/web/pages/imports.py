"""Importing dossier files from the browser: `/import` (the API twin is `/api/dossiers`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse

from csbm.errors import InputError
from csbm.model.dossier import Dossier
from csbm.model.load import parse_dossier
from csbm.web.pages.common import bad_request, record, renderer, with_meta
from csbm.web.security import Guard

router = APIRouter(tags=["import"])
MAX_FILES = 200
MAX_BYTES = 5 * 2**20  # per file; the bundled dossiers are a few KiB each


def _signed_in(request: Request) -> str | None:
    guard: Guard = request.app.state.guard
    found = guard.signed_in(request, record(request).store)
    return found.name if found else None


@router.get("/import.json", summary="How to import dossiers")
def import_info() -> JSONResponse:
    return JSONResponse(
        with_meta(
            {
                "post": "POST {'dossiers': [dossier, …]} (JSON objects in the dossier format) "
                "to /api/dossiers with 'Authorization: Bearer <token>'; or upload YAML files "
                "with the form at /import.",
                "max_files": MAX_FILES,
                "max_bytes_per_file": MAX_BYTES,
            }
        )
    )


@router.get("/import", response_class=HTMLResponse, summary="Import dossiers (HTML form)")
def import_page(request: Request) -> HTMLResponse:
    return renderer(request).page(
        request,
        "import.html",
        {"report": None, "signed_in": _signed_in(request)},
        title="Import dossiers",
    )


@router.post("/import", response_class=HTMLResponse, summary="Import dossiers (HTML upload)")
def import_upload(
    request: Request,
    files: Annotated[list[UploadFile], File()],
    csrf_token: Annotated[str, Form()] = "",
    token: Annotated[str, Form()] = "",
) -> HTMLResponse:
    guard: Guard = request.app.state.guard
    guard.check_csrf(request, csrf_token)
    rec = record(request)
    writer = guard.form_writer(request, rec.store, token or None)
    if not files or len(files) > MAX_FILES:
        raise bad_request(f"choose between 1 and {MAX_FILES} dossier files")
    dossiers: list[Dossier] = []
    problems: list[str] = []
    for upload in files:
        name = upload.filename or "upload"
        data = upload.file.read(MAX_BYTES + 1)  # a sync handler: runs in the threadpool
        if len(data) > MAX_BYTES:
            problems.append(f"{name}: larger than {MAX_BYTES // 2**20} MiB")
            continue
        try:
            dossiers.append(parse_dossier(data, name))
        except InputError as exc:  # every problem, with file, line and field
            problems.append(str(exc))
    if problems:
        # All or nothing, as `csbm db import`: one bad file stops the whole import.
        raise bad_request("nothing was imported: " + "; ".join(problems))
    report = rec.import_dossiers(dossiers, by=f"token:{writer.name}")
    result: dict[str, Any] = {
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "by": report.by,
        "recorded_at": report.recorded_at.isoformat(timespec="seconds"),
    }
    return renderer(request).page(
        request,
        "import.html",
        {"report": result, "signed_in": writer.name},
        title="Dossiers imported",
    )
