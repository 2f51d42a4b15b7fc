"""The tables: one dossier spread over normalised rows, plus revisions and saved assessments.

Why normalised rather than one JSON blob per activity: so that the record can be queried
("every claim of source X", "every act recorded since Y", "every non-compliant finding")
and so that each claim and act carries its own two times:

- ``known_from``, the knowledge (valid) time: when the world could know it (a claim's
  ``stated`` date, else its source's ``published`` date; an act's own date when it was
  made, else its source's ``published`` date). ``--as-of`` filters on it.
- ``recorded_at``, the transaction time: when csbm first recorded that exact row. It is
  carried over when a dossier is re-imported with the row unchanged.

Every list of the dossier keeps a ``position`` column, so that the dossier read back is
equal to the one imported, order included. Children have composite keys
``(activity_pk, position)`` and name their source by ``(activity_pk, source_id)``: no
surrogate keys are needed for them, which lets an import insert each table in one batch.

All times are stored as UTC without a zone (SQLite has no zone type) and read back as
aware UTC datetimes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Dialect,
    Double,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so that migrations can name what they alter on both backends.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime, stored as naive UTC (the same on SQLite and PostgreSQL)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("csbm stores only aware datetimes (UTC)")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        return moment.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _activity_fk() -> Mapped[int]:
    return mapped_column(Integer, ForeignKey("activities.pk", ondelete="CASCADE"), primary_key=True)


class ActivityRow(Base):
    """One activity: the scalar fields of ``Dossier.activity`` and its current version."""

    __tablename__ = "activities"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    activity_id: Mapped[str] = mapped_column(Text, unique=True)
    format_version: Mapped[int] = mapped_column(SmallInteger)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(40))
    start_date: Mapped[date] = mapped_column(Date, index=True)
    end_date: Mapped[date] = mapped_column(Date)
    alert: Mapped[bool | None] = mapped_column(Boolean)
    single_operational_command: Mapped[bool | None] = mapped_column(Boolean)
    parent: Mapped[str | None] = mapped_column(Text)
    series: Mapped[str | None] = mapped_column(Text)
    conducting_organisation: Mapped[str | None] = mapped_column(Text)
    duration_hours: Mapped[int | None] = mapped_column(BigInteger)
    notes: Mapped[str | None] = mapped_column(Text)
    # Bookkeeping: the version counter, a hash of the dossier for "unchanged" checks, and
    # the transaction times of the first and the latest version.
    version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_by: Mapped[str] = mapped_column(Text)


class ActivityStateRow(Base):
    """``conducting_states`` and ``host_states``, in order (role says which list)."""

    __tablename__ = "activity_states"

    activity_pk: Mapped[int] = _activity_fk()
    role: Mapped[str] = mapped_column(String(10), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    state: Mapped[str] = mapped_column(String(3), index=True)


class AliasRow(Base):
    __tablename__ = "aliases"

    activity_pk: Mapped[int] = _activity_fk()
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, index=True)


class SourceRow(Base):
    __tablename__ = "sources"
    __table_args__ = (UniqueConstraint("activity_pk", "source_id"),)

    activity_pk: Mapped[int] = _activity_fk()
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No index of its own: PostgreSQL's foreign-key checks from claims and acts would pick
    # it over the unique (activity_pk, source_id) one while the table has no statistics
    # yet, and a large first import would scan half the table per claim.
    source_id: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(40))
    publisher: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(Text)
    symbol: Mapped[str | None] = mapped_column(Text)
    reliability: Mapped[str | None] = mapped_column(String(1))
    state: Mapped[str | None] = mapped_column(String(3))
    organisation: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


def _source_fk() -> ForeignKeyConstraint:
    # No cascade: a source still cited by a claim, act or location cannot be deleted.
    return ForeignKeyConstraint(
        ["activity_pk", "source_id"],
        ["sources.activity_pk", "sources.source_id"],
    )


class LocationRow(Base):
    __tablename__ = "locations"
    __table_args__ = (_source_fk(),)

    activity_pk: Mapped[int] = _activity_fk()
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Double)
    lon: Mapped[float | None] = mapped_column(Double)
    precision: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[str | None] = mapped_column(Text)


class ClaimRow(Base):
    __tablename__ = "claims"
    __table_args__ = (_source_fk(), Index("ix_claims_source", "source_id", "activity_pk"))

    activity_pk: Mapped[int] = _activity_fk()
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The id as written (None when the dossier gives none) and the id reports use
    # (explicit, or derived as source.quantity.n): the first for round trips, the second
    # for queries.
    claim_id: Mapped[str | None] = mapped_column(Text)
    claim_key: Mapped[str] = mapped_column(Text, index=True)
    quantity: Mapped[str] = mapped_column(String(40))
    value: Mapped[int | None] = mapped_column(BigInteger)
    low: Mapped[int | None] = mapped_column(BigInteger)
    high: Mapped[int | None] = mapped_column(BigInteger)
    # A bound instead of a figure: bound_strict is null exactly when there is no bound.
    bound_upper: Mapped[int | None] = mapped_column(BigInteger)
    bound_strict: Mapped[bool | None] = mapped_column(Boolean)
    bound_thresholds: Mapped[str | None] = mapped_column(String(20))
    qualifier: Mapped[str] = mapped_column(String(20))
    scope: Mapped[str | None] = mapped_column(Text)
    contingent: Mapped[str | None] = mapped_column(String(3))
    counted_under_vd: Mapped[bool | None] = mapped_column(Boolean)
    declared_by: Mapped[str | None] = mapped_column(String(3))
    attributed_to: Mapped[str | None] = mapped_column(Text)
    originator: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[str] = mapped_column(Text)
    credibility: Mapped[int | None] = mapped_column(SmallInteger)
    quote: Mapped[str | None] = mapped_column(Text)
    stated: Mapped[date | None] = mapped_column(Date)
    known_from: Mapped[date | None] = mapped_column(Date, index=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class ActRow(Base):
    __tablename__ = "acts"
    __table_args__ = (_source_fk(),)

    activity_pk: Mapped[int] = _activity_fk()
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    act_id: Mapped[str | None] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(40), index=True)
    made: Mapped[bool] = mapped_column(Boolean)
    # Dates of acts are a day or a moment (with or without a UTC offset); the ISO text
    # keeps that distinction exactly. known_from is the day used for --as-of.
    date_text: Mapped[str | None] = mapped_column(Text)
    requested_text: Mapped[str | None] = mapped_column(Text)
    # The source's words for when (the dossier's `date_text`).
    date_words: Mapped[str | None] = mapped_column(Text)
    answered: Mapped[bool | None] = mapped_column(Boolean)
    response: Mapped[str | None] = mapped_column(String(10))
    quota_cited: Mapped[bool | None] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(Text)
    held_from: Mapped[date | None] = mapped_column(Date)
    held_to: Mapped[date | None] = mapped_column(Date)
    # `to: []` and no `to` at all are different dossiers.
    to_given: Mapped[bool] = mapped_column(Boolean)
    source_id: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    known_from: Mapped[date | None] = mapped_column(Date, index=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class ActStateRow(Base):
    """An act's ``by`` and ``to`` States, and a meeting's ``attended`` (role ``att``) and
    ``stayed_away`` (role ``away``), in order."""

    __tablename__ = "act_states"
    __table_args__ = (
        ForeignKeyConstraint(
            ["activity_pk", "act_position"],
            ["acts.activity_pk", "acts.position"],
            ondelete="CASCADE",
        ),
    )

    activity_pk: Mapped[int] = _activity_fk()
    act_position: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(4), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    state: Mapped[str] = mapped_column(String(3), index=True)


class RevisionRow(Base):
    """One change to an activity: who, when, what changed, and the dossier before it.

    Version 1 is the creation (no previous dossier). The dossier as recorded at time T is
    the ``previous_json`` of the first revision recorded after T, or the current rows if
    there is none.
    """

    __tablename__ = "revisions"

    activity_pk: Mapped[int] = _activity_fk()
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    recorded_by: Mapped[str] = mapped_column(Text)
    change: Mapped[str] = mapped_column(String(10))
    summary: Mapped[str] = mapped_column(Text)
    previous_json: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))


class AssessmentRow(Base):
    """A saved assessment: under which ruleset, overlays and dates, and the whole result."""

    __tablename__ = "assessments"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    activity_pk: Mapped[int] = mapped_column(
        Integer, ForeignKey("activities.pk", ondelete="CASCADE"), index=True
    )
    # Hash of the dossier that was assessed: equal to a revision's content_hash when the
    # dossier was a recorded version (it need not be: --as-of filters it).
    dossier_hash: Mapped[str] = mapped_column(String(64))
    ruleset: Mapped[str | None] = mapped_column(String(40))
    overlays_json: Mapped[str] = mapped_column(Text)
    as_of: Mapped[date | None] = mapped_column(Date)
    recorded_as_of: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(Text)
    result_json: Mapped[str] = mapped_column(Text)


class FindingRow(Base):
    """The findings of a saved assessment, one row each, for queries by rule or outcome."""

    __tablename__ = "findings"

    assessment_pk: Mapped[int] = mapped_column(
        Integer, ForeignKey("assessments.pk", ondelete="CASCADE"), primary_key=True
    )
    scenario: Mapped[str] = mapped_column(String(20), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[str] = mapped_column(String(80), index=True)
    subject: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(20), index=True)
    applies: Mapped[bool | None] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(Text)


# Children of an activity, in the order they are deleted (dependants first).
CHILD_TABLES: list[Table] = [
    cast(Table, model.__table__)
    for model in (
        ActStateRow,
        ActRow,
        ClaimRow,
        LocationRow,
        SourceRow,
        AliasRow,
        ActivityStateRow,
    )
]

__all__ = [
    "CHILD_TABLES",
    "ActRow",
    "ActStateRow",
    "ActivityRow",
    "ActivityStateRow",
    "AliasRow",
    "AssessmentRow",
    "Base",
    "ClaimRow",
    "FindingRow",
    "LocationRow",
    "RevisionRow",
    "SourceRow",
    "UTCDateTime",
]


class ApiTokenRow(Base):
    """A token for the web app's write endpoints (`csbm token create`).

    Only a SHA-256 digest of the secret is kept: a copy of the database does not hand out
    write access. ``prefix`` (the first characters of the secret) lets a person tell their
    tokens apart in `csbm token list`.
    """

    __tablename__ = "api_tokens"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(String(16))
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(Text)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReviewProposalRow(Base):
    """Extracted claims that matched no recorded activity, waiting for a person's decision
    (`csbm batch ingest` writes them, `csbm db review` decides).

    ``key`` identifies the proposal (e.g. a hash of exercise name and dates), so that
    ingesting the same batch output twice does not propose the same activity twice.
    ``payload_json`` holds the proposed activity and its sources and claims, in the
    dossier's own format.
    """

    __tablename__ = "review_proposals"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(Text)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    states: Mapped[str] = mapped_column(Text)
    documents: Mapped[int] = mapped_column(Integer)
    claims: Mapped[int] = mapped_column(Integer)
    payload_json: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by: Mapped[str | None] = mapped_column(Text)
    activity_id: Mapped[str | None] = mapped_column(Text)
