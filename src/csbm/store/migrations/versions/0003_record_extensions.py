"""Dossier format extensions: acts dated by month, year or words; Chapter III attendance
and answers; Chapter IX inspections and evaluation visits; declared bounds; the
organisation that conducts an activity or speaks through a source.

Only new nullable columns: existing rows read back as the dossiers they were.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS: dict[str, list[tuple[str, sa.types.TypeEngine[Any]]]] = {
    "activities": [("conducting_organisation", sa.Text())],
    "sources": [("organisation", sa.Text())],
    "claims": [
        ("bound_upper", sa.BigInteger()),
        ("bound_strict", sa.Boolean()),
        ("bound_thresholds", sa.String(20)),
    ],
    "acts": [
        ("date_words", sa.Text()),
        ("answered", sa.Boolean()),
        ("response", sa.String(10)),
        ("quota_cited", sa.Boolean()),
        ("reason", sa.Text()),
        ("held_from", sa.Date()),
        ("held_to", sa.Date()),
    ],
}


def upgrade() -> None:
    for table, columns in _COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name, type_ in columns:
                batch.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    for table, columns in reversed(_COLUMNS.items()):
        with op.batch_alter_table(table) as batch:
            for name, _type in reversed(columns):
                batch.drop_column(name)
