"""API tokens: shown once, stored as a digest, checked, revoked for good."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from csbm.store import Store, StoreError
from csbm.store.models import ApiTokenRow
from csbm.store.tokens import TOKEN_PREFIX, check_token, create_token, list_tokens, revoke_token


def test_a_token_is_stored_only_as_its_digest(store: Store) -> None:
    info, secret = create_token(store, "analyst laptop", by="tester")
    assert secret.startswith(TOKEN_PREFIX) and len(secret) > 40
    assert info.name == "analyst laptop" and info.created_by == "tester" and info.active
    with store.engine.connect() as conn:
        rows = conn.execute(select(ApiTokenRow.prefix, ApiTokenRow.digest)).all()
    assert rows == [(secret[: len(TOKEN_PREFIX) + 6], hashlib.sha256(secret.encode()).hexdigest())]
    # The secret itself is nowhere in the table.
    with store.engine.connect() as conn:
        dumped = repr(conn.execute(select(ApiTokenRow)).all())
    assert secret not in dumped


def test_check_accepts_the_secret_and_refuses_anything_else(store: Store) -> None:
    _info, secret = create_token(store, "ci")
    found = check_token(store, secret)
    assert found is not None and found.name == "ci" and found.last_used_at is not None
    for wrong in (None, "", secret[:-1], secret + "x", "Bearer " + secret, "x" * 500):
        assert check_token(store, wrong) is None


def test_a_revoked_token_never_works_again(store: Store) -> None:
    _a, first = create_token(store, "old")
    _b, second = create_token(store, "new")
    revoked = revoke_token(store, "old")
    assert [t.name for t in revoked] == ["old"] and revoked[0].revoked_at is not None
    assert check_token(store, first) is None
    assert check_token(store, second) is not None
    with pytest.raises(StoreError, match="no active token"):
        revoke_token(store, "old")
    assert [(t.name, t.active) for t in list_tokens(store)] == [("old", False), ("new", True)]


def test_a_token_needs_a_name(store: Store) -> None:
    with pytest.raises(StoreError, match="needs a name"):
        create_token(store, "  ")
