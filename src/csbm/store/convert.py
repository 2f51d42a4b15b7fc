"""Dossier ⇄ rows, without a database: the part of the store that must be lossless.

`to_rows` spreads one dossier over the tables of :mod:`csbm.store.models`; `from_rows`
puts the rows back into the data `Dossier.model_validate` takes. Together they are the
identity on dossiers (a hypothesis test checks it). `known_by` and `restrict` cut a
dossier down to what was known on a date, the same way whether the rows were filtered in
SQL or the dossier in Python.

Every field of the dossier model must be handled here. A field added to the model later
would otherwise be dropped silently on import, so `check_model_coverage` refuses to store
anything until this module (and a migration) handle it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from csbm.model.dossier import (
    Act,
    Activity,
    Bound,
    Claim,
    Dossier,
    Location,
    PartialDate,
    Source,
    latest_day,
)
from csbm.model.dossier import parse_when as _parse_when
from csbm.store.errors import StoreError

# The fields each model has, as this module stores them. Compared with the models at run
# time (check_model_coverage) and in the tests.
HANDLED_FIELDS: dict[type[BaseModel], frozenset[str]] = {
    Dossier: frozenset({"csbm", "activity", "sources", "claims", "acts"}),
    Activity: frozenset(
        {
            "id",
            "name",
            "aliases",
            "kind",
            "conducting_states",
            "host_states",
            "start",
            "end",
            "alert",
            "single_operational_command",
            "parent",
            "series",
            "locations",
            "conducting_organisation",
            "duration_hours",
            "notes",
        }
    ),
    Location: frozenset({"name", "lat", "lon", "precision", "source"}),
    Source: frozenset(
        {
            "id",
            "kind",
            "publisher",
            "author",
            "title",
            "published",
            "url",
            "symbol",
            "reliability",
            "state",
            "organisation",
            "note",
        }
    ),
    Claim: frozenset(
        {
            "id",
            "quantity",
            "value",
            "low",
            "high",
            "bound",
            "qualifier",
            "scope",
            "contingent",
            "counted_under_vd",
            "declared_by",
            "attributed_to",
            "originator",
            "source",
            "credibility",
            "quote",
            "stated",
        }
    ),
    Bound: frozenset({"upper", "strict", "thresholds"}),
    Act: frozenset(
        {
            "id",
            "type",
            "by",
            "to",
            "made",
            "date",
            "date_text",
            "requested",
            "attended",
            "stayed_away",
            "answered",
            "response",
            "quota_cited",
            "reason",
            "held_from",
            "held_to",
            "source",
            "note",
        }
    ),
}

_coverage_checked = False


def unhandled_fields() -> list[str]:
    """Model fields this module does not store (or stores but the model no longer has)."""
    out = []
    for model, handled in HANDLED_FIELDS.items():
        actual = set(model.model_fields)
        out += [f"{model.__name__}.{name}" for name in sorted(actual ^ handled)]
    return out


def check_model_coverage() -> None:
    """Refuse to store dossiers whose model has fields the tables do not hold."""
    global _coverage_checked
    if _coverage_checked:
        return
    missing = unhandled_fields()
    if missing:
        raise StoreError(
            "the dossier model and the database tables disagree on "
            + ", ".join(missing)
            + ": this csbm cannot store dossiers without losing data "
            "(add columns, a migration and the conversion in csbm.store.convert)"
        )
    _coverage_checked = True


# ---------------------------------------------------------------------------------------
# Canonical forms


def canonical_json(data: Any) -> str:
    """One text per value: sorted keys, no spaces, Unicode as is."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def dossier_json(dossier: Dossier) -> str:
    """The whole dossier as canonical JSON (revisions keep the previous one like this)."""
    return canonical_json(dossier.model_dump(mode="json"))


def dossier_from_json(text: str) -> Dossier:
    return Dossier.model_validate(json.loads(text))


def content_hash(dossier: Dossier, text: str | None = None) -> str:
    """Identity of a dossier's content: equal dossiers, equal hashes. `text` is its
    `dossier_json`, if already made."""
    return hashlib.sha256((text or dossier_json(dossier)).encode("utf-8")).hexdigest()


