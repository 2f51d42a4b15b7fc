"""The review queue: activities proposed by `csbm batch ingest`, decided by a person.

A proposal is an exercise that extracted claims name but that matches no recorded
activity. It holds a dossier in csbm's own format (activity, sources, claims), which may
lack what the texts did not give (a first or last day, host States). `csbm db review`
lists the pending ones; accepting one validates its dossier and imports it as an activity
(or, with ``as_id`` naming a recorded activity, adds its sources and claims to that one);
rejecting one records the decision. Decisions are kept, with who and when, and a decided
proposal is never proposed again by a later ingest (its ``key`` is unique).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from csbm.errors import InputError, Problem
from csbm.model.dossier import Dossier
from csbm.store.errors import StoreError
from csbm.store.models import ActivityRow, ReviewProposalRow
from csbm.store.repository import ImportReport, Store, default_user

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
STATUSES = (PENDING, ACCEPTED, REJECTED)


def proposal_key(*parts: object) -> str:
    """A stable key (64 hex digits) for a proposed activity, from what identifies it."""
    return hashlib.sha256("\0".join(str(p) for p in parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Proposal:
    pk: int
    key: str
    name: str
    start: date | None
    end: date | None
    states: list[str]
    documents: int
    claims: int
    payload: dict[str, Any]
    status: str
    created_at: datetime
    decided_at: datetime | None
    decided_by: str | None
    activity_id: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.pk,
            "key": self.key,
            "name": self.name,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "states": self.states,
            "documents": self.documents,
            "claims": self.claims,
            "status": self.status,
            "created_at": self.created_at.isoformat(),
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "decided_by": self.decided_by,
            "activity_id": self.activity_id,
            "dossier": self.payload,
        }


@dataclass(frozen=True)
class NewProposal:
    """What an ingest proposes: merged into a pending proposal with the same key."""

    key: str
    name: str
    start: date | None
    end: date | None
    states: list[str]
    documents: int
    payload: dict[str, Any]


def _proposal(row: Any) -> Proposal:
    return Proposal(
        pk=row.pk,
        key=row.key,
        name=row.name,
        start=row.start_date,
        end=row.end_date,
        states=[s for s in row.states.split(",") if s],
        documents=row.documents,
        claims=row.claims,
        payload=json.loads(row.payload_json),
        status=row.status,
        created_at=row.created_at,
        decided_at=row.decided_at,
        decided_by=row.decided_by,
        activity_id=row.activity_id,
    )


def list_proposals(store: Store, status: str | None = PENDING) -> list[Proposal]:
    """Proposals with this status (None: all), oldest first."""
    query = select(ReviewProposalRow).order_by(ReviewProposalRow.pk)
    if status is not None:
        query = query.where(ReviewProposalRow.status == status)
    with store._read() as conn:
        return [_proposal(r) for r in conn.execute(query)]


def get_proposal(store: Store, pk: int) -> Proposal:
    with store._read() as conn:
        row = conn.execute(select(ReviewProposalRow).where(ReviewProposalRow.pk == pk)).first()
    if row is None:
        raise StoreError(f"no proposal {pk} (see `csbm db review`)")
    return _proposal(row)


def _merge_payload(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """`old` with the sources and claims of `new` it lacks (by id), States joined."""
    merged = dict(old)
    have = {s["id"] for s in old.get("sources", [])}
    added = [s for s in new.get("sources", []) if s["id"] not in have]
    ids = {s["id"] for s in added}
    merged["sources"] = [*old.get("sources", []), *added]
    merged["claims"] = [
        *old.get("claims", []),
        *(c for c in new.get("claims", []) if c["source"] in ids),
    ]
    activity = dict(old["activity"])
    for role in ("conducting_states", "host_states"):
        joined = dict.fromkeys([*activity.get(role, []), *new["activity"].get(role, [])])
        activity[role] = list(joined)
    for end in ("start", "end"):
        if activity.get(end) is None:
            activity[end] = new["activity"].get(end)
    merged["activity"] = activity
    return merged


def _states(payload: dict[str, Any]) -> str:
    a = payload["activity"]
    return ",".join(dict.fromkeys([*a.get("conducting_states", []), *a.get("host_states", [])]))


def upsert_proposals(store: Store, proposals: Sequence[NewProposal]) -> dict[str, int]:
    """Record proposals in one transaction: new keys are created, pending ones gain the
    sources they lack, decided ones are left alone. Returns counts by outcome."""
    counts = {"created": 0, "updated": 0, "unchanged": 0, "decided": 0}

    def write(conn: Connection, now: datetime) -> dict[str, int]:
        for p in proposals:
            # Locked: a concurrent ingest merging into the same proposal waits, then sees
            # this one's sources (a new key taken meanwhile fails the unique key: retried).
            row = conn.execute(
                select(ReviewProposalRow).where(ReviewProposalRow.key == p.key).with_for_update()
            ).first()
            if row is None:
                conn.execute(
                    insert(ReviewProposalRow).values(
                        key=p.key,
                        name=p.name,
                        start_date=p.start,
                        end_date=p.end,
                        states=_states(p.payload),
                        documents=p.documents,
                        claims=len(p.payload.get("claims", [])),
                        payload_json=json.dumps(p.payload, ensure_ascii=False),
                        status=PENDING,
                        created_at=now,
                    )
                )
                counts["created"] += 1
                continue
            if row.status != PENDING:
                counts["decided"] += 1
                continue
            old = json.loads(row.payload_json)
            merged = _merge_payload(old, p.payload)
            if merged == old:
                counts["unchanged"] += 1
                continue
            added = len(merged["sources"]) - len(old.get("sources", []))
            conn.execute(
                update(ReviewProposalRow)
                .where(ReviewProposalRow.pk == row.pk)
                .values(
                    start_date=row.start_date or p.start,
                    end_date=row.end_date or p.end,
                    states=_states(merged),
                    documents=row.documents + added,
                    claims=len(merged.get("claims", [])),
                    payload_json=json.dumps(merged, ensure_ascii=False),
                )
            )
            counts["updated"] += 1
        return counts

    return store._write("recording proposals", write)


def _validated(payload: dict[str, Any], where: str) -> Dossier:
    try:
        return Dossier.model_validate(payload)
    except ValidationError as exc:
        problems = [
            Problem(
                str(e["msg"]),
                field=".".join(str(x) for x in e["loc"]) or None,
            )
            for e in exc.errors()
        ]
        problems.append(
            Problem(
                "complete the dossier (`csbm db review --format json` shows it) or accept it "
                "into a recorded activity with --as ACTIVITY_ID"
            )
        )
        raise InputError(where, problems) from None


def accept_proposal(
    store: Store, pk: int, *, as_id: str | None = None, by: str | None = None
) -> tuple[Proposal, ImportReport]:
    """Import a pending proposal as an activity (or into the recorded activity `as_id`).

    One transaction: the proposal is locked and checked to be pending, the activity read
    as it is then (so claims another writer just added are kept), the dossier recorded and
    the decision kept; two people accepting at once get one import and one clear refusal.
    """
    who = by or default_user()
    where = f"proposal {pk}"

    def write(conn: Connection, now: datetime) -> ImportReport:
        row = conn.execute(
            select(ReviewProposalRow).where(ReviewProposalRow.pk == pk).with_for_update()
        ).first()
        if row is None:
            raise StoreError(f"no proposal {pk} (see `csbm db review`)")
        if row.status != PENDING:
            raise StoreError(f"proposal {pk} was already {row.status} by {row.decided_by}")
        payload = json.loads(row.payload_json)
        recorded = (
            as_id is not None
            and conn.execute(select(ActivityRow.pk).where(ActivityRow.activity_id == as_id)).first()
            is not None
        )
        if recorded:
            assert as_id is not None
            current = store._current(conn, [as_id])[as_id]
            base = current.model_dump(mode="json", exclude_none=True)
            have = {s.id for s in current.sources}
            clash = [s["id"] for s in payload.get("sources", []) if s["id"] in have]
            if clash:
                raise StoreError(f"{as_id} already has the source(s) {', '.join(clash)}")
            base["sources"] = [*base.get("sources", []), *payload.get("sources", [])]
            base["claims"] = [*base.get("claims", []), *payload.get("claims", [])]
            dossier = _validated(base, where)
        else:
            if as_id is not None:
                payload = {**payload, "activity": {**payload["activity"], "id": as_id}}
            dossier = _validated(payload, where)
            taken = conn.execute(
                select(ActivityRow.pk).where(ActivityRow.activity_id == dossier.activity.id)
            ).first()
            if taken is not None:
                raise StoreError(
                    f"an activity {dossier.activity.id} is already recorded: accept with "
                    f"--as {dossier.activity.id} to add the claims to it, or --as NEW_ID"
                )
        report = store._record(conn, now, [dossier], who)
        _decide_in(conn, now, pk, ACCEPTED, who, dossier.activity.id)
        return report

    report = store._write(f"accepting proposal {pk}", write)
    return get_proposal(store, pk), report


def reject_proposal(store: Store, pk: int, *, by: str | None = None) -> Proposal:
    proposal = get_proposal(store, pk)
    if proposal.status != PENDING:
        raise StoreError(f"proposal {pk} was already {proposal.status} by {proposal.decided_by}")
    _decide(store, pk, REJECTED, by or default_user(), None)
    return get_proposal(store, pk)


def _decide(store: Store, pk: int, status: str, who: str, activity_id: str | None) -> None:
    store._write(
        f"recording the decision on proposal {pk}",
        lambda conn, now: _decide_in(conn, now, pk, status, who, activity_id),
    )


def _decide_in(
    conn: Connection, now: datetime, pk: int, status: str, who: str, activity_id: str | None
) -> None:
    done = conn.execute(
        update(ReviewProposalRow)
        .where(ReviewProposalRow.pk == pk, ReviewProposalRow.status == PENDING)
        .values(status=status, decided_at=now, decided_by=who, activity_id=activity_id)
    )
    if done.rowcount != 1:
        raise StoreError(f"proposal {pk} was decided by someone else meanwhile")


__all__ = [
    "ACCEPTED",
    "PENDING",
    "REJECTED",
    "STATUSES",
    "NewProposal",
    "Proposal",
    "accept_proposal",
    "get_proposal",
    "list_proposals",
    "proposal_key",
    "reject_proposal",
    "upsert_proposals",
]
