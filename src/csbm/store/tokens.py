"""Tokens for the web app's write endpoints.

A token is a random secret shown once, at creation; the database keeps only its SHA-256
digest, so reading the database does not reveal a usable token. Tokens are named (who or
what holds them) and can be revoked; a revoked token never works again.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from csbm.store.errors import StoreError
from csbm.store.models import ApiTokenRow
from csbm.store.repository import Store, default_user

# The prefix makes a leaked token recognisable to secret scanners and people alike.
TOKEN_PREFIX = "csbm_"
_SHOWN = len(TOKEN_PREFIX) + 6


@dataclass(frozen=True)
class TokenInfo:
    pk: int
    name: str
    prefix: str
    created_at: datetime
    created_by: str
    last_used_at: datetime | None
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str, *, by: str | None = None) -> tuple[TokenInfo, str]:
    """Create a token named `name`; return its record and the secret (shown only once)."""
    name = name.strip()
    if not name:
        raise StoreError("a token needs a name (who or what will use it)")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    who = by or default_user()

    def write(conn: Connection, now: datetime) -> int:
        result = conn.execute(
            insert(ApiTokenRow)
            .values(
                name=name,
                prefix=secret[:_SHOWN],
                digest=_digest(secret),
                created_at=now,
                created_by=who,
            )
            .returning(ApiTokenRow.pk)
        )
        return int(result.scalar_one())

    pk = store._write("creating a token", write)
    info = next(t for t in list_tokens(store) if t.pk == pk)
    return info, secret


def list_tokens(store: Store) -> list[TokenInfo]:
    with store._read() as conn:
        rows = conn.execute(select(ApiTokenRow).order_by(ApiTokenRow.pk)).mappings().all()
    return [
        TokenInfo(
            pk=row["pk"],
            name=row["name"],
            prefix=row["prefix"],
            created_at=row["created_at"],
            created_by=row["created_by"],
            last_used_at=row["last_used_at"],
            revoked_at=row["revoked_at"],
        )
        for row in rows
    ]


def check_token(store: Store, secret: str | None) -> TokenInfo | None:
    """The active token whose secret this is, or None. Records when it was last used."""
    if not secret or not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    digest = _digest(secret)
    with store._read() as conn:
        row = conn.execute(select(ApiTokenRow).where(ApiTokenRow.digest == digest)).first()
    # compare_digest on the digests too, so that a near-miss costs the same as a miss.
    if row is None or not secrets.compare_digest(row.digest, digest) or row.revoked_at:
        return None

    def touch(conn: Connection, now: datetime) -> None:
        conn.execute(update(ApiTokenRow).where(ApiTokenRow.pk == row.pk).values(last_used_at=now))

    store._write("recording a token's use", touch)
    return next(t for t in list_tokens(store) if t.pk == row.pk)


def revoke_token(store: Store, name_or_prefix: str) -> list[TokenInfo]:
    """Revoke every active token with this name or secret prefix; return those revoked."""
    matches = [t for t in list_tokens(store) if t.active and name_or_prefix in (t.name, t.prefix)]
    if not matches:
        raise StoreError(f"no active token named or starting {name_or_prefix!r}")

    def write(conn: Connection, now: datetime) -> None:
        conn.execute(
            update(ApiTokenRow)
            .where(ApiTokenRow.pk.in_([t.pk for t in matches]))
            .values(revoked_at=now)
        )

    store._write("revoking a token", write)
    revoked = {t.pk for t in matches}
    return [t for t in list_tokens(store) if t.pk in revoked]


__all__ = [
    "TOKEN_PREFIX",
    "TokenInfo",
    "check_token",
    "create_token",
    "list_tokens",
    "revoke_token",
]