def when_text(value: date | datetime | PartialDate | None) -> str | None:
    """An act's day, moment, month or year as ISO text; `parse_when` reads it back to the
    same type."""
    return None if value is None else value.isoformat()


def parse_when(text: str | None) -> date | datetime | PartialDate | None:
    return None if text is None else _parse_when(text)


# ---------------------------------------------------------------------------------------
# Knowledge time


def claim_known_from(claim: Claim, source: Source) -> date | None:
    """When a claim became known: its own `stated` date, else its source's publication."""
    return claim.stated or source.published


def act_known_from(act: Act, source: Source) -> date | None:
    """When an act became known: its own date if it was made, else its source's date.

    The same reading as `csbm assess --as-of` (an act is public when it is made; that it
    was *not* made is known only from the source that says so). An act dated by month or
    year is known by the last day of it: before then it may not have been made yet.
    """
    if act.made and act.date is not None:
        return latest_day(act.date)
    return source.published


# ---------------------------------------------------------------------------------------
# Dossier -> rows

Row = dict[str, Any]


@dataclass
class Rows:
    """One dossier's rows, table by table (activity_pk filled in, bookkeeping not)."""

    activity: Row
    activity_states: list[Row] = field(default_factory=list)
    aliases: list[Row] = field(default_factory=list)
    sources: list[Row] = field(default_factory=list)
    locations: list[Row] = field(default_factory=list)
    claims: list[Row] = field(default_factory=list)
    acts: list[Row] = field(default_factory=list)
    act_states: list[Row] = field(default_factory=list)

    def set_activity_pk(self, pk: int) -> None:
        """Point every child row at the activity (known only once it is inserted)."""
        for rows in (
            self.activity_states,
            self.aliases,
            self.sources,
            self.locations,
            self.claims,
            self.acts,
            self.act_states,
        ):
            for row in rows:
                row["activity_pk"] = pk


class Carry:
    """Transaction times of the previous version's claims and acts, by content.

    A claim or act that is re-imported unchanged (same fields, same knowledge time) keeps
    the time it was first recorded; anything new or changed is recorded now.
    """

    def __init__(self) -> None:
        self._times: dict[tuple[str, str], list[datetime]] = {}

    @staticmethod
    def key(kind: str, model: BaseModel, known: date | None) -> tuple[str, str]:
        return kind, canonical_json([model.model_dump(mode="json"), str(known)])

    def add(self, key: tuple[str, str], recorded_at: datetime) -> None:
        self._times.setdefault(key, []).append(recorded_at)

    def take(self, kind: str, model: BaseModel, known: date | None, default: datetime) -> datetime:
        if not self._times:  # a new activity: nothing to carry over
            return default
        times = self._times.get(self.key(kind, model, known))
        return times.pop(0) if times else default

    @classmethod
    def from_previous(
        cls, dossier: Dossier, claim_times: Sequence[datetime], act_times: Sequence[datetime]
    ) -> Carry:
        carry = cls()
        for claim, at in zip(dossier.claims, claim_times, strict=True):
            known = claim_known_from(claim, dossier.source(claim.source))
            carry.add(cls.key("claim", claim, known), at)
        for act, at in zip(dossier.acts, act_times, strict=True):
            known = act_known_from(act, dossier.source(act.source))
            carry.add(cls.key("act", act, known), at)
        return carry


