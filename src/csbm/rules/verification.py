"""What each citation was checked against: every parameter value and every rule citation,
with its level and the sources, as one table (`csbm rules verify`, docs/rules.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from csbm.model.finding import Citation
from csbm.rules._tree import load_instruments, load_parameters
from csbm.rules.engine import rules

__all__ = ["VerifyRow", "verification_rows", "verification_summary"]


@dataclass(frozen=True)
class VerifyRow:
    """One citation: of a parameter's dated value, or of a rule."""

    kind: str  # "parameter" or "rule"
    name: str  # parameter path or rule id
    since: str
    value: str
    citation: Citation

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "since": self.since,
            "value": self.value,
            "instrument": self.citation.instrument,
            "paragraph": self.citation.paragraph,
            "level": self.citation.level.value,
            "language": self.citation.language,
            "checked_against_text": self.citation.verified,
            "sources": [s.model_dump(mode="json") for s in self.citation.sources],
        }


def _value(value: object, unit: str, comparator: str | None) -> str:
    if value is None:
        return "unknown"
    if value == "none":
        return "no such criterion"
    shown = f"{value:,}" if isinstance(value, int) and unit != "year" else str(value)
    return f"{comparator} {shown}" if comparator else shown


def verification_rows(*, instrument: str | None = None) -> list[VerifyRow]:
    """Every law citation (csbm's own method values are left out: they are not law)."""
    instruments = load_instruments()
    rows = []
    for path, param in sorted(load_parameters().items()):
        for since in param.dates:
            use = param.at(since, instruments)
            c = use.citation
            if instruments[c.instrument].method or (instrument and c.instrument != instrument):
                continue
            rows.append(
                VerifyRow(
                    "parameter",
                    path,
                    since.isoformat(),
                    _value(use.value, param.unit, param.comparator),
                    c,
                )
            )
    for spec in rules():
        for c in spec.citations:
            if instrument and c.instrument != instrument:
                continue
            rows.append(VerifyRow("rule", spec.id, spec.since.isoformat(), "", c))
    return rows


def verification_summary(rows: list[VerifyRow]) -> dict[str, Any]:
    """How many citations were checked against a text, overall and for rule citations."""

    def count(selected: list[VerifyRow]) -> dict[str, int]:
        out = {"total": len(selected), "checked_against_text": 0}
        for r in selected:
            out[r.citation.level.value] = out.get(r.citation.level.value, 0) + 1
            out["checked_against_text"] += r.citation.verified
        return out

    return {
        "all": count(rows),
        "rules": count([r for r in rows if r.kind == "rule"]),
        "parameters": count([r for r in rows if r.kind == "parameter"]),
    }
