"""`csbm batch ingest`: claims from a batch output into the store.

Each document with claims becomes one ``media`` source with its claims (the quote is the
evidence text, the speaker ``attributed_to`` and ``originator``). It goes to a recorded
activity when the document's exercise is that activity, by the extractor's link to a
bundled dossier or by name or alias (words compared case-folded), *and* the dates agree:
the document's period meets the activity's (a week's slack at either end), or, without a
period, the exercise's year is the activity's. Otherwise it goes to a proposal for the
exercise and year (`csbm db review`). Documents whose claims name no exercise cannot be
placed and are counted as such.

Ingest is idempotent: a source's id comes from the document's URL (else its text's hash),
and a source an activity or proposal already has is not added again. Partitions are read
one at a time; activities are written in batches, each in one transaction.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pydantic import ValidationError
from sqlalchemy import select

from csbm.batch.dataset import Dataset, is_batch_output
from csbm.errors import UsageError
from csbm.extract import EXTRACTOR_VERSION
from csbm.extract.gazetteer import tokens
from csbm.extract.output.dossier import figure_claim, slug
from csbm.model.dossier import Claim, Dossier, Source, SourceKind, is_web_address
from csbm.store.models import ActivityRow, AliasRow
from csbm.store.repository import Store, default_user
from csbm.store.review import NewProposal, proposal_key, upsert_proposals

SLACK = timedelta(days=7)
# Activities changed per import transaction: bounds memory and transaction size.
FLUSH_SOURCES = 5000


@dataclass
class IngestReport:
    where: str = ""
    documents: int = 0  # documents with claims read
    linked: int = 0  # new sources on recorded activities
    already: int = 0  # documents already ingested (source present)
    proposed: int = 0  # documents put on proposals
    unplaced: int = 0  # claims naming no exercise
    invalid: int = 0  # claims the dossier model refused
    claims_added: int = 0
    activities: list[str] = field(default_factory=list)
    proposals: Counter[str] = field(default_factory=Counter)
    invalid_reasons: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        return {
            "database": self.where,
            "documents_with_claims": self.documents,
            "linked": self.linked,
            "already_ingested": self.already,
            "proposed": self.proposed,
            "unplaced": self.unplaced,
            "invalid_claims": self.invalid,
            "invalid_reasons": dict(self.invalid_reasons),
            "claims_added": self.claims_added,
            "activities": sorted(self.activities),
            "proposals": dict(self.proposals),
        }

    def lines(self) -> list[tuple[str, str]]:
        p = self.proposals
        return [
            ("documents with claims", f"{self.documents:,}"),
            (
                "added to recorded activities",
                f"{self.linked:,} ({len(self.activities)} activities)",
            ),
            ("claims added", f"{self.claims_added:,}"),
            ("already ingested", f"{self.already:,}"),
            ("for review", f"{self.proposed:,}"),
            (
                "proposals",
                f"{p['created']} new, {p['updated']} updated, {p['unchanged']} unchanged, "
                f"{p['decided']} already decided",
            ),
            ("no exercise named (not placed)", f"{self.unplaced:,}"),
            ("claims refused by the dossier model", f"{self.invalid:,}"),
        ]


@dataclass(frozen=True)
class _Known:
    activity_id: str
    start: date
    end: date


def _known(store: Store) -> tuple[dict[tuple[str, ...], list[_Known]], dict[str, _Known]]:
    """Recorded activities by the words of their names and aliases, and by id."""
    by_words: dict[tuple[str, ...], list[_Known]] = defaultdict(list)
    by_id: dict[str, _Known] = {}
    with store._read() as conn:
        rows = conn.execute(
            select(
                ActivityRow.pk,
                ActivityRow.activity_id,
                ActivityRow.name,
                ActivityRow.start_date,
                ActivityRow.end_date,
            )
        ).all()
        aliases = conn.execute(select(AliasRow.activity_pk, AliasRow.name)).all()
    names: dict[int, list[str]] = defaultdict(list)
    for pk, alias in aliases:
        names[pk].append(alias)
    for pk, activity_id, name, start, end in rows:
        k = _Known(activity_id, start, end)
        by_id[activity_id] = k
        for n in [name, *names[pk]]:
            by_words[tokens(n)].append(k)
    return by_words, by_id


def _dates_agree(k: _Known, doc: dict[str, Any]) -> bool:
    start, end = doc["period_start"], doc["period_end"]
    if start is not None or end is not None:
        first, last = start or end, end or start
        return bool(first <= k.end + SLACK and last >= k.start - SLACK)
    year = doc["year"]
    return year is not None and year in (k.start.year, k.end.year)


def _match(
    doc: dict[str, Any], by_words: dict[tuple[str, ...], list[_Known]], by_id: dict[str, _Known]
) -> str | None:
    candidates: list[_Known] = []
    if doc["activity_id"] in by_id:
        candidates.append(by_id[doc["activity_id"]])
    if doc["exercise"]:
        candidates.extend(by_words.get(tokens(doc["exercise"]), []))
    fitting = sorted(
        {k.activity_id: k for k in candidates if _dates_agree(k, doc)}.values(),
        key=lambda k: k.activity_id,
    )
    return fitting[0].activity_id if fitting else None


def _source(doc: dict[str, Any]) -> Source:
    ident = doc["url"] or doc["sha256"]
    source_id = "batch-" + hashlib.sha256(ident.encode("utf-8")).hexdigest()[:16]
    # A dossier's url is a web address; an archive's own reference is kept as the symbol.
    url = doc["url"] if doc["url"] and is_web_address(doc["url"]) else None
    symbol = None if url else (doc["url"] or f"sha256:{doc['sha256'][:16]}")
    host = urlparse(url).hostname if url else None
    return Source(
        id=source_id,
        kind=SourceKind.MEDIA,
        publisher=(host or "unknown publisher (to be filled in)").removeprefix("www."),
        published=doc["published"],
        url=url,
        symbol=symbol,
        note=f"Claims extracted by csbm batch (extractor "
        f"{doc['extractor_version'] or EXTRACTOR_VERSION}) from {doc['file']} line "
        f"{doc['line']}; review each against the text.",
    )


def _claims(source_id: str, rows: list[dict[str, Any]], report: IngestReport) -> list[Claim]:
    out: list[Claim] = []
    seen: Counter[str] = Counter()
    for r in rows:
        try:
            out.append(
                figure_claim(
                    source_id,
                    seen,
                    quantity=r["quantity"],
                    value=r["value"],
                    low=r["low"],
                    high=r["high"],
                    qualifier=r["qualifier"],
                    scope=r["scope"],
                    contingent=r["contingent"],
                    declared_by=r["declared_by"],
                    attributed_to=r["attributed_to"],
                    quote=r["evidence_text"],
                )
            )
        except ValidationError as exc:
            report.invalid += 1
            report.invalid_reasons[str(exc.errors()[0]["msg"])] += 1
    return out


def _proposal(doc: dict[str, Any], source: Source, claims: list[Claim]) -> NewProposal:
    name = doc["exercise"]
    year = doc["year"] or (doc["period_start"] or doc["published"] or date.min).year
    words = " ".join(tokens(name))
    activity = {
        "id": slug(name),
        "name": name,
        "kind": "land_exercise",
        "conducting_states": list(doc["participants"] or []),
        "host_states": list(doc["hosts"] or []),
        "start": doc["period_start"].isoformat() if doc["period_start"] else None,
        "end": doc["period_end"].isoformat() if doc["period_end"] else None,
        "notes": "Proposed by csbm batch ingest from extracted claims: kind land_exercise is "
        "assumed, and the States and dates were read by rules; check them.",
    }
    payload = {
        "csbm": 1,
        "activity": activity,
        "sources": [source.model_dump(mode="json", exclude_none=True)],
        "claims": [c.model_dump(mode="json", exclude_none=True) for c in claims],
    }
    return NewProposal(
        key=proposal_key("batch", words, year),
        name=name,
        start=doc["period_start"],
        end=doc["period_end"],
        states=[],
        documents=1,
        payload=payload,
    )


class _Pending:
    """Sources waiting to be written: per activity, and as proposals."""

    def __init__(self) -> None:
        self.linked: dict[str, list[tuple[Source, list[Claim]]]] = defaultdict(list)
        self.proposals: list[NewProposal] = []

    def size(self) -> int:
        return sum(len(v) for v in self.linked.values()) + len(self.proposals)


def _flush(store: Store, pending: _Pending, report: IngestReport, by: str) -> None:
    if pending.linked:
        ids = sorted(pending.linked)
        # Counted per attempt and kept only once the write succeeded: the change runs in
        # the write transaction and may be run again when the database asks for a retry.
        counted: list[IngestReport] = []

        def append(recorded: dict[str, Dossier]) -> list[Dossier]:
            tally = IngestReport()
            counted[:] = [tally]
            dossiers = []
            for activity_id in ids:
                current = recorded[activity_id]
                have = {s.id for s in current.sources}
                urls = {s.url for s in current.sources if s.url}
                sources, claims = list(current.sources), list(current.claims)
                for source, new in pending.linked[activity_id]:
                    if source.id in have or (source.url and source.url in urls):
                        tally.already += 1
                        continue
                    have.add(source.id)
                    sources.append(source)
                    claims.extend(new)
                    tally.linked += 1
                    tally.claims_added += len(new)
                    if activity_id not in tally.activities:
                        tally.activities.append(activity_id)
                if len(sources) > len(current.sources):
                    dossiers.append(
                        Dossier.model_validate(
                            {**current.model_dump(), "sources": sources, "claims": claims}
                        )
                    )
            return dossiers

        # Read and written in one transaction holding the activities' locks: a claim
        # added meanwhile (web, another ingest) is kept, not overwritten.
        store.update_dossiers(ids, append, by=by)
        [tally] = counted
        report.already += tally.already
        report.linked += tally.linked
        report.claims_added += tally.claims_added
        report.activities += [a for a in tally.activities if a not in report.activities]
    if pending.proposals:
        # One proposal per key per flush: merge the documents first.
        merged: dict[str, NewProposal] = {}
        for p in pending.proposals:
            if p.key in merged:
                old = merged[p.key]
                payload = dict(old.payload)
                known = {s["id"] for s in payload["sources"]}
                if p.payload["sources"][0]["id"] not in known:
                    payload["sources"] = [*payload["sources"], *p.payload["sources"]]
                    payload["claims"] = [*payload["claims"], *p.payload["claims"]]
                activity = dict(payload["activity"])
                for role in ("conducting_states", "host_states"):
                    activity[role] = list(
                        dict.fromkeys([*activity[role], *p.payload["activity"][role]])
                    )
                for end in ("start", "end"):
                    activity[end] = activity[end] or p.payload["activity"][end]
                payload["activity"] = activity
                merged[p.key] = NewProposal(
                    key=p.key,
                    name=old.name,
                    start=old.start or p.start,
                    end=old.end or p.end,
                    states=[],
                    documents=len(payload["sources"]),
                    payload=payload,
                )
            else:
                merged[p.key] = p
        report.proposals.update(upsert_proposals(store, list(merged.values())))
    pending.linked.clear()
    pending.proposals.clear()


def ingest(out: Path, db: str | None, *, by: str | None = None) -> IngestReport:
    """Ingest the finished partitions of a `csbm batch extract` output into the store."""
    if not is_batch_output(out):
        raise UsageError(f"{out}: not an output of `csbm batch extract` (no _batch.json)")
    dataset = Dataset(out)
    who = by or default_user()
    report = IngestReport()
    with Store(db) as store:
        report.where = store.where
        by_words, by_id = _known(store)
        pending = _Pending()
        for pid in dataset.finished():
            docs = [d for d in dataset.read("documents", pid).to_pylist() if d["claims"]]
            if not docs:
                continue
            rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for r in dataset.read("claims", pid).to_pylist():
                rows[r["doc_id"]].append(r)
            for doc in docs:
                report.documents += 1
                if not doc["exercise"]:
                    report.unplaced += 1
                    continue
                source = _source(doc)
                claims = _claims(source.id, rows[doc["doc_id"]], report)
                if not claims:
                    continue
                activity_id = _match(doc, by_words, by_id)
                if activity_id is not None:
                    pending.linked[activity_id].append((source, claims))
                else:
                    pending.proposals.append(_proposal(doc, source, claims))
                    report.proposed += 1
            if pending.size() >= FLUSH_SOURCES:
                _flush(store, pending, report, who)
        _flush(store, pending, report, who)
    return report


__all__ = ["IngestReport", "ingest"]
