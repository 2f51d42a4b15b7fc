"""The first schema: activities with their parts, sources, claims, acts, revisions and
saved assessments.

Written out in full rather than imported from csbm.store.models, so that this revision
stays what it was when the models change. Times are naive UTC (see models.UTCDateTime).

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _activity_pk() -> sa.Column[int]:
    return sa.Column(
        "activity_pk",
        sa.Integer(),
        sa.ForeignKey("activities.pk", ondelete="CASCADE"),
        nullable=False,
    )


def _source_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["activity_pk", "source_id"],
        ["sources.activity_pk", "sources.source_id"],
        name=f"fk_{table}_activity_pk_sources",
    )


def _text(name: str, nullable: bool = True) -> sa.Column[str]:
    return sa.Column(name, sa.Text(), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "activities",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        _text("activity_id", False),
        sa.Column("format_version", sa.SmallInteger(), nullable=False),
        _text("name", False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("alert", sa.Boolean(), nullable=True),
        sa.Column("single_operational_command", sa.Boolean(), nullable=True),
        _text("parent"),
        _text("series"),
        sa.Column("duration_hours", sa.BigInteger(), nullable=True),
        _text("notes"),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        _text("recorded_by", False),
        sa.PrimaryKeyConstraint("pk", name="pk_activities"),
        sa.UniqueConstraint("activity_id", name="uq_activities_activity_id"),
    )
    op.create_index("ix_activities_start_date", "activities", ["start_date"])

    op.create_table(
        "activity_states",
        _activity_pk(),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(3), nullable=False),
        sa.PrimaryKeyConstraint("activity_pk", "role", "position", name="pk_activity_states"),
    )
    op.create_index("ix_activity_states_state", "activity_states", ["state"])

    op.create_table(
        "aliases",
        _activity_pk(),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("name", False),
        sa.PrimaryKeyConstraint("activity_pk", "position", name="pk_aliases"),
    )
    op.create_index("ix_aliases_name", "aliases", ["name"])

    op.create_table(
        "sources",
        _activity_pk(),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("source_id", False),
        sa.Column("kind", sa.String(40), nullable=False),
        _text("publisher", False),
        _text("author"),
        _text("title"),
        sa.Column("published", sa.Date(), nullable=True),
        _text("url"),
        _text("symbol"),
        sa.Column("reliability", sa.String(1), nullable=True),
        sa.Column("state", sa.String(3), nullable=True),
        _text("note"),
        sa.PrimaryKeyConstraint("activity_pk", "position", name="pk_sources"),
        sa.UniqueConstraint("activity_pk", "source_id", name="uq_sources_activity_pk_source_id"),
    )

    op.create_table(
        "locations",
        _activity_pk(),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("name", False),
        sa.Column("lat", sa.Double(), nullable=True),
        sa.Column("lon", sa.Double(), nullable=True),
        _text("precision"),
        _text("source_id"),
        _source_fk("locations"),
        sa.PrimaryKeyConstraint("activity_pk", "position", name="pk_locations"),
    )

    op.create_table(
        "claims",
        _activity_pk(),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("claim_id"),
        _text("claim_key", False),
        sa.Column("quantity", sa.String(40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=True),
        sa.Column("low", sa.BigInteger(), nullable=True),
        sa.Column("high", sa.BigInteger(), nullable=True),
        sa.Column("qualifier", sa.String(20), nullable=False),
        _text("scope"),
        sa.Column("contingent", sa.String(3), nullable=True),
        sa.Column("counted_under_vd", sa.Boolean(), nullable=True),
        sa.Column("declared_by", sa.String(3), nullable=True),
        _text("attributed_to"),
        _text("originator"),
        _text("source_id", False),
        sa.Column("credibility", sa.SmallInteger(), nullable=True),
        _text("quote"),
        sa.Column("stated", sa.Date(), nullable=True),
        sa.Column("known_from", sa.Date(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        _source_fk("claims"),
        sa.PrimaryKeyConstraint("activity_pk", "position", name="pk_claims"),
    )
    op.create_index("ix_claims_claim_key", "claims", ["claim_key"])
    op.create_index("ix_claims_known_from", "claims", ["known_from"])
    op.create_index("ix_claims_recorded_at", "claims", ["recorded_at"])
    op.create_index("ix_claims_source", "claims", ["source_id", "activity_pk"])

    op.create_table(
        "acts",
        _activity_pk(),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("act_id"),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("made", sa.Boolean(), nullable=False),
        _text("date_text"),
        _text("requested_text"),
        sa.Column("to_given", sa.Boolean(), nullable=False),
        _text("source_id", False),
        _text("note"),
        sa.Column("known_from", sa.Date(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        _source_fk("acts"),
        sa.PrimaryKeyConstraint("activity_pk", "position", name="pk_acts"),
    )
    op.create_index("ix_acts_known_from", "acts", ["known_from"])
    op.create_index("ix_acts_recorded_at", "acts", ["recorded_at"])
    op.create_index("ix_acts_type", "acts", ["type"])

    op.create_table(
        "act_states",
        _activity_pk(),
        sa.Column("act_position", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(4), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(3), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_pk", "act_position"],
            ["acts.activity_pk", "acts.position"],
            name="fk_act_states_activity_pk_acts",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "activity_pk", "act_position", "role", "position", name="pk_act_states"
        ),
    )
    op.create_index("ix_act_states_state", "act_states", ["state"])

    op.create_table(
        "revisions",
        _activity_pk(),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        _text("recorded_by", False),
        sa.Column("change", sa.String(10), nullable=False),
        _text("summary", False),
        _text("previous_json"),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("activity_pk", "version", name="pk_revisions"),
    )
    op.create_index("ix_revisions_recorded_at", "revisions", ["recorded_at"])

    op.create_table(
        "assessments",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        _activity_pk(),
        sa.Column("dossier_hash", sa.String(64), nullable=False),
        sa.Column("ruleset", sa.String(40), nullable=True),
        _text("overlays_json", False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("recorded_as_of", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _text("created_by", False),
        _text("result_json", False),
        sa.PrimaryKeyConstraint("pk", name="pk_assessments"),
    )
    op.create_index("ix_assessments_activity_pk", "assessments", ["activity_pk"])

    op.create_table(
        "findings",
        sa.Column(
            "assessment_pk",
            sa.Integer(),
            sa.ForeignKey("assessments.pk", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("scenario", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(80), nullable=False),
        _text("subject"),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("applies", sa.Boolean(), nullable=True),
        _text("reason", False),
        sa.PrimaryKeyConstraint("assessment_pk", "scenario", "position", name="pk_findings"),
    )
    op.create_index("ix_findings_outcome", "findings", ["outcome"])
    op.create_index("ix_findings_rule", "findings", ["rule"])


def downgrade() -> None:
    for table in (
        "findings",
        "assessments",
        "revisions",
        "act_states",
        "acts",
        "claims",
        "locations",
        "sources",
        "aliases",
        "activity_states",
        "activities",
    ):
        op.drop_table(table)