def to_rows(dossier: Dossier, pk: int, now: datetime, carry: Carry | None = None) -> Rows:
    """The rows of one dossier for the activity with primary key `pk`."""
    carry = carry or Carry()
    a = dossier.activity
    rows = Rows(
        activity={
            "activity_id": a.id,
            "format_version": dossier.csbm,
            "name": a.name,
            "kind": a.kind.value,
            "start_date": a.start,
            "end_date": a.end,
            "alert": a.alert,
            "single_operational_command": a.single_operational_command,
            "parent": a.parent,
            "series": a.series,
            "conducting_organisation": a.conducting_organisation,
            "duration_hours": a.duration_hours,
            "notes": a.notes,
        }
    )
    for role, states in (("conducting", a.conducting_states), ("host", a.host_states)):
        rows.activity_states += [
            {"activity_pk": pk, "role": role, "position": i, "state": s}
            for i, s in enumerate(states)
        ]
    rows.aliases = [{"activity_pk": pk, "position": i, "name": n} for i, n in enumerate(a.aliases)]
    rows.sources = [
        {
            "activity_pk": pk,
            "position": i,
            "source_id": s.id,
            "kind": s.kind.value,
            "publisher": s.publisher,
            "author": s.author,
            "title": s.title,
            "published": s.published,
            "url": s.url,
            "symbol": s.symbol,
            "reliability": s.reliability,
            "state": s.state,
            "organisation": s.organisation,
            "note": s.note,
        }
        for i, s in enumerate(dossier.sources)
    ]
    rows.locations = [
        {
            "activity_pk": pk,
            "position": i,
            "name": loc.name,
            "lat": loc.lat,
            "lon": loc.lon,
            "precision": loc.precision,
            "source_id": loc.source,
        }
        for i, loc in enumerate(a.locations)
    ]
    for i, c in enumerate(dossier.claims):
        known = claim_known_from(c, dossier.source(c.source))
        rows.claims.append(
            {
                "activity_pk": pk,
                "position": i,
                "claim_id": c.id,
                "claim_key": dossier.claim_id(i),
                "quantity": c.quantity.value,
                "value": c.value,
                "low": c.low,
                "high": c.high,
                "bound_upper": c.bound.upper if c.bound else None,
                "bound_strict": c.bound.strict if c.bound else None,
                "bound_thresholds": c.bound.thresholds if c.bound else None,
                "qualifier": c.qualifier.value,
                "scope": c.scope,
                "contingent": c.contingent,
                "counted_under_vd": c.counted_under_vd,
                "declared_by": c.declared_by,
                "attributed_to": c.attributed_to,
                "originator": c.originator,
                "source_id": c.source,
                "credibility": c.credibility,
                "quote": c.quote,
                "stated": c.stated,
                "known_from": known,
                "recorded_at": carry.take("claim", c, known, now),
            }
        )
    for i, act in enumerate(dossier.acts):
        known = act_known_from(act, dossier.source(act.source))
        rows.acts.append(
            {
                "activity_pk": pk,
                "position": i,
                "act_id": act.id,
                "type": act.type.value,
                "made": act.made,
                "date_text": when_text(act.date),
                "requested_text": when_text(act.requested),
                "date_words": act.date_text,
                "answered": act.answered,
                "response": act.response,
                "quota_cited": act.quota_cited,
                "reason": act.reason,
                "held_from": act.held_from,
                "held_to": act.held_to,
                "to_given": act.to is not None,
                "source_id": act.source,
                "note": act.note,
                "known_from": known,
                "recorded_at": carry.take("act", act, known, now),
            }
        )
        roles = (
            ("by", act.by),
            ("to", act.to or []),
            ("att", act.attended),
            ("away", act.stayed_away),
        )
        for role, states in roles:
            rows.act_states += [
                {
                    "activity_pk": pk,
                    "act_position": i,
                    "role": role,
                    "position": j,
                    "state": s,
                }
                for j, s in enumerate(states)
            ]
    return rows


# ---------------------------------------------------------------------------------------
# Rows -> dossier


@dataclass
class Loaded:
    """One activity's rows as read back (each list ordered by position)."""

    activity: Mapping[Any, Any]
    activity_states: list[Mapping[Any, Any]] = field(default_factory=list)
    aliases: list[Mapping[Any, Any]] = field(default_factory=list)
    sources: list[Mapping[Any, Any]] = field(default_factory=list)
    locations: list[Mapping[Any, Any]] = field(default_factory=list)
    claims: list[Mapping[Any, Any]] = field(default_factory=list)
    acts: list[Mapping[Any, Any]] = field(default_factory=list)
    act_states: list[Mapping[Any, Any]] = field(default_factory=list)


def _states(rows: Iterable[Mapping[Any, Any]], role: str) -> list[str]:
    return [r["state"] for r in rows if r["role"] == role]


def source_data(r: Mapping[Any, Any]) -> dict[str, Any]:
    """A `sources` row as the data of a Source."""
    return {
        "id": r["source_id"],
        "kind": r["kind"],
        "publisher": r["publisher"],
        "author": r["author"],
        "title": r["title"],
        "published": r["published"],
        "url": r["url"],
        "symbol": r["symbol"],
        "reliability": r["reliability"],
        "state": r["state"],
        "organisation": r["organisation"],
        "note": r["note"],
    }


