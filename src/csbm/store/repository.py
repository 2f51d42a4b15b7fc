"""The repository: dossiers in and out of the database, revisions, saved assessments.

Everything that writes goes through `Store._write`, which runs one function in one
transaction and retries it when the database says "try again" (SQLite busy past its
timeout, a PostgreSQL deadlock or serialisation failure, or two writers creating the same
activity at once). So an import of many files is all or nothing, and concurrent writers
queue rather than overwrite each other:

- an activity that already exists is read ``FOR UPDATE`` (PostgreSQL) or under the
  database write lock (SQLite, ``BEGIN IMMEDIATE``) before its version is bumped, so two
  writers never both turn version 3 into version 4;
- a new activity is inserted; if another writer inserted it first, the unique key on
  ``activity_id`` fails, the transaction is retried and then sees the row.

A change to what is recorded (adding a text's claims, accepting a proposal into an
activity, ingesting a batch) is a read-modify-write: `Store.update_dossiers` reads the
current dossiers *inside* the write transaction, after the lock is held, and hands them
to the caller's function, so the change is always applied to the latest version and two
concurrent changes both end up on record. A write that was prepared against a version
the caller read earlier can say so (``expect``): if that version is no longer current the
write is refused with `ConflictError` (the web answers 409) instead of replacing it.

Reads run in one transaction (REPEATABLE READ on PostgreSQL, a WAL snapshot on SQLite), so
a dossier is never assembled from rows of two different versions.
"""

from __future__ import annotations

import getpass
import json
import os
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar, cast

