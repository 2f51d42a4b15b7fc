"""The JSON form of an extraction: the contract of `csbm extract --format json`.

The fields of the issue's example (document, exercises, states, period, figures, locations,
vienna_document and what they hold) are a contract: fields may be added, never renamed. The
fields csbm adds are documented in docs/extract.md; each carries the reasons and evidence a
reader needs to check the extractor's reading.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from csbm.extract.dates import DateMention
from csbm.extract.result import Evidence, Extraction, Figure
from csbm.extract.version import EXTRACTOR_VERSION


def _evidence(e: Evidence) -> dict[str, Any]:
    return {"text": e.text, "start": e.start, "end": e.end}


def _date(d: DateMention) -> dict[str, Any]:
    return {
        "text": d.text,
        "start": d.start,
        "end": d.end,
        "first": d.first.isoformat() if d.first else None,
        "last": d.last.isoformat() if d.last else None,
        "precision": d.precision,
        "role": d.role,
        "reason": d.reason,
    }


def _figure(f: Figure) -> dict[str, Any]:
    return {
        "quantity": f.quantity.value,
        "value": f.value,
        "low": f.low,
        "high": f.high,
        "qualifier": f.qualifier.value,
        "attributed_to": f.attributed_to,
        "exercise": f.exercise,
        "scope": f.scope,
        "evidence": _evidence(f.evidence),
        "mentions": [list(m) for m in f.mentions],
        "declared_by": f.declared_by,
        "contingent": f.contingent,
        "attribution": _evidence(f.attribution) if f.attribution else None,
        "reasons": f.reasons,
    }


def to_dict(x: Extraction) -> dict[str, Any]:
    """The extraction as plain data, in the contract's shape."""
    period = None
    if x.period is not None:
        period = {
            "exercise": x.period.exercise,
            "start": x.period.start.isoformat() if x.period.start else None,
            "end": x.period.end.isoformat() if x.period.end else None,
            "start_reason": x.period.start_reason,
            "end_reason": x.period.end_reason,
            "evidence": [_date(d) for d in x.period.evidence],
        }
    return {
        "document": {
            "url": x.url,
            "published": x.published.isoformat() if x.published else None,
            "chars": len(x.text),
            "sha256": hashlib.sha256(x.text.encode("utf-8")).hexdigest(),
        },
        "extractor": {"name": "csbm.extract", "version": EXTRACTOR_VERSION},
        "exercises": [
            {
                "name": e.name,
                "mentions": [[m.start, m.end] for m in e.mentions[:1000]],
                "series": e.series,
                "year": e.year,
                "main": e.main,
                "activity_id": e.activity_id,
                "reasons": e.reasons,
            }
            for e in x.exercises
        ],
        "states": [
            {
                "code": s.code,
                "role": s.role,
                "roles": s.roles,
                "mentions": [list(m) for m in s.mentions[:1000]],
                "reasons": s.reasons,
            }
            for s in x.states
        ],
        "period": period,
        "dates": [_date(d) for d in x.dates],
        "figures": [_figure(f) for f in x.figures],
        "locations": [
            {
                "name": p.name,
                "lat": p.lat,
                "lon": p.lon,
                "evidence": _evidence(p.evidence),
                "country": p.country,
                "precision": p.precision,
                "source": p.source,
                "mentions": p.mentions,
            }
            for p in x.locations
        ],
        "vienna_document": {
            "mentioned": x.vienna_document.mentioned,
            "mentions": [list(m) for m in x.vienna_document.mentions],
            "threshold_mentions": [
                {
                    "quantity": t.quantity.value,
                    "value": t.value,
                    "evidence": _evidence(t.evidence),
                    "reason": t.reason,
                }
                for t in x.vienna_document.threshold_mentions
            ],
        },
        "acts": [
            {
                "type": a.type.value,
                "by": a.by,
                "made": a.made,
                "to": a.to,
                "date": a.date.isoformat() if a.date else None,
                "date_text": a.date_text,
                "evidence": {"text": a.evidence_text, "start": a.start, "end": a.end},
                "reason": a.reason,
            }
            for a in x.acts
        ],
        "dropped": [
            {"text": d.text, "start": d.start, "end": d.end, "reason": d.reason} for d in x.dropped
        ],
        "notes": x.notes,
    }


def to_json(x: Extraction) -> str:
    """The extraction as indented JSON text, ending with a newline."""
    return json.dumps(to_dict(x), indent=2, ensure_ascii=False) + "\n"


__all__ = ["to_dict", "to_json"]