def claim_data(r: Mapping[Any, Any]) -> dict[str, Any]:
    """A `claims` row as the data of a Claim."""
    return {
        "id": r["claim_id"],
        "quantity": r["quantity"],
        "value": r["value"],
        "low": r["low"],
        "high": r["high"],
        "bound": None
        if r["bound_strict"] is None
        else {
            "upper": r["bound_upper"],
            "strict": r["bound_strict"],
            "thresholds": r["bound_thresholds"],
        },
        "qualifier": r["qualifier"],
        "scope": r["scope"],
        "contingent": r["contingent"],
        "counted_under_vd": r["counted_under_vd"],
        "declared_by": r["declared_by"],
        "attributed_to": r["attributed_to"],
        "originator": r["originator"],
        "source": r["source_id"],
        "credibility": r["credibility"],
        "quote": r["quote"],
        "stated": r["stated"],
    }


def from_rows(loaded: Loaded) -> tuple[dict[str, Any], list[str]]:
    """The dossier data for `Dossier.model_validate`, and each claim's key (its id)."""
    a = loaded.activity
    by_act: dict[int, list[Mapping[Any, Any]]] = {}
    for r in loaded.act_states:
        by_act.setdefault(r["act_position"], []).append(r)
    activity = {
        "id": a["activity_id"],
        "name": a["name"],
        "aliases": [r["name"] for r in loaded.aliases],
        "kind": a["kind"],
        "conducting_states": _states(loaded.activity_states, "conducting"),
        "host_states": _states(loaded.activity_states, "host"),
        "start": a["start_date"],
        "end": a["end_date"],
        "alert": a["alert"],
        "single_operational_command": a["single_operational_command"],
        "parent": a["parent"],
        "series": a["series"],
        "conducting_organisation": a["conducting_organisation"],
        "locations": [
            {
                "name": r["name"],
                "lat": r["lat"],
                "lon": r["lon"],
                "precision": r["precision"],
                "source": r["source_id"],
            }
            for r in loaded.locations
        ],
        "duration_hours": a["duration_hours"],
        "notes": a["notes"],
    }
    sources = [source_data(r) for r in loaded.sources]
    claims = [claim_data(r) for r in loaded.claims]
    acts = []
    for r in loaded.acts:
        states = by_act.get(r["position"], [])
        acts.append(
            {
                "id": r["act_id"],
                "type": r["type"],
                "by": _states(states, "by"),
                "to": _states(states, "to") if r["to_given"] else None,
                "made": r["made"],
                "date": parse_when(r["date_text"]),
                "requested": parse_when(r["requested_text"]),
                "date_text": r["date_words"],
                "attended": _states(states, "att"),
                "stayed_away": _states(states, "away"),
                "answered": r["answered"],
                "response": r["response"],
                "quota_cited": r["quota_cited"],
                "reason": r["reason"],
                "held_from": r["held_from"],
                "held_to": r["held_to"],
                "source": r["source_id"],
                "note": r["note"],
            }
        )
    data = {
        "csbm": a["format_version"],
        "activity": activity,
        "sources": sources,
        "claims": claims,
        "acts": acts,
    }
    return data, [r["claim_key"] for r in loaded.claims]


# ---------------------------------------------------------------------------------------
# What was known on a date


def restrict(data: dict[str, Any], claim_keys: list[str], as_of: date) -> dict[str, Any]:
    """Finish cutting dossier data down to what was known on `as_of`.

    `data` already holds only the claims and acts known by then (`claim_keys` are the ids
    those claims had in the whole dossier). Two things remain:

    - Claim ids stay what they were. A derived id (`source.quantity.n`) counts the claims
      before it; when an earlier one is left out, the later one is given its old id
      explicitly, so that reports name the same claims with or without `--as-of`.
      Unnamed acts (`acts[i]`) are renumbered: there is no way to name them otherwise.
    - Sources that nothing left cites and that were not published by then are dropped.
      Sources still cited stay, even if undated: a claim known by then came from them.
    """
    counts: dict[tuple[str, str], int] = {}
    for claim, key in zip(data["claims"], claim_keys, strict=True):
        if claim["id"] is not None:
            continue
        pair = (claim["source"], str(claim["quantity"]))
        derived = f"{pair[0]}.{pair[1]}.{counts.get(pair, 0) + 1}"
        if derived == key:
            counts[pair] = counts.get(pair, 0) + 1
        else:
            claim["id"] = key
    cited = {c["source"] for c in data["claims"]} | {a["source"] for a in data["acts"]}
    cited |= {loc["source"] for loc in data["activity"]["locations"] if loc["source"]}
    data["sources"] = [
        s
        for s in data["sources"]
        if s["id"] in cited or (s["published"] is not None and s["published"] <= as_of)
    ]
    return data