from sqlalchemy import (
    Connection,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from csbm.model.dossier import Claim, Dossier
from csbm.rules.assess import Assessment
from csbm.store import convert
from csbm.store.diff import summarize
from csbm.store.engine import check_schema, first_line, make_engine, migrate, write_transaction
from csbm.store.errors import ConflictError, StoreError
from csbm.store.models import (
    CHILD_TABLES,
    ActivityRow,
    ActivityStateRow,
    ActRow,
    ActStateRow,
    AliasRow,
    AssessmentRow,
    ClaimRow,
    FindingRow,
    LocationRow,
    RevisionRow,
    SourceRow,
)
from csbm.store.url import display, resolve_url, sqlite_path

T = TypeVar("T")

CHUNK = 500  # dossiers per batch of inserts; also bounds SQL parameter lists
MAX_ATTEMPTS = 12

Progress = Callable[[int, int], None]

_ACTIVITIES = cast(Table, ActivityRow.__table__)
# Unique keys two writers can race to take with a new row; the loser retries and sees it.
_RACED_KEYS = {"uq_activities_activity_id", "uq_review_proposals_key"}


def default_user() -> str:
    """Who is recording: the OS user (or $USER), for the revision history."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a container
        return os.environ.get("USER") or "unknown"


@dataclass(frozen=True)
class ImportReport:
    """What one import did, activity ids by outcome."""

    created: list[str]
    updated: list[str]
    unchanged: list[str]
    recorded_at: datetime
    by: str
    # The version of every activity named in the import after it (new, changed or not).
    versions: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged)


@dataclass(frozen=True)
class ActivitySummary:
    activity_id: str
    name: str
    kind: str
    start: date
    end: date
    conducting_states: list[str]
    host_states: list[str]
    version: int
    recorded_at: datetime
    recorded_by: str
    sources: int
    claims: int
    acts: int


@dataclass(frozen=True)
class Revision:
    """One version of an activity: who recorded it, when, what changed from the one
    before, and that previous dossier (None for the first version)."""

    activity_id: str
    version: int
    recorded_at: datetime
    recorded_by: str
    change: str
    summary: list[str]
    previous_json: str | None
    content_hash: str

    def previous(self) -> Dossier | None:
        return None if self.previous_json is None else convert.dossier_from_json(self.previous_json)


@dataclass(frozen=True)
class ClaimRecord:
    """A claim as stored, with its activity, id and both times."""

    activity_id: str
    claim_key: str
    claim: Claim
    known_from: date | None
    recorded_at: datetime


@dataclass(frozen=True)
class SavedAssessment:
    pk: int
    activity_id: str
    dossier_hash: str
    ruleset: str | None
    overlays: list[str]
    as_of: date | None
    recorded_as_of: datetime | None
    created_at: datetime
    created_by: str
    outcomes: dict[str, dict[str, int]] = field(default_factory=dict)

    def result(self, store: Store) -> dict[str, Any]:
        """The whole assessment as `Assessment.as_json()` gave it when saved."""
        return store.assessment_json(self.pk)


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _retryable(exc: BaseException) -> bool:
    """Whether the database asked us to try the transaction again."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate in {"40001", "40P01"}:  # serialisation failure, deadlock
        return True
    if sqlstate == "23505":  # unique violation: only a race on a new row is
        diag = getattr(orig, "diag", None)
        return getattr(diag, "constraint_name", None) in _RACED_KEYS
    text = str(orig).lower()
    return "database is locked" in text or "database is busy" in text


def _revalidated(dossier: Dossier) -> Dossier:
    """The dossier validated again, or StoreError naming the activity and the field."""
    from pydantic import ValidationError

    try:
        return Dossier.model_validate(dossier.model_dump())
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(map(str, first["loc"]))
        raise StoreError(f"{dossier.activity.id}: {where}: {first['msg']}") from None


class Store:
    """A csbm database. Open with a URL or path (see `resolve_url`); use as a context
    manager, or call `close()`."""

    def __init__(self, url: str | None = None, *, check: bool = True) -> None:
        self.url = resolve_url(url)
        path = sqlite_path(self.url)
        if check and path is not None and not path.exists():
            raise StoreError(f"no database at {path}: run `csbm db init` first")
        self.engine = make_engine(self.url)
        if check:
            try:
                check_schema(self.engine)
            except BaseException:
                self.engine.dispose()
                raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def where(self) -> str:
        return display(self.url)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    # -----------------------------------------------------------------------------------
    # Transactions

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            raise StoreError(f"{doing} in {self.where} failed: {first_line(exc)}") from exc

    def _write(self, doing: str, fn: Callable[[Connection, datetime], T]) -> T:
        """Run `fn` in one write transaction, retrying when the database asks to."""
        with self._errors(doing):
            for attempt in range(1, MAX_ATTEMPTS + 1):
                try:
                    with write_transaction(self.engine) as conn:
                        # Taken after the write lock (SQLite) is held: transaction times
                        # follow the order in which writers commit.
                        return fn(conn, datetime.now(UTC))
                except DBAPIError as exc:
                    if attempt == MAX_ATTEMPTS or not _retryable(exc):
                        raise
                    time.sleep(random.uniform(0.005, 0.02) * attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._errors("reading"), self.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    # -----------------------------------------------------------------------------------
    # Import

    def import_dossiers(
        self,
        dossiers: Sequence[Dossier],
        *,
        by: str | None = None,
        progress: Progress | None = None,
        expect: Mapping[str, int | None] | None = None,
    ) -> ImportReport:
        """Record dossiers in one transaction: new ones are created, changed ones updated
        in place with the previous version kept as a revision, equal ones left alone.

        `expect` maps activity ids to the version the caller based its dossier on (None:
        the activity must not exist yet); if another writer got there first the whole
        import is refused with `ConflictError`. `progress(done, total)` is called after
        each batch, inside the transaction.
        """
        ordered, hashes = self._prepared(dossiers)
        who = by or default_user()

        def write(conn: Connection, now: datetime) -> ImportReport:
            if expect:
                self._check_versions(conn, expect)
            return self._import(conn, now, ordered, hashes, who, progress)

        return self._write("importing", write)

    def update_dossiers(
        self,
        ids: Sequence[str],
        change: Callable[[dict[str, Dossier]], Sequence[Dossier]],
        *,
        by: str | None = None,
    ) -> ImportReport:
        """Read-modify-write: `change(current)` gets the recorded dossiers of `ids` as they
        are once this writer holds the lock, and returns the dossiers to record.

        Runs in one transaction, so no other write can land between the read and the
        write: a change is never made to a stale version, and never lost. `change` may
        run more than once (the transaction is retried when the database asks), so it
        must not have side effects; it may raise to abort (nothing is written).
        """
        who = by or default_user()

        def write(conn: Connection, now: datetime) -> ImportReport:
            return self._record(conn, now, change(self._current(conn, ids)), who)

        return self._write("updating", write)

    def _current(self, conn: Connection, ids: Sequence[str]) -> dict[str, Dossier]:
        """The recorded dossiers of `ids`, their rows locked for the rest of the transaction
        (``FOR UPDATE`` on PostgreSQL; SQLite's write transaction holds the database)."""
        wanted = sorted(dict.fromkeys(ids))
        locked = {
            r.activity_id: r.pk
            for r in conn.execute(
                select(ActivityRow.activity_id, ActivityRow.pk)
                .where(ActivityRow.activity_id.in_(wanted))
                .order_by(ActivityRow.activity_id)
                .with_for_update()
            )
        }
        missing = [i for i in wanted if i not in locked]
        if missing:
            raise StoreError(f"not in {self.where}: {', '.join(missing)}")
        loaded = _load_rows(conn, list(locked.values()), None)
        return {
            i: Dossier.model_validate(convert.from_rows(loaded[pk])[0]) for i, pk in locked.items()
        }

    def _record(
        self, conn: Connection, now: datetime, dossiers: Sequence[Dossier], by: str
    ) -> ImportReport:
        """Import inside a write transaction the caller holds (see `_write`)."""
        ordered, hashes = self._prepared(dossiers)
        return self._import(conn, now, ordered, hashes, by, None)

    @staticmethod
    def _prepared(dossiers: Sequence[Dossier]) -> tuple[list[Dossier], dict[str, str]]:
        """The dossiers checked for storing, in lock order, and their content hashes."""
        convert.check_model_coverage()
        # Validated again: a dossier made with model_copy(update=…) or model_construct is
        # not checked, and model_copy keeps the cached derived claim ids of the original.
        dossiers = [_revalidated(d) for d in dossiers]
        ids = [d.activity.id for d in dossiers]
        twice = sorted(k for k, n in Counter(ids).items() if n > 1)
        if twice:
            raise StoreError(f"activity id(s) given more than once: {', '.join(twice)}")
        hashes = {}
        for d in dossiers:
            text = convert.dossier_json(d)
            problems = convert.storable_problems(d, text)
            if problems:
                path, message = problems[0]
                raise StoreError(f"{d.activity.id}: {'.'.join(map(str, path))}: {message}")
            hashes[d.activity.id] = convert.content_hash(d, text)
        # A fixed order: PostgreSQL takes row locks in it, so writers cannot deadlock.
        return sorted(dossiers, key=lambda d: d.activity.id), hashes

    def _check_versions(self, conn: Connection, expect: Mapping[str, int | None]) -> None:
        rows = conn.execute(
            select(ActivityRow.activity_id, ActivityRow.version)
            .where(ActivityRow.activity_id.in_(sorted(expect)))
            .order_by(ActivityRow.activity_id)
            .with_for_update()
        )
        found = {r.activity_id: r.version for r in rows}
        stale = [
            f"{i} is at version {found[i]}, not {v}"
            if i in found
            else f"{i} is not recorded (expected version {v})"
            for i, v in sorted(expect.items())
            if found.get(i) != v and not (v is None and i not in found)
        ]
        if stale:
            raise ConflictError(
                "the record changed since it was read ("
                + "; ".join(stale)
                + "): nothing was written; read it again and resend"
            )

    def _import(
        self,
        conn: Connection,
        now: datetime,
        dossiers: Sequence[Dossier],
        hashes: Mapping[str, str],
        by: str,
        progress: Progress | None,
    ) -> ImportReport:
        created: list[str] = []
        updated: list[str] = []
        unchanged: list[str] = []
        versions: dict[str, int] = {}
        done = 0
        for chunk in _chunks(dossiers):
            existing = {
                r.activity_id: r
                for r in conn.execute(
                    select(
                        ActivityRow.pk,
                        ActivityRow.activity_id,
                        ActivityRow.content_hash,
                        ActivityRow.version,
                        ActivityRow.recorded_at,
                    )
                    .where(ActivityRow.activity_id.in_([d.activity.id for d in chunk]))
                    .order_by(ActivityRow.activity_id)
                    .with_for_update()
                )
            }
            new = [d for d in chunk if d.activity.id not in existing]
            changed = [
                d
                for d in chunk
                if d.activity.id in existing
                and existing[d.activity.id].content_hash != hashes[d.activity.id]
            ]
            unchanged += [
                d.activity.id
                for d in chunk
                if d.activity.id in existing
                and existing[d.activity.id].content_hash == hashes[d.activity.id]
            ]
            for d in chunk:
                row = existing.get(d.activity.id)
                versions[d.activity.id] = (
                    1 if row is None else row.version + (row.content_hash != hashes[d.activity.id])
                )
            all_rows: list[convert.Rows] = []
            revisions: list[dict[str, Any]] = []
            if new:
                fresh = [convert.to_rows(d, 0, now) for d in new]
                head = [
                    rows.activity
                    | {
                        "version": 1,
                        "content_hash": hashes[d.activity.id],
                        "created_at": now,
                        "recorded_at": now,
                        "recorded_by": by,
                    }
                    for d, rows in zip(new, fresh, strict=True)
                ]
                # A plain executemany and a select: faster than INSERT … RETURNING with
                # many rows, which makes one huge statement.
                conn.execute(insert(ActivityRow), head)
                query = select(ActivityRow.activity_id, ActivityRow.pk).where(
                    ActivityRow.activity_id.in_([d.activity.id for d in new])
                )
                pks = {r.activity_id: r.pk for r in conn.execute(query)}
                for d, rows in zip(new, fresh, strict=True):
                    pk = pks[d.activity.id]
                    rows.set_activity_pk(pk)
                    all_rows.append(rows)
                    revisions.append(
                        {
                            "activity_pk": pk,
                            "version": 1,
                            "recorded_at": now,
                            "recorded_by": by,
                            "change": "created",
                            "summary": "created",
                            "previous_json": None,
                            "content_hash": hashes[d.activity.id],
                        }
                    )
                created += [d.activity.id for d in new]
            if changed:
                pks_changed = [existing[d.activity.id].pk for d in changed]
                previous = self._previous(conn, pks_changed)
                heads = []
                for d in changed:
                    row = existing[d.activity.id]
                    old, carry = previous[row.pk]
                    # Transaction times never run backwards within one activity.
                    at = max(now, row.recorded_at)
                    rows = convert.to_rows(d, row.pk, at, carry)
                    all_rows.append(rows)
                    heads.append(
                        rows.activity
                        | {
                            "b_pk": row.pk,
                            "version": row.version + 1,
                            "content_hash": hashes[d.activity.id],
                            "recorded_at": at,
                            "recorded_by": by,
                        }
                    )
                    revisions.append(
                        {
                            "activity_pk": row.pk,
                            "version": row.version + 1,
                            "recorded_at": at,
                            "recorded_by": by,
                            "change": "updated",
                            "summary": "\n".join(summarize(old, d)),
                            "previous_json": convert.dossier_json(old),
                            "content_hash": hashes[d.activity.id],
                        }
                    )
                for table in CHILD_TABLES:
                    conn.execute(delete(table).where(table.c.activity_pk.in_(pks_changed)))
                columns = [k for k in heads[0] if k != "b_pk"]
                conn.execute(
                    update(_ACTIVITIES)
                    .where(_ACTIVITIES.c.pk == bindparam("b_pk"))
                    .values({k: bindparam(k) for k in columns}),
                    heads,
                )
                updated += [d.activity.id for d in changed]
            self._insert_children(conn, all_rows)
            if revisions:
                conn.execute(insert(RevisionRow), revisions)
            done += len(chunk)
            if progress is not None:
                progress(done, len(dossiers))
        return ImportReport(created, updated, unchanged, now, by, versions)

    @staticmethod
    def _insert_children(conn: Connection, all_rows: Sequence[convert.Rows]) -> None:
        # Parents before children: sources before what cites them, acts before act_states.
        for model, attr in (
            (ActivityStateRow, "activity_states"),
            (AliasRow, "aliases"),
            (SourceRow, "sources"),
            (LocationRow, "locations"),
            (ClaimRow, "claims"),
            (ActRow, "acts"),
            (ActStateRow, "act_states"),
        ):
            batch = [r for rows in all_rows for r in getattr(rows, attr)]
            if batch:
                conn.execute(insert(model), batch)

    def _previous(
        self, conn: Connection, pks: list[int]
    ) -> dict[int, tuple[Dossier, convert.Carry]]:
        """The current dossiers of activities about to change, and the transaction times
        of their claims and acts (to be carried over where unchanged)."""
        loaded = _load_rows(conn, pks, None)
        out = {}
        for pk, rows in loaded.items():
            data, _keys = convert.from_rows(rows)
            dossier = Dossier.model_validate(data)
            carry = convert.Carry.from_previous(
                dossier,
                [r["recorded_at"] for r in rows.claims],
                [r["recorded_at"] for r in rows.acts],
            )
            out[pk] = (dossier, carry)
        return out

    # -----------------------------------------------------------------------------------
    # Reading dossiers

    def load(
        self,
        ids: Sequence[str] | None = None,
        *,
        as_of: date | None = None,
        recorded_as_of: datetime | None = None,
    ) -> list[Dossier]:
        """Dossiers by activity id (all of them, sorted by id, if `ids` is None).

        `as_of` keeps only the claims and acts known on that date (knowledge time; see
        `convert.restrict` for what else that changes). `recorded_as_of` gives each
        dossier as the database held it at that moment (transaction time); an activity
        recorded only later is then unknown.
        """
        if recorded_as_of is not None and recorded_as_of.tzinfo is None:
            raise StoreError("recorded_as_of needs a time zone (e.g. UTC)")
        with self._read() as conn:
            pks = self._pks(conn, ids)
            if recorded_as_of is None:
                loaded = _load_rows(conn, list(pks.values()), as_of)
                out = []
                for pk in pks.values():
                    data, keys = convert.from_rows(loaded[pk])
                    if as_of is not None:
                        data = convert.restrict(data, keys, as_of)
                    out.append(Dossier.model_validate(data))
                return out
            past = self._as_recorded(conn, pks, recorded_as_of)
        missing = [k for k, d in past.items() if d is None]
        if ids is not None and missing:
            raise StoreError(
                f"not in {self.where} as recorded at {recorded_as_of.isoformat()}: "
                + ", ".join(missing)
            )
        dossiers = [d for d in past.values() if d is not None]
        return [convert.known_by(d, as_of) for d in dossiers] if as_of else dossiers

    def _pks(self, conn: Connection, ids: Sequence[str] | None) -> dict[str, int]:
        """Primary keys by activity id, in the order asked (sorted by id for all)."""
        if ids is None:
            query = select(ActivityRow.activity_id, ActivityRow.pk).order_by(
                ActivityRow.activity_id
            )
            return {r.activity_id: r.pk for r in conn.execute(query)}
        found: dict[str, int] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            query = select(ActivityRow.activity_id, ActivityRow.pk).where(
                ActivityRow.activity_id.in_(list(chunk))
            )
            found.update({r.activity_id: r.pk for r in conn.execute(query)})
        missing = [i for i in ids if i not in found]
        if missing:
            raise StoreError(f"not in {self.where}: {', '.join(missing)}")
        return {i: found[i] for i in dict.fromkeys(ids)}

    def _as_recorded(
        self, conn: Connection, pks: Mapping[str, int], at: datetime
    ) -> dict[str, Dossier | None]:
        """Each activity as recorded at `at`: the dossier a later revision replaced, or
        the current one if none did; None if it was created after `at`."""
        after: dict[int, str | None] = {}
        for chunk in _chunks(list(pks.values())):
            query = (
                select(RevisionRow.activity_pk, RevisionRow.previous_json)
                .where(RevisionRow.activity_pk.in_(list(chunk)), RevisionRow.recorded_at > at)
                .order_by(RevisionRow.activity_pk, RevisionRow.version)
            )
            for r in conn.execute(query):
                after.setdefault(r.activity_pk, r.previous_json)
        current = _load_rows(conn, [pk for pk in pks.values() if pk not in after], None)
        out: dict[str, Dossier | None] = {}
        for activity_id, pk in pks.items():
            if pk in after:
                text = after[pk]
                out[activity_id] = None if text is None else convert.dossier_from_json(text)
            else:
                out[activity_id] = Dossier.model_validate(convert.from_rows(current[pk])[0])
        return out

    # -----------------------------------------------------------------------------------
    # Listing and history

    def activities(self) -> list[ActivitySummary]:
        with self._read() as conn:
            states: dict[int, dict[str, list[str]]] = {}
            query = select(ActivityStateRow).order_by(
                ActivityStateRow.activity_pk, ActivityStateRow.role, ActivityStateRow.position
            )
            session = Session(bind=conn)
            for s in session.scalars(query):
                states.setdefault(s.activity_pk, {}).setdefault(s.role, []).append(s.state)
            counts = {
                name: _pairs(
                    conn.execute(
                        select(model.activity_pk, func.count()).group_by(model.activity_pk)
                    )
                )
                for name, model in (("sources", SourceRow), ("claims", ClaimRow), ("acts", ActRow))
            }
            rows = session.scalars(select(ActivityRow).order_by(ActivityRow.activity_id))
            return [
                ActivitySummary(
                    activity_id=a.activity_id,
                    name=a.name,
                    kind=a.kind,
                    start=a.start_date,
                    end=a.end_date,
                    conducting_states=states.get(a.pk, {}).get("conducting", []),
                    host_states=states.get(a.pk, {}).get("host", []),
                    version=a.version,
                    recorded_at=a.recorded_at,
                    recorded_by=a.recorded_by,
                    sources=counts["sources"].get(a.pk, 0),
                    claims=counts["claims"].get(a.pk, 0),
                    acts=counts["acts"].get(a.pk, 0),
                )
                for a in rows
            ]

    def history(self, activity_id: str) -> list[Revision]:
        """Every version of an activity, oldest first."""
        with self._read() as conn:
            pk = self._pks(conn, [activity_id])[activity_id]
            query = (
                select(RevisionRow)
                .where(RevisionRow.activity_pk == pk)
                .order_by(RevisionRow.version)
            )
            return [
                Revision(
                    activity_id=activity_id,
                    version=r.version,
                    recorded_at=r.recorded_at,
                    recorded_by=r.recorded_by,
                    change=r.change,
                    summary=r.summary.splitlines(),
                    previous_json=r.previous_json,
                    content_hash=r.content_hash,
                )
                for r in Session(bind=conn).scalars(query)
            ]

    def claims_of_source(self, source_id: str) -> list[ClaimRecord]:
        """Every claim that cites a source of this id, in any dossier."""
        with self._read() as conn:
            query = (
                select(ActivityRow.activity_id, ClaimRow)
                .join(ActivityRow, ActivityRow.pk == ClaimRow.activity_pk)
                .where(ClaimRow.source_id == source_id)
                .order_by(ActivityRow.activity_id, ClaimRow.position)
            )
            out = []
            for activity_id, c in Session(bind=conn).execute(query):
                row = {col.key: getattr(c, col.key) for col in ClaimRow.__mapper__.column_attrs}
                out.append(
                    ClaimRecord(
                        activity_id=activity_id,
                        claim_key=c.claim_key,
                        claim=Claim.model_validate(convert.claim_data(row)),
                        known_from=c.known_from,
                        recorded_at=c.recorded_at,
                    )
                )
            return out

    def counts(self) -> dict[str, int]:
        """Rows per table (for checks and the benchmark)."""
        tables = [ActivityRow, RevisionRow, AssessmentRow, FindingRow]
        with self._read() as conn:
            out = {
                cast(Table, m.__table__).name: conn.execute(
                    select(func.count()).select_from(m)
                ).scalar_one()
                for m in tables
            }
            for table in CHILD_TABLES:
                out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
            return out

    def verify(self) -> list[str]:
        """Problems found by reading everything back: the database's own integrity check
        (SQLite), and every dossier reassembled from its rows matching the hash recorded
        when it was imported. An empty list means the database is consistent."""
        problems: list[str] = []
        with self._read() as conn:
            if conn.dialect.name == "sqlite":
                for (line,) in conn.exec_driver_sql("PRAGMA integrity_check"):
                    if line != "ok":
                        problems.append(f"integrity_check: {line}")
                for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                    problems.append(f"foreign_key_check: {tuple(row)}")
            pks = self._pks(conn, None)
            hashes = _pairs(conn.execute(select(ActivityRow.pk, ActivityRow.content_hash)))
            versions = _pairs(conn.execute(select(ActivityRow.pk, ActivityRow.version)))
            revs = _pairs(
                conn.execute(
                    select(RevisionRow.activity_pk, func.max(RevisionRow.version)).group_by(
                        RevisionRow.activity_pk
                    )
                )
            )
            for chunk in _chunks(list(pks.items())):
                loaded = _load_rows(conn, [pk for _, pk in chunk], None)
                for activity_id, pk in chunk:
                    try:
                        dossier = Dossier.model_validate(convert.from_rows(loaded[pk])[0])
                    except ValueError as exc:
                        problems.append(f"{activity_id}: does not reassemble: {exc}")
                        continue
                    if convert.content_hash(dossier) != hashes[pk]:
                        problems.append(f"{activity_id}: rows differ from the recorded hash")
                    if revs.get(pk) != versions[pk]:
                        problems.append(
                            f"{activity_id}: version {versions[pk]} but last revision "
                            f"{revs.get(pk)}"
                        )
        return problems

    # -----------------------------------------------------------------------------------
    # Saved assessments

    def save_assessments(
        self,
        results: Iterable[Assessment],
        *,
        by: str | None = None,
        recorded_as_of: datetime | None = None,
    ) -> list[int]:
        """Keep assessments (ruleset, overlays, as-of, every finding); return their keys.

        The activity of each must be in the database. With `recorded_as_of`, say which
        state of the record they were made from.
        """
        who = by or default_user()
        results = list(results)

        def save(conn: Connection, now: datetime) -> list[int]:
            ids = [r.dossier.activity.id for r in results]
            pks = self._pks(conn, ids)
            keys = []
            for r in results:
                head = {
                    "activity_pk": pks[r.dossier.activity.id],
                    "dossier_hash": convert.content_hash(r.dossier),
                    "ruleset": r.ruleset.id if r.ruleset else None,
                    "overlays_json": convert.canonical_json([o.as_json() for o in r.overlays]),
                    "as_of": r.as_of,
                    "recorded_as_of": recorded_as_of,
                    "created_at": now,
                    "created_by": who,
                    "result_json": json.dumps(r.as_json(), ensure_ascii=False),
                }
                inserted = conn.execute(insert(AssessmentRow).returning(AssessmentRow.pk), head)
                pk = inserted.scalar_one()
                findings = [
                    {
                        "assessment_pk": pk,
                        "scenario": scenario.value,
                        "position": i,
                        "rule": f.rule,
                        "subject": f.subject,
                        "outcome": f.outcome.value,
                        "applies": f.applies,
                        "reason": f.reason,
                    }
                    for scenario, sr in r.scenarios.items()
                    for i, f in enumerate(sr.findings)
                ]
                if findings:
                    conn.execute(insert(FindingRow), findings)
                keys.append(pk)
            return keys

        return self._write("saving assessments", save)

    def assessments(self, activity_id: str | None = None) -> list[SavedAssessment]:
        """Saved assessments (of one activity, or all), oldest first, with the number of
        findings per scenario and outcome."""
        with self._read() as conn:
            query = (
                select(AssessmentRow, ActivityRow.activity_id)
                .join(ActivityRow, ActivityRow.pk == AssessmentRow.activity_pk)
                .order_by(AssessmentRow.pk)
            )
            if activity_id is not None:
                pk = self._pks(conn, [activity_id])[activity_id]
                query = query.where(AssessmentRow.activity_pk == pk)
            rows = list(Session(bind=conn).execute(query))
            outcomes: dict[int, dict[str, dict[str, int]]] = {}
            keys = [a.pk for a, _ in rows]
            for chunk in _chunks(keys):
                counted = conn.execute(
                    select(
                        FindingRow.assessment_pk,
                        FindingRow.scenario,
                        FindingRow.outcome,
                        func.count(),
                    )
                    .where(FindingRow.assessment_pk.in_(list(chunk)))
                    .group_by(FindingRow.assessment_pk, FindingRow.scenario, FindingRow.outcome)
                )
                for apk, scenario, outcome, n in counted:
                    outcomes.setdefault(apk, {}).setdefault(scenario, {})[outcome] = n
            return [
                SavedAssessment(
                    pk=a.pk,
                    activity_id=aid,
                    dossier_hash=a.dossier_hash,
                    ruleset=a.ruleset,
                    overlays=[o["id"] for o in json.loads(a.overlays_json)],
                    as_of=a.as_of,
                    recorded_as_of=a.recorded_as_of,
                    created_at=a.created_at,
                    created_by=a.created_by,
                    outcomes={
                        s: dict(sorted(o.items())) for s, o in outcomes.get(a.pk, {}).items()
                    },
                )
                for a, aid in rows
            ]

    def assessment_json(self, pk: int) -> dict[str, Any]:
        with self._read() as conn:
            text = conn.execute(
                select(AssessmentRow.result_json).where(AssessmentRow.pk == pk)
            ).scalar_one_or_none()
        if text is None:
            raise StoreError(f"no saved assessment {pk} in {self.where}")
        result: dict[str, Any] = json.loads(text)
        return result


K = TypeVar("K")
V = TypeVar("V")


def _pairs(rows: Iterable[tuple[K, V]]) -> dict[K, V]:
    # Not dict(result): a SQLAlchemy result has keys(), so dict() would treat it as a mapping.
    return {k: v for k, v in rows}


def _load_rows(conn: Connection, pks: list[int], as_of: date | None) -> dict[int, convert.Loaded]:
    """The rows of the given activities, each list in dossier order. With `as_of`, only
    the claims and acts known by then (filtered in SQL, on the knowledge-time column)."""
    out: dict[int, convert.Loaded] = {}
    for chunk in _chunks(pks):
        keys = list(chunk)
        for r in conn.execute(select(_ACTIVITIES).where(_ACTIVITIES.c.pk.in_(keys))).mappings():
            out[r["pk"]] = convert.Loaded(activity=r)
        for model, attr, order in (
            (ActivityStateRow, "activity_states", ("role", "position")),
            (AliasRow, "aliases", ("position",)),
            (SourceRow, "sources", ("position",)),
            (LocationRow, "locations", ("position",)),
            (ClaimRow, "claims", ("position",)),
            (ActRow, "acts", ("position",)),
            (ActStateRow, "act_states", ("act_position", "role", "position")),
        ):
            table = cast(Table, model.__table__)
            query = select(table).where(table.c.activity_pk.in_(keys))
            if as_of is not None and attr in {"claims", "acts"}:
                query = query.where(table.c.known_from.is_not(None), table.c.known_from <= as_of)
            query = query.order_by(table.c.activity_pk, *(table.c[c] for c in order))
            for r in conn.execute(query).mappings():
                getattr(out[r["activity_pk"]], attr).append(r)
    return out


def open_store(url: str | None = None) -> Store:
    """The csbm database at `url` (or `CSBM_DATABASE_URL`, or the default file)."""
    return Store(url)


def init_store(url: str | None = None) -> tuple[str, str | None]:
    """Create the database if needed and bring its schema to the latest revision.

    Returns the URL (for display) and the revision now in place.
    """
    resolved = resolve_url(url)
    engine = make_engine(resolved)
    try:
        revision = migrate(engine)
    except SQLAlchemyError as exc:
        raise StoreError(f"setting up {display(resolved)} failed: {first_line(exc)}") from exc
    finally:
        engine.dispose()
    return display(resolved), revision


__all__ = [
    "ActivitySummary",
    "ClaimRecord",
    "ImportReport",
    "Revision",
    "SavedAssessment",
    "Store",
    "default_user",
    "init_store",
    "open_store",
]
