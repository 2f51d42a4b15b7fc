"""Extraction in the browser and the write API: `/extract`, `/api/activities/{id}/claims`,
`/api/dossiers`.

Adding claims makes a new revision of the activity's dossier: the text is read first, then,
in one write transaction holding the activity's lock (`Store.update_dossiers`), the stored
dossier is read, the text's source and claims appended (`csbm.extract.to_dossier(into=…)`,
the same as `csbm extract --into`) and the result recorded, so concurrent additions all
land; the page then shows the verdicts before and after.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field, ValidationError

from csbm.errors import StoreError
from csbm.extract import Extraction, extract, to_dict, to_dossier
from csbm.extract.output.dossier import ExtractDossierError
from csbm.model.bounds import Day
from csbm.model.dossier import Dossier
from csbm.store.tokens import TokenInfo
from csbm.web.pages.activity import view
from csbm.web.pages.common import bad_request, not_found, record, renderer, snapshot, with_meta
from csbm.web.record import Record
from csbm.web.security import CSRF_FIELD, Guard, bearer_writer

router = APIRouter(tags=["extract"])
# The form's choice for "make a new activity from the text" (never an activity id: ids are
# slugs of lower-case letters, digits and dashes, and this has an underscore).
NEW_ACTIVITY = "_new"
Writer = Annotated[TokenInfo, Depends(bearer_writer)]
MAX_TEXT = 200_000


class TextIn(BaseModel):
    """A text to read, with what is known about where it comes from."""

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    published: Day | None = Field(None, description="Publication date (anchors dates)")
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://\S+$")
    publisher: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=500)


class DossiersIn(BaseModel):
    """Dossiers to import (the dossier format, as JSON objects)."""

    dossiers: list[dict[str, Any]] = Field(min_length=1, max_length=1000)
    versions: dict[str, int | None] | None = Field(
        None,
        description="Optional: the version each dossier was based on (null: a new "
        "activity). If another write changed one meanwhile, nothing is written and the "
        "answer is 409.",
    )


# ---------------------------------------------------------------------------------------
# Reading a text


_PRIORITY = ("figure", "threshold", "exercise", "date", "place", "dropped")


def highlights(x: Extraction) -> list[dict[str, Any]]:
    """The text cut into segments, each plain or marked with what was read there.

    Overlapping spans keep the more important one (figures first), so every character
    belongs to exactly one segment and the page can show it as text, escaped.
    """
    spans: list[tuple[int, int, str, str]] = []
    for f in x.claims():
        amount = f"{f.value:,}" if f.value is not None else f"{f.low}–{f.high}"
        label = f"claim: {f.quantity.value} {amount} ({f.qualifier.value})"
        if f.attributed_to:
            label += f", per {f.attributed_to}"
        for start, end in f.mentions or [(f.evidence.start, f.evidence.end)]:
            spans.append((start, end, "figure", label))
    for t in x.vienna_document.threshold_mentions:
        spans.append((t.evidence.start, t.evidence.end, "threshold", f"threshold: {t.reason}"))
    for e in x.exercises:
        for m in e.mentions:
            spans.append((m.start, m.end, "exercise", f"exercise: {e.name}"))
    for d in x.dates:
        spans.append((d.start, d.end, "date", f"date ({d.role}): {d.reason}"))
    for p in x.locations:
        spans.append((p.evidence.start, p.evidence.end, "place", f"place: {p.name}"))
    for dr in x.dropped:
        spans.append((dr.start, dr.end, "dropped", f"not a claim: {dr.reason}"))
    taken: list[tuple[int, int, str, str]] = []
    for span in sorted(spans, key=lambda s: (_PRIORITY.index(s[2]), s[0])):
        start, end = span[0], span[1]
        if 0 <= start < end <= len(x.text) and all(end <= a or start >= b for a, b, *_ in taken):
            taken.append(span)
    out: list[dict[str, Any]] = []
    at = 0
    for start, end, kind, label in sorted(taken):
        if start > at:
            out.append({"text": x.text[at:start], "kind": None, "label": None})
        out.append({"text": x.text[start:end], "kind": kind, "label": label, "start": start})
        at = end
    if at < len(x.text):
        out.append({"text": x.text[at:], "kind": None, "label": None})
    return out


def _read(body: TextIn) -> Extraction:
    return extract(body.text, published=body.published, url=body.url)


def _activities(request: Request) -> list[dict[str, str]]:
    snap = snapshot(request)
    return sorted(
        ({"id": i, "name": d.activity.name} for i, d in snap.dossiers.items()),
        key=lambda a: a["name"].casefold(),
    )


def _reading(request: Request, body: TextIn) -> dict[str, Any]:
    x = _read(body)
    main = x.main_exercise
    suggested = main.activity_id if main is not None else None
    if suggested not in snapshot(request).by_id:
        suggested = None
    return {
        "input": body.model_dump(mode="json"),
        "extraction": to_dict(x),
        "highlights": highlights(x),
        "claims": [
            {
                "quantity": f.quantity.value,
                "value": f.value,
                "low": f.low,
                "high": f.high,
                "qualifier": f.qualifier.value,
                "attributed_to": f.attributed_to,
                "quote": f.evidence.text,
                "start": f.evidence.start,
                "end": f.evidence.end,
            }
            for f in x.claims()
        ],
        "suggested_activity": suggested,
    }


# ---------------------------------------------------------------------------------------
# Adding claims


def _verdicts(rec: Record, activity_id: str) -> list[dict[str, Any]]:
    return list(view(rec.snapshot(), activity_id)["verdicts"])


def add_new(rec: Record, body: TextIn, *, by: str) -> dict[str, Any]:
    """A new activity's dossier from the text alone (as `csbm extract` writes one), when the
    text gives its name, States and days; refused when the record already holds that id."""
    x = _read(body)
    if not x.claims():
        raise bad_request("the text gives no figure about the activity: nothing to add")
    try:
        new = to_dossier(x, publisher=body.publisher, title=body.title)
    except ExtractDossierError as exc:
        problems = "; ".join(p.message for p in exc.problems) or str(exc)
        raise bad_request(f"no new activity from this text: {problems}") from None
    activity_id = new.activity.id
    if activity_id in rec.snapshot().by_id:
        raise bad_request(
            f"the record already holds {activity_id!r}: choose it to add the claims to it"
        )
    report = rec.import_dossiers([new], by=by, expect={activity_id: None})
    source = new.sources[-1]
    return {
        "activity": activity_id,
        "created": True,
        "source": source.model_dump(mode="json"),
        "claims_added": [c.id for c in new.claims if c.source == source.id],
        "updated": False,
        "recorded_by": report.by,
        "version": report.versions[activity_id],
        "before": [],
        "after": _verdicts(rec, activity_id),
        "changes": [],
    }


def add_claims(rec: Record, activity_id: str, body: TextIn, *, by: str) -> dict[str, Any]:
    """Append the text's source and claims to the activity's dossier, as a new revision."""
    if activity_id not in rec.snapshot().by_id:
        raise not_found(f"no activity {activity_id!r} in the record")
    before = _verdicts(rec, activity_id)
    x = _read(body)
    if not x.claims():
        raise bad_request("the text gives no figure about the activity: nothing to add")
    made: list[Dossier] = []

    def append(current: dict[str, Dossier]) -> list[Dossier]:
        new = to_dossier(x, into=current[activity_id], publisher=body.publisher, title=body.title)
        made[:] = [new]
        return made

    report = rec.store.update_dossiers([activity_id], append, by=by)
    [new] = made
    source = new.sources[-1]
    after = _verdicts(rec, activity_id)
    changes = []
    for b, a in zip(before, after, strict=False):
        for rule_id in sorted(set(b["outcomes"]) | set(a["outcomes"])):
            old, now = b["outcomes"].get(rule_id), a["outcomes"].get(rule_id)
            if old != now:
                changes.append(
                    {"scenario": a["scenario"], "rule": rule_id, "before": old, "after": now}
                )
    added = [c.id for c in new.claims if c.source == source.id]
    return {
        "activity": activity_id,
        "source": source.model_dump(mode="json"),
        "claims_added": added,
        "updated": activity_id in report.updated,
        "recorded_by": report.by,
        "version": report.versions[activity_id],
        "created": False,
        "before": before,
        "after": after,
        "changes": changes,
    }


# ---------------------------------------------------------------------------------------
# Routes: JSON


@router.get("/extract.json", summary="What /extract takes, and the activities to add to")
def extract_info(request: Request) -> JSONResponse:
    return JSONResponse(
        with_meta(
            {
                "post": "POST a JSON object {text, published?, url?, publisher?, title?} here "
                "to read it; POST the same to /api/activities/{id}/claims with a bearer token "
                "to add its claims to that activity.",
                "activities": _activities(request),
                # The form's "new activity" choice (HTML only; the API makes one from a
                # dossier at /api/dossiers).
                "new_activity": {
                    "form_value": NEW_ACTIVITY,
                    "means": "a new activity's dossier from the text alone (its name, "
                    "States and days), refused when the text lacks one or the id exists",
                },
            }
        )
    )


@router.post("/extract.json", summary="Read a text: claims, with their spans in the text")
def extract_json(request: Request, body: TextIn) -> JSONResponse:
    return JSONResponse(with_meta(_reading(request, body)))


@router.post(
    "/api/activities/{activity_id}/claims",
    summary="Add a text's claims to an activity (new revision); needs a bearer token",
)
def api_add_claims(request: Request, activity_id: str, body: TextIn, token: Writer) -> JSONResponse:
    rec = record(request)
    return JSONResponse(add_claims(rec, activity_id, body, by=f"token:{token.name}"))


@router.post("/api/dossiers", summary="Import dossiers (new revisions); needs a bearer token")
def api_import(request: Request, body: DossiersIn, token: Writer) -> JSONResponse:
    rec = record(request)
    try:
        dossiers = [Dossier.model_validate(d) for d in body.dossiers]
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise bad_request(f"not a valid dossier: {where}: {first['msg']}") from None
    report = rec.import_dossiers(dossiers, by=f"token:{token.name}", expect=body.versions)
    return JSONResponse(
        {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "versions": report.versions,
            "recorded_at": report.recorded_at.isoformat(),
            "by": report.by,
        }
    )


# ---------------------------------------------------------------------------------------
# Routes: HTML


def _form_text(text: str, published: str, url: str, publisher: str, title: str) -> TextIn:
    try:
        return TextIn(
            text=text,
            published=published.strip() or None,
            url=url.strip() or None,
            publisher=publisher.strip() or None,
            title=title.strip() or None,
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        raise bad_request(f"the form is not valid: {first['loc'][0]}: {first['msg']}") from None


Field_ = Annotated[str, Form()]


def _signed_in(request: Request) -> str | None:
    guard: Guard = request.app.state.guard
    found = guard.signed_in(request, record(request).store)
    return found.name if found else None


def _page(
    request: Request,
    *,
    reading: Any = None,
    result: Any = None,
    form: dict[str, Any] | None = None,
    signed_in: str | None = None,
    title: str = "Extract",
) -> HTMLResponse:
    """The Extract page in one of its three states: empty, a text read, claims added."""
    context = {
        "new_activity": NEW_ACTIVITY,
        "reading": reading,
        "result": result,
        "activities": _activities(request),
        "form": form or {},
        "signed_in": signed_in if signed_in is not None else _signed_in(request),
    }
    return renderer(request).page(request, "extract.html", context, title=title)


@router.get("/extract", response_class=HTMLResponse, summary="Extract (HTML form)")
def extract_page(request: Request) -> HTMLResponse:
    return _page(request)


@router.post("/extract", response_class=HTMLResponse, summary="Extract (HTML, read a text)")
def extract_form(
    request: Request,
    text: Field_,
    csrf_token: Field_ = "",
    published: Field_ = "",
    url: Field_ = "",
    publisher: Field_ = "",
    title: Field_ = "",
) -> HTMLResponse:
    guard: Guard = request.app.state.guard
    guard.check_csrf(request, csrf_token)
    body = _form_text(text, published, url, publisher, title)
    return _page(request, reading=_reading(request, body), form=body.model_dump(mode="json"))


@router.post("/extract/add", response_class=HTMLResponse, summary="Extract (HTML, add claims)")
def extract_add(
    request: Request,
    text: Field_,
    activity: Field_ = "",
    csrf_token: Field_ = "",
    published: Field_ = "",
    url: Field_ = "",
    publisher: Field_ = "",
    title: Field_ = "",
    token: Field_ = "",
) -> HTMLResponse:
    guard: Guard = request.app.state.guard
    guard.check_csrf(request, csrf_token)
    rec = record(request)
    writer = guard.form_writer(request, rec.store, token or None)
    body = _form_text(text, published, url, publisher, title)
    if not activity.strip():
        raise bad_request("choose the activity to add the claims to, or a new activity")
    try:
        if activity == NEW_ACTIVITY:
            result = add_new(rec, body, by=f"token:{writer.name}")
        else:
            result = add_claims(rec, activity, body, by=f"token:{writer.name}")
    except StoreError as exc:
        raise bad_request(str(exc)) from None
    return _page(request, result=result, signed_in=writer.name, title="Claims added")


assert CSRF_FIELD == "csrf_token"  # the form field name the handlers read