def known_by(dossier: Dossier, as_of: date) -> Dossier:
    """The dossier cut down to the claims and acts known on `as_of` (see `restrict`).

    Claims and acts with no knowledge date are left out: they are not known to have been
    known by then, which is how `csbm assess --as-of` reads them too.
    """
    data = dossier.model_dump(mode="python")
    keys = []
    claims = []
    for i, claim in enumerate(dossier.claims):
        known = claim_known_from(claim, dossier.source(claim.source))
        if known is not None and known <= as_of:
            claims.append(data["claims"][i])
            keys.append(dossier.claim_id(i))
    acts = []
    for i, act in enumerate(dossier.acts):
        known = act_known_from(act, dossier.source(act.source))
        if known is not None and known <= as_of:
            acts.append(data["acts"][i])
    data["claims"] = claims
    data["acts"] = acts
    return Dossier.model_validate(restrict(data, keys, as_of))


# ---------------------------------------------------------------------------------------
# What the databases cannot hold

INT64 = 2**63 - 1
MAX_ID = 255


def storable_problems(
    dossier: Dossier, text: str | None = None
) -> list[tuple[tuple[str | int, ...], str]]:
    """(path, message) for values no database column can take: whole numbers beyond 64
    bits, text with NUL characters (PostgreSQL refuses them), ids over 255 characters
    (index limits). Both backends refuse the same values, so a dossier that imports into
    one imports into the other."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    ints: list[tuple[tuple[str | int, ...], int | None]] = [
        (("activity", "duration_hours"), dossier.activity.duration_hours)
    ]
    for i, c in enumerate(dossier.claims):
        ints += [(("claims", i, f), getattr(c, f)) for f in ("value", "low", "high")]
        if c.bound is not None:
            ints.append((("claims", i, "bound", "upper"), c.bound.upper))
    problems += [
        (path, f"{v} does not fit in 64 bits, the database limit")
        for path, v in ints
        if v is not None and not -INT64 - 1 <= v <= INT64
    ]
    ids: list[tuple[tuple[str | int, ...], str | None]] = [
        (("activity", "id"), dossier.activity.id)
    ]
    ids += [(("sources", i, "id"), s.id) for i, s in enumerate(dossier.sources)]
    ids += [(("claims", i, "id"), c.id) for i, c in enumerate(dossier.claims)]
    ids += [(("acts", i, "id"), a.id) for i, a in enumerate(dossier.acts)]
    problems += [
        (path, f"ids are stored up to {MAX_ID} characters")
        for path, v in ids
        if v is not None and len(v) > MAX_ID
    ]
    # JSON writes NUL as \u0000: a cheap test on the text before looking for where it is.
    if "\\u0000" in (text or dossier_json(dossier)):
        problems += _nul_paths(dossier.model_dump(mode="python"), ())
    return problems


def _nul_paths(value: Any, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _nul_paths(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _nul_paths(v, (*path, i))]
    if isinstance(value, str) and "\x00" in value:
        return [(path, "contains a NUL character, which databases cannot store")]
    return []


__all__ = [
    "HANDLED_FIELDS",
    "Carry",
    "Loaded",
    "Rows",
    "act_known_from",
    "check_model_coverage",
    "claim_data",
    "claim_known_from",
    "content_hash",
    "dossier_from_json",
    "dossier_json",
    "from_rows",
    "known_by",
    "parse_when",
    "restrict",
    "source_data",
    "storable_problems",
    "to_rows",
    "unhandled_fields",
]
