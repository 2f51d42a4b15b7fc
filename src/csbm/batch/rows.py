"""One extraction as table rows: a document row and one row per claim.

The columns are the fields of `csbm extract --format json` (docs/extract.md), flattened:
scalars become columns (``document.published`` → ``published``, ``period.start`` →
``period_start``), the lists a reader may want whole (exercises, States, dates, places,
thresholds, numbers set aside) are kept as JSON text, and each claim (a figure about the
reported exercise) is a row of its own with its document's id.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]

from csbm.batch.inputs import BadRecord, Document

DOCUMENTS = pa.schema(
    [
        ("doc_id", pa.string()),
        ("file", pa.string()),
        ("line", pa.int64()),
        ("url", pa.string()),
        ("published", pa.date32()),
        ("status", pa.string()),  # extracted, or skipped by the prefilter
        ("chars", pa.int64()),
        ("sha256", pa.string()),
        ("claims", pa.int64()),
        ("extractor_version", pa.string()),
        ("exercise", pa.string()),  # the reported one
        ("series", pa.string()),
        ("year", pa.int64()),
        ("activity_id", pa.string()),
        ("period_start", pa.date32()),
        ("period_end", pa.date32()),
        ("participants", pa.list_(pa.string())),
        ("hosts", pa.list_(pa.string())),
        ("vienna_document", pa.bool_()),
        ("exercises_json", pa.string()),
        ("states_json", pa.string()),
        ("period_json", pa.string()),
        ("dates_json", pa.string()),
        ("locations_json", pa.string()),
        ("vienna_document_json", pa.string()),
        ("dropped_json", pa.string()),
        ("notes", pa.list_(pa.string())),
    ]
)

CLAIMS = pa.schema(
    [
        ("doc_id", pa.string()),
        ("claim_index", pa.int64()),
        ("file", pa.string()),
        ("line", pa.int64()),
        ("url", pa.string()),
        ("published", pa.date32()),
        ("quantity", pa.string()),
        ("value", pa.int64()),
        ("low", pa.int64()),
        ("high", pa.int64()),
        ("qualifier", pa.string()),
        ("attributed_to", pa.string()),
        ("declared_by", pa.string()),
        ("exercise", pa.string()),
        ("scope", pa.string()),
        ("contingent", pa.string()),
        ("evidence_text", pa.string()),
        ("evidence_start", pa.int64()),
        ("evidence_end", pa.int64()),
        ("attribution_text", pa.string()),
        ("mentions_json", pa.string()),
        ("reasons", pa.list_(pa.string())),
    ]
)

ERRORS = pa.schema(
    [
        ("file", pa.string()),
        ("line", pa.int64()),
        ("field", pa.string()),
        ("kind", pa.string()),
        ("reason", pa.string()),
    ]
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def skipped_row(doc: Document, sha256: str) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(DOCUMENTS.names)
    row.update(
        doc_id=doc.doc_id,
        file=doc.file,
        line=doc.line,
        url=doc.url,
        published=doc.published,
        status="skipped",
        chars=len(doc.text),
        sha256=sha256,
        claims=0,
        participants=[],
        hosts=[],
        notes=[],
    )
    return row


def extraction_rows(
    doc: Document, data: dict[str, Any], claim_figures: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The document row and claim rows of one extraction (`data` from `to_dict`)."""
    main = next((e for e in data["exercises"] if e["main"]), None)
    period = data["period"]
    states = data["states"]
    vd = data["vienna_document"]
    document = {
        "doc_id": doc.doc_id,
        "file": doc.file,
        "line": doc.line,
        "url": doc.url,
        "published": doc.published,
        "status": "extracted",
        "chars": data["document"]["chars"],
        "sha256": data["document"]["sha256"],
        "claims": len(claim_figures),
        "extractor_version": data["extractor"]["version"],
        "exercise": main["name"] if main else None,
        "series": main["series"] if main else None,
        "year": main["year"] if main else None,
        "activity_id": main["activity_id"] if main else None,
        "period_start": _day(period["start"]) if period else None,
        "period_end": _day(period["end"]) if period else None,
        "participants": [s["code"] for s in states if "participant" in s["roles"]],
        "hosts": [s["code"] for s in states if "host" in s["roles"]],
        "vienna_document": vd["mentioned"],
        "exercises_json": _json(data["exercises"]),
        "states_json": _json(states),
        "period_json": _json(period),
        "dates_json": _json(data["dates"]),
        "locations_json": _json(data["locations"]),
        "vienna_document_json": _json(vd),
        "dropped_json": _json(data["dropped"]),
        "notes": list(data["notes"]),
    }
    claims = [
        {
            "doc_id": doc.doc_id,
            "claim_index": i,
            "file": doc.file,
            "line": doc.line,
            "url": doc.url,
            "published": doc.published,
            "quantity": f["quantity"],
            "value": f["value"],
            "low": f["low"],
            "high": f["high"],
            "qualifier": f["qualifier"],
            "attributed_to": f["attributed_to"],
            "declared_by": f["declared_by"],
            "exercise": f["exercise"],
            "scope": f["scope"],
            "contingent": f["contingent"],
            "evidence_text": f["evidence"]["text"],
            "evidence_start": f["evidence"]["start"],
            "evidence_end": f["evidence"]["end"],
            "attribution_text": f["attribution"]["text"] if f["attribution"] else None,
            "mentions_json": _json(f["mentions"]),
            "reasons": list(f["reasons"]),
        }
        for i, f in enumerate(claim_figures)
    ]
    return document, claims


def error_row(bad: BadRecord) -> dict[str, Any]:
    return {
        "file": bad.file,
        "line": bad.line,
        "field": bad.field,
        "kind": bad.kind,
        "reason": bad.reason,
    }


__all__ = ["CLAIMS", "DOCUMENTS", "ERRORS", "error_row", "extraction_rows", "skipped_row"]
