"""What changed between two versions of a dossier, in a few lines a person can read.

Stored with every revision, so `csbm db history` can say what changed without
re-computing anything. Lists are matched by id (sources by id, claims by their id or
derived id, acts by id or position), so a figure revised in place reads as "changed", not
as one claim removed and another added.
"""

from __future__ import annotations

from typing import Any

from csbm.model.dossier import Dossier

_MAX_VALUE = 60


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _MAX_VALUE else text[: _MAX_VALUE - 1] + "…"


def _keyed(items: list[dict[str, Any]], keys: list[str]) -> dict[str, dict[str, Any]]:
    return dict(zip(keys, items, strict=True))


def _compare_lists(
    label: str, old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]
) -> list[str]:
    lines = []
    added = [k for k in new if k not in old]
    removed = [k for k in old if k not in new]
    if added:
        lines.append(f"{label}: added {', '.join(added)}")
    if removed:
        lines.append(f"{label}: removed {', '.join(removed)}")
    for key in new:
        if key not in old or old[key] == new[key]:
            continue
        fields = [f for f in new[key] if old[key].get(f) != new[key].get(f)]
        detail = ", ".join(
            f"{f} {_show(old[key].get(f))} → {_show(new[key].get(f))}" for f in fields
        )
        lines.append(f"{label} {key}: {detail}")
    common_old = [k for k in old if k in new]
    common_new = [k for k in new if k in old]
    if common_old != common_new:
        lines.append(f"{label}: order changed")
    return lines


def summarize(old: Dossier, new: Dossier) -> list[str]:
    """One line per change; empty if the dossiers are equal."""
    if old == new:
        return []
    lines: list[str] = []
    if old.csbm != new.csbm:
        lines.append(f"csbm {old.csbm} → {new.csbm}")
    a_old = old.activity.model_dump(mode="json")
    a_new = new.activity.model_dump(mode="json")
    for name in a_new:
        if a_old.get(name) != a_new.get(name):
            if isinstance(a_new.get(name), list):
                lines.append(f"activity.{name} changed")
            else:
                before, after = _show(a_old.get(name)), _show(a_new.get(name))
                lines.append(f"activity.{name}: {before} → {after}")
    lines += _compare_lists(
        "sources",
        {s.id: s.model_dump(mode="json") for s in old.sources},
        {s.id: s.model_dump(mode="json") for s in new.sources},
    )
    lines += _compare_lists(
        "claims",
        _keyed(
            [c.model_dump(mode="json") for c in old.claims],
            [old.claim_id(i) for i in range(len(old.claims))],
        ),
        _keyed(
            [c.model_dump(mode="json") for c in new.claims],
            [new.claim_id(i) for i in range(len(new.claims))],
        ),
    )
    lines += _compare_lists(
        "acts",
        {a.id or f"acts[{i}]": a.model_dump(mode="json") for i, a in enumerate(old.acts)},
        {a.id or f"acts[{i}]": a.model_dump(mode="json") for i, a in enumerate(new.acts)},
    )
    return lines or ["changed (no field-level difference found)"]


__all__ = ["summarize"]
